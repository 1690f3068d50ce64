// SCS image metadata v2 in the definition format: os_purpose values, mandatory keys, `rotated`.
import { mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { loadCatalog } from '../../../src/definitions/catalog.js'
import { errorsOf, type Problem } from '../../../src/problems.js'

let dir: string
beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'scs-v2-'))
})
afterAll(() => rm(dir, { recursive: true, force: true }))

const SCS_META = `      architecture: x86_64
      hw_disk_bus: scsi
      os_distro: ubuntu
      os_purpose: generic
      replace_frequency: monthly
      uuid_validity: last-3
      provided_until: none
`

async function validate(name: string, body: string): Promise<Problem[]> {
  const file = path.join(dir, name)
  await writeFile(file, `images:\n  - name: Ubuntu 24.04\n${body}`)
  return (await loadCatalog({ images: file, now: new Date('2026-01-01T00:00:00Z') })).problems
}

const image = (meta: string, extra = '', multi = true, versionExtra = ''): string =>
  `    format: qcow2
    login: ubuntu
    min_disk: 8
    min_ram: 512
    status: active
    visibility: public
    multi: ${multi}
    meta:
${meta}    tags: []
    versions:
      - version: '20250101'
        url: https://cloud-images.example.test/noble.img
${versionExtra}${extra}`

describe('definitions: SCS image metadata v2', () => {
  it.each(['generic', 'oldgeneric', 'minimal', 'k8snode', 'gpu', 'network', 'custom'])(
    'os_purpose %s is valid',
    async (purpose) => {
      const meta = SCS_META.replace('generic', purpose) + "      os_version: '24.04'\n"
      expect(await validate(`purpose-${purpose}.yml`, image(meta))).toEqual([])
    },
  )

  it('an os_purpose outside the standard is an error naming the allowed values', async () => {
    const meta = SCS_META.replace('generic', 'general') + "      os_version: '24.04'\n"
    const errors = errorsOf(await validate('purpose-bad.yml', image(meta)))
    expect(errors).toHaveLength(1)
    expect(errors[0]?.message).toMatch(/oldgeneric/)
    expect(errors[0]?.line).toBe(14)
  })

  it('a multi image without os_version is warned about; a version os_version or multi: false is enough', async () => {
    const without = await validate('no-os-version.yml', image(SCS_META))
    expect(without.map((p) => `${p.severity} ${p.message}`)).toEqual([
      "warning meta lacks 'os_version', which the SCS image metadata standard asks for",
    ])
    const perVersion = image(SCS_META, '', true, "        os_version: '24.04.1'\n")
    expect(await validate('version-os-version.yml', perVersion)).toEqual([])
    expect(await validate('single.yml', image(SCS_META, '', false))).toEqual([])
  })

  it('strict makes a missing mandatory key an error', async () => {
    const file = path.join(dir, 'strict.yml')
    await writeFile(file, `images:\n  - name: Ubuntu 24.04\n${image(SCS_META)}`)
    const strict = await loadCatalog({ images: file, strict: true })
    expect(errorsOf(strict.problems).map((p) => p.message)).toEqual([
      "meta lacks 'os_version', which the SCS image metadata standard asks for",
    ])
  })

  it('rotated: meta and hidden are accepted on multi images', async () => {
    const meta = `${SCS_META}      os_version: '24.04'\n`
    const rotated =
      '    rotated:\n      meta:\n        os_purpose: oldgeneric\n      hidden: true\n'
    expect(await validate('rotated.yml', image(meta, rotated))).toEqual([])
    expect(await validate('rotated-empty.yml', image(meta, '    rotated: {}\n'))).toEqual([])
  })

  it('rotated: a wrong value or an unknown key is an error at its line', async () => {
    const meta = `${SCS_META}      os_version: '24.04'\n`
    const bad = '    rotated:\n      meta:\n        os_purpose: old\n'
    const errors = errorsOf(await validate('rotated-bad.yml', image(meta, bad)))
    expect(errors.map((e) => e.line)).toEqual([25])
    expect(errors[0]?.message).toMatch(/oldgeneric/)
    const unknown = '    rotated:\n      hide: true\n'
    const e2 = errorsOf(await validate('rotated-unknown.yml', image(meta, unknown)))
    expect(e2.map((e) => e.line)).toEqual([24])
  })

  it('rotated on a multi: false image is a warning: nothing is ever replaced under its name', async () => {
    const rotated = '    rotated:\n      hidden: true\n'
    const problems = await validate('rotated-single.yml', image(SCS_META, rotated, false))
    expect(problems.map((p) => `${p.severity} ${p.line} ${p.message}`)).toEqual([
      "warning 22 'rotated' has no effect on 'Ubuntu 24.04': only multi: true images are replaced under their name",
    ])
  })

  it('normalizes rotated into the definition', async () => {
    const file = path.join(dir, 'normalized.yml')
    const meta = `${SCS_META}      os_version: '24.04'\n`
    await writeFile(
      file,
      `images:\n  - name: Ubuntu 24.04\n${image(meta, '    rotated:\n      meta:\n        os_purpose: oldgeneric\n        hw_pmu: false\n      hidden: true\n')}`,
    )
    const catalog = await loadCatalog({ images: file })
    expect(catalog.definitions[0]?.rotated).toEqual({
      meta: { os_purpose: 'oldgeneric', hw_pmu: false },
      hidden: true,
    })
  })
})
