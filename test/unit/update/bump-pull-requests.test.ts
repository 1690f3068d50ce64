// Bump pull requests end to end: the real Octokit, every request checked
// against GitHub's OpenAPI description, answered by an in-memory repository
// that keeps git objects, refs and pull requests as GitHub does.
import { beforeEach, describe, expect, it } from 'vitest'
import { bumpBranch, gitBlobSha } from '../../../src/update/bump-branch.js'
import { BUMP_MARKER } from '../../../src/update/bump-body.js'
import {
  syncBumpPullRequests,
  type BumpOptions,
  type CurrentEntry,
} from '../../../src/update/bump-pull-requests.js'
import { createGitHubClient, type GitHubClient } from '../../../src/github/octokit.js'
import type { Bump, FileUpdate } from '../../../src/update/types.js'
import { githubDouble, type GitHubDouble, type GitHubServe } from '../../support/github-openapi.js'
import {
  fakeRepository,
  type FakePull,
  type FakeRepository,
} from '../../support/github-repository.js'

const OWNER = 'acme'
const REPO = 'images'
const TARGET = { owner: OWNER, repo: REPO, base: 'main' }
const UBUNTU = 'etc/images/ubuntu.yml'
const DEBIAN = 'etc/images/debian.yml'
const ROCKY = 'etc/images/rocky.yml'

/** A catalog file whose first version entry is `version` (what the YAML editor would write). */
const catalog = (image: string, version: string, comment = ''): string =>
  `---\n# ${image}${comment}\nimages:\n  - name: ${image}\n    versions:\n` +
  `      - version: '${version}'\n        url: https://upstream.test/${version}/disk.img\n` +
  `        checksum: sha256:${version.padEnd(64, '0')}\n`

const bump = (image: string, from: string, to: string): Bump => ({
  image,
  from,
  to,
  url: `https://upstream.test/${to}/disk.img`,
  checksum: `sha256:${to.padEnd(64, '0')}`,
  buildDate: `${to.slice(0, 4)}-${to.slice(4, 6)}-${to.slice(6, 8)}`,
})

const update = (file: string, image: string, from: string, to: string): FileUpdate => ({
  file,
  content: catalog(image, to),
  bumps: [bump(image, from, to)],
})

let repository: FakeRepository
let github: GitHubDouble
let client: GitHubClient

function connect(serve: GitHubServe = (r) => repository.serve(r)): void {
  github = githubDouble({ serve })
  client = createGitHubClient({
    token: 'ghs_test',
    baseUrl: 'https://api.github.com',
    fetch: github.fetch,
  })
}

beforeEach(() => {
  repository = fakeRepository({
    owner: OWNER,
    repo: REPO,
    files: {
      [UBUNTU]: catalog('Ubuntu 24.04', '20250101'),
      [DEBIAN]: catalog('Debian 12', '20250102'),
      [ROCKY]: catalog('Rocky 9', '20250103'),
      'README.md': 'catalog\n',
    },
  })
  connect()
})

async function run(
  updates: FileUpdate[],
  current: CurrentEntry[],
  options: BumpOptions = { labels: ['images', 'dependencies'] },
) {
  github.requests.length = 0
  const results = await syncBumpPullRequests(client, TARGET, updates, current, options)
  github.done()
  return results
}

const writes = (): string[] =>
  // GraphQL `viewer { login }` only reads.
  github.requests
    .filter((r) => !r.route.startsWith('GET ') && r.route !== 'POST /graphql')
    .map((r) => r.route)
const open = () => repository.pulls.filter((p) => p.state === 'open')
const mainHead = () => repository.branches().main as string

