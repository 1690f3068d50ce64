// The plan for a terminal, in the manner of `terraform plan`.
import { describeChange, describeStep, summaryLine } from './describe.js'
import type { Plan, StepAction } from './types.js'
import { escapeLogValue as v } from '../escape/log.js'

const SIGN: Record<StepAction, string> = {
  import: '+',
  rename: '~',
  update: '~',
  reactivate: '~',
  deactivate: '~',
  hide: '~',
  delete: '-',
}

/**
 * Every value is escaped here (`v`), so the caller hands the text to the reporter
 * with `preEscaped` and its colours survive.
 */
export function renderTerminal(plan: Plan, color = false): string {
  const paint = (code: number, s: string): string => (color ? `\x1b[${code}m${s}\x1b[0m` : s)
  const tint = { '+': 32, '~': 33, '-': 31 } as const
  const out: string[] = []
  for (const def of plan.definitions) {
    if (def.skipped || def.steps.length + def.retention.length + def.notes.length === 0) continue
    out.push(`${paint(1, v(def.name))}  ${paint(2, `${v(def.file)}:${def.line}`)}`)
    for (const step of [...def.steps, ...def.retention]) {
      const sign = SIGN[step.action]
      out.push(
        `  ${paint(tint[sign as keyof typeof tint], `${sign} ${step.action.padEnd(10)}`)} ${v(describeStep(step))}`,
      )
      if (step.action === 'update')
        for (const c of step.changes) out.push(`      ${v(describeChange(c))}`)
    }
    for (const note of def.notes)
      out.push(paint(2, `  # ${note.image ? `${v(note.image.name)}: ` : ''}${v(note.message)}`))
    out.push('')
  }
  for (const o of plan.orphans) out.push(paint(2, `# no definition, left alone: ${v(o.name)}`))
  for (const f of plan.findings)
    out.push(`! ${f.image ? `${v(f.image.name)}: ` : ''}${v(f.message)}`)
  if (plan.orphans.length || plan.findings.length) out.push('')
  out.push(
    `Plan: ${summaryLine(plan)}. ${plan.summary.unchanged} unchanged, ${plan.summary.skipped} skipped.` +
      (plan.requests
        ? ` ${Object.values(plan.requests).reduce((a, b) => a + b, 0)} API request(s).`
        : ''),
  )
  return out.join('\n')
}
