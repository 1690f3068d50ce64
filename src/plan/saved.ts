// What a saved plan depends on (docs/cli.md, "Saved plans"): the state of every
// managed image it touches or relies on, the definitions' digest and the options
// that shape it; and the comparison of that record with a fresh listing. Pure.
import { createHash } from 'node:crypto'
import type { Definition } from '../definitions/types.js'
import { planDigest } from './fingerprint.js'
import { belongsTo } from './managed.js'
import type { CloudImage } from './observed.js'
import type { PlanOptions } from './plan-options.js'
import type { ImageState, Plan, PlanBasis, PlanShape } from './types.js'

const sha256 = (text: string): string => `sha256:${createHash('sha256').update(text).digest('hex')}`

/** Orders unique keys (code unit order, as JSON's digest needs it, not the locale's). */
// Stryker disable next-line EqualityOperator: keys are unique, so `<` and `<=` order them alike
const byKey = (a: string, b: string): number => (a < b ? -1 : 1)

/** JSON with object keys sorted at every depth: equal values, equal text. */
export function canonicalJson(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) =>
    v && typeof v === 'object' && !Array.isArray(v)
      ? Object.fromEntries(Object.entries(v).sort(([a], [b]) => byKey(a, b)))
      : v,
  )
}

/**
 * The definitions as loaded and normalised (defaults filled in, aliases
 * resolved), in catalog order, with the file each comes from but not its line:
 * moving an entry or editing a comment changes nothing that is planned.
 */
export function definitionsDigest(definitions: readonly Definition[]): string {
  return sha256(
    canonicalJson(definitions.map((d) => ({ ...d, position: { file: d.position.file } }))),
  )
}

export function planShape(options: PlanOptions): PlanShape {
  const { tag, force, latest, useOsHidden, hide, deactivate, confirmDelete, keep } = options
  return {
    tag,
    ...(options.filter !== undefined ? { filter: options.filter } : {}),
    force,
    latest,
    useOsHidden,
    hide,
    deactivate,
    delete: options.delete,
    confirmDelete,
    keep,
    ...(options.maxAgeDays !== undefined ? { maxAgeDays: options.maxAgeDays } : {}),
    ...(options.rotated ? { rotated: options.rotated } : {}),
    ...(options.verify !== undefined ? { verify: options.verify } : {}),
  }
}

export function imageState(image: CloudImage): ImageState {
  const properties = Object.fromEntries(
    Object.entries(image.properties)
      .filter(([key]) => !key.startsWith('os_glance_'))
      .sort(([a], [b]) => byKey(a, b)),
  )
  return {
    id: image.id,
    name: image.name,
    status: image.status,
    visibility: image.visibility,
    hidden: Boolean(image.os_hidden),
    min_disk: image.min_disk,
    min_ram: image.min_ram,
    size: image.size ?? null,
    tags: [...image.tags].sort(),
    properties,
    ...(image.updated_at !== undefined ? { updated_at: image.updated_at } : {}),
  }
}

/** Ids of the images the plan's steps act on. */
function stepIds(plan: Plan): Set<string> {
  const ids = new Set<string>()
  for (const d of plan.definitions)
    for (const s of [...d.steps, ...d.retention]) {
      if (s.image.id) ids.add(s.image.id)
      if (s.action === 'import' && s.replaces?.id) ids.add(s.replaces.id)
    }
  return ids
}

/**
 * The images a plan relies on: without --filter every managed image (any may
 * hold a name the plan wants); with it, those whose name matches, those of a
 * definition that matches, and those a step acts on.
 */
export function reliesOn(
  plan: Plan,
  definitions: readonly Definition[],
  filter: string | undefined,
): (image: CloudImage) => boolean {
  if (filter === undefined) return () => true
  const re = new RegExp(filter)
  const ids = stepIds(plan)
  const inFilter = definitions.filter((d) => re.test(d.name))
  return (image) =>
    re.test(image.name) || ids.has(image.id) || inFilter.some((d) => belongsTo(d, image))
}

type Undigested = Omit<PlanBasis, 'digest'> & { digest?: string }

