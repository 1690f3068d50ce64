// The shapes of upstream discovery: what a source is asked and what it finds.

/** A checksum as an upstream manifest states it. */
export interface Checksum {
  algorithm: 'md5' | 'sha1' | 'sha256' | 'sha512'
  /** Lower-case hex digest. */
  hex: string
}

/** The newest upstream build of a tracked definition. */
export interface UpstreamBuild {
  /** Catalog version: the build folder's date YYYYMMDD, else the image's Last-Modified date, else the upstream version. */
  version: string
  /** The image url the catalog will carry. */
  url: string
  checksum: Checksum
  /** ISO date YYYY-MM-DD. */
  buildDate: string
  /** The key whose signature on the checksum file held (definitions with checksum_signature). */
  signedBy?: Voucher
}

/** The key that vouched for a checksum file. */
export interface Voucher {
  /** The primary key's fingerprint, 40 upper-case hex digits. */
  fingerprint: string
  /** Its primary user id (`Name <mail>`). */
  userId: string
}

/** What a source is given: the tracked definition's discovery inputs. */
export interface Tracked {
  /** Image name, for messages. */
  image: string
  latestUrl: string
  latestChecksumUrl: string
  /** Explicit source key (`upstream:` in the definition), overriding the detection from the urls. */
  source?: string
  /** The first version entry as the catalog has it now. */
  current: { version: string; url: string; checksum?: string; buildDate?: string }
}
