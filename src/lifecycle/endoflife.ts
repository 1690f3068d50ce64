// endoflife.date release cycles from its v1 API (`/api/v1/products/<product>`,
// described by the site's OpenAPI document, docs/api/v1/openapi.yml), read and
// checked: a field of the wrong type is named with the url, never guessed at.
import type { Http } from '../http/client.js'
import { UserError, getErrorMessage } from '../problems.js'

export const DEFAULT_EOL_URL = 'https://endoflife.date'

/** A date (`YYYY-MM-DD`), or a flag where the data has no date. */
export type DateOrFlag = string | boolean

/**
 * One release cycle, in the terms of the report: a date where the data has one,
 * else a flag. The v1 fields (`isEol`/`eolFrom`, ...) map onto it in {@link parseCycles}.
 */
export interface Cycle {
  cycle: string
  codename?: string
  releaseDate?: string
  /** End of life: a date, `true` (ended, date unknown) or `false` (not ended). */
  eol: DateOrFlag
  /** `true`, or the date the cycle becomes LTS. */
  lts: DateOrFlag
  /** End of active support: a date, or `true` while it lasts with no date known. */
  support?: DateOrFlag
  /**
   * End of extended support (Debian LTS, Ubuntu ESM): a date, `true` while it
   * lasts with no date known, `false` when there is none (or it is over).
   */
  extendedSupport?: DateOrFlag
  latest?: string
}

const DATE = /^\d{4}-\d{2}-\d{2}$/

/** Where the cycles of `product` are: `<base>/api/v1/products/<product>`. */
export function cyclesUrl(base: string, product: string): string {
  return `${base.replace(/\/+$/, '')}/api/v1/products/${encodeURIComponent(product)}`
}

/** A base url the user gave (`--eol-url`): http or https, nothing else. */
export function checkEolUrl(value: string): string {
  let url: URL
  try {
    url = new URL(value)
  } catch {
    throw new UserError(`--eol-url '${value}' is not a url; expected e.g. ${DEFAULT_EOL_URL}`)
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw new UserError(`--eol-url '${value}' must be an http or https url`)
  }
  if (url.search || url.hash || url.username || url.password) {
    throw new UserError(
      `--eol-url '${value}' must be a plain base url (no query, fragment or credentials)`,
    )
  }
  return value
}

function fail(url: string, where: string, expected: string, value: unknown): never {
  const shown = JSON.stringify(value)?.slice(0, 80) ?? String(value)
  throw new UserError(
    `${url} is not endoflife.date data: ${where} is ${shown}, expected ${expected}; check --eol-url`,
    2,
  )
}

type Fields = Record<string, unknown>

function object(url: string, where: string, value: unknown): Fields {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) {
    fail(url, where, 'an object', value)
  }
  return value as Fields
}

function date(url: string, where: string, value: unknown, nullable: boolean): string | null {
  if (nullable && value === null) return null
  if (typeof value === 'string' && DATE.test(value)) return value
  return fail(url, where, `a date (YYYY-MM-DD)${nullable ? ' or null' : ''}`, value)
}

function flag(url: string, where: string, value: unknown, nullable = false): boolean | null {
  if (typeof value === 'boolean' || (nullable && value === null)) return value
  return fail(url, where, nullable ? 'true, false or null' : 'true or false', value)
}

/**
 * A phase's end: its date when known, else the flag. `over` keeps the flag
 * where this tool's field says "ended" (eol, lts begun) and inverts it where it
 * says "still on" (support, extendedSupport).
 */
function phase(url: string, at: string, raw: Fields, name: string, over: boolean): DateOrFlag {
  const isKey = `is${name.charAt(0).toUpperCase()}${name.slice(1)}`
  const from = date(url, `${at}.${name}From`, raw[`${name}From`], true)
  // isEoes is null for a cycle that has no extended support at all.
  const is = flag(url, `${at}.${isKey}`, raw[isKey], name === 'eoes')
  if (from !== null) return from
  if (is === null) return false
  return over ? is : !is
}

function text(url: string, where: string, value: unknown): string | undefined {
  if (value === null || value === undefined) return undefined
  if (typeof value === 'string' || typeof value === 'number') return String(value)
  return fail(url, where, 'a string', value)
}

function parseRelease(url: string, at: string, item: unknown): Cycle {
  const raw = object(url, at, item)
  const name = text(url, `${at}.name`, raw.name)
  if (name === undefined) fail(url, `${at}.name`, 'a string', raw.name)
  const cycle: Cycle = {
    cycle: name,
    releaseDate: date(url, `${at}.releaseDate`, raw.releaseDate, false) as string,
    eol: phase(url, at, raw, 'eol', true),
    lts: phase(url, at, raw, 'lts', true),
  }
  const codename = text(url, `${at}.codename`, raw.codename)
  if (codename !== undefined) cycle.codename = codename
  if (raw.latest !== null && raw.latest !== undefined) {
    const latest = text(url, `${at}.latest.name`, object(url, `${at}.latest`, raw.latest).name)
    if (latest !== undefined) cycle.latest = latest
  }
  // Fields a product without that phase leaves out (see the OpenAPI document).
  if ('isEoas' in raw) cycle.support = phase(url, at, raw, 'eoas', false)
  if ('isEoes' in raw) cycle.extendedSupport = phase(url, at, raw, 'eoes', false)
  return cycle
}

/** The v1 product response -> cycles; throws a UserError naming the first field that is off. */
export function parseCycles(url: string, data: unknown): Cycle[] {
  const result = object(url, 'result', object(url, 'the response', data).result)
  const releases = result.releases
  if (!Array.isArray(releases)) fail(url, 'result.releases', 'an array of release cycles', releases)
  return releases.map((item: unknown, i) => parseRelease(url, `result.releases[${i}]`, item))
}

/** GET `<base>/api/v1/products/<product>`; unreachable or malformed data is a UserError (exit 2). */
export async function fetchCycles(http: Http, base: string, product: string): Promise<Cycle[]> {
  const url = cyclesUrl(base, product)
  let data: unknown
  try {
    data = (await http.request({ method: 'GET', url, expected: [200], idempotent: true })).data
  } catch (error) {
    throw new UserError(
      `Could not read the ${product} release cycles from ${url}: ${getErrorMessage(error)}`,
      2,
    )
  }
  return parseCycles(url, data)
}

/** The cycles of each product, asked for at once. */
export async function fetchAllCycles(
  http: Http,
  base: string,
  products: readonly string[],
): Promise<Map<string, Cycle[]>> {
  return new Map(
    await Promise.all(products.map(async (p) => [p, await fetchCycles(http, base, p)] as const)),
  )
}
