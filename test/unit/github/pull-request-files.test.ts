// The files and added lines of a pull request, read through the OpenAPI-checked
// GitHub double: paging, a file without a patch, a failure to list.
import path from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { addedLines } from '../../../src/github/diff-lines.js'
import {
  changedLinesOf,
  listPullRequestFiles,
  pullRequestChangedLines,
} from '../../../src/github/pull-request-files.js'
import { githubDouble, specExample, type GitHubDouble } from '../../support/github-openapi.js'
import { OWNER, PR, REPO } from './fixtures.js'

const FILES = 'GET /repos/{owner}/{repo}/pulls/{pull_number}/files'
const page = (n: number) => ({ owner: OWNER, repo: REPO, pull_number: PR, per_page: 100, page: n })

/** A diff entry as GitHub sends it: the description's own example, adjusted. */
function entry(filename: string, patch?: string, status = 'modified'): Record<string, unknown> {
  const [example] = specExample('diff-entry-items') as unknown as Record<string, unknown>[]
  const base = { ...example }
  delete base.patch
  return { ...base, filename, status, changes: 3, ...(patch === undefined ? {} : { patch }) }
}

const context = {
  eventName: 'pull_request',
  payload: { pull_request: { number: PR } },
  repo: { owner: OWNER, repo: REPO },
}

let github: GitHubDouble
beforeEach(() => {
  github = githubDouble()
})
afterEach(() => github.done())

describe('addedLines', () => {
  it('numbers added lines as the new file has them, across hunks', () => {
    const patch = [
      '@@ -3,4 +3,5 @@ images:',
      '   - name: A',
      '-    url: http://old/a.img',
      '+    url: http://new/a.img',
      '+    mirror_url: http://mirror/a.img',
      '     format: qcow2',
      '',
      '@@ -40,2 +41,2 @@',
      ' context',
      '-gone',
      '+added at 42',
      '\\ No newline at end of file',
    ].join('\n')
    expect([...addedLines(patch)]).toEqual([4, 5, 42])
  })

  it('finds nothing in a patch that only removes', () => {
    expect(addedLines('@@ -1,2 +1,1 @@\n keep\n-drop')).toEqual(new Set())
  })
})

describe('listPullRequestFiles', () => {
  it('reads every page until one is short', async () => {
    const first = Array.from({ length: 100 }, (_, i) => entry(`docs/${i}.md`, '@@ -1 +1 @@\n+x'))
    github.expect(
      { route: FILES, params: page(1), reply: { status: 200, data: first } },
      {
        route: FILES,
        params: page(2),
        reply: { status: 200, data: [entry('etc/images/ubuntu.yml')] },
      },
    )
    const files = await listPullRequestFiles(github.client, {
      owner: OWNER,
      repo: REPO,
      number: PR,
    })
    expect(files).toHaveLength(101)
    expect(files[100]).toEqual({
      filename: 'etc/images/ubuntu.yml',
      status: 'modified',
      changes: 3,
    })
  })
})

describe('changedLinesOf', () => {
  it('maps each file to its added lines; no patch means the whole file; removed files drop out', () => {
    const root = '/checkout'
    const changed = changedLinesOf(
      [
        {
          filename: 'etc/images/a.yml',
          status: 'modified',
          changes: 2,
          patch: '@@ -7,1 +7,1 @@\n-x\n+y',
        },
        { filename: 'etc/images/big.yml', status: 'modified', changes: 9000 },
        { filename: 'etc/images/moved.yml', status: 'renamed', changes: 0 },
        { filename: 'etc/images/old.yml', status: 'removed', changes: 40 },
      ],
      root,
    )
    expect(changed).toEqual(
      new Map<string, unknown>([
        [path.join(root, 'etc/images/a.yml'), new Set([7])],
        [path.join(root, 'etc/images/big.yml'), 'all'],
        [path.join(root, 'etc/images/moved.yml'), new Set()],
      ]),
    )
  })
})

describe('pullRequestChangedLines', () => {
  it('is undefined (check everything) outside a pull request, without asking GitHub', async () => {
    const warnings: string[] = []
    const push = { ...context, eventName: 'push', payload: {} }
    expect(
      await pullRequestChangedLines(
        push,
        () => github.client,
        '/r',
        (m) => warnings.push(m),
      ),
    ).toBe(undefined)
    expect(warnings).toEqual([])
  })

  it('falls back to every definition, with a warning, when the files cannot be listed', async () => {
    github.expect({
      route: FILES,
      params: page(1),
      reply: {
        status: 500,
        data: {
          message: 'Server Error',
          documentation_url: 'https://docs.github.com/rest/pulls/pulls#list-pull-requests-files',
        },
      },
    })
    const warnings: string[] = []
    const changed = await pullRequestChangedLines(
      context,
      () => github.client,
      '/r',
      (m) => warnings.push(m),
    )
    expect(changed).toBe(undefined)
    expect(warnings).toHaveLength(1)
    expect(warnings[0]).toMatch(
      new RegExp(
        `^Could not list the files of pull request #${PR} \\(Server Error.*\\): checking the urls of every definition\\.$`,
      ),
    )
  })

  it('names the permission and the token when there is no token', async () => {
    const warnings: string[] = []
    const noToken = (): never => {
      throw new Error('No GitHub token; expected the `github-token` input')
    }
    expect(await pullRequestChangedLines(context, noToken, '/r', (m) => warnings.push(m))).toBe(
      undefined,
    )
    expect(warnings[0]).toMatch(
      /\(No GitHub token.*\): checking the urls of every definition\. The job needs `permissions: pull-requests: read` and the `github-token` input\.$/,
    )
  })
})
