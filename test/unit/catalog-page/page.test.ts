// The catalog page: golden Markdown and HTML from a catalog with hostile names,
// the HTML read by a real HTML parser (no parse error, no script, no handler,
// every cell's text exactly the value), the Markdown read back by cmark-gfm.
import { mkdtemp, readFile, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { parse, parseFragment, type DefaultTreeAdapterMap } from 'parse5'
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import {
  catalogTable,
  NOT_IN_CLOUD,
  OLDER_BUILD,
  type CatalogTable,
} from '../../../src/catalog-page/table.js'
import { renderCatalogHtml } from '../../../src/catalog-page/render-html.js'
import { catalogCommand } from '../../../src/commands/catalog.js'
import { loadCatalog } from '../../../src/definitions/catalog.js'
import type { Definition } from '../../../src/definitions/types.js'
import { showInvisible } from '../../../src/escape/invisible.js'
import type { CloudImage } from '../../../src/plan/observed.js'
import type { Reporter } from '../../../src/reporter.js'
import { renderGfm } from '../../support/cmark-gfm.js'
import { expectGolden } from '../../support/golden.js'

type Node = DefaultTreeAdapterMap['node']
type Element = DefaultTreeAdapterMap['element']

const fixture = path.resolve(import.meta.dirname, '../../fixtures/catalog-page/catalog.yml')

const quiet = (): Reporter & { summaries: string[]; lines: string[] } => {
  const summaries: string[] = []
  const lines: string[] = []
  return {
    summaries,
    lines,
    info: (m) => void lines.push(m),
    warning() {},
    debug() {},
    problems() {},
    summary: async (m) => void summaries.push(m),
    secret() {},
  }
}

function elements(node: Node): Element[] {
  const children = 'childNodes' in node ? node.childNodes : []
  const content = 'content' in node ? [node.content as Node] : []
  const self = 'tagName' in node ? [node as Element] : []
  return [...self, ...[...children, ...content].flatMap(elements)]
}
const textOf = (node: Node): string =>
  'value' in node && node.nodeName === '#text'
    ? (node.value as string)
    : ('childNodes' in node ? node.childNodes : []).map(textOf).join('')

/** A hostile cell reads back as the value itself, invisible characters written out. */
const shown = (value: string): string => showInvisible(value)

let dir: string
let definitions: Definition[]
let html: string
let markdown: string
let table: CatalogTable

beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'catalog-page-'))
})
// Per test, not once: mutation testing credits a test only with the code run in it or its beforeEach.
beforeEach(async () => {
  const catalog = await loadCatalog({ images: fixture })
  expect(catalog.problems.filter((p) => p.severity === 'error')).toEqual([])
  definitions = catalog.definitions
  table = catalogTable(definitions)
  const reporter = quiet()
  const code = await catalogCommand(
    {
      images: fixture,
      strict: false,
      withCloud: false,
      tag: 'managed_by_osism',
      html: path.join(dir, 'index.html'),
      markdown: path.join(dir, 'catalog.md'),
    },
    reporter,
  )
  expect(code).toBe(0)
  html = await readFile(path.join(dir, 'index.html'), 'utf8')
  markdown = await readFile(path.join(dir, 'catalog.md'), 'utf8')
  expect(reporter.summaries).toEqual([markdown])
})
afterAll(() => rm(dir, { recursive: true, force: true }))

