// Reads definition files and parses them into data plus a position index.
import { readdir, readFile, stat } from 'node:fs/promises'
import path from 'node:path'
import { constructFromEvents, EVENT_ID, parseEvents, YAMLException, type Event } from 'js-yaml'
import type { Problem } from '../problems.js'
import { UserError } from '../problems.js'
import { indexPositions, LineMap, type PositionIndex } from './positions.js'

export interface LoadedFile {
  /** Path as the user should see it (relative to the working directory when inside it). */
  file: string
  data: unknown
  positions: PositionIndex
  lines: LineMap
}

export interface LoadResult {
  files: LoadedFile[]
  problems: Problem[]
}

const isYaml = (name: string): boolean => /\.ya?ml$/i.test(name)

function displayPath(p: string, cwd: string): string {
  const rel = path.relative(cwd, p)
  return rel && !rel.startsWith('..') && !path.isAbsolute(rel) ? rel : p
}

/** Escapes a path for use in a RegExp, turning `*`, `**` and `?` into patterns. */
function globToRegExp(glob: string): RegExp {
  let re = ''
  for (let i = 0; i < glob.length; i++) {
    const c = glob[i] as string
    if (c === '*' && glob[i + 1] === '*') {
      re += '.*'
      i++
      if (glob[i + 1] === '/') i++
    } else if (c === '*') re += '[^/]*'
    else if (c === '?') re += '[^/]'
    else re += c.replace(/[.+^${}()|[\]\\]/g, '\\$&')
  }
  return new RegExp(`^${re}$`)
}

async function walk(dir: string): Promise<string[]> {
  const out: string[] = []
  for (const entry of await readdir(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name)
    if (entry.isDirectory()) out.push(...(await walk(full)))
    else out.push(full)
  }
  return out
}

/**
 * The definition files named by `spec`: a file, a directory (its `*.yml` and
 * `*.yaml`, not recursive) or a glob (`etc/images/*.yml`, `catalog/**\/*.yaml`).
 */
export async function resolveDefinitionFiles(spec: string, cwd = process.cwd()): Promise<string[]> {
  const abs = path.resolve(cwd, spec)
  if (/[*?]/.test(spec)) {
    const firstGlob = abs.search(/[*?]/)
    const base = abs.slice(0, abs.lastIndexOf(path.sep, firstGlob) + 1) || path.sep
    const pattern = globToRegExp(abs)
    const found = (await walk(base).catch(() => [])).filter((f) => pattern.test(f) && isYaml(f))
    if (found.length === 0) throw new UserError(`No definition files match '${spec}'.`)
    return found.sort()
  }
  const info = await stat(abs).catch(() => null)
  if (!info) throw new UserError(`Definition path '${spec}' does not exist.`)
  if (info.isFile()) return [abs]
  const names = (await readdir(abs)).filter(isYaml).sort()
  if (names.length === 0) {
    throw new UserError(
      `No *.yml or *.yaml files in '${spec}': point --images at your definitions.`,
    )
  }
  return names.map((n) => path.join(abs, n))
}

/** Parses one file. YAML errors become problems; the file is then skipped. */
export function parseDefinitionFile(file: string, text: string): LoadedFile | Problem {
  const lines = new LineMap(text)
  const problem = (offsetOrLine: { line: number; column: number }, message: string): Problem => ({
    severity: 'error',
    file,
    ...offsetOrLine,
    message,
    sourceLine: lines.lineText(offsetOrLine.line),
  })
  let events: Event[]
  try {
    events = parseEvents(text, { filename: file })
    if (events.length === 0) {
      return problem({ line: 1, column: 1 }, 'The file is empty: it needs an `images:` list.')
    }
    const documents = events.filter((e) => e.type === EVENT_ID.DOCUMENT).length
    if (documents > 1) {
      return problem(
        { line: 1, column: 1 },
        'The file holds several YAML documents (---): keep one.',
      )
    }
    const [data] = constructFromEvents(events, { source: text, filename: file })
    if (data === null || data === undefined) {
      return problem({ line: 1, column: 1 }, 'The file is empty: it needs an `images:` list.')
    }
    return { file, data, positions: indexPositions(text, events), lines }
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
  const paths = await resolveDefinitionFiles(spec, cwd)
  const texts = await Promise.all(paths.map((p) => readFile(p, 'utf8')))
  const result: LoadResult = { files: [], problems: [] }
  paths.forEach((p, i) => {
    const parsed = parseDefinitionFile(displayPath(p, cwd), texts[i] as string)
    if ('data' in parsed) result.files.push(parsed)
    else result.problems.push(parsed)
  })
  return result
}
