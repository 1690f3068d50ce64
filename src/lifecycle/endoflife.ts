// endoflife.date release cycles (its `/api/<product>.json` format), read and
// checked: a field of the wrong type is named with the url, never guessed at.
import type { Http } from '../http/client.js'
import { UserError, getErrorMessage } from '../problems.js'

export const DEFAULT_EOL_URL = 'https://endoflife.date'

/** A date (`YYYY-MM-DD`), or a flag where the data has no date. */
export type DateOrFlag = string | boolean

/** One release cycle, as the API gives it (fields this tool does not read are dropped). */
export interface Cycle {
  cycle: string
  codename?: string
  releaseDate?: string
  /** A date, `true` (ended, date unknown) or `false` (not ended). */
  eol: DateOrFlag
  /** `true`, or the date the cycle became LTS. */
  lts: DateOrFlag
  /** End of active support. */
  support?: DateOrFlag
  /** End of extended support (Debian LTS, Ubuntu ESM); `false` when there is none. */
  extendedSupport?: DateOrFlag
  latest?: string
}

const DATE = /^\d{4}-\d{2}-\d{2}$/

/** Where the cycles of `product` are: `<base>/api/<product>.json`. */
export function cyclesUrl(base: string, product: string): string {
  return `${base.replace(/\/+$/, '')}/api/${encodeURIComponent(product)}.json`
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

function dateOrFlag(url: string, where: string, value: unknown): DateOrFlag {
  if (typeof value === 'boolean') return value
  if (typeof value === 'string' && DATE.test(value)) return value
  return fail(url, where, 'a date (YYYY-MM-DD) or true/false', value)
}

/** The API's JSON -> cycles; throws a UserError naming the first field that is off. */
export function parseCycles(url: string, data: unknown): Cycle[] {
  if (!Array.isArray(data)) fail(url, 'the response', 'a JSON array of release cycles', data)
  return data.map((item: unknown, i): Cycle => {
    const at = `[${i}]`
    if (item === null || typeof item !== 'object' || Array.isArray(item)) {
      fail(url, at, 'an object', item)
    }
    const raw = item as Record<string, unknown>
    if (typeof raw.cycle !== 'string' && typeof raw.cycle !== 'number') {
      fail(url, `${at}.cycle`, 'a string', raw.cycle)
    }
    const cycle: Cycle = {
      cycle: String(raw.cycle),
      eol: dateOrFlag(url, `${at}.eol`, raw.eol),
      lts: raw.lts === undefined ? false : dateOrFlag(url, `${at}.lts`, raw.lts),
    }
    for (const key of ['codename', 'latest'] as const) {
      const value = raw[key]
      if (value === undefined || value === null) continue
      if (typeof value !== 'string' && typeof value !== 'number') {
        fail(url, `${at}.${key}`, 'a string', value)
      }
      cycle[key] = String(value)
    }
    if (raw.releaseDate !== undefined) {
      if (typeof raw.releaseDate !== 'string' || !DATE.test(raw.releaseDate)) {
        fail(url, `${at}.releaseDate`, 'a date (YYYY-MM-DD)', raw.releaseDate)
      }
      cycle.releaseDate = raw.releaseDate
    }
    for (const key of ['support', 'extendedSupport'] as const) {
      if (raw[key] !== undefined) cycle[key] = dateOrFlag(url, `${at}.${key}`, raw[key])
    }
    return cycle
  })
}

/** GET `<base>/api/<product>.json`; unreachable or malformed data is a UserError (exit 2). */
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