describe('the catalog table', () => {
  it('has every enabled build, sorted naturally, with the definition password', () => {
    expect(table.columns).toEqual([
      'Name',
      'Distribution',
      'Architecture',
      'Min disk / RAM',
      'Purpose',
      'Build date',
      'Rebuilt',
      'Support until',
      'Login',
      'Password',
      'Visibility',
    ])
    const names = table.rows.map((r) => r[0])
    expect(names.slice(0, 6)).toEqual([
      '&amp; &lt;b&gt; <!-- hidden --> ]]> | cell | @octocat #1',
      '</td></tr></table><p>broken',
      '<script>alert(1)</script>',
      'Cirros 0.6.2',
      'Cirros 0.6.10',
      'Image 9',
    ])
    expect(names).toContain('Image 10')
    expect(names).not.toContain('Disabled image')
    expect(names.indexOf('Image 9')).toBeLessThan(names.indexOf('Image 10'))
    expect(table.rows.find((r) => r[0] === 'Ubuntu 24.04 (20240416)')).toEqual([
      'Ubuntu 24.04 (20240416)',
      'ubuntu 24.04',
      'x86_64',
      '1 GiB / 512 MiB',
      'generic',
      '2024-04-16',
      'weekly',
      '2029-05-31',
      'ubuntu',
      '',
      'public',
    ])
    expect(table.rows.find((r) => r[0] === 'Cirros 0.6.2')?.[9]).toBe(`gocubs<go>&'"`)
  })

  it("shows endoflife.date's end of support beside provided_until where the data has one", () => {
    const asked: string[] = []
    const withEol = catalogTable(definitions, {
      endOfLife: (distro, release) => {
        asked.push(`${distro} ${release}`)
        return distro === 'ubuntu' && release === '24.04' ? '2029-05-31' : undefined
      },
    })
    const support = (name: string) => withEol.rows.find((r) => r[0] === name)?.[7]
    expect(support('Ubuntu 24.04')).toBe('2029-05-31; 2029-05-31 (endoflife.date)')
    expect(support('Image 9')).toBe('')
    expect(asked).toContain('debian 12')
  })

  it('shows UUIDs and the visibility in Glance when it has the cloud, what the cloud lacks, and older builds', () => {
    const image = (id: string, name: string, extra: Partial<CloudImage> = {}): CloudImage => ({
      id,
      name,
      status: 'active',
      visibility: 'public',
      tags: [],
      min_disk: 1,
      min_ram: 512,
      properties: {},
      ...extra,
    })
    const withCloud = catalogTable(definitions, {
      cloud: 'prod <b>',
      cloudImages: [
        image('b-id', 'Image 9', { visibility: 'community', os_hidden: true }),
        image('a-id', 'Image 9'),
        image('c-id', 'Cirros 0.6.10', { properties: { image_build_date: '2024-02-02' } }),
        image('d-id', 'Ubuntu 24.04 (20240101)', {
          visibility: 'community',
          min_disk: 2,
          properties: {
            image_description: 'Ubuntu 24.04',
            os_distro: 'ubuntu',
            os_version: '24.04',
            os_purpose: 'oldgeneric',
            image_build_date: '2024-01-01',
          },
        }),
        // Not a build of any definition: not on the page.
        image('e-id', 'Someone else', { properties: { image_description: 'Someone else' } }),
      ],
    })
    expect(withCloud.title).toBe('Images of prod <b>')
    expect(withCloud.columns.at(-1)).toBe('UUID')
    const row = (name: string) => withCloud.rows.find((r) => r[0] === name)
    expect(row('Image 9')?.slice(-2)).toEqual(['public, community (hidden)', 'a-id b-id'])
    expect(row('Image 10')?.at(-1)).toBe(NOT_IN_CLOUD)
    expect(row('Cirros 0.6.10')?.[5]).toBe('2024-02-02')
    expect(row('Ubuntu 24.04 (20240101)')).toEqual([
      'Ubuntu 24.04 (20240101)',
      'ubuntu 24.04',
      '',
      '2 GiB / 512 MiB',
      'oldgeneric',
      '2024-01-01',
      '',
      '',
      'ubuntu',
      '',
      `community, ${OLDER_BUILD}`,
      'd-id',
    ])
    expect(row('Someone else')).toBeUndefined()
    expect(withCloud.rows.every((r) => r.length === withCloud.columns.length)).toBe(true)
  })

  it("escapes the cloud's values of an older build: every cell reads back exactly", () => {
    const hostile = '</td><script>alert(1)</script><td onclick=x>'
    const withCloud = catalogTable(definitions, {
      cloudImages: [
        {
          id: '"><img src=x>',
          name: `Ubuntu 24.04 ${hostile}`,
          status: 'active',
          visibility: 'community<b>',
          tags: [],
          min_disk: 1,
          min_ram: 1,
          properties: {
            image_description: 'Ubuntu 24.04',
            os_purpose: hostile,
            replace_frequency: hostile,
            provided_until: hostile,
            architecture: hostile,
            os_distro: hostile,
          },
        },
      ],
    })
    const page = renderCatalogHtml(withCloud)
    const all = elements(parse(page))
    expect(all.some((e) => e.tagName === 'script' || e.tagName === 'img')).toBe(false)
    const handlers = all.flatMap((e) => e.attrs.map((a) => a.name)).filter((n) => /^on/.test(n))
    expect(handlers).toEqual([])
    const cells = all
      .filter((e) => e.tagName === 'tr')
      .map((r) =>
        elements(r)
          .filter((e) => e.tagName === 'td' || e.tagName === 'th')
          .map(textOf),
      )
    expect(cells).toEqual([withCloud.columns, ...withCloud.rows].map((r) => r.map(shown)))
    expect(cells.some((r) => r.includes(hostile))).toBe(true)
  })

  it('has no password column when no definition has a password', () => {
    const without = catalogTable(definitions.filter((d) => d.password === undefined))
    expect(without.columns).not.toContain('Password')
    expect(without.rows.every((r) => r.length === without.columns.length)).toBe(true)
  })
})

