// The requests of the Glance v2 client: one small function per API call,
// each stating the statuses it accepts. Built by createGlanceClient().

import type { Session } from '../auth/session.js'
import type { GlanceClient, ImportOptions } from './client.js'
import {
  JSON_PATCH_CONTENT_TYPE,
  buildPatch,
  type ImageUpdate,
  type PatchOperation,
} from './patch.js'
import {
  createImageJson,
  parseImage,
  parseImageTask,
  type CreateImageBody,
  type Image,
  type ImageTask,
  type ImportInfo,
  type ImageMember,
  type MemberStatus,
  type Store,
} from './types.js'
import {
  glanceUrls,
  listImagesSearch,
  nextPageUrl,
  type GlanceUrl,
  type ListImagesQuery,
} from './urls.js'
import { isStatus } from '../../http/error.js'
import type { HttpRequest, HttpResponse, StreamBody } from '../../http/client.js'

/** What every request needs; `importInfo` caches `GET /v2/info/import` per client. */
interface GlanceContext {
  session: Session
  endpoint: string
  importInfo?: ImportInfo
}

export function glanceRequests(
  session: Session,
  endpoint: string,
  apiVersion: string,
): GlanceClient {
  const ctx: GlanceContext = { session, endpoint }
  const client: GlanceClient = {
    endpoint,
    apiVersion,
    get projectId() {
      return session.info.project?.id
    },
    session,
    counter: session.http.counter,
    listImages: (query = {}) => listPasses(ctx, query),
    getImage: (id) => getImage(ctx, id),
    // Through `client`, so the calls go where the client's own methods go.
    findImage: (id) => findImage(client, id),
    createImage: (body) => createImage(ctx, body),
    importImage: (id, method, options = {}) => importImage(ctx, id, method, options),
    imageTasks: (id) => imageTasks(ctx, id, apiVersion),
    stageImage: (id, data, size) => putData(ctx, glanceUrls.imageStage(endpoint, id), data, size),
    uploadImage: (id, data, size) => putData(ctx, glanceUrls.imageFile(endpoint, id), data, size),
    patchImage: (id, operations) => patchImage(ctx, id, operations),
    updateImage: (current, desired) => updateImage(client, current, desired),
    addTag: async (id, tag) => noContent(ctx, 'PUT', glanceUrls.imageTag(endpoint, id, tag)),
    removeTag: async (id, tag) => noContent(ctx, 'DELETE', glanceUrls.imageTag(endpoint, id, tag)),
    deactivateImage: async (id) =>
      noContent(ctx, 'POST', glanceUrls.imageAction(endpoint, id, 'deactivate')),
    reactivateImage: async (id) =>
      noContent(ctx, 'POST', glanceUrls.imageAction(endpoint, id, 'reactivate')),
    // A retried DELETE whose first answer was lost (a timeout) finds the image gone: that is done.
    deleteImage: async (id) =>
      noContent(ctx, 'DELETE', glanceUrls.image(endpoint, id), { expectedOnRetry: [404] }),
    listMembers: (id) => listMembers(ctx, id),
    addMember: (id, projectId) => addMember(ctx, id, projectId),
    updateMemberStatus: (id, projectId, status) => updateMemberStatus(ctx, id, projectId, status),
    removeMember: async (id, projectId) =>
      noContent(ctx, 'DELETE', glanceUrls.member(endpoint, id, projectId)),
    getImportInfo: () => getImportInfo(ctx),
    getStores: () => getStores(ctx),
  }
  return client
}

// A call Glance answers with 204 and no body. Its callers are async so that a
// URL that cannot be encoded rejects rather than throws.
async function noContent(
  { session }: GlanceContext,
  method: 'PUT' | 'POST' | 'DELETE',
  { url, template }: GlanceUrl,
  extra: Pick<HttpRequest, 'body' | 'headers' | 'expectedOnRetry'> = {},
): Promise<void> {
  await session.request({
    method,
    url,
    template,
    expected: [204],
    responseType: 'none',
    ...extra,
  })
}

/** Image bytes into `/stage` or `/file`: streamed, never sent twice. */
function putData(
  ctx: GlanceContext,
  where: GlanceUrl,
  data: StreamBody,
  size?: number,
): Promise<void> {
  return noContent(ctx, 'PUT', where, { body: data, headers: sizeHeader(size) })
}

async function* listPasses(
  { session, endpoint }: GlanceContext,
  query: ListImagesQuery,
): AsyncGenerator<Image, void, undefined> {
  const passes = query.osHidden === 'both' ? [false, true] : [query.osHidden]
  const seen = new Set<string>()
  const { url: imagesUrl, template } = glanceUrls.images(endpoint)
  for (const osHidden of passes) {
    const search = listImagesSearch(query, osHidden).toString()
    let url: string | undefined = search ? `${imagesUrl}?${search}` : imagesUrl
    while (url !== undefined) {
      const page: HttpResponse<{ images?: unknown[]; next?: string }> = await session.request({
        method: 'GET',
        url,
        template,
        expected: [200],
      })
      const images = page.data?.images ?? []
      for (const json of images) {
        const image = parseImage(json)
        if (seen.has(image.id)) continue
        seen.add(image.id)
        yield image
      }
      url =
        images.length > 0 && page.data?.next ? nextPageUrl(imagesUrl, page.data.next) : undefined
    }
  }
}

