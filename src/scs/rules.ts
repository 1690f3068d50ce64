// The rules of SCS image metadata v2 (scs-0102) as pure functions over images,
// named like the standard's conformance testcases. No I/O, no clock: `now` is given.
import type { CloudImage } from '../plan/observed.js'

/** An image as the rules see it: one in Glance, or (no id) one the catalog would create. */
export type ScsImage = Pick<CloudImage, 'name' | 'visibility' | 'min_disk' | 'min_ram'> & {
  id?: string
  /** Glance's checksum algorithm (unknown for an image not yet created). */
  os_hash_algo?: string | null
  os_hidden?: boolean
  size?: number | null
  /** Registration time as Glance writes it (YYYY-MM-DDTHH:MM:SSZ). */
  created_at?: string
  properties: Readonly<Record<string, string>>
}

export interface Offender {
  name: string
  id?: string
  why: string
}

export interface RuleResult {
  id: string
  /** What the rule asks, in a few words. */
  title: string
  offenders: Offender[]
  /** Worth knowing, not a failure (e.g. an outdated build that is neither hidden nor date-marked). */
  warnings: Offender[]
  /** Only a mandatory rule's failure fails `check` (no level: mandatory). */
  level?: 'mandatory' | 'recommended'
}

/** A failing rule that fails the check: every one but a recommended one. */
export const failsCheck = (r: RuleResult): boolean =>
  r.offenders.length > 0 && r.level !== 'recommended'

export const ARCHITECTURES = ['x86_64', 'aarch64', 'risc-v']
export const OS_PURPOSES = [
  'generic',
  'oldgeneric',
  'minimal',
  'k8snode',
  'gpu',
  'network',
  'custom',
]
export const HASH_ALGOS = ['sha256', 'sha512']
export const HW_DISK_BUSES = ['virtio', 'scsi']
const DAY = 86_400
/** Seconds per replace_frequency, rounded up a little as the conformance test does. */
export const FREQUENCY_SECONDS: Readonly<Record<string, number>> = {
  never: 0,
  critical_bug: 0,
  yearly: 365 * DAY,
  quarterly: 92 * DAY,
  monthly: 31 * DAY,
  weekly: 7 * 25 * 3600,
  daily: 25 * 3600,
}
/** Name suffixes that mark a build as replaced, besides a date. */
const OUTDATED_MARKERS = ['old', 'prev']
const GiB = 2 ** 30

/**
 * Seconds since the epoch (UTC) of `YYYY-MM-DD`, `YYYY-MM-DD hh:mm[:ss]` or
 * `YYYY-MM-DDThh:mm:ssZ`, or undefined when the text is none of these or no real date.
 */
export function parseDate(text: string | undefined, strict = false): number | undefined {
  const m = (
    strict
      ? /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2}):(\d{2})Z$/
      : /^(\d{4})-(\d{2})-(\d{2})(?:(?:T(\d{2}):(\d{2}):(\d{2})Z)|(?: (\d{2}):(\d{2})(?::(\d{2}))?))?$/
  ).exec(text ?? '')
  if (!m) return undefined
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])]
  const [h, mi, s] = [m[4] ?? m[7], m[5] ?? m[8], m[6] ?? m[9]].map((x) => Number(x ?? 0)) as [
    number,
    number,
    number,
  ]
  const ms = Date.UTC(y, mo - 1, d, h, mi, s)
  const back = new Date(ms)
  const real =
    back.getUTCFullYear() === y &&
    back.getUTCMonth() === mo - 1 &&
    back.getUTCDate() === d &&
    h < 24 &&
    mi < 60 &&
    s < 60
  return real ? ms / 1000 : undefined
}

/** A date marker at the end of a name: YYYY-MM-DD or YYYYMMDD. */
const isDateMarker = (text: string): boolean =>
  parseDate(text) !== undefined ||
  (/^\d{8}$/.test(text) &&
    parseDate(`${text.slice(0, 4)}-${text.slice(4, 6)}-${text.slice(6)}`) !== undefined)

const isUrl = (text: string): boolean => /^(https?|ftps?):\/\//.test(text)
const hidden = (i: ScsImage): boolean => i.os_hidden === true
const prop = (i: ScsImage, key: string): string | undefined => i.properties[key]
const offender = (i: ScsImage, why: string): Offender => ({
  name: i.name,
  ...(i.id ? { id: i.id } : {}),
  why,
})

/** A rule over every image: `why` says what is wrong with one, or nothing. */
function each(
  id: string,
  title: string,
  images: readonly ScsImage[],
  why: (image: ScsImage) => string | undefined,
): RuleResult {
  const offenders = images.flatMap((i) => {
    const w = why(i)
    return w === undefined ? [] : [offender(i, w)]
  })
  return { id, title, offenders, warnings: [] }
}