const withoutDigest = ({ digest: _digest, ...rest }: Undigested): Omit<PlanBasis, 'digest'> => rest

/** The digest a basis records of itself. */
export const basisDigest = (basis: Undigested): string =>
  sha256(canonicalJson(withoutDigest(basis)))

/** What `plan` records in the plan file about what it depends on. */
export function recordBasis(
  plan: Plan,
  definitions: readonly Definition[],
  images: readonly CloudImage[],
  options: PlanOptions,
): PlanBasis {
  const relied = reliesOn(plan, definitions, options.filter)
  const basis: Undigested = {
    planDigest: planDigest(plan),
    definitionsDigest: definitionsDigest(definitions),
    options: planShape(options),
    latest: Object.fromEntries(options.latestInfo ?? []),
    latestErrors: Object.fromEntries(options.latestErrors ?? []),
    images: images
      .filter(relied)
      .map(imageState)
      .sort((a, b) => byKey(a.id, b.id)),
  }
  return { ...basis, digest: basisDigest(basis) }
}

const shown = (value: unknown): string => (value === undefined ? 'none' : `'${String(value)}'`)

/** Each difference of one image's state, worded `field is X now, the plan saw Y`. */
function stateChanges(then: ImageState, now: ImageState): string[] {
  const out: string[] = []
  const field = (
    name: string,
    a: unknown,
    b: unknown,
    show: (v: unknown) => string = String,
  ): void => {
    if (a !== b) out.push(`${name} is ${show(b)} now, the plan saw ${show(a)}`)
  }
  field('name', then.name, now.name, shown)
  field('status', then.status, now.status)
  field('visibility', then.visibility, now.visibility)
  field('os_hidden', then.hidden, now.hidden)
  field('min_disk', then.min_disk, now.min_disk)
  field('min_ram', then.min_ram, now.min_ram)
  field('size', then.size, now.size)
  const tags = (t: string[]): string => (t.length ? t.join(', ') : 'none')
  if (tags(then.tags) !== tags(now.tags))
    out.push(`tags are ${tags(now.tags)} now, the plan saw ${tags(then.tags)}`)
  const keys = [...new Set([...Object.keys(then.properties), ...Object.keys(now.properties)])]
  for (const key of keys.sort())
    field(`property ${key}`, then.properties[key], now.properties[key], shown)
  // Anything else Glance changed (its updated_at moves on every write).
  if (out.length === 0 && then.updated_at !== now.updated_at)
    out.push(
      `changed since the plan (updated_at ${now.updated_at}, the plan saw ${then.updated_at})`,
    )
  return out
}

/**
 * What changed in the cloud since the plan, one line per change, naming the
 * image as the plan saw it: deleted, changed, or new among the images the plan
 * relies on. Empty: the saved plan still holds.
 */
export function basisChanges(
  plan: Plan,
  basis: PlanBasis,
  definitions: readonly Definition[],
  images: readonly CloudImage[],
): string[] {
  const byId = new Map(images.map((i) => [i.id, i]))
  const changes: string[] = []
  for (const then of basis.images) {
    const image = byId.get(then.id)
    if (!image) {
      changes.push(`${then.name}: deleted since the plan (or no longer managed)`)
      continue
    }
    for (const c of stateChanges(then, imageState(image))) changes.push(`${then.name}: ${c}`)
  }
  const seen = new Set(basis.images.map((i) => i.id))
  const relied = reliesOn(plan, definitions, basis.options.filter)
  for (const image of images.filter((i) => !seen.has(i.id) && relied(i)))
    changes.push(`${image.name}: new since the plan (${image.id})`)
  return changes
}

/** The planner's options as the saved plan was made: its clock, options and resolved versions. */
export function shapedOptions(plan: Plan, basis: PlanBasis): PlanOptions {
  return {
    ...basis.options,
    now: new Date(plan.generatedAt),
    ...(plan.cloud !== undefined ? { cloud: plan.cloud } : {}),
    latestInfo: new Map(Object.entries(basis.latest)),
    latestErrors: new Map(Object.entries(basis.latestErrors)),
  }
}
