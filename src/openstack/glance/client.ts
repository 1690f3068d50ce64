// The Glance v2 client as the rest of the project sees it. connect.ts makes
// one (authenticated, API version known); requests.ts holds its requests.

import type { Session, SessionOptions } from '../auth/session.js'
import type { RequestCounter } from '../../http/request-counter.js'
import type { StreamBody } from '../../http/client.js'
import type { ImageUpdate, PatchOperation } from './patch.js'
import type {
  CreateImageBody,
  Image,
  ImageMember,
  ImageTask,
  ImportInfo,
  MemberStatus,
  Store,
} from './types.js'
import type { ListImagesQuery } from './urls.js'

export interface ImportOptions {
  /** For web-download: the URL Glance fetches. */
  uri?: string
  stores?: string[]
  allStores?: boolean
  allStoresMustSucceed?: boolean
}

export interface GlanceClient {
  /** Glance's unversioned endpoint, e.g. `http://127.0.0.1:19292`. */
  readonly endpoint: string
  /** The newest v2 minor version Glance announced, e.g. `v2.15`. */
  readonly apiVersion: string
  /** The project the token is scoped to (owner of created images). */
  readonly projectId: string | undefined
  readonly session: Session
  readonly counter: RequestCounter
  /** Every image matching `query`, following `next` links page by page. */
  listImages(query?: ListImagesQuery): AsyncGenerator<Image, void, undefined>
  getImage(id: string): Promise<Image>
  /** The image, or null when Glance says 404. */
  findImage(id: string): Promise<Image | null>
  createImage(body: CreateImageBody): Promise<Image>
  importImage(
    id: string,
    method: 'web-download' | 'glance-direct' | 'copy-image',
    options?: ImportOptions,
  ): Promise<void>
  /**
   * The image's tasks (`GET /v2/images/{id}/tasks`): an import's failure and
   * Glance's reason for it. null, without a request, where Glance's API is
   * older than v2.12 and has no such call.
   */
  imageTasks(id: string): Promise<ImageTask[] | null>
  /** Stream image data into the staging area (`PUT /stage`); chunked when `size` is unknown. */
  stageImage(id: string, data: StreamBody, size?: number): Promise<void>
  /** Plain upload (`PUT /file`) for clouds without interoperable import. */
  uploadImage(id: string, data: StreamBody, size?: number): Promise<void>
  /** Apply JSON-Patch operations in one request. */
  patchImage(id: string, operations: readonly PatchOperation[]): Promise<Image>
  /** buildPatch + patchImage; no request when nothing differs. */
  updateImage(current: Image, desired: ImageUpdate): Promise<Image>
  addTag(id: string, tag: string): Promise<void>
  removeTag(id: string, tag: string): Promise<void>
  deactivateImage(id: string): Promise<void>
  reactivateImage(id: string): Promise<void>
  deleteImage(id: string): Promise<void>
  listMembers(id: string): Promise<ImageMember[]>
  addMember(id: string, projectId: string): Promise<ImageMember>
  updateMemberStatus(id: string, projectId: string, status: MemberStatus): Promise<ImageMember>
  removeMember(id: string, projectId: string): Promise<void>
  /** `GET /v2/info/import` (cached after the first call). */
  getImportInfo(): Promise<ImportInfo>
  /** `GET /v2/info/stores`; an empty list when the cloud has no multi-store setup. */
  getStores(): Promise<Store[]>
}

export interface GlanceClientOptions extends SessionOptions {
  /** Reuse an existing session (and its Http, counter and secrets). */
  session?: Session
  /** Use this Glance endpoint instead of the catalog's (e.g. a proxy). */
  endpoint?: string
}
