// Reads definition files and parses them into data plus a position index.
import { closeSync, constants, fstatSync, openSync, readFileSync } from 'node:fs'
import path from 'node:path'
import {
  constructFromEvents,
  CORE_SCHEMA,
  EVENT_ID,
  mergeTag,
  parseEvents,
  YAMLException,
  type Event,
} from 'js-yaml'
import type { Problem } from '../problems.js'
import { UserError } from '../problems.js'
import { checkAliases, MAX_ALIAS_NODES } from './aliases.js'
import { confinedPath, confinement, type Confinement } from './confine.js'
import { displayPath, findDefinitionFiles, fsError, kindOf } from './find-files.js'
import { nonPrintable, pyyamlRefusal } from './pyyaml-compat.js'
import { indexPositions, LineMap, type PositionIndex } from './positions.js'

export interface LoadedFile {
  /** Path as the user should see it (relative to the working directory when inside it). */
  file: string
  /** Absolute path, for what the file refers to (`file:` urls). */
  absolutePath: string
  data: unknown
  positions: PositionIndex
  lines: LineMap
}

export interface LoadResult {
  files: LoadedFile[]
  /** Files that could not be parsed (one problem each) and warnings about skipped entries. */
  problems: Problem[]
  /** How many files were read. */
  read: number
}

/** A definition file larger than this is not a catalog (the largest known is ~100 KB). */
export const MAX_FILE_BYTES = 8 * 1024 * 1024

// Merge keys (`<<: *common`) as PyYAML's safe_load reads them; otherwise the core schema.
const schema = CORE_SCHEMA.withTags(mergeTag)

/** A problem at the first line of a file that is not read. */
const fileProblem = (file: string, message: string): Problem => ({
  severity: 'error',
  file,
  line: 1,
  column: 1,
  message,
})

/**
 * The bytes of a regular file; never blocks on a FIFO swapped in after the
 * directory scan, nor follows a symlink swapped in after `confinedPath`. A
 * file over the size cap is an invalid definition, not read. Synchronous: a
 * catalog is a few small local files, and each asynchronous step (open, stat,
 * read, close) waited for the thread pool.
 */
function readRegularFile(real: string, shown: string): Uint8Array | Problem {
  let fd
  try {
    fd = openSync(real, constants.O_RDONLY | constants.O_NONBLOCK | constants.O_NOFOLLOW)
  } catch (error) {
    throw fsError('read', shown, error)
  }
  try {
    const info = fstatSync(fd)
    if (!info.isFile()) {
      throw new UserError(`Cannot read '${shown}': it is ${kindOf(info)}, not a definition file.`)
    }
    if (info.size > MAX_FILE_BYTES) {
      return fileProblem(
        shown,
        `the file has ${info.size} bytes, more than the ${MAX_FILE_BYTES} a definition file may have: split it into several files`,
      )
    }
    return readFileSync(fd)
  } catch (error) {
    if (error instanceof UserError) throw error
    throw fsError('read', shown, error)
  } finally {
    closeSync(fd)
  }
}

/** The text of a file inside the catalog, or the problem why it is not read. */
function readDefinitionFile(
  absolute: string,
  shown: string,
  within: Confinement,
): string | Problem {
  const real = confinedPath(absolute, within)
  if (real === undefined) {
    return fileProblem(
      shown,
      'this is a symlink to a file outside the definitions directory and its repository (or inside .git): it is not read; put the definition file itself here',
    )
  }
  const bytes = readRegularFile(real, shown)
  return bytes instanceof Uint8Array ? decodeDefinitionFile(shown, bytes) : bytes
}

/** The longest prefix that is valid UTF-8 (a character cut at the end counts as valid). */
function validPrefixLength(bytes: Uint8Array): number {
  let lo = 0
  let hi = bytes.length
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1
    try {
      new TextDecoder('utf-8', { fatal: true }).decode(bytes.subarray(0, mid), { stream: true })
      lo = mid
    } catch {
      hi = mid - 1
    }
  }
  return lo
}

