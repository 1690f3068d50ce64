// Acceptance (SCS image metadata v2) on the real local Glance: three distributions
// of multi images get a newer build each. With the SCS recipe `check` passes every
// rule afterwards; without it `check` fails uniqueness naming both builds, and the
// plan before that apply said so.
import { createHash } from 'node:crypto'
import { readFile } from 'node:fs/promises'
import { readFileSync } from 'node:fs'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { checkCommand } from '../../../src/commands/check.js'
import type { Rotated } from '../../../src/definitions/types.js'
import { renderMarkdown } from '../../../src/plan/render-markdown.js'
import { makeQcow2, startImageServer, type ImageServer } from '../../support/image-server.js'
import { localCloudsYamlPath } from '../../support/local-cloud.js'
import { catalogDefinition, catalogMeta } from '../../support/definitions.js'
import {
  applyOptions,
  planAndExecute,
  planLines,
  planOnly,
  rawGlance,
  recorder,
  uniqueTag,
  workdir,
  type RawGlance,
  type Workdir,
} from './support.js'

const withRecipe = uniqueTag('scs-recipe')
const withoutRecipe = uniqueTag('scs-plain')
const SCS: Rotated = { meta: { os_purpose: 'oldgeneric' }, hidden: true }
let server: ImageServer
let raw: RawGlance
let work: Workdir

const DISTROS = [
  // Named and sourced as scs-0104 v1 wants (the bytes come from the loopback mirror_url).
  { name: 'Ubuntu 24.04', os_distro: 'ubuntu', os_version: '24.04', login: 'ubuntu' },
  { name: 'SCS Debian 12', os_distro: 'debian', os_version: '12', login: 'debian' },
  { name: 'SCS Rocky 9', os_distro: 'rocky', os_version: '9', login: 'rocky' },
]
/** Yesterday and the day before (UTC): build dates before the registration, never in the future. */
const day = (back: number): string =>
  new Date(Date.now() - back * 86_400_000).toISOString().slice(0, 10)
let imageSum = ''
const VERSIONS = [day(2).replace(/-/g, ''), day(1).replace(/-/g, '')]

async function catalog(versions: number): Promise<string> {
  return work.catalog(`scs-${versions}.yml`, [
    ...DISTROS.map((d) =>
      catalogDefinition(d.name, {
        login: d.login,
        min_ram: 512,
        multi: true,
        meta: catalogMeta({
          hypervisor_type: 'qemu',
          os_distro: d.os_distro,
          os_version: d.os_version,
          os_purpose: 'generic',
          replace_frequency: 'monthly',
          uuid_validity: 'last-3',
          provided_until: 'none',
        }),
        versions: VERSIONS.slice(0, versions).map((v) => ({
          version: v,
          ...(d.os_distro === 'ubuntu'
            ? {
                url: `https://cloud-images.ubuntu.com/releases/noble/release-${v}/ubuntu-24.04-server-cloudimg-amd64.img`,
                mirror_url: server.urlOf(`scs-${v}.qcow2`),
              }
            : { url: server.urlOf(`scs-${v}.qcow2`) }),
          build_date: `${v.slice(0, 4)}-${v.slice(4, 6)}-${v.slice(6)}`,
          // Verified imports: an unverified public one would be a plan finding of its own.
          checksum: `sha256:${imageSum}`,
        })),
      }),
    ),
  ])
}

interface CheckJson {
  passed: boolean
  images: number
  rules: {
    id: string
    passed: boolean
    level: string
    offenders: { name: string; why: string }[]
  }[]
}

/** `check --tag TAG --output json` against the local cloud. */
async function check(tag: string): Promise<{ code: number; result: CheckJson }> {
  const reporter = recorder()
  const code = await checkCommand(
    {
      cloud: 'local-admin',
      cloudsYaml: readFileSync(localCloudsYamlPath(), 'utf8'),
      tag,
      strict: false,
      output: 'json',
    },
    reporter,
  )
  const json = reporter.lines.find((l) => l.startsWith('{'))
  if (!json) throw new Error(reporter.lines.join('\n'))
  return { code, result: JSON.parse(json) as CheckJson }
}

/** The failing mandatory rules (scs-0104's Debian 12 and CAPI images are only recommended). */
const failed = (r: CheckJson): string[] =>
  r.rules.filter((x) => !x.passed && x.level === 'mandatory').map((x) => x.id)

