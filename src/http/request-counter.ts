// Counts HTTP requests by method and path template ("PATCH /v2/images/{id}"),
// for benchmarks, tests ("ten changes in one request") and the plan footer.

const UUID = /^[0-9a-f]{8}-?[0-9a-f]{4}-?[0-9a-f]{4}-?[0-9a-f]{4}-?[0-9a-f]{12}$/i
const HEX_ID = /^[0-9a-f]{16,}$/i

/**
 * The template of a path when the caller gave none: UUIDs and long hex ids
 * become `{id}`. `/v2/images/0b1c...-.../tags/x` -> `/v2/images/{id}/tags/x`.
 */
export function pathTemplate(path: string): string {
  return path
    .split('/')
    .map((segment) => (UUID.test(segment) || HEX_ID.test(segment) ? '{id}' : segment))
    .join('/')
}

export class RequestCounter {
  private readonly counts = new Map<string, number>()

  /** Count one request (each attempt of a retried request counts). */
  add(method: string, template: string): void {
    const key = `${method} ${template}`
    this.counts.set(key, (this.counts.get(key) ?? 0) + 1)
  }

  /** Requests counted for `'METHOD /template'`, e.g. `get('GET /v2/images')`. */
  get(key: string): number {
    return this.counts.get(key) ?? 0
  }

  /** All requests, or those of one method. */
  total(method?: string): number {
    let sum = 0
    for (const [key, count] of this.counts) {
      if (method === undefined || key.startsWith(`${method} `)) sum += count
    }
    return sum
  }

  /** Counts keyed by `'METHOD /template'`, sorted by key. */
  snapshot(): Record<string, number> {
    return Object.fromEntries([...this.counts.entries()].sort(([a], [b]) => a.localeCompare(b)))
  }

  reset(): void {
    this.counts.clear()
  }
}
