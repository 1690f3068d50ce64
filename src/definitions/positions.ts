// Maps JSON pointers of a YAML document to source offsets, from js-yaml's event
// stream, so that every schema error can name its file, line and column.
import { EVENT_ID, getScalarValue, type Event, type ScalarEvent } from 'js-yaml'

export interface NodeLocation {
  /** Offset of the value's first character (quote, indicator or bracket included). */
  value: number
  /** Offset of the key, for mapping entries. */
  key?: number
  /** The scalar event, to read a number's source text (`1.10` stays "1.10"). */
  scalar?: ScalarEvent
}

export type PositionIndex = Map<string, NodeLocation>

interface Frame {
  kind: 'map' | 'seq' | 'doc'
  pointer: string
  index: number
  key: string | null
  keyOffset: number
}

const escapePointer = (segment: string): string => segment.replace(/~/g, '~0').replace(/\//g, '~1')

function scalarStart(source: string, e: ScalarEvent): number {
  if (e.tagStart >= 0) return e.tagStart
  if (e.anchorStart >= 0) return e.anchorStart
  if (e.style === 2 || e.style === 3) return e.valueStart - 1 // opening quote
  if (e.style === 4 || e.style === 5) {
    // Block scalar: point at its `|` or `>` indicator.
    const indicator = Math.max(
      source.lastIndexOf('|', e.valueStart),
      source.lastIndexOf('>', e.valueStart),
    )
    return indicator >= 0 ? indicator : e.valueStart
  }
  return e.valueStart
}

function eventStart(source: string, e: Event): number {
  switch (e.type) {
    case EVENT_ID.SCALAR:
      return scalarStart(source, e)
    case EVENT_ID.MAPPING:
    case EVENT_ID.SEQUENCE:
      return e.anchorStart >= 0 ? e.anchorStart : e.tagStart >= 0 ? e.tagStart : e.start
    case EVENT_ID.ALIAS:
      return e.anchorStart - 1 // the `*`
    default:
      return 0
  }
}

/** Index of the first document's nodes by JSON pointer ('' is the root). */
export function indexPositions(source: string, events: readonly Event[]): PositionIndex {
  const index: PositionIndex = new Map()
  const stack: Frame[] = []
  for (const e of events) {
    if (e.type === EVENT_ID.DOCUMENT) {
      if (index.size > 0) break
      stack.push({ kind: 'doc', pointer: '', index: 0, key: null, keyOffset: -1 })
      continue
    }
    if (e.type === EVENT_ID.POP) {
      stack.pop()
      continue
    }
    const top = stack[stack.length - 1]
    if (!top) continue
    if (top.kind === 'map' && top.key === null) {
      // A key. Complex keys (collections) cannot be addressed by a pointer.
      top.key = e.type === EVENT_ID.SCALAR ? getScalarValue(source, e) : '?'
      top.keyOffset = eventStart(source, e)
      if (e.type === EVENT_ID.MAPPING || e.type === EVENT_ID.SEQUENCE) {
        stack.push({ kind: 'doc', pointer: '\0', index: 0, key: null, keyOffset: -1 })
      }
      continue
    }
    let pointer: string
    const location: NodeLocation = { value: eventStart(source, e) }
    if (top.kind === 'map') {
      pointer = `${top.pointer}/${escapePointer(top.key as string)}`
      location.key = top.keyOffset
      top.key = null
    } else if (top.kind === 'seq') {
      pointer = `${top.pointer}/${top.index++}`
    } else {
      pointer = top.pointer
    }
    if (e.type === EVENT_ID.SCALAR) location.scalar = e
    if (!pointer.startsWith('\0')) index.set(pointer, location)
    if (e.type === EVENT_ID.MAPPING || e.type === EVENT_ID.SEQUENCE) {
      stack.push({
        kind: e.type === EVENT_ID.MAPPING ? 'map' : 'seq',
        pointer,
        index: 0,
        key: null,
        keyOffset: -1,
      })
    }
  }
  return index
}

/** Turns offsets into 1-based line and column numbers. */
export class LineMap {
  private readonly starts: number[] = [0]

  constructor(readonly source: string) {
    for (let i = 0; i < source.length; i++) if (source[i] === '\n') this.starts.push(i + 1)
  }

  locate(offset: number): { line: number; column: number } {
    let lo = 0
    let hi = this.starts.length - 1
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1
      if ((this.starts[mid] as number) <= offset) lo = mid
      else hi = mid - 1
    }
    return { line: lo + 1, column: offset - (this.starts[lo] as number) + 1 }
  }

  /** The text of a 1-based line, without its newline. */
  lineText(line: number): string {
    const start = this.starts[line - 1] ?? this.source.length
    const end = this.starts[line] ?? this.source.length + 1
    return this.source.slice(start, end - 1).replace(/\r$/, '')
  }
}
