// TLS settings applied to fetch. Node's global fetch cannot take a CA bundle,
// so such clients use undici's fetch with its own Agent (the same undici Node
// bundles). The cloud's settings (cacert, verify: false, client cert) are read
// here; the upstream client (download/upstream-http.ts) uses fetchWithTls with its own.

import { readFile } from 'node:fs/promises'
import type { CloudConfig } from '../config/types.js'
import { ConfigError } from '../errors.js'
import type { FetchFunction } from './client.js'

/** Reads a PEM file; `what` names the setting in the message (`cacert`, `--source-cacert`). */
export async function readPem(path: string, what: string): Promise<string> {
  try {
    return await readFile(path, 'utf8')
  } catch (error) {
    throw new ConfigError(
      `Cannot read the ${what} ${path}: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`,
    )
  }
}

/** A fetch whose connections use these TLS options (`ca`, `rejectUnauthorized`, `cert`, `key`). */
export async function fetchWithTls(connect: Record<string, unknown>): Promise<FetchFunction> {
  const undici = await import('undici')
  const dispatcher = new undici.Agent({ connect })
  const tlsFetch = (input: Parameters<FetchFunction>[0], init?: RequestInit): Promise<Response> =>
    undici.fetch(
      input as Parameters<typeof undici.fetch>[0],
      { ...(init as object), dispatcher } as Parameters<typeof undici.fetch>[1],
    ) as unknown as Promise<Response>
  return tlsFetch as FetchFunction
}

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
