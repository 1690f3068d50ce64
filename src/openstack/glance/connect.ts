// createGlanceClient() authenticates and discovers the API version up front,
// so a client that exists can talk to Glance.

import { createSession, type Session } from '../auth/session.js'
import type { CloudConfig } from '../config/types.js'
import { ConfigError } from '../../problems.js'
import { ConnectionError } from '../../http/connection.js'
import { HttpError } from '../../http/error.js'
import type { HttpResponse } from '../../http/client.js'
import type { GlanceClient, GlanceClientOptions } from './client.js'
import { glanceRequests } from './requests.js'
import { glanceUrls, unversionedEndpoint } from './urls.js'

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
