// Edits one version entry of a catalog file in place: only the changed
// scalars are spliced, at the offsets js-yaml's event stream gives, so that
// comments, quoting, folded urls, indentation and key order everywhere else
// stay byte for byte. A key the entry lacks is added after the entry's last
// key (on a line of its own, indented like it, in a block mapping); a key set
// to null is removed with its line.
import {
  EVENT_ID,
  getScalarValue,
  load,
  parseEvents,
  CORE_SCHEMA,
  type Event,
  type MappingEvent,
  type ScalarEvent,
} from 'js-yaml'

interface ScalarNode {
  kind: 'scalar'
  event: ScalarEvent
}
interface AliasNode {
  kind: 'alias'
  start: number
  end: number
}
interface MapNode {
  kind: 'map'
  event: MappingEvent
  pairs: [Node, Node][]
}
interface SeqNode {
  kind: 'seq'
  items: Node[]
  anchored: boolean
}
type Node = ScalarNode | AliasNode | MapNode | SeqNode

/** The first document's root node, as a tree of events. */
function tree(events: readonly Event[]): Node | null {
  // The parser gives nothing for an empty file, else per document: DOCUMENT, its root node, POP.
  if (events.length === 0) return null
  let i = 1
  const node = (): Node => {
    const e = events[i++] as Event
    switch (e.type) {
      case EVENT_ID.SCALAR:
        return { kind: 'scalar', event: e }
      case EVENT_ID.ALIAS:
        return { kind: 'alias', start: e.anchorStart - 1, end: e.anchorEnd }
      case EVENT_ID.MAPPING: {
        const pairs: [Node, Node][] = []
        while ((events[i] as Event).type !== EVENT_ID.POP) pairs.push([node(), node()])
        i++
        return { kind: 'map', event: e, pairs }
      }
      case EVENT_ID.SEQUENCE: {
        const items: Node[] = []
        while ((events[i] as Event).type !== EVENT_ID.POP) items.push(node())
        i++
        // Stryker disable next-line EqualityOperator: an anchor's name follows its `&`, so never offset 0
        return { kind: 'seq', items, anchored: e.anchorStart >= 0 }
      }
      default:
        // Stryker disable next-line StringLiteral: unreachable, the parser puts a node wherever one is read
        throw new EditError('unexpected YAML structure')
    }
  }
  return node()
}

/** The file cannot be edited safely; the message says why and what to do. */
export class EditError extends Error {
  override readonly name = 'EditError'
}

function valueOf(source: string, map: MapNode, key: string): [Node, Node] | undefined {
  return map.pairs.find(([k]) => k.kind === 'scalar' && getScalarValue(source, k.event) === key)
}

/** Characters a value may have and still be written plain, read back as the same string. */
const PLAIN = /^[A-Za-z0-9_][A-Za-z0-9_./:+~%@=-]*$/
function plainSafe(value: string): boolean {
  if (!PLAIN.test(value)) return false
  // Stryker disable next-line ObjectLiteral: js-yaml 5 loads with CORE_SCHEMA by default; named so a new default cannot slip in
  return load(value, { schema: CORE_SCHEMA }) === value
}

/** The new value written in the style of the old one, or plain/single-quoted for a new key. */
function render(value: string, style: number): string {
  if (style === 3) return JSON.stringify(value)
  // A block scalar (`>-` url) becomes plain when it can.
  if ((style === 1 || style >= 4) && plainSafe(value)) return value
  return `'${value.replace(/'/g, "''")}'`
}

interface Splice {
  start: number
  end: number
  text: string
}