describe('the first run', () => {
  it('opens one pull request per changed file, each one commit on the base with only that file changed', async () => {
    const base = mainHead()
    const results = await run(
      [
        update(UBUNTU, 'Ubuntu 24.04', '20250101', '20250201'),
        update(DEBIAN, 'Debian 12', '20250102', '20250202'),
      ],
      [ROCKY],
    )
    expect(results.map((r) => [r.file, r.operation, r.branch])).toEqual([
      [UBUNTU, 'created', `image-manager/update/${UBUNTU}`],
      [DEBIAN, 'created', `image-manager/update/${DEBIAN}`],
      [ROCKY, 'none', `image-manager/update/${ROCKY}`],
    ])
    expect(results[0]).toMatchObject({
      number: 1,
      url: `https://github.com/${OWNER}/${REPO}/pull/1`,
    })
    expect(open().map((p) => [p.number, p.head, p.base, p.labels])).toEqual([
      [1, `image-manager/update/${UBUNTU}`, 'main', ['images', 'dependencies']],
      [2, `image-manager/update/${DEBIAN}`, 'main', ['images', 'dependencies']],
    ])
    const branch = bumpBranch(UBUNTU)
    const head = repository.branches()[branch] as string
    expect(repository.commitOf(head).parents).toEqual([base])
    expect(repository.commitOf(head).message).toMatch(/^Update Ubuntu 24\.04 to 20250201\n/)
    expect(repository.file(branch, UBUNTU)).toBe(catalog('Ubuntu 24.04', '20250201'))
    for (const other of [DEBIAN, ROCKY, 'README.md']) {
      expect(repository.file(branch, other)).toBe(repository.file('main', other))
    }
    expect(repository.file('main', UBUNTU)).toBe(catalog('Ubuntu 24.04', '20250101'))
    // Through the git data API only: blob, tree, commit, ref; then the pull request and its labels.
    expect(writes().slice(0, 6)).toEqual([
      'POST /repos/{owner}/{repo}/git/blobs',
      'POST /repos/{owner}/{repo}/git/trees',
      'POST /repos/{owner}/{repo}/git/commits',
      'POST /repos/{owner}/{repo}/git/refs',
      'POST /repos/{owner}/{repo}/pulls',
      'POST /repos/{owner}/{repo}/issues/{issue_number}/labels',
    ])
    expect(github.requests.every((r) => r.headers.authorization === 'token [REDACTED]')).toBe(true)
  })

  it('titles and describes the pull request with a table of the bumps', async () => {
    await run([update(UBUNTU, 'Ubuntu 24.04', '20250101', '20250201')], [])
    const [pull] = open()
    expect(pull?.title).toBe('Update Ubuntu 24.04 to 20250201')
    expect(pull?.body.split('\n')[0]).toBe(BUMP_MARKER)
    expect(pull?.body).toContain('| Image | Version | Build date | Checksum | Source |')
    expect(pull?.body).toContain(
      `| Ubuntu 24.04 | 20250101 → 20250201 | 2025-02-01 | <code>sha256&#58;20250201${'0'.repeat(56)}</code> | <code>https&#58;//upstream.test/20250201/disk.img</code> |`,
    )
  })

  it('names several images of one file in one pull request', async () => {
    const two: FileUpdate = {
      file: UBUNTU,
      content: catalog('Ubuntu 24.04', '20250201'),
      bumps: [
        bump('Ubuntu 24.04', '20250101', '20250201'),
        bump('Ubuntu 24.04 minimal', '20250101', '20250203'),
      ],
    }
    await run([two], [])
    expect(open().map((p) => p.title)).toEqual([`Update 2 images in ${UBUNTU}`])
    expect(open()[0]?.body.match(/^\| Ubuntu/gm)).toHaveLength(2)
  })
})

