// What a bump pull request says: title, commit message and a body with one
// table row per image. Every value comes from a catalog or an upstream site,
// so all of it is escaped.
import { escapeMarkdown, markdownCode } from '../escape/markdown.js'
import { showInvisible } from '../escape/invisible.js'
import type { Bump } from './types.js'
import { COMMENT_BODY_LIMIT, truncate } from '../github/sticky-comment.js'

/** On the body's first line: marks pull requests this tool opened. */
export const BUMP_MARKER = '<!-- image-manager-bump -->'
const TITLE_LIMIT = 256

/** One line, shown as written, within GitHub's title length. */
const oneLine = (text: string, limit: number): string => {
  const line = showInvisible(text)
  return line.length <= limit ? line : `${line.slice(0, limit - 1)}…`
}

export function bumpTitle(file: string, bumps: readonly Bump[]): string {
  const [only] = bumps
  const title =
    bumps.length === 1 && only
      ? `Update ${only.image} to ${only.to}`
      : `Update ${bumps.length} images in ${file}`
  return oneLine(title, TITLE_LIMIT)
}

export function bumpCommitMessage(file: string, bumps: readonly Bump[]): string {
  const lines = bumps.map(
    (b) => `- ${oneLine(b.image, 200)}: ${oneLine(`${b.from} -> ${b.to}`, 200)}`,
  )
  return `${bumpTitle(file, bumps)}\n\nNew upstream builds in ${oneLine(file, 200)}:\n${lines.join('\n')}\n`
}

/** The Mirror cell: the claimed mirror_url, or why the entry has none. */
const mirrorCell = (b: Bump): string =>
  !b.mirror
    ? ''
    : 'url' in b.mirror
      ? markdownCode(b.mirror.url)
      : `not mirrored: ${escapeMarkdown(b.mirror.error)}`

/** The Signed by cell: the key that vouched for the checksum file, by fingerprint and user id. */
const signedCell = (b: Bump): string =>
  b.signedBy
    ? `${markdownCode(b.signedBy.fingerprint)} ${escapeMarkdown(b.signedBy.userId)}`
    : 'no signature configured'

export function bumpBody(file: string, bumps: readonly Bump[]): string {
  const cell = escapeMarkdown
  // The Mirror and Signed by columns only where some bump has one.
  const mirror = bumps.some((b) => b.mirror)
  const signed = bumps.some((b) => b.signedBy)
  const rows = bumps.map(
    (b) =>
      `| ${cell(b.image)} | ${cell(b.from)} → ${cell(b.to)} | ${cell(b.buildDate)} | ` +
      `${markdownCode(b.checksum)} | ${markdownCode(b.url)} |${mirror ? ` ${mirrorCell(b)} |` : ''}` +
      `${signed ? ` ${signedCell(b)} |` : ''}`,
  )
  const body = [
    BUMP_MARKER,
    `New upstream builds for ${markdownCode(file)}:`,
    '',
    `| Image | Version | Build date | Checksum | Source |${mirror ? ' Mirror |' : ''}${signed ? ' Signed by |' : ''}`,
    `| --- | --- | --- | --- | --- |${mirror ? ' --- |' : ''}${signed ? ' --- |' : ''}`,
    ...rows,
    '',
    'The plan comment on this pull request shows what merging it imports. ' +
      '`image-manager update` keeps this pull request up to date when newer builds appear ' +
      'and closes it once the catalog has them.',
  ].join('\n')
  return truncate(body, COMMENT_BODY_LIMIT, '… table truncated: see the update job log')
}
