// What became of each step of a run: the report of apply.
import type { Step } from '../plan/types.js'

export interface Outcome {
  definition: string
  step: Step
  status: 'done' | 'failed' | 'skipped'
  /** Why it failed or was skipped; for a retried step, that it was. */
  detail?: string
}

export interface ApplyReport {
  outcomes: Outcome[]
  failed: number
}
