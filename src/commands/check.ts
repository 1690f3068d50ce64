// `check`: the SCS image metadata rules (scs-0102 v2) against a cloud's public and
// community images, and optionally the catalog's images that the cloud lacks.
import { problemsTo, requireValidCatalog, type Catalog } from '../definitions/catalog.js'
import type { Definition, Rotated, SourcePosition } from '../definitions/types.js'
import { escapeLogValue as v } from '../escape/log.js'
import { escapeMarkdown as text, markdownCode as code } from '../escape/markdown.js'
import type { GlanceClient } from '../openstack/glance/client.js'
import type { Image } from '../openstack/glance/types.js'
import { asHolder, asRotated, desireDefinition, rotationOf } from '../plan/desire.js'
import type { Problem } from '../problems.js'
import type { Reporter } from '../reporter.js'
import { checkImages, type Offender, type RuleResult, type ScsImage } from '../scs/rules.js'
import { connect, type CloudOptions } from '../cloud/connect.js'

export type CheckOutput = 'text' | 'json'

export interface CheckCommandOptions extends CloudOptions {
  /** Also the images these definitions describe that the cloud lacks. */
  images?: string
  strict: boolean
  /** Only images with this tag (default: every public and community image). */
  tag?: string
  output: CheckOutput
  /** Catalog-wide rotation settings, as for plan: they shape the catalog's images. */
  rotated?: Rotated
  now?: Date
}

/** Public and community images, hidden ones too: what a user of the cloud can boot. */
async function cloudImages(glance: GlanceClient, tag: string | undefined): Promise<ScsImage[]> {
  const out: Image[] = []
  for (const visibility of ['public', 'community'] as const) {
    for await (const image of glance.listImages({
      visibility,
      osHidden: 'both',
      limit: 1000,
      ...(tag ? { tag } : {}),
    })) {
      out.push(image)
    }
  }
  return out.map((i) => ({ ...i, name: i.name ?? '' }))
}

/** The catalog's public and community images as they would be created, for names the cloud lacks. */
export function catalogImages(
  definitions: readonly Definition[],
  present: ReadonlySet<string>,
  rotated: Rotated | undefined,
): ScsImage[] {
  const out: ScsImage[] = []
  for (const def of definitions.filter((d) => d.enable)) {
    const rotation = rotationOf(def, rotated)
    for (const d of desireDefinition(def, { tag: '', useOsHidden: false })) {
      if (present.has(d.name) || (d.visibility !== 'public' && d.visibility !== 'community')) {
        continue
      }
      const want = !rotation ? d : d.newest ? asHolder(d, rotation) : asRotated(d, rotation)
      out.push({
        name: d.name,
        visibility: d.visibility,
        os_hidden: want.osHidden ?? false,
        min_disk: d.minDisk,
        min_ram: d.minRam,
        properties: want.properties,
      })
    }
  }
  return out
}

/** Where each image name the catalog gives is defined: findings on it point there. */
export function definitionPositions(
  definitions: readonly Definition[],
): Map<string, SourcePosition> {
  const out = new Map<string, SourcePosition>()
  for (const def of definitions.filter((d) => d.enable)) {
    for (const d of desireDefinition(def, { tag: '', useOsHidden: false })) {
      if (!out.has(d.name)) out.set(d.name, def.position)
    }
  }
  return out
}

/** One warning per offending image the catalog defines, on its definition. */
export function findingProblems(
  results: readonly RuleResult[],
  positions: ReadonlyMap<string, SourcePosition>,
): Problem[] {
  return results.flatMap((r) =>
    r.offenders.flatMap((o) => {
      const at = positions.get(o.name)
      return at
        ? [{ severity: 'warning' as const, ...at, message: `${r.id}: '${o.name}' ${o.why}` }]
        : []
    }),
  )
}

/** What a check found, for the action (summary, annotations, tracking issue). */
export interface CheckOutcome {
  results: RuleResult[]
  /** Images checked. */
  images: number
  markdown: string
  /** Findings on images the catalog defines, on their definitions. */
  problems: Problem[]
}

const MAX_NAMED = 10

