import { describe, expect, it } from 'vitest'
import { applyCommandOptions } from '../../../src/commands/options.js'
import { UserError } from '../../../src/problems.js'

const base = { images: 'etc/images/', tag: 'managed_by_osism', concurrency: '4' }

describe('apply options', () => {
  it.each(['0', '-5', '1.5', 'ten', '', ' 30', '1e3'])(
    "--import-timeout '%s' is a usage error (exit 2)",
    (value) => {
      const parse = () => applyCommandOptions({ ...base, 'import-timeout': value })
      expect(parse).toThrow(UserError)
      expect(parse).toThrow(
        `--import-timeout must be a whole number of seconds of at least 1, not '${value}'`,
      )
      try {
        parse()
      } catch (error) {
        expect((error as UserError).exitCode).toBe(2)
      }
    },
  )

  it.each(['0', 'all'])("--concurrency '%s' is a usage error", (value) => {
    expect(() =>
      applyCommandOptions({ ...base, concurrency: value, 'import-timeout': '60' }),
    ).toThrow(`--concurrency must be a whole number of at least 1, not '${value}'`)
  })

  it('takes whole numbers', () => {
    const o = applyCommandOptions({ ...base, 'import-timeout': '60', concurrency: '2' })
    expect([o.importTimeout, o.concurrency]).toEqual([60, 2])
  })
})
