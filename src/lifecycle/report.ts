// The catalog against the distributions' release cycles (pure): which
// supported releases it lacks, which enabled images are past end of life.
import type { Definition } from '../definitions/types.js'
import { naturalCompare } from '../natural-sort.js'
import { desireDefinition } from '../plan/desire.js'
import type { Cycle, DateOrFlag } from './endoflife.js'

/** How a distribution is judged. */
export interface DistributionRule {
  /** os_distro value and endoflife.date product. */
  distro: string
  label: string
  /** Only LTS cycles count as releases the catalog should have (Ubuntu's interim ones do not). */
  ltsOnly: boolean
  /**
   * The end that counts: Ubuntu cloud images get updates until `eol` (ESM needs
   * a subscription); Debian's LTS team keeps them up until `extendedSupport`.
   */
  end: 'eol' | 'extendedSupport'
}

export const DISTRIBUTIONS: readonly DistributionRule[] = [
  { distro: 'ubuntu', label: 'Ubuntu', ltsOnly: true, end: 'eol' },
  { distro: 'debian', label: 'Debian', ltsOnly: false, end: 'extendedSupport' },
]

export interface CatalogRelease {
  distribution: string
  /** os_version as the definition gives it. */
  release: string
  /** The endoflife.date cycle it belongs to; absent when the data has none. */
  cycle?: string
  definition: string
  enabled: boolean
  /** Glance names of its builds. */
  images: string[]
  /** The end that counts (see {@link DistributionRule.end}); absent when unknown. */
  end?: string
  /** supported, eol (past its end) or unknown (no such cycle in the data). */
  status: 'supported' | 'eol' | 'unknown'
}

export interface MissingRelease {
  distribution: string
  cycle: string
  codename?: string
  releaseDate?: string
  end?: string
  /** Definitions that have it but are disabled (`enable: false`). */
  disabled: string[]
}

export interface LifecycleReport {
  /** The day judged, YYYY-MM-DD (UTC). */
  date: string
  source: string
  /** Supported releases newer than the newest the catalog has (LTS only for Ubuntu). */
  missing: MissingRelease[]
  /** Enabled definitions whose release is past its end. */
  pastEndOfLife: CatalogRelease[]
  /** Enabled definitions whose os_version is no cycle of the data. */
  unknown: CatalogRelease[]
  /** Every release of the catalog of a judged distribution. */
  releases: CatalogRelease[]
  /** Missing releases plus images past end of life. */
  findings: number
}

const today = (now: Date): string => now.toISOString().slice(0, 10)

/** `true` when a date has come (or the flag says so); a day ends at its end. */
const reached = (value: DateOrFlag | undefined, day: string): boolean =>
  typeof value === 'string' ? value <= day : value === true

/** The end date that counts and whether it has come. */
function endOf(cycle: Cycle, rule: DistributionRule, day: string): { end?: string; over: boolean } {
  const extended = rule.end === 'extendedSupport' ? cycle.extendedSupport : undefined
  if (typeof extended === 'string') return { end: extended, over: extended <= day }
  // Extended support without a date yet is ongoing.
  if (extended === true) return { over: false }
  // No extended support: the regular end counts (`eol: true` is over, date unknown).
  if (typeof cycle.eol === 'string') return { end: cycle.eol, over: cycle.eol <= day }
  return { over: cycle.eol }
}

/** The cycle an os_version belongs to: `12` and `12.5` -> 12, `24.04.1` -> 24.04, or by codename. */
export function findCycle(cycles: readonly Cycle[], release: string): Cycle | undefined {
  const wanted = release.trim().toLowerCase()
  const byVersion = cycles
    .filter((c) => wanted === c.cycle || wanted.startsWith(`${c.cycle}.`))
    .sort((a, b) => b.cycle.length - a.cycle.length)[0]
  if (byVersion) return byVersion
  return cycles.find((c) => {
    const name = c.codename?.toLowerCase()
    return name !== undefined && (name === wanted || name.split(/\s+/)[0] === wanted)
  })
}

/** Releases of the definitions, one per definition and os_version, with their Glance names. */
function catalogReleases(
  definitions: readonly Definition[],
  rules: ReadonlyMap<string, DistributionRule>,
): Omit<CatalogRelease, 'status'>[] {
  const found = new Map<string, Omit<CatalogRelease, 'status'>>()
  for (const definition of definitions) {
    for (const image of desireDefinition(definition, { tag: '', useOsHidden: false })) {
      const distro = image.properties.os_distro?.toLowerCase()
      const release = image.properties.os_version
      const rule = distro === undefined ? undefined : rules.get(distro)
      if (!rule || release === undefined) continue
      const key = JSON.stringify([definition.name, rule.distro, release])
      const entry = found.get(key) ?? {
        distribution: rule.distro,
        release,
        definition: definition.name,
        enabled: definition.enable,
        images: [],
      }
      entry.images.push(image.name)
      found.set(key, entry)
    }
  }
  return [...found.values()]
}

