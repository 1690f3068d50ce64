// The OpenStack client: the only part of the project that knows HTTP details
// of Keystone and Glance.

export * from './config-types.js'
export { resolveCloudConfig, type ConfigFile, type ConfigSources } from './config.js'
export {
  configSearchPath,
  loadCloudConfig,
  type LoadCloudConfigOptions,
  type SearchPath,
} from './config-loader.js'
export {
  AuthError,
  ConfigError,
  ConnectionError,
  NotFoundError,
  getErrorMessage,
} from './errors.js'
export { SecretRegistry, type OnSecret } from './secrets.js'
export { HttpError, isStatus } from './http-error.js'
export { RequestCounter, pathTemplate } from './request-counter.js'
export { DEFAULT_RETRY_POLICY, type RetryPolicy } from './retry.js'
export {
  createHttp,
  ResponseFormatError,
  type FetchFunction,
  type Http,
  type HttpMethod,
  type HttpOptions,
  type HttpRequest,
  type HttpResponse,
  type Sleep,
  type StreamBody,
} from './http.js'
export {
  createSession,
  revokeToken,
  type Session,
  type SessionOptions,
  type TokenInfo,
} from './auth.js'
export { buildAuthRequestBody, identityV3Url } from './auth-request.js'
export { findEndpoint, type CatalogService, type CatalogEndpoint } from './catalog.js'
export * from './glance-types.js'
export { glanceUrls, type ListImagesQuery, type VisibilityFilter } from './glance-urls.js'
export {
  buildPatch,
  JSON_PATCH_CONTENT_TYPE,
  type ImageUpdate,
  type PatchOperation,
} from './glance-patch.js'
export {
  createGlanceClient,
  type GlanceClient,
  type GlanceClientOptions,
  type ImportOptions,
} from './glance.js'
export { createIdentityClient, type Domain, type IdentityClient, type Project } from './identity.js'
export {
  ChecksumMismatchError,
  HASH_ALGORITHMS,
  openDownload,
  parseChecksum,
  probeUrl,
  type Download,
  type DownloadOptions,
  type DownloadProgress,
  type DownloadResult,
  type ExpectedChecksum,
  type HashAlgorithm,
  type ProbeResult,
} from './download.js'