/** The text of a file, or a problem at the line of its first byte that is not UTF-8. */
export function decodeDefinitionFile(file: string, bytes: Uint8Array): string | Problem {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes)
  } catch {
    const bad = validPrefixLength(bytes)
    const before = new TextDecoder('utf-8').decode(bytes.subarray(0, bad), { stream: true })
    const at = new LineMap(before).locate(before.length)
    return {
      severity: 'error',
      file,
      ...at,
      message: `byte ${bad + 1} is not valid UTF-8: save the file as UTF-8`,
      sourceLine: new LineMap(new TextDecoder('utf-8').decode(bytes)).lineText(at.line),
    }
  }
}

const INDENTED_MARKER =
  'YAML: a document marker (--- or ...) must start its line; PyYAML, which the old tool used, refuses it indented: remove the spaces before it, or the marker'

/**
 * The offset of a `---` or `...` that stands indented in the first content line
 * (after blank lines, comments and directives), else 0. js-yaml takes it for
 * the document's start; PyYAML reads a plain scalar and then fails.
 */
function indentedMarker(text: string): number {
  const head =
    /^(?:\ufeff)?(?:[ \t]*(?:[#%][^\n]*)?\r?\n)*([ \t]+)(?:---|\.\.\.)(?=[ \t\r\n]|$)/.exec(text)
  return head ? head[0].length - 3 : 0
}

/** Parses one file. YAML errors become problems; the file is then skipped. */
export function parseDefinitionFile(
  file: string,
  text: string,
  absolutePath = path.resolve(file),
): LoadedFile | Problem {
  const lines = new LineMap(text)
  const problem = (offsetOrLine: { line: number; column: number }, message: string): Problem => ({
    severity: 'error',
    file,
    ...offsetOrLine,
    message,
    sourceLine: lines.lineText(offsetOrLine.line),
  })
  const indented = indentedMarker(text)
  if (indented) return problem(lines.locate(indented), INDENTED_MARKER)
  const control = nonPrintable(text)
  if (control) return problem(lines.locate(control.offset), control.message)
  let events: Event[]
  try {
    events = parseEvents(text, { filename: file })
    if (events.length === 0) {
      return problem({ line: 1, column: 1 }, 'The file is empty: it needs an `images:` list.')
    }
    let documents = 0
    for (const e of events) if (e.type === EVENT_ID.DOCUMENT) documents++
    if (documents > 1) {
      return problem(
        { line: 1, column: 1 },
        'The file holds several YAML documents (---): keep one.',
      )
    }
    const refused = pyyamlRefusal(text, events)
    if (refused) return problem(lines.locate(refused.offset), refused.message)
    const aliasProblem = checkAliases(text, events)
    if (aliasProblem) return problem(lines.locate(aliasProblem.offset), aliasProblem.message)
    const [data] = constructFromEvents(events, {
      source: text,
      filename: file,
      schema,
      // Merges are bounded with all other aliases by checkAliases.
      maxTotalMergeKeys: MAX_ALIAS_NODES,
    })
    if (data === null || data === undefined) {
      return problem({ line: 1, column: 1 }, 'The file is empty: it needs an `images:` list.')
    }
    return { file, absolutePath, data, positions: indexPositions(text, events), lines }
  } catch (error) {
    if (error instanceof YAMLException) {
      const mark = error.mark
      const at = mark ? { line: mark.line + 1, column: mark.column + 1 } : { line: 1, column: 1 }
      return problem(at, `YAML: ${error.reason}`)
    }
    throw error
  }
}

export async function loadDefinitionFiles(spec: string, cwd = process.cwd()): Promise<LoadResult> {
  const found = await findDefinitionFiles(spec, cwd)
  const within = confinement(found.root)
  const result: LoadResult = { files: [], problems: [...found.skipped], read: found.paths.length }
  for (const absolute of found.paths) {
    // Between files, the event loop serves what runs alongside (plan's token and listing).
    await new Promise<void>((resolve) => setImmediate(resolve))
    const shown = displayPath(absolute, cwd)
    const text = readDefinitionFile(absolute, shown, within)
    const parsed = typeof text === 'string' ? parseDefinitionFile(shown, text, absolute) : text
    if ('data' in parsed) result.files.push(parsed)
    else result.problems.push(parsed)
  }
  return result
}