describe('a second run', () => {
  it('with no upstream change makes zero write requests', async () => {
    const updates = [
      update(UBUNTU, 'Ubuntu 24.04', '20250101', '20250201'),
      update(DEBIAN, 'Debian 12', '20250102', '20250202'),
    ]
    await run(updates, [ROCKY])
    const before = { branches: repository.branches(), pulls: structuredClone(repository.pulls) }
    const results = await run(updates, [ROCKY])
    expect(writes()).toEqual([])
    expect(github.requests.length).toBeGreaterThan(0)
    expect(results.map((r) => r.operation)).toEqual(['none', 'none', 'none'])
    expect(results[0]).toMatchObject({ number: 1 })
    expect(repository.branches()).toEqual(before.branches)
    expect(repository.pulls).toEqual(before.pulls)
  })

  it('with a newer build updates the same pull request: branch force-updated onto the base, body refreshed', async () => {
    await run([update(UBUNTU, 'Ubuntu 24.04', '20250101', '20250201')], [])
    const first = repository.branches()[bumpBranch(UBUNTU)] as string
    // The base moves on meanwhile (another file edited), so the new commit is not a fast forward.
    repository.commit('main', { 'README.md': 'catalog, edited\n' })
    const base = mainHead()
    const results = await run([update(UBUNTU, 'Ubuntu 24.04', '20250101', '20250208')], [])
    expect(results).toEqual([
      {
        file: UBUNTU,
        branch: bumpBranch(UBUNTU),
        operation: 'updated',
        number: 1,
        url: `https://github.com/${OWNER}/${REPO}/pull/1`,
      },
    ])
    expect(repository.pulls).toHaveLength(1)
    const head = repository.branches()[bumpBranch(UBUNTU)] as string
    expect(head).not.toBe(first)
    expect(repository.commitOf(head).parents).toEqual([base])
    expect(repository.file(bumpBranch(UBUNTU), UBUNTU)).toBe(catalog('Ubuntu 24.04', '20250208'))
    expect(repository.file(bumpBranch(UBUNTU), 'README.md')).toBe('catalog, edited\n')
    expect(open()[0]?.title).toBe('Update Ubuntu 24.04 to 20250208')
    expect(open()[0]?.body).toContain('20250101 → 20250208')
    expect(open()[0]?.body).not.toContain('20250201')
    const force = github.requests.find(
      (r) => r.route === 'PATCH /repos/{owner}/{repo}/git/refs/{ref}',
    )
    expect(force?.params).toMatchObject({
      ref: `heads/${bumpBranch(UBUNTU)}`,
      sha: head,
      force: true,
    })
    expect(writes()).not.toContain('POST /repos/{owner}/{repo}/pulls')
  })

  it('refreshes only the body when the branch already holds the content', async () => {
    const first = update(UBUNTU, 'Ubuntu 24.04', '20250101', '20250201')
    await run([first], [])
    const head = repository.branches()[bumpBranch(UBUNTU)]
    const renamed = { ...first, bumps: [{ ...(first.bumps[0] as Bump), buildDate: '2025-02-02' }] }
    const results = await run([renamed], [])
    expect(results[0]?.operation).toBe('updated')
    expect(writes()).toEqual(['PATCH /repos/{owner}/{repo}/pulls/{pull_number}'])
    expect(repository.branches()[bumpBranch(UBUNTU)]).toBe(head)
    expect(open()[0]?.body).toContain('2025-02-02')
  })

  it('adds labels that are missing, leaves others a person added', async () => {
    await run([update(UBUNTU, 'Ubuntu 24.04', '20250101', '20250201')], [], { labels: ['images'] })
    ;(open()[0] as { labels: string[] }).labels.push('needs-review')
    await run([update(UBUNTU, 'Ubuntu 24.04', '20250101', '20250201')], [], {
      labels: ['images', 'bump'],
    })
    expect(writes()).toEqual(['POST /repos/{owner}/{repo}/issues/{issue_number}/labels'])
    expect(github.requests.at(-1)?.params.labels).toEqual(['bump'])
    expect(open()[0]?.labels).toEqual(['images', 'needs-review', 'bump'])
  })

  it('opens a new pull request on the existing branch when the old one was closed by hand, never a duplicate', async () => {
    await run([update(UBUNTU, 'Ubuntu 24.04', '20250101', '20250201')], [])
    ;(repository.pulls[0] as { state: string }).state = 'closed'
    const results = await run([update(UBUNTU, 'Ubuntu 24.04', '20250101', '20250201')], [])
    expect(results[0]).toMatchObject({ operation: 'created', number: 2 })
    // The branch held the content already: no commit, only the pull request.
    expect(writes()).toEqual([
      'POST /repos/{owner}/{repo}/pulls',
      'POST /repos/{owner}/{repo}/issues/{issue_number}/labels',
    ])
    await run([update(UBUNTU, 'Ubuntu 24.04', '20250101', '20250201')], [])
    expect(writes()).toEqual([])
    expect(open()).toHaveLength(1)
  })
})

