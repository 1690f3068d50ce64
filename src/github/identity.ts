// Whom the token writes as: the one author whose comments, issues, commits and
// pull requests the tool may edit, close or replace. Each kind of token tells
// it differently (docs/behaviour.md, "Whose posts the tool touches"):
// - a personal access token (classic or fine-grained): `GET /user` answers its login;
// - an installation token (`GITHUB_TOKEN` is the one of the GitHub Actions app,
//   which writes as `github-actions[bot]`; an App's writes as `<app-slug>[bot]`):
//   `GET /user` answers 403, `GET /app` wants the App's JWT (401), and GraphQL's
//   `viewer { login }` answers the bot's login.
import { gitHubFailure, hasStatus, unexpectedReply } from './errors.js'
import type { GitHubClient, GitHubResponse } from './octokit.js'

export interface Identity {
  /** The login GitHub shows as the author of what the token writes, e.g. `github-actions[bot]`. */
  login: string
  /** `user`: a personal access token; `app`: an installation token (`GITHUB_TOKEN` or an App's). */
  kind: 'user' | 'app'
}

const USER = 'GET /user'
const GRAPHQL = 'POST /graphql'
/** The one GraphQL document the tool sends. */
export const VIEWER_QUERY = 'query { viewer { login } }'

// One lookup per client, so one per run: every finder of the run shares it.
const cache = new WeakMap<GitHubClient, Promise<Identity>>()

/** The identity of the client's token, looked up once and remembered for the client. */
export function tokenIdentity(client: GitHubClient): Promise<Identity> {
  let found = cache.get(client)
  if (found === undefined) {
    found = lookUp(client)
    cache.set(client, found)
    // A failed lookup is not remembered: the next caller asks again.
    found.catch(() => cache.delete(client))
  }
  return found
}

async function lookUp(client: GitHubClient): Promise<Identity> {
  let user: GitHubResponse
  try {
    user = await client.request(USER)
  } catch (error) {
    // 403 "Resource not accessible by integration": an installation token (any
    // other 403, e.g. a rate limit, says nothing about the kind of token).
    if (
      hasStatus(error, [403]) &&
      /not accessible by integration/i.test(gitHubFailure(error).message)
    )
      return { login: await viewerLogin(client, urlOf(error)), kind: 'app' }
    throw identityError(USER, error)
  }
  const login = (user.data as { login?: unknown } | null)?.login
  if (typeof login !== 'string' || login === '') throw unexpectedReply(USER, 'a user', user.data)
  return { login, kind: 'user' }
}

/** The bot's login through GraphQL (`<slug>[bot]`), at the REST base's GraphQL door. */
async function viewerLogin(client: GitHubClient, restUrl: string | null): Promise<string> {
  let response: GitHubResponse
  try {
    response = await client.request(GRAPHQL, { query: VIEWER_QUERY, ...graphqlBase(restUrl) })
  } catch (error) {
    throw identityError(GRAPHQL, error)
  }
  const data = response.data as {
    data?: { viewer?: { login?: unknown } }
    errors?: { message?: unknown }[]
  } | null
  const login = data?.data?.viewer?.login
  if (typeof login !== 'string' || login === '') {
    const said = data?.errors?.[0]?.message
    throw new Error(
      `GitHub GraphQL viewer { login } gave no login${typeof said === 'string' ? `: ${said}` : ''}; ` +
        'cannot tell whom the token writes as, so nothing of the tool is edited',
    )
  }
  // An installation writes as `<slug>[bot]`; GraphQL may leave the suffix off.
  return login.endsWith('[bot]') ? login : `${login}[bot]`
}

/** GitHub Enterprise Server answers GraphQL at `/api/graphql`, REST at `/api/v3`. */
function graphqlBase(restUrl: string | null): { baseUrl?: string } {
  if (restUrl === null) return {}
  const base = restUrl.replace(/\/user$/, '')
  return /\/api\/v3\/?$/.test(base) ? { baseUrl: base.replace(/\/api\/v3\/?$/, '/api') } : {}
}

/** The URL a rejected request went to (Octokit's `RequestError`), for the GraphQL door. */
function urlOf(error: unknown): string | null {
  const failure = error as { response?: { url?: unknown }; request?: { url?: unknown } }
  const url = failure.response?.url ?? failure.request?.url
  return typeof url === 'string' ? url : null
}

function identityError(route: string, error: unknown): Error {
  const { status, message } = gitHubFailure(error)
  const code = status === undefined ? 'without a status' : `with status ${status}`
  return new Error(
    `Cannot tell whom the GitHub token writes as: ${route} failed ${code}: ${message}; ` +
      'the tool edits only what its own token wrote, so it stops here',
  )
}

/** GitHub logins ignore case. */
export const sameLogin = (a: string, b: string): boolean => a.toLowerCase() === b.toLowerCase()

/** The `user` (or commit `author`) of a REST object is the token's identity. */
export function writtenBy(identity: Identity, user: unknown): boolean {
  const login = (user as { login?: unknown } | null | undefined)?.login
  return typeof login === 'string' && sameLogin(login, identity.login)
}
