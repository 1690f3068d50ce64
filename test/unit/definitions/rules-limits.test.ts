// The rules the schema cannot express, each tried on both sides of its limit
// (the last accepted value and the first refused one), with the located message.
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { loadCatalog } from '../../../src/definitions/catalog.js'
import type { Problem } from '../../../src/problems.js'

let dir: string
let count = 0
beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'rules-limits-'))
})
afterAll(() => rm(dir, { recursive: true, force: true }))

const now = new Date('2026-11-24T15:00:00Z')

interface Image {
  name?: string
  multi?: boolean
  /** Lines added after `multi:` (4 spaces of indent). */
  head?: string
  meta?: string
  /** Version entries, `- version: …` lines with 6 spaces of indent. */
  versions?: string
}

const SCS_META = `      architecture: x86_64
      hw_disk_bus: scsi
      os_distro: ubuntu
      os_purpose: generic
      replace_frequency: monthly
      uuid_validity: last-3
      provided_until: none
      os_version: '24.04'
`

/** A definition's text; in a file's first image `meta:` is line 10 and the first version line 21. */
const image = ({
  name = 'Ubuntu 24.04',
  multi = false,
  head = '',
  meta = SCS_META,
  versions = '',
}: Image): string =>
  `  - name: ${name}
    format: qcow2
    login: ubuntu
    min_disk: 8
    min_ram: 512
    status: active
    visibility: public
    multi: ${multi}
${head}    meta:
${meta}    tags: []
    versions:${versions ? `\n${versions}` : ' []\n'}`

/** All problems of a catalog file (and `extra` files beside it), with `strict` as asked. */
async function problemsOf(
  text: string,
  options: { strict?: boolean; extra?: Record<string, string> } = {},
): Promise<Problem[]> {
  const sub = path.join(dir, `case-${++count}`)
  await mkdir(sub)
  const file = path.join(sub, 'images.yml')
  await writeFile(file, text)
  for (const [name, body] of Object.entries(options.extra ?? {})) {
    await mkdir(path.dirname(path.join(sub, name)), { recursive: true })
    await writeFile(path.join(sub, name), body)
  }
  const catalog = await loadCatalog({ images: sub, now, cwd: sub, strict: options.strict ?? false })
  return catalog.problems
}

const brief = (p: Problem): string => `${p.severity} ${p.line}:${p.column} ${p.message}`

const version = (v: string, extra = ''): string =>
  `      - version: '${v}'\n        url: https://cloud-images.example.test/${v.replace(' ', '-')}/img.qcow2\n${extra}`

describe('rules: the Glance name is at most 255 characters', () => {
  // multi: false names each build '<name> <version>'.
  it('255 characters are accepted', async () => {
    const name = 'N'.repeat(250)
    expect(`${name} 1234`).toHaveLength(255)
    const problems = await problemsOf(`images:\n${image({ name, versions: version('1234') })}`)
    expect(problems).toEqual([])
  })

  it('256 characters are refused once per definition (the first too long build), at the name', async () => {
    const name = 'N'.repeat(250)
    const problems = await problemsOf(
      `images:\n${image({ name, versions: version('12345') + version('678901') })}`,
    )
    expect(problems.map(brief)).toEqual([
      `error 2:11 this name makes a Glance name of 256 characters ('${'N'.repeat(40)}…'); Glance allows at most 255: shorten the name or the version`,
    ])
  })

  it('a multi image: only rotated names grow, by the separator and the parentheses', async () => {
    const name = 'M'.repeat(250)
    // 'M…M (12)' is 255 characters; the newest build takes the plain name.
    const ok = await problemsOf(
      `images:\n${image({ name, multi: true, versions: version('12') + version('13') })}`,
    )
    expect(ok).toEqual([])
    const long = await problemsOf(
      `images:\n${image({ name, multi: true, versions: version('123') + version('124') })}`,
    )
    expect(long.map(brief)).toEqual([
      `error 2:11 this name makes a Glance name of 256 characters ('${'M'.repeat(40)}…'); Glance allows at most 255: shorten the name or the version`,
    ])
  })
})

