// Finds the newest upstream build of every tracked definition and computes
// the edited catalog files: the shared step of `update` and of the bump
// pull requests. Nothing is written here.
import { readFile } from 'node:fs/promises'
import path from 'node:path'
import { parseDefinitionFile } from '../definitions/load.js'
import { normalize } from '../definitions/normalize.js'
import { checkSchema } from '../definitions/schema-check.js'
import { requireValidCatalog } from '../definitions/catalog.js'
import type { Definition } from '../definitions/types.js'
import { claimMirror, type Claim, type UpdateMirror } from './claim-mirror.js'
import { createUpstreamHttp } from '../download/upstream-http.js'
import type { Http } from '../http/client.js'
import { getErrorMessage, type Problem } from '../problems.js'
import { filterRegex } from '../filter.js'
import { formatChecksum } from '../upstream/checksums.js'
import { discover, trackedOf, type Outcome } from '../upstream/discover.js'
import { editFirstVersions } from './edit.js'
import {
  createReader,
  DEFAULT_TIMEOUT_MS,
  type Reader,
  type ReaderOptions,
} from '../upstream/reader.js'
import { loadSignatureCheck, type SignatureCheck } from '../upstream/signature.js'
import type { UpstreamBuild, Voucher } from '../upstream/types.js'
import type { Bump, DefinitionStatus, FileUpdate } from './types.js'

export interface FindUpdatesOptions {
  /** Definition file, directory or glob, as for validate. */
  images: string
  /** Only images whose name matches this regular expression. */
  filter?: string
  /** PEM CA bundle trusted for upstream sites besides the system CAs. */
  sourceCacert?: string
  /** Upstream requests in flight at once (default 8). */
  concurrency?: number
  /** Per-request timeout in ms (default 30 s). */
  timeoutMs?: number
  /** Mirror every new build before its bump claims a `mirror_url` (off without it). */
  mirror?: UpdateMirror

  cwd?: string
  /** The upstream client; default createUpstreamHttp with one retry-free attempt per 30 s. */
  http?: Http
  /** Replaces the reader built from `http` (tests, caches). */
  reader?: Reader
  /** Makes the reader's requests conditional (`update --cache-dir`). */
  cache?: ReaderOptions['cache']
}

export interface FindUpdatesResult {
  updates: FileUpdate[]
  statuses: DefinitionStatus[]

  /** Problems of the catalog; with errors nothing was looked up. */
  problems: Problem[]
}

function statusOf(def: Definition, outcome: Outcome): DefinitionStatus {
  const base = { file: def.position.file, image: def.name }
  if (outcome.status === 'error') return { ...base, status: 'error', error: outcome.error }
  const b = outcome.build
  return {
    ...base,
    status: outcome.status,
    from: def.versions[0]?.version ?? '',
    to: b.version,
    url: b.url,
    checksum: formatChecksum(b.checksum),
    build_date: b.buildDate,
    ...(b.signedBy ? { signed_by: b.signedBy } : {}),
  }
}

/** A claim as the bump and its status say it; nothing for an entry without mirror. */
function mirrorOf(
  claim: Claim,
): { bump: NonNullable<Bump['mirror']>; status: Partial<DefinitionStatus> } | undefined {
  if (claim.kind === 'set')
    return {
      bump: { url: claim.url, note: claim.note },
      status: { mirror_url: claim.url, mirror: claim.note },
    }
  if (claim.kind === 'drop')
    return { bump: { error: claim.reason }, status: { mirror_error: claim.reason } }
  return undefined
}

interface Pending {
  def: Definition
  /** null: remove the key. */
  changes: Record<string, string | null>
  claim: Claim
  signedBy?: Voucher
  /** Index into the statuses. */
  status: number
}

