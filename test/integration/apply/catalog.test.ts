// Acceptance 1: a catalog of ten definitions plus the three seed examples is
// imported exactly as docs/behaviour.md §2 and §3 say; a second run plans nothing and makes
// only the listing requests.
import { randomUUID } from 'node:crypto'
import { mkdir, readFile, readdir } from 'node:fs/promises'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { applyCommand } from '../../../src/commands/apply.js'
import { openPlanSession } from '../../../src/commands/plan.js'
import { startFaultProxy, type FaultProxy } from '../../support/fault-proxy.js'
import { makeQcow2, startImageServer, type ImageServer } from '../../support/image-server.js'
import { catalogDefinition, catalogMeta } from '../../support/definitions.js'
import {
  applyOptions,
  cloudsYamlVia,
  rawGlance,
  recorder,
  sha256Of,
  shapes,
  uniqueTag,
  workdir,
  type ImageShape,
  type RawGlance,
  type Workdir,
} from './support.js'

const tag = uniqueTag('catalog')
const seeds = path.resolve(import.meta.dirname, '../../fixtures/valid')
const fixedId = randomUUID()

let server: ImageServer
let raw: RawGlance
let work: Workdir
let proxy: FaultProxy
let catalogDir: string
let qcow2: Buffer
/** Seed url -> the loopback url that replaces it. */
const seedUrls = new Map<string, string>()
let cirrosSha = ''

/** The ten definitions of this test. */
function definitions(url: (file: string) => string): unknown[] {
  return [
    catalogDefinition('Cat Debian 12', {
      login: 'debian',
      min_ram: 512,
      multi: true,
      meta: catalogMeta({
        os_distro: 'debian',
        os_version: '12',
        uuid_validity: 'none',
        license_included: false,
        subscription_required: true,
        custom_number: 7,
      }),
      tags: ['debian-family'],
      versions: [
        { version: '20240101', url: url('deb-20240101.qcow2'), build_date: '2024-01-01' },
        {
          version: '20240201',
          url: url('deb-20240201.qcow2'),
          build_date: '2024-02-01',
          os_version: '12.5',
        },
        {
          version: '20240301',
          url: url('deb-20240301.qcow2'),
          build_date: '2024-03-01',
          os_version: '12.6',
        },
      ],
    }),
    // Natural order (1.9 < 1.10), a separator, a version visibility, hidden: false.
    catalogDefinition('Cat Ubuntu Minimal', {
      login: 'ubuntu',
      min_disk: 5,
      visibility: 'private',
      multi: true,
      separator: '_',
      meta: catalogMeta({ os_distro: 'ubuntu' }),
      versions: [
        { version: '1.10', url: url('ubu-1.10.qcow2'), visibility: 'public' },
        { version: '1.9', url: url('ubu-1.9.qcow2'), hidden: false },
      ],
    }),
    catalogDefinition('Cat Rocky', {
      login: 'rocky',
      min_disk: 10,
      min_ram: 1024,
      visibility: 'community',
      meta: catalogMeta({ os_distro: 'rocky', os_version: '9' }),
      tags: ['el', 'server'],
      versions: [
        { version: '9.2', url: url('rocky-9.2.qcow2') },
        { version: '9.3', url: url('rocky-9.3.qcow2') },
        { version: '9.10', url: url('rocky-9.10.qcow2') },
      ],
    }),
    catalogDefinition('Cat Deactivated', {
      login: 'freebsd',
      status: 'deactivated',
      visibility: 'private',
      meta: catalogMeta({ os_distro: 'freebsd' }),
      versions: [{ version: '2.0', url: url('bsd-2.0.qcow2'), build_date: '2023-12-24' }],
    }),
    // Its own image_description: builds are tracked by image_name.
    catalogDefinition('Cat Custom Desc', {
      login: 'fedora',
      min_disk: 2,
      min_ram: 128,
      multi: true,
      meta: catalogMeta({
        os_distro: 'fedora',
        os_version: '40',
        image_description: 'Release notes: https://example.org/notes',
      }),
      tags: ['desk'],
      versions: [
        { version: '40.1', url: url('fed-40.1.qcow2') },
        { version: '40.2', url: url('fed-40.2.qcow2'), image_description: 'Build two' },
      ],
    }),
    // Version meta on top of the image meta; a '-' separator.
    catalogDefinition('Cat Version Meta', {
      login: 'arm',
      min_ram: 64,
      separator: '-',
      meta: catalogMeta({ hw_rng_model: 'virtio' }),
      versions: [
        {
          version: 'a1',
          url: url('vm-a1.qcow2'),
          meta: { architecture: 'aarch64', hw_pmu: true, hw_rng_model: null },
        },
        { version: 'a2', url: url('vm-a2.qcow2') },
      ],
    }),
    // Downloaded from the mirror; image_source still records url.
    catalogDefinition('Cat Mirror', {
      login: 'mirror',
      versions: [
        {
          version: '1',
          url: 'https://downloads.example.org/images/mirror-1.qcow2',
          mirror_url: url('mirrored-1.qcow2'),
        },
      ],
    }),
    // file: streams through glance-direct, checksum verified on the way.
    catalogDefinition('Cat File', {
      login: 'file',
      visibility: 'shared',
      versions: [{ version: '1', url: 'file:images/file-1.qcow2', checksum: '@FILE_SHA@' }],
    }),
    catalogDefinition('Cat Fixed Id', {
      login: 'fixed',
      visibility: 'private',
      versions: [{ version: '1', url: url('fixed-1.qcow2'), id: fixedId }],
    }),
    catalogDefinition('Cat Single Multi', {
      login: 'suse',
      multi: true,
      meta: catalogMeta({ os_distro: 'opensuse', os_version: '15.6' }),
      versions: [{ version: '20240601', url: url('suse-20240601.qcow2') }],
    }),
  ]
}