/** The text range of a scalar value (quotes and block indicator included, its tag kept). */
function scalarRange(source: string, e: ScalarEvent): { start: number; end: number } {
  if (e.style === 2 || e.style === 3) return { start: e.valueStart - 1, end: e.valueEnd + 1 }
  if (e.style === 4 || e.style === 5) {
    // The indicator ends the header line, before any comment (which may hold `|` or `>`).
    const from = lineStart(source, e.valueStart - 1)
    // Stryker disable next-line StringLiteral: what stands for the comment only needs to hold no `|` or `>`
    const header = source.slice(from, e.valueStart).replace(/[ \t]#.*/s, '')
    const indicator = from + Math.max(header.lastIndexOf('|'), header.lastIndexOf('>'))
    let end = e.valueEnd
    while (/[\r\n]/.test(source[end - 1] as string)) end--
    return { start: indicator, end }
  }
  return { start: e.valueStart, end: e.valueEnd }
}

const lineStart = (source: string, offset: number): number =>
  source.lastIndexOf('\n', offset - 1) + 1

/** Where a key starts: at its opening quote when it is quoted. */
const keyStart = (k: ScalarNode): number => k.event.valueStart - (k.event.style > 1 ? 1 : 0)

/** Says why an entry cannot be edited safely (an EditError). */
function where(what: string): never {
  throw new EditError(`cannot edit ${what} in place; edit this entry by hand`)
}

/** The first version entry of image `imageIndex`, when it can be edited in place. */
function firstEntry(source: string, root: Node | null, imageIndex: number): MapNode {
  if (root?.kind !== 'map') return where('a file without an `images:` mapping')
  const images = valueOf(source, root, 'images')?.[1]
  if (images?.kind !== 'seq') return where('`images` (not a written list)')
  const image = images.items[imageIndex]
  if (image?.kind !== 'map') return where(`image ${imageIndex + 1} (an alias or not a mapping)`)
  const versions = valueOf(source, image, 'versions')?.[1]
  if (versions?.kind !== 'seq' || versions.anchored)
    return where('`versions` (an alias, anchored or not a list)')
  const entry = versions.items[0]
  // Stryker disable next-line EqualityOperator: an entry inside `images:` never starts the file
  if (entry?.kind !== 'map' || entry.event.anchorStart >= 0)
    return where('the first version entry (an alias, anchored or not a mapping)')
  return entry
}

/** The splices that set `changes` in the first version entry of image `imageIndex`. */
function splicesFor(
  source: string,
  root: Node | null,
  imageIndex: number,
  changes: Readonly<Record<string, string | null>>,
): Splice[] {
  const entry = firstEntry(source, root, imageIndex)
  const splices: Splice[] = []
  const missing: string[] = []
  for (const [key, value] of Object.entries(changes)) {
    const pair = valueOf(source, entry, key)
    if (value === null) {
      if (pair) splices.push(removal(source, entry, pair, key))
    } else if (!pair) missing.push(key)
    else {
      const splice = replacement(source, pair, key, value)
      if (splice) splices.push(splice)
    }
  }
  if (missing.length > 0) splices.push(addition(source, entry, missing, changes))
  return splices
}

/** The splice that sets a present key to `value`; none when it already holds it. */
function replacement(
  source: string,
  [k, v]: [Node, Node],
  key: string,
  value: string,
): Splice | undefined {
  if (v.kind === 'alias') return { start: v.start, end: v.end, text: render(value, 1) }
  if (v.kind !== 'scalar') return where(`\`${key}\` (not a scalar)`)
  const e = v.event
  // Stryker disable next-line EqualityOperator: an anchor's name follows its `&`, so never offset 0
  if (e.anchorStart >= 0) return where(`\`${key}\` (anchored: other entries share it)`)
  // Stryker disable next-line EqualityOperator: a value follows its key, so never offset 0
  if (e.valueStart < 0) {
    // An empty value (`mirror_url:`): write after the colon (after a quoted key's closing quote).
    const colon = source.indexOf(':', (k as ScalarNode).event.valueEnd)
    return { start: colon + 1, end: colon + 1, text: ` ${render(value, 1)}` }
  }
  // Stryker disable next-line EqualityOperator: a value's tag never starts the file
  if (getScalarValue(source, e) === value && e.tagStart < 0) return undefined
  return { ...scalarRange(source, e), text: render(value, e.style) }
}

/** The splice that adds the keys the entry lacks. */
function addition(
  source: string,
  entry: MapNode,
  missing: readonly string[],
  changes: Readonly<Record<string, string | null>>,
): Splice {
  // After the entry's last pair when it is a scalar, else after its url; in the entry's style.
  // Not after a pair this edit removes: the two splices would overlap.
  const kept = entry.pairs.filter(
    ([k]) => k.kind !== 'scalar' || changes[getScalarValue(source, k.event)] !== null,
  )
  const last = kept[kept.length - 1]
  const anchorPair =
    // Stryker disable next-line EqualityOperator: a value follows its key, so never offset 0
    last?.[1].kind === 'scalar' && last[1].event.valueStart >= 0
      ? last
      : valueOf(source, entry, 'url')
  if (!anchorPair || anchorPair[1].kind !== 'scalar')
    return where('the first version entry (no url)')
  const [k, v] = anchorPair as [ScalarNode, ScalarNode]
  const end = scalarRange(source, v.event).end
  if (entry.event.style === 2) {
    const text = missing.map((key) => `, ${key}: ${render(changes[key] as string, 1)}`).join('')
    return { start: end, end, text }
  }
  const start = keyStart(k)
  const indent = source.slice(lineStart(source, start), start)
  if (!/^[ -]*$/.test(indent)) return where('the first version entry (unusual layout)')
  const pad = ' '.repeat(indent.length)
  const newline = /\r\n/.test(source) ? '\r\n' : '\n'
  let eol = source.indexOf('\n', end)
  // Stryker disable next-line EqualityOperator: searched from the end of a value, so never 0
  if (eol < 0) eol = source.length
  else if (source[eol - 1] === '\r') eol--
  const text = missing
    .map((key) => `${newline}${pad}${key}: ${render(changes[key] as string, 1)}`)
    .join('')
  return { start: eol, end: eol, text }
}

/** Removes a `key: value` pair of a block mapping with its whole line (a comment on it goes too). */
function removal(source: string, entry: MapNode, [k, v]: [Node, Node], key: string): Splice {
  if (entry.event.style === 2 || k.kind !== 'scalar') return where(`\`${key}\` (a flow mapping)`)
  const start = lineStart(source, keyStart(k))
  // `- mirror_url: …` opens the entry: removing its line would end the entry.
  if (!/^ *$/.test(source.slice(start, keyStart(k))))
    return where(`\`${key}\` (it opens the entry's line)`)
  if (v.kind !== 'alias' && v.kind !== 'scalar') return where(`\`${key}\` (not a scalar)`)
  // Stryker disable next-line EqualityOperator: a value follows its key, so never offset 0
  const written = v.kind === 'scalar' && v.event.valueStart >= 0
  // An empty value: an implicit key and its colon are on one line, so the line ends the pair.
  const end =
    v.kind === 'alias' ? v.end : written ? scalarRange(source, v.event).end : k.event.valueEnd
  const eol = source.indexOf('\n', end)
  // Stryker disable next-line EqualityOperator: searched from the end of a key or value, so never 0
  return { start, end: eol < 0 ? source.length : eol + 1, text: '' }
}

export interface VersionEdit {
  /** Index in the file's `images` list. */
  imageIndex: number
  /** New values by key (null: remove the key); only keys whose value differs are touched. */
  changes: Readonly<Record<string, string | null>>
}

/**
 * Sets each edit's changes in the first entry of `versions` of its image, in
 * one pass over the file. An edit that cannot be made safely is left out and
 * its reason returned by its position in `edits`.
 */
export function editFirstVersions(
  source: string,
  edits: readonly VersionEdit[],
): { text: string; failed: Map<number, string> } {
  const root = tree(parseEvents(source, {}))
  const failed = new Map<number, string>()
  const splices: Splice[] = []
  edits.forEach((edit, i) => {
    try {
      splices.push(...splicesFor(source, root, edit.imageIndex, edit.changes))
    } catch (error) {
      if (!(error instanceof EditError)) throw error
      failed.set(i, error.message)
    }
  })
  let text = source
  for (const s of splices.sort((a, b) => b.start - a.start))
    text = text.slice(0, s.start) + s.text + text.slice(s.end)
  return { text, failed }
}

/** One edit; throws EditError when it cannot be made safely. */
export function editFirstVersion(
  source: string,
  imageIndex: number,
  changes: Readonly<Record<string, string | null>>,
): string {
  const { text, failed } = editFirstVersions(source, [{ imageIndex, changes }])
  const reason = failed.get(0)
  if (reason !== undefined) throw new EditError(reason)
  return text
}
