// Deterministic branch names for bump pull requests, and the git blob id of a
// text, so a run can tell without writing whether a branch already holds it.
import { createHash } from 'node:crypto'

/** Every bump branch starts with this; nothing else in the repository should. */
export const BRANCH_ROOT = 'image-manager/'
const PER_FILE = `${BRANCH_ROOT}update/`
// A second root: `update/a.yml` (a file) and `update/a.yml/x` (a folder) cannot both be refs.
const PER_IMAGE = `${BRANCH_ROOT}update-image/`

const hash8 = (text: string): string => createHash('sha1').update(text).digest('hex').slice(0, 8)

/**
 * `text` as one or more ref components: kept as it is when git allows it (the
 * usual `etc/images/ubuntu.yml`), else with every other character replaced and
 * a hash of the original appended, so two names never share a branch.
 */
function refPart(text: string, keepSlashes: boolean): string {
  const components = text.split('/')
  const clean =
    keepSlashes &&
    components.every((c) => /^[A-Za-z0-9_][A-Za-z0-9._-]*$/.test(c) && !/\.\.|\.$|\.lock$/.test(c))
  if (clean) return text
  const slug = text
    .replace(/[^A-Za-z0-9._-]+/g, '-')
    .replace(/\.{2,}/g, '.')
    .replace(/^[-.]+|[-.]+$/g, '')
    .slice(0, 60)
  return `${slug || 'x'}-${hash8(text)}`
}

/** The branch of a file's pull request, or of one image's in it. */
export function bumpBranch(file: string, image?: string): string {
  if (image === undefined) return PER_FILE + refPart(file, true)
  return `${PER_IMAGE}${refPart(file, true)}/${refPart(image, false)}`
}

/** Branches of the image pull requests of `file` start with this. */
export const imageBranchesOf = (file: string): string => `${PER_IMAGE}${refPart(file, true)}/`

/** The id git gives a file with this text (`git hash-object`). */
export function gitBlobSha(content: string): string {
  const bytes = Buffer.from(content, 'utf8')
  return createHash('sha1').update(`blob ${bytes.length}\0`).update(bytes).digest('hex')
}
