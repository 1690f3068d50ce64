// Every secret the client handles (passwords, application credential secrets,
// tokens) is registered here. Messages and logs pass through `redact`, and the
// action forwards each value to `core.setSecret` through `onSecret`.

/** Called once per new secret value, e.g. `(v) => core.setSecret(v)`. */
export type OnSecret = (value: string) => void

const MASK = '***'
/** Values shorter than this are not searched for in text (they would garble it). */
const MIN_REDACT_LENGTH = 4

export class SecretRegistry {
  private readonly values = new Set<string>()

  constructor(private readonly onSecret?: OnSecret) {}

  /** Register a secret; empty and repeated values are ignored. */
  add(value: string | undefined | null): void {
    if (value === undefined || value === null || value === '' || this.values.has(value)) return
    this.values.add(value)
    this.onSecret?.(value)
  }

  has(value: string): boolean {
    return this.values.has(value)
  }

  /** Replace every registered secret in `text` with `***`. */
  redact(text: string): string {
    let result = text
    // Longest first, so a secret that contains another one is masked whole.
    const sorted = [...this.values].sort((a, b) => b.length - a.length)
    for (const value of sorted) {
      if (value.length < MIN_REDACT_LENGTH) continue
      result = result.split(value).join(MASK)
    }
    return result
  }
}
