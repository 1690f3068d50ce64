// The bundles ship the licence notices of the third-party code they contain.
import { execFileSync } from 'node:child_process'
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { describe, expect, it } from 'vitest'

const root = path.resolve(import.meta.dirname, '../../..')
const read = (file: string): string => readFileSync(path.join(root, file), 'utf8')
const names = (text: string): string[] =>
  [...text.matchAll(/^(@?[a-z0-9][\w.-]*(?:\/[\w.-]+)?) \d+\.\d+\.\d+\S*$/gm)].map(
    (m) => m[1] ?? '',
  )

describe('licence notices', () => {
  it('dist/licenses.txt names every runtime dependency of the action bundle', () => {
    const dependencies = Object.keys(JSON.parse(read('package.json')).dependencies as object)
    expect(names(read('dist/licenses.txt'))).toEqual(expect.arrayContaining(dependencies))
  })

  it('dist/cli/licenses.txt names what the CLI bundles: YAML, HTTP', () => {
    expect(names(read('dist/cli/licenses.txt'))).toEqual(
      expect.arrayContaining(['js-yaml', 'undici']),
    )
  })

  it('the script takes packages from the bundle stats, nested copies included, each once', () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'licenses-'))
    const pkg = (folder: string, name: string, version: string, licence?: string): void => {
      mkdirSync(path.join(dir, folder), { recursive: true })
      writeFileSync(
        path.join(dir, folder, 'package.json'),
        JSON.stringify({ name, version, license: 'MIT' }),
      )
      if (licence) writeFileSync(path.join(dir, folder, 'LICENSE'), licence)
    }
    pkg('node_modules/a', 'a', '1.0.0', 'A licence text')
    pkg('node_modules/@s/b', '@s/b', '2.0.0')
    pkg('node_modules/a/node_modules/c', 'c', '3.0.0', 'C licence text')
    const id = (p: string): string => `./${path.relative(process.cwd(), path.join(dir, p))}`
    const stats = {
      modules: [
        { name: id('node_modules/a/index.js') },
        { name: id('node_modules/a/lib.js'), modules: [{ name: id('node_modules/@s/b/x.js') }] },
      ],
      chunks: [{ modules: [{ name: id('node_modules/a/node_modules/c/c.js') }] }],
    }
    writeFileSync(path.join(dir, 'stats.json'), JSON.stringify(stats))
    const out = path.join(dir, 'licenses.txt')
    execFileSync('node', [
      path.join(root, 'scripts/bundle-licenses.mjs'),
      path.join(dir, 'stats.json'),
      out,
    ])
    const text = readFileSync(out, 'utf8')
    expect(names(text)).toEqual(['@s/b', 'a', 'c'])
    expect(text).toContain('A licence text')
    expect(text).toContain('C licence text')
    expect(text).toMatch(/@s\/b 2\.0\.0\nMIT\n\(no licence file shipped\)/)
  })
})
