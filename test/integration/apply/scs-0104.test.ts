// Acceptance (SCS standard images scs-0104 v1, and the freshness rule of scs-0102) on
// the real local Glance: the tool populates four clouds (one tag each) whose
// image_source is the real upstream url while the bytes come from a loopback
// mirror_url; SCS's own testcases (test/fixtures/scs, run by Debian's
// python3-openstacksdk) and `check` then agree, testcase by testcase.
import { execFile } from 'node:child_process'
import { readFileSync } from 'node:fs'
import { readFile } from 'node:fs/promises'
import { fileURLToPath } from 'node:url'
import { promisify } from 'node:util'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { checkCommand } from '../../../src/commands/check.js'
import { makeQcow2, startImageServer, type ImageServer } from '../../support/image-server.js'
import { localCloudsYamlPath } from '../../support/local-cloud.js'
import { catalogDefinition, catalogMeta } from '../../support/definitions.js'
import {
  applyOptions,
  planAndExecute,
  rawGlance,
  recorder,
  uniqueTag,
  workdir,
  type RawGlance,
  type Workdir,
} from './support.js'

const FIXTURES = fileURLToPath(new URL('../../fixtures/scs/', import.meta.url))
const PYTHON = '/usr/bin/python3'
const run = promisify(execFile)

const UBUNTU =
  'https://cloud-images.ubuntu.com/releases/noble/release-20241004/ubuntu-24.04-server-cloudimg-amd64.img'
const JAMMY = 'https://cloud-images.ubuntu.com/jammy/current/jammy-server-cloudimg-amd64.img'
const DEBIAN =
  'https://cloud.debian.org/images/cloud/bookworm/20241004-1890/debian-12-genericcloud-amd64-20241004-1890.qcow2'
const CAPI =
  'https://nbg1.your-objectstorage.com/osism/openstack-k8s-capi-images/ubuntu-2404-kube-v1.31/ubuntu-2404-kube-v1.31.4.qcow2'

/** The testcases both sides run: every scs_0102 one `check` knows, and scs-0104-v1-2's. */
const TESTCASES = [
  ...[
    'prop-architecture',
    'prop-hash_algo',
    'prop-min_disk',
    'prop-min_ram',
    'prop-os_version',
    'prop-os_distro',
    'prop-os_purpose',
    'prop-hw_disk_bus',
    'prop-image_build_date',
    'prop-image_original_user',
    'prop-image_source',
    'prop-image_description',
    'prop-replace_frequency',
    'prop-provided_until',
    'prop-uuid_validity',
    'image-recency',
    'os_purpose-uniqueness',
  ].map((t) => `scs-0102-${t}`),
  ...['capi-1', 'capi-2', 'ubuntu-2404', 'ubuntu-2204', 'ubuntu-2004']
    .concat(['debian-13', 'debian-12', 'debian-11'])
    .map((t) => `scs-0104-source-${t}`),
  'scs-0104-image-ubuntu-2404',
  'scs-0104-image-capi-2',
  'scs-0104-image-debian-12',
]

const day = (back: number): string =>
  new Date(Date.now() - back * 86_400_000).toISOString().slice(0, 10)

interface Spec {
  name: string
  url: string
  file: string
  distro: string
  version: string
  purpose?: string
  built?: string
  separator?: string
  release?: string
}
const ubuntu = (url: string, built = day(1)): Spec => ({
  name: 'Ubuntu 24.04',
  url,
  file: 'noble.qcow2',
  distro: 'ubuntu',
  version: '24.04',
  built,
})
const debian: Spec = {
  name: 'Debian 12',
  url: DEBIAN,
  file: 'bookworm.qcow2',
  distro: 'debian',
  version: '12',
}
const capi: Spec = {
  name: 'ubuntu-capi-image',
  separator: '-',
  release: 'v1.31.4',
  url: CAPI,
  file: 'capi.qcow2',
  distro: 'ubuntu',
  version: '24.04',
  purpose: 'k8snode',
}

const CLOUDS = {
  conformant: [ubuntu(UBUNTU), debian, capi],
  'no-ubuntu-2404': [debian, capi],
  'wrong-source': [ubuntu(JAMMY), debian, capi],
  'stale-build': [ubuntu(UBUNTU, day(60)), debian, capi],
} as const
type CloudName = keyof typeof CLOUDS
const tags = Object.fromEntries(
  Object.keys(CLOUDS).map((c) => [c, uniqueTag(`scs0104-${c}`)]),
) as Record<CloudName, string>

