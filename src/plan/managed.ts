// Which managed images belong to a definition and what state they are in; what every
// phase of one definition's plan reads (docs/behaviour.md §6). Pure.
import type { Definition } from '../definitions/types.js'
import type { DesiredImage, Rotation } from './desire.js'
import type { CloudImage } from './observed.js'
import { IMPORT_TIMEOUT_MS, type PlanOptions } from './plan-options.js'
import type { ImageRef, Note } from './types.js'

export const ref = (image: CloudImage): ImageRef => ({ id: image.id, name: image.name })
/** Statuses in which an image can be updated, renamed or retired. */
export const ACTABLE = new Set(['active', 'deactivated'])
/**
 * What an interrupted import leaves behind: never filled (queued), half
 * streamed (uploading) or failed (killed). Only this tool fills managed images,
 * so such an image is deleted and imported anew. Importing and saving are
 * Glance's own work in progress and finish without us, unless they have not
 * moved for longer than an import may take: then the task that ran them is
 * gone (glance-api was killed or restarted) and the image never finishes.
 */
const LEFTOVER = new Set(['queued', 'uploading', 'killed'])
const WORKING = new Set(['importing', 'saving'])

export function isLeftover(image: CloudImage, options: PlanOptions): boolean {
  if (LEFTOVER.has(image.status)) return true
  if (!WORKING.has(image.status)) return false
  const since = Date.parse(image.updated_at ?? image.created_at ?? '')
  const limit = options.importTimeoutMs ?? IMPORT_TIMEOUT_MS
  return Number.isFinite(since) && options.now.getTime() - since > limit
}

/**
 * The builds of a definition (docs/behaviour.md §6): image_description is the definition's
 * name, or, when the definition sets its own image_description, image_name is.
 */
export function belongsTo(def: Definition, image: CloudImage): boolean {
  const own = def.meta.image_description
  const key = own !== undefined && own !== null ? 'image_name' : 'image_description'
  return image.properties[key] === def.name
}

/** The managed images by Glance name, built once per plan: every name with all its images. */
export type ByName = ReadonlyMap<string, readonly CloudImage[]>

/** Desired builds matched to the existing images: sound ones, and leftovers to import anew. */
export interface Matches {
  match: Map<DesiredImage, CloudImage>
  leftovers: Map<DesiredImage, CloudImage>
}

/** One definition as its plan sees it, shared by the phases of planDefinition. */
export interface DefinitionScope {
  def: Definition
  options: PlanOptions
  /** The definition's own managed images, in the cloud's order. */
  own: readonly CloudImage[]
  /** The managed image of a Glance name (names are unique once planning gets here). */
  named: (name: string) => CloudImage | undefined
  desired: readonly DesiredImage[]
  newest: DesiredImage | undefined
  /** Multi: the image holding the plain name now. */
  current: CloudImage | undefined
  rotation: Rotation | undefined
  /** The retention window of uuid_validity. */
  window: { size: number | null; why: string }
  notes: Note[]
}