/** The end state docs/behaviour.md §2 and §3 ask for, written out: the same for both runs. */
function expected(): ImageShape[] {
  const image = (
    name: string,
    rest: Partial<ImageShape> & { properties: Record<string, unknown> },
  ): ImageShape => ({
    name,
    status: 'active',
    visibility: 'public',
    min_disk: 1,
    min_ram: 0,
    os_hidden: false,
    container_format: 'bare',
    // The local Glance converts every import to raw (image_conversion plugin).
    disk_format: 'raw',
    tags: [tag],
    ...rest,
  })
  const u = (file: string): string => server.urlOf(file)
  const debian = (v: string, os: string, extra: Record<string, unknown>) => ({
    architecture: 'x86_64',
    hw_disk_bus: 'scsi',
    os_distro: 'debian',
    os_version: os,
    uuid_validity: 'none',
    license_included: 'False',
    subscription_required: 'True',
    custom_number: '7',
    image_description: 'Cat Debian 12',
    image_name: 'Cat Debian 12',
    image_source: u(`deb-${v}.qcow2`),
    internal_version: v,
    image_original_user: 'debian',
    ...extra,
  })
  const debianTags = [tag, 'debian-family', 'os:debian'].sort()
  const ubuntu = (v: string) => ({
    architecture: 'x86_64',
    hw_disk_bus: 'scsi',
    os_distro: 'ubuntu',
    image_description: 'Cat Ubuntu Minimal',
    image_name: 'Cat Ubuntu Minimal',
    image_source: u(`ubu-${v}.qcow2`),
    internal_version: v,
    image_original_user: 'ubuntu',
  })
  const rocky = (v: string) => ({
    architecture: 'x86_64',
    hw_disk_bus: 'scsi',
    os_distro: 'rocky',
    os_version: v,
    image_description: 'Cat Rocky',
    image_name: 'Cat Rocky',
    image_source: u(`rocky-${v}.qcow2`),
    internal_version: v,
    image_original_user: 'rocky',
  })
  const rockyShape = (v: string, hidden: boolean) =>
    image(`Cat Rocky ${v}`, {
      visibility: 'community',
      min_disk: 10,
      min_ram: 1024,
      os_hidden: hidden,
      tags: [tag, 'el', 'os:rocky', 'server'].sort(),
      properties: rocky(v),
    })
  const fedora = (v: string, description: string) => ({
    architecture: 'x86_64',
    hw_disk_bus: 'scsi',
    os_distro: 'fedora',
    os_version: '40',
    image_description: description,
    image_name: 'Cat Custom Desc',
    image_source: u(`fed-${v}.qcow2`),
    internal_version: v,
    image_original_user: 'fedora',
  })
  const simple = (name: string, login: string, source: string) => ({
    architecture: 'x86_64',
    hw_disk_bus: 'scsi',
    image_description: name,
    image_name: name,
    image_source: source,
    internal_version: '1',
    image_original_user: login,
    os_version: '1',
  })
  const rancher = (v: string) => ({
    architecture: 'x86_64',
    hw_disk_bus: 'scsi',
    hw_scsi_model: 'virtio-scsi',
    hw_watchdog_action: 'reset',
    image_description: 'RancherOS',
    image_name: 'RancherOS',
    image_source: seedUrls.get(
      `https://github.com/rancher/os/releases/download/v${v}/rancheros-openstack.img`,
    ),
    internal_version: v,
    image_original_user: 'rancher',
    os_version: v,
  })
  const seedUbuntu = (v: string) => ({
    architecture: 'x86_64',
    hw_disk_bus: 'scsi',
    hw_scsi_model: 'virtio-scsi',
    hw_watchdog_action: 'reset',
    os_distro: 'ubuntu',
    os_version: '24.04',
    image_description: 'Ubuntu 24.04',
    image_name: 'Ubuntu 24.04',
    image_source: seedUrls.get(
      `https://cloud-images.ubuntu.com/noble/${v}/noble-server-cloudimg-amd64.img`,
    ),
    internal_version: v,
    image_original_user: 'ubuntu',
  })
  const list: ImageShape[] = [
    image('Cat Debian 12 (20240101)', {
      min_ram: 512,
      os_hidden: true,
      tags: debianTags,
      properties: debian('20240101', '12', { image_build_date: '2024-01-01' }),
    }),
    image('Cat Debian 12 (20240201)', {
      min_ram: 512,
      os_hidden: true,
      tags: debianTags,
      properties: debian('20240201', '12.5', { image_build_date: '2024-02-01' }),
    }),
    image('Cat Debian 12', {
      min_ram: 512,
      tags: debianTags,
      properties: debian('20240301', '12.6', { image_build_date: '2024-03-01' }),
    }),
    image('Cat Ubuntu Minimal', {
      min_disk: 5,
      tags: [tag, 'os:ubuntu'].sort(),
      properties: ubuntu('1.10'),
    }),
    image('Cat Ubuntu Minimal_(1.9)', {
      visibility: 'private',
      min_disk: 5,
      tags: [tag, 'os:ubuntu'].sort(),
      properties: ubuntu('1.9'),
    }),
    rockyShape('9.2', true),
    rockyShape('9.3', true),
    rockyShape('9.10', false),
    image('Cat Deactivated 2.0', {
      status: 'deactivated',
      visibility: 'private',
      tags: [tag, 'os:freebsd'].sort(),
      properties: {
        architecture: 'x86_64',
        hw_disk_bus: 'scsi',
        os_distro: 'freebsd',
        os_version: '2.0',
        image_description: 'Cat Deactivated',
        image_name: 'Cat Deactivated',
        image_source: u('bsd-2.0.qcow2'),
        image_build_date: '2023-12-24',
        internal_version: '2.0',
        image_original_user: 'freebsd',
      },
    }),
    image('Cat Custom Desc (40.1)', {
      min_disk: 2,
      min_ram: 128,
      os_hidden: true,
      tags: [tag, 'desk', 'os:fedora'].sort(),
      properties: fedora('40.1', 'Release notes: https://example.org/notes'),
    }),
    image('Cat Custom Desc', {
      min_disk: 2,
      min_ram: 128,
      tags: [tag, 'desk', 'os:fedora'].sort(),
      properties: fedora('40.2', 'Build two'),
    }),
    image('Cat Version Meta-a1', {
      min_ram: 64,
      os_hidden: true,
      properties: {
        architecture: 'aarch64',
        hw_disk_bus: 'scsi',
        hw_pmu: 'True',
        image_description: 'Cat Version Meta',
        image_name: 'Cat Version Meta',
        image_source: u('vm-a1.qcow2'),
        internal_version: 'a1',
        image_original_user: 'arm',
        os_version: 'a1',
      },
    }),
    image('Cat Version Meta-a2', {
      min_ram: 64,
      properties: {
        architecture: 'x86_64',
        hw_disk_bus: 'scsi',
        hw_rng_model: 'virtio',
        image_description: 'Cat Version Meta',
        image_name: 'Cat Version Meta',
        image_source: u('vm-a2.qcow2'),
        internal_version: 'a2',
        image_original_user: 'arm',
        os_version: 'a2',
      },
    }),
    image('Cat Mirror 1', {
      properties: simple(
        'Cat Mirror',
        'mirror',
        'https://downloads.example.org/images/mirror-1.qcow2',
      ),
    }),
    image('Cat File 1', {
      visibility: 'shared',
      properties: simple('Cat File', 'file', 'file:file-1.qcow2'),
    }),
    image('Cat Fixed Id 1', {
      visibility: 'private',
      properties: simple('Cat Fixed Id', 'fixed', u('fixed-1.qcow2')),
    }),
    image('Cat Single Multi', {
      tags: [tag, 'os:opensuse'].sort(),
      properties: {
        architecture: 'x86_64',
        hw_disk_bus: 'scsi',
        os_distro: 'opensuse',
        os_version: '15.6',
        image_description: 'Cat Single Multi',
        image_name: 'Cat Single Multi',
        image_source: u('suse-20240601.qcow2'),
        internal_version: '20240601',
        image_original_user: 'suse',
      },
    }),
    // The seed examples.
    image('MyCirros 0.6.0', {
      visibility: 'private',
      min_disk: 1,
      min_ram: 32,
      tags: [tag, 'os:cirros'].sort(),
      properties: {
        architecture: 'x86_64',
        hw_disk_bus: 'scsi',
        hw_rng_model: 'virtio',
        hw_scsi_model: 'virtio-scsi',
        hw_watchdog_action: 'reset',
        os_distro: 'cirros',
        replace_frequency: 'never',
        uuid_validity: 'none',
        provided_until: 'none',
        image_description: 'MyCirros',
        image_name: 'MyCirros',
        image_source: seedUrls.get(
          'https://github.com/cirros-dev/cirros/releases/download/0.6.0/cirros-0.6.0-x86_64-disk.img',
        ),
        image_build_date: '2022-09-28',
        internal_version: '0.6.0',
        image_original_user: 'cirros',
        os_version: '0.6.0',
      },
    }),
    ...['1.3.0', '1.4.0', '1.4.1'].map((v) =>
      image(`RancherOS ${v}`, {
        min_disk: 8,
        min_ram: 2048,
        os_hidden: v !== '1.4.1',
        properties: rancher(v),
      }),
    ),
    image('Ubuntu 24.04 (20240416)', {
      min_disk: 8,
      min_ram: 512,
      os_hidden: true,
      tags: [tag, 'os:ubuntu'].sort(),
      properties: seedUbuntu('20240416'),
    }),
    image('Ubuntu 24.04', {
      min_disk: 8,
      min_ram: 512,
      tags: [tag, 'os:ubuntu'].sort(),
      properties: seedUbuntu('20240422'),
    }),
  ]
  return list.sort((a, b) => a.name.localeCompare(b.name))
}

