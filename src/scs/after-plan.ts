// What the managed images look like once a plan has run, and the scs-0102 rules
// that state would break: the plan warns before the merge, not the next check. Pure.
import type { CloudImage } from '../plan/observed.js'
import type { Change, ImageRef, Note, Plan, Step } from '../plan/types.js'
import { failsCheck, uniqueness, type ScsImage } from './rules.js'
import { checkStandardImages } from './standard-images.js'

type Mutable = ScsImage & { properties: Record<string, string> }

/** Images this run creates have no id yet: they are known by their import name. */
const key = (ref: ImageRef): string => ref.id ?? `new:${ref.name}`

function change(image: Mutable, c: Change): void {
  switch (c.field) {
    case 'property':
      if (c.to === undefined) delete image.properties[c.key]
      else image.properties[c.key] = c.to
      return
    case 'min_disk':
    case 'min_ram':
      image[c.field] = c.to
      return
    case 'visibility':
      image.visibility = c.to
      return
    case 'os_hidden':
      image.os_hidden = c.to
      return
    case 'tags':
      return
  }
}

function run(images: Map<string, Mutable>, step: Step): void {
  const image = images.get(key(step.image))
  switch (step.action) {
    case 'import':
      if (step.replaces) images.delete(key(step.replaces))
      images.set(key(step.image), {
        name: step.create.name,
        visibility: step.then.visibility,
        os_hidden: step.create.os_hidden ?? false,
        min_disk: step.create.min_disk,
        min_ram: step.create.min_ram,
        properties: { ...step.create.properties },
      })
      return
    case 'rename':
      if (image) image.name = step.to
      return
    case 'update':
      if (image) for (const c of step.changes) change(image, c)
      return
    case 'hide':
      if (image) image.visibility = 'community'
      return
    case 'delete':
      images.delete(key(step.image))
      return
    default:
      return
  }
}

/** The images as they stand once every step of `plan` ran, retention included. */
export function afterPlan(images: readonly CloudImage[], plan: Plan): ScsImage[] {
  const state = new Map<string, Mutable>(
    images.map((i) => [i.id, { ...i, properties: { ...i.properties } }]),
  )
  for (const def of plan.definitions)
    for (const step of [...def.steps, ...def.retention]) run(state, step)
  return [...state.values()]
}

export const SCS_RECIPE =
  'the SCS recipe: `rotated: {meta: {os_purpose: oldgeneric}, hidden: true}` on the definition, or plan and apply with --rotated-meta os_purpose=oldgeneric --rotated-hidden'

/** Warnings for the plan: the rules of scs-0102 that the cloud breaks once the plan ran. */
export function scsFindings(images: readonly CloudImage[], plan: Plan): Note[] {
  const result = uniqueness(afterPlan(images, plan))
  // One note per clash: every image of it carries the same description.
  const clashes = [...new Set(result.offenders.map((o) => o.why))]
  return clashes.map((why) => ({
    message: `${result.id}: after this apply ${why}, but at most one public, visible image per architecture, os_distro and os_version may be; fix with ${SCS_RECIPE}`,
  }))
}

/**
 * Warnings for the plan: the mandatory scs-0104 rules that the managed images pass
 * now and break once the plan ran (the plan sees only them: what is missing already
 * is `check`'s to say).
 */
export function standardImageFindings(images: readonly CloudImage[], plan: Plan): Note[] {
  const passing = new Set(
    checkStandardImages(images)
      .filter((r) => !failsCheck(r))
      .map((r) => r.id),
  )
  return checkStandardImages(afterPlan(images, plan))
    .filter((r) => failsCheck(r) && passing.has(r.id))
    .flatMap((r) =>
      r.offenders.map((o) => ({
        message: `${r.id}: after this apply '${o.name}': ${o.why}`,
      })),
    )
}

/** The plan with the scs-0102 and scs-0104 findings of its outcome added: said before the merge, not at the next check. */
export function withScsFindings(plan: Plan, images: readonly CloudImage[]): Plan {
  plan.findings.push(...scsFindings(images, plan), ...standardImageFindings(images, plan))
  return plan
}