/** Why the edited text is not what we meant, per pending bump (none: all fine). */
function verify(file: string, text: string, pending: readonly Pending[]): Map<number, string> {
  const wrong = new Map<number, string>()
  const reread = parseDefinitionFile(file, text)
  const problems = 'data' in reread ? checkSchema(reread) : [reread]
  if (problems.length > 0 || !('data' in reread)) {
    const reason = `the edited file would not validate: ${problems[0]?.message ?? ''}`
    pending.forEach((_, i) => wrong.set(i, reason))
    return wrong
  }
  const after = new Map(normalize(reread).map((d) => [d.name, d.versions[0]]))
  pending.forEach((p, i) => {
    const entry = after.get(p.def.name) as unknown as Record<string, unknown> | undefined
    for (const [key, value] of Object.entries(p.changes)) {
      if (value === null ? entry !== undefined && key in entry : entry?.[key] !== value) {
        wrong.set(i, `the edit did not set ${key} (the file's layout is unusual): edit it by hand`)
        return
      }
    }
  })
  return wrong
}

/** Applies the bumps of one file in one pass; bumps that cannot be made are returned with the reason. */
function editFile(
  file: string,
  text: string,
  pending: readonly Pending[],
): { text: string; failed: Map<number, string> } {
  const parsed = parseDefinitionFile(file, text)
  if (!('data' in parsed)) throw new Error(`cannot read ${file} again: ${parsed.message}`)
  const names = (parsed.data as { images: { name?: unknown }[] }).images.map((i) => i.name)
  const edits = pending.map((p) => ({ imageIndex: names.indexOf(p.def.name), changes: p.changes }))
  const result = editFirstVersions(text, edits)
  const kept = pending.filter((_, i) => !result.failed.has(i))
  const wrong = verify(file, result.text, kept)
  if (wrong.size === 0) return result
  // Rare: find the bumps that break the file, one at a time.
  let current = text
  const failed = new Map(result.failed)
  pending.forEach((p, i) => {
    if (failed.has(i)) return
    const one = editFirstVersions(current, [edits[i] as (typeof edits)[number]])
    const reason = one.failed.get(0) ?? verify(file, one.text, [p]).get(0)
    if (reason !== undefined) failed.set(i, reason)
    else current = one.text
  })
  return { text: current, failed }
}

/** A definition with a newer upstream build, and its index into the statuses. */
interface Newer {
  def: Definition
  i: number
  build: UpstreamBuild
}

/** Looks every tracked definition up upstream and computes the edited files. */
export async function findUpdates(options: FindUpdatesOptions): Promise<FindUpdatesResult> {
  const cwd = options.cwd ?? process.cwd()
  // No reporter here: the problems go back to the caller, which reports them.
  let problems: Problem[] = []
  const catalog = await requireValidCatalog(
    { images: options.images, cwd },
    { report: (found) => (problems = found) },
  )
  if (!catalog) return { updates: [], statuses: [], problems }
  const filter = filterRegex(options.filter)
  const tracked = catalog.definitions
    .filter((d) => !filter || filter.test(d.name))
    .map((def) => ({ def, t: trackedOf(def) }))
    .filter((x): x is { def: Definition; t: NonNullable<typeof x.t> } => x.t !== null)

  const reader = options.reader ?? (await readerOf(options))
  const outcomes = await Promise.all(
    tracked.map(async ({ def, t }): Promise<Outcome> => {
      let check: SignatureCheck | undefined
      try {
        check = await loadSignatureCheck(def)
      } catch (error) {
        // A key that cannot be loaded trusts nothing: no bump for this definition.
        return { status: 'error', error: getErrorMessage(error) }
      }
      return discover(t, reader, check)
    }),
  )

  const statuses = tracked.map(({ def }, i) => statusOf(def, outcomes[i] as Outcome))
  const newer = tracked.flatMap(({ def }, i): Newer[] => {
    const outcome = outcomes[i] as Outcome
    return outcome.status === 'newer' ? [{ def, i, build: outcome.build }] : []
  })
  const claims = await claimAll(newer, reader, options.mirror)
  const byFile = pendingByFile(newer, claims, statuses)
  const updates: FileUpdate[] = []
  for (const [file, pending] of byFile) {
    const text = await readFile(path.resolve(cwd, file), 'utf8')
    const update = fileUpdate(file, editFile(file, text, pending), pending, statuses)
    if (update) updates.push(update)
  }
  return { updates, statuses, problems: catalog.problems }
}

