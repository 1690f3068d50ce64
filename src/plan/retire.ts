// Retention steps of one definition: which builds leave once this run is done, and what
// happens to them under the options (docs/behaviour.md §6). Pure.
import type { Definition } from '../definitions/types.js'
import { isLeftover, ref, type DefinitionScope, type Matches } from './managed.js'
import type { PlanOptions } from './plan-options.js'
import { candidates, type Build } from './retention.js'
import type { DefinitionPlan, ImportStep, Note, RenameStep } from './types.js'

/** The builds retention lets go, from the builds as they stand once this run is done. */
export function leavingBuilds(
  scope: DefinitionScope,
  { match }: Matches,
  imports: readonly ImportStep[],
): Build[] {
  const { def, options, newest, current } = scope
  // Builds as they stand once this run is done: existing ones and the imports.
  const importsNewest = imports.some((s) => s.image.name === newest?.importName)
  const holder = newest && (match.get(newest) ?? (importsNewest ? undefined : current))
  const builds: Build[] = [
    ...scope.own
      .filter((i) => !isLeftover(i, options))
      .map((i) => ({
        image: i,
        internalVersion: i.properties.internal_version ?? '',
        current: def.multi && i === holder,
      })),
    ...imports.map((s) => ({
      internalVersion: s.version,
      current: def.multi && s.image.name === newest?.importName,
    })),
  ]
  return candidates(def, builds, scope.window.size, options.keep || def.keep)
}

/** The retention steps for the leaving builds; the ones left as they are get a note. */
export function retentionSteps(
  scope: DefinitionScope,
  leaving: readonly Build[],
  renames: readonly RenameStep[],
): DefinitionPlan['retention'] {
  // Retention runs after the renames: name the images as they will be called then.
  const renamedTo = new Map(renames.flatMap((r) => (r.image.id ? [[r.image.id, r.to]] : [])))
  const named = leaving.map((b) =>
    b.image ? { ...b, image: { ...b.image, name: renamedTo.get(b.image.id) ?? b.image.name } } : b,
  )
  return retire(scope.def, named, scope.window.why, scope.options, scope.notes)
}

/** What happens to retention candidates: only what the options ask for. */
function retire(
  def: Definition,
  leaving: readonly Build[],
  why: string,
  options: PlanOptions,
  notes: Note[],
): DefinitionPlan['retention'] {
  const steps: DefinitionPlan['retention'] = []
  for (const b of leaving) {
    const image = b.image
    if (!image) continue
    const reason = `outside the retention window (${why})`
    if (options.delete && options.confirmDelete && !def.keep) {
      steps.push({ action: 'delete', image: ref(image), reason })
      continue
    }
    const before = steps.length
    if (
      (options.deactivate || (options.delete && options.confirmDelete)) &&
      image.status === 'active'
    ) {
      steps.push({ action: 'deactivate', image: ref(image), reason })
    }
    if (
      (options.hide || (options.delete && options.confirmDelete)) &&
      image.visibility !== 'community'
    ) {
      steps.push({ action: 'hide', image: ref(image), reason })
    }
    if (steps.length === before) {
      notes.push({
        image: ref(image),
        message: `removal candidate, ${reason}: ${removalHint(def, options)}`,
      })
    }
  }
  return steps
}

/** Why a removal candidate stays as it is. */
function removalHint(def: Definition, options: PlanOptions): string {
  return def.keep
    ? 'keep: true, never deleted'
    : options.delete && !options.confirmDelete
      ? 'deleting needs --yes-i-really-know-what-i-do'
      : options.hide || options.deactivate
        ? 'already hidden or deactivated'
        : 'use --hide, --deactivate or --delete to act'
}
