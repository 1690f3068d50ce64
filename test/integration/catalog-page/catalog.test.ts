// The catalog page with --cloud against the real local Glance: every applied
// build shows the UUID Glance gave it and its visibility there; a definition
// the cloud lacks says so; a build the catalog no longer lists shows as an
// older build; with --eol-url (endoflife.date's v1 API on loopback) the
// support end of the release.
import { mkdir, readFile } from 'node:fs/promises'
import path from 'node:path'
import { parse, type DefaultTreeAdapterMap } from 'parse5'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { NOT_IN_CLOUD, OLDER_BUILD } from '../../../src/catalog-page/table.js'
import { applyCommand } from '../../../src/commands/apply.js'
import { catalogCommand } from '../../../src/commands/catalog.js'
import { catalogDefinition, catalogMeta } from '../../support/definitions.js'
import { startEndOfLifeServer, type EndOfLifeServer } from '../../support/endoflife-server.js'
import { makeQcow2, startImageServer, type ImageServer } from '../../support/image-server.js'
import {
  applyOptions,
  rawGlance,
  recorder,
  uniqueTag,
  workdir,
  type RawGlance,
  type Workdir,
} from '../apply/support.js'

type Node = DefaultTreeAdapterMap['node']

const tag = uniqueTag('catalog-page')
let server: ImageServer
let raw: RawGlance
let work: Workdir
let eol: EndOfLifeServer

const definition = (name: string, extra: Record<string, unknown>): Record<string, unknown> =>
  catalogDefinition(name, {
    login: 'ubuntu',
    min_disk: 1,
    min_ram: 256,
    multi: true,
    meta: catalogMeta({ os_distro: 'ubuntu', os_version: '24.04' }),
    ...extra,
  })

function applied(url: (f: string) => string): Record<string, unknown>[] {
  return [
    definition('Page Ubuntu', {
      versions: [
        { version: '20240101', url: url('u1.qcow2'), build_date: '2024-01-01' },
        { version: '20240201', url: url('u2.qcow2'), build_date: '2024-02-01' },
      ],
    }),
    definition('Page Cirros', {
      login: 'cirros',
      password: 'gocubsgo',
      multi: false,
      visibility: 'private',
      meta: catalogMeta({ os_distro: 'cirros' }),
      versions: [{ version: '0.6.2', url: url('c.qcow2') }],
    }),
  ]
}

const rows = (html: string): string[][] => {
  const walk = (node: Node): Node[] => [
    node,
    ...('childNodes' in node ? node.childNodes.flatMap(walk) : []),
  ]
  const text = (node: Node): string =>
    node.nodeName === '#text' && 'value' in node
      ? node.value
      : ('childNodes' in node ? node.childNodes : []).map(text).join('')
  return walk(parse(html))
    .filter((n) => n.nodeName === 'tr')
    .map((tr) =>
      walk(tr)
        .filter((n) => n.nodeName === 'td' || n.nodeName === 'th')
        .map(text),
    )
}

beforeAll(async () => {
  raw = await rawGlance()
  eol = await startEndOfLifeServer()
  server = await startImageServer()
  work = await workdir()
  for (const name of ['u1.qcow2', 'u2.qcow2', 'c.qcow2']) {
    await server.addFile(name, await readFile(await makeQcow2(work.dir, name)))
  }
  const catalog = await work.catalog('applied.yml', applied(server.urlOf))
  const reporter = recorder()
  expect(await applyCommand(applyOptions(tag, catalog), reporter), reporter.lines.join('\n')).toBe(
    0,
  )
})

afterAll(async () => {
  await raw?.purge(tag)
  await server?.close()
  await eol?.close()
  await work?.close()
})

describe('image-manager catalog --cloud', () => {
  it('shows the UUID and visibility Glance has for each build, and what the cloud lacks', async () => {
    const images = path.join(work.dir, 'page')
    await mkdir(images)
    const [ubuntu, cirros] = applied(server.urlOf) as [Record<string, unknown>, unknown]
    // 20240101 no longer listed: the cloud still has it, an older build.
    const listed = { ...ubuntu, versions: (ubuntu.versions as unknown[]).slice(1) }
    await work.catalog('page/all.yml', [
      listed,
      cirros,
      definition('Page Missing', {
        versions: [{ version: '20240301', url: server.urlOf('u1.qcow2') }],
      }),
    ])
    const html = path.join(work.dir, 'index.html')
    const markdown = path.join(work.dir, 'catalog.md')
    const base = applyOptions(tag, images)
    const reporter = recorder()
    const code = await catalogCommand(
      {
        images,
        strict: false,
        withCloud: true,
        tag,
        cloud: base.cloud as string,
        cloudsYaml: base.cloudsYaml as string,
        html,
        markdown,
        eolUrl: eol.url,
      },
      reporter,
    )
    expect(code, reporter.lines.join('\n')).toBe(0)

    const glance = await raw.listByTag(tag)
    const id = (name: string): string => {
      const found = glance.filter((i) => i.name === name)
      expect(found, name).toHaveLength(1)
      return (found[0] as { id: string }).id
    }
    const common = ['x86_64', '1 GiB / 256 MiB', '']
    const noble = '2029-05-31 (endoflife.date)'
    expect(rows(await readFile(html, 'utf8'))).toEqual([
      [
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
        'UUID',
      ],
      [
        'Page Cirros 0.6.2',
        'cirros 0.6.2',
        ...common,
        '',
        '',
        '',
        'cirros',
        'gocubsgo',
        'private',
        id('Page Cirros 0.6.2'),
      ],
      [
        'Page Missing',
        'ubuntu 24.04',
        ...common,
        '',
        '',
        noble,
        'ubuntu',
        '',
        'public',
        NOT_IN_CLOUD,
      ],
      [
        'Page Ubuntu',
        'ubuntu 24.04',
        ...common,
        '2024-02-01',
        '',
        noble,
        'ubuntu',
        '',
        'public',
        id('Page Ubuntu'),
      ],
      [
        'Page Ubuntu (20240101)',
        'ubuntu 24.04',
        ...common,
        '2024-01-01',
        '',
        noble,
        'ubuntu',
        '',
        `public, ${OLDER_BUILD}`,
        id('Page Ubuntu (20240101)'),
      ],
    ])
    expect(eol.requests).toEqual(['GET /api/v1/products/ubuntu'])
    const md = await readFile(markdown, 'utf8')
    expect(md).toMatch(/^## Images of local-admin\n/)
    expect(md).toContain(`| ${id('Page Ubuntu')} |`)
    expect(reporter.summaries).toEqual([md])
  })
})
