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

// Wider visibility first: a change to a lower rank takes the image from someone.
const REACH: Record<string, number> = { public: 3, community: 2, shared: 1, private: 0 }

/**
 * The step removes or narrows what users have: delete, deactivate, hide, a
 * narrower visibility, or os_hidden set. A reviewer must see these first.
 */
export function narrows(step: Step): boolean {
  if (step.action === 'delete' || step.action === 'deactivate' || step.action === 'hide')
    return true
  if (step.action !== 'update') return false
  return step.changes.some(
    (c) =>
      (c.field === 'visibility' && (REACH[c.to] ?? 0) < (REACH[c.from] ?? 0)) ||
      (c.field === 'os_hidden' && c.to && !c.from),
  )
}
