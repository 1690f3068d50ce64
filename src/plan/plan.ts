// Desired + observed + options -> an ordered plan (docs/behaviour.md §2-7). Pure: no I/O, no clock.
import { rotatedName } from '../definitions/names.js'
import type { Definition, Rotated } from '../definitions/types.js'
import {
  asHolder,
  asRotated,
  desireDefinition,
  rotationOf,
  type DesiredImage,
  type LatestInfo,
} from './desire.js'
import { diffImage, diffRotated } from './diff.js'
import { checkAge } from './check-age.js'
import type { CloudImage } from './observed.js'
import { candidates, outsideWindow, parseValidity, windowSize, type Build } from './retention.js'
import {
  PLAN_FORMAT_VERSION,
  type DefinitionPlan,
  type ImageRef,
  type ImportStep,
  type Note,
  type Plan,
  type Step,
} from './types.js'

export interface PlanOptions {
  tag: string
  /** Regex on definition and image names; everything else is left alone. */
  filter?: string
  /** Include definitions with `enable: false`. */
  force: boolean
  /** Multi images: import only the newest version. */
  latest: boolean
  useOsHidden: boolean
  hide: boolean
  deactivate: boolean
  delete: boolean
  /** `yes-i-really-know-what-i-do`: without it nothing is deleted. */
  confirmDelete: boolean
  /** Keep builds of non-multi versions that the definition no longer lists. */
  keep: boolean
  /** check-age: report builds older than the newest definition build by more than N days. */
  maxAgeDays?: number
  now: Date
  /** An importing or saving image unchanged for longer than this is a leftover (default 1800 s). */
  importTimeoutMs?: number
  cloud?: string
  /** Resolved `latest` versions, by definition name. */
  latestInfo?: ReadonlyMap<string, LatestInfo>
  /** Definitions whose `latest` upstream could not be read, with the reason. */
  latestErrors?: ReadonlyMap<string, string>
  /** What multi builds get once replaced (--rotated-meta, --rotated-hidden); a definition's `rotated` replaces it. */
  rotated?: Rotated
}

const ref = (image: CloudImage): ImageRef => ({ id: image.id, name: image.name })
const ACTABLE = new Set(['active', 'deactivated'])
/**
 * What an interrupted import leaves behind: never filled (queued), half
 * streamed (uploading) or failed (killed). Only this tool fills managed images,
 * so such an image is deleted and imported anew. Importing and saving are
 * Glance's own work in progress and finish without us, unless they have not
 * moved for longer than an import may take: then the task that ran them is
 * gone (glance-api was killed or restarted) and the image never finishes.
 */
const LEFTOVER = new Set(['queued', 'uploading', 'killed'])
const WORKING = new Set(['importing', 'saving'])
/** The default import timeout (apply's --import-timeout). */
export const IMPORT_TIMEOUT_MS = 1_800_000

function isLeftover(image: CloudImage, options: PlanOptions): boolean {
  if (LEFTOVER.has(image.status)) return true
  if (!WORKING.has(image.status)) return false
  const since = Date.parse(image.updated_at ?? image.created_at ?? '')
  const limit = options.importTimeoutMs ?? IMPORT_TIMEOUT_MS
  return Number.isFinite(since) && options.now.getTime() - since > limit
}

/**
 * The builds of a definition (docs/behaviour.md §6): image_description is the definition's
 * name, or, when the definition sets its own image_description, image_name is.
 */
export function belongsTo(def: Definition, image: CloudImage): boolean {
  const own = def.meta.image_description
  const key = own !== undefined && own !== null ? 'image_name' : 'image_description'
  return image.properties[key] === def.name
}

/** Name of the current multi image once a newer build takes its place. */
function retiredName(def: Definition, image: CloudImage): string {
  const version =
    image.properties.internal_version ?? (image.created_at ?? '').slice(0, 10).replace(/-/g, '')
  return rotatedName(def, version)
}

/** The managed images by Glance name, built once per plan: every name with all its images. */
type ByName = ReadonlyMap<string, readonly CloudImage[]>

