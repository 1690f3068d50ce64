// One url of `validate --check-urls` probed: a HEAD (a GET of one byte when
// the server refuses HEAD) under one deadline that covers redirects, the
// fallback and a retry; a `file:` url must name an existing file.
import { STATUS_CODES } from 'node:http'
import path from 'node:path'
import { connectionReason, errorCode } from '../http/connection.js'
import { DEFAULT_USER_AGENT, type FetchFunction } from '../http/client.js'
import { splitUserinfo } from '../http/secrets.js'
import { isTransientError, isTransientStatus } from '../http/retry.js'
import { SOURCE_TRUST_HINT } from '../download/upstream-http.js'
import { checkFileUrl } from '../download/file-url.js'

export type Outcome = { ok: true } | { ok: false; reason: string; todo: string }

const alive: Outcome = { ok: true }

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
  const split = splitUserinfo(new URL(url))
  const headers: Record<string, string> = { 'User-Agent': DEFAULT_USER_AGENT, Accept: '*/*' }
  if (split.authorization) headers.Authorization = split.authorization
  return { target: split.url.toString(), headers }
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

export async function probeHttp(
  url: string,
  fetchFn: FetchFunction,
  timeoutMs: number,
  retryDelayMs: number,
  /** Aborted: the whole check is over (its deadline), this probe ends at once. */
  overall?: AbortSignal,
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
  const stop = (): void => controller.abort()
  if (overall?.aborted) stop()
  overall?.addEventListener('abort', stop)
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
  const deadline = new Promise<never>((_, reject) => {
    if (signal.aborted) reject(new Error('deadline'))
    signal.addEventListener('abort', () => reject(new Error('deadline')))
  })
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
    overall?.removeEventListener('abort', stop)
    controller.abort()
  }
}

export async function probeFile(url: string, definitionFile: string): Promise<Outcome> {
  const dir = path.dirname(definitionFile)
  const meaning = await checkFileUrl(url, dir, dir, { mustExist: true })
  if (meaning.ok) return alive
  return {
    ok: false,
    reason: meaning.reason,
    todo: 'put the image there or correct the path (relative to the definition file)',
  }
}
