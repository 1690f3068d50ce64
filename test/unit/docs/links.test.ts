// Every relative link of the README, CONTRIBUTING.md and docs/ must reach a file that exists,
// and an #anchor a heading of that file (GitHub's anchor rules); web links are only checked
// for their form, since the tests never reach the internet.
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { anchors, links, slug } from './markdown.js'

const root = path.resolve(import.meta.dirname, '../../..')
const docs = readdirSync(path.join(root, 'docs'))
  .filter((name) => name.endsWith('.md'))
  .map((name) => `docs/${name}`)
const files = ['README.md', 'CONTRIBUTING.md', ...docs]

const read = (file: string): string => readFileSync(path.join(root, file), 'utf8')
const anchorsOf = new Map<string, Set<string>>()
function anchorsIn(file: string): Set<string> {
  let found = anchorsOf.get(file)
  if (!found) anchorsOf.set(file, (found = anchors(read(file))))
  return found
}

/** What is wrong with one link of `file`, or undefined when it leads somewhere. */
function problem(file: string, target: string): string | undefined {
  if (/^[a-z][a-z0-9+.-]*:/i.test(target)) return webLinkProblem(target)
  const hash = target.indexOf('#')
  const filePart = hash < 0 ? target : target.slice(0, hash)
  const anchor = hash < 0 ? undefined : decodeURIComponent(target.slice(hash + 1))
  if (filePart.startsWith('/')) return 'is absolute: write it relative to the file'
  const resolved =
    filePart === ''
      ? file
      : path.normalize(path.join(path.dirname(file), decodeURIComponent(filePart)))
  if (resolved.startsWith('..')) return 'leaves the repository'
  if (!existsSync(path.join(root, resolved))) return `names ${resolved}, which does not exist`
  if (anchor === undefined) return undefined
  if (!resolved.endsWith('.md') || statSync(path.join(root, resolved)).isDirectory()) {
    return `has an anchor on ${resolved}, which is no Markdown file`
  }
  if (!anchorsIn(resolved).has(anchor)) return `names #${anchor}, no heading of ${resolved}`
  return undefined
}

function webLinkProblem(target: string): string | undefined {
  let url: URL
  try {
    url = new URL(target)
  } catch {
    return 'is no well-formed url'
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') return `uses ${url.protocol}`
  if (url.hostname === '' || !url.hostname.includes('.')) return 'has no host name'
  return undefined
}

describe('documentation links', () => {
  it('are found in every file checked (the scan works)', () => {
    expect(files).toEqual(expect.arrayContaining(['docs/behaviour.md', 'docs/cli.md']))
    expect(links(read('README.md')).length).toBeGreaterThan(10)
  })

  it.each(files)('of %s lead to files and headings that exist', (file) => {
    const broken = links(read(file)).flatMap(({ target, line }) => {
      const why = problem(file, target)
      return why === undefined ? [] : [`${file}:${line}: link ${target} ${why}`]
    })
    expect(broken).toEqual([])
  })
})

describe('GitHub anchors', () => {
  it('lower-case the heading, turn spaces into dashes and drop other punctuation', () => {
    expect(slug('Are the urls still there? (`--check-urls`)')).toBe(
      'are-the-urls-still-there---check-urls',
    )
    expect(slug('12. Deliberate differences from openstack-image-manager')).toBe(
      '12-deliberate-differences-from-openstack-image-manager',
    )
    expect(slug('What runs, and with which permissions')).toBe(
      'what-runs-and-with-which-permissions',
    )
    expect(slug('os_purpose and [the recipe](x.md)')).toBe('os_purpose-and-the-recipe')
  })

  it('number repeated headings and skip code blocks', () => {
    const text = '# Title\n## Usage\n```sh\n# not a heading\n```\n## Usage\n## Usage\n'
    expect([...anchors(text)]).toEqual(['title', 'usage', 'usage-1', 'usage-2'])
  })

  it('are taken from links outside code only', () => {
    const text = 'See [a](a.md#x) and `[b](b.md)`.\n```md\n[c](c.md)\n```\n<https://example.org/>\n'
    expect(links(text)).toEqual([
      { target: 'a.md#x', line: 1 },
      { target: 'https://example.org/', line: 5 },
    ])
  })
})
