// What PyYAML's safe_load (the old tool's reader, whose reading the README
// promises) refuses but js-yaml reads: found by fuzzing against PyYAML itself
// (test/unit/definitions/fuzz.test.ts). Each is refused at its place.
import { COLLECTION_STYLE, EVENT_ID, SCALAR_STYLE, getScalarValue, type Event } from 'js-yaml'

export interface Refusal {
  offset: number
  message: string
}

// YAML's printable characters (PyYAML's reader refuses the rest anywhere in the file).
const NON_PRINTABLE =
  // eslint-disable-next-line no-control-regex -- control characters are what this finds
  /[^\x09\x0a\x0d\x20-\x7e\x85\xa0-\ud7ff\ue000-\ufffd\ud800-\udfff]/

/** A character YAML does not allow in a file (controls such as ESC or NUL). */
export function nonPrintable(text: string): Refusal | undefined {
  const at = NON_PRINTABLE.exec(text)
  if (!at) return undefined
  const code = (at[0].codePointAt(0) as number).toString(16).padStart(4, '0')
  return {
    offset: at.index,
    message: `YAML: the control character U+${code} is not allowed in a YAML file (PyYAML refuses it): remove it, or write it as an escape in a "double-quoted" string`,
  }
}

// PyYAML's implicit timestamp: a plain scalar of this form is a date, and must be one.
const TIMESTAMP =
  /^(\d{4})-(\d\d?)-(\d\d?)(?:(?:[Tt]|[ \t]+)(\d\d?):(\d\d):(\d\d)(?:\.\d*)?(?:[ \t]*(?:Z|[-+]\d\d?(?::\d\d)?))?)?$/

function realDate(value: string): boolean {
  const m = TIMESTAMP.exec(value)
  if (!m) return true
  // The date-only form has two-digit month and day.
  if (m[4] === undefined && !/^\d{4}-\d\d-\d\d$/.test(value)) return true
  const [year, month, day, hour, minute, second] = m.slice(1).map((v) => Number(v ?? 0))
  const days = new Date(Date.UTC(year as number, month as number, 0)).getUTCDate()
  return (
    (month as number) >= 1 &&
    (month as number) <= 12 &&
    (day as number) >= 1 &&
    (day as number) <= days &&
    (hour as number) < 24 &&
    (minute as number) < 60 &&
    (second as number) < 60
  )
}

/** Ranges where PyYAML allows a tab: inside quoted scalars and block scalar content. */
function tabRanges(events: readonly Event[]): [number, number][] {
  const ranges: [number, number][] = []
  for (const e of events) {
    if (e.type !== EVENT_ID.SCALAR) continue
    if (e.style === 2 || e.style === 3) ranges.push([e.valueStart - 1, e.valueEnd + 1])
    else if (e.style === 4 || e.style === 5) ranges.push([e.valueStart, e.valueEnd])
  }
  return ranges
}

/** True when the tab at `offset` stands in a comment (a `#` after white space, outside scalars). */
function inComment(text: string, offset: number, inside: (at: number) => boolean): boolean {
  const lineStart = text.lastIndexOf('\n', offset) + 1
  for (let q = text.indexOf('#', lineStart); q !== -1 && q < offset; q = text.indexOf('#', q + 1)) {
    if ((q === lineStart || /[ \t]/.test(text[q - 1] as string)) && !inside(q)) return true
  }
  return false
}

/** A tab where PyYAML refuses it: anywhere but in quoted or block scalars and comments. */
function strayTab(text: string, events: readonly Event[]): Refusal | undefined {
  if (!text.includes('\t')) return undefined
  const ranges = tabRanges(events)
  const inside = (at: number): boolean => ranges.some(([from, to]) => at >= from && at < to)
  for (let p = text.indexOf('\t'); p !== -1; p = text.indexOf('\t', p + 1)) {
    if (inside(p) || inComment(text, p, inside)) continue
    return {
      offset: p,
      message:
        'YAML: a tab here (PyYAML, which the old tool used, refuses tabs outside quoted text, block text and comments): use spaces',
    }
  }
  return undefined
}

/** PyYAML looks this far for the `:` after a key without `?`. */
const MAX_KEY_CHARS = 1024

const isDigit = (code: number): boolean => code >= 48 && code <= 57

/** `dddd-` at `at`: the start of every timestamp, tested without reading the scalar's value. */
const startsLikeDate = (text: string, at: number): boolean =>
  text.charCodeAt(at + 4) === 45 &&
  isDigit(text.charCodeAt(at)) &&
  isDigit(text.charCodeAt(at + 1)) &&
  isDigit(text.charCodeAt(at + 2)) &&
  isDigit(text.charCodeAt(at + 3))

/** A plain scalar that PyYAML reads as a date that does not exist (2024-02-30). */
function impossibleDate(text: string, e: NodeEvent): Refusal | undefined {
  if (e.type !== EVENT_ID.SCALAR || e.style !== 1 || e.tagStart >= 0) return undefined
  // Only a scalar that starts with four digits and `-` can be a timestamp (most never are).
  if (!startsLikeDate(text, e.valueStart)) return undefined
  const value = getScalarValue(text, e)
  if (realDate(value)) return undefined
  return {
    offset: e.valueStart,
    message: `YAML: '${value}' is not a real date and time, and PyYAML refuses such an unquoted date: correct it, or quote it to keep it as text`,
  }
}

