// Which files `--images` names: a file, a directory or a glob. Only regular
// files are definition files: a FIFO named a.yml would block the reader
// forever, a directory named x.yml cannot be read. Filesystem errors are the
// user's to fix, so they name the path and exit 2.
import { readdir, stat } from 'node:fs/promises'
import path from 'node:path'
import { UserError, type Problem } from '../problems.js'

export interface FoundFiles {
  /** Absolute paths of the files to read, sorted. */
  paths: string[]
  /** Warnings about entries that look like definitions but are not files, or directories that could not be read. */
  skipped: Problem[]
  /** The directory the files were found in: `--images` itself, a file's directory or a glob's base. */
  root: string
}

const isYaml = (name: string): boolean => /\.ya?ml$/i.test(name)

/** Path as the user should see it (relative to the working directory when inside it). */
export function displayPath(p: string, cwd: string): string {
  const rel = path.relative(cwd, p)
  return rel && !rel.startsWith(`..${path.sep}`) && rel !== '..' && !path.isAbsolute(rel) ? rel : p
}

const REASONS: Record<string, string> = {
  EACCES: 'permission denied',
  EPERM: 'operation not permitted',
  ELOOP: 'too many levels of symbolic links (a symlink loop?)',
  EISDIR: 'it is a directory',
  ENOTDIR: 'a part of the path is not a directory',
  ENAMETOOLONG: 'the name is too long',
  EMFILE: 'too many open files',
  EIO: 'input/output error',
}

/** Why the filesystem refused, in words, for an error message. */
export function fsReason(error: unknown): string {
  const code = (error as NodeJS.ErrnoException | undefined)?.code
  return (code && REASONS[code]) ?? code ?? String(error)
}

/** A usage error (exit 2) for a path the filesystem refused. */
export const fsError = (verb: string, shown: string, error: unknown): UserError =>
  new UserError(`Cannot ${verb} '${shown}': ${fsReason(error)}.`)

/** What kind of thing is not a regular file, for messages. */
export function kindOf(info: {
  isDirectory(): boolean
  isFIFO(): boolean
  isSocket(): boolean
}): string {
  if (info.isDirectory()) return 'a directory'
  if (info.isFIFO()) return 'a FIFO (named pipe)'
  if (info.isSocket()) return 'a socket'
  return 'not a regular file'
}

const skip = (shown: string, message: string): Problem => ({
  severity: 'warning',
  file: shown,
  line: 1,
  column: 1,
  message,
})

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

/**
 * The entries below `base` that may match, down to `depth` directory levels
 * (Infinity for `**`). Symlinked directories are not entered (no loops); a
 * directory that cannot be read is a warning, not the end of the walk.
 */
async function walk(
  base: string,
  depth: number,
  cwd: string,
  skipped: Problem[],
  files: Set<string>,
): Promise<string[]> {
  const out: string[] = []
  const pending: [string, number][] = [[base, 0]]
  for (let next = pending.pop(); next; next = pending.pop()) {
    const [dir, level] = next
    let entries
    try {
      entries = await readdir(dir, { withFileTypes: true })
    } catch (error) {
      if (dir === base) throw fsError('read the directory', displayPath(dir, cwd), error)
      skipped.push(
        skip(
          displayPath(dir, cwd),
          `skipped: cannot read this directory (${fsReason(error)}), so definitions in it are not checked`,
        ),
      )
      continue
    }
    for (const entry of entries) {
      const full = path.join(dir, entry.name)
      // A directory is also a candidate: one named like a definition file gets a warning.
      if (entry.isDirectory() && level < depth) pending.push([full, level + 1])
      if (entry.isFile()) files.add(full)
      out.push(full)
    }
  }
  return out
}

/**
 * Keeps regular files; other entries named like definitions become warnings.
 * `files` are those the directory listing showed as regular files: no stat
 * for them (symlinks and the rest are followed by one).
 */
