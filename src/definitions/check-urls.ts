// `validate --check-urls`: is every `url` and `mirror_url` still there? One
// HEAD per distinct url (a GET of one byte when the server refuses HEAD),
// bounded concurrency, one deadline per url that covers redirects, the
// fallback and a retry. `file:` urls must name an existing file.
import { readFile } from 'node:fs/promises'
import { STATUS_CODES } from 'node:http'
import path from 'node:path'
import { limiter } from '../limiter.js'
import { connectionReason, errorCode } from '../http/connection.js'
import { DEFAULT_USER_AGENT, type FetchFunction } from '../http/client.js'
import { isTransientError, isTransientStatus } from '../http/retry.js'
import { createUpstreamFetch, SOURCE_TRUST_HINT } from '../download/upstream-http.js'
import type { Problem, Severity } from '../problems.js'
import { checkFileUrl } from '../download/file-url.js'
import { LineMap } from './positions.js'
import type { Definition, SourcePosition, Version } from './types.js'

/**
 * Files to restrict the check to, by absolute path: every definition of a file
 * (`'all'`), or those whose lines hold one of the given 1-based lines.
 */
export type ChangedLines = ReadonlyMap<string, ReadonlySet<number> | 'all'>

export interface CheckUrlsOptions {
  /** Absent: every definition is checked. */
  changed?: ChangedLines
  /** What relative definition paths are relative to (default: the working directory). */
  cwd?: string
  sourceCacert?: string
  /** At most this many urls are checked at once (default 8). */
  concurrency?: number
  /** The time one url may take in all, redirects, fallback and retry included (default 15 s). */
  timeoutMs?: number
  /** Injected by tests; default: the image-source fetch (system CAs plus `sourceCacert`). */
  fetch?: FetchFunction
  /** Injected by tests: the wait before the one retry of a transient failure (default 1 s). */
  retryDelayMs?: number
}

export interface UrlCheck {
  problems: Problem[]
  /** Definitions whose urls were checked. */
  definitions: number
  /** Distinct urls checked. */
  urls: number
  /** Distinct urls of a scheme that is not checked (ftp). */
  skipped: number
}

export const DEFAULT_URL_CONCURRENCY = 8
export const DEFAULT_URL_TIMEOUT_MS = 15_000

type UrlKey = 'url' | 'mirror_url'

/** One check per distinct url; a `file:` url means a file beside its definition file. */
const checkId = (url: string, definitionFile: string): string =>
  url.startsWith('file:') ? `${definitionFile}\0${url}` : url
type Outcome = { ok: true } | { ok: false; reason: string; todo: string }

const alive: Outcome = { ok: true }

