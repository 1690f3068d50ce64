// The bundle a test runs as the product: dist/ when it is newer than every
// source file, else the same ncc build (as `npm run build` makes it) into the
// test's own directory, so a test never runs stale code and never rewrites the
// shared dist/.
import { execFile } from 'node:child_process'
import { readdir, stat } from 'node:fs/promises'
import path from 'node:path'
import { promisify } from 'node:util'

const root = path.resolve(import.meta.dirname, '../..')

/** Newest modification time under `dir` (recursively), in ms. */
async function newest(dir: string): Promise<number> {
  let latest = 0
  for (const entry of await readdir(dir, { withFileTypes: true })) {
    const file = path.join(dir, entry.name)
    latest = Math.max(latest, entry.isDirectory() ? await newest(file) : (await stat(file)).mtimeMs)
  }
  return latest
}

/** `source` e.g. src/cli/index.ts, `dist` e.g. dist/cli (both relative to the project). */
export async function freshBundle(source: string, dist: string, workDir: string): Promise<string> {
  const built = await stat(path.join(root, dist, 'index.js'))
    .then((s) => s.mtimeMs)
    .catch(() => 0)
  if (built > (await newest(path.join(root, 'src')))) return path.join(root, dist, 'index.js')
  const out = path.join(workDir, 'bundle', dist)
  await promisify(execFile)(
    path.join(root, 'node_modules/.bin/ncc'),
    ['build', source, '-o', out, '--minify', '--target', 'es2022', '--quiet'],
    { cwd: root },
  )
  return path.join(out, 'index.js')
}
