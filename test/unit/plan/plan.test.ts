import { readFileSync } from 'node:fs'
import path from 'node:path'
import { beforeEach, describe, expect, it } from 'vitest'
import { loadCatalog } from '../../../src/definitions/catalog.js'
import { parseImage } from '../../../src/openstack/glance/types.js'
import { plan } from '../../../src/plan/plan.js'
import type { CloudImage } from '../../../src/plan/observed.js'
import type { Step } from '../../../src/plan/types.js'
import { errorsOf } from '../../../src/problems.js'
import { definition, version } from '../../support/definitions.js'
import { adopted, options } from './fixtures.js'

const brief = (steps: readonly Step[]) =>
  steps.map((s) =>
    s.action === 'rename' ? `rename ${s.image.name} -> ${s.to}` : `${s.action} ${s.image.name}`,
  )

const stepsOf = (p: ReturnType<typeof plan>) =>
  p.definitions.flatMap((d) => [...d.steps, ...d.retention])
const notesOf = (p: ReturnType<typeof plan>) =>
  p.definitions.flatMap((d) => d.notes.map((n) => n.message))

describe('plan: adoption', () => {
  it('a cloud left by the old tool plans nothing (multi and non-multi)', async () => {
    // The images osism's openstack-image-manager left for this catalog, as Glance listed them
    // (recorded once; see test/fixtures/old-tool/README.md), not images built by our own desire.
    const dir = path.resolve(import.meta.dirname, '../../fixtures/old-tool')
    const catalog = await loadCatalog({ images: path.join(dir, 'catalog.yml'), cwd: dir })
    expect(errorsOf(catalog.problems)).toEqual([])
    const recorded = JSON.parse(
      readFileSync(path.join(dir, 'glance-images.json'), 'utf8'),
    ) as Record<string, unknown>[]
    const images = recorded.map((image, i) =>
      parseImage({ ...image, id: `00000000-0000-4000-8000-${String(i).padStart(12, '0')}` }),
    ) as CloudImage[]
    const p = plan(catalog.definitions, images, options({ tag: 'oim-fidelity' }))
    expect(stepsOf(p)).toEqual([])
    expect(p.summary.unchanged).toBe(2)
    expect(p.orphans).toEqual([])
    expect(catalog.definitions.map((d) => d.multi).sort()).toEqual([false, true])
  })

  it('booleans written as true/false by other tools are not drift', () => {
    const def = definition({ meta: { ...definition().meta, hw_vif_multiqueue_enabled: true } })
    const images = adopted(def).map((i) => ({
      ...i,
      properties: { ...i.properties, hw_vif_multiqueue_enabled: 'true' },
    }))
    expect(stepsOf(plan([def], images, options()))).toEqual([])
  })
})

describe('plan: names and rotation (docs/behaviour.md §2)', () => {
  it('a fresh multi definition imports every build under its dated name, then the newest takes the name', () => {
    const p = plan([definition()], [], options())
    expect(brief(stepsOf(p))).toEqual([
      'import Ubuntu 24.04 (20240416)',
      'import Ubuntu 24.04 (20240422)',
      'rename Ubuntu 24.04 (20240422) -> Ubuntu 24.04',
    ])
  })

  it('a new build is imported, the current image steps aside under its version, the new one takes the name', () => {
    const before = definition()
    const after = definition({ versions: [...before.versions, version('20240430')] })
    const images = adopted(before)
    const p = plan([after], images, options())
    expect(brief(stepsOf(p))).toEqual([
      'import Ubuntu 24.04 (20240430)',
      'rename Ubuntu 24.04 -> Ubuntu 24.04 (20240422)',
      'rename Ubuntu 24.04 (20240430) -> Ubuntu 24.04',
    ])
    const renameOld = stepsOf(p)[1]
    expect(renameOld?.image.id).toBe(images[1]?.id)
  })

  it('non-multi versions are imported under their final name and never rotated', () => {
    const before = definition({
      name: 'RancherOS',
      multi: false,
      versions: [version('1.3.0'), version('1.4.0')],
    })
    const after = { ...before, versions: [...before.versions, version('1.4.1')] }
    expect(brief(stepsOf(plan([after], adopted(before), options())))).toEqual([
      'import RancherOS 1.4.1',
    ])
  })

  it('an interrupted rotation (new build imported, rename not done) converges', () => {
    const before = definition()
    const after = definition({ versions: [...before.versions, version('20240430')] })
    const leftover = adopted(after)[2] as CloudImage
    const images = [...adopted(before), { ...leftover, name: 'Ubuntu 24.04 (20240430)' }]
    expect(brief(stepsOf(plan([after], images, options())))).toEqual([
      'rename Ubuntu 24.04 -> Ubuntu 24.04 (20240422)',
      'rename Ubuntu 24.04 (20240430) -> Ubuntu 24.04',
    ])
  })

  it('does not rotate onto a name that another image holds', () => {
    const before = definition()
    const after = definition({ versions: [...before.versions, version('20240430')] })
    const images = adopted(before)
    const blocker = { ...(images[0] as CloudImage), id: 'blocker', name: 'Ubuntu 24.04 (20240422)' }
    const p = plan([after], [...images, blocker], options())
    expect(stepsOf(p)).toEqual([])
    expect(notesOf(p).join()).toMatch(/cannot rotate/)
  })

  it('--latest imports only the newest version of a multi image', () => {
    const p = plan([definition()], [], options({ latest: true }))
    expect(brief(stepsOf(p))).toEqual([
      'import Ubuntu 24.04 (20240422)',
      'rename Ubuntu 24.04 (20240422) -> Ubuntu 24.04',
    ])
  })
})

