// What sticky comments and tracking issues share: a listing searched for the
// one item carrying a hidden marker that the token's own identity wrote.
import { sameLogin, type Identity } from './identity.js'

/** An item a marker is looked for in: a comment or an issue. */
export interface Marked {
  body: string
  /** The author's login (`user.login`); empty when GitHub gives none (a deleted account). */
  author: string
}

/**
 * The first item (in listing order) with `marker` in its body that `self`
 * wrote; `null` when there is none. Anyone else's item is never returned,
 * marker or not (a person quoting the comment, a stranger copying the marker),
 * so it is never edited or closed: the caller creates its own instead. The
 * listing is read only until one is found; duplicates are left alone.
 */
export async function findMarked<T extends Marked>(
  listing: AsyncIterable<T>,
  marker: string,
  self: Identity,
): Promise<T | null> {
  for await (const item of listing) {
    if (item.body.includes(marker) && sameLogin(item.author, self.login)) return item
  }
  return null
}

/** The login of a comment's or issue's `user`; empty when there is none. */
export function authorOf(user: unknown): string {
  const login = (user as { login?: unknown } | null | undefined)?.login
  return typeof login === 'string' ? login : ''
}

/** Same text once line ends are alike (GitHub may store `\r\n`). */
export const sameText = (a: string, b: string): boolean =>
  a.replace(/\r\n/g, '\n') === b.replace(/\r\n/g, '\n')
