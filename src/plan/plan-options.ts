// What the planner is asked to do: the options of one plan (docs/behaviour.md §2-7).
import type { Rotated, VerifyMode } from '../definitions/types.js'
import type { LatestInfo } from './desire.js'

export interface PlanOptions {
  tag: string
  /** Regex on definition and image names; everything else is left alone. */
  filter?: string
  /** Include definitions with `enable: false`. */
  force: boolean
  /** Multi images: import only the newest version. */
  latest: boolean
  useOsHidden: boolean
  hide: boolean
  deactivate: boolean
  delete: boolean
  /** `yes-i-really-know-what-i-do`: without it nothing is deleted. */
  confirmDelete: boolean
  /** Keep builds of non-multi versions that the definition no longer lists. */
  keep: boolean
  /** check-age: report builds older than the newest definition build by more than N days. */
  maxAgeDays?: number
  now: Date
  /** An importing or saving image unchanged for longer than this is a leftover (default 1800 s). */
  importTimeoutMs?: number
  cloud?: string
  /** Resolved `latest` versions, by definition name. */
  latestInfo?: ReadonlyMap<string, LatestInfo>
  /** Definitions whose `latest` upstream could not be read, with the reason. */
  latestErrors?: ReadonlyMap<string, string>
  /** What multi builds get once replaced (--rotated-meta, --rotated-hidden); a definition's `rotated` replaces it. */
  rotated?: Rotated
  /** --verify: how imports get their bytes where a definition does not say (default auto). */
  verify?: VerifyMode
}

/** The default import timeout (apply's --import-timeout). */
export const IMPORT_TIMEOUT_MS = 1_800_000