let server: ImageServer
let raw: RawGlance
let work: Workdir

function definition(s: Spec): Record<string, unknown> {
  const built = s.built ?? day(1)
  return catalogDefinition(s.name, {
    login: s.distro,
    min_disk: 1,
    min_ram: 512,
    // multi: the newest build holds the plain name ('Ubuntu 24.04'); a single one is 'name-version'.
    ...(s.separator ? { separator: s.separator } : { multi: true }),
    meta: catalogMeta({
      hypervisor_type: 'qemu',
      os_distro: s.distro,
      os_version: s.version,
      os_purpose: s.purpose ?? 'generic',
      replace_frequency: 'monthly',
      uuid_validity: 'last-3',
      provided_until: '2099-12-31',
    }),
    versions: [
      {
        version: s.release ?? built.replace(/-/g, ''),
        url: s.url,
        mirror_url: server.urlOf(s.file),
        build_date: built,
      },
    ],
  })
}

/** SCS's testcases on the images tagged `tag`: testcase → PASS, FAIL or ABORT. */
async function scsTestcases(tag: string): Promise<Record<string, string>> {
  const { stdout } = await run(
    PYTHON,
    [`${FIXTURES}run_testcases.py`, 'local-admin', tag, ...TESTCASES],
    {
      cwd: FIXTURES,
      env: {
        ...process.env,
        PYTHONPATH: FIXTURES,
        OS_CLIENT_CONFIG_FILE: localCloudsYamlPath(),
      },
      timeout: 120_000,
    },
  )
  return Object.fromEntries(
    stdout
      .trim()
      .split('\n')
      .map((l) => l.split(': ') as [string, string]),
  )
}

interface CheckJson {
  passed: boolean
  rules: {
    id: string
    passed: boolean
    level: string
    offenders: { name: string; why: string }[]
  }[]
}

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

beforeAll(async () => {
  raw = await rawGlance()
  server = await startImageServer()
  work = await workdir()
  const bytes = await readFile(await makeQcow2(server.dir, 'base.qcow2', '16M'))
  for (const f of ['noble.qcow2', 'bookworm.qcow2', 'capi.qcow2']) await server.addFile(f, bytes)
  for (const [cloud, specs] of Object.entries(CLOUDS) as [CloudName, readonly Spec[]][]) {
    const file = await work.catalog(`${cloud}.yml`, specs.map(definition))
    const reporter = recorder()
    const { report } = await planAndExecute(applyOptions(tags[cloud], file), reporter)
    if (report.failed) throw new Error(reporter.lines.join('\n'))
  }
}, 600_000)

afterAll(async () => {
  for (const tag of Object.values(tags)) await raw?.purge(tag)
  await server?.close()
  await work?.close()
})

/** What each cloud fails, by SCS's testcases (the recommended ones marked). */
const EXPECTED: Record<CloudName, { code: number; failed: string[] }> = {
  conformant: { code: 0, failed: [] },
  'no-ubuntu-2404': { code: 1, failed: ['scs-0104-image-ubuntu-2404'] },
  'wrong-source': { code: 1, failed: ['scs-0104-source-ubuntu-2404'] },
  'stale-build': { code: 1, failed: ['scs-0102-image-recency'] },
}

describe('scs-0104 v1 and scs-0102 freshness: check agrees with SCS testcases', () => {
  it.each(Object.keys(CLOUDS) as CloudName[])('%s cloud', async (cloud) => {
    const [scs, { code, result }] = await Promise.all([
      scsTestcases(tags[cloud]),
      check(tags[cloud]),
    ])
    expect(Object.keys(scs).sort()).toEqual([...TESTCASES].sort())
    const ours = Object.fromEntries(
      TESTCASES.map((t) => {
        const rule = result.rules.find((r) => r.id === t)
        return [t, rule ? (rule.passed ? 'PASS' : 'FAIL') : 'missing']
      }),
    )
    // Testcase by testcase, the same verdict.
    expect(ours).toEqual(scs)
    const failed = TESTCASES.filter((t) => scs[t] !== 'PASS')
    expect(failed).toEqual(EXPECTED[cloud].failed)
    expect(code).toBe(EXPECTED[cloud].code)
    // Each finding names the image and the fix.
    for (const t of failed) {
      const why = result.rules.find((r) => r.id === t)?.offenders[0]?.why ?? ''
      expect(why).toMatch(/fix|replacement/)
    }
  })
})