describe('rules: one definition per Glance name', () => {
  it('two definitions making the same name: one error at the second, naming where the first is', async () => {
    const text = `images:\n${image({ versions: version('1') })}${image({ name: 'Ubuntu', versions: version('24.04 1') })}`
    const problems = await problemsOf(text)
    expect(problems.map(brief)).toEqual([
      `error 23:11 'Ubuntu' makes the same Glance name 'Ubuntu 24.04 1' as the definition at ${'images.yml'}:2: rename one of them`,
    ])
  })

  it('a duplicate version within one definition is one error, the duplicate, not a name clash', async () => {
    const problems = await problemsOf(
      `images:\n${image({ versions: version('7') + version('7') })}`,
    )
    expect(problems.map(brief)).toEqual([
      `error 23:18 duplicate version '7' in 'Ubuntu 24.04': each version may appear once`,
    ])
  })

  it('different names and versions: nothing to report', async () => {
    const text = `images:\n${image({ versions: version('1') + version('2') })}${image({ name: 'Debian 12', versions: version('1') })}`
    expect(await problemsOf(text)).toEqual([])
  })
})

describe('rules: min_disk and min_ram have realistic limits', () => {
  const sized = (disk: number, ram: number): string =>
    `images:\n${image({}).replace('min_disk: 8', `min_disk: ${disk}`).replace('min_ram: 512', `min_ram: ${ram}`)}`

  it('10000 GiB of disk and 10 TiB of RAM (in MiB) are accepted', async () => {
    expect(await problemsOf(sized(10_000, 10 * 1024 * 1024))).toEqual([])
  })

  it('10001 GiB and one MiB more are refused, each at its value', async () => {
    const problems = await problemsOf(sized(10_001, 10 * 1024 * 1024 + 1))
    expect(problems.map(brief)).toEqual([
      'error 5:15 min_disk 10001 GiB is unrealistic: it is in GiB (at most 10000)',
      'error 6:14 min_ram 10485761 is unrealistic: it is in MiB (at most 10485760)',
    ])
    expect(problems.map((p) => p.sourceLine)).toEqual([
      '    min_disk: 10001',
      '    min_ram: 10485761',
    ])
  })
})

describe('rules: a build date may be tomorrow (time zones), not later', () => {
  // now is 2026-11-24 15:00 UTC.
  it.each(['2026-11-23', '2026-11-24', '2026-11-25', '2026-11-25 23:59:59'])(
    '%s is accepted',
    async (date) => {
      const text = `images:\n${image({ versions: version('1', `        build_date: ${date}\n`) })}`
      expect(await problemsOf(text)).toEqual([])
    },
  )

  it.each(['2026-11-26', '2026-11-26 00:00:00', '2027-01-01'])(
    '%s is refused at the date',
    async (date) => {
      const text = `images:\n${image({ versions: version('1', `        build_date: ${date}\n`) })}`
      expect((await problemsOf(text)).map(brief)).toEqual([
        `error 23:21 build_date ${date.slice(0, 10)} is in the future`,
      ])
    },
  )
})

describe('rules: a fixed image id is given once in the whole catalog', () => {
  const id = (uuid: string): string => `        id: ${uuid}\n`
  const A = '0b6ed8b6-4b8d-4e5c-9d0e-2f6c1a7f3e21'
  const B = '0b6ed8b6-4b8d-4e5c-9d0e-2f6c1a7f3e22'

  it('different ids are accepted', async () => {
    const text = `images:\n${image({ versions: version('1', id(A)) + version('2', id(B)) })}`
    expect(await problemsOf(text)).toEqual([])
  })

  it('the same id twice: an error at the second, naming the first', async () => {
    const text = `images:\n${image({ versions: version('1', id(A)) + version('2', id(A)) })}`
    expect((await problemsOf(text)).map(brief)).toEqual([
      `error 26:13 id ${A} is already the id of the version at images.yml:21: each image needs its own id`,
    ])
  })
})