function planDefinition(
  def: Definition,
  images: readonly CloudImage[],
  withName: ByName,
  options: PlanOptions,
): DefinitionPlan {
  const out: DefinitionPlan = {
    name: def.name,
    file: def.position.file,
    line: def.position.line,
    steps: [],
    retention: [],
    notes: [],
  }
  const byName = { get: (name: string) => withName.get(name)?.[0] }
  const current = def.multi ? byName.get(def.name) : undefined
  // An unchanged `latest` upstream keeps the version it was imported as: no churn.
  let info = options.latestInfo?.get(def.name)
  if (info && current?.properties.upstream_checksum === info.upstreamChecksum) {
    info = { ...info, internalVersion: current.properties.internal_version ?? info.internalVersion }
  }
  const desired = desireDefinition(def, {
    tag: options.tag,
    useOsHidden: options.useOsHidden,
    latest: new Map(info ? [[def.name, info]] : []),
  })

  // Two managed images under one name: which is which cannot be told, so nothing is touched.
  const names = new Set([
    def.name,
    ...desired.flatMap((d) => [d.name, d.importName]),
    ...images.filter((i) => belongsTo(def, i)).map((i) => i.name),
  ])
  for (const name of names) {
    const same = withName.get(name) ?? []
    if (same.length > 1) {
      out.skipped = `${same.length} managed images are named '${name}' (${same.map((i) => i.id).join(', ')}): delete or rename all but one by hand`
      return out
    }
  }

  // Which existing image is each desired one?
  const match = new Map<DesiredImage, CloudImage>()
  const leftovers = new Map<DesiredImage, CloudImage>()
  for (const d of desired) {
    const found = def.multi
      ? current?.properties.internal_version === d.internalVersion
        ? current
        : byName.get(d.importName)
      : byName.get(d.name)
    if (found && isLeftover(found, options)) leftovers.set(d, found)
    else if (found) match.set(d, found)
  }

  const newest = desired[desired.length - 1]
  const window = windowSize(parseValidity(def.meta.uuid_validity, options.now))
  const outside = outsideWindow(def, window.size)

  const rotation = rotationOf(def, options.rotated)
  const imports: ImportStep[] = []
  const renames: Step[] = []
  const updates: Step[] = []

  for (const d of desired) {
    const image = match.get(d)
    if (image) continue
    if (def.multi && options.latest && d !== newest) {
      out.notes.push({
        image: { name: d.name },
        message: `not imported: --latest imports only the newest version`,
      })
      continue
    }
    if (outside.has(d.version.version)) {
      out.notes.push({
        image: { name: d.name },
        message: `not imported: outside the retention window (${window.why})`,
      })
      continue
    }
    const leftover = leftovers.get(d)
    // Only the newest build ever takes the name: an older one is created as replaced.
    const want = !rotation ? d : d === newest ? asHolder(d, rotation) : asRotated(d, rotation)
    imports.push(importStep(want, options.tag, leftover && ref(leftover)))
  }

  // Rotation (multi): the newest build takes the plain name, the current one steps aside.
  const next = newest && match.get(newest)
  // Only a complete image takes the name: nobody may boot a half-imported one.
  const takesName =
    def.multi &&
    newest !== undefined &&
    (next
      ? next.name !== def.name && ACTABLE.has(next.status)
      : imports.some((s) => s.image.name === newest.importName))
  // Who holds the plain name once this run is done (undefined: an import of this run, or nobody).
  const nameHolder = takesName ? next : current
  if (def.multi && newest) {
    if (takesName) {
      if (current && current !== next) {
        const to = retiredName(def, current)
        const taken = byName.get(to)
        if (taken && taken !== current) {
          out.notes.push({
            image: ref(current),
            message: `cannot rotate: '${to}' already exists; rename or remove it by hand`,
          })
          return out
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
    }
  }

  // Builds as they stand once this run is done: existing ones and the imports.
  const importsNewest = imports.some((s) => s.image.name === newest?.importName)
  const holder = newest && (match.get(newest) ?? (importsNewest ? undefined : current))
  const builds: Build[] = [
    ...images
      .filter((i) => belongsTo(def, i) && !isLeftover(i, options))
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
  const leaving = candidates(def, builds, window.size, options.keep || def.keep)
  const retiring = new Set(leaving.flatMap((b) => (b.image ? [b.image.id] : [])))
  // What retention deletes is not worth an update first.
  const deleted = (image: CloudImage): boolean =>
    options.delete && options.confirmDelete && !def.keep && retiring.has(image.id)
  const replacedReason = `replaced by a newer build of '${def.name}': gets the rotated settings`
  for (const d of desired) {
    const image = match.get(d)
    if (!image) continue
    if (!ACTABLE.has(image.status)) {
      out.notes.push({ image: ref(image), message: `left alone: the image is '${image.status}'` })
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
    for (const image of images) {
      if (!belongsTo(def, image) || matched.has(image) || image === nameHolder) continue
      if (!ACTABLE.has(image.status) || deleted(image)) continue
      const changes = diffRotated(rotation, image)
      if (changes.length)
        updates.push({ action: 'update', image: ref(image), changes, reason: replacedReason })
    }
  }

  // Leftovers of interrupted imports of versions no longer wanted: empty, never bootable.
  const replaced = new Set([...leftovers.values()])
  const strays: Step[] = images
    .filter((i) => belongsTo(def, i) && isLeftover(i, options) && !replaced.has(i))
    .map((i) => ({
      action: 'delete',
      image: ref(i),
      reason: `leftover of an interrupted import ('${i.status}') of a version no longer listed`,
    }))

  out.steps = [...strays, ...imports, ...renames, ...updates]
  // Retention runs after the renames: name the images as they will be called then.
  const renamedTo = new Map(
    renames.flatMap((r) => (r.image.id && r.action === 'rename' ? [[r.image.id, r.to]] : [])),
  )
  const named = leaving.map((b) =>
    b.image ? { ...b, image: { ...b.image, name: renamedTo.get(b.image.id) ?? b.image.name } } : b,
  )
  out.retention = retire(def, named, window.why, options, out.notes)
  return out
}

function importStep(d: DesiredImage, tag: string, leftover: ImageRef | undefined): ImportStep {
  return {
    action: 'import',
    image: { name: d.importName },
    ...(leftover ? { replaces: leftover } : {}),
    version: d.internalVersion,
    source: d.sourceUrl,
    ...(d.fallbackUrl ? { fallback: d.fallbackUrl } : {}),
    ...(d.checksum ? { checksum: d.checksum } : {}),
    create: {
      ...(d.id ? { id: d.id } : {}),
      name: d.importName,
      disk_format: d.diskFormat,
      container_format: 'bare',
      min_disk: d.minDisk,
      min_ram: d.minRam,
      visibility: 'private',
      tags: [...new Set([tag, ...d.tags])].sort(),
      properties: d.properties,
      ...(d.osHidden !== undefined ? { os_hidden: d.osHidden } : {}),
    },
    then: { visibility: d.visibility, status: d.status },
    reason: 'missing in Glance',
  }
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
      const how = def.keep
        ? 'keep: true, never deleted'
        : options.delete && !options.confirmDelete
          ? 'deleting needs --yes-i-really-know-what-i-do'
          : options.hide || options.deactivate
            ? 'already hidden or deactivated'
            : 'use --hide, --deactivate or --delete to act'
      notes.push({ image: ref(image), message: `removal candidate, ${reason}: ${how}` })
    }
  }
  return steps
}

/** The ordered plan for a catalog against a cloud's managed images. */
export function plan(
  definitions: readonly Definition[],
  images: readonly CloudImage[],
  options: PlanOptions,
): Plan {
  const filter = options.filter ? new RegExp(options.filter) : undefined
  const result: Plan = {
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
  const withName = new Map<string, CloudImage[]>()
  for (const image of images) {
    const same = withName.get(image.name)
    if (same) same.push(image)
    else withName.set(image.name, [image])
  }
  for (const def of definitions) {
    const skipped =
      !def.enable && !options.force
        ? 'enable: false (use --force to include it)'
        : filter && !filter.test(def.name)
          ? `outside the filter /${options.filter}/`
          : options.latestErrors?.has(def.name)
            ? `latest upstream unreadable: ${options.latestErrors.get(def.name)}`
            : undefined
    if (skipped) {
      result.definitions.push({
        name: def.name,
        file: def.position.file,
        line: def.position.line,
        skipped,
        steps: [],
        retention: [],
        notes: [],
      })
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
  return result
}
