// The plan: ordered steps as data. Renderers and the executor only read it.
import type {
  DiskFormat,
  ImageStatus,
  Rotated,
  Visibility,
  VerifyMode,
} from '../definitions/types.js'
import type { LatestInfo } from './desire.js'

/** 2: the plan records what it depends on (`basis`), for `apply --plan`. */
export const PLAN_FORMAT_VERSION = 2

/** An image by id, or (no id) the image that an import step of this plan creates. */
export interface ImageRef {
  id?: string
  name: string
}

export type Change =
  | { field: 'property'; key: string; from?: string; to?: string }
  | { field: 'min_disk' | 'min_ram'; from: number; to: number }
  | { field: 'visibility'; from: string; to: Visibility | 'community' }
  | { field: 'os_hidden'; from: boolean; to: boolean }
  /** `to` is the whole tag list wanted, so one `replace /tags` sets it. */
  | { field: 'tags'; add: string[]; remove: string[]; to: string[] }

export interface ImportStep {
  action: 'import'
  image: ImageRef
  /** A leftover of an interrupted import under the same name: deleted first. */
  replaces?: ImageRef
  version: string
  source: string
  /** The definition's url when `source` is its mirror_url: used when the mirror object is missing or unreadable. */
  fallback?: string
  checksum?: string
  /**
   * The tool streams the bytes (download, checksum, format sniffing,
   * decompression, stage): always when a checksum or a compressed source
   * allows it, unless `verify: none`; false: Glance's web-download, unchecked.
   */
  stream: boolean
  /**
   * A web-download whose first bytes this tool reads, before anything is
   * created, to check the declared format (`verify: auto`; never under
   * `verify: none`, which leaves the bytes to Glance alone).
   */
  peek?: boolean
  /** `verified (sha256)`, `unverified (no checksum)` or `unverified (verify: none)`. */
  verification: string
  /** Everything the create call carries: the image is created private. */
  create: {
    id?: string
    name: string
    disk_format: DiskFormat
    container_format: 'bare'
    min_disk: number
    min_ram: number
    visibility: 'private'
    tags: string[]
    properties: Record<string, string>
    os_hidden?: boolean
  }
  /** Applied once the image is active. */
  then: { visibility: Visibility; status: ImageStatus }
  reason: string
}

export interface RenameStep {
  action: 'rename'
  image: ImageRef
  to: string
  reason: string
}

export interface UpdateStep {
  action: 'update'
  image: ImageRef
  changes: Change[]
  reason: string
}

export interface StatusStep {
  action: 'deactivate' | 'reactivate'
  image: ImageRef
  reason: string
}

/** Retention: hide sets community visibility; delete deactivates, hides, then deletes. */
export interface RetentionStep {
  action: 'hide' | 'delete'
  image: ImageRef
  reason: string
}

export type Step = ImportStep | RenameStep | UpdateStep | StatusStep | RetentionStep
export type StepAction = Step['action']

export interface Note {
  /** An image, when the note is about one. */
  image?: ImageRef
  message: string
}

export interface DefinitionPlan {
  name: string
  file: string
  line: number
  /** Why the whole definition is left alone (disabled, filtered). */
  skipped?: string
  /** Imports, rotations, drift repair and status, in order. */
  steps: Step[]
  /** Hide, deactivate or delete builds outside the retention window: run only when no import failed. */
  retention: (RetentionStep | StatusStep)[]
  /** What the plan deliberately does not do, and why. */
  notes: Note[]
}

export interface Plan {
  formatVersion: typeof PLAN_FORMAT_VERSION
  generatedAt: string
  cloud?: string
  definitions: DefinitionPlan[]
  /** Managed images that no definition describes: reported, never touched. */
  orphans: ImageRef[]
  /** Public imports nobody verifies, check-age findings and the SCS image metadata rules the plan would leave broken. */
  findings: Note[]
  summary: Record<StepAction, number> & { unchanged: number; skipped: number }
  /** Glance requests made to compute the plan, by method and path. */
  requests?: Record<string, number>
  /** What the plan depends on, so that `apply --plan` can tell it still holds (src/plan/saved.ts). */
  basis?: PlanBasis
}

/** The options that change what is planned, as the plan was made with them. */
export interface PlanShape {
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
  /** What multi builds get once replaced (--rotated-meta, --rotated-hidden); a definition's `rotated` replaces it. */
  rotated?: Rotated
  /** --verify: how imports get their bytes where a definition does not say (default auto). */
  verify?: VerifyMode
}

/** What the plan saw of one image: everything the planner reads of it. */
export interface ImageState {
  id: string
  name: string
  status: string
  visibility: string
  hidden: boolean
  min_disk: number
  min_ram: number
  /** min_disk follows it. */
  size: number | null
  tags: string[]
  /** Every property but Glance's own bookkeeping (`os_glance_*`). */
  properties: Record<string, string>
  updated_at?: string
}

/** `basis` of a plan file: what the plan depends on. */
export interface PlanBasis {
  /** planDigest of the plan's steps, recomputed when the file is read. */
  planDigest: string
  definitionsDigest: string
  options: PlanShape
  /** `version: latest` as resolved for the plan, by definition name. */
  latest: Record<string, LatestInfo>
  /** Definitions whose latest upstream was unreadable (skipped), with the reason. */
  latestErrors: Record<string, string>
  /** Every managed image the plan relies on, by id order: the set seen and each one's state. */
  images: ImageState[]
  /** sha256 of this record without `digest`: a hand edit shows. */
  digest: string
}
