// A problem found in the user's input: where it is and what to do about it.

export type Severity = 'error' | 'warning'

export interface Problem {
  severity: Severity
  file: string
  line: number
  column: number
  message: string
  /** The offending source line, for a compiler-like rendering. */
  sourceLine?: string
}

export const errorsOf = (problems: readonly Problem[]): Problem[] =>
  problems.filter((p) => p.severity === 'error')

/** Sorted by file, then position, so output is stable and reads top to bottom. */
export const sortProblems = (problems: readonly Problem[]): Problem[] =>
  [...problems].sort(
    (a, b) =>
      (a.file < b.file ? -1 : a.file > b.file ? 1 : 0) || a.line - b.line || a.column - b.column,
  )

/** An error whose message is meant for the user as it is (no stack trace). */
export class UserError extends Error {
  constructor(
    message: string,
    readonly exitCode = 2,
  ) {
    super(message)
    this.name = 'UserError'
  }
}

/** The message of anything thrown, without a stack trace. */
export function getErrorMessage(error: unknown): string {
  if (error instanceof Error) return error.message
  if (typeof error === 'string') return error
  try {
    return JSON.stringify(error) ?? String(error)
  } catch {
    return String(error)
  }
}

/** A problem the user fixes in a configuration: clouds.yaml, secure.yaml, OS_* variables, a CA file. */
export class ConfigError extends Error {
  override readonly name = 'ConfigError'
}
