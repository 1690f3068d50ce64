// The requests a run makes to learn whom its token writes as (src/github/identity.ts),
// as GitHub answers them for each kind of token.
import { specExample, type GitHubExpectation } from './github-openapi.js'

export const ACTIONS_BOT = 'github-actions[bot]'

/**
 * `app` (GITHUB_TOKEN or an App's installation token): GET /user refused with
 * 403, then GraphQL `viewer { login }`; `user` (a personal access token): GET /user.
 */
export function identityExpectations(
  login = ACTIONS_BOT,
  kind: 'app' | 'user' = 'app',
  headers: Record<string, string> = {},
): GitHubExpectation[] {
  if (kind === 'user') {
    const user = { ...specExample('private-user'), login }
    return [{ route: 'GET /user', headers, reply: { status: 200, data: user } }]
  }
  return [
    {
      route: 'GET /user',
      headers,
      reply: {
        status: 403,
        data: {
          message: 'Resource not accessible by integration',
          documentation_url: 'https://docs.github.com/rest/users/users#get-the-authenticated-user',
          status: '403',
        },
      },
    },
    {
      route: 'POST /graphql',
      headers,
      params: { query: 'query { viewer { login } }' },
      reply: { status: 200, data: { data: { viewer: { login } } } },
    },
  ]
}