describe('plan: import request (docs/behaviour.md §3, §4)', () => {
  it('creates the image private with every property and tag, final visibility after import', () => {
    const def = definition({
      multi: false,
      name: 'Cirros',
      tags: ['extra'],
      versions: [
        version('20220928', {
          id: '6b3d5a36-2e08-4e3c-9d8f-5f3a2f1c0e11',
          checksum: 'sha256:' + 'a'.repeat(64),
        }),
      ],
    })
    const [step] = stepsOf(plan([def], [], options()))
    expect(step).toMatchObject({
      action: 'import',
      source: 'https://cloud-images.example.test/20220928/image.img',
      checksum: 'sha256:' + 'a'.repeat(64),
      create: {
        id: '6b3d5a36-2e08-4e3c-9d8f-5f3a2f1c0e11',
        name: 'Cirros 20220928',
        disk_format: 'qcow2',
        container_format: 'bare',
        visibility: 'private',
        min_disk: 8,
        min_ram: 512,
        tags: ['extra', 'managed_by_osism', 'os:ubuntu'],
      },
      then: { visibility: 'public', status: 'active' },
    })
  })

  it('downloads from mirror_url but records url as image_source', () => {
    const def = definition({
      multi: false,
      versions: [version('1', { mirror_url: 'https://mirror.example.test/1.img' })],
    })
    const [step] = stepsOf(plan([def], [], options()))
    expect(step).toMatchObject({
      source: 'https://mirror.example.test/1.img',
      create: { properties: { image_source: 'https://cloud-images.example.test/1/image.img' } },
    })
  })
})

