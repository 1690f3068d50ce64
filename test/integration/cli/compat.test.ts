// The old tool's command lines, run through the openstack-image-manager bin
// against the local Glance: each has the effect it had there, and a real run
// leaves the same end state as `image-manager apply`.
import { mkdir, readFile } from 'node:fs/promises'
import path from 'node:path'
import { PassThrough } from 'node:stream'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { compatMain } from '../../../src/cli/compat.js'
import { main } from '../../../src/cli/main.js'
import { catalogDefinition, catalogMeta } from '../../support/definitions.js'
import { makeQcow2, startImageServer, type ImageServer } from '../../support/image-server.js'
import { cloudsYaml } from '../../support/raw-glance.js'
import {
  briefs,
  rawGlance,
  shapes,
  uniqueTag,
  workdir,
  type RawGlance,
  type Workdir,
} from '../apply/support.js'

const tag = uniqueTag('compat')
// share finds its image by name among every image the project sees, managed or
// not: a name of this run alone, so images left on the cloud by others never match.
const CIRROS = `Compat Cirros ${tag.split('-').pop() as string}`
const cirros = `${CIRROS} 0.6.2`
const cirrosRe = cirros.replace(/[.]/g, '\\.')
let server: ImageServer
let raw: RawGlance
let work: Workdir
let catalogDir: string

async function run(bin: 'openstack-image-manager' | 'image-manager', ...argv: string[]) {
  const out = new PassThrough()
  const err = new PassThrough()
  let stdout = ''
  let stderr = ''
  out.on('data', (c) => (stdout += c))
  err.on('data', (c) => (stderr += c))
  const code =
    bin === 'image-manager'
      ? await main(argv, { out, err })
      : await compatMain(argv, { out, err }, {})
  return { code, stdout, stderr, all: `${stdout}\n${stderr}` }
}

const definition = (name: string, versions: string[], extra: Record<string, unknown> = {}) =>
  catalogDefinition(name, {
    login: 'cirros',
    versions: versions.map((v) => ({ version: v, url: server.urlOf(`img-${v}.qcow2`) })),
    ...extra,
  })

/** Multi image for retention: last-2 keeps the two newest builds. */
const rotating = (versions: string[]) =>
  definition('Compat Rot', versions, {
    multi: true,
    meta: catalogMeta({ uuid_validity: 'last-2' }),
  })

beforeAll(async () => {
  process.env.OS_CLIENT_CONFIG_FILE = cloudsYaml
  raw = await rawGlance()
  server = await startImageServer()
  work = await workdir()
  const bytes = await readFile(await makeQcow2(server.dir, 'base.qcow2', '16M'))
  for (const v of ['0.6.2', 'm1', 'm2', 'o1', 'r1', 'r2', 'r3']) {
    await server.addFile(`img-${v}.qcow2`, bytes)
  }
  // A directory catalog, as the old tool's etc/images/.
  catalogDir = path.join(work.dir, 'images')
  await mkdir(catalogDir)
  await work.catalog('images/cirros.yml', [definition(CIRROS, ['0.6.2'], { visibility: 'shared' })])
  await work.catalog('images/other.yml', [
    definition('Compat Other', ['o1']),
    definition('Compat Multi', ['m1', 'm2'], { multi: true }),
  ])
})

afterAll(async () => {
  await raw?.purge(tag)
  await server?.close()
  await work?.close()
})

const cloud = ['--cloud', 'local-admin', '--tag']
/** The seed's getting-started invocation, on this test's catalog and tag. */
const seed = () => [...cloud, tag, '--filter', '.*Cirr.*', '--images', `${catalogDir}/`]

