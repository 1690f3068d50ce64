// One definition's desired builds against the managed images: which image is which, and
// which names are too ambiguous to touch (docs/behaviour.md §2-4). Pure.
import type { Definition } from '../definitions/types.js'
import { desireDefinition, type DesiredImage } from './desire.js'
import { isLeftover, ref, type ByName, type DefinitionScope, type Matches } from './managed.js'
import type { CloudImage } from './observed.js'
import type { PlanOptions } from './plan-options.js'
import type { Step } from './types.js'

/** The desired builds of a definition, given the multi image holding the plain name now. */
export function desiredFor(
  def: Definition,
  current: CloudImage | undefined,
  options: PlanOptions,
): DesiredImage[] {
  // An unchanged `latest` upstream keeps the version it was imported as: no churn.
  let info = options.latestInfo?.get(def.name)
  if (info && current?.properties.upstream_checksum === info.upstreamChecksum) {
    info = { ...info, internalVersion: current.properties.internal_version ?? info.internalVersion }
  }
  return desireDefinition(def, {
    tag: options.tag,
    useOsHidden: options.useOsHidden,
    latest: new Map(info ? [[def.name, info]] : []),
  })
}

/** Two managed images under one name: which is which cannot be told, so nothing is touched. */
export function ambiguousName(
  def: Definition,
  desired: readonly DesiredImage[],
  own: readonly CloudImage[],
  withName: ByName,
): string | undefined {
  const names = new Set([
    def.name,
    ...desired.flatMap((d) => [d.name, d.importName]),
    ...own.map((i) => i.name),
  ])
  for (const name of names) {
    const same = withName.get(name) ?? []
    if (same.length > 1) {
      return `${same.length} managed images are named '${name}' (${same.map((i) => i.id).join(', ')}): delete or rename all but one by hand`
    }
  }
  return undefined
}

/** Which existing image is each desired one? */
export function matchDesired(scope: DefinitionScope): Matches {
  const { def, current, named, options } = scope
  const match = new Map<DesiredImage, CloudImage>()
  const leftovers = new Map<DesiredImage, CloudImage>()
  for (const d of scope.desired) {
    const found = def.multi
      ? current?.properties.internal_version === d.internalVersion
        ? current
        : named(d.importName)
      : named(d.name)
    if (found && isLeftover(found, options)) leftovers.set(d, found)
    else if (found) match.set(d, found)
  }
  return { match, leftovers }
}

/** Leftovers of interrupted imports of versions no longer wanted: empty, never bootable. */
export function strayLeftovers(scope: DefinitionScope, { leftovers }: Matches): Step[] {
  const replaced = new Set([...leftovers.values()])
  return scope.own
    .filter((i) => isLeftover(i, scope.options) && !replaced.has(i))
    .map((i) => ({
      action: 'delete',
      image: ref(i),
      reason: `leftover of an interrupted import ('${i.status}') of a version no longer listed`,
    }))
}
