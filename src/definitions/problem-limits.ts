// Bounds on what validation reports: a hostile or broken file may hold
// millions of defects, but a reader needs the first few, and logs, job
// summaries and comments have size limits of their own.
import type { Problem } from '../problems.js'
import { EXCERPT_CHARS } from './positions.js'

/** Problems shown per file; the rest are counted in one closing line. */
export const MAX_PROBLEMS_PER_FILE = 50
/** A message quoting a huge value is cut here. */
export const MAX_MESSAGE_CHARS = 500

const clip = (text: string, max: number): string =>
  text.length > max ? `${text.slice(0, max)}…` : text

/**
 * Problems sorted by file as they are, but each file's first MAX_PROBLEMS_PER_FILE
 * only, identical ones once (a defect in an anchored node repeats at every alias),
 * messages cut, and no excerpt where the caret would point past the cut line.
 */
// Closing lines made before limitProblems runs, with the counts they stand for.
const closing = new WeakMap<Problem, { count: number; errors: number }>()

/** One line standing for `count` problems (`errors` of them errors) not shown, from `at` on. */
export function moreProblems(
  file: string,
  at: { line: number; column: number },
  count: number,
  errors: number,
): Problem {
  const problem: Problem = {
    severity: errors > 0 ? 'error' : 'warning',
    file,
    ...at,
    message: `${count} more problem${count === 1 ? '' : 's'} in this file (${errors} error${errors === 1 ? '' : 's'}) not shown: fix the ones above and validate again`,
  }
  closing.set(problem, { count, errors })
  return problem
}

/** The message without the leading `'images[3].meta.x'`: the same defect reached through another alias. */
const defect = (p: Problem): string =>
  `${p.severity}:${p.line}:${p.column}:${p.message.replace(/^'[^']*' /, '')}`

/**
 * Problems sorted by file as they are, but each file's first MAX_PROBLEMS_PER_FILE
 * only, each defect once (one in an anchored node repeats at every alias),
 * messages cut, and no excerpt where the caret would point past the cut line.
 */
export function limitProblems(sorted: readonly Problem[]): Problem[] {
  const out: Problem[] = []
  let file: string | undefined
  let seen = new Set<string>()
  let hidden = { first: undefined as Problem | undefined, count: 0, errors: 0 }
  const closeFile = (): void => {
    const { first, count, errors } = hidden
    hidden = { first: undefined, count: 0, errors: 0 }
    if (first) out.push(moreProblems(first.file, first, count, errors))
  }
  for (const p of sorted) {
    if (p.file !== file) {
      closeFile()
      file = p.file
      seen = new Set()
    }
    const counted = closing.get(p)
    if (counted) {
      hidden.first ??= p
      hidden.count += counted.count
      hidden.errors += counted.errors
      continue
    }
    const key = defect(p)
    if (seen.has(key)) continue
    seen.add(key)
    if (seen.size > MAX_PROBLEMS_PER_FILE) {
      hidden.first ??= p
      hidden.count++
      if (p.severity === 'error') hidden.errors++
      continue
    }
    const bounded: Problem = { ...p, message: clip(p.message, MAX_MESSAGE_CHARS) }
    if (bounded.sourceLine !== undefined && p.column > EXCERPT_CHARS) delete bounded.sourceLine
    out.push(bounded)
  }
  closeFile()
  return out
}
