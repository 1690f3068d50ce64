// Builders for plan tests: a definition and the images the old tool would have left.
import type { Definition } from '../../../src/definitions/types.js'
import { desireDefinition } from '../../../src/plan/desire.js'
import type { CloudImage } from '../../../src/plan/observed.js'
import type { PlanOptions } from '../../../src/plan/plan.js'

export { at, definition, version } from '../../support/definitions.js'

export const options = (extra: Partial<PlanOptions> = {}): PlanOptions => ({
  tag: 'managed_by_osism',
  force: false,
  latest: false,
  useOsHidden: false,
  hide: false,
  deactivate: false,
  delete: false,
  confirmDelete: false,
  keep: false,
  now: new Date('2024-06-01T00:00:00Z'),
  ...extra,
})

let counter = 0

/** The images the old tool leaves for a definition: exactly its desired state. */
export function adopted(def: Definition, extra: Partial<CloudImage> = {}): CloudImage[] {
  return desireDefinition(def, { tag: 'managed_by_osism', useOsHidden: false }).map((d) => ({
    id: `00000000-0000-4000-8000-${String(++counter).padStart(12, '0')}`,
    name: d.name,
    status: 'active',
    visibility: d.visibility,
    owner: 'project-a',
    tags: d.tags,
    min_disk: d.minDisk,
    min_ram: d.minRam,
    size: 3 * 2 ** 30,
    os_hidden: false,
    disk_format: 'raw',
    created_at: '2024-04-20T10:00:00Z',
    properties: { ...d.properties },
    ...extra,
  }))
}
