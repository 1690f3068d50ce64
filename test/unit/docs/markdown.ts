// The parts of Markdown the documentation tests need: headings and their GitHub anchors, and
// the links of a file, with code blocks and code spans left out (their text is no link).

export interface MarkdownLink {
  target: string
  line: number
}

const FENCE = /^ {0,3}(`{3,}|~{3,})/

/** The text with every line of a fenced code block blanked, so line numbers stay. */
export function withoutFences(text: string): string {
  let fence: string | undefined
  return text
    .split('\n')
    .map((line) => {
      const open = FENCE.exec(line)?.[1]
      if (fence === undefined) {
        if (open === undefined) return line
        fence = open
        return ''
      }
      if (open !== undefined && open[0] === fence[0] && open.length >= fence.length) {
        if (line.trim() === open) fence = undefined
      }
      return ''
    })
    .join('\n')
}

/** The text of a line with its code spans removed. */
const withoutCodeSpans = (line: string): string => line.replace(/(`+)(?:(?!\1)[\s\S])*?\1/g, '')

/** GitHub's anchor of a heading: lower-case, spaces to '-', other punctuation but '-' and '_' gone. */
export function slug(heading: string): string {
  const text = heading
    .replace(/!?\[([^\]]*)\]\([^)]*\)/g, '$1') // a link counts by its text
    .replace(/<[^>]+>/g, '') // inline HTML is no text
    .replace(/[`*]/g, '')
  return text
    .trim()
    .toLowerCase()
    .replace(/[^\p{L}\p{M}\p{N}\p{Pc}\- ]/gu, '')
    .replace(/ /g, '-')
}

/** Every anchor of a file: its headings' slugs, a repeated one with -1, -2, … as GitHub adds. */
export function anchors(text: string): Set<string> {
  const out = new Set<string>()
  const seen = new Map<string, number>()
  for (const line of withoutFences(text).split('\n')) {
    const heading = /^ {0,3}#{1,6}[ \t]+(.*?)(?:[ \t]+#+)?[ \t]*$/.exec(line)?.[1]
    if (heading === undefined) continue
    const base = slug(heading)
    const count = seen.get(base) ?? 0
    seen.set(base, count + 1)
    out.add(count === 0 ? base : `${base}-${count}`)
  }
  return out
}

/** Inline links and images, autolinks and link reference definitions, outside code. */
export function links(text: string): MarkdownLink[] {
  const out: MarkdownLink[] = []
  withoutFences(text)
    .split('\n')
    .forEach((raw, index) => {
      const line = withoutCodeSpans(raw)
      const found = [
        ...[...line.matchAll(/\]\(\s*<?([^)\s>]*)>?(?:\s+"[^"]*")?\s*\)/g)].map((m) => m[1]),
        ...[...line.matchAll(/<((?:https?|mailto):[^>\s]+)>/g)].map((m) => m[1]),
        ...[...line.matchAll(/^ {0,3}\[[^\]]+\]:\s*<?(\S+?)>?(?:\s|$)/g)].map((m) => m[1]),
      ]
      for (const target of found) out.push({ target: target ?? '', line: index + 1 })
    })
  return out
}
