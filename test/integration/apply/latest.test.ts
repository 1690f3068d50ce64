// Acceptance 5: `version: latest` with a SHA256SUMS manifest and Last-Modified
// (docs/behaviour.md §1 and §3): imported once, left alone while the upstream checksum stays,
// re-imported and rotated when it changes.
import { createHash } from 'node:crypto'
import { readFile } from 'node:fs/promises'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { applyCommand } from '../../../src/commands/apply.js'
import { makeQcow2, startImageServer, type ImageServer } from '../../support/image-server.js'
import { catalogDefinition, catalogMeta } from '../../support/definitions.js'
import {
  applyOptions,
  planLines,
  planOnly,
  rawGlance,
  recorder,
  shapes,
  uniqueTag,
  workdir,
  type ImageShape,
  type RawGlance,
  type Workdir,
} from './support.js'

const tag = uniqueTag('latest')
let server: ImageServer
let raw: RawGlance
let work: Workdir
let catalog: string
let first: Buffer
let second: Buffer
const ids = new Map<string, string>()

const sha256 = (bytes: Buffer): string => createHash('sha256').update(bytes).digest('hex')

/** Publishes `bytes` as the upstream's latest build, its manifest beside it. */
async function publish(bytes: Buffer, lastModified: Date): Promise<void> {
  await server.addFile('latest.qcow2', bytes, lastModified)
  await server.addFile(
    'SHA256SUMS',
    [
      `${sha256(Buffer.from('other'))}  other-file.qcow2`,
      `${sha256(bytes)}  latest.qcow2`,
      `${sha256(Buffer.from('iso'))} *latest.iso`,
      '',
    ].join('\n'),
  )
}

async function apply(): Promise<string[]> {
  const reporter = recorder()
  const code = await applyCommand(applyOptions(tag, catalog), reporter)
  expect(code, reporter.lines.join('\n')).toBe(0)
  return reporter.lines
}

function expectedImage(name: string, version: string, checksum: string): ImageShape {
  return {
    name,
    status: 'active',
    visibility: 'public',
    min_disk: 2,
    min_ram: 256,
    os_hidden: false,
    container_format: 'bare',
    disk_format: 'raw',
    tags: [tag, 'os:centos'].sort(),
    properties: {
      architecture: 'x86_64',
      hw_disk_bus: 'scsi',
      os_distro: 'centos',
      os_version: '9',
      image_description: 'Latest Stream',
      image_name: 'Latest Stream',
      image_source: server.urlOf('latest.qcow2'),
      internal_version: version,
      upstream_checksum: checksum,
      image_original_user: 'cloud-user',
    },
  }
}

beforeAll(async () => {
  raw = await rawGlance()
  server = await startImageServer()
  work = await workdir()
  first = await readFile(await makeQcow2(work.dir, 'first.qcow2', '16M'))
  second = await readFile(await makeQcow2(work.dir, 'second.qcow2', '24M'))
  catalog = await work.catalog('latest.yml', [
    catalogDefinition('Latest Stream', {
      login: 'cloud-user',
      min_disk: 2,
      min_ram: 256,
      multi: true,
      meta: catalogMeta({ os_distro: 'centos', os_version: '9' }),
      versions: [
        {
          version: 'latest',
          url: server.urlOf('latest.qcow2'),
          checksums_url: server.urlOf('SHA256SUMS'),
        },
      ],
    }),
  ])
})

afterAll(async () => {
  await raw?.purge(tag)
  await server?.close()
  await work?.close()
})

describe('apply: a latest pointer', () => {
  it('first run imports the build as the version of its Last-Modified date, with its upstream checksum', async () => {
    await publish(first, new Date('2024-04-30T08:00:00Z'))
    await apply()
    const state = await shapes(raw, tag)
    expect(state).toEqual([expectedImage('Latest Stream', '20240430', sha256(first))])
    for (const image of await raw.listByTag(tag)) ids.set(image.name, image.id)
  })

  it('an unchanged upstream checksum plans nothing, even when Last-Modified moves', async () => {
    await publish(first, new Date('2024-05-15T08:00:00Z'))
    const plan = await planOnly(applyOptions(tag, catalog))
    expect(planLines(plan)).toEqual([])
    expect(plan.definitions[0]?.skipped).toBeUndefined()
    const lines = await apply()
    expect(lines).toContain('Applied: 0 done, 0 failed, 0 skipped.')
    expect(await shapes(raw, tag)).toEqual([
      expectedImage('Latest Stream', '20240430', sha256(first)),
    ])
  })

  it('a new file and manifest are imported and rotated in; the old build keeps its UUID under its dated name', async () => {
    await publish(second, new Date('2024-06-01T08:00:00Z'))
    const plan = await planOnly(applyOptions(tag, catalog))
    expect(planLines(plan)).toEqual([
      'import Latest Stream (20240601)',
      'rename Latest Stream -> Latest Stream (20240430)',
      'rename Latest Stream (20240601) -> Latest Stream',
    ])
    await apply()
    expect(await shapes(raw, tag)).toEqual([
      expectedImage('Latest Stream', '20240601', sha256(second)),
      expectedImage('Latest Stream (20240430)', '20240430', sha256(first)),
    ])
    const images = await raw.listByTag(tag)
    expect(images.find((i) => i.name === 'Latest Stream (20240430)')?.id).toBe(
      ids.get('Latest Stream'),
    )
    // The new build really is the new file: Glance converted 24 MiB of virtual disk to raw.
    expect(images.find((i) => i.name === 'Latest Stream')?.size).toBe(24 * 2 ** 20)
    expect(planLines(await planOnly(applyOptions(tag, catalog)))).toEqual([])
  })
})
