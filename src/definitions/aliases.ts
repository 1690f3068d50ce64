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

/** The first alias past the bounds, or one that refers to a node containing it. */
export function checkAliases(source: string, events: readonly Event[]): AliasProblem | null {
  const sizes = new Map<string, Size>()
  const open: Open[] = []
  const openAnchors = new Set<string>()
  // Running totals of the expanded document; a container's size is the difference at its end.
  let nodes = 0
  let chars = 0
  let aliasNodes = 0
  let aliasChars = 0
  for (const e of events) {
    switch (e.type) {
      case EVENT_ID.SCALAR: {
        nodes++
        chars += e.valueEnd - e.valueStart
        if (e.anchorStart >= 0) {
          const name = source.slice(e.anchorStart, e.anchorEnd)
          sizes.set(name, { nodes: 1, chars: e.valueEnd - e.valueStart })
        }
        break
      }
      case EVENT_ID.MAPPING:
      case EVENT_ID.SEQUENCE: {
        nodes++
        const anchor = e.anchorStart >= 0 ? source.slice(e.anchorStart, e.anchorEnd) : null
        if (anchor !== null) openAnchors.add(anchor)
        open.push({ anchor, nodes: nodes - 1, chars })
        break
      }
      case EVENT_ID.POP: {
        const frame = open.pop()
        if (frame?.anchor) {
          openAnchors.delete(frame.anchor)
          sizes.set(frame.anchor, { nodes: nodes - frame.nodes, chars: chars - frame.chars })
        }
        break
      }
      case EVENT_ID.ALIAS: {
        const name = source.slice(e.anchorStart, e.anchorEnd)
        const offset = e.anchorStart - 1
        if (openAnchors.has(name)) {
          return {
            offset,
            message: `alias '*${name}' refers to the node of anchor '&${name}' that contains it: a definition cannot include itself`,
          }
        }
        const size = sizes.get(name)
        if (!size) break // js-yaml reports an unknown alias with its position
        nodes += size.nodes
        chars += size.chars
        aliasNodes += size.nodes
        aliasChars += size.chars
        if (aliasNodes > MAX_ALIAS_NODES || aliasChars > MAX_ALIAS_CHARS) {
          const what =
            aliasNodes > MAX_ALIAS_NODES
              ? `${MAX_ALIAS_NODES.toLocaleString('en')} nodes`
              : `${MAX_ALIAS_CHARS / 1024 / 1024} MiB of text`
          return {
            offset,
            message: `aliases expand this file past ${what} at alias '*${name}' of anchor '&${name}': write the repeated part out, or repeat it less`,
          }
        }
        break
      }
      default:
        break
    }
  }
  return null
}