beforeAll(async () => {
  raw = await rawGlance()
  server = await startImageServer()
  work = await workdir()
  qcow2 = await readFile(await makeQcow2(server.dir, 'base.qcow2', '16M'))
  catalogDir = path.join(work.dir, 'catalog')
  await mkdir(path.join(catalogDir, 'images'), { recursive: true })
  const files = [
    ...['20240101', '20240201', '20240301'].map((v) => `deb-${v}.qcow2`),
    'ubu-1.9.qcow2',
    'ubu-1.10.qcow2',
    ...['9.2', '9.3', '9.10'].map((v) => `rocky-${v}.qcow2`),
    'bsd-2.0.qcow2',
    'fed-40.1.qcow2',
    'fed-40.2.qcow2',
    'vm-a1.qcow2',
    'vm-a2.qcow2',
    'mirrored-1.qcow2',
    'fixed-1.qcow2',
    'suse-20240601.qcow2',
  ]
  for (const file of files) await server.addFile(file, qcow2)
  const local = path.join(catalogDir, 'images', 'file-1.qcow2')
  await import('node:fs/promises').then((fs) => fs.writeFile(local, qcow2))
  const fileSha = await sha256Of(local)

  const defs = definitions((file) => server.urlOf(file))
  const text = JSON.stringify(defs).replace('@FILE_SHA@', fileSha)
  await work.catalog('catalog/10-definitions.yml', JSON.parse(text) as unknown[])

  // The seeds as they are, urls (and the one checksum) pointed at loopback copies.
  for (const seed of (await readdir(seeds)).filter((f) => f.startsWith('seed-'))) {
    let yaml = await readFile(path.join(seeds, seed), 'utf8')
    for (const [url] of yaml.matchAll(/https:\/\/\S+/g)) {
      const local = `${new URL(url).pathname.slice(1).replace(/\//g, '_')}`
      seedUrls.set(url, await server.addFile(local, qcow2))
      yaml = yaml.replace(url, server.urlOf(local))
    }
    cirrosSha = cirrosSha || (await sha256Of(path.join(server.dir, 'base.qcow2')))
    yaml = yaml.replace(/sha256:[0-9a-f]{64}/, cirrosSha)
    await import('node:fs/promises').then((fs) => fs.writeFile(path.join(catalogDir, seed), yaml))
  }
  proxy = await startFaultProxy(raw.url)
})