describe('openstack-image-manager on the local cloud', () => {
  it('--check-only validates the catalog and needs no cloud', async () => {
    const r = await run(
      'openstack-image-manager',
      '--check-only',
      '--images',
      catalogDir,
      '--cloud',
      'no-such-cloud',
    )
    expect(r.code, r.all).toBe(0)
    expect(r.stdout).toMatch(/✓ valid: 2 files, 3 images, 4 versions/)
  })

  it('--dry-run prints the plan and changes nothing', async () => {
    const r = await run('openstack-image-manager', ...seed(), '--dry-run')
    expect(r.code, r.all).toBe(0)
    expect(r.stdout).toMatch(new RegExp(`\\+ import +.*${cirrosRe}`))
    expect(r.stdout).not.toMatch(/Compat (Other|Multi)/) // --filter
    expect(await raw.listByTag(tag)).toEqual([])
  })

  it('the seed invocation imports what --filter selects, as image-manager apply does', async () => {
    const r = await run('openstack-image-manager', ...seed())
    expect(r.code, r.all).toBe(0)
    const viaCompat = await shapes(raw, tag)
    expect(viaCompat.map((s) => [s.name, s.status, s.visibility])).toEqual([
      [cirros, 'active', 'shared'],
    ])
    // The same catalog through image-manager apply, from scratch: the same end state.
    await raw.purge(tag)
    const again = await run('image-manager', 'apply', ...seed())
    expect(again.code, again.all).toBe(0)
    expect(await shapes(raw, tag)).toEqual(viaCompat)
    // And the old command line now plans nothing.
    const plan = await run('openstack-image-manager', ...seed(), '--dry-run')
    expect(plan.code, plan.all).toBe(0)
    expect(plan.stdout).toMatch(/^Plan: /m)
    expect(plan.stdout).not.toMatch(/^ +[+~-] [a-z]+ /m)
  })

  it('--share-image adds the project as an accepted member; --share-action del takes it back', async () => {
    const [image] = await raw.listByTag(tag)
    if (!image) throw new Error('the previous test imported nothing')
    const members = async () =>
      (
        (await raw.call('GET', `/v2/images/${image.id}/members`)) as {
          members: { member_id: string; status: string }[]
        }
      ).members.map((m) => m.status)
    const share = ['--cloud', 'local-admin', '--share-image', image.name, '--share-target', 'demo']

    const dry = await run('openstack-image-manager', ...share, '--dry-run')
    expect(dry.code, dry.all).toBe(0)
    expect(dry.stdout).toMatch(new RegExp(`^add - ${cirrosRe} - demo`, 'm'))
    expect(await members()).toEqual([])

    const add = await run('openstack-image-manager', ...share)
    expect(add.code, add.all).toBe(0)
    expect(await members()).toEqual(['accepted'])

    const del = await run('openstack-image-manager', ...share, '--share-action', 'del')
    expect(del.code, del.all).toBe(0)
    expect(del.stdout).toMatch(new RegExp(`^del - ${cirrosRe} - demo`, 'm'))
    expect(await members()).toEqual([])
  })

  it('--latest imports only the newest version of a multi image', async () => {
    const r = await run(
      'openstack-image-manager',
      ...cloud,
      tag,
      '--images',
      catalogDir,
      '--filter',
      '^Compat Multi',
      '--latest',
    )
    expect(r.code, r.all).toBe(0)
    const multi = (await briefs(raw, tag)).filter((b) => b.name.startsWith('Compat Multi'))
    expect(multi.map((b) => [b.name, b.version])).toEqual([['Compat Multi', 'm2']])
  })

  it('--hide makes a build outside the window community; --delete --yes-i-really-know-what-i-do deletes it', async () => {
    const flags = (file: string) => [...cloud, tag, '--images', file, '--filter', '^Compat Rot']
    const round0 = await work.catalog('rot-0.yml', [rotating(['r1', 'r2'])])
    const round1 = await work.catalog('rot-1.yml', [rotating(['r1', 'r2', 'r3'])])
    const rot = async () =>
      (await briefs(raw, tag))
        .filter((b) => b.name.startsWith('Compat Rot'))
        .map((b) => [b.name, b.version, b.visibility])

    expect((await run('openstack-image-manager', ...flags(round0))).code).toBe(0)
    expect(await rot()).toEqual([
      ['Compat Rot', 'r2', 'public'],
      ['Compat Rot (r1)', 'r1', 'public'],
    ])

    const hide = await run('openstack-image-manager', ...flags(round1), '--hide')
    expect(hide.code, hide.all).toBe(0)
    expect(await rot()).toEqual([
      ['Compat Rot', 'r3', 'public'],
      ['Compat Rot (r1)', 'r1', 'community'],
      ['Compat Rot (r2)', 'r2', 'public'],
    ])

    // --delete alone deletes nothing and says what it needs.
    const unconfirmed = await run('openstack-image-manager', ...flags(round1), '--delete')
    expect(unconfirmed.code, unconfirmed.all).toBe(0)
    expect(unconfirmed.all).toMatch(/--yes-i-really-know-what-i-do/)
    expect(await rot()).toHaveLength(3)

    const del = await run(
      'openstack-image-manager',
      ...flags(round1),
      '--delete',
      '--yes-i-really-know-what-i-do',
    )
    expect(del.code, del.all).toBe(0)
    expect(await rot()).toEqual([
      ['Compat Rot', 'r3', 'public'],
      ['Compat Rot (r2)', 'r2', 'public'],
    ])
  })
})
