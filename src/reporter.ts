// How commands talk to the person running them: a terminal or a GitHub Actions log.
import type { LogOptions } from './escape/log.js'
import type { Problem } from './problems.js'

/** Every message is escaped for its sink by the reporter (see src/escape/log.ts). */
export interface Reporter {
  /** `preEscaped`: a rendering that escaped its values itself and keeps its colours. */
  info(message: string, options?: LogOptions): void
  warning(message: string): void
  debug(message: string): void
  /** Findings in the user's files: annotations in Actions, compiler-style lines in a terminal. */
  problems(problems: readonly Problem[]): void
  /** A Markdown report: the job summary in Actions; nothing in a terminal. */
  summary(markdown: string): Promise<void>
  /** A value that must never be printed (masked in Actions logs). */
  secret(value: string): void
}
