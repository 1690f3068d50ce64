// The update run between the upstream check and the pull requests: which
// files count as current, repository paths, one update per image, the summary.
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { bumpTarget, parseLabels } from '../../../src/action/update.js'
import { bumpBranch } from '../../../src/update/bump-branch.js'
import {
  bumpSummary,
  currentEntries,
  repositoryPath,
  runBumpPullRequests,
  type BumpRunOptions,
} from '../../../src/update/bump-run.js'
import { createGitHubClient } from '../../../src/github/octokit.js'
import type { Reporter } from '../../../src/reporter.js'
import type { FindUpdatesOptions } from '../../../src/update/find-updates.js'
import type { DefinitionStatus, FileUpdate } from '../../../src/update/types.js'
import { githubDouble } from '../../support/github-openapi.js'
import { fakeRepository } from '../../support/github-repository.js'

const status = (file: string, image: string, s: DefinitionStatus['status']): DefinitionStatus =>
  s === 'error'
    ? { file, image, status: s, error: 'upstream 500' }
    : { file, image, status: s, from: '1', to: s === 'newer' ? '2' : '1' }

const quiet = (): Reporter & { lines: string[] } => {
  const lines: string[] = []
  return {
    lines,
    info: (m) => lines.push(`info ${m}`),
    warning: (m) => lines.push(`warning ${m}`),
    debug: () => {},
    problems: () => {},
    summary: async () => {},
    secret: () => {},
  }
}

describe('currentEntries', () => {
  const statuses = [
    status('a.yml', 'A1', 'current'),
    status('a.yml', 'A2', 'current'),
    status('b.yml', 'B1', 'current'),
    status('b.yml', 'B2', 'newer'),
    status('c.yml', 'C1', 'current'),
    status('c.yml', 'C2', 'error'),
  ]
  it('per file: only files whose every image is current (an error keeps the file out)', () => {
    expect(currentEntries(statuses, 'file')).toEqual(['a.yml'])
  })
  it('per image: also each current image of the other files', () => {
    expect(currentEntries(statuses, 'image')).toEqual([
      'a.yml',
      { file: 'b.yml', image: 'B1' },
      { file: 'c.yml', image: 'C1' },
    ])
  })
})

describe('repositoryPath', () => {
  it('makes paths relative to the repository root, with /', () => {
    expect(repositoryPath('/w', '/w', 'etc/images/a.yml')).toBe('etc/images/a.yml')
    expect(repositoryPath('/w', '/w/sub', '../etc/a.yml')).toBe('etc/a.yml')
    expect(repositoryPath('/w', '/elsewhere', '/w/etc/a.yml')).toBe('etc/a.yml')
  })
  it('refuses a catalog outside the repository, naming it', () => {
    expect(() => repositoryPath('/w', '/w', '../other/a.yml')).toThrow(
      '../other/a.yml is outside the repository (/w); bump pull requests can only edit files in it',
    )
  })
})

