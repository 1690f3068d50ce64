// The whole validation: files -> schema -> typed definitions -> rules.
import { sortProblems, type Problem } from '../problems.js'
import { loadDefinitionFiles } from './load.js'
import { normalize } from './normalize.js'
import { limitProblems } from './problem-limits.js'
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

export async function loadCatalog(options: ValidateOptions): Promise<Catalog> {
  const cwd = options.cwd ?? process.cwd()
  const loaded = await loadDefinitionFiles(options.images, cwd)
  // concat, not push(...): a file may hold more problems than a call has room for arguments.
  let problems = loaded.problems
  const checked: CheckedFile[] = []
  for (const file of loaded.files) {
    const schemaProblems = checkSchema(file)
    problems = problems.concat(schemaProblems)
    if (schemaProblems.length === 0) checked.push({ file, definitions: normalize(file) })
  }
  const ruleProblems = await checkRules(checked, {
    now: options.now ?? new Date(),
    strict: options.strict ?? false,
    recommendedMeta: recommendedMetaKeys(),
  })
  return {
    definitions: checked.flatMap((c) => c.definitions),
    problems: limitProblems(sortProblems(problems.concat(ruleProblems))),
    files: loaded.read,
  }
}
