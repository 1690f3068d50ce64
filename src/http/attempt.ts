// Per-attempt helpers of the request function (client.ts): a streamed body
// that remembers why its source failed, the per-attempt timeout, and reading
// the response body.
import type { Reply } from './transport.js'

/** What the request function does with the response body. */
export type ResponseType = 'json' | 'text' | 'none' | 'stream'

/** Wrap a streamed body so that an error of the source is remembered. */
export interface TrackedStream {
  iterable: AsyncIterable<Uint8Array>
  error?: unknown
}

export function trackStream(source: AsyncIterable<Uint8Array>): TrackedStream {
  const tracked: Partial<TrackedStream> = {}
  tracked.iterable = (async function* () {
    try {
      for await (const chunk of source) yield chunk
    } catch (error) {
      tracked.error = error
      throw error
    }
  })()
  return tracked as TrackedStream
}

export interface Timeout {
  signal: AbortSignal | undefined
  timedOut: boolean
  clear(): void
}

export function startTimeout(ms: number, outer: AbortSignal | undefined): Timeout {
  if (ms <= 0) return { signal: outer, timedOut: false, clear: () => undefined }
  const controller = new AbortController()
  const state: Timeout = {
    signal: outer ? AbortSignal.any([outer, controller.signal]) : controller.signal,
    timedOut: false,
    clear: () => clearTimeout(timer),
  }
  const timer = setTimeout(() => {
    state.timedOut = true
    controller.abort(timeoutError(ms))
  }, ms)
  return state
}

export function timeoutError(ms: number): Error {
  const error = new Error(`timed out after ${ms / 1000} s`)
  error.name = 'TimeoutError'
  return error
}

export async function readText(response: Reply): Promise<string> {
  try {
    return await response.text()
  } catch {
    return ''
  }
}

export async function readData(response: Reply, type: ResponseType): Promise<unknown> {
  if (type === 'stream') return undefined
  if (type === 'none') {
    await response.discard()
    return undefined
  }
  const text = await response.text()
  if (type === 'text') return text
  if (text.trim() === '') return undefined
  try {
    return JSON.parse(text)
  } catch {
    throw new ResponseFormatError(
      `${response.url}: expected a JSON response, got: ${text.slice(0, 200)}`,
    )
  }
}

/** A successful status with a body that is not what the API promises. */
export class ResponseFormatError extends Error {
  override readonly name = 'ResponseFormatError'
}