function describe(offenders: readonly Offender[]): string {
  const named = offenders
    .slice(0, MAX_NAMED)
    .map((o) => `'${o.name}'${o.id === undefined ? ' [catalog]' : ''} (${o.why})`)
  const rest = offenders.length - named.length
  return `${named.join('; ')}${rest > 0 ? `; and ${rest} more` : ''}`
}

/** One line per rule: ✓ or ✗ with the offending images. */
export function renderCheckText(results: readonly RuleResult[], count: number): string {
  const lines = results.map((r) =>
    r.offenders.length === 0 ? `✓ ${r.id}: ${r.title}` : `✗ ${r.id}: ${v(describe(r.offenders))}`,
  )
  const failed = results.filter((r) => r.offenders.length > 0).length
  lines.push(
    failed
      ? `SCS image metadata (scs-0102 v2): ${failed} of ${results.length} rules fail on ${count} image(s).`
      : `SCS image metadata (scs-0102 v2): all ${results.length} rules pass on ${count} image(s).`,
  )
  return lines.join('\n')
}

export function renderCheckMarkdown(results: readonly RuleResult[], count: number): string {
  const failed = results.filter((r) => r.offenders.length > 0).length
  const rows = results.map(
    (r) =>
      `| ${r.offenders.length ? '✗' : '✓'} | ${code(r.id)} | ${
        r.offenders.length ? text(describe(r.offenders)) : text(r.title)
      } |`,
  )
  return [
    `### SCS image metadata (scs-0102 v2): ${failed ? `${failed} rule(s) fail` : 'every rule passes'} on ${count} image(s)`,
    '',
    '| | Rule | Result |',
    '|---|---|---|',
    ...rows,
  ].join('\n')
}

/** JSON whose strings show no control or bidi character raw (still the same JSON). */
export function renderCheckJson(results: readonly RuleResult[], count: number): string {
  const body = {
    standard: 'scs-0102-v2',
    images: count,
    passed: results.every((r) => r.offenders.length === 0),
    rules: results.map((r) => ({ ...r, passed: r.offenders.length === 0 })),
  }
  return JSON.stringify(body, null, 2).replace(
    /[\u007f-\u009f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069\u2028\u2029]/g,
    (c) => `\\u${(c.codePointAt(0) as number).toString(16).padStart(4, '0')}`,
  )
}

/** Exit code: 0 every rule passes, 1 a rule fails (or invalid definitions), 2 configuration. */
export async function checkCommand(
  options: CheckCommandOptions,
  reporter: Reporter,
  onOutcome?: (outcome: CheckOutcome) => Promise<void>,
): Promise<number> {
  let catalog: Catalog | undefined
  if (options.images) {
    catalog = await requireValidCatalog(
      { images: options.images, strict: options.strict },
      {
        report: problemsTo(reporter, options.output === 'json'),
        stop: (errors) =>
          reporter.info(`✗ ${errors} error(s) in the image definitions: nothing checked`),
      },
    )
    if (!catalog) return 1
  }
  const glance = await connect(options, reporter)
  const inCloud = await cloudImages(glance, options.tag)
  const planned = catalog
    ? catalogImages(catalog.definitions, new Set(inCloud.map((i) => i.name)), options.rotated)
    : []
  const images = [...inCloud, ...planned]
  const results = checkImages(images, (options.now ?? new Date()).getTime() / 1000)
  for (const r of results)
    for (const w of r.warnings) reporter.warning(`${r.id}: ${w.name}: ${w.why}`)
  if (planned.length && options.output !== 'json') {
    reporter.info(
      `${planned.length} image(s) of the catalog that the cloud lacks are checked as they would be created.`,
    )
  }
  const rendered =
    options.output === 'json'
      ? renderCheckJson(results, images.length)
      : renderCheckText(results, images.length)
  reporter.info(rendered, { preEscaped: true })
  const markdown = renderCheckMarkdown(results, images.length)
  await reporter.summary(markdown)
  if (onOutcome) {
    const positions = catalog ? definitionPositions(catalog.definitions) : new Map()
    const problems = findingProblems(results, positions)
    await onOutcome({ results, images: images.length, markdown, problems })
  }
  return results.some((r) => r.offenders.length > 0) ? 1 : 0
}
