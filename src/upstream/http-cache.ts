// The conditional-request cache of `update`: per url the validators (ETag,
// Last-Modified) and what the reader took from the response, so an unchanged
// upstream answers 304 and costs no body. One JSON file, read at the start and
// written atomically at the end; a damaged file only means a cold start.
import { randomBytes } from 'node:crypto'
import { mkdir, readFile, rename, rm, stat, writeFile } from 'node:fs/promises'
import path from 'node:path'
import { getErrorMessage } from '../problems.js'

export const CACHE_FILE = 'upstream-http-cache.json'
/** Bounds the file whatever an upstream sends: listings are already capped per response. */
export const DEFAULT_CACHE_MAX_BYTES = 64 * 1024 * 1024
/** An entry no run asked for this many times in a row goes (last week's build folders). */
export const MAX_IDLE_RUNS = 4
const FORMAT = 1

export type CachedMethod = 'GET' | 'HEAD'

export interface CacheEntry {
  etag?: string
  lastModified?: string
  /** The body of a GET (bounded by the reader); a HEAD keeps only the validators. */
  body?: string
  /** Runs in a row that did not ask for it. */
  idle?: number
}

export interface HttpCacheOptions {
  maxBytes?: number
  /** Told once when the file cannot be used or written; the run goes on. */
  warn: (message: string) => void
}

const keyOf = (method: CachedMethod, url: string): string => `${method} ${url}`

/**
 * A strong entity tag (RFC 9110 8.8.3): quoted, not weak. `*` would match any
 * current body and a weak tag any equivalent one, so a 304 to either pins
 * whatever body was stored, for ever.
 */
export const isStrongEtag = (etag: string): boolean => /^"[\x21\x23-\x7e\x80-\xff]*"$/.test(etag)

/** Clock skew allowed for a Last-Modified; one later than that would pin the body like `*`. */
const SKEW_MS = 24 * 60 * 60 * 1000

/** An HTTP date that is not in the future: If-Modified-Since with it cannot outlive changes. */
export const isUsableDate = (value: string, now = Date.now()): boolean => {
  const time = Date.parse(value)
  return !Number.isNaN(time) && time <= now + SKEW_MS
}

/** The validators worth keeping from response headers; none when neither is usable. */
function validatorsOf(headers: Headers): Pick<CacheEntry, 'etag' | 'lastModified'> {
  const etag = headers.get('etag') ?? undefined
  const lastModified = headers.get('last-modified') ?? undefined
  return {
    ...(etag !== undefined && isStrongEtag(etag) ? { etag } : {}),
    ...(lastModified !== undefined && isUsableDate(lastModified) ? { lastModified } : {}),
  }
}
const sizeOf = (key: string, entry: CacheEntry): number =>
  Buffer.byteLength(JSON.stringify([key, entry]))

function isEntry(key: string, value: unknown): value is CacheEntry {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return false
  const e = value as Record<string, unknown>
  const optionalString = (k: string): boolean => e[k] === undefined || typeof e[k] === 'string'
  return (
    optionalString('etag') &&
    optionalString('lastModified') &&
    optionalString('body') &&
    (e.etag === undefined || isStrongEtag(e.etag as string)) &&
    (e.lastModified === undefined || isUsableDate(e.lastModified as string)) &&
    (e.idle === undefined || (Number.isInteger(e.idle) && (e.idle as number) >= 0)) &&
    // A GET entry answers a 304 with its body: without one it is of no use.
    (typeof e.body === 'string' || !key.startsWith('GET ')) &&
    (e.etag !== undefined || e.lastModified !== undefined)
  )
}

export class HttpCache {
  private readonly entries = new Map<string, CacheEntry>()
  /** Keys used in this run: kept first when the cap forces a choice. */
  private readonly used = new Set<string>()
  private size = 0
  private changed = false

  private constructor(
    readonly file: string,
    private readonly maxBytes: number,
    private readonly warn: (message: string) => void,
  ) {}

  /** Reads `dir`/upstream-http-cache.json; a missing file is a cold start, a bad one a warning. */
  static async open(dir: string, options: HttpCacheOptions): Promise<HttpCache> {
    const cache = new HttpCache(
      path.join(dir, CACHE_FILE),
      options.maxBytes ?? DEFAULT_CACHE_MAX_BYTES,
      options.warn,
    )
    await cache.load()
    return cache
  }