/** The upstream reader of `options`: createUpstreamHttp unless a client is given. */
async function readerOf(options: FindUpdatesOptions): Promise<Reader> {
  return createReader({
    http:
      options.http ??
      (await createUpstreamHttp({
        ...(options.sourceCacert ? { sourceCacert: options.sourceCacert } : {}),
        timeoutMs: options.timeoutMs ?? DEFAULT_TIMEOUT_MS,
      })),
    ...(options.timeoutMs ? { timeoutMs: options.timeoutMs } : {}),
    ...(options.concurrency ? { concurrency: options.concurrency } : {}),
    ...(options.cache ? { cache: options.cache } : {}),
  })
}

/** The mirror claim of every newer build, in their order. */
async function claimAll(
  newer: readonly Newer[],
  reader: Reader,
  mirror: UpdateMirror | undefined,
): Promise<Claim[]> {
  const claimOf = (x: Newer): Promise<Claim> => claimMirror(x.def, x.build, reader, mirror)
  // A mirror uploads one build at a time (an upload holds its parts in memory); HEADs alone run side by side.
  const claims: Claim[] = []
  if (mirror) for (const x of newer) claims.push(await claimOf(x))
  else claims.push(...(await Promise.all(newer.map(claimOf))))
  return claims
}

/** The bumps to make, by file; a build its claim blocks becomes an error status instead. */
function pendingByFile(
  newer: readonly Newer[],
  claims: readonly Claim[],
  statuses: DefinitionStatus[],
): Map<string, Pending[]> {
  const byFile = new Map<string, Pending[]>()
  for (const [n, { def, i, build }] of newer.entries()) {
    const claim = claims[n] as Claim
    if (claim.kind === 'block') {
      statuses[i] = {
        file: def.position.file,
        image: def.name,
        status: 'error',
        error: claim.reason,
      }
      continue
    }
    const changes: Record<string, string | null> = {
      version: build.version,
      url: build.url,
      checksum: formatChecksum(build.checksum),
      build_date: build.buildDate,
      ...(claim.kind === 'set' ? { mirror_url: claim.url } : {}),
      ...(claim.kind === 'drop' ? { mirror_url: null } : {}),
    }
    const list = byFile.get(def.position.file) ?? []
    list.push({
      def,
      changes,
      claim,
      status: i,
      ...(build.signedBy ? { signedBy: build.signedBy } : {}),
    })
    byFile.set(def.position.file, list)
  }
  return byFile
}

/** The bumps an edited file carries, their statuses updated; none when no bump could be made. */
function fileUpdate(
  file: string,
  edited: { text: string; failed: Map<number, string> },
  pending: readonly Pending[],
  statuses: DefinitionStatus[],
): FileUpdate | undefined {
  const bumps: Bump[] = []
  pending.forEach((p, i) => {
    const reason = edited.failed.get(i)
    if (reason !== undefined) {
      statuses[p.status] = { file, image: p.def.name, status: 'error', error: reason }
      return
    }
    const mirror = mirrorOf(p.claim)
    if (mirror)
      statuses[p.status] = { ...(statuses[p.status] as DefinitionStatus), ...mirror.status }
    bumps.push({
      image: p.def.name,
      from: statuses[p.status]?.from ?? '',
      to: p.changes.version as string,
      url: p.changes.url as string,
      checksum: p.changes.checksum as string,
      buildDate: p.changes.build_date as string,
      ...(mirror ? { mirror: mirror.bump } : {}),
      ...(p.signedBy ? { signedBy: p.signedBy } : {}),
    })
  })
  return bumps.length > 0 ? { file, content: edited.text, bumps } : undefined
}
