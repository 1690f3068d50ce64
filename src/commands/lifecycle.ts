// `lifecycle`: the catalog against endoflife.date — supported releases it
// lacks, enabled images past end of life — as Markdown or JSON.
import { problemsTo, requireValidCatalog } from '../definitions/catalog.js'
import { fetchAllCycles } from '../lifecycle/endoflife.js'
import { renderLifecycleJson, renderLifecycleMarkdown } from '../lifecycle/render.js'
import { lifecycleReport, productsOf, type LifecycleReport } from '../lifecycle/report.js'
import type { FetchFunction } from '../http/client.js'
import { createUpstreamHttp } from '../download/upstream-http.js'
import type { Reporter } from '../reporter.js'

export type LifecycleOutput = 'markdown' | 'json'

export interface LifecycleCommandOptions {
  images: string
  strict: boolean
  output: LifecycleOutput
  /** Base url of the endoflife.date API (a mirror, or a test server). */
  eolUrl: string
  now?: Date
  fetch?: FetchFunction
}

/**
 * Exit code: 0 nothing to do, 1 findings (or invalid definitions). `publish`
 * gets the report and its Markdown (the action keeps the tracking issue with it).
 */
export async function lifecycleCommand(
  options: LifecycleCommandOptions,
  reporter: Reporter,
  publish?: (report: LifecycleReport, markdown: string) => Promise<void>,
): Promise<number> {
  const catalog = await requireValidCatalog(
    { images: options.images, strict: options.strict },
    {
      report: problemsTo(reporter, options.output === 'json'),
      stop: (errors) =>
        reporter.info(`✗ ${errors} error(s) in the image definitions: no lifecycle report`),
    },
  )
  if (!catalog) return 1
  const http = await createUpstreamHttp(options.fetch ? { fetch: options.fetch } : {})
  const products = productsOf(catalog.definitions).map((p) => p.distro)
  const cycles = await fetchAllCycles(http, options.eolUrl, products)
  const report = lifecycleReport(catalog.definitions, cycles, {
    now: options.now ?? new Date(),
    source: options.eolUrl,
  })
  for (const r of report.unknown) {
    reporter.warning(
      `${r.definition}: os_version '${r.release}' is no ${r.distribution} release cycle of ${options.eolUrl}`,
    )
  }
  const markdown = renderLifecycleMarkdown(report)
  const text = options.output === 'json' ? renderLifecycleJson(report) : markdown
  reporter.info(text.trimEnd(), {
    preEscaped: true,
  })
  await reporter.summary(markdown)
  await publish?.(report, markdown)
  return report.findings > 0 ? 1 : 0
}