describe('plan: drift (docs/behaviour.md §5)', () => {
  const def = definition()
  const drifted = (change: (i: CloudImage) => CloudImage) => {
    const images = adopted(def)
    images[1] = change(images[1] as CloudImage)
    return stepsOf(plan([def], images, options()))
  }

  it('repairs properties, min_ram, visibility and tags in one update step', () => {
    const steps = drifted((i) => ({
      ...i,
      min_ram: 128,
      visibility: 'private',
      tags: ['managed_by_osism', 'by-hand'],
      properties: { ...i.properties, hw_rng_model: 'none' },
    }))
    expect(steps).toHaveLength(1)
    expect(steps[0]).toMatchObject({
      action: 'update',
      image: { name: 'Ubuntu 24.04' },
      changes: [
        { field: 'property', key: 'hw_rng_model', from: 'none', to: 'virtio' },
        { field: 'min_ram', from: 128, to: 512 },
        { field: 'visibility', from: 'private', to: 'public' },
        { field: 'tags', add: ['os:ubuntu'], remove: ['by-hand'] },
      ],
    })
  })

  it('removes a property whose meta key left the definition (deliberately differs: the old tool could not)', () => {
    const steps = drifted((i) => ({
      ...i,
      properties: { ...i.properties, hw_qemu_guest_agent: 'yes' },
    }))
    expect(steps[0]).toMatchObject({
      changes: [{ field: 'property', key: 'hw_qemu_guest_agent', from: 'yes' }],
    })
    expect((steps[0] as { changes: object[] }).changes[0]).not.toHaveProperty('to')
  })

  it("never removes Glance's own or os_* properties", () => {
    expect(
      drifted((i) => ({
        ...i,
        properties: {
          ...i.properties,
          os_glance_import_task: 'x',
          os_hash_algo: 'sha512',
          stores: 'fs',
          'owner_specified.openstack.md5': '',
        },
      })),
    ).toEqual([])
  })

  it('raises min_disk to the image size in GiB, rounded up', () => {
    const steps = drifted((i) => ({ ...i, size: 9 * 2 ** 30 + 1 }))
    expect(steps[0]).toMatchObject({ changes: [{ field: 'min_disk', from: 8, to: 10 }] })
  })

  it('deactivates and reactivates as the status says', () => {
    const off = definition({ status: 'deactivated' })
    expect(brief(stepsOf(plan([off], adopted(def), options())))).toEqual([
      'deactivate Ubuntu 24.04 (20240416)',
      'deactivate Ubuntu 24.04',
    ])
    expect(brief(stepsOf(plan([def], adopted(def, { status: 'deactivated' }), options())))).toEqual(
      ['reactivate Ubuntu 24.04 (20240416)', 'reactivate Ubuntu 24.04'],
    )
  })

  it('leaves images alone that are in a state it cannot act on', () => {
    const moving = { status: 'importing', updated_at: '2024-05-31T23:59:00Z' }
    const p = plan([def], adopted(def, moving), options())
    expect(stepsOf(p)).toEqual([])
    expect(notesOf(p)).toEqual([
      "left alone: the image is 'importing'",
      "left alone: the image is 'importing'",
    ])
  })

  it('use-os-hidden hides every build but the newest (deliberately differs: the old tool hid the newest too)', () => {
    const p = plan([def], adopted(def), options({ useOsHidden: true }))
    expect(stepsOf(p)).toEqual([
      expect.objectContaining({
        action: 'update',
        image: expect.objectContaining({ name: 'Ubuntu 24.04 (20240416)' }),
        changes: [{ field: 'os_hidden', from: false, to: true }],
      }),
    ])
  })

  it('a version hidden flag overrides use-os-hidden', () => {
    const d = definition({
      versions: [version('20240416', { hidden: false }), version('20240422', { hidden: true })],
    })
    const p = plan([d], adopted(d), options({ useOsHidden: true }))
    expect(stepsOf(p)).toEqual([
      expect.objectContaining({
        image: expect.objectContaining({ name: 'Ubuntu 24.04' }),
        changes: [{ field: 'os_hidden', from: false, to: true }],
      }),
    ])
  })
})