afterAll(async () => {
  await proxy?.close()
  await raw?.purge(tag)
  await server?.close()
  await work?.close()
})

describe('apply: a catalog of ten definitions and the seed examples', () => {
  it('imports every image with the names, properties, tags, visibility, status and min_disk of docs/behaviour.md §2 and §3', async () => {
    const reporter = recorder()
    const started = Date.now()
    const code = await applyCommand(
      applyOptions(tag, catalogDir, { useOsHidden: true, concurrency: 6 }),
      reporter,
    )
    const took = Date.now() - started
    expect(code, reporter.lines.join('\n')).toBe(0)
    expect(reporter.lines).toContain('Applied: 28 done, 0 failed, 0 skipped.')
    const state = await shapes(raw, tag)
    expect(state).toEqual(expected())
    const fixed = (await raw.listByTag(tag)).find((i) => i.name === 'Cat Fixed Id 1')
    expect(fixed?.id).toBe(fixedId)
    // No property outside docs/behaviour.md §3's list: the password of the cirros seed stays out of Glance.
    expect(JSON.stringify(state)).not.toContain('gocubsgo')
    console.info(`catalog: 23 images imported in ${took} ms`)
  })

  it('a second run plans nothing and makes only the listing requests', async () => {
    const options = applyOptions(tag, catalogDir, {
      useOsHidden: true,
      cloudsYaml: cloudsYamlVia(proxy.url),
    })
    const outcome = await openPlanSession(options, recorder())
    if (outcome.exitCode !== 0) throw new Error('the catalog did not validate')
    expect(outcome.plan.definitions.flatMap((d) => [...d.steps, ...d.retention])).toEqual([])
    expect(outcome.plan.summary).toMatchObject({ import: 0, rename: 0, update: 0, unchanged: 13 })
    expect(outcome.plan.orphans).toEqual([])
    // Keystone once, Glance's version document once, one listing pass each for visible and hidden.
    expect(outcome.plan.requests).toEqual({
      'GET /': 1,
      'GET /v2/images': 2,
      'POST /v3/auth/tokens': 1,
    })

    proxy.requests.length = 0
    const reporter = recorder()
    expect(await applyCommand(options, reporter), reporter.lines.join('\n')).toBe(0)
    expect(reporter.lines).toContain('Applied: 0 done, 0 failed, 0 skipped.')
    const hiddenQuery = (hidden: boolean) =>
      `/v2/images?tag=${tag}&os_hidden=${hidden}&visibility=all&limit=1000`
    expect(proxy.requests.map((r) => `${r.method} ${r.path}`).sort()).toEqual(
      ['GET /', `GET ${hiddenQuery(false)}`, `GET ${hiddenQuery(true)}`].sort(),
    )
    expect(await shapes(raw, tag)).toEqual(expected())
  })
})
