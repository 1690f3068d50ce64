// The cloud's own TLS settings (cacert, verify: false, client cert) as a fetch.
import type { CloudConfig } from '../config/types.js'
import type { FetchFunction } from '../../http/client.js'
import { fetchWithTls, readPem } from '../../http/tls.js'

/**
 * A fetch honouring the cloud's TLS settings, or undefined when the defaults
 * (system CAs, verification on, no client certificate) apply. Like
 * openstacksdk (requests' `verify=<path>`), a cacert replaces the system CAs.
 * Only the cloud's own requests use it: upstream downloads never do.
 */
export async function createTlsFetch(config: CloudConfig): Promise<FetchFunction | undefined> {
  if (config.verify && config.cacert === undefined && config.cert === undefined) return undefined
  const connect: Record<string, unknown> = { rejectUnauthorized: config.verify }
  if (config.verify && config.cacert !== undefined)
    connect.ca = await readPem(config.cacert, 'cacert')
  if (config.cert !== undefined)
    connect.cert = await readPem(config.cert, 'client certificate (cert)')
  if (config.key !== undefined) connect.key = await readPem(config.key, 'client key (key)')
  return fetchWithTls(connect)
}
