// Checks parsed files against the published JSON Schema and turns ajv's errors
// into problems at the exact line and column, one per defect.
import { withoutUserinfo } from '../http/secrets.js'
import type { ErrorObject } from 'ajv'
import schema from '../../schemas/image-definitions.schema.json' with { type: 'json' }
import type { Problem } from '../problems.js'
import type { LoadedFile } from './load.js'
import { MAX_PROBLEMS_PER_FILE, moreProblems } from './problem-limits.js'
// Compiled ahead of time (scripts/compile-schema.mjs): compiling at start-up cost every run ~200 ms.
import { validate, versionMeta } from './schema-validator.generated.js'

type SchemaNode = Record<string, unknown>

/** Schema errors described per file (some may be duplicates through aliases); the rest are counted. */
const DESCRIBED_PER_FILE = 4 * MAX_PROBLEMS_PER_FILE

/** The meta keys the SCS standard wants but the format does not require. */
export const recommendedMetaKeys = (): string[] =>
  (((schema as SchemaNode).$defs as Record<string, SchemaNode>).meta?.['x-recommended'] as
    string[] | undefined) ?? []

const segments = (pointer: string): string[] =>
  pointer
    .split('/')
    .slice(1)
    .map((s) => s.replace(/~1/g, '/').replace(/~0/g, '~'))

/** `versions[2].url`-like name of a pointer, for messages. */
export function describePointer(pointer: string): string {
  let out = ''
  for (const s of segments(pointer)) out += /^\d+$/.test(s) ? `[${s}]` : out ? `.${s}` : s
  return out || 'the document'
}

/**
 * A value quoted in a message: its first line only (a message never quotes
 * more of a file than the line at fault), cut when long, invisible characters
 * shown as escapes.
 */
