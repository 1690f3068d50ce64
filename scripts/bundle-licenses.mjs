// Writes the licence notices of every third-party package a bundle contains.
// ncc's own --license output misses some of them (js-yaml, @actions/github,
// ajv, the octokit packages), so the package list comes from the bundler's
// stats: node scripts/bundle-licenses.mjs STATS OUT
import { readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import path from 'node:path'

/** Every package folder whose files the bundle holds (nested copies too). */
function packageDirs(stats) {
  const dirs = new Set()
  const visit = (modules) => {
    for (const m of modules ?? []) {
      const id = m.name ?? m.identifier ?? ''
      const match = /^(.*node_modules\/(?:@[^/]+\/)?[^/]+)\//.exec(id.replace(/^\.\//, ''))
      if (match) dirs.add(match[1])
      visit(m.modules)
    }
  }
  visit(stats.modules)
  for (const chunk of stats.chunks ?? []) visit(chunk.modules)
  return [...dirs]
}

/** One notice: name, version, licence, and the licence text the package ships. */
function notice(dir) {
  const pkg = JSON.parse(readFileSync(path.join(dir, 'package.json'), 'utf8'))
  const file = readdirSync(dir).find((f) => /^(licen[cs]e|copying)(\.|$)/i.test(f))
  const text = file
    ? readFileSync(path.join(dir, file), 'utf8').trim()
    : '(no licence file shipped)'
  return {
    key: `${pkg.name}@${pkg.version}`,
    body: `${pkg.name} ${pkg.version}\n${pkg.license ?? ''}\n${text}`,
  }
}

const [statsFile, out] = process.argv.slice(2)
const stats = JSON.parse(readFileSync(statsFile, 'utf8'))
const notices = new Map(
  packageDirs(stats)
    .map((dir) => notice(dir))
    .map((n) => [n.key, n.body]),
)
const sorted = [...notices.keys()].sort().map((k) => notices.get(k))
writeFileSync(out, `${sorted.join('\n\n')}\n`)
rmSync(statsFile)
