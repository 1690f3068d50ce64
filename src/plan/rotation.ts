// Rotation of a multi definition: the newest build takes the plain name, the current one
// steps aside under its dated name (docs/behaviour.md §5). Pure.
import { rotatedName } from '../definitions/names.js'
import type { Definition } from '../definitions/types.js'
import { ACTABLE, ref, type DefinitionScope, type Matches } from './managed.js'
import type { CloudImage } from './observed.js'
import type { ImageRef, ImportStep, Note, RenameStep } from './types.js'

/** The renames of this run and who holds the plain name once it is done, or why it cannot rotate. */
export type RotationPlan =
  | {
      renames: RenameStep[]
      /** undefined: an import of this run, or nobody. */
      nameHolder: CloudImage | undefined
    }
  | { blocked: Note }

/** Name of the current multi image once a newer build takes its place. */
function retiredName(def: Definition, image: CloudImage): string {
  const version =
    image.properties.internal_version ?? (image.created_at ?? '').slice(0, 10).replace(/-/g, '')
  return rotatedName(def, version)
}

export function rotationSteps(
  scope: DefinitionScope,
  { match }: Matches,
  imports: readonly ImportStep[],
): RotationPlan {
  const { def, newest, current } = scope
  const next = newest && match.get(newest)
  // Only a complete image takes the name: nobody may boot a half-imported one.
  const takesName =
    def.multi &&
    newest !== undefined &&
    (next
      ? next.name !== def.name && ACTABLE.has(next.status)
      : imports.some((s) => s.image.name === newest.importName))
  const nameHolder = takesName ? next : current
  const renames: RenameStep[] = []
  if (!takesName || !newest) return { renames, nameHolder }
  if (current && current !== next) {
    const to = retiredName(def, current)
    const taken = scope.named(to)
    if (taken && taken !== current) {
      return {
        blocked: {
          image: ref(current),
          message: `cannot rotate: '${to}' already exists; rename or remove it by hand`,
        },
      }
    }
    renames.push({
      action: 'rename',
      image: ref(current),
      to,
      reason: `a newer build (${newest.internalVersion}) takes the name '${def.name}'`,
    })
  }
  const image: ImageRef = next ? ref(next) : { name: newest.importName }
  renames.push({
    action: 'rename',
    image,
    to: def.name,
    reason: `newest build (${newest.internalVersion})`,
  })
  return { renames, nameHolder }
}