describe('once the catalog has the build', () => {
  it('closes the pull request and deletes its branch when the file has no update any more', async () => {
    await run(
      [
        update(UBUNTU, 'Ubuntu 24.04', '20250101', '20250201'),
        update(DEBIAN, 'Debian 12', '20250102', '20250202'),
      ],
      [],
    )
    // Someone puts the build into the catalog by hand; the next check finds the file current.
    repository.commit('main', { [UBUNTU]: catalog('Ubuntu 24.04', '20250201', ' (by hand)') })
    const results = await run([update(DEBIAN, 'Debian 12', '20250102', '20250202')], [UBUNTU])
    expect(results.map((r) => [r.file, r.operation])).toEqual([
      [DEBIAN, 'none'],
      [UBUNTU, 'closed'],
    ])
    expect(results[1]).toMatchObject({ number: 1, branch: bumpBranch(UBUNTU) })
    expect(writes()).toEqual([
      'PATCH /repos/{owner}/{repo}/pulls/{pull_number}',
      'DELETE /repos/{owner}/{repo}/git/refs/{ref}',
    ])
    expect(repository.pulls.map((p) => [p.number, p.state])).toEqual([
      [1, 'closed'],
      [2, 'open'],
    ])
    expect(Object.keys(repository.branches()).sort()).toEqual([
      'image-manager/update/etc/images/debian.yml',
      'main',
    ])
    // And stays closed.
    await run([update(DEBIAN, 'Debian 12', '20250102', '20250202')], [UBUNTU])
    expect(writes()).toEqual([])
  })

  it('closes it when the base already holds exactly what it proposes', async () => {
    const proposed = update(UBUNTU, 'Ubuntu 24.04', '20250101', '20250201')
    await run([proposed], [])
    repository.commit('main', { [UBUNTU]: proposed.content })
    const results = await run([proposed], [])
    expect(results.map((r) => r.operation)).toEqual(['closed'])
    expect(open()).toEqual([])
    expect(repository.branches()[bumpBranch(UBUNTU)]).toBeUndefined()
  })

  it('deletes a branch left behind by a merge, and nothing when there is nothing', async () => {
    await run([update(UBUNTU, 'Ubuntu 24.04', '20250101', '20250201')], [])
    repository.merge(1)
    expect(repository.file('main', UBUNTU)).toBe(catalog('Ubuntu 24.04', '20250201'))
    const results = await run([], [UBUNTU, DEBIAN])
    expect(results.map((r) => [r.file, r.operation])).toEqual([
      [UBUNTU, 'closed'],
      [DEBIAN, 'none'],
    ])
    expect(writes()).toEqual(['DELETE /repos/{owner}/{repo}/git/refs/{ref}'])
    expect(repository.branches()).toEqual({ main: mainHead() })
  })

  it('keeps the pull request of a file that could not be checked (in neither list)', async () => {
    await run([update(UBUNTU, 'Ubuntu 24.04', '20250101', '20250201')], [])
    const results = await run([], [])
    expect(results).toEqual([])
    expect(writes()).toEqual([])
    expect(open()).toHaveLength(1)
  })
})

describe('one pull request per image', () => {
  const perImage: BumpOptions = { per: 'image' }
  const two = (): FileUpdate[] => [
    {
      file: UBUNTU,
      content: catalog('Ubuntu 24.04', '20250201'),
      bumps: [bump('Ubuntu 24.04', '20250101', '20250201')],
    },
    {
      file: UBUNTU,
      content: catalog('Ubuntu 24.04', '20250101', ' minimal bumped'),
      bumps: [bump('Ubuntu 24.04 minimal', '20250101', '20250203')],
    },
  ]

  it('opens one per image, on branches that cannot clash, and closes one image when it is current', async () => {
    const results = await run(two(), [], perImage)
    expect(results.map((r) => [r.image, r.operation])).toEqual([
      ['Ubuntu 24.04', 'created'],
      ['Ubuntu 24.04 minimal', 'created'],
    ])
    const branches = results.map((r) => r.branch)
    expect(branches[0]).toMatch(
      /^image-manager\/update-image\/etc\/images\/ubuntu\.yml\/Ubuntu-24\.04-[0-9a-f]{8}$/,
    )
    expect(new Set(branches).size).toBe(2)
    const later = await run(
      [two()[1] as FileUpdate],
      [{ file: UBUNTU, image: 'Ubuntu 24.04' }],
      perImage,
    )
    expect(later.map((r) => [r.image, r.operation])).toEqual([
      ['Ubuntu 24.04 minimal', 'none'],
      ['Ubuntu 24.04', 'closed'],
    ])
    // A whole file current closes every image pull request of it.
    const last = await run([], [UBUNTU], perImage)
    expect(last.map((r) => [r.image, r.operation])).toEqual([[undefined, 'closed']])
    expect(open()).toEqual([])
  })

  it('refuses an update that bumps two images at once', async () => {
    const both: FileUpdate = { ...(two()[0] as FileUpdate), bumps: two().flatMap((u) => u.bumps) }
    await expect(syncBumpPullRequests(client, TARGET, [both], [], perImage)).rejects.toThrow(
      /one update per image; etc\/images\/ubuntu\.yml has 2 bumps/,
    )
  })
})

