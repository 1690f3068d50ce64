// Reporter for a terminal: compiler-style problem lines with the source line.
import type { Problem } from '../problems.js'
import type { Reporter } from '../reporter.js'

export interface TerminalStreams {
  out: NodeJS.WritableStream & { isTTY?: boolean }
  err: NodeJS.WritableStream & { isTTY?: boolean }
  verbose?: boolean
}

export function createTerminalReporter(io: TerminalStreams): Reporter {
  const color = Boolean(io.err.isTTY) && !process.env.NO_COLOR
  const paint = (code: number, s: string): string => (color ? `\x1b[${code}m${s}\x1b[0m` : s)
  const secrets: string[] = []
  const redact = (s: string): string => secrets.reduce((t, x) => t.split(x).join('***'), s)
  return {
    info: (m) => io.out.write(`${redact(m)}\n`),
    warning: (m) => io.err.write(`${paint(33, 'warning')} ${redact(m)}\n`),
    debug: (m) => {
      if (io.verbose) io.err.write(`${paint(2, redact(m))}\n`)
    },
    problems(problems: readonly Problem[]) {
      for (const p of problems) {
        const label = p.severity === 'error' ? paint(31, 'error') : paint(33, 'warning')
        let text = `${paint(1, `${p.file}:${p.line}:${p.column}`)}  ${label}  ${p.message}\n`
        if (p.sourceLine !== undefined) {
          const gutter = String(p.line).length
          text += `  ${String(p.line)} | ${p.sourceLine}\n`
          text += `  ${' '.repeat(gutter)} | ${' '.repeat(Math.max(0, p.column - 1))}${paint(31, '^')}\n`
        }
        io.out.write(redact(text))
      }
    },
    summary: async () => {},
    secret: (value) => {
      if (value) secrets.push(value)
    },
  }
}
