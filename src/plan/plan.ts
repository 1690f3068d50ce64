// Desired + observed + options -> an ordered plan (docs/behaviour.md §2-7). Pure: no I/O, no clock.
import type { Definition } from '../definitions/types.js'
import { rotationOf } from './desire.js'
import { checkAge } from './check-age.js'
import { driftSteps } from './drift.js'
import { importSteps } from './imports.js'
import { belongsTo, ref, type ByName, type DefinitionScope } from './managed.js'
import { ambiguousName, desiredFor, matchDesired, strayLeftovers } from './match.js'
import type { CloudImage } from './observed.js'
import type { PlanOptions } from './plan-options.js'
import { leavingBuilds, retentionSteps } from './retire.js'
import { parseValidity, windowSize } from './retention.js'
import { rotationSteps } from './rotation.js'
import { PLAN_FORMAT_VERSION, type DefinitionPlan, type Note, type Plan } from './types.js'

export { IMPORT_TIMEOUT_MS, type PlanOptions } from './plan-options.js'
export { belongsTo } from './managed.js'

/** An empty plan for one definition, skipped when `skipped` says why. */
function emptyPlan(def: Definition, skipped?: string): DefinitionPlan {
  return {
    name: def.name,
    file: def.position.file,
    line: def.position.line,
    ...(skipped !== undefined ? { skipped } : {}),
    steps: [],
    retention: [],
    notes: [],
  }
}

/** What every phase of the definition's plan reads; undefined when an ambiguous name stops it. */
function scopeOf(
  def: Definition,
  images: readonly CloudImage[],
  withName: ByName,
  options: PlanOptions,
  out: DefinitionPlan,
): DefinitionScope | undefined {
  const named = (name: string): CloudImage | undefined => withName.get(name)?.[0]
  const current = def.multi ? named(def.name) : undefined
  const desired = desiredFor(def, current, options)
  const own = images.filter((i) => belongsTo(def, i))
  const ambiguous = ambiguousName(def, desired, own, withName)
  if (ambiguous !== undefined) {
    out.skipped = ambiguous
    return undefined
  }
  return {
    def,
    options,
    own,
    named,
    desired,
    newest: desired[desired.length - 1],
    current,
    rotation: rotationOf(def, options.rotated),
    window: windowSize(parseValidity(def.meta.uuid_validity, options.now)),
    notes: out.notes,
  }
}

function planDefinition(
  def: Definition,
  images: readonly CloudImage[],
  withName: ByName,
  options: PlanOptions,
): DefinitionPlan {
  const out = emptyPlan(def)
  const scope = scopeOf(def, images, withName, options, out)
  if (!scope) return out
  const matches = matchDesired(scope)
  const imports = importSteps(scope, matches)
  const rotation = rotationSteps(scope, matches, imports)
  if ('blocked' in rotation) {
    out.notes.push(rotation.blocked)
    return out
  }
  const leaving = leavingBuilds(scope, matches, imports)
  // Stryker disable next-line ArrayDeclaration: an id that no image has retires nothing
  const retiring = new Set(leaving.flatMap((b) => (b.image ? [b.image.id] : [])))
  const updates = driftSteps(scope, matches, rotation.nameHolder, retiring)
  const strays = strayLeftovers(scope, matches)
  out.steps = [...strays, ...imports, ...rotation.renames, ...updates]
  out.retention = retentionSteps(scope, leaving, rotation.renames)
  return out
}

/** Why a definition is left out of this plan, if it is. */
function skipReason(
  def: Definition,
  filter: RegExp | undefined,
  options: PlanOptions,
): string | undefined {
  return !def.enable && !options.force
    ? 'enable: false (use --force to include it)'
    : filter && !filter.test(def.name)
      ? `outside the filter /${options.filter}/`
      : options.latestErrors?.has(def.name)
        ? `latest upstream unreadable: ${options.latestErrors.get(def.name)}`
        : undefined
}

/** Every Glance name with all the managed images that carry it. */
function byGlanceName(images: readonly CloudImage[]): ByName {
  const withName = new Map<string, CloudImage[]>()
  for (const image of images) {
    const same = withName.get(image.name)
    if (same) same.push(image)
    else withName.set(image.name, [image])
  }
  return withName
}

function emptyCatalogPlan(options: PlanOptions): Plan {
  return {
    formatVersion: PLAN_FORMAT_VERSION,
    generatedAt: options.now.toISOString(),
    ...(options.cloud ? { cloud: options.cloud } : {}),
    definitions: [],
    orphans: [],
    findings: [],
    summary: {
      import: 0,
      rename: 0,
      update: 0,
      deactivate: 0,
      reactivate: 0,
      hide: 0,
      delete: 0,
      unchanged: 0,
      skipped: 0,
    },
  }
}

/** The ordered plan for a catalog against a cloud's managed images. */
export function plan(
  definitions: readonly Definition[],
  images: readonly CloudImage[],
  options: PlanOptions,
): Plan {
  const filter = options.filter ? new RegExp(options.filter) : undefined
  const result = emptyCatalogPlan(options)
  const withName = byGlanceName(images)
  for (const def of definitions) {
    const skipped = skipReason(def, filter, options)
    if (skipped) {
      result.definitions.push(emptyPlan(def, skipped))
      result.summary.skipped++
      continue
    }
    const p = planDefinition(def, images, withName, options)
    result.definitions.push(p)
    for (const s of [...p.steps, ...p.retention]) result.summary[s.action]++
    if (p.skipped) result.summary.skipped++
    else if (p.steps.length + p.retention.length === 0) result.summary.unchanged++
  }
  result.orphans = images
    .filter((i) => !definitions.some((d) => belongsTo(d, i)) && (!filter || filter.test(i.name)))
    .map(ref)
  if (options.maxAgeDays !== undefined) {
    result.findings = checkAge(
      definitions.filter((d) => !filter || filter.test(d.name)),
      images,
      options.maxAgeDays,
      belongsTo,
    )
  }
  result.findings.push(...unverifiedPublic(result))
  return result
}

/** A public image whose bytes nobody checks is worth a warning (docs/behaviour.md §4). */
function unverifiedPublic(p: Plan): Note[] {
  return p.definitions.flatMap((d) =>
    d.steps.flatMap((s) =>
      s.action === 'import' &&
      s.then.visibility === 'public' &&
      !s.verification.startsWith('verified')
        ? [{ image: s.image, message: `imported public, ${s.verification}` }]
        : [],
    ),
  )
}
