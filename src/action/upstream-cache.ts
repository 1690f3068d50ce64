// The conditional-request cache of `command: update` in Actions: a fixed
// directory under RUNNER_TEMP, restored from the Actions cache before the
// check and saved under a new key after it, because an Actions cache entry
// can never be overwritten. @actions/cache is imported only here, only when
// the runner offers the cache service, so validate and plan never load it.
// A cache service that fails costs a warning, never the update.
import os from 'node:os'
import path from 'node:path'
import { getErrorMessage } from '../problems.js'
import { HttpCache } from '../upstream/http-cache.js'

export const CACHE_KEY_PREFIX = 'image-manager-upstream-'
export const CACHE_DIR_NAME = 'image-manager-upstream-cache'

/** The part of @actions/cache used here (tests inject their own). */
export interface ActionsCache {
  restoreCache(
    paths: string[],
    primaryKey: string,
    restoreKeys?: string[],
  ): Promise<string | undefined>
  saveCache(paths: string[], key: string): Promise<number>
}

/** @actions/cache when the runner has the cache service; otherwise nothing is loaded. */
export async function actionsCacheService(): Promise<ActionsCache | undefined> {
  const env = process.env
  if (!env.ACTIONS_RUNTIME_TOKEN || !(env.ACTIONS_CACHE_URL || env.ACTIONS_RESULTS_URL))
    return undefined
  const cache = await import('@actions/cache')
  return cache.isFeatureAvailable() ? cache : undefined
}

export interface UpstreamCacheOptions {
  /** Default actionsCacheService. */
  service?: () => Promise<ActionsCache | undefined>
  warn: (message: string) => void
  info: (message: string) => void
}

export interface UpstreamCacheSession {
  cache: HttpCache
  /** Writes the file and saves it to the Actions cache when it changed. */
  save(): Promise<void>
}

/** Restores the cache; undefined (no cache at all) where the Actions cache service is absent. */
export async function openUpstreamCache(
  options: UpstreamCacheOptions,
): Promise<UpstreamCacheSession | undefined> {
  const env = process.env
  let service: ActionsCache | undefined
  try {
    service = await (options.service ?? actionsCacheService)()
  } catch (error) {
    options.warn(
      `the Actions cache is not available (${getErrorMessage(error)}): no upstream cache`,
    )
    return undefined
  }
  if (!service) return undefined
  const dir = path.join(env.RUNNER_TEMP || os.tmpdir(), CACHE_DIR_NAME)
  // Unique per run and attempt: an entry is immutable, so every change needs a new key.
  const key = `${CACHE_KEY_PREFIX}${env.GITHUB_RUN_ID ?? '0'}-${env.GITHUB_RUN_ATTEMPT ?? '1'}`
  let restored: string | undefined
  try {
    restored = await service.restoreCache([dir], key, [CACHE_KEY_PREFIX])
  } catch (error) {
    options.warn(`cannot restore the upstream cache: ${getErrorMessage(error)}; starting cold`)
  }
  options.info(
    restored ? `upstream cache restored from ${restored}` : 'no upstream cache yet: starting cold',
  )
  const cache = await HttpCache.open(dir, { warn: options.warn })
  const active = service
  return {
    cache,
    async save() {
      // Unchanged (every answer a 304): the restored entry stays the newest one.
      if (!(await cache.save())) return
      try {
        await active.saveCache([dir], key)
      } catch (error) {
        options.warn(
          `cannot save the upstream cache: ${getErrorMessage(error)}; the next run starts cold`,
        )
      }
    },
  }
}
