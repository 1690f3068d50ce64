// The whole validation: files -> schema -> typed definitions -> rules.
import path from 'node:path'
import { stat } from 'node:fs/promises'
import { sortProblems, type Problem } from '../problems.js'
import { loadDefinitionFiles } from './load.js'
import { normalize } from './normalize.js'
import { checkRules, type CheckedFile } from './rules.js'
import { checkSchema, recommendedMetaKeys } from './schema-check.js'
import type { Definition } from './types.js'

export interface ValidateOptions {
  /** A file, a directory or a glob. */
  images: string
  strict?: boolean
  now?: Date
  cwd?: string
}

export interface Catalog {
  definitions: Definition[]
  /** Errors and warnings, sorted by file and position. */
  problems: Problem[]
  files: number
}

/** The directory that `file:` urls are relative to and must stay inside. */
async function catalogDir(images: string, cwd: string): Promise<string> {
  const abs = path.resolve(cwd, images)
  const globAt = abs.search(/[*?]/)
  if (globAt >= 0) return abs.slice(0, abs.lastIndexOf(path.sep, globAt)) || path.sep
  const info = await stat(abs).catch(() => null)
  return info?.isDirectory() ? abs : path.dirname(abs)
}

export async function validateCatalog(options: ValidateOptions): Promise<Catalog> {
  const cwd = options.cwd ?? process.cwd()
  const loaded = await loadDefinitionFiles(options.images, cwd)
  const problems = [...loaded.problems]
  const checked: CheckedFile[] = []
  for (const file of loaded.files) {
    const schemaProblems = checkSchema(file)
    problems.push(...schemaProblems)
    if (schemaProblems.length === 0) checked.push({ file, definitions: normalize(file) })
  }
  problems.push(
    ...checkRules(checked, {
      now: options.now ?? new Date(),
      catalogDir: await catalogDir(options.images, cwd),
      strict: options.strict ?? false,
      recommendedMeta: recommendedMetaKeys(),
    }),
  )
  return {
    definitions: checked.flatMap((c) => c.definitions),
    problems: sortProblems(problems),
    files: loaded.files.length + loaded.problems.length,
  }
}
