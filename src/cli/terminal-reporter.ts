// Reporter for a terminal: compiler-style problem lines with the source line.
import { escapeLog, escapeLogValue, type LogOptions } from '../escape/log.js'
import { withoutUserinfo } from '../http/secrets.js'
import type { Problem } from '../problems.js'
import type { Reporter } from '../reporter.js'

export interface TerminalStreams {
  out: NodeJS.WritableStream & { isTTY?: boolean }
  err: NodeJS.WritableStream & { isTTY?: boolean }
  verbose?: boolean
}

/** The terminal reporter also prints the CLI's own last word, masked like everything else. */
export interface TerminalReporter extends Reporter {
  /** `error: <message>` on stderr. */
  error(message: string): void
}

export function createTerminalReporter(io: TerminalStreams): TerminalReporter {
  const color = Boolean(io.err.isTTY) && !process.env.NO_COLOR
  const paint = (code: number, s: string): string => (color ? `\x1b[${code}m${s}\x1b[0m` : s)
  const secrets: string[] = []
  const redact = (s: string): string =>
    withoutUserinfo(secrets.reduce((t, x) => t.split(x).join('***'), s))
  // The one place where text meets the terminal: secrets and url userinfo out first, then escaped
  // (controls, bidi), and only then our own colours.
  const clean = (m: string, options?: LogOptions): string => escapeLog(redact(m), options)
  const oneLine = (s: string): string => escapeLogValue(redact(s))
  return {
    info: (m, options) => io.out.write(`${clean(m, options)}\n`),
    warning: (m) => io.err.write(`${paint(33, 'warning')} ${clean(m)}\n`),
    error: (m) => io.err.write(`${paint(31, 'error')}: ${clean(m)}\n`),
    debug: (m) => {
      if (io.verbose) io.err.write(`${paint(2, clean(m))}\n`)
    },
    problems(problems: readonly Problem[]) {
      for (const p of problems) {
        const label = p.severity === 'error' ? paint(31, 'error') : paint(33, 'warning')
        let text = `${paint(1, `${oneLine(p.file)}:${p.line}:${p.column}`)}  ${label}  ${oneLine(p.message)}\n`
        if (p.sourceLine !== undefined) {
          const gutter = String(p.line).length
          text += `  ${String(p.line)} | ${oneLine(p.sourceLine)}\n`
          text += `  ${' '.repeat(gutter)} | ${' '.repeat(Math.max(0, p.column - 1))}${paint(31, '^')}\n`
        }
        io.out.write(escapeLog(text, { preEscaped: true }))
      }
    },
    summary: async () => {},
    secret: (value) => {
      if (value) secrets.push(value)
    },
  }
}