function quote(quoted: string): string {
  // Userinfo out before the cut, which could leave a url without its `@`.
  const value = withoutUserinfo(quoted)
  const firstLine = value.split(/\r?\n/, 1)[0] as string
  const max = Math.min(80, firstLine.length)
  const cut = value.length > max ? `${value.slice(0, max)}…` : value
  const shown = cut.replace(
    /[\p{Cc}\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/gu,
    (c) => `\\u${(c.codePointAt(0) as number).toString(16).padStart(4, '0')}`,
  )
  return `'${shown}'${value.length > max ? ` (${value.length} characters)` : ''}`
}

/** What a value is; a scalar's text only below the document (a whole file is not quoted). */
function describeValue(value: unknown, quoted = true): string {
  if (value === null) return 'null'
  if (Array.isArray(value)) return 'a list'
  if (typeof value === 'object') return 'a mapping'
  if (typeof value === 'string') return quoted ? `the string ${quote(value)}` : 'a string'
  return `${typeof value === 'number' ? 'the number' : 'the boolean'} ${String(value)}`
}

const article = (type: string): string =>
  ({
    string: 'a string',
    integer: 'an integer',
    number: 'a number',
    boolean: 'true or false',
    array: 'a list',
    object: 'a mapping',
    null: 'null',
  })[type] ?? type

function message(e: ErrorObject): string {
  const subject = `'${describePointer(e.instancePath)}'`
  const expected = (e.parentSchema as SchemaNode | undefined)?.['x-expected'] as string | undefined
  const got = describeValue(e.data, e.instancePath !== '')
  switch (e.keyword) {
    case 'required':
      return `missing required key '${(e.params as { missingProperty: string }).missingProperty}'`
    case 'additionalProperties': {
      const key = (e.params as { additionalProperty: string }).additionalProperty
      const known = Object.keys(((e.parentSchema as SchemaNode).properties as SchemaNode) ?? {})
      const near = known.find((k) => editDistance(k, key) <= 2)
      return `unknown key '${key}'${near ? ` (did you mean '${near}'?)` : ''}`
    }
    case 'type': {
      const types = ([] as string[]).concat((e.params as { type: string | string[] }).type)
      return `${subject} must be ${types.map(article).join(' or ')}, not ${got}`
    }
    case 'enum': {
      const values = (e.params as { allowedValues: unknown[] }).allowedValues
      return `${subject} must be one of: ${values.map((v) => (v === null ? 'null' : String(v))).join(', ')} (got ${got})`
    }
    case 'minItems':
      return `${subject} needs at least ${(e.params as { limit: number }).limit} entr${(e.params as { limit: number }).limit === 1 ? 'y' : 'ies'}`
    case 'minimum':
    case 'maximum':
    case 'minLength':
    case 'maxLength':
      return `${subject} ${e.message ?? 'is out of range'} (got ${got})`
    default: {
      // pattern, format, anyOf, oneOf, const, not: the schema says what it wants.
      // A mapping or list quoted back says nothing; a scalar does.
      const tail = typeof e.data === 'object' && e.data !== null ? '' : ` (got ${got})`
      return expected
        ? `${subject} must be ${expected}${tail}`
        : `${subject} ${e.message ?? 'is invalid'}${tail}`
    }
  }
}

function editDistance(a: string, b: string): number {
  const row = Array.from({ length: b.length + 1 }, (_, i) => i)
  for (let i = 1; i <= a.length; i++) {
    let prev = row[0] as number
    row[0] = i
    for (let j = 1; j <= b.length; j++) {
      const cur = row[j] as number
      row[j] = Math.min(cur + 1, (row[j - 1] as number) + 1, prev + (a[i - 1] === b[j - 1] ? 0 : 1))
      prev = cur
    }
  }
  return row[b.length] as number
}

/** Only the most telling error: a combinator's branches and `if` guards are noise. */
function relevant(errors: readonly ErrorObject[]): ErrorObject[] {
  const combinators = errors.filter((e) => ['anyOf', 'oneOf'].includes(e.keyword))
  return errors.filter(
    (e) =>
      e.keyword !== 'if' &&
      !combinators.some((c) => c !== e && e.schemaPath.startsWith(`${c.schemaPath}/`)),
  )
}

/** Offset of the node an error is about: its key for unknown keys, else its value. */
function locate(file: LoadedFile, e: ErrorObject): number {
  if (e.keyword === 'additionalProperties') {
    const key = (e.params as { additionalProperty: string }).additionalProperty
    const at = file.positions.get(
      `${e.instancePath}/${key.replace(/~/g, '~0').replace(/\//g, '~1')}`,
    )
    if (at?.key !== undefined) return at.key
  }
  let pointer = e.instancePath
  for (;;) {
    const at = file.positions.get(pointer)
    if (at) return at.value
    if (pointer === '') return 0
    pointer = pointer.slice(0, pointer.lastIndexOf('/'))
  }
}

export function checkSchema(file: LoadedFile): Problem[] {
  if (validate(file.data)) return []
  // Only the first few are shown: describe those, count the rest (a file may hold millions).
  const located = relevant(validate.errors ?? []).map((e) => ({ e, offset: locate(file, e) }))
  located.sort((a, b) => a.offset - b.offset)
  const problems: Problem[] = located.slice(0, DESCRIBED_PER_FILE).map(({ e, offset }) => {
    const { line, column } = file.lines.locate(offset)
    return {
      severity: 'error' as const,
      file: file.file,
      line,
      column,
      message: message(e),
      sourceLine: file.lines.lineText(line),
    }
  })
  const rest = located.length - DESCRIBED_PER_FILE
  const first = located[DESCRIBED_PER_FILE]
  if (first) {
    problems.push(moreProblems(file.file, file.lines.locate(first.offset), rest, rest))
  }
  return problems
}

/** What is wrong with meta given outside a file (e.g. --rotated-meta): a version meta's rules. */
export function checkMetaValues(meta: Record<string, unknown>): string[] {
  if (versionMeta(meta)) return []
  return relevant(versionMeta.errors ?? []).map(message)
}
