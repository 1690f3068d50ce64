// The plan as Markdown for a pull request comment or a job summary.
import { changeCount, describeChange, describeStep, summaryLine } from './describe.js'
import type { Plan } from './types.js'

const code = (s: string): string => `\`${s.replace(/`/g, "'")}\``

export function renderMarkdown(plan: Plan): string {
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
    const title = `${def.name} — ${changes ? `${changes} change(s)` : 'notes only'}`
    lines.push(
      `<details${changes ? ' open' : ''}><summary><b>${escapeHtml(title)}</b> <sub>${escapeHtml(def.file)}:${def.line}</sub></summary>`,
      '',
    )
    for (const step of [...def.steps, ...def.retention]) {
      lines.push(`- **${step.action}** ${code(describeStep(step))} — ${step.reason}`)
      if (step.action === 'update')
        for (const c of step.changes) lines.push(`  - ${code(describeChange(c))}`)
    }
    for (const note of def.notes) {
      lines.push(`- _note_ ${note.image ? `${code(note.image.name)}: ` : ''}${note.message}`)
    }
    lines.push('', '</details>', '')
  }
  if (plan.orphans.length) {
    lines.push('<details><summary>Managed images without a definition (left alone)</summary>', '')
    for (const o of plan.orphans)
      lines.push(`- ${code(o.name)}${o.id ? ` <sub>${o.id}</sub>` : ''}`)
    lines.push('', '</details>', '')
  }
  if (plan.findings.length) {
    lines.push('**Age check**', '')
    for (const f of plan.findings)
      lines.push(`- ${f.image ? `${code(f.image.name)}: ` : ''}${f.message}`)
    lines.push('')
  }
  const requests = plan.requests
    ? Object.values(plan.requests).reduce((a, b) => a + b, 0)
    : undefined
  lines.push(
    `<sub>${changeCount(plan)} change(s) planned at ${plan.generatedAt}` +
      `${requests !== undefined ? `, ${requests} API request(s)` : ''}.</sub>`,
  )
  return lines.join('\n')
}

function escapeHtml(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;')
}
