// Text for a log line (terminal or GitHub Actions log), escaped in one place per reporter.
import { showInvisible } from './invisible.js'

export interface LogOptions {
  /**
   * The text's maker escaped it value by value (see {@link escapeLogValue}): its
   * escape sequences are our own colours, so only the whole-line rules apply.
   */
  preEscaped?: boolean
}

/** One value inside a line: controls, bidi characters and line feeds written out. */
export const escapeLogValue = showInvisible

// `::` after white space or our colours at the start of a line.
// eslint-disable-next-line no-control-regex -- colours start with ESC
const LINE_START_COMMAND = /^((?:\s|\x1b\[[0-9;]*m)*):(?=:)/gm

/**
 * A message for the log: one line, controls and bidi characters written out (a
 * pre-escaped text keeps its lines), and no line that the Actions runner would
 * run as a workflow command. The runner takes a
 * line as a command when it starts with `::` after leading white space, or when
 * it holds the legacy `##[name]` form anywhere.
 */
export function escapeLog(message: string, options: LogOptions = {}): string {
  const text = options.preEscaped ? message : showInvisible(message)
  return text.replace(LINE_START_COMMAND, '$1\\x3a').replace(/##\[/g, '##\\x5b')
}
