// The whole validation: files -> schema -> typed definitions -> rules.
import { withoutUserinfo } from '../http/secrets.js'
import { errorsOf, sortProblems, type Problem } from '../problems.js'
import type { Reporter } from '../reporter.js'
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

/**
 * A problem as shown: a url's `user:password@` quoted from the file is cut
 * out. The same object when nothing is cut (limitProblems knows its closing
 * lines by identity).
 */
function withoutCredentials(p: Problem): Problem {
  const message = withoutUserinfo(p.message)
  const sourceLine = p.sourceLine === undefined ? undefined : withoutUserinfo(p.sourceLine)
  if (message === p.message && sourceLine === p.sourceLine) return p
  return { ...p, message, ...(sourceLine === undefined ? {} : { sourceLine }) }
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
    // Userinfo out before messages are cut: a cut could leave a url without its `@`.
    problems: limitProblems(sortProblems(problems.concat(ruleProblems).map(withoutCredentials))),
    files: loaded.read,
  }
}

/** How a caller hears of the catalog's problems, and what it says when errors stop it. */
export interface CatalogGate {
  /** Gets the problems, errors and warnings alike. */
  report: (problems: Problem[]) => void
  /** Says why the caller stops, given the number of errors. */
  stop?: (errors: number) => void
}

/** Reports the problems; true when none is an error, else `stop` has said why the caller stops. */
export function acceptProblems(problems: Problem[], gate: CatalogGate): boolean {
  gate.report(problems)
  const errors = errorsOf(problems).length
  if (errors === 0) return true
  gate.stop?.(errors)
  return false
}

/** The catalog when it holds no error; undefined (stop) once its problems are reported. */
export async function requireValidCatalog(
  options: ValidateOptions,
  gate: CatalogGate,
): Promise<Catalog | undefined> {
  const catalog = await loadCatalog(options)
  return acceptProblems(catalog.problems, gate) ? catalog : undefined
}

/** The problems to a reporter; with JSON on stdout as warnings, so that stdout stays JSON. */
export function problemsTo(reporter: Reporter, json = false): (problems: Problem[]) => void {
  if (!json) return (problems) => reporter.problems(problems)
  return (problems) => {
    for (const p of problems)
      reporter.warning(`${p.file}:${p.line}:${p.column}: ${p.severity}: ${p.message}`)
  }
}