const oneOf =
  (key: string, allowed: readonly string[], optional = false) =>
  (i: ScsImage) => {
    const value = prop(i, key)
    if (value === undefined) return optional ? undefined : `${key} is not set`
    return allowed.includes(value)
      ? undefined
      : `${key} '${value}' is not one of ${allowed.join(', ')}`
  }
const isSet = (key: string) => (i: ScsImage) => (prop(i, key) ? undefined : `${key} is not set`)

/** uuid_validity: none, notice, forever, last-N or a date. */
function uuidValidity(i: ScsImage): string | undefined {
  const v = prop(i, 'uuid_validity')
  if (v === undefined) return 'uuid_validity is not set'
  if (['none', 'notice', 'forever'].includes(v) || /^last-\d+$/.test(v) || parseDate(v)) {
    return undefined
  }
  return `uuid_validity '${v}' is none of none, notice, forever, last-N or a date`
}

/** provided_until: a date, none or notice. */
function providedUntil(i: ScsImage): string | undefined {
  const v = prop(i, 'provided_until')
  if (v === undefined) return 'provided_until is not set'
  return v === 'none' || v === 'notice' || parseDate(v)
    ? undefined
    : `provided_until '${v}' is none of a date, none or notice`
}

function minDisk(i: ScsImage): string | undefined {
  if (!i.min_disk) return 'min_disk is not set'
  if (i.size && i.min_disk * GiB < i.size) {
    return `min_disk ${i.min_disk} GiB is smaller than the image (${(i.size / GiB).toFixed(2)} GiB)`
  }
  return undefined
}

function buildDate(now: number) {
  return (i: ScsImage): string | undefined => {
    const text = prop(i, 'image_build_date')
    const built = parseDate(text)
    // Not registered yet (planned): it would be registered now.
    const registered = i.created_at ? parseDate(i.created_at, true) : now
    if (built === undefined) {
      return text === undefined
        ? 'image_build_date is not set'
        : `image_build_date '${text}' is not YYYY-MM-DD or YYYY-MM-DD hh:mm[:ss]`
    }
    if (registered !== undefined && built > registered) {
      return `image_build_date ${text} is after the registration (${i.created_at})`
    }
    if (built > now) return `image_build_date ${text} is in the future`
    return undefined
  }
}

type Outdated = 'current' | 'marked' | 'unmarked' | 'no-until'

/** Whether a build is older than its replace_frequency promises, and if so whether it says so. */
function outdated(i: ScsImage, now: number): Outdated {
  const built =
    parseDate(prop(i, 'image_build_date')) ??
    (i.created_at ? parseDate(i.created_at, true) : undefined) ??
    now
  const seconds = FREQUENCY_SECONDS[prop(i, 'replace_frequency') ?? 'never']
  // never, critical_bug and unknown frequencies (their own rule) promise nothing to check.
  if (!seconds || now <= built + 1.1 * seconds) return 'current'
  const untilText = prop(i, 'provided_until')
  if (untilText === undefined || untilText === 'none' || untilText === 'notice') return 'current'
  const until = parseDate(untilText)
  if (until === undefined) return 'no-until'
  // Past provided_until nothing is promised any more.
  if (now > until) return 'current'
  if (hidden(i)) return 'marked'
  const space = i.name.lastIndexOf(' ')
  if (space < 0) return 'unmarked'
  const marker = i.name.slice(space + 1)
  return OUTDATED_MARKERS.includes(marker) || isDateMarker(marker) ? 'marked' : 'unmarked'
}

/**
 * scs-0102-image-recency: an image older than its replace_frequency promises is
 * fine only when a current image holds the name without its last word
 * (`Ubuntu 24.04 20240101` → `Ubuntu 24.04`), or when provided_until has passed.
 */
export function recency(images: readonly ScsImage[], now: number): RuleResult {
  const result: RuleResult = {
    id: 'scs-0102-image-recency',
    title: 'images are as recent as replace_frequency promises, or replaced',
    offenders: [],
    warnings: [],
  }
  const byName = new Map(images.map((i) => [i.name, i]))
  for (const image of images) {
    const state = outdated(image, now)
    if (state === 'current') continue
    if (state === 'no-until') {
      result.offenders.push(offender(image, 'outdated, and provided_until is no valid date'))
      continue
    }
    if (state === 'unmarked') {
      result.warnings.push(
        offender(image, 'outdated by its replace_frequency, but neither hidden nor date-marked'),
      )
    }
    const short = image.name.slice(0, Math.max(0, image.name.lastIndexOf(' '))).trimEnd()
    const replacement = short ? byName.get(short) : undefined
    if (!replacement || outdated(replacement, now) !== 'current') {
      const cycle = prop(image, 'replace_frequency') ?? ''
      result.offenders.push(
        offender(image, `outdated (replace_frequency ${cycle}) without a current replacement`),
      )
    }
  }
  return result
}