const byRelease = (a: CatalogRelease, b: CatalogRelease): number =>
  a.distribution.localeCompare(b.distribution) ||
  naturalCompare(a.release, b.release) ||
  naturalCompare(a.definition, b.definition)

export function lifecycleReport(
  definitions: readonly Definition[],
  cycles: ReadonlyMap<string, readonly Cycle[]>,
  options: { now: Date; source: string },
): LifecycleReport {
  const day = today(options.now)
  const rules = new Map(DISTRIBUTIONS.filter((r) => cycles.has(r.distro)).map((r) => [r.distro, r]))
  const releases: CatalogRelease[] = catalogReleases(definitions, rules).map((entry) => {
    const rule = rules.get(entry.distribution) as DistributionRule
    const cycle = findCycle(cycles.get(rule.distro) ?? [], entry.release)
    if (!cycle) return { ...entry, status: 'unknown' }
    const { end, over } = endOf(cycle, rule, day)
    return {
      ...entry,
      cycle: cycle.cycle,
      ...(end === undefined ? {} : { end }),
      status: over ? 'eol' : 'supported',
    }
  })
  releases.sort(byRelease)

  const missing: MissingRelease[] = []
  for (const rule of rules.values()) {
    missing.push(...missingReleases(rule, cycles.get(rule.distro) ?? [], releases, day))
  }
  missing.sort(
    (a, b) => a.distribution.localeCompare(b.distribution) || naturalCompare(a.cycle, b.cycle),
  )
  const pastEndOfLife = releases.filter((r) => r.enabled && r.status === 'eol')
  const unknown = releases.filter((r) => r.enabled && r.status === 'unknown')
  return {
    date: day,
    source: options.source,
    missing,
    pastEndOfLife,
    unknown,
    releases,
    findings: missing.length + pastEndOfLife.length,
  }
}

/** The supported releases of one distribution newer than the newest the catalog enables. */
function missingReleases(
  rule: DistributionRule,
  cycles: readonly Cycle[],
  releases: readonly CatalogRelease[],
  day: string,
): MissingRelease[] {
  const carried = releases.filter((r) => r.distribution === rule.distro)
  const enabled = carried.filter((r) => r.enabled && r.cycle !== undefined)
  // A distribution the catalog does not carry is none of its business.
  if (!carried.some((r) => r.enabled)) return []
  const newest = enabled
    .map((r) => r.cycle as string)
    .sort(naturalCompare)
    .at(-1)
  const missing: MissingRelease[] = []
  for (const cycle of cycles) {
    if (!reached(cycle.releaseDate ?? true, day)) continue
    if (rule.ltsOnly && !reached(cycle.lts, day)) continue
    const { end, over } = endOf(cycle, rule, day)
    if (over) continue
    if (newest !== undefined && naturalCompare(cycle.cycle, newest) <= 0) continue
    if (enabled.some((r) => r.cycle === cycle.cycle)) continue
    missing.push({
      distribution: rule.distro,
      cycle: cycle.cycle,
      ...(cycle.codename === undefined ? {} : { codename: cycle.codename }),
      ...(cycle.releaseDate === undefined ? {} : { releaseDate: cycle.releaseDate }),
      ...(end === undefined ? {} : { end }),
      disabled: carried
        .filter((r) => !r.enabled && r.cycle === cycle.cycle)
        .map((r) => r.definition),
    })
  }
  return missing
}

/** The endoflife.date products a catalog needs: the judged distributions it names. */
export function productsOf(definitions: readonly Definition[]): DistributionRule[] {
  const named = new Set(
    definitions.map((d) => String(d.meta.os_distro ?? '').toLowerCase()).filter(Boolean),
  )
  for (const d of definitions)
    for (const v of d.versions) {
      const distro = v.meta?.os_distro
      if (distro !== undefined && distro !== null) named.add(String(distro).toLowerCase())
    }
  return DISTRIBUTIONS.filter((r) => named.has(r.distro))
}

/** The end that counts for a release (see {@link DistributionRule.end}), where the data has it. */
export function endOfSupport(
  cycles: ReadonlyMap<string, readonly Cycle[]>,
  distro: string,
  release: string,
): string | undefined {
  const rule = DISTRIBUTIONS.find((r) => r.distro === distro)
  const cycle = rule && findCycle(cycles.get(distro) ?? [], release)
  // The day only decides "over", not the date: any day will do.
  return rule && cycle ? endOf(cycle, rule, '').end : undefined
}
