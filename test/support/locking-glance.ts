// An in-memory Glance for unit tests of the executor that behaves like the
// real one where it matters: an import marks the image `active` while its task
// still holds the lock (`os_glance_import_task`), and when the lock drops the
// task saves the copy it took at `active`, undoing any write sent meanwhile.
// Measured on the real Glance: 1 in 12 patches sent at `active` were lost.
// Time is counted in polls (getImage calls), so every run is the same.
import { randomUUID } from 'node:crypto'
import type { Readable } from 'node:stream'
import type { GlanceClient } from '../../src/openstack/glance/client.js'
import type { PatchOperation } from '../../src/openstack/glance/patch.js'
import type { Image } from '../../src/openstack/glance/types.js'

export interface LockingGlanceOptions {
  /** Polls of an importing image until it shows `active` (still locked). */
  pollsToActive?: number
  /** Further polls until the task drops the lock and saves its older copy. */
  pollsLocked?: number
  /** Patches that answer 200 but change nothing (a write Glance lost another way). */
  dropPatches?: (id: string, ops: readonly PatchOperation[]) => boolean
}

export interface LockingGlance {
  client: GlanceClient
  images: Map<string, Image>
  /** Patches that hit an image while its import task held it. */
  patchesWhileLocked: number
  calls: string[]
}

const KNOWN = new Set(['name', 'visibility', 'min_disk', 'min_ram', 'os_hidden', 'tags'])

function apply(image: Image, ops: readonly PatchOperation[]): Image {
  const next: Image = { ...image, properties: { ...image.properties }, tags: [...image.tags] }
  for (const op of ops) {
    const key = op.path.slice(1).replace(/~1/g, '/').replace(/~0/g, '~')
    if (KNOWN.has(key)) {
      if (op.op === 'remove') throw new Error(`cannot remove ${key}`)
      ;(next as unknown as Record<string, unknown>)[key] = op.value
    } else if (op.op === 'remove') delete next.properties[key]
    else next.properties[key] = String(op.value)
  }
  return next
}

export function lockingGlance(options: LockingGlanceOptions = {}): LockingGlance {
  const images = new Map<string, Image>()
  const tasks = new Map<string, { polls: number; saved?: Image }>()
  const calls: string[] = []
  const state = { patchesWhileLocked: 0 }
  const get = (id: string): Image => {
    const image = images.get(id)
    if (!image) throw new Error(`404 image ${id}`)
    return image
  }
  const startTask = (id: string): void => {
    images.set(id, { ...get(id), status: 'importing' })
    tasks.set(id, { polls: 0 })
  }
  /** The import task's progress, one step per poll. */
  const advance = (id: string): void => {
    const task = tasks.get(id)
    if (!task) return
    task.polls++
    const toActive = options.pollsToActive ?? 2
    if (task.polls === toActive) {
      const active: Image = {
        ...get(id),
        status: 'active',
        size: 2 ** 20,
        properties: { ...get(id).properties, os_glance_import_task: 'task-1' },
      }
      images.set(id, active)
      task.saved = structuredClone(active)
    } else if (task.polls >= toActive + (options.pollsLocked ?? 2) && task.saved) {
      const properties = { ...task.saved.properties }
      delete properties.os_glance_import_task
      images.set(id, { ...task.saved, properties })
      tasks.delete(id)
    }
  }

  const client = {
    endpoint: 'http://glance.test',
    apiVersion: 'v2.15',
    projectId: 'project-a',
    session: { http: undefined },
    counter: { snapshot: () => ({}) },
    async *listImages() {
      calls.push('list')
      yield* [...images.values()].map((i) => structuredClone(i))
    },
    async getImage(id: string) {
      calls.push(`get ${id}`)
      advance(id)
      return structuredClone(get(id))
    },
    async findImage(id: string) {
      return images.has(id) ? structuredClone(get(id)) : null
    },
    async createImage(body: Record<string, unknown>) {
      calls.push('create')
      const { id, name, visibility, min_disk, min_ram, tags, os_hidden, ...rest } = body
      const image: Image = {
        id: (id as string | undefined) ?? randomUUID(),
        name: name as string,
        status: 'queued',
        visibility: (visibility as Image['visibility']) ?? 'shared',
        protected: false,
        os_hidden: (os_hidden as boolean | undefined) ?? false,
        disk_format: rest.disk_format as Image['disk_format'],
        container_format: 'bare',
        min_disk: (min_disk as number) ?? 0,
        min_ram: (min_ram as number) ?? 0,
        size: null,
        virtual_size: null,
        checksum: null,
        os_hash_algo: null,
        os_hash_value: null,
        owner: 'project-a',
        tags: (tags as string[]) ?? [],
        created_at: '2024-06-01T00:00:00Z',
        updated_at: '2024-06-01T00:00:00Z',
        properties: Object.fromEntries(
          Object.entries(rest)
            .filter(([k]) => k !== 'disk_format' && k !== 'container_format')
            .map(([k, v]) => [k, String(v)]),
        ),
      }
      images.set(image.id, image)
      return structuredClone(image)
    },
    async stageImage(id: string, data: Readable) {
      calls.push(`stage ${id}`)
      for await (const _ of data) void _
      images.set(id, { ...get(id), status: 'uploading' })
    },
    async importImage(id: string, method: string) {
      calls.push(`import ${id} ${method}`)
      startTask(id)
    },
    async patchImage(id: string, ops: readonly PatchOperation[]) {
      calls.push(`patch ${id}`)
      if (tasks.get(id)?.saved) state.patchesWhileLocked++
      if (!options.dropPatches?.(id, ops)) images.set(id, apply(get(id), ops))
      return structuredClone(get(id))
    },
    async deactivateImage(id: string) {
      images.set(id, { ...get(id), status: 'deactivated' })
    },
    async reactivateImage(id: string) {
      images.set(id, { ...get(id), status: 'active' })
    },
    async deleteImage(id: string) {
      calls.push(`delete ${id}`)
      images.delete(id)
    },
    // No task reads as failed: only the image tells how the import goes.
    async imageTasks() {
      return []
    },
    async getImportInfo() {
      return { methods: ['glance-direct', 'web-download'] }
    },
  }
  return {
    client: client as unknown as GlanceClient,
    images,
    calls,
    get patchesWhileLocked() {
      return state.patchesWhileLocked
    },
  }
}
