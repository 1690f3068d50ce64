// The plan as Markdown for a pull request comment or a job summary.
import { changeCount, describeChange, describeStep, summaryLine } from './describe.js'
import type { Plan } from './types.js'
import { escapeMarkdown as text, markdownCode as code } from '../escape/markdown.js'

// Every interpolated value goes through `text` or `code`: names, versions, urls,
// reasons and messages come from pull requests and must not add to the template.

/**
 * `stable`: leave out what differs between two runs of the same plan (the time,
 * the request count), so the pull request comment of an unchanged plan is not
 * rewritten.
 */
export function renderMarkdown(plan: Plan, { stable = false } = {}): string {
  const lines: string[] = []
  const where = plan.cloud ? ` for cloud ${code(plan.cloud)}` : ''
  lines.push(`### Image plan${where}: ${summaryLine(plan)}`, '')
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
      `<details${changes ? ' open' : ''}><summary><b>${title}</b> <sub>${text(`${def.file}:${def.line}`)}</sub></summary>`,
      '',
    )
    for (const step of [...def.steps, ...def.retention]) {
      lines.push(`- **${step.action}** ${code(describeStep(step))} — ${text(step.reason)}`)
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