async function getImage({ session, endpoint }: GlanceContext, id: string): Promise<Image> {
  const { url, template } = glanceUrls.image(endpoint, id)
  const response = await session.request({ method: 'GET', url, template, expected: [200] })
  return parseImage(response.data)
}

async function findImage(client: GlanceClient, id: string): Promise<Image | null> {
  try {
    return await client.getImage(id)
  } catch (error) {
    if (isStatus(error, 404)) return null
    throw error
  }
}

async function createImage(
  { session, endpoint }: GlanceContext,
  body: CreateImageBody,
): Promise<Image> {
  const { url, template } = glanceUrls.images(endpoint)
  const response = await session.request({
    method: 'POST',
    url,
    template,
    expected: [201],
    json: createImageJson(body),
  })
  return parseImage(response.data)
}

async function importImage(
  { session, endpoint }: GlanceContext,
  id: string,
  method: string,
  options: ImportOptions,
): Promise<void> {
  const { url, template } = glanceUrls.imageImport(endpoint, id)
  const json: Record<string, unknown> = {
    method: { name: method, ...(options.uri ? { uri: options.uri } : {}) },
  }
  if (options.stores) json.stores = options.stores
  if (options.allStores !== undefined) json.all_stores = options.allStores
  if (options.allStoresMustSucceed !== undefined)
    json.all_stores_must_succeed = options.allStoresMustSucceed
  await session.request({
    method: 'POST',
    url,
    template,
    expected: [202],
    json,
    responseType: 'none',
  })
}

/** The minor version of `v2.N`; 0 when it is not one. */
const minorVersion = (apiVersion: string): number =>
  Number(/^v2\.(\d+)$/.exec(apiVersion)?.[1] ?? 0)

async function imageTasks(
  { session, endpoint }: GlanceContext,
  id: string,
  apiVersion: string,
): Promise<ImageTask[] | null> {
  if (minorVersion(apiVersion) < 12) return null
  const { url, template } = glanceUrls.imageTasks(endpoint, id)
  const response = await session.request<{ tasks?: unknown[] }>({
    method: 'GET',
    url,
    template,
    expected: [200],
  })
  return (response.data?.tasks ?? []).map(parseImageTask)
}

async function patchImage(
  { session, endpoint }: GlanceContext,
  id: string,
  operations: readonly PatchOperation[],
): Promise<Image> {
  const { url, template } = glanceUrls.image(endpoint, id)
  const response = await session.request({
    method: 'PATCH',
    url,
    template,
    expected: [200],
    json: operations,
    contentType: JSON_PATCH_CONTENT_TYPE,
    // Setting values twice sets them once; a removal repeated would fail (409).
    idempotent: operations.every((op) => op.op !== 'remove'),
  })
  return parseImage(response.data)
}

async function updateImage(
  client: GlanceClient,
  current: Image,
  desired: ImageUpdate,
): Promise<Image> {
  const operations = buildPatch(current, desired)
  return operations.length === 0 ? current : client.patchImage(current.id, operations)
}

async function listMembers(
  { session, endpoint }: GlanceContext,
  id: string,
): Promise<ImageMember[]> {
  const { url, template } = glanceUrls.members(endpoint, id)
  const response = await session.request<{ members?: ImageMember[] }>({
    method: 'GET',
    url,
    template,
    expected: [200],
  })
  return response.data?.members ?? []
}

async function addMember(
  { session, endpoint }: GlanceContext,
  id: string,
  projectId: string,
): Promise<ImageMember> {
  const { url, template } = glanceUrls.members(endpoint, id)
  const response = await session.request<ImageMember>({
    method: 'POST',
    url,
    template,
    expected: [200],
    json: { member: projectId },
  })
  return response.data
}

async function updateMemberStatus(
  { session, endpoint }: GlanceContext,
  id: string,
  projectId: string,
  status: MemberStatus,
): Promise<ImageMember> {
  const { url, template } = glanceUrls.member(endpoint, id, projectId)
  const response = await session.request<ImageMember>({
    method: 'PUT',
    url,
    template,
    expected: [200],
    json: { status },
  })
  return response.data
}

async function getImportInfo(ctx: GlanceContext): Promise<ImportInfo> {
  if (ctx.importInfo) return ctx.importInfo
  const { url, template } = glanceUrls.importInfo(ctx.endpoint)
  const response = await ctx.session.request<{ 'import-methods'?: { value?: string[] } }>({
    method: 'GET',
    url,
    template,
    expected: [200],
  })
  ctx.importInfo = { methods: response.data?.['import-methods']?.value ?? [] }
  return ctx.importInfo
}

async function getStores({ session, endpoint }: GlanceContext): Promise<Store[]> {
  const { url, template } = glanceUrls.stores(endpoint)
  try {
    const response = await session.request<{
      stores?: { id: string; description?: string; default?: unknown }[]
    }>({
      method: 'GET',
      url,
      template,
      expected: [200],
    })
    return (response.data?.stores ?? []).map((store): Store => ({
      ...store,
      default: store.default === true || store.default === 'true',
    }))
  } catch (error) {
    // Glance without enabled_backends answers 404 (older) or 410 here.
    if (isStatus(error, 404, 410)) return []
    throw error
  }
}

function sizeHeader(size: number | undefined): Record<string, string> | undefined {
  return size === undefined ? undefined : { 'Content-Length': String(size) }
}