describe('what is not ours and what fails', () => {
  it('leaves a pull request from a fork on a branch of the same name alone', async () => {
    await run([update(UBUNTU, 'Ubuntu 24.04', '20250101', '20250201')], [])
    connect((request) => {
      const reply = repository.serve(request)
      if (request.route !== 'GET /repos/{owner}/{repo}/pulls') return reply
      const pulls = reply.data as { head: { repo: { full_name: string } } }[]
      for (const pull of pulls) pull.head.repo.full_name = 'mallory/images'
      return reply
    })
    expect((await run([], [UBUNTU])).map((r) => r.operation)).toEqual(['closed'])
    // Our branch goes; the fork's pull request is not ours to close.
    expect(writes()).toEqual(['DELETE /repos/{owner}/{repo}/git/refs/{ref}'])
  })

  /** Runs a newer build after `tamper`, and checks the branch and pull request were left exactly so. */
  async function leftAlone(tamper: () => void, reason: RegExp) {
    await run([update(UBUNTU, 'Ubuntu 24.04', '20250101', '20250201')], [])
    tamper()
    const before = { branches: repository.branches(), pulls: structuredClone(repository.pulls) }
    const newer = [update(UBUNTU, 'Ubuntu 24.04', '20250101', '20250208')]
    const [result] = await run(newer, [])
    expect(result).toMatchObject({ file: UBUNTU, branch: bumpBranch(UBUNTU), operation: 'skipped' })
    expect(result?.warning).toMatch(reason)
    expect(result?.warning).toContain('left alone, never force-updated, re-titled or closed')
    expect(writes()).toEqual([])
    // Nor closed when the file has its newest build.
    expect((await run([], [UBUNTU]))[0]?.operation).toBe('skipped')
    expect(writes()).toEqual([])
    expect(repository.branches()).toEqual(before.branches)
    expect(repository.pulls).toEqual(before.pulls)
  }

  it('leaves a branch alone whose head is a person’s commit (pushed on top of the tool’s)', async () => {
    await leftAlone(
      () => repository.commit(bumpBranch(UBUNTU), { [UBUNTU]: 'fixed by hand\n' }),
      /its head commit [0-9a-f]{7} is by octocat, not github-actions\[bot\]/,
    )
  })

  it('leaves a branch alone whose head, by the tool’s own identity, changes another file too', async () => {
    await leftAlone(() => {
      const branch = bumpBranch(UBUNTU)
      // Another workflow with the same token: one commit on the base, two files.
      const commit = repository.commit(
        'main',
        { [UBUNTU]: catalog('Ubuntu 24.04', '20250201'), 'README.md': 'changed\n' },
        'x',
        'github-actions[bot]',
      )
      repository.forceRef(branch, commit)
      repository.forceRef('main', repository.commitOf(commit).parents[0] as string)
    }, /changes README\.md, not only etc\/images\/ubuntu\.yml/)
  })

  it('leaves a branch alone whose head, by the tool’s identity, is not on top of the base', async () => {
    await leftAlone(() => {
      const side = repository.commit('side', { 'other.txt': 'x\n' }, 'side', 'github-actions[bot]')
      const commit = repository.commit('side', { [UBUNTU]: 'x\n' }, 'x', 'github-actions[bot]')
      repository.forceRef(bumpBranch(UBUNTU), commit)
      expect(repository.commitOf(commit).parents).toEqual([side])
    }, /is not on top of main/)
  })

  it('leaves a pull request alone that someone else opened on a branch under the prefix', async () => {
    await leftAlone(() => {
      const pull = repository.pulls[0] as FakePull
      pull.author = 'mallory'
    }, /its pull request #1 was opened by mallory, not github-actions\[bot\]/)
  })

  it('with a personal access token, its own commits and pull requests are that person’s', async () => {
    repository = fakeRepository({
      owner: OWNER,
      repo: REPO,
      files: { [UBUNTU]: catalog('Ubuntu 24.04', '20250101') },
      viewer: { login: 'image-admin', kind: 'user' },
    })
    connect()
    await run([update(UBUNTU, 'Ubuntu 24.04', '20250101', '20250201')], [])
    expect(open()[0]?.author).toBe('image-admin')
    // One GET /user, no GraphQL for a personal token.
    expect(github.requests.filter((r) => r.route === 'GET /user')).toHaveLength(1)
    expect(github.requests.filter((r) => r.route === 'POST /graphql')).toHaveLength(0)
    connect()
    const [result] = await run([update(UBUNTU, 'Ubuntu 24.04', '20250101', '20250208')], [])
    expect(result?.operation).toBe('updated')
    expect(repository.file(bumpBranch(UBUNTU), UBUNTU)).toBe(catalog('Ubuntu 24.04', '20250208'))
  })

  it('asks whom an installation token writes as once per run (per client), however many branches', async () => {
    await run(
      [
        update(UBUNTU, 'Ubuntu 24.04', '20250101', '20250201'),
        update(DEBIAN, 'Debian 12', '20250102', '20250202'),
      ],
      [],
    )
    connect()
    await run([update(UBUNTU, 'Ubuntu 24.04', '20250101', '20250208')], [DEBIAN])
    const lookups = () =>
      github.requests.filter((r) => /^(GET \/user|POST \/graphql)$/.test(r.route))
    expect(lookups().map((r) => r.route)).toEqual(['GET /user', 'POST /graphql'])
    // The same client again: the identity is remembered.
    await run([], [UBUNTU])
    expect(lookups()).toEqual([])
  })

  it('reports a failing file with GitHub’s message and a hint, and goes on with the others', async () => {
    connect((request) =>
      request.route === 'POST /repos/{owner}/{repo}/pulls' &&
      String(request.params.head).includes('ubuntu')
        ? {
            status: 403,
            data: {
              message: 'GitHub Actions is not permitted to create or approve pull requests.',
              documentation_url: 'https://docs.github.com/rest/pulls/pulls#create-a-pull-request',
            },
          }
        : repository.serve(request),
    )
    const results = await run(
      [
        update(UBUNTU, 'Ubuntu 24.04', '20250101', '20250201'),
        update(DEBIAN, 'Debian 12', '20250102', '20250202'),
      ],
      [],
    )
    expect(results.map((r) => r.operation)).toEqual(['failed', 'created'])
    expect(results[0]?.error).toMatch(
      /^GitHub API POST \/repos\/\{owner\}\/\{repo\}\/pulls for acme\/images failed with status 403: GitHub Actions is not permitted .*a GitHub App token or a personal access token/,
    )
    expect(results[0]?.error).not.toContain('ghs_test')
    // The next run (with a better token) opens it on the branch already pushed.
    connect()
    const again = await run(
      [
        update(UBUNTU, 'Ubuntu 24.04', '20250101', '20250201'),
        update(DEBIAN, 'Debian 12', '20250102', '20250202'),
      ],
      [],
    )
    expect(again.map((r) => r.operation)).toEqual(['created', 'none'])
  })

  it('names a missing base branch', async () => {
    await expect(
      syncBumpPullRequests(client, { ...TARGET, base: 'trunk' }, [], [UBUNTU]),
    ).rejects.toThrow("Base branch 'trunk' not found in acme/images; expected an existing branch")
  })
})

describe('branch names and blob ids', () => {
  it('keep clean paths readable and give every other name its own branch', () => {
    expect(bumpBranch('etc/images/ubuntu.yml')).toBe('image-manager/update/etc/images/ubuntu.yml')
    const odd = [
      'etc/images/my image.yml',
      'etc/images/my-image.yml',
      'etc/images/.hidden.yml',
      'a..b.yml',
      'x.lock',
    ]
    const names = odd.map((f) => bumpBranch(f))
    expect(new Set(names).size).toBe(odd.length)
    for (const name of names) {
      expect(name).toMatch(/^image-manager\/update\/[A-Za-z0-9._/-]+$/)
      expect(name).not.toMatch(/\.\.|\/\.|\.lock$|\.$|\/\//)
    }
    expect(bumpBranch('a.yml', 'Ubuntu 24.04')).not.toBe(bumpBranch('a.yml', 'ubuntu-24.04'))
  })

  it('are what git computes (`git hash-object`)', () => {
    expect(gitBlobSha('')).toBe('e69de29bb2d1d6434b8b29ae775ad8c2e48c5391')
    expect(gitBlobSha('hello world\n')).toBe('3b18e512dba79e4c8300dd08aeb37f8e728b8dad')
    expect(gitBlobSha('é\n')).toBe(gitBlobSha(Buffer.from('é\n', 'utf8').toString()))
  })
})

describe('the fake repository', () => {
  it('names trees as git does (the id `git write-tree` gives these files)', () => {
    const files = {
      'etc/images/ubuntu.yml': 'x\n',
      'etc/images/debian.yml': 'y\n',
      'README.md': 'r\n',
      'etc/a-b': 'z\n',
    }
    const fake = fakeRepository({ owner: 'a', repo: 'b', files })
    expect(fake.commitOf(fake.branches().main as string).tree).toBe(
      '0e9c4b03884c1a28df27d7ec96fedb06891c0a95',
    )
  })
})
