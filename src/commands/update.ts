// `update`: find the newest upstream build of every tracked definition
// (latest_url + latest_checksum_url) and bump the first version entry of
// each definition whose upstream checksum changed, in place.
import { writeFile } from 'node:fs/promises'
import path from 'node:path'
import { acceptProblems, problemsTo } from '../definitions/catalog.js'
import { safeJson } from '../escape/json.js'
import { withoutUserinfo } from '../http/secrets.js'
import type { Reporter } from '../reporter.js'
import { findUpdates } from '../update/find-updates.js'
import { HttpCache } from '../upstream/http-cache.js'
import type { DefinitionStatus } from '../update/types.js'
import { openUpdateMirror, type UpdateMirrorOptions } from '../update/open-mirror.js'

export interface UpdateCommandOptions {
  images: string
  filter?: string
  dryRun: boolean
  output: 'text' | 'json'
  sourceCacert?: string
  /** Keeps validators and bodies between runs, so an unchanged upstream answers 304. */
  cacheDir?: string
  cwd?: string
  /** Mirror each new build before its bump claims a mirror_url. */
  mirror?: UpdateMirrorOptions
  /** Where JSON goes (stdout). */
  write: (text: string) => void
}

/** A status as printed: no url or message in it shows a url's userinfo. */
const shownStatus = (s: DefinitionStatus): DefinitionStatus =>
  Object.fromEntries(
    Object.entries(s).map(([k, v]) => [k, typeof v === 'string' ? withoutUserinfo(v) : v]),
  ) as unknown as DefinitionStatus

function line(s: DefinitionStatus): string {
  if (s.status === 'error') return `✗ ${s.image}: ${s.error}`
  if (s.status === 'current') return `= ${s.image}: ${s.from} is the newest build`
  const mirror = s.mirror_url ? `; mirror_url ${s.mirror_url} (${s.mirror})` : ''
  return `↑ ${s.image}: ${s.from} → ${s.to} (${s.build_date}, ${s.checksum}) ${s.url}${mirror}`
}

/** Exit code: 0, or 1 when the catalog is invalid, some upstream could not be read or a configured mirror failed. */
export async function updateCommand(
  options: UpdateCommandOptions,
  reporter: Reporter,
): Promise<number> {
  const cwd = options.cwd ?? process.cwd()
  const cache =
    options.cacheDir === undefined
      ? undefined
      : await HttpCache.open(path.resolve(cwd, options.cacheDir), {
          warn: (m) => reporter.warning(m),
        })
  const mirror = options.mirror && (await openUpdateMirror(options.mirror, options, reporter))
  const result = await findUpdates({
    images: options.images,
    cwd,
    ...(options.filter !== undefined ? { filter: options.filter } : {}),
    ...(options.sourceCacert ? { sourceCacert: options.sourceCacert } : {}),
    ...(cache ? { cache } : {}),
    ...(mirror ? { mirror } : {}),
  }).finally(() => {
    if (mirror && !options.mirror?.store) mirror.store.close()
  })
  await cache?.save()
  const valid = acceptProblems(result.problems, {
    // With JSON on stdout the problems go to stderr: stdout stays JSON.
    report: problemsTo(reporter, options.output === 'json'),
    stop: () => reporter.warning('the definitions are invalid: nothing was looked up upstream'),
  })
  if (!valid) return 1
  if (!options.dryRun) {
    for (const update of result.updates)
      await writeFile(path.resolve(cwd, update.file), update.content, 'utf8')
  }
  // Without a configured mirror a dropped mirror_url is news, not a failure.
  const failed = result.statuses.filter(
    (s) => s.status === 'error' || (options.mirror && s.mirror_error),
  ).length
  for (const s of result.statuses)
    if (s.mirror_error) reporter.warning(`${s.file}: ${s.image}: ${s.mirror_error}`)
  const bumps = result.updates.reduce((n, u) => n + u.bumps.length, 0)
  if (options.output === 'json') {
    options.write(`${safeJson(result.statuses.map(shownStatus))}\n`)
    // stdout holds only the JSON; failures also go to stderr (annotations in Actions).
    for (const s of result.statuses)
      if (s.status === 'error') reporter.warning(`${s.file}: ${s.image}: ${s.error}`)
  } else {
    for (const s of result.statuses) reporter.info(line(s))
    const verb = options.dryRun ? 'would bump' : 'bumped'
    reporter.info(
      `${result.statuses.length} tracked, ${verb} ${bumps} in ${result.updates.length} file(s), ${failed} failed`,
    )
  }
  return failed > 0 ? 1 : 0
}
