// Definition files are read only inside the catalog. A pull request may add a
// symlink named like a definition that leads to a runner's secrets
// (~/.git-credentials, /proc/self/environ, the checkout's .git/config): its
// real path must stay inside the `--images` root or the git repository that
// holds it, and never inside a `.git` directory. Such a file is not read at all.
import { existsSync, realpathSync } from 'node:fs'
import path from 'node:path'

export interface Confinement {
  /** Real paths a definition file may lie below. */
  roots: string[]
}

/** The nearest directory at or above `dir` that holds `.git` (the repository), if any. */
function repositoryOf(dir: string): string | undefined {
  for (let at = dir; ; at = path.dirname(at)) {
    if (existsSync(path.join(at, '.git'))) return at
    if (path.dirname(at) === at) return undefined
  }
}

/** The roots for files found below `root` (the `--images` directory, a file's or a glob's base). */
export function confinement(root: string): Confinement {
  const real = realpathSync(root)
  const repository = repositoryOf(real)
  return { roots: repository && repository !== real ? [real, repository] : [real] }
}

/** True when `child` is `parent` or below it, without passing a `.git` directory. */
function below(parent: string, child: string): boolean {
  const rel = path.relative(parent, child)
  if (rel === '') return true
  if (rel.startsWith('..') || path.isAbsolute(rel)) return false
  return !rel.split(path.sep).includes('.git')
}

/**
 * The real path of a definition file when it lies inside the confinement, else
 * undefined (it must not be read). A path that cannot be resolved is returned
 * as it is, so that reading it fails with the filesystem's reason.
 */
export function confinedPath(absolute: string, { roots }: Confinement): string | undefined {
  let real: string
  try {
    real = realpathSync(absolute)
  } catch {
    return absolute
  }
  return roots.some((root) => below(root, real)) ? real : undefined
}
