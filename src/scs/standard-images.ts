// The rules of SCS standard images (scs-0104 v1, and the draft v2 behind a flag)
// as pure functions over images, named like SCS's testcases. The image specs
// come from data/scs-0104-v1.json (derived from SCS's repository; docs/scs.md).
import v1 from './data/scs-0104-v1.json' with { type: 'json' }
import v2 from './data/scs-0104-v2.json' with { type: 'json' }
import type { Offender, RuleResult, ScsImage } from './rules.js'

export interface ImageSpec {
  /** As SCS names it in its testcase ids: `ubuntu-2404`, `capi-2`. */
  id: string
  name: string
  /** A regular expression that names must start with, instead of the exact name. */
  name_scheme?: string
  /** Allowed prefixes of image_source. */
  source: string[]
}

export interface StandardImages {
  standard: string
  mandatory: string[]
  recommended: string[]
  images: ImageSpec[]
}

export const SCS_0104_V1: StandardImages = v1

/** SCS's testcases see what a user lists: public and community images, not hidden ones. */
const visible = (i: ScsImage): boolean =>
  (i.visibility === 'public' || i.visibility === 'community') && i.os_hidden !== true

/** The images a spec means: its exact name, or names its name_scheme matches at the start. */
export function lookup(images: readonly ScsImage[], spec: ImageSpec): ScsImage[] {
  const scheme = spec.name_scheme ? new RegExp(`^(?:${spec.name_scheme})`) : undefined
  return images.filter((i) => visible(i) && (scheme ? scheme.test(i.name) : i.name === spec.name))
}

const offender = (i: ScsImage, why: string): Offender => ({
  name: i.name,
  ...(i.id ? { id: i.id } : {}),
  why,
})
const prefixes = (spec: ImageSpec): string => spec.source.join(' or ')
const what = (spec: ImageSpec): string =>
  spec.name_scheme ? `an image named like /${spec.name_scheme}/` : `'${spec.name}'`

/** scs-0104-source-X: every image the spec means has image_source under one of its prefixes. */
export function source(images: readonly ScsImage[], spec: ImageSpec): RuleResult {
  const offenders = lookup(images, spec).flatMap((i) => {
    const value = i.properties.image_source ?? ''
    if (spec.source.some((p) => value.startsWith(p))) return []
    return [
      offender(
        i,
        `image_source '${value}' starts with none of ${prefixes(spec)}; fix: in the definition '${i.name.split(/ \(/)[0]}', set each version's url under one of them (image_source is recorded from url; keep mirror_url for the download)`,
      ),
    ]
  })
  return {
    id: `scs-0104-source-${spec.id}`,
    title: `${what(spec)} comes from ${prefixes(spec)}`,
    offenders,
    warnings: [],
  }
}

/** scs-0104-image-X: at least one visible public or community image the spec means. */
export function present(images: readonly ScsImage[], spec: ImageSpec): RuleResult {
  const missing: Offender[] = lookup(images, spec).length
    ? []
    : [
        {
          name: spec.name,
          why: `missing: no public or community image that is not hidden is ${what(spec)}; fix: add a definition named '${spec.name}' (visibility public, not hidden) whose versions' url starts with ${prefixes(spec)}`,
        },
      ]
  return {
    id: `scs-0104-image-${spec.id}`,
    title: `${what(spec)} is there`,
    offenders: missing,
    warnings: [],
  }
}

/** The testcases of the standard's current module, each marked mandatory or recommended. */
export function checkStandardImages(
  images: readonly ScsImage[],
  standard: StandardImages = SCS_0104_V1,
): RuleResult[] {
  const out: RuleResult[] = []
  for (const [level, ids] of [
    ['mandatory', standard.mandatory],
    ['recommended', standard.recommended],
  ] as const) {
    for (const testcase of ids) {
      const m = /^scs-0104-(source|image)-(.+)$/.exec(testcase)
      const spec = standard.images.find((s) => s.id === m?.[2])
      if (!m || !spec) throw new Error(`scs-0104 data: testcase ${testcase} has no image spec`)
      const result = m[1] === 'source' ? source(images, spec) : present(images, spec)
      out.push({ ...result, level })
    }
  }
  return out
}

interface Release {
  version: string
  codename: string
  released: string
}
type Distro = 'ubuntu' | 'debian'
const V2: { sources: Record<Distro, string[]>; releases: Record<Distro, Release[]> } = v2
const DAY = 86_400_000

/** The release a v2 cloud must carry at `now`: Ubuntu's LTS from April 30 of its year, Debian's stable a month after. */
export function dueRelease(distro: Distro, now: Date): Release | undefined {
  const due = (r: Release): number => {
    const released = Date.parse(`${r.released}T00:00:00Z`)
    return distro === 'ubuntu'
      ? Math.max(released, Date.UTC(Number(r.released.slice(0, 4)), 3, 30))
      : released + 31 * DAY
  }
  return V2.releases[distro].filter((r) => due(r) <= now.getTime()).at(-1)
}

const generic = (i: ScsImage, distro: Distro, version?: string): boolean =>
  visible(i) &&
  i.properties.os_distro === distro &&
  i.properties.os_purpose === 'generic' &&
  (version === undefined || i.properties.os_version === version)

function dueImage(images: readonly ScsImage[], distro: Distro, now: Date): RuleResult {
  const release = dueRelease(distro, now)
  const id = `scs-0104-v2-image-${distro}-${distro === 'ubuntu' ? 'lts' : 'stable'}`
  const ok = !release || images.some((i) => generic(i, distro, release.version))
  return {
    id,
    title: `a generic ${distro} ${release?.version ?? ''} image is there`,
    level: distro === 'ubuntu' ? 'mandatory' : 'recommended',
    offenders: ok
      ? []
      : [
          {
            name: `${distro} ${release?.version}`,
            why: `missing: no visible image with os_distro ${distro}, os_version ${release?.version} and os_purpose generic; fix: add a definition with meta os_distro: ${distro}, os_version: '${release?.version}', os_purpose: generic`,
          },
        ],
    warnings: [],
  }
}

/** Generic Ubuntu and Debian images come from the vendor's own url for their codename. */
function genericSource(images: readonly ScsImage[]): RuleResult {
  const offenders: Offender[] = []
  for (const distro of ['ubuntu', 'debian'] as const) {
    for (const i of images.filter((x) => generic(x, distro))) {
      const release = V2.releases[distro].find((r) => r.version === i.properties.os_version)
      const allowed = V2.sources[distro].map((s) =>
        s.replace('{codename}', release?.codename ?? '?'),
      )
      const value = i.properties.image_source ?? ''
      if (release && allowed.some((p) => value.startsWith(p))) continue
      offenders.push(
        offender(
          i,
          release
            ? `image_source '${value}' starts with none of ${allowed.join(' or ')}; fix: set the definition's versions' url under one of them`
            : `os_version '${i.properties.os_version ?? ''}' is no ${distro} release the data file knows; fix: meta.os_version of the definition, or update src/scs/data/scs-0104-v2.json`,
        ),
      )
    }
  }
  return {
    id: 'scs-0104-v2-source-generic',
    title: 'generic Ubuntu and Debian images come from the vendor, by codename',
    level: 'mandatory',
    offenders,
    warnings: [],
  }
}

/** The draft v2: properties instead of names. */
export function checkStandardImagesV2(images: readonly ScsImage[], now: Date): RuleResult[] {
  return [genericSource(images), dueImage(images, 'ubuntu', now), dueImage(images, 'debian', now)]
}
