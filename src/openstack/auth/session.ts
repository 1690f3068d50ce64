// Keystone v3 authentication: issue a token, find endpoints in its catalog,
// renew it shortly before it expires, and re-issue it once when a service
// answers 401 (then repeat that request once).

import { buildAuthRequestBody, identityV3Url } from './request.js'
import { findEndpoint, missingEndpointMessage, type CatalogService } from './catalog.js'
import { configSecrets, describeAuth, type CloudConfig } from '../config/types.js'
import { AuthError } from '../errors.js'
import { ConnectionError } from '../../http/connection.js'
import { HttpError, isStatus } from '../../http/error.js'
import { cloudTls } from './tls.js'
import {
  ResponseFormatError,
  createHttp,
  type Http,
  type HttpOptions,
  type HttpRequest,
  type HttpResponse,
} from '../../http/client.js'

export interface TokenInfo {
  expiresAt: Date
  user: { id: string; name: string; domainId?: string }
  project?: { id: string; name: string; domainId?: string }
  domain?: { id: string; name: string }
  roles: string[]
  catalog: CatalogService[]
}

export interface Session {
  readonly config: CloudConfig
  readonly http: Http
  /** Keystone's v3 URL (`http://h:5000/v3`). */
  readonly identityUrl: string
  /** Details of the current token. */
  readonly info: TokenInfo
  /** A valid token, renewed first when it expires within the refresh margin. */
  token(): Promise<string>
  /** Issue a new token now (after a 401). Concurrent callers share one request. */
  reauthenticate(): Promise<void>
  /** The endpoint of a service type: `<type>_endpoint_override`, else the catalog. */
  endpoint(serviceType: string): string
  /** A request with the token; on 401 the token is re-issued once and the request sent once more. */
  request<T = unknown>(request: HttpRequest): Promise<HttpResponse<T>>
}

export interface SessionOptions extends HttpOptions {
  /** Share one Http (counter, secrets) between several sessions. */
  http?: Http
  /** Renew the token this long before expires_at (default 120 s). */
  refreshBeforeMs?: number
}

interface TokenBody {
  token: {
    expires_at: string
    user: { id: string; name: string; domain?: { id: string } }
    project?: { id: string; name: string; domain?: { id: string } }
    domain?: { id: string; name: string }
    roles?: { id: string; name: string }[]
    catalog?: CatalogService[]
  }
}

/** Authenticate against Keystone and return a session that keeps the token valid. */
export async function createSession(
  config: CloudConfig,
  options: SessionOptions = {},
): Promise<Session> {
  const http = options.http ?? createHttp(await httpOptionsFor(config, options))
  for (const secret of configSecrets(config)) http.secrets.add(secret)
  const now = options.now ?? Date.now
  const refreshBeforeMs = options.refreshBeforeMs ?? 120_000
  const identityUrl = identityV3Url(config.auth.authUrl)
  let current = await issueToken(config, http, identityUrl)
  let pending: Promise<void> | undefined

  const reauthenticate = (): Promise<void> => {
    pending ??= issueToken(config, http, identityUrl, current.token)
      .then((issued) => {
        current = issued
      })
      .finally(() => {
        pending = undefined
      })
    return pending
  }

  const token = async (): Promise<string> => {
    if (pending) await pending
    if (current.info.expiresAt.getTime() - refreshBeforeMs <= now()) await reauthenticate()
    return current.token
  }

  const session: Session = {
    config,
    http,
    identityUrl,
    get info() {
      return current.info
    },
    token,
    reauthenticate,
    endpoint: (serviceType) => endpointOf(config, current.info.catalog, serviceType),
    async request<T>(request: HttpRequest): Promise<HttpResponse<T>> {
      const used = await token()
      try {
        return await http.request<T>(withToken(request, used))
      } catch (error) {
        if (!isStatus(error, 401) || isStreamed(request)) throw error
        // Someone else may have renewed it meanwhile; otherwise renew it now.
        if (current.token === used) await reauthenticate()
        return http.request<T>(withToken(request, current.token))
      }
    },
  }
  return session
}

/** The service's endpoint URL: the cloud's override, else the catalog's for its interface and region. */
function endpointOf(
  config: CloudConfig,
  catalog: readonly CatalogService[],
  serviceType: string,
): string {
  const override = config.endpointOverrides[serviceType]
  if (override) return override.replace(/\/+$/, '')
  const query = { serviceType, interface: config.interface, regionName: config.regionName }
  const url = findEndpoint(catalog, query)
  if (url === undefined) throw new AuthError(missingEndpointMessage(catalog, query))
  return url.replace(/\/+$/, '')
}

