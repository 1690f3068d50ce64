// What a `file:` url of a definition means, decided in one place for the
// validator and the downloader: a local path, percent-decoded, without a host,
// relative to the directory of the definition file and never outside it (also
// not through `..`, an encoded slash or a symlink).
import { lstat, realpath } from 'node:fs/promises'
import path from 'node:path'

export type FileUrlMeaning =
  | { ok: true; path: string }
  /** `reason` completes "url 'file:…' …", e.g. "names a host ('x'): …". */
  | { ok: false; reason: string; missing?: true }

const CONTROL = /\p{Cc}/u

const refuse = (reason: string): FileUrlMeaning => ({ ok: false, reason })

/** Whether `target` lies strictly inside `root` (both absolute and normalized). */
function inside(root: string, target: string): boolean {
  const rel = path.relative(root, target)
  return rel !== '' && rel !== '..' && !rel.startsWith(`..${path.sep}`) && !path.isAbsolute(rel)
}

const outside = (root: string): FileUrlMeaning =>
  refuse(
    `points outside ${root}, the directory of its definition file: keep local images inside it`,
  )

/**
 * The path a `file:` url names, checked without touching the disk: `file:x.img`
 * and `file:sub/x.img` are relative to `baseDir`, `file:///abs/x.img` is
 * absolute; either must lie inside `root` (default: `baseDir`).
 */
export function resolveFileUrl(url: string, baseDir: string, root = baseDir): FileUrlMeaning {
  if (!url.startsWith('file:')) return refuse('is not a file: url')
  let rest = url.slice('file:'.length)
  if (rest.startsWith('//')) {
    const slash = rest.indexOf('/', 2)
    const host = rest.slice(2, slash < 0 ? undefined : slash)
    if (host !== '') {
      return refuse(
        `names a host ('${host.slice(0, 64)}'): a file: url must be a local path such as file:images/x.qcow2`,
      )
    }
    rest = slash < 0 ? '' : rest.slice(slash)
  }
  if (/[?#]/.test(rest)) {
    return refuse('holds ? or #: write them percent-encoded (%3F, %23) if the file name has them')
  }
  let decoded: string
  try {
    decoded = decodeURIComponent(rest)
  } catch {
    return refuse('has a malformed percent-escape: write % as %25')
  }
  if (decoded === '') return refuse('names no file: write file:<path relative to the definition>')
  if (CONTROL.test(decoded)) return refuse('holds control characters once decoded')
  const base = path.resolve(baseDir)
  const resolved = path.resolve(base, decoded)
  const top = path.resolve(root)
  if (!inside(top, resolved)) return outside(top)
  return { ok: true, path: resolved }
}

/** The real path of `p` with symlinks resolved; a missing tail is kept as written. */
async function realPathOf(p: string): Promise<string> {
  let existing = p
  const tail: string[] = []
  for (;;) {
    try {
      return path.join(await realpath(existing), ...tail.reverse())
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code
      const parent = path.dirname(existing)
      if ((code !== 'ENOENT' && code !== 'ENOTDIR') || parent === existing) throw error
      tail.push(path.basename(existing))
      existing = parent
    }
  }
}

export interface FileUrlCheck {
  /** The file must exist and be a regular file (to read it), not only stay inside. */
  mustExist?: boolean
}

/**
 * `resolveFileUrl`, then symlinks resolved: the real path must stay inside the
 * real `root`. With `mustExist` the result is a regular file that exists (a
 * FIFO or device would stall the reader). Never throws.
 */
export async function checkFileUrl(
  url: string,
  baseDir: string,
  root = baseDir,
  check: FileUrlCheck = {},
): Promise<FileUrlMeaning> {
  const lexical = resolveFileUrl(url, baseDir, root)
  if (!lexical.ok) return lexical
  let real: string
  let realRoot: string
  try {
    realRoot = await realPathOf(path.resolve(root))
    real = await realPathOf(lexical.path)
  } catch (error) {
    return refuse(`cannot be resolved: ${(error as NodeJS.ErrnoException).code ?? 'error'}`)
  }
  if (!inside(realRoot, real)) return outside(path.resolve(root))
  if (check.mustExist) {
    const info = await lstat(real).catch(() => null)
    if (!info)
      return { ok: false, reason: `names ${lexical.path}, which does not exist`, missing: true }
    if (!info.isFile()) return refuse(`names ${lexical.path}, which is not a regular file`)
  }
  return { ok: true, path: real }
}

/** For readers: the real path of a `file:` url, or an error saying why it may not be read. */
export async function readableFileUrlPath(url: string, baseDir: string): Promise<string> {
  const meaning = await checkFileUrl(url, baseDir, baseDir, { mustExist: true })
  if (meaning.ok) return meaning.path
  const error = new Error(`url '${url.slice(0, 200)}' ${meaning.reason}`) as NodeJS.ErrnoException
  // Callers tell a missing source from a refused one as they would for fs errors.
  if (meaning.missing) error.code = 'ENOENT'
  throw error
}
