// Drift of one definition's existing builds from what they should be: updates and status
// changes (docs/behaviour.md §3 and §5). Pure.
import { asHolder, asRotated } from './desire.js'
import { diffImage, diffRotated } from './diff.js'
import { ACTABLE, ref, type DefinitionScope, type Matches } from './managed.js'
import type { CloudImage } from './observed.js'
import type { Step } from './types.js'

/** Where the existing builds drift, given the name holder and the builds retention lets go. */
export function driftSteps(
  scope: DefinitionScope,
  { match }: Matches,
  nameHolder: CloudImage | undefined,
  retiring: ReadonlySet<string>,
): Step[] {
  const { def, options, rotation } = scope
  // What retention deletes is not worth an update first.
  const deleted = (image: CloudImage): boolean =>
    options.delete && options.confirmDelete && !def.keep && retiring.has(image.id)
  const replacedReason = `replaced by a newer build of '${def.name}': gets the rotated settings`
  const updates: Step[] = []
  for (const d of scope.desired) {
    const image = match.get(d)
    if (!image) continue
    if (!ACTABLE.has(image.status)) {
      scope.notes.push({ image: ref(image), message: `left alone: the image is '${image.status}'` })
      continue
    }
    const replaced = rotation !== undefined && image !== nameHolder && !deleted(image)
    const want = !rotation ? d : replaced ? asRotated(d, rotation) : asHolder(d, rotation)
    const diff = diffImage(want, image, { retiring: retiring.has(image.id) })
    if (diff.changes.length)
      updates.push({
        action: 'update',
        image: ref(image),
        changes: diff.changes,
        reason: replaced ? replacedReason : 'differs from the definition',
      })
    if (diff.status)
      updates.push({ action: diff.status, image: ref(image), reason: `status: ${d.status}` })
  }

  // Replaced builds of versions no longer listed: only the rotation settings, unless retention deletes them.
  if (rotation) {
    const matched = new Set(match.values())
    for (const image of scope.own) {
      if (matched.has(image) || image === nameHolder) continue
      if (!ACTABLE.has(image.status) || deleted(image)) continue
      const changes = diffRotated(rotation, image)
      if (changes.length)
        updates.push({ action: 'update', image: ref(image), changes, reason: replacedReason })
    }
  }
  return updates
}
