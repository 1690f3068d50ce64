// What sticky comments and tracking issues share: a listing searched for the
// one item carrying a hidden marker, the one a bot wrote first winning.

/** An item a marker is looked for in: a comment or an issue. */
export interface Marked {
  body: string
  /** Written by a GitHub App such as `github-actions[bot]`. */
  byBot: boolean
}

/**
 * The first item (in listing order) a bot wrote with `marker` in its body,
 * else the first with it at all; `null` when there is none. The listing is
 * read only until a bot's is found; duplicates are left alone.
 */
export async function findMarked<T extends Marked>(
  listing: AsyncIterable<T>,
  marker: string,
): Promise<T | null> {
  let firstByAnyone: T | null = null
  for await (const item of listing) {
    if (!item.body.includes(marker)) continue
    if (item.byBot) return item
    firstByAnyone ??= item
  }
  return firstByAnyone
}

/** The `user` of a comment or issue is a GitHub App. */
export function writtenByBot(user: unknown): boolean {
  const author = user as { type?: unknown; login?: unknown } | null | undefined
  return (
    author?.type === 'Bot' || (typeof author?.login === 'string' && author.login.endsWith('[bot]'))
  )
}

/** Same text once line ends are alike (GitHub may store `\r\n`). */
export const sameText = (a: string, b: string): boolean =>
  a.replace(/\r\n/g, '\n') === b.replace(/\r\n/g, '\n')
