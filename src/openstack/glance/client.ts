// The Glance v2 client interface and its factory: createGlanceClient()
// authenticates and discovers the API version up front, so a client that
// exists can talk to Glance. The requests are in glance-requests.ts.

import { createSession, type Session, type SessionOptions } from './auth.js'
import type { CloudConfig } from './config-types.js'
import { ConfigError, ConnectionError } from './errors.js'
import { glanceRequests } from './glance-requests.js'
import type { ImageUpdate, PatchOperation } from './glance-patch.js'
import type {
  CreateImageBody,
  Image,
  ImageMember,
  ImportInfo,
  MemberStatus,
  Store,
} from './glance-types.js'
import { glanceUrls, unversionedEndpoint, type ListImagesQuery } from './glance-urls.js'
import { HttpError } from './http-error.js'
import type { HttpResponse, StreamBody } from './http.js'
import type { RequestCounter } from './request-counter.js'

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

interface VersionsBody {
  versions?: { id?: string; status?: string }[]
}

/** Authenticate, find Glance in the catalog and check that it speaks v2. */
export async function createGlanceClient(
  config: CloudConfig,
  options: GlanceClientOptions = {},
): Promise<GlanceClient> {
  const session = options.session ?? (await createSession(config, options))
  const endpoint = unversionedEndpoint(options.endpoint ?? session.endpoint('image'))
  const apiVersion = await discoverVersion(session, endpoint)
  return glanceRequests(session, endpoint, apiVersion)
}

async function discoverVersion(session: Session, endpoint: string): Promise<string> {
  const { url, template } = glanceUrls.versions(endpoint)
  let response: HttpResponse<VersionsBody>
  try {
    response = await session.http.request<VersionsBody>({
      method: 'GET',
      url,
      template,
      expected: [200, 300],
    })
  } catch (error) {
    if (error instanceof ConnectionError)
      throw new ConnectionError(
        `Cannot reach Glance at ${endpoint}: ${error.reason}`,
        error.reason,
        { cause: error },
      )
    if (error instanceof HttpError) {
      throw new ConfigError(
        `Glance at ${endpoint} did not list its API versions (${error.status}); check the 'image' endpoint`,
        { cause: error },
      )
    }
    throw error
  }
  const v2 = (response.data?.versions ?? [])
    .filter(
      (v) =>
        typeof v.id === 'string' &&
        /^v2(\.\d+)?$/.test(v.id) &&
        ['CURRENT', 'SUPPORTED'].includes(v.status ?? ''),
    )
    .map((v) => v.id as string)
    .sort((a, b) => Number(b.split('.')[1] ?? 0) - Number(a.split('.')[1] ?? 0))
  if (v2[0] === undefined)
    throw new ConfigError(`Glance at ${endpoint} does not offer API v2; check the 'image' endpoint`)
  return v2[0]
}