/**
 * scs-0102-os_purpose-uniqueness: per architecture, os_distro and os_version at
 * most one public, non-hidden image with os_purpose generic.
 */
export function uniqueness(images: readonly ScsImage[]): RuleResult {
  const buckets = new Map<string, ScsImage[]>()
  for (const i of images) {
    if (i.visibility !== 'public' || hidden(i)) continue
    const distro = prop(i, 'os_distro')
    const version = prop(i, 'os_version')
    if (!distro || !version || prop(i, 'os_purpose') !== 'generic') continue
    const key = `${prop(i, 'architecture') ?? ''} ${distro} ${version}`
    buckets.set(key, [...(buckets.get(key) ?? []), i])
  }
  const offenders: Offender[] = []
  for (const [key, bucket] of buckets) {
    if (bucket.length < 2) continue
    const names = bucket.map((i) => `'${i.name}'`).join(', ')
    for (const i of bucket)
      offenders.push(offender(i, `${names} are all generic for ${key.trim()}`))
  }
  return {
    id: 'scs-0102-os_purpose-uniqueness',
    title: 'at most one public, visible generic image per architecture, os_distro and os_version',
    offenders,
    warnings: [],
  }
}

/** min_ram must be set; below 64 MiB is only a warning. */
function minRam(images: readonly ScsImage[]): RuleResult {
  const result = each('scs-0102-prop-min_ram', 'min_ram is set', images, (i) =>
    i.min_ram ? undefined : 'min_ram is not set',
  )
  result.warnings = images
    .filter((i) => i.min_ram && i.min_ram < 64)
    .map((i) => offender(i, `min_ram ${i.min_ram} MiB is below 64 MiB`))
  return result
}

/** hash_algo (Glance's os_hash_algo) is sha256 or sha512; a planned image or one without data yet has none. */
function hashAlgo(i: ScsImage): string | undefined {
  if (i.id === undefined || (i.size ?? null) === null) return undefined
  return HASH_ALGOS.includes(i.os_hash_algo ?? '')
    ? undefined
    : `os_hash_algo '${i.os_hash_algo ?? ''}' is not one of ${HASH_ALGOS.join(', ')}; fix: Glance's hashing_algorithm setting, then re-import the image`
}

function imageSource(i: ScsImage): string | undefined {
  const v = prop(i, 'image_source')
  if (v === undefined) return 'image_source is not set'
  return v === 'private' || isUrl(v)
    ? undefined
    : `image_source '${v}' is neither a url nor private`
}

/** Every mandatory rule of scs-0102 v2, in the standard's order. `now` in seconds. */
export function checkImages(images: readonly ScsImage[], now: number): RuleResult[] {
  const rule = (
    id: string,
    title: string,
    why: (image: ScsImage) => string | undefined,
  ): RuleResult => each(id, title, images, why)
  return [
    rule(
      'scs-0102-prop-architecture',
      `architecture is one of ${ARCHITECTURES.join(', ')}`,
      oneOf('architecture', ARCHITECTURES),
    ),
    rule('scs-0102-prop-hash_algo', `hash_algo is one of ${HASH_ALGOS.join(', ')}`, hashAlgo),
    rule('scs-0102-prop-min_disk', 'min_disk is set and at least the image size', minDisk),
    minRam(images),
    rule('scs-0102-prop-os_version', 'os_version is set', isSet('os_version')),
    rule('scs-0102-prop-os_distro', 'os_distro is set', isSet('os_distro')),
    rule(
      'scs-0102-prop-os_purpose',
      `os_purpose is one of ${OS_PURPOSES.join(', ')}`,
      oneOf('os_purpose', OS_PURPOSES),
    ),
    rule(
      'scs-0102-prop-hw_disk_bus',
      'hw_disk_bus is virtio, scsi or unset',
      oneOf('hw_disk_bus', HW_DISK_BUSES, true),
    ),
    rule(
      'scs-0102-prop-image_build_date',
      'image_build_date is a date, not after the registration nor in the future',
      buildDate(now),
    ),
    rule(
      'scs-0102-prop-image_original_user',
      'image_original_user is set',
      isSet('image_original_user'),
    ),
    rule('scs-0102-prop-image_source', 'image_source is a url or private', imageSource),
    rule('scs-0102-prop-image_description', 'image_description is set', isSet('image_description')),
    rule(
      'scs-0102-prop-replace_frequency',
      `replace_frequency is one of ${Object.keys(FREQUENCY_SECONDS).join(', ')}`,
      oneOf('replace_frequency', Object.keys(FREQUENCY_SECONDS)),
    ),
    rule('scs-0102-prop-provided_until', 'provided_until is a date, none or notice', providedUntil),
    rule(
      'scs-0102-prop-uuid_validity',
      'uuid_validity is none, notice, forever, last-N or a date',
      uuidValidity,
    ),
    recency(images, now),
    uniqueness(images),
  ]
}