  private async load(): Promise<void> {
    let text: string
    try {
      // Checked before reading: a planted huge file must not cost the memory it claims.
      if ((await stat(this.file)).size > this.maxBytes + 1024) {
        this.warn(
          `${this.file} is larger than the cache may grow (${this.maxBytes} bytes): ignored, starting cold`,
        )
        return
      }
      text = await readFile(this.file, 'utf8')
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return
      this.warn(`cannot read ${this.file} (${getErrorMessage(error)}): starting cold`)
      return
    }
    let data: unknown
    try {
      data = JSON.parse(text)
    } catch {
      data = undefined
    }
    const entries = (data as { entries?: unknown } | undefined)?.entries
    if (
      (data as { format?: unknown } | undefined)?.format !== FORMAT ||
      typeof entries !== 'object' ||
      entries === null ||
      !Object.entries(entries).every(([key, entry]) => isEntry(key, entry))
    ) {
      this.warn(`${this.file} is not a cache this version wrote: ignored, starting cold`)
      return
    }
    for (const [key, entry] of Object.entries(entries as Record<string, CacheEntry>)) {
      this.entries.set(key, entry)
      this.size += sizeOf(key, entry)
    }
  }

  /** The entry to revalidate, if any; marks it as used by this run. */
  get(method: CachedMethod, url: string): CacheEntry | undefined {
    const key = keyOf(method, url)
    const entry = this.entries.get(key)
    if (entry) this.used.add(key)
    return entry
  }

  /** Request headers that make the request conditional on `entry`. */
  static conditions(entry: CacheEntry | undefined): Record<string, string> {
    if (!entry) return {}
    // Checked again when sent: never `If-None-Match: *`, whatever the file held.
    return {
      ...(entry.etag !== undefined && isStrongEtag(entry.etag)
        ? { 'If-None-Match': entry.etag }
        : {}),
      ...(entry.lastModified !== undefined && isUsableDate(entry.lastModified)
        ? { 'If-Modified-Since': entry.lastModified }
        : {}),
    }
  }

  /** Records a 200: replaces the entry, or drops it when the response has no usable validator. */
  put(method: CachedMethod, url: string, headers: Headers, body?: string): void {
    const key = keyOf(method, url)
    this.drop(key)
    const validators = validatorsOf(headers)
    if (validators.etag === undefined && validators.lastModified === undefined) return
    const entry: CacheEntry = { ...validators, ...(body !== undefined ? { body } : {}) }
    this.store(key, entry)
  }

  /**
   * Records a 304 (RFC 9111 4.3.4): the validators it sends replace the stored
   * ones, so the next request asks about what the server holds now.
   */
  revalidated(method: CachedMethod, url: string, headers: Headers): void {
    const key = keyOf(method, url)
    const old = this.entries.get(key)
    if (!old) return
    const fresh = validatorsOf(headers)
    if (fresh.etag === undefined && fresh.lastModified === undefined) return
    const entry: CacheEntry = { ...old, ...fresh }
    if (entry.etag === old.etag && entry.lastModified === old.lastModified) return
    this.drop(key)
    this.store(key, entry)
  }

  /** Drops what is stored for `url` (a body that did not parse must not answer the next 304). */
  forget(url: string): void {
    this.drop(keyOf('GET', url))
    this.drop(keyOf('HEAD', url))
  }

  private store(key: string, entry: CacheEntry): void {
    if (!this.makeRoom(sizeOf(key, entry))) return
    this.set(key, entry)
    this.used.add(key)
  }

  private set(key: string, entry: CacheEntry): void {
    this.drop(key)
    this.entries.set(key, entry)
    this.size += sizeOf(key, entry)
    this.changed = true
  }

  private drop(key: string): void {
    const old = this.entries.get(key)
    if (!old) return
    this.entries.delete(key)
    this.size -= sizeOf(key, old)
    this.changed = true
  }

  /** Evicts entries this run did not use until `size` more fits; false if it cannot. */
  private makeRoom(size: number): boolean {
    if (size > this.maxBytes) return false
    for (const key of [...this.entries.keys()]) {
      if (this.size + size <= this.maxBytes) break
      if (!this.used.has(key)) this.drop(key)
    }
    return this.size + size <= this.maxBytes
  }

  /** Counts the runs each entry went unasked, so urls no definition reads any more age out. */
  private age(): void {
    for (const [key, entry] of [...this.entries]) {
      const { idle, ...rest } = entry
      if (this.used.has(key)) {
        if (idle !== undefined) this.set(key, rest)
      } else if ((idle ?? 0) + 1 >= MAX_IDLE_RUNS) this.drop(key)
      else this.set(key, { ...rest, idle: (idle ?? 0) + 1 })
    }
  }

  /**
   * Ends the run: ages the entries, then writes the file (temp file + rename, so a
   * reader never sees half of it) when something changed. Returns whether it
   * wrote; a failure is a warning.
   */
  async save(): Promise<boolean> {
    this.age()
    if (!this.changed) return false
    const temp = `${this.file}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`
    try {
      await mkdir(path.dirname(this.file), { recursive: true })
      await writeFile(
        temp,
        JSON.stringify({ format: FORMAT, entries: Object.fromEntries(this.entries) }),
      )
      await rename(temp, this.file)
      this.changed = false
      return true
    } catch (error) {
      await rm(temp, { force: true }).catch(() => undefined)
      this.warn(`cannot write ${this.file} (${getErrorMessage(error)}): the next run starts cold`)
      return false
    }
  }
}
