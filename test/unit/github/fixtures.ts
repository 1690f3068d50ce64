// Issue comments shaped like GitHub's: the description's own example, adjusted.
import { specExample } from '../../support/github-openapi.js'

export const OWNER = 'acme'
export const REPO = 'images'
export const PR = 7
export const MARKER = '<!-- image-manager-plan:cloud-a -->'

export const LIST = 'GET /repos/{owner}/{repo}/issues/{issue_number}/comments'
export const CREATE = 'POST /repos/{owner}/{repo}/issues/{issue_number}/comments'
export const UPDATE = 'PATCH /repos/{owner}/{repo}/issues/comments/{comment_id}'

const BOT = {
  login: 'github-actions[bot]',
  id: 41898282,
  node_id: 'MDM6Qm90NDE4OTgyODI=',
  avatar_url: 'https://avatars.githubusercontent.com/in/15368?v=4',
  gravatar_id: '',
  url: 'https://api.github.com/users/github-actions%5Bbot%5D',
  html_url: 'https://github.com/apps/github-actions',
  followers_url: 'https://api.github.com/users/github-actions%5Bbot%5D/followers',
  following_url: 'https://api.github.com/users/github-actions%5Bbot%5D/following{/other_user}',
  gists_url: 'https://api.github.com/users/github-actions%5Bbot%5D/gists{/gist_id}',
  starred_url: 'https://api.github.com/users/github-actions%5Bbot%5D/starred{/owner}{/repo}',
  subscriptions_url: 'https://api.github.com/users/github-actions%5Bbot%5D/subscriptions',
  organizations_url: 'https://api.github.com/users/github-actions%5Bbot%5D/orgs',
  repos_url: 'https://api.github.com/users/github-actions%5Bbot%5D/repos',
  events_url: 'https://api.github.com/users/github-actions%5Bbot%5D/events{/privacy}',
  received_events_url: 'https://api.github.com/users/github-actions%5Bbot%5D/received_events',
  type: 'Bot',
  user_view_type: 'public',
  site_admin: false,
}

export function htmlUrl(id: number): string {
  return `https://github.com/${OWNER}/${REPO}/pull/${PR}#issuecomment-${id}`
}

/** An issue comment on the pull request, by `github-actions[bot]` or by octocat. */
export function comment(
  id: number,
  body: string,
  by: 'bot' | 'human' = 'bot',
): Record<string, unknown> {
  const example = specExample('issue-comment')
  return {
    ...example,
    id,
    node_id: `IC_kwDO${id}`,
    url: `https://api.github.com/repos/${OWNER}/${REPO}/issues/comments/${id}`,
    html_url: htmlUrl(id),
    issue_url: `https://api.github.com/repos/${OWNER}/${REPO}/issues/${PR}`,
    body,
    ...(by === 'bot' ? { user: BOT, author_association: 'NONE' } : {}),
  }
}

/** `count` comments by people, none with a marker, ids from `first`. */
export function chatter(count: number, first = 1): Record<string, unknown>[] {
  return Array.from({ length: count }, (_, i) => comment(first + i, `LGTM ${i}`, 'human'))
}

/** The error a promise rejects with; fails when it resolves. */
export async function failure(promise: Promise<unknown>): Promise<Error> {
  try {
    await promise
  } catch (error) {
    return error as Error
  }
  throw new Error('expected a rejection')
}