describe('plan: retention (docs/behaviour.md §6)', () => {
  const four = ['20240401', '20240408', '20240416', '20240422']
  const def = definition({ versions: four.map((v) => version(v)) })
  let images: CloudImage[]
  // Per test: mutation testing credits a test only with the code run in it or its beforeEach.
  beforeEach(() => {
    images = adopted(def)
  })

  it('last-3 keeps three builds; the oldest is only reported without options', () => {
    const p = plan([def], images, options())
    expect(stepsOf(p)).toEqual([])
    expect(notesOf(p)).toEqual([expect.stringMatching(/removal candidate.*last-3.*--hide/)])
    expect(p.definitions[0]?.notes[0]?.image?.name).toBe('Ubuntu 24.04 (20240401)')
  })

  it('--hide makes the oldest community and leaves builds inside the window alone (deliberately differs)', () => {
    expect(brief(stepsOf(plan([def], images, options({ hide: true }))))).toEqual([
      'hide Ubuntu 24.04 (20240401)',
    ])
  })

  it('--deactivate deactivates the candidate', () => {
    expect(brief(stepsOf(plan([def], images, options({ deactivate: true }))))).toEqual([
      'deactivate Ubuntu 24.04 (20240401)',
    ])
  })

  it('--delete needs the confirmation option', () => {
    const p = plan([def], images, options({ delete: true }))
    expect(stepsOf(p)).toEqual([])
    expect(notesOf(p).join()).toMatch(/yes-i-really-know-what-i-do/)
    expect(
      brief(stepsOf(plan([def], images, options({ delete: true, confirmDelete: true })))),
    ).toEqual(['delete Ubuntu 24.04 (20240401)'])
  })

  it('keep: true never deletes, it only deactivates and hides', () => {
    const kept = { ...def, keep: true }
    expect(
      brief(stepsOf(plan([kept], images, options({ delete: true, confirmDelete: true })))),
    ).toEqual(['deactivate Ubuntu 24.04 (20240401)', 'hide Ubuntu 24.04 (20240401)'])
  })

  it.each(['none', 'forever', 'notice', '2999-01-01'])(
    "uuid_validity '%s' removes nothing (deliberately differs: the old tool deleted like last-1)",
    (validity) => {
      const d = { ...def, meta: { ...def.meta, uuid_validity: validity } }
      expect(
        stepsOf(plan([d], adopted(d), options({ delete: true, confirmDelete: true }))),
      ).toEqual([])
    },
  )

  it('a date in the past keeps only the current build', () => {
    const d = { ...def, meta: { ...def.meta, uuid_validity: '2024-01-01' } }
    expect(brief(stepsOf(plan([d], adopted(d), options({ hide: true }))))).toEqual([
      'hide Ubuntu 24.04 (20240416)',
      'hide Ubuntu 24.04 (20240408)',
      'hide Ubuntu 24.04 (20240401)',
    ])
  })

  it('a new build pushes the oldest in-window build out and counts itself in', () => {
    const three = definition({ versions: four.slice(1).map((v) => version(v)) })
    const after = definition({ versions: [...three.versions, version('20240430')] })
    expect(brief(stepsOf(plan([after], adopted(three), options({ hide: true }))))).toEqual([
      'import Ubuntu 24.04 (20240430)',
      'rename Ubuntu 24.04 -> Ubuntu 24.04 (20240422)',
      'rename Ubuntu 24.04 (20240430) -> Ubuntu 24.04',
      'hide Ubuntu 24.04 (20240408)',
    ])
  })

  it('a listed version older than the window is not imported again (deliberately differs)', () => {
    const p = plan([def], images.slice(1), options())
    expect(stepsOf(p)).toEqual([])
    expect(notesOf(p)).toEqual([
      expect.stringMatching(/not imported: outside the retention window/),
    ])
  })

  it('builds are found by image_name when the definition sets its own image_description (deliberately differs)', () => {
    const d = { ...def, meta: { ...def.meta, image_description: 'Ubuntu Noble' } }
    const p = plan([d], adopted(d), options({ hide: true }))
    expect(brief(stepsOf(p))).toEqual(['hide Ubuntu 24.04 (20240401)'])
    expect(p.orphans).toEqual([])
  })

  describe('non-multi', () => {
    const all = definition({
      name: 'Flatcar',
      multi: false,
      versions: ['1', '2', '3', '4'].map((v) => version(v)),
    })
    const listed = { ...all, versions: all.versions.slice(3) }
    const run = (d = listed, extra = {}) =>
      brief(
        stepsOf(plan([d], adopted({ ...all, meta: d.meta }), options({ hide: true, ...extra }))),
      )

    it('listed versions stay; last-3 keeps the two newest dropped ones', () => {
      expect(run()).toEqual(['hide Flatcar 1'])
    })

    it('the keep option keeps every dropped version', () => {
      expect(run(listed, { keep: true })).toEqual([])
    })

    it('last-1 drops every version no longer listed', () => {
      expect(run({ ...listed, meta: { ...listed.meta, uuid_validity: 'last-1' } })).toEqual([
        'hide Flatcar 3',
        'hide Flatcar 2',
        'hide Flatcar 1',
      ])
    })
  })
})

