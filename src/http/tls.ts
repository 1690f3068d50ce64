// TLS settings applied to fetch. Node's global fetch cannot take a CA bundle,
// so such clients use undici's fetch with its own Agent (the same undici Node
// bundles). The cloud's client (openstack/auth/tls.ts) and the image sources'
// client (download/upstream-http.ts) each pass their own settings; the
// node:http(s) transport (./node-transport.ts) takes the same ones.

import { readFile } from 'node:fs/promises'
import { ConfigError } from '../problems.js'
import type { ConnectionOptions } from 'node:tls'
import type { FetchFunction } from './transport.js'

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
export async function fetchWithTls(connect: ConnectionOptions): Promise<FetchFunction> {
  const undici = await import('undici')
  const dispatcher = new undici.Agent({ connect })
  const tlsFetch = (input: Parameters<FetchFunction>[0], init?: RequestInit): Promise<Response> =>
    undici.fetch(
      input as Parameters<typeof undici.fetch>[0],
      { ...(init as object), dispatcher } as Parameters<typeof undici.fetch>[1],
    ) as unknown as Promise<Response>
  return tlsFetch as FetchFunction
}
