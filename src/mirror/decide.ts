// Whether a build must be uploaded: the object's checksum metadata is the proof
// that it holds this build.

/** What a HEAD of the object found; null when there is none. */
export interface ExistingObject {
  size?: number
  /** The `checksum` metadata (`<algo>:<hex>`), when the object has it. */
  checksum?: string
}

export type Decision = { action: 'skip'; reason: string } | { action: 'upload'; reason: string }

/**
 * Skip when the object carries the expected checksum; without an expected one,
 * any checksum the mirror recorded will do (it was verified when it was written).
 */
export function decideUpload(existing: ExistingObject | null, expected?: string): Decision {
  if (existing === null) return { action: 'upload', reason: 'not mirrored yet' }
  const have = existing.checksum?.trim().toLowerCase()
  if (have === undefined || have === '')
    return { action: 'upload', reason: 'the object has no checksum metadata' }
  if (expected === undefined) return { action: 'skip', reason: `mirrored (${have})` }
  if (have === expected.trim().toLowerCase())
    return { action: 'skip', reason: 'mirrored with the same checksum' }
  return { action: 'upload', reason: `the object holds another build (${have})` }
}

/**
 * The `checksum` metadata of an object as its public url shows it: S3 sends
 * user metadata as x-amz-meta-*, Swift (its own API) as x-object-meta-*.
 */
export function publicChecksum(headers: Headers): string | undefined {
  return headers.get('x-amz-meta-checksum') ?? headers.get('x-object-meta-checksum') ?? undefined
}
