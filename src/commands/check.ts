// `check`: the SCS image rules (metadata scs-0102 v2, standard images scs-0104 v1,
// or v2 when asked) against a cloud's public and community images, and optionally
// the catalog's images that the cloud lacks.
import { problemsTo, requireValidCatalog, type Catalog } from '../definitions/catalog.js'
import type { Definition, Rotated, SourcePosition } from '../definitions/types.js'
import { safeJson } from '../escape/json.js'
import { escapeLogValue as v } from '../escape/log.js'
import { escapeMarkdown as text, markdownCode as code } from '../escape/markdown.js'
import type { GlanceClient } from '../openstack/glance/client.js'
import type { Image } from '../openstack/glance/types.js'
import { asHolder, asRotated, desireDefinition, rotationOf } from '../plan/desire.js'
import type { Problem } from '../problems.js'
import type { Reporter } from '../reporter.js'
import {
  checkImages,
  failsCheck,
  type Offender,
  type RuleResult,
  type ScsImage,
} from '../scs/rules.js'
import { connect, type CloudOptions } from '../cloud/connect.js'
import { checkStandardImages, checkStandardImagesV2 } from '../scs/standard-images.js'

export type CheckOutput = 'text' | 'json' | 'markdown'

export interface CheckCommandOptions extends CloudOptions {
  /** Also the images these definitions describe that the cloud lacks. */
  images?: string
  strict: boolean
  /** Only images with this tag (default: every public and community image). */
  tag?: string
  output: CheckOutput
  /** Catalog-wide rotation settings, as for plan: they shape the catalog's images. */
  rotated?: Rotated
  /** scs-0104 v2 (draft) instead of v1. */
  scs0104v2?: boolean
  now?: Date
}

const STANDARDS = (v2: boolean | undefined): string =>
  `scs-0102 v2, scs-0104 ${v2 ? 'v2 (draft)' : 'v1'}`
const mark = (r: RuleResult): string => (r.offenders.length === 0 ? '✓' : failsCheck(r) ? '✗' : '!')

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

const level = (r: RuleResult): string => (r.level === 'recommended' ? ' (recommended)' : '')

/** One line per rule: ✓, ✗ (fails) or ! (a recommended rule fails) with the offending images. */
export function renderCheckText(
  results: readonly RuleResult[],
  count: number,
  standards = STANDARDS(false),
): string {
  const lines = results.map((r) =>
    r.offenders.length === 0
      ? `✓ ${r.id}: ${r.title}`
      : `${mark(r)} ${r.id}${level(r)}: ${v(describe(r.offenders))}`,
  )
  const failed = results.filter(failsCheck).length
  const missed = results.filter((r) => r.offenders.length > 0).length - failed
  const also = missed ? `; ${missed} recommended rule(s) not met` : ''
  lines.push(
    failed
      ? `SCS images (${standards}): ${failed} of ${results.length} rules fail on ${count} image(s)${also}.`
      : `SCS images (${standards}): every mandatory rule of ${results.length} passes on ${count} image(s)${also}.`,
  )
  return lines.join('\n')
}

export function renderCheckMarkdown(
  results: readonly RuleResult[],
  count: number,
  standards = STANDARDS(false),
): string {
  const failed = results.filter(failsCheck).length
  const rows = results.map(
    (r) =>
      `| ${mark(r)} | ${code(r.id)}${level(r)} | ${
        r.offenders.length ? text(describe(r.offenders)) : text(r.title)
      } |`,
  )
  return [
    `### SCS images (${standards}): ${failed ? `${failed} rule(s) fail` : 'every mandatory rule passes'} on ${count} image(s)`,
    '',
    '| | Rule | Result |',
    '|---|---|---|',
    ...rows,
  ].join('\n')
}

/** The report as JSON (see safeJson: nothing in it acts on a terminal or a runner). */
export function renderCheckJson(results: readonly RuleResult[], count: number, v2 = false): string {
  const body = {
    standards: ['scs-0102-v2', v2 ? 'scs-0104-v2' : 'scs-0104-v1'],
    images: count,
    passed: !results.some(failsCheck),
    rules: results.map((r) => ({
      ...r,
      level: r.level ?? 'mandatory',
      passed: r.offenders.length === 0,
    })),
  }
  return safeJson(body)
}

/** Exit code: 0 every mandatory rule passes, 1 a mandatory rule fails (or invalid definitions), 2 configuration. */
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
  const now = options.now ?? new Date()
  const results = [
    ...checkImages(images, now.getTime() / 1000),
    ...(options.scs0104v2 ? checkStandardImagesV2(images, now) : checkStandardImages(images)),
  ]
  for (const r of results)
    for (const w of r.warnings) reporter.warning(`${r.id}: ${w.name}: ${w.why}`)
  if (planned.length && options.output !== 'json') {
    reporter.info(
      `${planned.length} image(s) of the catalog that the cloud lacks are checked as they would be created.`,
    )
  }
  const standards = STANDARDS(options.scs0104v2)
  const markdown = renderCheckMarkdown(results, images.length, standards)
  const rendered =
    options.output === 'json'
      ? renderCheckJson(results, images.length, options.scs0104v2)
      : options.output === 'markdown'
        ? markdown
        : renderCheckText(results, images.length, standards)
  reporter.info(rendered, { preEscaped: true })
  await reporter.summary(markdown)
  if (onOutcome) {
    const positions = catalog ? definitionPositions(catalog.definitions) : new Map()
    const problems = findingProblems(results, positions)
    await onOutcome({ results, images: images.length, markdown, problems })
  }
  return results.some(failsCheck) ? 1 : 0
}