type NodeEvent = Exclude<Event, { type: typeof EVENT_ID.DOCUMENT | typeof EVENT_ID.POP }>

/**
 * A key longer than PyYAML reads ("could not find expected ':'"), or a
 * `!!merge` tag on a value (PyYAML knows it on keys only).
 */
function keyRefusal(text: string, e: NodeEvent, isKey: boolean): Refusal | undefined {
  if (isKey && e.type === EVENT_ID.SCALAR && e.valueEnd - e.valueStart > MAX_KEY_CHARS) {
    return {
      offset: e.valueStart,
      message: `YAML: a key of more than ${MAX_KEY_CHARS} characters, which PyYAML cannot read: shorten it`,
    }
  }
  if (e.type === EVENT_ID.ALIAS || e.tagStart < 0 || isKey) return undefined
  if (/^!!merge$|^!<tag:yaml\.org,2002:merge>$/.test(text.slice(e.tagStart, e.tagEnd))) {
    return {
      offset: e.tagStart,
      message:
        'YAML: !!merge belongs to a << key, not to a value (PyYAML refuses it): remove the tag',
    }
  }
  return undefined
}

/** Where an event's text ends, or (none) starts; -1 for an empty scalar. */
const endOf = (e: Event): number =>
  'valueEnd' in e && e.valueEnd >= 0 ? e.valueEnd : 'start' in e ? (e.start as number) : -1

/**
 * A key left out (`: value` as a mapping entry) at `events[i]`, an empty key:
 * PyYAML reads an empty key only after an explicit `?` ("expected <block end>,
 * but found ':'").
 */
function missingKey(text: string, events: readonly Event[], i: number): Refusal | undefined {
  const from = Math.max(0, ...events.slice(0, i).map(endOf))
  const colon = text.indexOf(':', from)
  if (colon < 0 || /(?:^|[\n{,])[ \t-]*\?(?:\s|$)/.test(text.slice(from, colon))) return undefined
  return {
    offset: colon,
    message:
      'YAML: a mapping entry without its key (PyYAML refuses `: value`): write the key before the colon',
  }
}

/**
 * A `?` in an unquoted value inside `[ ]` or `{ }`: PyYAML ends the value
 * there and reads `?` as a key indicator (refusing `[b?c]`, reading `[?x]`
 * as `[{x: null}]`), where js-yaml keeps it as text.
 */
function flowQuestionMark(text: string, e: NodeEvent, inFlow: boolean): Refusal | undefined {
  if (!inFlow || e.type !== EVENT_ID.SCALAR || e.style !== SCALAR_STYLE.PLAIN) return undefined
  const at = text.slice(e.valueStart, e.valueEnd).indexOf('?')
  if (at < 0) return undefined
  return {
    offset: e.valueStart + at,
    message:
      "YAML: a '?' in an unquoted value inside [ ] or { } (PyYAML reads it as the start of a key): quote the value",
  }
}

/** The first refusal of each kind, in the order they are reported. */
type Found = [Refusal | undefined, Refusal | undefined, Refusal | undefined, Refusal | undefined]

/**
 * The node checks in one walk over the events (each walk costs a start-up
 * run its time in the interpreter): the first date, key and flow refusal, and
 * the first missing key, which stand in that order of precedence.
 */
function nodeRefusals(text: string, events: readonly Event[]): Found {
  const found: Found = [undefined, undefined, undefined, undefined]
  // Per open collection: a mapping counts its nodes (even ones are keys); a sequence is -1.
  const counts: number[] = []
  const flow: boolean[] = []
  for (let i = 0; i < events.length; i++) {
    const e = events[i] as Event
    if (e.type === EVENT_ID.POP) {
      counts.pop()
      flow.pop()
      continue
    }
    if (e.type === EVENT_ID.DOCUMENT) {
      flow.push(false)
      continue
    }
    const count = counts[counts.length - 1] ?? -1
    if (count >= 0) counts[counts.length - 1] = count + 1
    const isKey = count >= 0 && count % 2 === 0
    found[0] ??= impossibleDate(text, e)
    found[1] ??= keyRefusal(text, e, isKey)
    if (isKey && e.type === EVENT_ID.SCALAR && e.valueStart < 0) {
      found[2] ??= missingKey(text, events, i)
    }
    found[3] ??= flowQuestionMark(text, e, flow[flow.length - 1] === true)
    if (e.type === EVENT_ID.MAPPING || e.type === EVENT_ID.SEQUENCE) {
      counts.push(e.type === EVENT_ID.MAPPING ? 0 : -1)
      flow.push(e.style === COLLECTION_STYLE.FLOW)
    }
  }
  return found
}

/** The first thing in a parsed file that PyYAML's safe_load refuses, if any. */
export function pyyamlRefusal(text: string, events: readonly Event[]): Refusal | undefined {
  return strayTab(text, events) ?? nodeRefusals(text, events).find((r) => r !== undefined)
}