beforeAll(async () => {
  raw = await rawGlance()
  server = await startImageServer()
  work = await workdir()
  const bytes = await readFile(await makeQcow2(server.dir, 'base.qcow2', '16M'))
  imageSum = createHash('sha256').update(bytes).digest('hex')
  for (const v of VERSIONS) await server.addFile(`scs-${v}.qcow2`, bytes)
})

afterAll(async () => {
  await raw?.purge(withRecipe)
  await raw?.purge(withoutRecipe)
  await server?.close()
  await work?.close()
})

describe('SCS image metadata v2 after every rotation', () => {
  it.each([withRecipe, withoutRecipe])(
    'first apply (%s): one build per distribution, and check passes every rule',
    async (tag) => {
      const reporter = recorder()
      const { report } = await planAndExecute(applyOptions(tag, await catalog(1)), reporter)
      expect(report.failed, reporter.lines.join('\n')).toBe(0)
      const { code, result } = await check(tag)
      expect(failed(result)).toEqual([])
      // scs-0102's 17 rules and the 11 testcases of scs-0104 v1.
      expect([code, result.images, result.rules.length]).toEqual([0, 3, 28])
    },
  )

  it('with the SCS recipe, a newer build of each: the replaced ones become oldgeneric and hidden, and check passes every rule', async () => {
    const options = applyOptions(withRecipe, await catalog(2), { rotated: SCS })
    const before = await planOnly(options)
    expect(before.findings).toEqual([])
    const updates = before.definitions.flatMap((d) =>
      d.steps.flatMap((s) =>
        s.action === 'update' ? [`${s.image.name}: ${JSON.stringify(s.changes)}`] : [],
      ),
    )
    expect(updates).toEqual(
      DISTROS.map(
        (d) =>
          `${d.name}: ${JSON.stringify([
            { field: 'property', key: 'os_purpose', from: 'generic', to: 'oldgeneric' },
            { field: 'os_hidden', from: false, to: true },
          ])}`,
      ),
    )
    const reporter = recorder()
    const { report } = await planAndExecute(options, reporter)
    expect(report.failed, reporter.lines.join('\n')).toBe(0)
    const { code, result } = await check(withRecipe)
    expect(failed(result)).toEqual([])
    expect([code, result.images]).toEqual([0, 6])
    // Converged: the next plan changes nothing.
    expect(planLines(await planOnly(options))).toEqual([])
  })

  it('without it, the plan warned before the apply, and check then fails uniqueness naming the two builds', async () => {
    const options = applyOptions(withoutRecipe, await catalog(2))
    const before = await planOnly(options)
    const warnings = before.findings.map((f) => f.message)
    expect(warnings).toHaveLength(3)
    for (const d of DISTROS) {
      expect(
        warnings.some(
          (w) => w.includes(`'${d.name}'`) && w.includes(`'${d.name} (${VERSIONS[0]})'`),
        ),
      ).toBe(true)
    }
    expect(warnings[0]).toContain('--rotated-meta os_purpose=oldgeneric --rotated-hidden')
    expect(renderMarkdown(before)).toContain('scs-0102-os&#95;purpose-uniqueness')

    const reporter = recorder()
    const { report } = await planAndExecute(options, reporter)
    expect(report.failed, reporter.lines.join('\n')).toBe(0)
    const { code, result } = await check(withoutRecipe)
    expect(code).toBe(1)
    expect(failed(result)).toEqual(['scs-0102-os_purpose-uniqueness'])
    const offenders = result.rules
      .find((r) => r.id === 'scs-0102-os_purpose-uniqueness')
      ?.offenders.map((o) => o.name)
      .sort()
    expect(offenders).toEqual(DISTROS.flatMap((d) => [d.name, `${d.name} (${VERSIONS[0]})`]).sort())
  })

  it('repairing that cloud: the recipe on the next plan fixes the replaced builds, and check passes', async () => {
    const options = applyOptions(withoutRecipe, await catalog(2), { rotated: SCS })
    const reporter = recorder()
    const { plan, report } = await planAndExecute(options, reporter)
    expect(planLines(plan)).toEqual(DISTROS.map((d) => `update ${d.name} (${VERSIONS[0]})`))
    expect(report.failed, reporter.lines.join('\n')).toBe(0)
    const { code, result } = await check(withoutRecipe)
    expect([code, failed(result)]).toEqual([0, []])
  })
})
