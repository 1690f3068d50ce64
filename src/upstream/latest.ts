// Resolves `version: latest` entries: the upstream checksum and the build date.
import type { Definition } from '../definitions/types.js'
import type { Http } from '../http/client.js'
import { getErrorMessage } from '../problems.js'
import type { LatestInfo } from '../plan/desire.js'
import { bareChecksum, findChecksum, lastModifiedVersion } from './checksums.js'
import { loadSignatureCheck, verifyChecksumFile } from './signature.js'

const TIMEOUT_MS = 30_000
const ANY_TYPE = { Accept: '*/*' }

async function text(http: Http, url: string): Promise<string> {
  const response = await http.request<string>({
    method: 'GET',
    url,
    headers: ANY_TYPE,
    expected: [200],
    responseType: 'text',
    timeoutMs: TIMEOUT_MS,
  })
  return response.data
}

/** The checksum file's text; with checksum_signature, its signed text once the signature holds. */
async function checksumText(http: Http, def: Definition, url: string): Promise<string> {
  const fetched = await text(http, url)
  const check = await loadSignatureCheck(def)
  if (!check) return fetched
  return (await verifyChecksumFile(check, url, fetched, (u) => text(http, u))).text
}

/** Latest info per definition; definitions whose upstream cannot be read are listed in `errors`. */
export async function resolveLatest(
  definitions: readonly Definition[],
  /** The upstream client (createUpstreamHttp): never the cloud's. */
  http: Http,
): Promise<{ latest: Map<string, LatestInfo>; errors: Map<string, string> }> {
  const latest = new Map<string, LatestInfo>()
  const errors = new Map<string, string>()
  await Promise.all(
    definitions.map(async (def) => {
      const v = def.versions.find((x) => x.version === 'latest')
      if (!v) return
      try {
        const filename = new URL(v.url).pathname.split('/').pop() ?? ''
        const checksum = v.checksums_url
          ? findChecksum(await checksumText(http, def, v.checksums_url), filename)
          : bareChecksum(await checksumText(http, def, v.checksum_url as string))
        if (!checksum)
          throw new Error(`no checksum for ${filename} in ${v.checksums_url ?? v.checksum_url}`)
        const head = await http.request({
          method: 'HEAD',
          url: v.url,
          headers: ANY_TYPE,
          expected: [200],
          responseType: 'none',
          timeoutMs: TIMEOUT_MS,
        })
        // Without Last-Modified the old tool recorded 'latest'; so do we.
        const internalVersion = lastModifiedVersion(head.headers.get('last-modified')) ?? 'latest'
        latest.set(def.name, { internalVersion, upstreamChecksum: checksum })
      } catch (error) {
        // The Http's errors already name the method, the url and the reason (refused, TLS, 404).
        errors.set(def.name, getErrorMessage(error))
      }
    }),
  )
  return { latest, errors }
}
