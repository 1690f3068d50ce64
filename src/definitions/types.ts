/** Where a value stands in a definition file (1-based line and column). */
export interface SourcePosition {
  file: string
  line: number
  column: number
}

export type DiskFormat =
  'aki' | 'ari' | 'ami' | 'raw' | 'iso' | 'vhd' | 'vdi' | 'qcow2' | 'vmdk' | 'ploop'
export type Visibility = 'public' | 'private' | 'community' | 'shared'
export type ImageStatus = 'active' | 'deactivated'
/** How imports get their bytes (docs/behaviour.md §4). */
export type VerifyMode = 'auto' | 'stream' | 'none'

/** Glance properties as the definition gives them (values not yet stringified). */
export type Meta = Record<string, string | number | boolean | null>

/** One entry of an image definition's `versions` list (docs/behaviour.md §1). */
export interface Version {
  /** Always a string, also when the YAML wrote a number (`version: 20240416`). */
  version: string
  url: string
  mirror_url?: string
  checksum?: string
  checksum_url?: string
  checksums_url?: string
  /** ISO date YYYY-MM-DD (a YAML date or timestamp is reduced to its date). */
  build_date?: string
  visibility?: Visibility
  os_version?: string
  hidden?: boolean
  meta?: Meta
  id?: string
  image_description?: string
  source?: string
  /** Where the entry starts, for messages. */
  position: SourcePosition
  /** Where its `url:` and `mirror_url:` keys stand, for problems about the urls. */
  keys?: Partial<Record<'url' | 'mirror_url', SourcePosition>>
}

/** What a multi build gets once a newer build takes its name (`rotated`, or the catalog-wide default). */
export interface Rotated {
  meta: Meta
  /** os_hidden of replaced builds. */
  hidden?: boolean
}

/** The OpenPGP signature of a definition's checksum file and the keys trusted to make it. */
export interface ChecksumSignature {
  /** `clearsigned`, or the suffix of the detached signature's url (`.gpg`, `.asc`, `.sign`). */
  signature: string
  /** Armored public key files, relative to the definition file. */
  keys: string[]
  /** Trusted primary key fingerprints: 40 upper-case hex digits, spaces removed. */
  fingerprints: string[]
}

/** One entry of a file's `images` list (docs/behaviour.md §1), defaults applied. */
export interface Definition {
  name: string
  enable: boolean
  format: DiskFormat
  login: string
  password?: string
  min_disk: number
  min_ram: number
  status: ImageStatus
  visibility: Visibility
  multi: boolean
  separator: string
  keep: boolean
  /** Only when the file sets it: it then overrides the --verify option. */
  verify?: VerifyMode
  shortname?: string
  meta: Meta
  tags: string[]
  versions: Version[]
  latest_url?: string
  latest_checksum_url?: string
  checksum_signature?: ChecksumSignature
  /** Multi images: the definition's own rotation settings (they replace the catalog-wide ones). */
  rotated?: Rotated
  /** Where the entry starts, for messages. */
  position: SourcePosition
}