describe('the HTML page', () => {
  it('matches the golden file', () => {
    expectGolden('catalog-page/index.html', html)
  })

  it('is well-formed HTML: no parse error at all', () => {
    const errors: string[] = []
    parse(html, {
      onParseError: (e) => void errors.push(`${e.code} at ${e.startLine}:${e.startCol}`),
    })
    expect(errors).toEqual([])
  })

  it('has no script, no event handler, no outside resource; its policy forbids scripts', () => {
    const all = elements(parse(html))
    const tags = new Set(all.map((e) => e.tagName))
    expect([...tags].sort()).toEqual(
      [
        'body',
        'h1',
        'head',
        'html',
        'meta',
        'p',
        'style',
        'table',
        'tbody',
        'td',
        'th',
        'thead',
        'title',
        'tr',
      ].sort(),
    )
    const attributes = all.flatMap((e) => e.attrs.map((a) => `${e.tagName}[${a.name}]`))
    expect(attributes.filter((a) => /\[(on|src|href)/.test(a))).toEqual([])
    const policy = all
      .find((e) => e.attrs.some((a) => a.value === 'Content-Security-Policy'))
      ?.attrs.find((a) => a.name === 'content')?.value
    expect(policy).toMatch(/^default-src 'none';/)
    expect(policy).not.toMatch(/script-src/)
  })

  it('reads back every value exactly, one cell each', () => {
    const all = elements(parse(html))
    const rows = all.filter((e) => e.tagName === 'tr')
    expect(rows).toHaveLength(table.rows.length + 1)
    const cells = rows.map((r) =>
      elements(r)
        .filter((e) => e.tagName === 'td' || e.tagName === 'th')
        .map(textOf),
    )
    expect(cells).toEqual([table.columns, ...table.rows].map((r) => r.map(shown)))
  })

  it('writes out bidi overrides and controls from the cloud instead of passing them on', () => {
    const value = 'Ubuntu \u202egnp.exe\u202c\u0000\ud800 \ufffe'
    const page = renderCatalogHtml({ title: value, columns: ['Name'], rows: [[value]] })
    const errors: string[] = []
    const document = parse(page, { onParseError: (e) => void errors.push(e.code) })
    expect(errors).toEqual([])
    // eslint-disable-next-line no-control-regex -- the NUL is what must not be there
    expect(page).not.toMatch(/[\u202a-\u202e\u0000\ud800\ufffe]/)
    const cell = elements(document).find((e) => e.tagName === 'td') as Element
    expect(textOf(cell)).toBe('Ubuntu \\u202egnp.exe\\u202c\\x00\\ud800 \\ufffe')
  })

  it('escapes a hostile title too', () => {
    const page = renderCatalogHtml({ ...table, title: '</title><script>alert(1)</script>' })
    const title = elements(parse(page)).find((e) => e.tagName === 'title') as Element
    expect(textOf(title)).toBe('</title><script>alert(1)</script>')
    expect(elements(parse(page)).some((e) => e.tagName === 'script')).toBe(false)
  })
})

describe('the Markdown table', () => {
  it('matches the golden file', () => {
    expectGolden('catalog-page/catalog.md', markdown)
  })

  it('renders (cmark-gfm) as one table with exactly these cells, nothing else', () => {
    const fragment = parseFragment(renderGfm(markdown))
    const all = elements(fragment)
    expect([...new Set(all.map((e) => e.tagName))].sort()).toEqual(
      ['h2', 'p', 'table', 'tbody', 'td', 'th', 'thead', 'tr'].sort(),
    )
    const cells = all
      .filter((e) => e.tagName === 'tr')
      .map((r) =>
        elements(r)
          .filter((e) => e.tagName === 'td' || e.tagName === 'th')
          // The word joiner after @ and # stops mentions; it is not text.
          .map((c) =>
            textOf(c)
              .replace(/\u2060/g, '')
              .trim(),
          ),
      )
    expect(cells).toEqual([table.columns, ...table.rows].map((r) => r.map(shown)))
  })
})
