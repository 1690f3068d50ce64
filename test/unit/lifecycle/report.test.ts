// The judgement itself, case by case: which end counts, what is "new", what a
// release in the data looks like when fields are flags instead of dates.
import { describe, expect, it } from 'vitest'
import type { Definition } from '../../../src/definitions/types.js'
import { parseCycles, type Cycle } from '../../../src/lifecycle/endoflife.js'
import { findCycle, lifecycleReport, productsOf } from '../../../src/lifecycle/report.js'

const position = { file: 'x.yml', line: 1, column: 1 }
function definition(
  name: string,
  distro: string,
  release: string,
  extra: Partial<Definition> = {},
): Definition {
  return {
    name,
    enable: true,
    format: 'qcow2',
    login: 'user',
    min_disk: 1,
    min_ram: 512,
    status: 'active',
    visibility: 'public',
    multi: true,
    separator: ' ',
    keep: false,
    meta: { architecture: 'x86_64', os_distro: distro, os_version: release },
    tags: [],
    versions: [{ version: '20260101', url: 'https://example.com/a.img', position }],
    position,
    ...extra,
  }
}
const cycle = (c: Partial<Cycle> & { cycle: string }): Cycle => ({ eol: false, lts: false, ...c })
const judge = (defs: Definition[], data: Record<string, Cycle[]>, day = '2026-08-01') =>
  lifecycleReport(defs, new Map(Object.entries(data)), {
    now: new Date(`${day}T00:00:00Z`),
    source: 'https://endoflife.date',
  })

describe('lifecycleReport', () => {
  it('judges Ubuntu on eol, not on Expanded Security Maintenance', () => {
    const data = {
      ubuntu: [
        cycle({ cycle: '20.04', lts: true, eol: '2025-05-31', extendedSupport: '2030-04-02' }),
      ],
    }
    const report = judge([definition('U', 'ubuntu', '20.04')], data)
    expect(report.pastEndOfLife.map((r) => r.end)).toEqual(['2025-05-31'])
  })

  it('judges Debian on its LTS end, and on eol when the data gives no LTS end', () => {
    const data = {
      debian: [
        cycle({
          cycle: '11',
          releaseDate: '2021-08-14',
          eol: '2024-08-14',
          extendedSupport: '2026-08-31',
        }),
        cycle({ cycle: '9', eol: '2020-07-18', extendedSupport: false }),
        cycle({ cycle: '8', eol: true }),
      ],
    }
    const report = judge(
      [
        definition('D11', 'debian', '11'),
        definition('D9', 'debian', '9'),
        definition('D8', 'debian', '8'),
      ],
      data,
    )
    expect(report.releases.map((r) => `${r.definition} ${r.status} ${r.end ?? '-'}`)).toEqual([
      'D8 eol -',
      'D9 eol 2020-07-18',
      'D11 supported 2026-08-31',
    ])
    // On its last day a release still counts as ended: the date is the end.
    expect(judge([definition('D11', 'debian', '11')], data, '2026-08-31').findings).toBe(1)
    expect(judge([definition('D11', 'debian', '11')], data, '2026-08-30').findings).toBe(0)
  })

  it('wants only new, released, supported LTS releases of Ubuntu', () => {
    const data = {
      ubuntu: [
        cycle({ cycle: '28.04', lts: true, releaseDate: '2028-04-20', eol: '2033-04-30' }),
        cycle({ cycle: '26.10', releaseDate: '2026-10-08', eol: '2027-07-01' }),
        cycle({ cycle: '26.04', lts: true, releaseDate: '2026-04-23', eol: '2031-04-30' }),
        cycle({ cycle: '25.10', releaseDate: '2025-10-09', eol: '2026-07-01' }),
        cycle({ cycle: '24.04', lts: true, releaseDate: '2024-04-25', eol: '2029-05-31' }),
        cycle({ cycle: '22.04', lts: true, releaseDate: '2022-04-21', eol: '2027-04-01' }),
      ],
    }
    const report = judge([definition('U', 'ubuntu', '24.04')], data, '2026-09-01')
    // Not 22.04 (older than what the catalog has), not 25.10 (interim), not 28.04 (future).
    expect(report.missing.map((m) => m.cycle)).toEqual(['26.04'])
    expect(judge([definition('U', 'ubuntu', '26.04')], data).missing).toEqual([])
  })

  it('takes an LTS start date as LTS once it has come', () => {
    const data = {
      ubuntu: [
        cycle({ cycle: '30.04', lts: '2030-05-01', releaseDate: '2030-04-20', eol: '2035-04-30' }),
      ],
    }
    const defs = [definition('U', 'ubuntu', '24.04')]
    expect(judge(defs, data, '2030-04-30').missing).toEqual([])
    expect(judge(defs, data, '2030-05-01').missing.map((m) => m.cycle)).toEqual(['30.04'])
  })

  it('leaves distributions alone that the catalog does not carry (or only disabled)', () => {
    const data = { debian: [cycle({ cycle: '13', releaseDate: '2025-08-09', eol: '2028-08-09' })] }
    expect(judge([definition('U', 'ubuntu', '24.04')], data).missing).toEqual([])
    const disabled = definition('D12', 'debian', '12', { enable: false })
    const report = judge([disabled], data)
    expect(report.missing).toEqual([])
    expect(report.findings).toBe(0)
  })

  it('does not count disabled images past end of life', () => {
    const data = {
      debian: [cycle({ cycle: '10', eol: '2022-09-10', extendedSupport: '2024-06-30' })],
    }
    const report = judge([definition('D10', 'debian', '10', { enable: false })], data)
    expect(report.pastEndOfLife).toEqual([])
    expect(report.releases.map((r) => r.status)).toEqual(['eol'])
  })

  it('groups the builds of one definition; per-version os_version splits a definition', () => {
    const v = (version: string, os_version?: string) => ({
      version,
      url: 'https://example.com/a.img',
      position,
      ...(os_version ? { os_version } : {}),
    })
    const def = definition('D', 'debian', '12', {
      versions: [v('20260101'), v('20260201'), v('20260301', '13')],
    })
    const data = {
      debian: [
        cycle({ cycle: '12', eol: '2030-01-01' }),
        cycle({ cycle: '13', eol: '2031-01-01' }),
      ],
    }
    expect(judge([def], data).releases.map((r) => `${r.release}: ${r.images.join(', ')}`)).toEqual([
      '12: D (20260101), D (20260201)',
      '13: D',
    ])
  })
})

