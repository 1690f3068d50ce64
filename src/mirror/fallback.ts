// A mirror_url whose object is missing or unreadable must not fail the
// definition: the build is imported from its upstream url instead, with a
// warning naming both (docs/behaviour.md §3).
import { probeUrl } from '../download/download.js'
import { isStatus } from '../http/error.js'
import type { Http } from '../http/client.js'
import type { ImportStep, Plan } from '../plan/types.js'

/** The HEAD statuses that mean "this mirror object is not there for us". */
const MISSING = [403, 404]

/** The status when `error` says the mirror object is missing or unreadable, else undefined. */
export const missingStatus = (error: unknown): number | undefined =>
  isStatus(error, ...MISSING) ? error.status : undefined

export const fallbackMessage = (mirror: string, url: string, status: number): string =>
  `mirror_url ${mirror} is not available (HTTP ${status}): importing from url ${url} instead`

/** The step importing from its url instead of the mirror (no fallback left). */
export function fromUpstream(step: ImportStep): ImportStep {
  const { fallback, ...rest } = step
  return fallback === undefined ? step : { ...rest, source: fallback }
}

/**
 * HEADs the mirror object of every import that has one; those missing or
 * unreadable import from url instead, with a note on their definition. Other
 * failures (timeouts, 5xx) leave the step as it is: apply's own check reports them.
 * Returns the warnings.
 */
export async function resolveMirrors(plan: Plan, http: Http): Promise<string[]> {
  const warnings: string[] = []
  for (const def of plan.definitions) {
    const checks = def.steps.map(async (step, i) => {
      if (step.action !== 'import' || step.fallback === undefined) return
      try {
        await probeUrl(step.source, { http })
      } catch (error) {
        const status = missingStatus(error)
        if (status === undefined) return
        const message = fallbackMessage(step.source, step.fallback, status)
        def.steps[i] = fromUpstream(step)
        def.notes.push({ image: step.image, message })
        warnings.push(`${def.name}: ${message}`)
      }
    })
    await Promise.all(checks)
  }
  return warnings
}
