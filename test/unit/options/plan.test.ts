import { describe, expect, it } from 'vitest'
import { applyCommandOptions, planCommandOptions, rotatedMeta } from '../../../src/options/plan.js'
import { commands, parseCommandOptions } from '../../../src/cli/main.js'
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
    expect([o.importTimeoutSeconds, o.concurrency]).toEqual([60, 2])
  })
})

describe('rotated options', () => {
  it('none given: no rotated settings (drop-in)', () => {
    expect(planCommandOptions(base).rotated).toBeUndefined()
  })

  it('repeated --rotated-meta and --rotated-hidden make the catalog-wide default', () => {
    const o = planCommandOptions({
      ...base,
      'rotated-meta': ['os_purpose=oldgeneric', 'hw_pmu=false', 'hotfix_hours=24', 'note=a=b'],
      'rotated-hidden': true,
    })
    expect(o.rotated).toEqual({
      meta: { os_purpose: 'oldgeneric', hw_pmu: false, hotfix_hours: 24, note: 'a=b' },
      hidden: true,
    })
  })

  it('the action input: one KEY=VALUE per line; numbers stay text where the key wants text', () => {
    expect(rotatedMeta('os_purpose=oldgeneric\n\n  patchlevel=5  \nos_version=24.10\n')).toEqual({
      os_purpose: 'oldgeneric',
      patchlevel: '5',
      os_version: '24.10',
    })
  })

  it.each([
    ['os_purpose', 'must be KEY=VALUE'],
    ['=oldgeneric', 'must be KEY=VALUE'],
    ['os_purpose=old', "'os_purpose' must be one of: generic, oldgeneric"],
    ['hw_pmu=maybe', "'hw_pmu' must be true or false"],
  ])('--rotated-meta %s is a usage error (exit 2)', (entry, message) => {
    const parse = () => planCommandOptions({ ...base, 'rotated-meta': [entry] })
    expect(parse).toThrow(UserError)
    expect(parse).toThrow(message)
    try {
      parse()
    } catch (error) {
      expect((error as UserError).exitCode).toBe(2)
    }
  })
})

describe('rotated options on the command line', () => {
  it('--rotated-meta repeats; plan and apply both take it', () => {
    for (const name of ['plan', 'apply']) {
      const command = commands[name]
      if (!command) throw new Error(name)
      const v = parseCommandOptions(command, [
        '--rotated-meta',
        'os_purpose=oldgeneric',
        '--rotated-meta',
        'note=x',
        '--rotated-hidden',
      ])
      expect(v['rotated-meta']).toEqual(['os_purpose=oldgeneric', 'note=x'])
      expect(v['rotated-hidden']).toBe(true)
    }
  })
})

describe('apply --plan', () => {
  const withPlan = (extra: Record<string, string | boolean>) =>
    applyCommandOptions({ ...base, 'import-timeout': '60', plan: 'p.json', ...extra })

  it('options at their defaults are not given: the file says', () => {
    expect(withPlan({})).toMatchObject({ planFile: 'p.json', givenShape: {} })
  })

  it('options given other than at their defaults are, to be compared with the file', () => {
    expect(
      withPlan({ tag: 'other', delete: true, filter: '^U', cloud: 'c', 'rotated-hidden': true })
        .givenShape,
    ).toEqual({
      tag: 'other',
      delete: true,
      filter: '^U',
      cloud: 'c',
      rotated: { meta: {}, hidden: true },
    })
  })

  it('without --plan there is nothing to compare', () => {
    expect(applyCommandOptions({ ...base, 'import-timeout': '60' }).givenShape).toBeUndefined()
  })
})

describe('--verify', () => {
  it('auto by default; auto, stream and none are taken, on the command line of plan and apply', () => {
    for (const name of ['plan', 'apply']) {
      const command = commands[name]
      if (!command) throw new Error(name)
      expect(planCommandOptions(parseCommandOptions(command, [])).verify).toBe('auto')
      for (const mode of ['auto', 'stream', 'none'])
        expect(planCommandOptions(parseCommandOptions(command, ['--verify', mode])).verify).toBe(
          mode,
        )
    }
  })

  it('anything else is a usage error naming the values', () => {
    const parse = () => planCommandOptions({ ...base, verify: 'sha256' })
    expect(parse).toThrow(UserError)
    expect(parse).toThrow("--verify must be auto, stream or none, not 'sha256'")
  })
})
