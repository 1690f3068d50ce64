// The plan as Markdown for a pull request comment or a job summary.
import { changeCount, describeChange, describeStep, narrows, summaryLine } from './describe.js'
import type { DefinitionPlan, Plan } from './types.js'
import {
  escapeMarkdown as text,
  markdownCode as code,
  markdownLink as link,
} from '../escape/markdown.js'

// Every interpolated value goes through `text` or `code`: names, versions, urls,
// reasons and messages come from pull requests and must not add to the template.

/** The commit a plan was made from, for a pull request comment. */
export interface PlanSource {
  /** The full SHA. */
  commit: string
  commitUrl: string
  /** The page of a definition file's line at that commit; undefined: the bare path. */
  lineUrl: (file: string, line: number) => string | undefined
}

export interface RenderOptions {
  /**
   * Leave out what differs between two runs of the same plan (the request
   * count; the time unless `source` is given), so the pull request comment of
   * an unchanged plan is not rewritten.
   */
  stable?: boolean
  /** Name the commit and the time the cloud was read, and link each definition to its line. */
  source?: PlanSource
}

const where = (def: DefinitionPlan, source: PlanSource | undefined): string =>
  link(`${def.file}:${def.line}`, source?.lineUrl(def.file, def.line))

/** Steps that remove or narrow, listed before anything else. */
function narrowing(plan: Plan, source: PlanSource | undefined): string[] {
  const found = plan.definitions.flatMap((def) =>
    def.skipped
      ? []
      : [...def.steps, ...def.retention]
          .filter(narrows)
          .map(
            (step) =>
              `- ⚠️ **${step.action}** ${code(describeStep(step))} — ${text(def.name)} <sub>${where(def, source)}</sub>`,
          ),
  )
  return found.length
    ? [`**⚠️ Removes or narrows (${found.length}): check these first**`, '', ...found, '']
    : []
}

function provenance(plan: Plan, source: PlanSource): string {
  const sha = link(source.commit.slice(0, 7), source.commitUrl)
  return `Planned commit <code>${sha}</code>, cloud read at ${text(plan.generatedAt)}.`
}

export function renderMarkdown(plan: Plan, { stable = false, source }: RenderOptions = {}): string {
  const lines: string[] = []
  const cloud = plan.cloud ? ` for cloud ${code(plan.cloud)}` : ''
  lines.push(`### Image plan${cloud}: ${summaryLine(plan)}`, '')
  if (source) lines.push(provenance(plan, source), '')
  lines.push(...narrowing(plan, source))
  lines.push(
    `${plan.summary.unchanged} definition(s) unchanged, ${plan.summary.skipped} skipped, ` +
      `${plan.orphans.length} managed image(s) without a definition.`,
    '',
  )
  for (const def of plan.definitions) {
    if (def.skipped || def.steps.length + def.retention.length + def.notes.length === 0) continue
    const changes = def.steps.length + def.retention.length
    const title = `${text(def.name)} — ${changes ? `${changes} change(s)` : 'notes only'}`
    lines.push(
      `<details${changes ? ' open' : ''}><summary><b>${title}</b> <sub>${where(def, source)}</sub></summary>`,
      '',
    )
    for (const step of [...def.steps, ...def.retention]) {
      const mark = narrows(step) ? '⚠️ ' : ''
      lines.push(`- ${mark}**${step.action}** ${code(describeStep(step))} — ${text(step.reason)}`)
      if (step.action === 'update')
        for (const c of step.changes) lines.push(`  - ${code(describeChange(c))}`)
    }
    for (const note of def.notes) {
      lines.push(`- _note_ ${note.image ? `${code(note.image.name)}: ` : ''}${text(note.message)}`)
    }
    lines.push('', '</details>', '')
  }
  if (plan.orphans.length) {
    lines.push('<details><summary>Managed images without a definition (left alone)</summary>', '')
    for (const o of plan.orphans)
      lines.push(`- ${code(o.name)}${o.id ? ` <sub>${text(o.id)}</sub>` : ''}`)
    lines.push('', '</details>', '')
  }
  if (plan.findings.length) {
    lines.push('**Findings** (unverified public imports, age check, SCS image metadata)', '')
    for (const f of plan.findings)
      lines.push(`- ${f.image ? `${code(f.image.name)}: ` : ''}${text(f.message)}`)
    lines.push('')
  }
  const requests = plan.requests
    ? Object.values(plan.requests).reduce((a, b) => a + b, 0)
    : undefined
  lines.push(
    stable
      ? `<sub>${changeCount(plan)} change(s) planned.</sub>`
      : `<sub>${changeCount(plan)} change(s) planned at ${text(plan.generatedAt)}` +
          `${requests !== undefined ? `, ${requests} API request(s)` : ''}.</sub>`,
  )
  return lines.join('\n')
}
