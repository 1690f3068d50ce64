// The plan: ordered steps as data. Renderers and the executor only read it.
import type { DiskFormat, ImageStatus, Visibility } from '../definitions/types.js'

export const PLAN_FORMAT_VERSION = 1

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
}
