// The Actions reporter is the one place where text meets the runner's log: no
// hostile name runs a workflow command, smuggles a line or reaches it raw.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { createActionsReporter } from '../../../src/action/reporter.js'
import { renderTerminal } from '../../../src/plan/render-terminal.js'
import {
  ACTING,
  LOG_ATTACKS,
  MARKDOWN_ATTACKS,
  planOf,
  runnerCommand,
  WORKFLOW_COMMAND,
} from '../escape/hostile.js'

const ATTACKS = [...LOG_ATTACKS, ...MARKDOWN_ATTACKS]

describe('actions reporter', () => {
  let written: string

  beforeEach(() => {
    written = ''
    vi.spyOn(process.stdout, 'write').mockImplementation((chunk) => {
      written += String(chunk)
      return true
    })
  })
  afterEach(() => vi.restoreAllMocks())

  /** The lines the runner reads (it splits on \n and \r). */
  const lines = (): string[] => written.split(/\r?\n|\r/).filter(Boolean)

  it.each(ATTACKS)('%j: only our own commands, nothing acting', (attack) => {
    const reporter = createActionsReporter()
    reporter.info(attack)
    reporter.info(renderTerminal(planOf(() => attack)), { preEscaped: true })
    reporter.warning(attack)
    reporter.debug(attack)
    reporter.problems([
      { severity: 'error', file: attack, line: 2, column: 3, message: attack },
      { severity: 'warning', file: 'a.yml', line: 1, column: 1, message: attack },
    ])
    expect(written).not.toMatch(ACTING)
    const commands = lines().filter(runnerCommand)
    expect(commands.map((l) => /^::([a-z]+)/.exec(l)?.[1])).toEqual([
      'warning',
      'debug',
      'error',
      'warning',
    ])
    // core's data escaping keeps each command on its line; no second `::` start inside.
    for (const c of commands) expect(c.indexOf('##[')).toBe(-1)
  })

  it("the issue's workflow command is printed, not run", () => {
    createActionsReporter().info(`Ubuntu\n${WORKFLOW_COMMAND}`)
    expect(written).toBe('Ubuntu\\x0a::error file=.github/workflows/ci.yml,line=1::pwned\n')
    written = ''
    createActionsReporter().info(WORKFLOW_COMMAND)
    expect(written).toBe('\\x3a:error file=.github/workflows/ci.yml,line=1::pwned\n')
  })

  it('annotations carry the message without control characters', () => {
    createActionsReporter().problems([
      { severity: 'error', file: 'a.yml', line: 1, column: 2, message: 'bad \x1b[31mname\u202e' },
    ])
    expect(written).toBe(
      '::error title=Image definition,file=a.yml,line=1,col=2::bad \\x1b[31mname\\u202e\n',
    )
  })
})