describe('plan: options (docs/behaviour.md §7)', () => {
  it('skips disabled definitions unless forced', () => {
    const off = definition({ enable: false })
    expect(plan([off], [], options()).definitions[0]?.skipped).toMatch(/enable: false/)
    expect(stepsOf(plan([off], [], options({ force: true })))).toHaveLength(3)
  })

  it('the filter leaves other definitions and their images alone', () => {
    const a = definition()
    const b = definition({ name: 'Debian 12' })
    const p = plan([a, b], [], options({ filter: '^Debian' }))
    expect(p.definitions.map((d) => [d.name, d.skipped ?? d.steps.length])).toEqual([
      ['Ubuntu 24.04', 'outside the filter /^Debian/'],
      ['Debian 12', 3],
    ])
  })

  it('reports managed images without a definition and never touches them', () => {
    const gone = adopted(definition({ name: 'CentOS 7' }))
    const p = plan(
      [definition()],
      [...adopted(definition()), ...gone],
      options({ delete: true, confirmDelete: true }),
    )
    expect(p.orphans.map((o) => o.name)).toEqual(['CentOS 7 (20240416)', 'CentOS 7'])
    expect(stepsOf(p)).toEqual([])
  })

  it('check-age reports builds older than the newest definition build by more than max-age days', () => {
    const def = definition({ versions: [version('20240101'), version('20240422')] })
    const images = adopted(def)
    const p = plan([def], images, options({ maxAgeDays: 90 }))
    expect(p.findings.map((f) => f.image?.name)).toEqual(['Ubuntu 24.04 (20240101)'])
    expect(p.findings[0]?.message).toMatch(/112 days/)
  })
})

describe('plan: latest pointer', () => {
  const def = definition({
    versions: [
      version('latest', {
        url: 'https://upstream.example.test/latest.qcow2',
        checksums_url: 'https://upstream.example.test/SHA256SUMS',
      }),
    ],
  })
  const imported = (checksum: string): CloudImage[] =>
    adopted(def).map((i) => ({
      ...i,
      properties: { ...i.properties, internal_version: '20240501', upstream_checksum: checksum },
    }))

  it('an unchanged upstream checksum does nothing', () => {
    const latestInfo = new Map([
      [def.name, { internalVersion: '20240601', upstreamChecksum: 'aaa' }],
    ])
    expect(stepsOf(plan([def], imported('aaa'), options({ latestInfo })))).toEqual([])
  })

  it('a changed upstream checksum imports the new build and rotates', () => {
    const latestInfo = new Map([
      [def.name, { internalVersion: '20240601', upstreamChecksum: 'bbb' }],
    ])
    expect(brief(stepsOf(plan([def], imported('aaa'), options({ latestInfo }))))).toEqual([
      'import Ubuntu 24.04 (20240601)',
      'rename Ubuntu 24.04 -> Ubuntu 24.04 (20240501)',
      'rename Ubuntu 24.04 (20240601) -> Ubuntu 24.04',
    ])
  })
})

describe('plan: crash safety', () => {
  it.each(['queued', 'uploading', 'killed'])(
    'a %s leftover of an interrupted import is deleted and imported anew',
    (status) => {
      const def = definition()
      const images = adopted(def)
      images[1] = { ...(images[1] as CloudImage), name: 'Ubuntu 24.04 (20240422)', status }
      images.splice(0, 1)
      const steps = stepsOf(plan([def], images, options()))
      expect(brief(steps)).toEqual([
        'import Ubuntu 24.04 (20240416)',
        'import Ubuntu 24.04 (20240422)',
        'rename Ubuntu 24.04 (20240422) -> Ubuntu 24.04',
      ])
      expect(steps[1]).toMatchObject({ replaces: { id: images[0]?.id } })
    },
  )

  it('an image Glance is still importing is left to finish', () => {
    const def = definition({ multi: false })
    // Changed a minute before `now`: the import is moving.
    const moving = { status: 'importing', updated_at: '2024-05-31T23:59:00Z' }
    const p = plan([def], adopted(def, moving), options())
    expect(stepsOf(p)).toEqual([])
  })

  it.each(['importing', 'saving'])(
    'a %s image that has not moved for longer than an import may take is redone',
    (status) => {
      const def = definition({ multi: false })
      // glance-api died under it: the task is gone, the image never finishes.
      const stuck = { status, updated_at: '2024-05-31T23:29:00Z' }
      const images = adopted(def, stuck)
      const p = plan([def], images, options())
      expect(brief(stepsOf(p))).toEqual([
        'import Ubuntu 24.04 20240416',
        'import Ubuntu 24.04 20240422',
      ])
      expect(stepsOf(p)[0]).toMatchObject({ replaces: { id: images[0]?.id } })
      // A longer --import-timeout gives it more time.
      expect(stepsOf(plan([def], images, options({ importTimeoutMs: 3_600_000 })))).toEqual([])
    },
  )
})

