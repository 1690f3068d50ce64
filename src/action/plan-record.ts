// What a plan comment records for the merge: the commit planned, when the cloud
// was read, the plan's digest and its steps, as one hidden line beside the
// marker. The steps carry names from pull requests, so the line is base64 of
// JSON: nothing in it can close the HTML comment or start a line.
import { stepLines, planDigest, stepsDigest } from '../plan/fingerprint.js'
import type { Plan } from '../plan/types.js'

export interface PlanRecord {
  /** The pull request's head SHA that was planned. */
  commit: string
  /** When the cloud was read (the plan's `generatedAt`). */
  readAt: string
  cloud: string | null
  digest: string
  /** null when they did not fit into the comment: then only the digest compares. */
  steps: string[] | null
}

const VERSION = 'v1'
const LINE = /^<!-- image-manager-plan-record:v1 (sha256:[0-9a-f]{64}) ([A-Za-z0-9+/]*={0,2}) -->$/m
/** Room the record may take of a comment's 65,536 characters; the rendered plan gets the rest. */
export const RECORD_LIMIT = 40_000

export function planRecord(plan: Plan, commit: string): PlanRecord {
  return {
    commit,
    readAt: plan.generatedAt,
    cloud: plan.cloud ?? null,
    digest: planDigest(plan),
    steps: stepLines(plan),
  }
}

/** The hidden line; without the steps when they would take more than {@link RECORD_LIMIT}. */
export function recordLine(record: PlanRecord): string {
  const line = (r: PlanRecord): string =>
    `<!-- image-manager-plan-record:${VERSION} ${r.digest} ${Buffer.from(JSON.stringify(r), 'utf8').toString('base64')} -->`
  const full = line(record)
  return full.length <= RECORD_LIMIT ? full : line({ ...record, steps: null })
}

/** The record in a comment body, or why there is none that can be trusted to compare. */
export function readRecord(body: string): PlanRecord | { problem: string } {
  const match = LINE.exec(body.replace(/\r\n/g, '\n'))
  if (!match) return { problem: 'the plan comment carries no plan record' }
  const [, digest, data] = match as unknown as [string, string, string]
  let value: unknown
  try {
    value = JSON.parse(Buffer.from(data, 'base64').toString('utf8'))
  } catch {
    return { problem: 'the plan record of the comment is not readable' }
  }
  const r = value as Partial<PlanRecord> | null
  const text = (x: unknown): x is string => typeof x === 'string'
  const steps = r?.steps
  if (
    !r ||
    !text(r.commit) ||
    !/^[0-9a-f]{40}$/.test(r.commit) ||
    !text(r.readAt) ||
    (r.cloud !== null && !text(r.cloud)) ||
    r.digest !== digest ||
    !(steps === null || (Array.isArray(steps) && steps.every(text)))
  ) {
    return { problem: 'the plan record of the comment is incomplete' }
  }
  if (steps !== null && stepsDigest(r.cloud ?? null, steps as string[]) !== digest)
    return { problem: "the plan record's steps do not match its digest" }
  return {
    commit: r.commit,
    readAt: r.readAt,
    cloud: r.cloud ?? null,
    digest,
    steps: steps as string[] | null,
  }
}