/** The cloud's TLS settings and api_timeout, unless the caller supplies its own fetch/timeout. */
async function httpOptionsFor(config: CloudConfig, options: HttpOptions): Promise<HttpOptions> {
  const tls = options.fetch ? undefined : await cloudTls(config)
  const timeoutMs = options.timeoutMs ?? config.apiTimeoutMs
  return {
    ...options,
    ...(tls ? { tls } : {}),
    ...(timeoutMs !== undefined ? { timeoutMs } : {}),
  }
}

function withToken(request: HttpRequest, token: string): HttpRequest {
  return { ...request, headers: { ...request.headers, 'X-Auth-Token': token } }
}

function isStreamed(request: HttpRequest): boolean {
  return (
    request.body !== undefined &&
    typeof request.body !== 'string' &&
    !(request.body instanceof Uint8Array)
  )
}

async function issueToken(
  config: CloudConfig,
  http: Http,
  identityUrl: string,
  previous?: string,
): Promise<{ token: string; info: TokenInfo }> {
  const { authUrl } = config.auth
  let response: HttpResponse<TokenBody>
  try {
    response = await http.request<TokenBody>({
      method: 'POST',
      url: `${identityUrl}/auth/tokens`,
      template: '/v3/auth/tokens',
      expected: [201],
      json: buildAuthRequestBody(config.auth),
      // Issuing a token twice is harmless, so resets and 503s are retried.
      idempotent: true,
    })
  } catch (error) {
    throw keystoneError(error, config, authUrl, previous !== undefined)
  }
  const token = response.headers.get('x-subject-token')
  const body = response.data?.token
  if (!token || body === undefined || typeof body.expires_at !== 'string') {
    throw new AuthError(
      `Keystone at ${authUrl} answered without a token: is auth_url the Keystone endpoint?`,
    )
  }
  http.secrets.add(token)
  return {
    token,
    info: {
      expiresAt: new Date(body.expires_at),
      user: { id: body.user.id, name: body.user.name, domainId: body.user.domain?.id },
      ...(body.project
        ? {
            project: {
              id: body.project.id,
              name: body.project.name,
              domainId: body.project.domain?.id,
            },
          }
        : {}),
      ...(body.domain ? { domain: body.domain } : {}),
      roles: (body.roles ?? []).map((role) => role.name),
      catalog: body.catalog ?? [],
    },
  }
}

function keystoneError(
  error: unknown,
  config: CloudConfig,
  authUrl: string,
  renewing: boolean,
): Error {
  if (error instanceof ConnectionError)
    return new AuthError(`Cannot reach Keystone at ${authUrl}: ${error.reason}`, { cause: error })
  if (error instanceof ResponseFormatError) {
    return new AuthError(
      `Keystone at ${authUrl} did not answer with JSON: is auth_url the Keystone endpoint?`,
    )
  }
  if (!(error instanceof HttpError))
    return error instanceof Error ? error : new Error(String(error))
  const who = describeAuth(config.auth)
  if (error.status === 401) {
    if (config.auth.type === 'token') {
      const when = renewing ? 'no longer accepted (expired or revoked)' : 'rejected'
      return new AuthError(
        `Authentication failed for ${who} at ${authUrl}: the token was ${when}; issue a new token`,
      )
    }
    return new AuthError(
      `Authentication failed for ${who} at ${authUrl}: check the password / application credential`,
    )
  }
  if (error.status === 404) {
    return new AuthError(
      `Keystone at ${authUrl} has no /v3/auth/tokens (404): check that auth_url is the Keystone endpoint`,
    )
  }
  const detail = error.serviceMessage ? `: ${error.serviceMessage}` : ''
  return new AuthError(
    `Keystone at ${authUrl} refused to issue a token for ${who} (${error.status})${detail}`,
  )
}

/** Revoke a token (`DELETE /v3/auth/tokens`), authorised by the session's own token. */
export async function revokeToken(session: Session, token: string): Promise<void> {
  await session.request({
    method: 'DELETE',
    url: `${session.identityUrl}/auth/tokens`,
    template: '/v3/auth/tokens',
    headers: { 'X-Subject-Token': token },
    expected: [204],
    responseType: 'none',
  })
}
