// Maps JSON pointers of a YAML document to source offsets, from js-yaml's event
// stream, so that every schema error can name its file, line and column.
import { withoutUserinfo } from '../http/secrets.js'
import {
  EVENT_ID,
  getScalarValue,
  type DocumentEvent,
  type Event,
  type PopEvent,
  type ScalarEvent,
} from 'js-yaml'

export interface NodeLocation {
  /** Offset of the value's first character (quote, indicator or bracket included). */
  value: number
  /** Offset of the key, for mapping entries. */
  key?: number
  /**
   * A scalar's source text range, to read a number as written (`1.10` stays
   * "1.10"). Offsets, not the event: the events are garbage once a file is
   * parsed, and keeping them alive for every file made each collection copy them.
   */
  textStart?: number
  textEnd?: number
}

/** Marks an offset that is not there (a node without key, or not a scalar). */
const NONE = -0x80000000

/**
 * The locations by JSON pointer. Each location is four numbers in one typed
 * array, not an object: the index lives until the end of a run, and tens of
 * thousands of small objects made every young-generation collection copy them.
 */
export class PositionIndex {
  private readonly ids = new Map<string, number>()
  private offsets: Int32Array
  private count = 0

  /** Room for `expected` locations (it grows when aliases copy more). */
  constructor(expected = 256) {
    this.offsets = new Int32Array(Math.max(expected, 16) * 4)
  }

  get size(): number {
    return this.ids.size
  }

  has(pointer: string): boolean {
    return this.ids.has(pointer)
  }

  get(pointer: string): NodeLocation | undefined {
    const id = this.ids.get(pointer)
    if (id === undefined) return undefined
    const o = this.offsets
    const at = id * 4
    const location: NodeLocation = { value: o[at] as number }
    if (o[at + 1] !== NONE) location.key = o[at + 1] as number
    if (o[at + 2] !== NONE) {
      location.textStart = o[at + 2] as number
      location.textEnd = o[at + 3] as number
    }
    return location
  }

  set(pointer: string, location: NodeLocation): void {
    if (this.count * 4 === this.offsets.length) {
      const grown = new Int32Array(this.offsets.length * 2)
      grown.set(this.offsets)
      this.offsets = grown
    }
    const at = this.count * 4
    this.offsets[at] = location.value
    this.offsets[at + 1] = location.key ?? NONE
    this.offsets[at + 2] = location.textStart ?? NONE
    this.offsets[at + 3] = location.textEnd ?? NONE
    this.ids.set(pointer, this.count++)
  }
}

interface Frame {
  kind: 'map' | 'seq' | 'doc'
  pointer: string
  index: number
  key: string | null
  keyOffset: number
  /** Entries merged in (`<<`): explicit keys of the mapping win over them. */
  merge: boolean
  /** The value of a `<<` key: a mapping, an alias or a list of them, merged into `pointer`. */
  mergeValue: boolean
  anchor: Anchor | undefined
}

interface Anchor {
  pointer: string
  location: NodeLocation
  /** The range of `log` that holds the anchored node's descendants. */
  from: number
  to: number
}