describe('findCycle', () => {
  const cycles = [
    cycle({ cycle: '12', codename: 'Bookworm' }),
    cycle({ cycle: '1', codename: 'Buzz' }),
    cycle({ cycle: '24.04', codename: 'Noble Numbat' }),
  ]
  it.each([
    ['12', '12'],
    ['12.5', '12'],
    ['1.2', '1'],
    ['24.04.1', '24.04'],
    ['bookworm', '12'],
    ['Noble', '24.04'],
    ['noble numbat', '24.04'],
  ])('%s -> %s', (release, expected) => {
    expect(findCycle(cycles, release)?.cycle).toBe(expected)
  })
  it.each(['120', '24', '24.10', 'sid'])('%s -> none', (release) => {
    expect(findCycle(cycles, release)).toBeUndefined()
  })
})

// The v1 shape (`ProductResponse` > `result.releases[]` of `ProductRelease`) is
// that of endoflife.date's OpenAPI document, docs/api/v1/openapi.yml (API 1.2.1).
describe('parseCycles', () => {
  const release = (fields: Record<string, unknown>) => ({
    name: '24.04',
    codename: null,
    label: '24.04',
    releaseDate: '2024-04-25',
    isLts: false,
    ltsFrom: null,
    isEol: false,
    eolFrom: null,
    isMaintained: true,
    latest: null,
    custom: null,
    ...fields,
  })
  const response = (...releases: unknown[]) => ({
    schema_version: '1.2.1',
    result: { name: 'p', releases },
  })

  it('reads the v1 format: dates where known, else the flags', () => {
    expect(
      parseCycles(
        'u',
        response(
          release({
            name: '24.04',
            codename: 'Noble Numbat',
            isLts: true,
            eolFrom: '2029-05-31',
            isEoas: false,
            eoasFrom: '2029-05-31',
            isEoes: false,
            eoesFrom: '2036-05-31',
            latest: { name: '24.04.4', date: '2026-02-12', link: null },
          }),
          release({ name: '8', isEol: true, isEoes: null, eoesFrom: null }),
          release({ name: '9', isLts: true, ltsFrom: '2030-05-01', isEoes: false, eoesFrom: null }),
          release({ name: '7', isEol: true, isEoes: true, eoesFrom: null }),
        ),
      ),
    ).toEqual([
      {
        cycle: '24.04',
        codename: 'Noble Numbat',
        releaseDate: '2024-04-25',
        eol: '2029-05-31',
        lts: true,
        support: '2029-05-31',
        extendedSupport: '2036-05-31',
        latest: '24.04.4',
      },
      // No extended support (isEoes null), and extended support over (isEoes true): none left.
      { cycle: '8', releaseDate: '2024-04-25', eol: true, lts: false, extendedSupport: false },
      // Extended support not over, no date known: still on.
      {
        cycle: '9',
        releaseDate: '2024-04-25',
        eol: false,
        lts: '2030-05-01',
        extendedSupport: true,
      },
      { cycle: '7', releaseDate: '2024-04-25', eol: true, lts: false, extendedSupport: false },
    ])
  })
  it.each([
    [[], 'the response is [], expected an object'],
    [{ result: { releases: {} } }, 'result.releases is {}, expected an array'],
    [response(null), 'result.releases[0] is null, expected an object'],
    [response(release({ name: undefined })), 'result.releases[0].name is undefined'],
    [response(release({ eolFrom: '2020-1-1' })), 'result.releases[0].eolFrom is "2020-1-1"'],
    [
      response(release({ isEol: 'no' })),
      'result.releases[0].isEol is "no", expected true or false',
    ],
    [response(release({ releaseDate: null })), 'result.releases[0].releaseDate is null'],
    [response(release({ isEoes: 'yes', eoesFrom: null })), 'result.releases[0].isEoes is "yes"'],
    [response(release({ codename: {} })), 'result.releases[0].codename is {}'],
    [
      response(release({ latest: '1.2' })),
      'result.releases[0].latest is "1.2", expected an object',
    ],
  ])('names what is off in %j', (data, message) => {
    expect(() => parseCycles('https://m/api/v1/products/ubuntu', data)).toThrow(message)
  })
})

describe('productsOf', () => {
  it('asks only for the judged distributions the catalog names', () => {
    const defs = [definition('A', 'Ubuntu', '24.04'), definition('C', 'cirros', '0.6')]
    expect(productsOf(defs).map((p) => p.distro)).toEqual(['ubuntu'])
  })
})
