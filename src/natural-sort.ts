// Natural order of version strings, as operators read them: 20240416 < 20240422,
// 1.9 < 1.10, 9 < 10. Digit runs compare as numbers, everything else as text.

const chunks = (s: string): string[] => s.match(/\d+|\D+/g) ?? []

export function naturalCompare(a: string, b: string): number {
  const x = chunks(a)
  const y = chunks(b)
  for (let i = 0; i < Math.min(x.length, y.length); i++) {
    const p = x[i] as string
    const q = y[i] as string
    const pNum = /^\d/.test(p)
    const qNum = /^\d/.test(q)
    if (pNum && qNum) {
      // Compare as integers of any length without losing precision.
      const pn = p.replace(/^0+(?=\d)/, '')
      const qn = q.replace(/^0+(?=\d)/, '')
      if (pn.length !== qn.length) return pn.length - qn.length
      if (pn !== qn) return pn < qn ? -1 : 1
    } else if (pNum !== qNum) {
      // Numbers sort before words, as natsort does.
      return pNum ? -1 : 1
    } else if (p !== q) {
      return p < q ? -1 : 1
    }
  }
  return x.length - y.length
}

export const naturalSort = (values: readonly string[]): string[] => [...values].sort(naturalCompare)
