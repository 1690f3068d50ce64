// Resolves `version: latest` entries: the upstream checksum and the build date.
import type { Definition } from '../definitions/types.js'
import type { LatestInfo } from '../plan/desire.js'
import { bareChecksum, findChecksum, lastModifiedVersion } from './checksums.js'

export type Fetch = typeof fetch

async function text(fetcher: Fetch, url: string): Promise<string> {
  const response = await fetcher(url, { redirect: 'follow', signal: AbortSignal.timeout(30_000) })
  if (!response.ok) throw new Error(`GET ${url} answered ${response.status}`)
  return response.text()
}

/** Latest info per definition; definitions whose upstream cannot be read are listed in `errors`. */
export async function resolveLatest(
  definitions: readonly Definition[],
  fetcher: Fetch = fetch,
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
          ? findChecksum(await text(fetcher, v.checksums_url), filename)
          : bareChecksum(await text(fetcher, v.checksum_url as string))
        if (!checksum)
          throw new Error(`no checksum for ${filename} in ${v.checksums_url ?? v.checksum_url}`)
        const head = await fetcher(v.url, {
          method: 'HEAD',
          redirect: 'follow',
          signal: AbortSignal.timeout(30_000),
        })
        if (!head.ok) throw new Error(`HEAD ${v.url} answered ${head.status}`)
        // Without Last-Modified the old tool recorded 'latest'; so do we.
        const internalVersion = lastModifiedVersion(head.headers.get('last-modified')) ?? 'latest'
        latest.set(def.name, { internalVersion, upstreamChecksum: checksum })
      } catch (error) {
        // fetch hides the reason (refused, DNS, TLS) in its cause.
        const cause =
          error instanceof Error && error.cause instanceof Error ? `: ${error.cause.message}` : ''
        errors.set(def.name, `${error instanceof Error ? error.message : String(error)}${cause}`)
      }
    }),
  )
  return { latest, errors }
}
