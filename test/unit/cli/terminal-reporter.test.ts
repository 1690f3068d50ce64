// The terminal reporter is the one place where text meets the terminal: hostile
// names reach it as text, never as escape sequences or extra lines.
import { PassThrough } from 'node:stream'
import { describe, expect, it } from 'vitest'
import { createTerminalReporter } from '../../../src/cli/terminal-reporter.js'
import { renderTerminal } from '../../../src/plan/render-terminal.js'
import {
  ACTING,
  benign,
  LOG_ATTACKS,
  MARKDOWN_ATTACKS,
  planOf,
  runnerCommand,
} from '../escape/hostile.js'

const ATTACKS = [...LOG_ATTACKS, ...MARKDOWN_ATTACKS]

function terminal() {
  const out = Object.assign(new PassThrough(), { isTTY: true })
  const err = Object.assign(new PassThrough(), { isTTY: true })
  let text = ''
  out.on('data', (c) => (text += c))
  err.on('data', (c) => (text += c))
  const reporter = createTerminalReporter({ out, err, verbose: true })
  return { reporter, text: () => text }
}

// The reporter's and the plan's own colours; anything else would be the input's.
// eslint-disable-next-line no-control-regex -- colours start with ESC
const OUR_COLOURS = /\x1b\[(?:0|1|2|31|32|33)m/g

const problem = (s: string) => ({
  severity: 'error' as const,
  file: s,
  line: 2,
  column: 3,
  message: s,
  sourceLine: s,
})

describe('terminal reporter', () => {
  it.each(ATTACKS)('%j: no acting character, no command line', (attack) => {
    const { reporter, text } = terminal()
    reporter.info(attack)
    reporter.warning(attack)
    reporter.debug(attack)
    reporter.problems([problem(attack)])
    reporter.info(
      renderTerminal(
        planOf(() => attack),
        true,
      ),
      { preEscaped: true },
    )
    expect(text()).toContain('\x1b[31merror\x1b[0m')
    const shown = text().replace(OUR_COLOURS, '')
    expect(shown).not.toMatch(ACTING)
    for (const line of shown.split('\n')) expect(runnerCommand(line)).toBe(false)
  })

  it.each(ATTACKS)('%j: messages, a problem and the plan keep their lines', (attack) => {
    const lines = (s: (i: number) => string): number => {
      const { reporter, text } = terminal()
      reporter.info(`imported ${s(0)}`)
      reporter.warning(`${s(0)}: failed`)
      reporter.debug(s(0))
      reporter.problems([problem(s(0))])
      reporter.info(renderTerminal(planOf(s), true), { preEscaped: true })
      return text().split('\n').length
    }
    expect(lines(() => attack)).toBe(lines(benign))
  })

  it('secrets are masked before escaping', () => {
    const { reporter, text } = terminal()
    reporter.secret('pa\x1bss::word')
    reporter.info('token pa\x1bss::word')
    expect(text()).toBe('token ***\n')
  })
})
