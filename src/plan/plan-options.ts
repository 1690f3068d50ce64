// What the planner is asked to do: the options of one plan (docs/behaviour.md §2-7).
import type { LatestInfo } from './desire.js'
import type { PlanShape } from './types.js'

/** The plan-shaping options (recorded by a saved plan), and what one run adds. */
export interface PlanOptions extends PlanShape {
  now: Date
  /** An importing or saving image unchanged for longer than this is a leftover (default 1800 s). */
  importTimeoutMs?: number
  cloud?: string
  /** Resolved `latest` versions, by definition name. */
  latestInfo?: ReadonlyMap<string, LatestInfo>
  /** Definitions whose `latest` upstream could not be read, with the reason. */
  latestErrors?: ReadonlyMap<string, string>
}

/** The default import timeout (apply's --import-timeout). */
export const IMPORT_TIMEOUT_MS = 1_800_000
