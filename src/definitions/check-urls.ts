// `validate --check-urls`: is every `url` and `mirror_url` still there? One
// HEAD per distinct url (a GET of one byte when the server refuses HEAD),
// bounded concurrency, one deadline per url that covers redirects, the
// fallback and a retry. `file:` urls must name an existing file.
import { readFile } from 'node:fs/promises'
import path from 'node:path'
import { limiter } from '../limiter.js'
import type { FetchFunction } from '../http/client.js'
import { createUpstreamFetch } from '../download/upstream-http.js'
import { withoutUserinfo } from '../http/secrets.js'
import type { Problem, Severity } from '../problems.js'
import { LineMap } from './positions.js'
import { probeFile, probeHttp, type Outcome } from './url-probe.js'
import type { Definition, SourcePosition, Version } from './types.js'
import {
  DEFAULT_MAX_URLS,
  DEFAULT_URL_CONCURRENCY,
  DEFAULT_URL_TIMEOUT_MS,
  DEFAULT_URLS_DEADLINE_SECONDS,
} from './url-limits.js'

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
  /** At most this many distinct urls are asked; the rest are errors (default 1000). */
  maxUrls?: number
  /** All urls together within this time; those not answered by then are errors (default 600 s). */
  deadlineMs?: number
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

type UrlKey = 'url' | 'mirror_url'

/** One check per distinct url; a `file:` url means a file beside its definition file. */
const checkId = (url: string, definitionFile: string): string =>
  url.startsWith('file:') ? `${definitionFile}\0${url}` : url

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
  const selected = selectDefinitions(definitions, options.changed, cwd)
  const uses = urlUses(selected, cwd)
  const distinct = new Map<string, Use>()
  for (const use of uses) if (!distinct.has(use.id)) distinct.set(use.id, use)
  const checkable = [...distinct.values()].filter((u) => /^(https?|file):/i.test(u.url))
  const maxUrls = options.maxUrls ?? DEFAULT_MAX_URLS
  const checked = checkable.slice(0, maxUrls)
  const outcomes = await probeAll(checked, options)
  const unasked = checked.filter((u) => !outcomes.has(u.id))
  return {
    problems: [
      ...(await urlProblems(uses, outcomes)),
      ...notAsked(
        checkable.slice(maxUrls),
        `more than the ${maxUrls} distinct urls --check-urls asks in one run (--check-urls-max, action input check-urls-max): split the change or raise the limit`,
      ),
      ...notAsked(
        unasked,
        `not asked before the deadline of ${(options.deadlineMs ?? DEFAULT_URLS_DEADLINE_SECONDS * 1000) / 1000} s for all urls (--check-urls-deadline, action input check-urls-deadline): check fewer urls at once or raise the deadline`,
      ),
    ],
    definitions: selected.length,
    urls: checked.length - unasked.length,
    skipped: distinct.size - checkable.length,
  }
}

/** One error for urls that were not asked, at the first of them; none for none. */
function notAsked(left: readonly Use[], why: string): Problem[] {
  const first = left[0]
  if (!first) return []
  const at: SourcePosition = first.version.keys?.[first.key] ?? first.version.position
  const count = left.length === 1 ? 'this url' : `${left.length} urls (this one first)`
  return [
    {
      severity: 'error',
      file: at.file,
      line: at.line,
      column: at.column,
      message: `${count} not checked: ${why}`,
    },
  ]
}

/** Every url and mirror_url of the selected definitions, in their order. */
function urlUses(selected: readonly Definition[], cwd: string): Use[] {
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
  return uses
}

/**
 * Each distinct url probed once, `concurrency` at a time; outcomes by check
 * id. At the overall deadline the probes under way are cut off and the rest
 * not started: their urls have no outcome.
 */
async function probeAll(
  checked: readonly Use[],
  options: CheckUrlsOptions,
): Promise<Map<string, Outcome>> {
  const timeoutMs = options.timeoutMs ?? DEFAULT_URL_TIMEOUT_MS
  const retryDelayMs = options.retryDelayMs ?? 1000
  const fetchFn = options.fetch ?? (await createUpstreamFetch(options.sourceCacert))
  const slot = limiter(options.concurrency ?? DEFAULT_URL_CONCURRENCY)
  const outcomes = new Map<string, Outcome>()
  const overall = new AbortController()
  let timer: NodeJS.Timeout | undefined
  const deadline = new Promise<void>((resolve) => {
    timer = setTimeout(
      () => {
        overall.abort()
        resolve()
      },
      options.deadlineMs ?? DEFAULT_URLS_DEADLINE_SECONDS * 1000,
    )
  })
  const all = Promise.all(
    checked.map((use) =>
      slot(async () => {
        if (overall.signal.aborted) return
        const outcome = use.url.startsWith('file:')
          ? await probeFile(use.url, use.definitionFile)
          : await probeHttp(use.url, fetchFn, timeoutMs, retryDelayMs, overall.signal)
        if (!overall.signal.aborted) outcomes.set(use.id, outcome)
      }),
    ),
  )
  try {
    await Promise.race([all, deadline])
  } finally {
    clearTimeout(timer)
    overall.abort()
  }
  return outcomes
}

/** A problem for every use of a url that failed; a dead mirror_url with a live url warns. */
async function urlProblems(
  uses: readonly Use[],
  outcomes: ReadonlyMap<string, Outcome>,
): Promise<Problem[]> {
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
  return problems
}
