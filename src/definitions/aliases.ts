// Bounds on what anchors and aliases may expand to. js-yaml shares aliased
// nodes by reference, but everything after it (schema check, rules, reports)
// walks the expanded tree: 4,000 aliases of a node holding 4,000 aliases are
// 16 million nodes from an 80 KB file. The size is measured on the event
// stream, before anything is built.
import { EVENT_ID, type Event } from 'js-yaml'

/** Nodes that aliases may add to a document (a large catalog has a few thousand). */
export const MAX_ALIAS_NODES = 100_000
/** Characters of scalars that aliases may add to a document. */
export const MAX_ALIAS_CHARS = 4 * 1024 * 1024

export interface AliasProblem {
  /** Offset of the alias that went too far. */
  offset: number
  message: string
}

interface Size {
  nodes: number
  chars: number
}

interface Open {
  anchor: string | null
  nodes: number
  chars: number
}

/** The measure so far: anchored sizes, open containers and running totals. */
interface Tally {
  sizes: Map<string, Size>
  open: Open[]
  openAnchors: Set<string>
  // Running totals of the expanded document; a container's size is the difference at its end.
  nodes: number
  chars: number
  aliasNodes: number
  aliasChars: number
}

/** The first alias past the bounds, or one that refers to a node containing it. */
export function checkAliases(source: string, events: readonly Event[]): AliasProblem | null {
  const tally: Tally = {
    sizes: new Map(),
    open: [],
    openAnchors: new Set(),
    nodes: 0,
    chars: 0,
    aliasNodes: 0,
    aliasChars: 0,
  }
  for (const e of events) {
    switch (e.type) {
      case EVENT_ID.SCALAR: {
        tally.nodes++
        tally.chars += e.valueEnd - e.valueStart
        if (e.anchorStart >= 0) {
          const name = source.slice(e.anchorStart, e.anchorEnd)
          tally.sizes.set(name, { nodes: 1, chars: e.valueEnd - e.valueStart })
        }
        break
      }
      case EVENT_ID.MAPPING:
      case EVENT_ID.SEQUENCE: {
        tally.nodes++
        const anchor = e.anchorStart >= 0 ? source.slice(e.anchorStart, e.anchorEnd) : null
        if (anchor !== null) tally.openAnchors.add(anchor)
        tally.open.push({ anchor, nodes: tally.nodes - 1, chars: tally.chars })
        break
      }
      case EVENT_ID.POP: {
        const frame = tally.open.pop()
        if (frame?.anchor) {
          tally.openAnchors.delete(frame.anchor)
          const size = { nodes: tally.nodes - frame.nodes, chars: tally.chars - frame.chars }
          tally.sizes.set(frame.anchor, size)
        }
        break
      }
      case EVENT_ID.ALIAS: {
        const problem = expandAlias(
          tally,
          source.slice(e.anchorStart, e.anchorEnd),
          e.anchorStart - 1,
        )
        if (problem) return problem
        break
      }
      default:
        break
    }
  }
  return null
}

/** Adds what alias `*name` (at `offset`) expands to; a problem when it goes too far. */
function expandAlias(tally: Tally, name: string, offset: number): AliasProblem | null {
  if (tally.openAnchors.has(name)) {
    return {
      offset,
      message: `alias '*${name}' refers to the node of anchor '&${name}' that contains it: a definition cannot include itself`,
    }
  }
  const size = tally.sizes.get(name)
  if (!size) return null // js-yaml reports an unknown alias with its position
  tally.nodes += size.nodes
  tally.chars += size.chars
  tally.aliasNodes += size.nodes
  tally.aliasChars += size.chars
  if (tally.aliasNodes > MAX_ALIAS_NODES || tally.aliasChars > MAX_ALIAS_CHARS) {
    const what =
      tally.aliasNodes > MAX_ALIAS_NODES
        ? `${MAX_ALIAS_NODES.toLocaleString('en')} nodes`
        : `${MAX_ALIAS_CHARS / 1024 / 1024} MiB of text`
    return {
      offset,
      message: `aliases expand this file past ${what} at alias '*${name}' of anchor '&${name}': write the repeated part out, or repeat it less`,
    }
  }
  return null
}
