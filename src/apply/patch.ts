// Plan changes -> one JSON-patch document. Pure.
import { pointer, type PatchOperation } from '../openstack/glance/patch.js'
import type { Change } from '../plan/types.js'

export function changesToPatch(changes: readonly Change[]): PatchOperation[] {
  return changes.map((c): PatchOperation => {
    switch (c.field) {
      case 'property':
        if (c.to === undefined) return { op: 'remove', path: pointer(c.key) }
        return { op: c.from === undefined ? 'add' : 'replace', path: pointer(c.key), value: c.to }
      case 'tags':
        return { op: 'replace', path: '/tags', value: c.to }
      default:
        return { op: 'replace', path: pointer(c.field), value: c.to }
    }
  })
}
