// `catalog`: the page for the cloud's users — one table of the images, from
// the definitions (and the cloud's UUIDs with --cloud) — as Markdown and HTML.
import { writeFile } from 'node:fs/promises'
import { renderCatalogHtml } from '../catalog-page/render-html.js'
import { renderCatalogMarkdown } from '../catalog-page/render-markdown.js'
import { catalogTable, type CatalogTable } from '../catalog-page/table.js'
import { problemsTo, requireValidCatalog } from '../definitions/catalog.js'
import { getErrorMessage, UserError } from '../problems.js'
import type { Reporter } from '../reporter.js'
import { connect, type CloudOptions } from '../cloud/connect.js'
import { observeManagedImages } from '../cloud/observe.js'
import { createUpstreamHttp } from '../download/upstream-http.js'
import { fetchAllCycles } from '../lifecycle/endoflife.js'
import { endOfSupport, productsOf } from '../lifecycle/report.js'
import type { Definition } from '../definitions/types.js'

export interface CatalogCommandOptions extends CloudOptions {
  images: string
  strict: boolean
  /** Look the images up in the cloud (`--cloud`): UUIDs and visibility in Glance. */
  withCloud: boolean
  tag: string
  html?: string
  markdown?: string
  /** endoflife.date's API (`--eol-url`): also show its end of support; absent: not asked. */
  eolUrl?: string
}

/** endoflife.date's end of support per release, when `--eol-url` is given. */
async function endOfLife(
  definitions: readonly Definition[],
  eolUrl: string | undefined,
): Promise<((distro: string, release: string) => string | undefined) | undefined> {
  if (eolUrl === undefined) return undefined
  const products = productsOf(definitions).map((p) => p.distro)
  const cycles = await fetchAllCycles(await createUpstreamHttp(), eolUrl, products)
  return (distro, release) => endOfSupport(cycles, distro, release)
}

async function write(file: string, text: string, what: string): Promise<void> {
  try {
    await writeFile(file, text)
  } catch (error) {
    throw new UserError(`Cannot write the ${what} to '${file}': ${getErrorMessage(error)}`)
  }
}

/** Exit code: 0 written, 1 invalid definitions. `publish` gets the table and its renderings. */
export async function catalogCommand(
  options: CatalogCommandOptions,
  reporter: Reporter,
  publish?: (table: CatalogTable, rendered: { markdown: string; html: string }) => Promise<void>,
): Promise<number> {
  const catalog = await requireValidCatalog(
    { images: options.images, strict: options.strict },
    {
      report: problemsTo(reporter),
      stop: (errors) =>
        reporter.info(`✗ ${errors} error(s) in the image definitions: no catalog page`),
    },
  )
  if (!catalog) return 1
  const cloudImages = options.withCloud
    ? await observeManagedImages(await connect(options, reporter), options.tag)
    : undefined
  const eol = await endOfLife(catalog.definitions, options.eolUrl)
  const table = catalogTable(catalog.definitions, {
    ...(cloudImages ? { cloudImages } : {}),
    ...(eol ? { endOfLife: eol } : {}),
    ...(options.cloud ? { cloud: options.cloud } : {}),
  })
  const markdown = renderCatalogMarkdown(table)
  const html = renderCatalogHtml(table)
  if (options.markdown) await write(options.markdown, markdown, 'Markdown table')
  if (options.html) await write(options.html, html, 'HTML page')
  if (!options.markdown && !options.html) reporter.info(markdown.trimEnd(), { preEscaped: true })
  for (const [file, what] of [
    [options.markdown, 'Markdown'],
    [options.html, 'HTML page'],
  ] as const) {
    if (file) reporter.info(`${what} of ${table.rows.length} image(s) written to ${file}`)
  }
  await reporter.summary(markdown)
  await publish?.(table, { markdown, html })
  return 0
}