async function regularFiles(
  candidates: string[],
  cwd: string,
  skipped: Problem[],
  files: ReadonlySet<string>,
): Promise<string[]> {
  const paths: string[] = []
  for (const p of candidates) {
    if (files.has(p)) {
      paths.push(p)
      continue
    }
    const shown = displayPath(p, cwd)
    let info
    try {
      info = await stat(p)
    } catch (error) {
      throw fsError('read', shown, error)
    }
    if (info.isFile()) paths.push(p)
    else skipped.push(skip(shown, `skipped: ${kindOf(info)}, not a definition file`))
  }
  return paths
}

/**
 * The definition files named by `spec`: a file, a directory (its `*.yml` and
 * `*.yaml`, not recursive) or a glob (`etc/images/*.yml`, `catalog/**\/*.yaml`).
 */
export async function findDefinitionFiles(spec: string, cwd = process.cwd()): Promise<FoundFiles> {
  const abs = path.resolve(cwd, spec)
  if (/[*?]/.test(spec)) return globFiles(spec, abs, cwd)
  let info
  try {
    info = await stat(abs)
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') {
      throw new UserError(`Definition path '${spec}' does not exist.`)
    }
    throw fsError('read', spec, error)
  }
  if (info.isFile()) return { paths: [abs], skipped: [], root: path.dirname(abs) }
  if (!info.isDirectory()) {
    throw new UserError(`Cannot read '${spec}': it is ${kindOf(info)}, not a definition file.`)
  }
  return directoryFiles(spec, abs, cwd)
}

/** For a message that nothing was found: the files that were skipped, if any. */
function skippedHint(skipped: readonly Problem[]): string {
  return skipped.length ? ` (skipped: ${skipped.map((s) => s.file).join(', ')})` : ''
}

/** The YAML files a glob matches, walking down from its last directory without wildcards. */
async function globFiles(spec: string, abs: string, cwd: string): Promise<FoundFiles> {
  const skipped: Problem[] = []
  const firstGlob = abs.search(/[*?]/)
  const base = abs.slice(0, abs.lastIndexOf(path.sep, firstGlob) + 1) || path.sep
  const rest = abs.slice(base.length)
  const depth = rest.includes('**') ? Infinity : rest.split(path.sep).length - 1
  const pattern = globToRegExp(abs)
  const info = await stat(base).catch((error: unknown) => error as NodeJS.ErrnoException)
  if (info instanceof Error) {
    if (info.code === 'ENOENT') throw new UserError(`No definition files match '${spec}'.`)
    throw fsError('read the directory', displayPath(base, cwd), info)
  }
  const files = new Set<string>()
  const candidates = (await walk(base, depth, cwd, skipped, files)).filter(
    (f) => pattern.test(f) && isYaml(f),
  )
  const paths = await regularFiles(candidates, cwd, skipped, files)
  if (paths.length === 0)
    throw new UserError(`No definition files match '${spec}'${skippedHint(skipped)}.`)
  return { paths: paths.sort(), skipped, root: base }
}

/** A directory's `*.yml` and `*.yaml` files, not recursive. */
async function directoryFiles(spec: string, abs: string, cwd: string): Promise<FoundFiles> {
  const skipped: Problem[] = []
  const files = new Set<string>()
  let names: string[]
  try {
    const entries = await readdir(abs, { withFileTypes: true })
    for (const entry of entries) if (entry.isFile()) files.add(path.join(abs, entry.name))
    names = entries
      .map((entry) => entry.name)
      .filter(isYaml)
      .sort()
  } catch (error) {
    throw fsError('read the directory', spec, error)
  }
  const paths = await regularFiles(
    names.map((n) => path.join(abs, n)),
    cwd,
    skipped,
    files,
  )
  if (paths.length === 0) {
    throw new UserError(
      `No *.yml or *.yaml files in '${spec}'${skippedHint(skipped)}: point --images at your definitions.`,
    )
  }
  return { paths, skipped, root: abs }
}
