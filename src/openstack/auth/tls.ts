// The cloud's own TLS settings (cacert, verify: false, client cert) as the
// connection options of its http client.
import type { ConnectionOptions } from 'node:tls'
import type { CloudConfig } from '../config/types.js'
import { readPem } from '../../http/tls.js'

/**
 * The connection options of the cloud's TLS settings, or undefined when the
 * defaults (system CAs, verification on, no client certificate) apply. Like
 * openstacksdk (requests' `verify=<path>`), a cacert replaces the system CAs.
 * Only the cloud's own requests use them: upstream downloads never do.
 */
export async function cloudTls(config: CloudConfig): Promise<ConnectionOptions | undefined> {
  if (config.verify && config.cacert === undefined && config.cert === undefined) return undefined
  const connect: ConnectionOptions = { rejectUnauthorized: config.verify }
  if (config.verify && config.cacert !== undefined)
    connect.ca = await readPem(config.cacert, 'cacert')
  if (config.cert !== undefined)
    connect.cert = await readPem(config.cert, 'client certificate (cert)')
  if (config.key !== undefined) connect.key = await readPem(config.key, 'client key (key)')
  return connect
}
