// A GitHub repository held in memory, behind the OpenAPI-checked double
// (`githubDouble({ serve: repository.serve })`): git objects with the ids git
// gives them (blobs, trees, commits), refs with GitHub's rules (no duplicate,
// fast-forward unless forced, no file/folder clash), file contents at any ref,
// and pull requests with labels. Enough of GitHub to run code that commits
// through the git data API and keeps pull requests, and to look at the result.
import { createHash } from 'node:crypto'
import type { GitHubReply, GitHubRequest } from './github-openapi.js'
import { specExample } from './github-openapi.js'

type Json = Record<string, unknown>

interface TreeEntry {
  name: string
  mode: string
  type: 'blob' | 'tree'
  sha: string
}
type GitObject =
  | { type: 'blob'; content: Buffer }
  | { type: 'tree'; entries: TreeEntry[] }
  | {
      type: 'commit'
      tree: string
      parents: string[]
      message: string
      date: string
      /** The GitHub login of its author. */
      author: string
    }

export interface FakePull {
  number: number
  state: 'open' | 'closed'
  title: string
  body: string
  head: string
  base: string
  labels: string[]
  createdAt: string
  closedAt: string | null
  /** Who opened it (`user.login`). */
  author: string
}

export interface FakeRepositoryOptions {
  owner: string
  repo: string
  /** The default branch (default `main`). */
  base?: string
  /** Path -> text of the first commit on the default branch. */
  files: Record<string, string>
  /**
   * Whom the token writes as (default: `github-actions[bot]`, an installation
   * token): GET /user answers its login for `user`, 403 for `app` (then GraphQL
   * `viewer { login }` answers); commits and pull requests made through the API
   * are its.
   */
  viewer?: { login: string; kind: 'app' | 'user' }
}

export interface FakeRepository {
  owner: string
  repo: string
  serve(request: GitHubRequest): GitHubReply
  /** A commit on `branch` (e.g. a merge, or an edit by hand, by `author`: octocat); `null` deletes a file. */
  commit(
    branch: string,
    files: Record<string, string | null>,
    message?: string,
    author?: string,
  ): string
  /** The text of `path` at a branch or commit, or undefined. */
  file(ref: string, path: string): string | undefined
  /** Every branch and its commit. */
  branches(): Record<string, string>
  /** The commit's parents and message. */
  commitOf(sha: string): { parents: string[]; message: string; tree: string }
  pulls: FakePull[]
  /** Points a branch at a commit, as a forced push would (made when missing). */
  forceRef(branch: string, commit: string): void
  /** Merges a pull request as a squash commit on its base and closes it (the branch stays). */
  merge(number: number): void
}

const API = 'https://api.github.com'
const DOCS = 'https://docs.github.com/rest'

const sha1 = (...parts: (string | Buffer)[]): string => {
  const hash = createHash('sha1')
  for (const part of parts) hash.update(part)
  return hash.digest('hex')
}