/** Text as shown: every url in it without the `user:password@` it may carry. */
export function withoutUserinfo(text: string): string {
  // Greedy up to the last `@` before the path: a password may hold a bare `@`.
  return text.replace(/([a-z][a-z0-9+.-]*:\/\/)[^/?#\s]*@/gi, '$1')
}

/** The definitions to check: enabled ones, restricted to the changed lines when given. */
export function selectDefinitions(
  definitions: readonly Definition[],
  changed: ChangedLines | undefined,
  cwd: string,
): Definition[] {
  const enabled = definitions.filter((d) => d.enable)
  if (changed === undefined) return enabled
  const byFile = new Map<string, Definition[]>()
  for (const def of enabled) {
    const file = path.resolve(cwd, def.position.file)
    byFile.set(file, [...(byFile.get(file) ?? []), def])
  }
  const selected: Definition[] = []
  for (const [file, defs] of byFile) {
    const lines = changed.get(file)
    if (lines === undefined) continue
    const sorted = [...defs].sort((a, b) => a.position.line - b.position.line)
    const first = sorted[0]?.position.line ?? 1
    // A line above the first definition (shared anchors, say) may change any of them.
    if (lines === 'all' || [...lines].some((l) => l < first)) {
      selected.push(...sorted)
      continue
    }
    sorted.forEach((def, i) => {
      const end = (sorted[i + 1]?.position.line ?? Infinity) - 1
      if ([...lines].some((l) => l >= def.position.line && l <= end)) selected.push(def)
    })
  }
  return selected
}

function statusOutcome(status: number): Outcome {
  const text = `${status}${STATUS_CODES[status] ? ` ${STATUS_CODES[status]}` : ''}`
  if (status === 404 || status === 410)
    return { ok: false, reason: `answers ${text}`, todo: 'point it at a build that exists' }
  if (status === 401 || status === 403)
    return {
      ok: false,
      reason: `answers ${text}`,
      todo: 'check the url and whether it may be read (credentials in the url go as Basic auth)',
    }
  if (status >= 500)
    return {
      ok: false,
      reason: `answers ${text}`,
      todo: 'the server fails; try again later or point it at another mirror',
    }
  return { ok: false, reason: `answers ${text}`, todo: 'point it at a build that exists' }
}

function failureOutcome(error: unknown, timedOut: boolean, timeoutMs: number): Outcome {
  if (timedOut)
    return {
      ok: false,
      reason: `gave no answer within ${timeoutMs / 1000} s`,
      todo: 'check the host, or try again when the server answers',
    }
  const code = errorCode(error)
  const reason = connectionReason(error, SOURCE_TRUST_HINT)
  const tls = /TLS|CERT/i.test(`${code ?? ''} ${reason}`)
  return {
    ok: false,
    reason: `cannot be reached: ${reason}`,
    todo: tls
      ? "fix the server's certificate or trust its CA"
      : 'check the host and port in the url',
  }
}

/** A request without the url's userinfo, which fetch refuses; it goes as Basic auth instead. */
function prepare(url: string): { target: string; headers: Record<string, string> } {
  const parsed = new URL(url)
  const headers: Record<string, string> = { 'User-Agent': DEFAULT_USER_AGENT, Accept: '*/*' }
  if (parsed.username || parsed.password) {
    const user = decodeURIComponent(parsed.username)
    const password = decodeURIComponent(parsed.password)
    headers.Authorization = `Basic ${Buffer.from(`${user}:${password}`).toString('base64')}`
    parsed.username = ''
    parsed.password = ''
  }
  return { target: parsed.toString(), headers }
}

const sleep = (ms: number, signal: AbortSignal): Promise<void> =>
  new Promise((resolve) => {
    const timer = setTimeout(done, ms)
    function done(): void {
      clearTimeout(timer)
      signal.removeEventListener('abort', done)
      resolve()
    }
    signal.addEventListener('abort', done)
  })

async function probeHttp(
  url: string,
  fetchFn: FetchFunction,
  timeoutMs: number,
  retryDelayMs: number,
): Promise<Outcome> {
  let prepared
  try {
    prepared = prepare(url)
  } catch {
    return { ok: false, reason: 'is not a valid url', todo: 'correct it' }
  }
  const { target, headers } = prepared
  const controller = new AbortController()
  const timer = setTimeout(() => controller.abort(), timeoutMs)
  const { signal } = controller
  const send = async (method: 'HEAD' | 'GET'): Promise<number> => {
    const response = await fetchFn(target, {
      method,
      headers: method === 'GET' ? { ...headers, Range: 'bytes=0-0' } : headers,
      redirect: 'follow',
      signal,
    })
    // The status is all we need: never read what a GET sends (it may ignore Range).
    await response.body?.cancel().catch(() => undefined)
    return response.status
  }
  const attempt = async (): Promise<number> => {
    const status = await send('HEAD')
    return status === 405 || status === 501 ? send('GET') : status
  }
  // The deadline also ends a fetch that ignores its signal.
  const deadline = new Promise<never>((_, reject) =>
    signal.addEventListener('abort', () => reject(new Error('deadline'))),
  )
  try {
    for (let tries = 1; ; tries++) {
      try {
        const status = await Promise.race([attempt(), deadline])
        if (status < 300) return alive
        if (tries === 1 && isTransientStatus(status)) {
          await sleep(retryDelayMs, signal)
          if (!signal.aborted) continue
        }
        return statusOutcome(status)
      } catch (error) {
        if (signal.aborted) return failureOutcome(error, true, timeoutMs)
        if (tries === 1 && isTransientError(error)) {
          await sleep(retryDelayMs, signal)
          if (!signal.aborted) continue
          return failureOutcome(error, true, timeoutMs)
        }
        return failureOutcome(error, false, timeoutMs)
      }
    }
  } finally {
    clearTimeout(timer)
    controller.abort()
  }
}

async function probeFile(url: string, definitionFile: string): Promise<Outcome> {
  const dir = path.dirname(definitionFile)
  const meaning = await checkFileUrl(url, dir, dir, { mustExist: true })
  if (meaning.ok) return alive
  return {
    ok: false,
    reason: meaning.reason,
    todo: 'put the image there or correct the path (relative to the definition file)',
  }
}

interface Use {
  def: Definition
  version: Version
  key: UrlKey
  url: string
  /** Dedupe key: file: urls depend on the definition file's directory. */
  id: string
  definitionFile: string
}

function message(use: Use, outcome: Outcome & { ok: false }, urlAlive: boolean): string {
  const head = `${use.key} '${use.url}' of '${use.def.name}' version ${use.version.version} ${outcome.reason}`
  if (use.key === 'mirror_url' && urlAlive) {
    return `${head}; plan and apply fall back to url, which answers: mirror the build again (image-manager mirror) or remove mirror_url`
  }
  if (use.key === 'mirror_url') return `${head}: ${outcome.todo}, or remove mirror_url`
  return `${head}: ${outcome.todo}, or remove this version`
}

export async function checkUrls(
  definitions: readonly Definition[],
  options: CheckUrlsOptions = {},
): Promise<UrlCheck> {
  const cwd = options.cwd ?? process.cwd()
  const timeoutMs = options.timeoutMs ?? DEFAULT_URL_TIMEOUT_MS
  const retryDelayMs = options.retryDelayMs ?? 1000
  const selected = selectDefinitions(definitions, options.changed, cwd)
  const uses: Use[] = []
  for (const def of selected) {
    const definitionFile = path.resolve(cwd, def.position.file)
    for (const version of def.versions) {
      for (const key of ['url', 'mirror_url'] as const) {
        const url = version[key]
        if (url === undefined) continue
        uses.push({ def, version, key, url, id: checkId(url, definitionFile), definitionFile })
      }
    }
  }
  const distinct = new Map<string, Use>()
  for (const use of uses) if (!distinct.has(use.id)) distinct.set(use.id, use)
  const checked = [...distinct.values()].filter((u) => /^(https?|file):/i.test(u.url))
  const fetchFn = options.fetch ?? (await createUpstreamFetch(options.sourceCacert))
  const slot = limiter(options.concurrency ?? DEFAULT_URL_CONCURRENCY)
  const outcomes = new Map<string, Outcome>()
  await Promise.all(
    checked.map((use) =>
      slot(async () => {
        const outcome = use.url.startsWith('file:')
          ? await probeFile(use.url, use.definitionFile)
          : await probeHttp(use.url, fetchFn, timeoutMs, retryDelayMs)
        outcomes.set(use.id, outcome)
      }),
    ),
  )
  const problems: Problem[] = []
  const lines = new Map<string, Promise<LineMap | undefined>>()
  const lineMap = (file: string): Promise<LineMap | undefined> => {
    let found = lines.get(file)
    if (!found) {
      found = readFile(file, 'utf8').then(
        (text) => new LineMap(text),
        () => undefined,
      )
      lines.set(file, found)
    }
    return found
  }
  for (const use of uses) {
    const outcome = outcomes.get(use.id)
    if (!outcome || outcome.ok) continue
    const urlAlive = outcomes.get(checkId(use.version.url, use.definitionFile))?.ok === true
    const severity: Severity = use.key === 'mirror_url' && urlAlive ? 'warning' : 'error'
    const at: SourcePosition = use.version.keys?.[use.key] ?? use.version.position
    const map = await lineMap(use.definitionFile)
    problems.push({
      severity,
      file: at.file,
      line: at.line,
      column: at.column,
      message: withoutUserinfo(message(use, outcome, urlAlive)),
      ...(map ? { sourceLine: withoutUserinfo(map.lineText(at.line)) } : {}),
    })
  }
  return {
    problems,
    definitions: selected.length,
    urls: checked.length,
    skipped: distinct.size - checked.length,
  }
}
