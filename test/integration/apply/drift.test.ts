// Acceptance 3: drift made by hand is repaired with one PATCH per image
// (docs/behaviour.md §5); a meta key removed from the definition removes the property.
import { readFile } from 'node:fs/promises'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { applyCommand } from '../../../src/commands/apply.js'
import { startFaultProxy, type FaultProxy } from '../../support/fault-proxy.js'
import { makeQcow2, startImageServer, type ImageServer } from '../../support/image-server.js'
import { catalogDefinition } from '../../support/definitions.js'
import {
  applyOptions,
  cloudsYamlVia,
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

const tag = uniqueTag('drift')
let server: ImageServer
let raw: RawGlance
let work: Workdir
let proxy: FaultProxy

function definitions(debianMeta: Record<string, unknown>): unknown[] {
  return [
    catalogDefinition('Drift Debian', {
      login: 'debian',
      min_ram: 512,
      multi: true,
      meta: debianMeta,
      tags: ['family'],
      versions: [
        { version: '20240101', url: server.urlOf('d1.qcow2') },
        { version: '20240201', url: server.urlOf('d2.qcow2') },
      ],
    }),
    catalogDefinition('Drift Rocky', {
      login: 'rocky',
      min_disk: 3,
      versions: [{ version: '9', url: server.urlOf('r9.qcow2') }],
    }),
  ]
}

const fullMeta = {
  architecture: 'x86_64',
  hw_disk_bus: 'scsi',
  hw_rng_model: 'virtio',
  os_distro: 'debian',
  license_included: true,
}

const omit = <T extends Record<string, unknown>>(o: T, keys: string[]): Partial<T> =>
  Object.fromEntries(Object.entries(o).filter(([k]) => !keys.includes(k))) as Partial<T>

const ids = new Map<string, string>()
let initial: ImageShape[]

async function apply(file: string): Promise<string[]> {
  proxy.requests.length = 0
  const reporter = recorder()
  const code = await applyCommand(
    applyOptions(tag, file, { cloudsYaml: cloudsYamlVia(proxy.url) }),
    reporter,
  )
  expect(code, reporter.lines.join('\n')).toBe(0)
  return proxy.requests.map((r) => `${r.method} ${r.path.replace(/\?.*/, '')}`)
}

beforeAll(async () => {
  raw = await rawGlance()
  server = await startImageServer()
  work = await workdir()
  proxy = await startFaultProxy(raw.url)
  const bytes = await readFile(await makeQcow2(server.dir, 'base.qcow2', '16M'))
  for (const f of ['d1', 'd2', 'r9']) await server.addFile(`${f}.qcow2`, bytes)
  await apply(await work.catalog('drift.yml', definitions(fullMeta)))
  initial = await shapes(raw, tag)
  for (const image of await raw.listByTag(tag)) ids.set(image.name, image.id)
})

afterAll(async () => {
  await proxy?.close()
  await raw?.purge(tag)
  await server?.close()
  await work?.close()
})

describe('apply: drift', () => {
  it('a property, tags, visibility and min_ram changed by hand are repaired in one PATCH per image', async () => {
    expect(initial.map((i) => i.name)).toEqual([
      'Drift Debian',
      'Drift Debian (20240101)',
      'Drift Rocky 9',
    ])
    const debian = ids.get('Drift Debian') as string
    const older = ids.get('Drift Debian (20240101)') as string
    const rocky = ids.get('Drift Rocky 9') as string
    await raw.patch(debian, [
      { op: 'replace', path: '/hw_disk_bus', value: 'ide' },
      { op: 'add', path: '/by_hand', value: 'x' },
      { op: 'remove', path: '/image_original_user' },
      // Booleans compare case-insensitively: not drift.
      { op: 'replace', path: '/license_included', value: 'true' },
      { op: 'replace', path: '/min_ram', value: 128 },
      { op: 'replace', path: '/visibility', value: 'private' },
      { op: 'replace', path: '/tags', value: [tag, 'family', 'by-hand'] },
    ])
    await raw.patch(older, [{ op: 'replace', path: '/min_disk', value: 40 }])
    await raw.patch(rocky, [
      { op: 'replace', path: '/visibility', value: 'community' },
      { op: 'replace', path: '/tags', value: [tag, 'extra'] },
    ])

    const plan = await planOnly(applyOptions(tag, work.dir + '/drift.yml'))
    // Oldest build first, as the definition's versions are ordered.
    expect(plan.definitions.flatMap((d) => d.steps)).toEqual([
      {
        action: 'update',
        image: { id: older, name: 'Drift Debian (20240101)' },
        changes: [{ field: 'min_disk', from: 40, to: 1 }],
        reason: 'differs from the definition',
      },
      {
        action: 'update',
        image: { id: debian, name: 'Drift Debian' },
        changes: [
          { field: 'property', key: 'hw_disk_bus', from: 'ide', to: 'scsi' },
          { field: 'property', key: 'image_original_user', to: 'debian' },
          { field: 'property', key: 'by_hand', from: 'x' },
          { field: 'min_ram', from: 128, to: 512 },
          { field: 'visibility', from: 'private', to: 'public' },
          {
            field: 'tags',
            add: ['os:debian'],
            remove: ['by-hand'],
            to: [tag, 'family', 'os:debian'].sort(),
          },
        ],
        reason: 'differs from the definition',
      },
      {
        action: 'update',
        image: { id: rocky, name: 'Drift Rocky 9' },
        changes: [
          { field: 'visibility', from: 'community', to: 'public' },
          { field: 'tags', add: [], remove: ['extra'], to: [tag] },
        ],
        reason: 'differs from the definition',
      },
    ])

    const requests = await apply(work.dir + '/drift.yml')
    expect(requests.filter((r) => !r.startsWith('GET')).sort()).toEqual(
      [
        `PATCH /v2/images/${debian}`,
        `PATCH /v2/images/${older}`,
        `PATCH /v2/images/${rocky}`,
      ].sort(),
    )
    const after = await shapes(raw, tag)
    // Everything is back, except the boolean whose case nobody needs to change.
    const debianBefore = initial.find((i) => i.name === 'Drift Debian') as ImageShape
    expect(after).toEqual(
      initial.map((i) =>
        i === debianBefore
          ? { ...i, properties: { ...i.properties, license_included: 'true' } }
          : i,
      ),
    )
    expect(planLines(await planOnly(applyOptions(tag, work.dir + '/drift.yml')))).toEqual([])
  })

  it('a meta key removed from the definition removes the property; os_* keys stay', async () => {
    const rest = omit(fullMeta, ['hw_rng_model', 'os_distro'])
    const file = await work.catalog('drift-2.yml', definitions(rest))
    const requests = await apply(file)
    const debian = ids.get('Drift Debian') as string
    const older = ids.get('Drift Debian (20240101)') as string
    expect(requests.filter((r) => !r.startsWith('GET')).sort()).toEqual(
      [`PATCH /v2/images/${debian}`, `PATCH /v2/images/${older}`].sort(),
    )
    const after = await shapes(raw, tag)
    const without = (i: ImageShape): ImageShape => {
      if (!i.name.startsWith('Drift Debian')) return i
      const properties = omit(i.properties, ['hw_rng_model'])
      // os_distro is an os_* key: it stays; the os:debian tag follows the definition.
      return { ...i, tags: [tag, 'family'].sort(), properties }
    }
    expect(after).toEqual(
      initial
        .map(without)
        .map((i) =>
          i.name === 'Drift Debian'
            ? { ...i, properties: { ...i.properties, license_included: 'true' } }
            : i,
        ),
    )
    expect(planLines(await planOnly(applyOptions(tag, file)))).toEqual([])
  })
})
