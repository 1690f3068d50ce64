// The layering of src/ as docs/architecture.md writes it, enforced on every
// relative import: none climbs a floor, none crosses a floor unless the doc
// says so, no file is in an import cycle, and every room of src/ has a row.
import { existsSync, readdirSync, readFileSync } from 'node:fs'
import path from 'node:path'
import ts from 'typescript'
import { describe, expect, it } from 'vitest'

const root = path.resolve(import.meta.dirname, '../..')
const src = path.join(root, 'src')
const doc = path.join(root, 'docs/architecture.md')

interface Room {
  floor: number
  /** Rooms on the same floor this one may import. */
  sameFloor: string[]
}

const codeNames = (cell: string): string[] => [...cell.matchAll(/`([^`]+)`/g)].map((m) => m[1]!)

/** The `| floor | room | holds | may also import on its floor |` table of the doc. */
function readLayering(markdown: string): Map<string, Room> {
  const lines = markdown.split('\n')
  const header = lines.findIndex((l) => /^\|\s*floor\s*\|\s*room\s*\|/.test(l))
  if (header < 0) throw new Error('docs/architecture.md has no "| floor | room |" table')
  const rooms = new Map<string, Room>()
  for (const line of lines.slice(header + 2)) {
    if (!line.startsWith('|')) break
    const [floorCell = '', roomCell = '', , sameCell = ''] = line.split('|').slice(1, -1)
    const floor = Number(floorCell.trim())
    const names = codeNames(roomCell)
    if (!Number.isInteger(floor) || names.length !== 1) throw new Error(`Bad row: ${line}`)
    if (rooms.has(names[0]!)) throw new Error(`Room ${names[0]} has two rows`)
    rooms.set(names[0]!, { floor, sameFloor: codeNames(sameCell) })
  }
  for (const [name, room] of rooms) {
    for (const other of room.sameFloor) {
      if (rooms.get(other)?.floor !== room.floor) {
        throw new Error(`${name} may import ${other}, which is not a room on its floor`)
      }
    }
  }
  return rooms
}

/** Every .ts/.js file under `dir`, generated code left out (it is not written by hand). */
function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name)
    if (entry.isDirectory()) return sourceFiles(full)
    return /\.(ts|js)$/.test(entry.name) && !entry.name.endsWith('.generated.js') ? [full] : []
  })
}

/** The file a relative specifier names, as Node (for .js) and TypeScript (for .ts) find it. */
function resolveImport(from: string, specifier: string): string | undefined {
  const base = path.resolve(path.dirname(from), specifier)
  const candidates = specifier.endsWith('.js')
    ? [base.replace(/\.js$/, '.ts'), base]
    : path.extname(specifier)
      ? [base]
      : [`${base}.ts`, `${base}.js`, path.join(base, 'index.ts')]
  return candidates.find((c) => existsSync(c))
}

interface Import {
  from: string
  specifier: string
  /** Absent when the specifier names no file. */
  to?: string
}

/** The relative imports of a file, as TypeScript reads them (so none from strings or comments). */
function importsOf(file: string): Import[] {
  const info = ts.preProcessFile(readFileSync(file, 'utf8'), true, true)
  return info.importedFiles
    .map((i) => i.fileName)
    .filter((specifier) => specifier.startsWith('./') || specifier.startsWith('../'))
    .map((specifier) => {
      const to = resolveImport(file, specifier)
      return to ? { from: file, specifier, to } : { from: file, specifier }
    })
}

const relative = (file: string): string => path.relative(src, file).split(path.sep).join('/')

/** `action/` for src/action/run.ts, `problems.ts` for src/problems.ts. */
function roomOf(file: string): string {
  const [first = '', ...rest] = relative(file).split('/')
  return rest.length > 0 ? `${first}/` : first
}

/** `a.ts → b.ts` for every import the table does not allow. */
function layeringViolations(
  rooms: ReadonlyMap<string, Room>,
  imports: readonly Import[],
): string[] {
  const wrong: string[] = []
  for (const { from, specifier, to } of imports) {
    const arrow = `${relative(from)} → ${to ? relative(to) : specifier}`
    if (!to) wrong.push(`${arrow} (no such file)`)
    else if (relative(to).startsWith('../')) {
      if (!to.endsWith('.json')) wrong.push(`${arrow} (leaves src/)`)
    } else {
      const a = rooms.get(roomOf(from))
      const b = rooms.get(roomOf(to))
      if (!a || !b || roomOf(from) === roomOf(to)) continue
      const allowed = a.floor > b.floor || (a.floor === b.floor && a.sameFloor.includes(roomOf(to)))
      if (!allowed) wrong.push(arrow)
    }
  }
  return wrong
}

/** Each file reachable from `start` in one step or more, and the file it was first reached from. */
function reachable(
  edges: ReadonlyMap<string, readonly string[]>,
  start: string,
): Map<string, string> {
  const parent = new Map<string, string>()
  const queue = [start]
  for (let i = 0; i < queue.length; i++) {
    const file = queue[i]!
    for (const next of edges.get(file) ?? []) {
      if (parent.has(next)) continue
      parent.set(next, file)
      if (next !== start) queue.push(next)
    }
  }
  return parent
}

/**
 * One shortest cycle per tangle (files that all reach each other), as
 * `a → b → a`, with how many more files the tangle holds.
 */
function importCycles(edges: ReadonlyMap<string, readonly string[]>): string[] {
  const reversed = new Map<string, string[]>()
  for (const [from, tos] of edges)
    for (const to of tos) reversed.set(to, [...(reversed.get(to) ?? []), from])
  const covered = new Set<string>()
  const cycles: string[] = []
  for (const file of [...edges.keys()].sort()) {
    const forward = reachable(edges, file)
    if (covered.has(file) || !forward.has(file)) continue
    const backward = reachable(reversed, file)
    const tangle = [...forward.keys()].filter((f) => backward.has(f))
    for (const f of tangle) covered.add(f)
    const cycle = [file]
    for (let at = forward.get(file)!; at !== file; at = forward.get(at)!) cycle.unshift(at)
    const more = tangle.length - cycle.length
    cycles.push(
      [file, ...cycle].map(relative).join(' → ') +
        (more ? ` (${more} more files in this tangle)` : ''),
    )
  }
  return cycles
}

const rooms = readLayering(readFileSync(doc, 'utf8'))
const files = sourceFiles(src)
const imports = files.flatMap(importsOf)

describe('architecture (docs/architecture.md)', () => {
  it('has a row for every folder and root file of src/, and none for anything else', () => {
    const present = readdirSync(src, { withFileTypes: true })
      .map((e) => (e.isDirectory() ? `${e.name}/` : e.name))
      .sort()
    expect(present.filter((name) => !rooms.has(name))).toEqual([])
    expect([...rooms.keys()].filter((name) => !present.includes(name))).toEqual([])
  })

  it('finds the imports TypeScript sees, and only those', () => {
    const sample = [
      "import a from './a.js'",
      "export { b } from '../b.js'",
      "const c = await import('./c.js')",
      "// import d from './d.js'",
      'const e = "import e from \'./e.js\'"',
      "import f from 'node:fs'",
    ].join('\n')
    const found = ts.preProcessFile(sample, true, true).importedFiles.map((i) => i.fileName)
    expect(found).toEqual(['./a.js', '../b.js', './c.js', 'node:fs'])
  })

  it('imports only from lower floors, or on the same floor where the table allows it', () => {
    expect(layeringViolations(rooms, imports)).toEqual([])
  })

  it('has no import cycle between files', () => {
    const edges = new Map<string, string[]>()
    for (const { from, to } of imports) {
      if (to && !relative(to).startsWith('../')) edges.set(from, [...(edges.get(from) ?? []), to])
    }
    expect(importCycles(edges)).toEqual([])
  })
})