describe('runBumpPullRequests', () => {
  const root = path.resolve('/work/repo')
  const twoBumps: FileUpdate = {
    file: path.join(root, 'etc/images/ubuntu.yml'),
    content: 'both\n',
    bumps: [
      {
        image: 'U1',
        from: '1',
        to: '2',
        url: 'https://u/2',
        checksum: 'sha256:aa',
        buildDate: '2025-01-02',
      },
      {
        image: 'U2',
        from: '1',
        to: '3',
        url: 'https://u/3',
        checksum: 'sha256:bb',
        buildDate: '2025-01-03',
      },
    ],
  }
  const single = (image: string): FileUpdate => ({
    ...twoBumps,
    content: `${image} only\n`,
    bumps: twoBumps.bumps.filter((b) => b.image === image),
  })
  const statuses = [
    status(twoBumps.file, 'U1', 'newer'),
    status(twoBumps.file, 'U2', 'newer'),
    status(path.join(root, 'etc/images/debian.yml'), 'D', 'error'),
  ]
  const filters: (string | undefined)[] = []
  const check = async (options: FindUpdatesOptions) => {
    filters.push(options.filter)
    const image = options.filter && /^\^(.*)\$$/.exec(options.filter)?.[1]
    return {
      updates: image ? [single(image)] : [twoBumps],
      statuses,
      problems: [],
    }
  }

  it('per image: checks again for each image of a file with several, and opens one pull request each', async () => {
    const repository = fakeRepository({
      owner: 'acme',
      repo: 'images',
      files: { 'etc/images/ubuntu.yml': 'old\n', 'etc/images/debian.yml': 'd\n' },
    })
    const github = githubDouble({ serve: (r) => repository.serve(r) })
    const reporter = quiet()
    const options: BumpRunOptions = {
      images: 'etc/images',
      dryRun: false,
      per: 'image',
      labels: [],
      root,
      cwd: root,
      target: { owner: 'acme', repo: 'images', base: 'main' },
      client: createGitHubClient({ token: 't', fetch: github.fetch }),
      check,
    }
    filters.length = 0
    const run = await runBumpPullRequests(options, reporter)
    github.done()
    expect(filters).toEqual([undefined, '^U1$', '^U2$'])
    expect(run.results.map((r) => [r.image, r.operation])).toEqual([
      ['U1', 'created'],
      ['U2', 'created'],
    ])
    expect(
      repository.file(bumpBranch('etc/images/ubuntu.yml', 'U1'), 'etc/images/ubuntu.yml'),
    ).toBe('U1 only\n')
    expect(
      repository.file(bumpBranch('etc/images/ubuntu.yml', 'U2'), 'etc/images/ubuntu.yml'),
    ).toBe('U2 only\n')
    // debian.yml could not be checked: nothing is closed or opened for it.
    expect(run.statuses.map((s) => s.file)).toEqual([
      'etc/images/ubuntu.yml',
      'etc/images/ubuntu.yml',
      'etc/images/debian.yml',
    ])
    expect(reporter.lines).toContain('warning etc/images/debian.yml: D: upstream 500')
  })

  it('warns about a bump branch someone else committed to, and says so in the summary', async () => {
    const repository = fakeRepository({
      owner: 'acme',
      repo: 'images',
      files: { 'etc/images/ubuntu.yml': 'old\n', 'etc/images/debian.yml': 'd\n' },
    })
    const branch = bumpBranch('etc/images/ubuntu.yml', 'U1')
    repository.commit('main', {})
    repository.forceRef(branch, repository.commit('main', { 'etc/images/ubuntu.yml': 'mine\n' }))
    const github = githubDouble({ serve: (r) => repository.serve(r) })
    const reporter = quiet()
    const run = await runBumpPullRequests(
      {
        images: 'etc/images',
        dryRun: false,
        per: 'image',
        labels: [],
        root,
        cwd: root,
        target: { owner: 'acme', repo: 'images', base: 'main' },
        client: createGitHubClient({ token: 't', fetch: github.fetch }),
        check,
      },
      reporter,
    )
    github.done()
    expect(run.results.map((r) => [r.image, r.operation])).toEqual([
      ['U1', 'skipped'],
      ['U2', 'created'],
    ])
    expect(repository.file(branch, 'etc/images/ubuntu.yml')).toBe('mine\n')
    const warning = reporter.lines.find((l) => l.startsWith('warning Bump pull request'))
    expect(warning).toMatch(/is not this tool's \(its head commit [0-9a-f]{7} is by octocat/)
    expect(bumpSummary(run, false)).toMatch(/\| skipped: .*left alone, never force-updated/)
  })

  it('dry run: reports, and asks GitHub nothing', async () => {
    const reporter = quiet()
    const run = await runBumpPullRequests(
      { images: 'x', dryRun: true, per: 'file', labels: [], root, cwd: root, check },
      reporter,
    )
    expect(run.results).toEqual([])
    expect(reporter.lines).toContain('info etc/images/ubuntu.yml: U1: 1 → 2')
    // One line per image: the newer and the failed ones are not also called current.
    expect(reporter.lines.filter((l) => l.includes('is the newest build'))).toEqual([])
    const summary = bumpSummary(run, true)
    expect(summary).toContain('## Upstream updates (dry run)')
    expect(summary).toContain('3 tracked, 2 with a newer build, 1 could not be checked.')
    expect(summary).toContain(
      '| <code>etc/images/debian.yml</code> | D | error | upstream 500 |  |',
    )
  })
})

describe('the action context', () => {
  const repo = { owner: 'acme', repo: 'images' }
  it('proposes to the branch that runs, else the default branch', () => {
    expect(bumpTarget({ ref: 'refs/heads/trunk', repo, payload: {} })).toEqual({
      ...repo,
      base: 'trunk',
    })
    expect(
      bumpTarget({
        ref: 'refs/tags/v1',
        repo,
        payload: { repository: { default_branch: 'main' } },
      }),
    ).toEqual({
      ...repo,
      base: 'main',
    })
    expect(() => bumpTarget({ ref: 'refs/pull/7/merge', repo, payload: {} })).toThrow(
      "update runs on a branch (schedule, workflow_dispatch or push); this run is on 'refs/pull/7/merge'",
    )
  })
  it('reads labels comma or line separated, once each', () => {
    expect(parseLabels('images, dependencies\nimages\n\n')).toEqual(['images', 'dependencies'])
    expect(parseLabels('')).toEqual([])
  })
})