const escapePointer = (segment: string): string =>
  segment.includes('~') || segment.includes('/')
    ? segment.replace(/~/g, '~0').replace(/\//g, '~1')
    : segment

/** `<<` written plain (or tagged !!merge) is a merge key, as in PyYAML; quoted it is a key. */
const isMergeKey = (source: string, e: ScalarEvent, value: string): boolean =>
  value === '<<' &&
  (e.tagStart >= 0 ? /merge$/.test(source.slice(e.tagStart, e.tagEnd)) : e.style === 1)
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

const frame = (
  kind: Frame['kind'],
  pointer: string,
  merge: boolean,
  mergeValue = false,
  anchor?: Anchor,
): Frame => ({ kind, pointer, index: 0, key: null, keyOffset: -1, merge, mergeValue, anchor })

/** An event of a node (not a document's start or a node's end). */
type NodeEvent = Exclude<Event, DocumentEvent | PopEvent>

/** The walk's state: the index so far, the stack of open nodes and what aliases need. */
interface Walk {
  source: string
  index: PositionIndex
  // The entries inside anchored collections, in order, to copy them to an alias.
  // Nothing outside an anchor is ever copied, so a catalog without anchors logs nothing.
  log: [string, NodeLocation][]
  openAnchors: number
  anchors: Map<string, Anchor>
  stack: Frame[]
}

/** Where a value event lands: its pointer, and whether it is merged (`<<`) in. */
interface Place {
  pointer: string
  merge: boolean
  location: NodeLocation
  /** The value of a merge key (or an item of its list). */
  merged: boolean
}

/**
 * Index of the first document's nodes by JSON pointer ('' is the root). Nodes
 * reached through an alias or a merge key (`<<`) are indexed where they are
 * written, so a problem inside shared meta points at the line to fix; the
 * alias itself is indexed at the `*`. Call after `checkAliases`, which bounds
 * how much aliases copy.
 */
export function indexPositions(source: string, events: readonly Event[]): PositionIndex {
  const walk: Walk = {
    source,
    index: new PositionIndex(events.length),
    log: [],
    openAnchors: 0,
    anchors: new Map(),
    stack: [],
  }
  for (const e of events) {
    if (e.type === EVENT_ID.DOCUMENT) {
      if (walk.index.size > 0) break
      walk.stack.push(frame('doc', '', false))
      continue
    }
    if (e.type === EVENT_ID.POP) {
      const done = walk.stack.pop()
      if (done?.anchor) {
        done.anchor.to = walk.log.length
        walk.openAnchors--
      }
      continue
    }
    const top = walk.stack[walk.stack.length - 1]
    if (!top) continue
    if (top.kind === 'map' && top.key === null) readKey(walk, top, e)
    else readValue(walk, top, e)
  }
  return walk.index
}

function put(walk: Walk, pointer: string, location: NodeLocation, merge: boolean): void {
  if (walk.openAnchors > 0) walk.log.push([pointer, location])
  if (pointer.charCodeAt(0) === 0) return // inside a complex key
  if (!merge || !walk.index.has(pointer)) walk.index.set(pointer, location)
}

/** The anchored node's descendants, again under `pointer`. */
function copy(walk: Walk, anchor: Anchor, pointer: string, merge: boolean): void {
  const prefix = anchor.pointer.length
  for (let i = anchor.from; i < anchor.to; i++) {
    const [p, location] = walk.log[i] as [string, NodeLocation]
    put(walk, pointer + p.slice(prefix), location, merge)
  }
}

/** A key. Complex keys (collections) cannot be addressed by a pointer. */
function readKey(walk: Walk, top: Frame, e: NodeEvent): void {
  top.keyOffset = eventStart(walk.source, e)
  if (e.type === EVENT_ID.SCALAR) {
    const key = getScalarValue(walk.source, e)
    top.key = key
    if (isMergeKey(walk.source, e, key)) top.mergeValue = true
    return
  }
  top.key = '?'
  if (e.type === EVENT_ID.MAPPING || e.type === EVENT_ID.SEQUENCE) {
    walk.stack.push(frame('doc', '\0', false))
  }
}

function readValue(walk: Walk, top: Frame, e: NodeEvent): void {
  const place = placeOf(walk.source, top, e)
  const handled = place.merged ? mergedValue(walk, top, e, place) : plainValue(walk, e, place)
  if (!handled) openNode(walk, e, place)
}

/** Moves `top` past the value `e` and says where `e` lands. */
function placeOf(source: string, top: Frame, e: NodeEvent): Place {
  let pointer: string
  const location: NodeLocation = { value: eventStart(source, e) }
  const merging = top.mergeValue
  if (top.kind === 'map') {
    pointer = merging ? top.pointer : `${top.pointer}/${escapePointer(top.key as string)}`
    location.key = top.keyOffset
    top.key = null
    top.mergeValue = false
  } else if (top.kind === 'seq') {
    pointer = `${top.pointer}/${top.index++}`
  } else {
    pointer = top.pointer
  }
  if (merging || (top.kind === 'seq' && top.mergeValue)) {
    // A merged node: its entries join the mapping at `pointer`, below its explicit keys.
    return {
      pointer: top.kind === 'seq' ? top.pointer : pointer,
      merge: true,
      location,
      merged: true,
    }
  }
  return { pointer, merge: top.merge, location, merged: false }
}

/** A merged alias or list of them; true when nothing more is to be done with `e`. */
function mergedValue(walk: Walk, top: Frame, e: NodeEvent, { pointer }: Place): boolean {
  if (e.type === EVENT_ID.ALIAS) {
    const anchor = walk.anchors.get(walk.source.slice(e.anchorStart, e.anchorEnd))
    if (anchor) copy(walk, anchor, pointer, true)
    return true
  }
  if (e.type === EVENT_ID.SEQUENCE && top.kind !== 'seq') {
    walk.stack.push(frame('seq', pointer, true, true))
    return true
  }
  return false
}

/** Indexes a value; true when it is an alias, which is done then. */
function plainValue(walk: Walk, e: NodeEvent, { pointer, location, merge }: Place): boolean {
  if (e.type === EVENT_ID.SCALAR) {
    location.textStart = e.valueStart
    location.textEnd = e.valueEnd
  }
  if (e.type === EVENT_ID.ALIAS) {
    const anchor = walk.anchors.get(walk.source.slice(e.anchorStart, e.anchorEnd))
    if (anchor?.location.textStart !== undefined) {
      location.textStart = anchor.location.textStart
      location.textEnd = anchor.location.textEnd
    }
    put(walk, pointer, location, merge)
    if (anchor) copy(walk, anchor, pointer, merge)
    return true
  }
  put(walk, pointer, location, merge)
  return false
}

/** Records the node's anchor and opens a frame for a collection. */
function openNode(walk: Walk, e: NodeEvent, { pointer, location, merge }: Place): void {
  let anchor: Anchor | undefined
  if (e.anchorStart >= 0) {
    anchor = { pointer, location, from: walk.log.length, to: walk.log.length }
    walk.anchors.set(walk.source.slice(e.anchorStart, e.anchorEnd), anchor)
  }
  if (e.type === EVENT_ID.MAPPING || e.type === EVENT_ID.SEQUENCE) {
    if (anchor) walk.openAnchors++
    walk.stack.push(
      frame(e.type === EVENT_ID.MAPPING ? 'map' : 'seq', pointer, merge, false, anchor),
    )
  }
}

/** Source lines quoted in problems are cut after this many characters. */
export const EXCERPT_CHARS = 200

/** Turns offsets into 1-based line and column numbers. */
export class LineMap {
  private readonly starts: number[] = [0]

  constructor(readonly source: string) {
    for (let i = source.indexOf('\n'); i !== -1; i = source.indexOf('\n', i + 1)) {
      this.starts.push(i + 1)
    }
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

  /**
   * The text of a 1-based line, without its newline and the userinfo of urls
   * in it (taken out before the cut); a long one cut after EXCERPT_CHARS.
   */
  lineText(line: number): string {
    const start = this.starts[line - 1] ?? this.source.length
    const end = this.starts[line] ?? this.source.length + 1
    const whole = this.source.slice(start, end - 1)
    // Only as much of a huge line as the cut can keep, plus room for a userinfo.
    const head = withoutUserinfo(whole.slice(0, EXCERPT_CHARS + 4096)).slice(0, EXCERPT_CHARS + 1)
    const text = head.replace(/\r?\n?$/, '')
    return text.length > EXCERPT_CHARS ? `${text.slice(0, EXCERPT_CHARS)}…` : text
  }
}