describe('plan: retention once the run is done', () => {
  const last = (n: number, versions: string[]) =>
    definition({
      meta: { ...definition().meta, uuid_validity: `last-${n}` },
      versions: versions.map((v) => version(v)),
    })

  it('last-1: the build that steps aside for a new one goes in the same run', () => {
    const before = last(1, ['20240422'])
    const after = last(1, ['20240422', '20240430'])
    expect(brief(stepsOf(plan([after], adopted(before), options({ hide: true }))))).toEqual([
      'import Ubuntu 24.04 (20240430)',
      'rename Ubuntu 24.04 -> Ubuntu 24.04 (20240422)',
      'rename Ubuntu 24.04 (20240430) -> Ubuntu 24.04',
      'hide Ubuntu 24.04 (20240422)',
    ])
  })

  it('after an interrupted rotation the newer build stays and the older one goes', () => {
    const after = last(1, ['20240422', '20240430'])
    const [older, newer] = adopted(after) as [CloudImage, CloudImage]
    // The newer build was imported, the run died before the renames.
    const images = [
      { ...older, name: 'Ubuntu 24.04' },
      { ...newer, name: 'Ubuntu 24.04 (20240430)' },
    ]
    const steps = stepsOf(plan([after], images, options({ hide: true })))
    expect(brief(steps)).toEqual([
      'rename Ubuntu 24.04 -> Ubuntu 24.04 (20240422)',
      'rename Ubuntu 24.04 (20240430) -> Ubuntu 24.04',
      'hide Ubuntu 24.04 (20240422)',
    ])
    expect(steps.at(-1)?.image.id).toBe(older.id)
  })

  it('two versions added at once both count in the window', () => {
    const before = last(2, ['20240416', '20240422'])
    const after = last(2, ['20240416', '20240422', '20240428', '20240430'])
    const hidden = stepsOf(plan([after], adopted(before), options({ hide: true }))).filter(
      (s) => s.action === 'hide',
    )
    expect(hidden.map((s) => s.image.name)).toEqual([
      'Ubuntu 24.04 (20240422)',
      'Ubuntu 24.04 (20240416)',
    ])
  })

  it('a build that retention deactivated is not reactivated while it is outside the window', () => {
    const def = last(1, ['20240422', '20240430'])
    const images = adopted(def)
    images[0] = { ...(images[0] as CloudImage), status: 'deactivated', visibility: 'community' }
    expect(stepsOf(plan([def], images, options({ hide: true, deactivate: true })))).toEqual([])
  })
})

describe('plan: leftovers of versions no longer listed', () => {
  it('are deleted: they are empty and were never bootable', () => {
    const def = definition({ multi: false, versions: [version('2')] })
    const gone = adopted(definition({ multi: false, versions: [version('1')] }), {
      status: 'queued',
    })
    const p = plan([def], [...adopted(def), ...gone], options())
    expect(p.definitions[0]?.steps).toEqual([
      {
        action: 'delete',
        image: { id: gone[0]?.id, name: 'Ubuntu 24.04 1' },
        reason: "leftover of an interrupted import ('queued') of a version no longer listed",
      },
    ])
  })
})

describe('plan: two managed images under one name', () => {
  it('reports both ids and leaves the definition alone', () => {
    const def = definition()
    const images = adopted(def)
    const current = images.find((i) => i.name === 'Ubuntu 24.04')!
    const twin = { ...current, id: 'ffffffff-0000-4000-8000-000000000001', visibility: 'private' }
    const p = plan([def], [...images, twin], options())
    const only = p.definitions[0]!
    expect(only.skipped).toBe(
      `2 managed images are named 'Ubuntu 24.04' (${current.id}, ${twin.id}): delete or rename all but one by hand`,
    )
    expect([...only.steps, ...only.retention]).toEqual([])
    expect(p.summary).toMatchObject({ skipped: 1, unchanged: 0, update: 0 })
  })

  it('does not care about twins among names it never looks at', () => {
    const def = definition()
    const other = definition({ name: 'Debian 12' })
    const stranger = adopted(other).slice(0, 1)
    const p = plan([def], [...adopted(def), ...stranger, { ...stranger[0]!, id: 'x-1' }], options())
    expect(p.definitions[0]!.skipped).toBeUndefined()
  })
})