export function fakeRepository(options: FakeRepositoryOptions): FakeRepository {
  const { owner, repo } = options
  const base = options.base ?? 'main'
  const viewer = options.viewer ?? { login: 'github-actions[bot]', kind: 'app' }
  const full = `${owner}/${repo}`
  const objects = new Map<string, GitObject>()
  const refs = new Map<string, string>() // 'refs/heads/x' -> commit
  const pulls: FakePull[] = []
  const labelIds = new Map<string, number>()
  let clock = Date.parse('2026-01-05T08:00:00Z')
  const now = (): string => new Date((clock += 1000)).toISOString().replace('.000Z', 'Z')

  // --- git objects, hashed as git does ---------------------------------------
  const put = (object: GitObject, bytes: Buffer): string => {
    const sha = sha1(`${object.type} ${bytes.length}\0`, bytes)
    objects.set(sha, object)
    return sha
  }
  const putBlob = (content: Buffer): string => put({ type: 'blob', content }, content)
  const putTree = (entries: TreeEntry[]): string => {
    // git orders a folder as if its name ended in '/', and writes its mode 40000
    // (the API shows 040000).
    const key = (e: TreeEntry): string => (e.type === 'tree' ? `${e.name}/` : e.name)
    const sorted = [...entries].sort((a, b) => (key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0))
    const bytes = Buffer.concat(
      sorted.map((e) =>
        Buffer.concat([
          Buffer.from(`${e.mode.replace(/^0+/, '')} ${e.name}\0`),
          Buffer.from(e.sha, 'hex'),
        ]),
      ),
    )
    return put({ type: 'tree', entries: sorted }, bytes)
  }
  const putCommit = (tree: string, parents: string[], message: string, author: string): string => {
    const date = now()
    const stamp = `${author} <${author}@users.noreply.github.com> ${Date.parse(date) / 1000} +0000`
    const text =
      `tree ${tree}\n${parents.map((p) => `parent ${p}\n`).join('')}` +
      `author ${stamp}\ncommitter ${stamp}\n\n${message}`
    return put({ type: 'commit', tree, parents, message, date, author }, Buffer.from(text))
  }
  const get = <T extends GitObject['type']>(
    sha: string,
    type: T,
  ): Extract<GitObject, { type: T }> | undefined => {
    const object = objects.get(sha)
    return object?.type === type ? (object as Extract<GitObject, { type: T }>) : undefined
  }

  /** The tree with `path` set to a blob (or removed for null), folders made as needed; undefined when empty. */
  function setPath(
    tree: string | undefined,
    path: string[],
    blob: TreeEntry | null,
  ): string | undefined {
    const entries = tree === undefined ? [] : [...(get(tree, 'tree')?.entries ?? [])]
    const [name, ...rest] = path as [string, ...string[]]
    const at = entries.findIndex((e) => e.name === name)
    const existing = at >= 0 ? entries[at] : undefined
    let replacement: TreeEntry | null
    if (rest.length === 0) replacement = blob && { ...blob, name }
    else {
      const inner = setPath(existing?.type === 'tree' ? existing.sha : undefined, rest, blob)
      replacement = inner === undefined ? null : { name, mode: '040000', type: 'tree', sha: inner }
    }
    if (at >= 0) entries.splice(at, 1)
    if (replacement) entries.push(replacement)
    // git has no empty folders.
    return entries.length === 0 ? undefined : putTree(entries)
  }

  function editTree(baseTree: string | undefined, edits: [string, TreeEntry | null][]): string {
    let tree = baseTree
    for (const [path, blob] of edits) tree = setPath(tree, path.split('/'), blob)
    return tree ?? putTree([])
  }

  function lookup(tree: string, path: string): TreeEntry | undefined {
    let entry: TreeEntry | undefined = { name: '', mode: '040000', type: 'tree', sha: tree }
    for (const name of path.split('/')) {
      if (entry?.type !== 'tree') return undefined
      entry = get(entry.sha, 'tree')?.entries.find((e) => e.name === name)
    }
    return entry
  }

  /** A branch name, `heads/x`, `refs/heads/x` or a commit id, to a commit. */
  function resolveRef(ref: string): string | undefined {
    if (/^[0-9a-f]{40}$/.test(ref) && get(ref, 'commit')) return ref
    for (const name of [ref, `refs/${ref}`, `refs/heads/${ref}`]) {
      const found = refs.get(name)
      if (found) return found
    }
    return undefined
  }

  const isAncestor = (ancestor: string, of: string): boolean => {
    const seen = new Set<string>()
    const stack = [of]
    while (stack.length > 0) {
      const sha = stack.pop() as string
      if (sha === ancestor) return true
      if (seen.has(sha)) continue
      seen.add(sha)
      stack.push(...(get(sha, 'commit')?.parents ?? []))
    }
    return false
  }

  // --- the shapes GitHub answers with ----------------------------------------
  const repoUrl = `${API}/repos/${full}`
  const refJson = (name: string, sha: string): Json => ({
    ref: name,
    node_id: `REF_${Buffer.from(name).toString('base64url')}`,
    url: `${repoUrl}/git/${name}`,
    object: { type: 'commit', sha, url: `${repoUrl}/git/commits/${sha}` },
  })
  const commitJson = (sha: string): Json => {
    const commit = get(sha, 'commit') as Extract<GitObject, { type: 'commit' }>
    const person = {
      date: commit.date,
      name: commit.author,
      email: `${commit.author}@users.noreply.github.com`,
    }
    return {
      sha,
      node_id: `C_${sha.slice(0, 12)}`,
      url: `${repoUrl}/git/commits/${sha}`,
      html_url: `https://github.com/${full}/commit/${sha}`,
      author: person,
      committer: person,
      message: commit.message,
      tree: { sha: commit.tree, url: `${repoUrl}/git/trees/${commit.tree}` },
      parents: commit.parents.map((p) => ({
        sha: p,
        url: `${repoUrl}/git/commits/${p}`,
        html_url: `https://github.com/${full}/commit/${p}`,
      })),
      verification: {
        verified: false,
        reason: 'unsigned',
        signature: null,
        payload: null,
        verified_at: null,
      },
    }
  }
  /** Every file of a tree, path -> blob. */
  const flatten = (tree: string, prefix = ''): Map<string, string> => {
    const files = new Map<string, string>()
    for (const e of get(tree, 'tree')?.entries ?? []) {
      if (e.type === 'tree')
        for (const [p, b] of flatten(e.sha, `${prefix}${e.name}/`)) files.set(p, b)
      else files.set(`${prefix}${e.name}`, e.sha)
    }
    return files
  }
  /** GET commits/{ref}: the commit with its GitHub author and the files it changed against its first parent. */
  const restCommitJson = (sha: string): Json => {
    const commit = get(sha, 'commit') as Extract<GitObject, { type: 'commit' }>
    const example = specExample('commit')
    const now = flatten(commit.tree)
    const parent = commit.parents[0]
    const before = parent ? flatten((get(parent, 'commit') as { tree: string }).tree) : new Map()
    const paths = [...new Set([...now.keys(), ...before.keys()])].filter(
      (p) => now.get(p) !== before.get(p),
    )
    const account = { ...(example.author as Json), login: commit.author }
    const git = commitJson(sha)
    return {
      ...example,
      sha,
      url: `${repoUrl}/commits/${sha}`,
      html_url: `https://github.com/${full}/commit/${sha}`,
      commit: {
        ...(example.commit as Json),
        message: commit.message,
        author: git.author,
        committer: git.committer,
        tree: git.tree,
      },
      author: account,
      committer: account,
      parents: git.parents,
      stats: { additions: paths.length, deletions: 0, total: paths.length },
      files: paths.sort().map((path) => ({
        sha: now.get(path) ?? before.get(path),
        filename: path,
        status: !before.has(path) ? 'added' : !now.has(path) ? 'removed' : 'modified',
        additions: 1,
        deletions: 0,
        changes: 1,
        blob_url: `https://github.com/${full}/blob/${sha}/${path}`,
        raw_url: `https://github.com/${full}/raw/${sha}/${path}`,
        contents_url: `${repoUrl}/contents/${path}?ref=${sha}`,
      })),
    }
  }
  const treeJson = (sha: string): Json => ({
    sha,
    url: `${repoUrl}/git/trees/${sha}`,
    truncated: false,
    tree: (get(sha, 'tree')?.entries ?? []).map((e) => ({
      path: e.name,
      mode: e.mode,
      type: e.type,
      sha: e.sha,
      ...(e.type === 'blob'
        ? { size: get(e.sha, 'blob')?.content.length ?? 0, url: `${repoUrl}/git/blobs/${e.sha}` }
        : { url: `${repoUrl}/git/trees/${e.sha}` }),
    })),
  })
  const labelJson = (name: string): Json => {
    if (!labelIds.has(name)) labelIds.set(name, 9000 + labelIds.size)
    return {
      id: labelIds.get(name),
      node_id: `LA_${labelIds.get(name)}`,
      url: `${repoUrl}/labels/${encodeURIComponent(name)}`,
      name,
      // A string in every schema that embeds labels (nullable in some only).
      description: '',
      color: 'ededed',
      default: false,
    }
  }
  const branchJson = (example: Json, ref: string, sha: string): Json => {
    const repository = example.repo as Json
    return {
      ...example,
      label: `${owner}:${ref}`,
      ref,
      sha,
      repo: {
        ...repository,
        name: repo,
        full_name: full,
        owner: { ...(repository.owner as Json), login: owner },
        url: repoUrl,
        html_url: `https://github.com/${full}`,
      },
    }
  }
  const pullJson = (pull: FakePull, example: Json): Json => {
    const headSha = refs.get(`refs/heads/${pull.head}`) ?? '0'.repeat(40)
    const baseSha = refs.get(`refs/heads/${pull.base}`) as string
    const url = `${repoUrl}/pulls/${pull.number}`
    return {
      ...example,
      id: 500000 + pull.number,
      node_id: `PR_${pull.number}`,
      number: pull.number,
      url,
      html_url: `https://github.com/${full}/pull/${pull.number}`,
      state: pull.state,
      title: pull.title,
      body: pull.body,
      labels: pull.labels.map(labelJson),
      user: { ...(example.user as Json), login: pull.author },
      // Nobody asked to review a bot's pull request (the description's example does not validate here).
      requested_reviewers: [],
      requested_teams: [],
      assignee: null,
      assignees: [],
      created_at: pull.createdAt,
      updated_at: pull.closedAt ?? pull.createdAt,
      closed_at: pull.closedAt,
      merged_at: null,
      head: branchJson(example.head as Json, pull.head, headSha),
      base: branchJson(example.base as Json, pull.base, baseSha),
      ...('merged' in example ? { merged: false, mergeable: null, merged_by: null } : {}),
    }
  }
  const fail = (status: number, message: string, errors?: Json[]): GitHubReply => ({
    status,
    data: { message, documentation_url: DOCS, ...(errors ? { errors } : {}) },
  })
  const notFound = (): GitHubReply => fail(404, 'Not Found')

  // --- routes -----------------------------------------------------------------
  const refName = (param: unknown): string => `refs/${String(param)}`
  /** GitHub refuses `a/b` beside `a/b/c`: they would be a file and a folder in .git. */
  const clashes = (name: string): boolean =>
    [...refs.keys()].some((r) => r.startsWith(`${name}/`) || name.startsWith(`${r}/`))

  /** Whether `to` has `from` in its history (`ahead`), the other way round, both or neither. */
  function compare(basehead: string): GitHubReply {
    const [from, to] = basehead.split('...').map(resolveRef)
    if (!from || !to) return notFound()
    const ahead = isAncestor(from, to)
    const behind = isAncestor(to, from)
    const status = from === to ? 'identical' : ahead ? 'ahead' : behind ? 'behind' : 'diverged'
    return {
      status: 200,
      data: {
        ...specExample('commit-comparison'),
        status,
        ahead_by: ahead && from !== to ? 1 : 0,
        behind_by: behind && from !== to ? 1 : 0,
        total_commits: ahead && from !== to ? 1 : 0,
        commits: [],
        files: [],
      },
    }
  }

  type Handler = (p: Json) => GitHubReply
  const routes: Record<string, Handler> = {
    'GET /repos/{owner}/{repo}/git/ref/{ref}': (p) => {
      const name = refName(p.ref)
      const sha = refs.get(name)
      return sha ? { status: 200, data: refJson(name, sha) } : notFound()
    },
    'GET /repos/{owner}/{repo}/git/matching-refs/{ref}': (p) => ({
      status: 200,
      data: [...refs.entries()]
        .filter(([name]) => name.startsWith(refName(p.ref)))
        .sort(([a], [b]) => (a < b ? -1 : 1))
        .map(([name, sha]) => refJson(name, sha)),
    }),
    'POST /repos/{owner}/{repo}/git/refs': (p) => {
      const name = String(p.ref)
      if (!/^refs\/[^/]+\/.+/.test(name))
        return fail(422, 'Reference name must start with refs/ and have at least two slashes.')
      if (refs.has(name)) return fail(422, 'Reference already exists')
      if (!get(String(p.sha), 'commit')) return fail(422, 'Object does not exist')
      if (clashes(name))
        return fail(422, `Reference cannot be created: ${name} clashes with an existing ref`)
      refs.set(name, String(p.sha))
      return { status: 201, data: refJson(name, String(p.sha)) }
    },
    'PATCH /repos/{owner}/{repo}/git/refs/{ref}': (p) => {
      const name = refName(p.ref)
      const old = refs.get(name)
      if (!old) return fail(422, 'Reference does not exist')
      const sha = String(p.sha)
      if (!get(sha, 'commit')) return fail(422, 'Object does not exist')
      if (p.force !== true && !isAncestor(old, sha))
        return fail(422, 'Update is not a fast forward')
      refs.set(name, sha)
      return { status: 200, data: refJson(name, sha) }
    },
    'DELETE /repos/{owner}/{repo}/git/refs/{ref}': (p) => {
      const name = refName(p.ref)
      // The description gives this 422 no body (GitHub sends "Reference does not exist").
      if (!refs.delete(name)) return { status: 422 }
      // GitHub closes the open pull requests of a deleted head branch.
      for (const pull of pulls) {
        if (pull.state === 'open' && `refs/heads/${pull.head}` === name) {
          pull.state = 'closed'
          pull.closedAt = now()
        }
      }
      return { status: 204 }
    },
    'POST /repos/{owner}/{repo}/git/blobs': (p) => {
      const encoding = p.encoding ?? 'utf-8'
      if (encoding !== 'utf-8' && encoding !== 'base64')
        return fail(422, `Invalid encoding ${String(encoding)}`)
      const content = Buffer.from(String(p.content), encoding === 'base64' ? 'base64' : 'utf8')
      const sha = putBlob(content)
      return { status: 201, data: { sha, url: `${repoUrl}/git/blobs/${sha}` } }
    },
    'POST /repos/{owner}/{repo}/git/trees': (p) => {
      const baseTree = p.base_tree === undefined ? undefined : String(p.base_tree)
      if (baseTree !== undefined && !get(baseTree, 'tree')) return fail(404, 'Not Found')
      const edits: [string, TreeEntry | null][] = []
      for (const item of p.tree as Json[]) {
        const path = String(item.path)
        if (item.sha === null) {
          edits.push([path, null])
          continue
        }
        const sha =
          item.content !== undefined ? putBlob(Buffer.from(String(item.content))) : String(item.sha)
        if (item.type !== 'blob' || !get(sha, 'blob'))
          return fail(422, `tree.sha ${sha} is not a valid blob`)
        edits.push([path, { name: '', mode: String(item.mode), type: 'blob', sha }])
      }
      return { status: 201, data: treeJson(editTree(baseTree, edits)) }
    },
    'GET /repos/{owner}/{repo}/git/commits/{commit_sha}': (p) =>
      get(String(p.commit_sha), 'commit')
        ? { status: 200, data: commitJson(String(p.commit_sha)) }
        : notFound(),
    'POST /repos/{owner}/{repo}/git/commits': (p) => {
      const tree = String(p.tree)
      const parents = ((p.parents as unknown[] | undefined) ?? []).map(String)
      if (!get(tree, 'tree')) return fail(422, 'Tree SHA does not exist')
      if (parents.some((s) => !get(s, 'commit')))
        return fail(422, 'Parent SHA does not exist or is not a commit object')
      const sha = putCommit(tree, parents, String(p.message), viewer.login)
      return { status: 201, data: commitJson(sha) }
    },
    'GET /repos/{owner}/{repo}/contents/{path}': (p) => {
      const commit = resolveRef(p.ref === undefined ? base : String(p.ref))
      const path = String(p.path)
      const entry = commit
        ? lookup((get(commit, 'commit') as { tree: string }).tree, path)
        : undefined
      if (!entry) return notFound()
      if (entry.type !== 'blob')
        throw new Error('the fake repository serves files only, not folders')
      const content = (get(entry.sha, 'blob') as { content: Buffer }).content
      const example = specExample('content-file-response-if-content-is-a-file')
      const htmlUrl = `https://github.com/${full}/blob/${String(p.ref ?? base)}/${path}`
      return {
        status: 200,
        data: {
          ...example,
          size: content.length,
          name: path.split('/').pop(),
          path,
          // GitHub wraps the base64 at 60 characters.
          content: (content.toString('base64').match(/.{1,60}/g) ?? []).join('\n') + '\n',
          sha: entry.sha,
          url: `${repoUrl}/contents/${path}`,
          git_url: `${repoUrl}/git/blobs/${entry.sha}`,
          html_url: htmlUrl,
          download_url: `https://raw.githubusercontent.com/${full}/${String(p.ref ?? base)}/${path}`,
          _links: {
            git: `${repoUrl}/git/blobs/${entry.sha}`,
            self: `${repoUrl}/contents/${path}`,
            html: htmlUrl,
          },
        },
      }
    },
    'GET /repos/{owner}/{repo}/pulls': (p) => {
      const state = p.state ?? 'open'
      const perPage = Number(p.per_page ?? 30)
      const page = Number(p.page ?? 1)
      const head = p.head === undefined ? undefined : String(p.head).replace(/^[^:]+:/, '')
      const found = pulls
        .filter((pull) => state === 'all' || pull.state === state)
        .filter((pull) => p.base === undefined || pull.base === p.base)
        .filter((pull) => head === undefined || pull.head === head)
        .sort((a, b) => b.number - a.number)
      const example = specExample('pull-request-simple')
      return {
        status: 200,
        data: found
          .slice((page - 1) * perPage, page * perPage)
          .map((pull) => pullJson(pull, example)),
      }
    },
    'POST /repos/{owner}/{repo}/pulls': (p) => {
      const head = String(p.head).replace(new RegExp(`^${owner}:`), '')
      const baseName = String(p.base)
      const headSha = refs.get(`refs/heads/${head}`)
      const baseSha = refs.get(`refs/heads/${baseName}`)
      if (!headSha || !baseSha) {
        return fail(422, 'Validation Failed', [
          { resource: 'PullRequest', field: headSha ? 'base' : 'head', code: 'invalid' },
        ])
      }
      if (pulls.some((x) => x.state === 'open' && x.head === head && x.base === baseName)) {
        return fail(422, 'Validation Failed', [
          {
            resource: 'PullRequest',
            code: 'custom',
            message: `A pull request already exists for ${owner}:${head}.`,
          },
        ])
      }
      if (isAncestor(headSha, baseSha)) {
        return fail(422, 'Validation Failed', [
          {
            resource: 'PullRequest',
            code: 'custom',
            message: `No commits between ${baseName} and ${head}`,
          },
        ])
      }
      const pull: FakePull = {
        number: pulls.length + 1,
        state: 'open',
        title: String(p.title ?? head),
        body: String(p.body ?? ''),
        head,
        base: baseName,
        labels: [],
        createdAt: now(),
        closedAt: null,
        author: viewer.login,
      }
      pulls.push(pull)
      return { status: 201, data: pullJson(pull, specExample('pull-request')) }
    },
    'PATCH /repos/{owner}/{repo}/pulls/{pull_number}': (p) => {
      const pull = pulls.find((x) => x.number === p.pull_number)
      if (!pull) return notFound()
      if (p.title !== undefined) pull.title = String(p.title)
      if (p.body !== undefined) pull.body = String(p.body)
      if (p.state === 'closed' && pull.state === 'open') {
        pull.state = 'closed'
        pull.closedAt = now()
      } else if (p.state === 'open' && pull.state === 'closed') {
        if (!refs.has(`refs/heads/${pull.head}`))
          return fail(422, 'Validation Failed', [
            {
              resource: 'PullRequest',
              code: 'custom',
              message: 'state cannot be changed. The head branch was deleted.',
            },
          ])
        pull.state = 'open'
        pull.closedAt = null
      }
      return { status: 200, data: pullJson(pull, specExample('pull-request')) }
    },
    'GET /repos/{owner}/{repo}/commits/{ref}': (p) => {
      const sha = resolveRef(String(p.ref))
      return sha ? { status: 200, data: restCommitJson(sha) } : notFound()
    },
    // The real Octokit's URL for `compare/{basehead}` matches this older template first.
    'GET /repos/{owner}/{repo}/compare/{base}...{head}': (p) =>
      compare(`${String(p.base)}...${String(p.head)}`),
    'GET /repos/{owner}/{repo}/compare/{basehead}': (p) => compare(String(p.basehead)),
    'POST /repos/{owner}/{repo}/issues/{issue_number}/labels': (p) => {
      const pull = pulls.find((x) => x.number === p.issue_number)
      if (!pull) return notFound()
      for (const label of (p.labels as unknown[]).map((l) =>
        typeof l === 'string' ? l : String((l as Json).name),
      )) {
        if (!pull.labels.includes(label)) pull.labels.push(label)
      }
      return { status: 200, data: pull.labels.map(labelJson) }
    },
  }

  function serve(request: GitHubRequest): GitHubReply {
    const { params } = request
    if (request.route === 'GET /user') {
      if (viewer.kind === 'user')
        return { status: 200, data: { ...specExample('private-user'), login: viewer.login } }
      return fail(403, 'Resource not accessible by integration')
    }
    if (request.route === 'POST /graphql')
      return { status: 200, data: { data: { viewer: { login: viewer.login } } } }
    if (params.owner !== owner || params.repo !== repo) return notFound()
    const handler = routes[request.route]
    if (!handler) throw new Error(`the fake repository does not serve ${request.route}`)
    return handler(params)
  }

  function commit(
    branch: string,
    files: Record<string, string | null>,
    message = 'Edit by hand',
    author = 'octocat',
  ): string {
    const parent = refs.get(`refs/heads/${branch}`)
    const parentTree = parent ? (get(parent, 'commit') as { tree: string }).tree : undefined
    const edits = Object.entries(files).map(([path, text]): [string, TreeEntry | null] => [
      path,
      text === null
        ? null
        : { name: '', mode: '100644', type: 'blob', sha: putBlob(Buffer.from(text)) },
    ])
    const sha = putCommit(editTree(parentTree, edits), parent ? [parent] : [], message, author)
    refs.set(`refs/heads/${branch}`, sha)
    return sha
  }

  commit(base, options.files, 'Initial catalog')

  return {
    owner,
    repo,
    serve,
    commit,
    file(ref, path) {
      const sha = resolveRef(ref)
      const entry = sha ? lookup((get(sha, 'commit') as { tree: string }).tree, path) : undefined
      return entry?.type === 'blob'
        ? (get(entry.sha, 'blob') as { content: Buffer }).content.toString('utf8')
        : undefined
    },
    branches: () =>
      Object.fromEntries(
        [...refs.entries()]
          .filter(([n]) => n.startsWith('refs/heads/'))
          .map(([n, s]) => [n.slice(11), s]),
      ),
    commitOf(sha) {
      const found = get(sha, 'commit')
      if (!found) throw new Error(`no commit ${sha}`)
      return { parents: found.parents, message: found.message, tree: found.tree }
    },
    pulls,
    forceRef(branch, commit) {
      if (!get(commit, 'commit')) throw new Error(`no commit ${commit}`)
      refs.set(`refs/heads/${branch}`, commit)
    },
    merge(number) {
      const pull = pulls.find((x) => x.number === number && x.state === 'open')
      if (!pull) throw new Error(`no open pull request #${number}`)
      const head = refs.get(`refs/heads/${pull.head}`) as string
      const baseSha = refs.get(`refs/heads/${pull.base}`) as string
      // A squash of a branch made on the current base; anything else would need a real merge.
      if (!isAncestor(baseSha, head)) throw new Error(`#${number} is not on top of ${pull.base}`)
      const tree = (get(head, 'commit') as { tree: string }).tree
      const squash = putCommit(tree, [baseSha], `${pull.title} (#${number})`, 'octocat')
      refs.set(`refs/heads/${pull.base}`, squash)
      pull.state = 'closed'
      pull.closedAt = now()
    },
  }
}