describe('rules: the SCS meta keys and rotated', () => {
  const without = (key: string): string =>
    SCS_META.split('\n')
      .filter((l) => !l.includes(`${key}:`))
      .join('\n')

  it('a missing key is a warning at the meta key, an error with strict', async () => {
    const text = `images:\n${image({ meta: without('os_purpose'), versions: version('1') })}`
    const message = "meta lacks 'os_purpose', which the SCS image metadata standard asks for"
    expect((await problemsOf(text)).map(brief)).toEqual([`warning 10:5 ${message}`])
    expect((await problemsOf(text, { strict: true })).map(brief)).toEqual([`error 10:5 ${message}`])
  })

  it("several missing keys are named in one warning, in the standard's order", async () => {
    const meta = without('provided_until').replace('      os_purpose: generic\n', '')
    const text = `images:\n${image({ meta, versions: version('1') })}`
    expect((await problemsOf(text)).map(brief)).toEqual([
      "warning 10:5 meta lacks 'os_purpose', 'provided_until', which the SCS image metadata standard asks for",
    ])
  })

  it('os_version: multi: false takes it from the version, never missing', async () => {
    const text = `images:\n${image({ meta: without('os_version'), versions: version('1') })}`
    expect(await problemsOf(text)).toEqual([])
  })

  it('os_version of a multi image: missing unless every version (and at least one) sets it', async () => {
    const meta = without('os_version')
    const lacks =
      "warning 10:5 meta lacks 'os_version', which the SCS image metadata standard asks for"
    const osv = "        os_version: '24.04'\n"
    const none = await problemsOf(`images:\n${image({ multi: true, meta })}`)
    expect(none.map(brief)).toEqual([lacks])
    const some = await problemsOf(
      `images:\n${image({ multi: true, meta, versions: version('1', osv) + version('2') })}`,
    )
    expect(some.map(brief)).toEqual([lacks])
    const all = await problemsOf(
      `images:\n${image({ multi: true, meta, versions: version('1', osv) + version('2', osv) })}`,
    )
    expect(all).toEqual([])
  })

  it('rotated on a multi: false image is a warning at the rotated key; on multi: true none', async () => {
    const head = '    rotated:\n      hidden: true\n'
    const single = await problemsOf(`images:\n${image({ head, versions: version('1') })}`)
    expect(single.map(brief)).toEqual([
      "warning 10:5 'rotated' has no effect on 'Ubuntu 24.04': only multi: true images are replaced under their name",
    ])
    expect(
      await problemsOf(`images:\n${image({ head, multi: true, versions: version('1') })}`),
    ).toEqual([])
  })
})

describe('rules: local files', () => {
  it('a file: url inside the directory is accepted, even before the file exists', async () => {
    const versions = `      - version: '1'\n        url: file:images/1.qcow2\n        mirror_url: file:images/m.qcow2\n`
    expect(await problemsOf(`images:\n${image({ versions })}`)).toEqual([])
  })

  it('a file: url or mirror_url outside the directory is refused at its value', async () => {
    const versions = `      - version: '1'\n        url: file:../1.qcow2\n        mirror_url: file:../m.qcow2\n`
    const problems = await problemsOf(`images:\n${image({ versions })}`)
    const outside = `points outside ${path.join(dir, `case-${count}`)}, the directory of its definition file: keep local images inside it`
    expect(problems.map(brief)).toEqual([
      `error 22:14 url 'file:../1.qcow2' ${outside}`,
      `error 23:21 mirror_url 'file:../m.qcow2' ${outside}`,
    ])
  })

  it('a checksum_signature key file must exist: an error at the key, named as written', async () => {
    const head = `    checksum_signature:
      signature: .gpg
      keys: [keys/ubuntu.asc, keys/missing.asc]
      fingerprints: ['843938DF228D22F7B3742BC0D94AA3F0EFE21092']
`
    const problems = await problemsOf(`images:\n${image({ head, versions: version('1') })}`, {
      extra: { 'keys/ubuntu.asc': 'a key\n' },
    })
    expect(problems.map(brief)).toEqual([
      `error 12:31 key file 'keys/missing.asc' names ${path.join(dir, `case-${count}`, 'keys/missing.asc')}, which does not exist`,
    ])
  })
})

describe('rules: uuid_validity last-N above 9', () => {
  it.each(['last-1', 'last-9', 'last-10', 'last-11', 'last-100'])('%s is valid', async (v) => {
    const meta = SCS_META.replace('last-3', v)
    expect(await problemsOf(`images:\n${image({ meta, versions: version('1') })}`)).toEqual([])
  })

  it.each(['last-0', 'last-01', 'last-'])('%s is refused at its value', async (v) => {
    const meta = SCS_META.replace('last-3', v)
    const problems = await problemsOf(`images:\n${image({ meta, versions: version('1') })}`)
    expect(problems.map((p) => `${p.severity} ${p.line}:${p.column}`)).toEqual(['error 16:22'])
    expect(problems[0]?.message).toMatch(/last-N \(N at least 1\)/)
  })
})
