// The shapes of the weekly update job: bumps, edited files and each tracked
// definition's outcome, shared by the `update` command and the bump pull requests.
import type { Voucher } from '../upstream/types.js'

/** One version bump of one image. */
export interface Bump {
  image: string
  /** Version before the bump. */
  from: string
  /** Version after the bump. */
  to: string
  url: string
  /** `<algo>:<hex>` */
  checksum: string
  /** ISO date YYYY-MM-DD. */
  buildDate: string
  /** The entry's new mirror_url and how it was vouched for, or why it has none. */
  mirror?: { url: string; note: string } | { error: string }
  /** The key whose signature on the upstream checksum file held (checksum_signature). */
  signedBy?: Voucher
}

/** One catalog file with newer builds: its whole new text and what changed. */
export interface FileUpdate {
  /** The file's path as given (as the catalog search found it). */
  file: string
  /** The whole new file text. */
  content: string
  bumps: Bump[]
}

/** The outcome for one tracked definition (`update --output json` prints these). */
export interface DefinitionStatus {
  file: string
  image: string
  status: 'newer' | 'current' | 'error'
  from?: string
  to?: string
  url?: string
  /** `<algo>:<hex>` */
  checksum?: string
  build_date?: string
  /** The bumped entry's mirror_url, with how it was vouched for (`mirror`). */
  mirror_url?: string
  mirror?: string
  /** Why the bumped entry has no mirror_url. */
  mirror_error?: string
  /** The key that signed the checksum file the checksum comes from (checksum_signature). */
  signed_by?: Voucher
  error?: string
}
