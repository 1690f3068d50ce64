// Words for steps and changes, shared by the Markdown and terminal renderings.
import type { Change, Plan, Step } from './types.js'

export function describeChange(c: Change): string {
  switch (c.field) {
    case 'property':
      return c.from === undefined
        ? `${c.key}: (none) → ${JSON.stringify(c.to)}`
        : c.to === undefined
          ? `${c.key}: ${JSON.stringify(c.from)} → (removed)`
          : `${c.key}: ${JSON.stringify(c.from)} → ${JSON.stringify(c.to)}`
    case 'tags':
      return `tags: ${[...c.add.map((t) => `+${t}`), ...c.remove.map((t) => `-${t}`)].join(' ')}`
    default:
      return `${c.field}: ${String(c.from)} → ${String(c.to)}`
  }
}

export function describeStep(s: Step): string {
  switch (s.action) {
    case 'import':
      return `${s.image.name} from ${s.source}, ${s.verification}`
    case 'rename':
      return `${s.image.name} → ${s.to}`
    default:
      return s.image.name
  }
}

const ORDER = ['import', 'rename', 'update', 'reactivate', 'deactivate', 'hide', 'delete'] as const

/** "2 to import, 1 to rename" or "no changes". */
export function summaryLine(plan: Plan): string {
  const parts = ORDER.filter((a) => plan.summary[a] > 0).map((a) => `${plan.summary[a]} to ${a}`)
  return parts.length ? parts.join(', ') : 'no changes'
}

export const changeCount = (plan: Plan): number => ORDER.reduce((n, a) => n + plan.summary[a], 0)
