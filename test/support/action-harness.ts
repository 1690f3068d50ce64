// The action's bundle run as a runner runs it, one step at a time: INPUT_*
// variables, an event payload in GITHUB_EVENT_PATH, fresh GITHUB_OUTPUT and
// GITHUB_STEP_SUMMARY files, GITHUB_API_URL at the GitHub double; and a pull
// request's comments as GitHub keeps them, served through the double.
import { execFile } from 'node:child_process'
import { readFileSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import { promisify } from 'node:util'
import { readOutputs } from './action-outputs.js'
import { specExample, type GitHubExpectation, type GitHubRequest } from './github-openapi.js'

export interface StepResult {
  outputs: Record<string, string>
  /** The process's exit code (1 after core.setFailed). */
  exitCode: number
  /** What the step printed. */
  log: string
  /** What it wrote to the job summary. */
  summary: string
}

export interface ActionRunner {
  /** One step: the event (name and payload) it runs for, and its inputs. */
  step(
    event: { name: string; payload: unknown; sha?: string },
    inputs: Record<string, string>,
  ): Promise<StepResult>
}

/** Runs `entry` (a bundle) in a node process of its own per step. */
export function actionRunner(
  entry: string,
  work: string,
  env: { repository: string; apiUrl: string },
): ActionRunner {
  const output = path.join(work, 'github_output')
  const summary = path.join(work, 'step_summary.md')
  const eventPath = path.join(work, 'event.json')
  return {
    async step(event, inputs) {
      writeFileSync(output, '')
      writeFileSync(summary, '')
      writeFileSync(eventPath, JSON.stringify(event.payload))
      const vars: Record<string, string> = {}
      for (const [name, value] of Object.entries(process.env))
        if (value !== undefined && !name.startsWith('INPUT_') && !name.startsWith('GITHUB_'))
          vars[name] = value
      for (const [name, value] of Object.entries(inputs))
        vars[`INPUT_${name.toUpperCase()}`] = value
      Object.assign(vars, {
        GITHUB_ACTIONS: 'true',
        GITHUB_EVENT_NAME: event.name,
        GITHUB_EVENT_PATH: eventPath,
        GITHUB_REPOSITORY: env.repository,
        GITHUB_API_URL: env.apiUrl,
        GITHUB_SERVER_URL: 'https://github.com',
        GITHUB_RUN_ID: '7001',
        GITHUB_OUTPUT: output,
        GITHUB_STEP_SUMMARY: summary,
        RUNNER_TEMP: work,
        GITHUB_WORKSPACE: work,
        ...(event.sha ? { GITHUB_SHA: event.sha } : {}),
      })
      let exitCode = 0
      let log: string
      try {
        const child = await promisify(execFile)(process.execPath, [entry], {
          env: vars,
          maxBuffer: 64 * 1024 * 1024,
        })
        log = child.stdout
      } catch (error) {
        const failure = error as { code?: unknown; stdout?: string }
        log = failure.stdout ?? String(error)
        exitCode = typeof failure.code === 'number' ? failure.code : 1
      }
      return {
        outputs: readOutputs(output),
        exitCode,
        log,
        summary: readFileSync(summary, 'utf8'),
      }
    },
  }
}

/** A comment as GitHub keeps it; ids ascend like GitHub's. */
export interface StoredComment {
  id: number
  body: string
  by: 'bot' | 'person'
}

const ROUTES = {
  list: 'GET /repos/{owner}/{repo}/issues/{issue_number}/comments',
  create: 'POST /repos/{owner}/{repo}/issues/{issue_number}/comments',
  update: 'PATCH /repos/{owner}/{repo}/issues/comments/{comment_id}',
}

/** The comments of one pull request and the expectations that read and write them. */
export function pullRequestComments(where: {
  owner: string
  repo: string
  number: number
  apiUrl: string
  token: string
}) {
  const comments: StoredComment[] = []
  let nextId = 9000
  const { owner, repo, number } = where
  const apiComment = (c: StoredComment): Record<string, unknown> => {
    const example = specExample('issue-comment')
    const user = example.user as Record<string, unknown>
    return {
      ...example,
      id: c.id,
      node_id: `IC_${c.id}`,
      body: c.body,
      html_url: `https://github.com/${owner}/${repo}/pull/${number}#issuecomment-${c.id}`,
      url: `${where.apiUrl}/repos/${owner}/${repo}/issues/comments/${c.id}`,
      issue_url: `${where.apiUrl}/repos/${owner}/${repo}/issues/${number}`,
      // The identity of GITHUB_TOKEN.
      user:
        c.by === 'bot'
          ? { ...user, login: 'github-actions[bot]', id: 41898282, type: 'Bot' }
          : { ...user, login: 'octocat', type: 'User' },
    }
  }
  const headers = { authorization: `token ${where.token}` }
  const list: GitHubExpectation = {
    route: ROUTES.list,
    params: { owner, repo, issue_number: number, per_page: 100, page: 1 },
    headers,
    reply: () => ({ status: 200, data: comments.map(apiComment) }),
  }
  const create: GitHubExpectation = {
    route: ROUTES.create,
    headers,
    reply: (request: GitHubRequest) => {
      if (request.params.issue_number !== number)
        throw new Error(`comment on #${String(request.params.issue_number)}, not #${number}`)
      const stored: StoredComment = { id: nextId++, body: request.params.body as string, by: 'bot' }
      comments.push(stored)
      return { status: 201, data: apiComment(stored) }
    },
  }
  const update: GitHubExpectation = {
    route: ROUTES.update,
    headers,
    reply: (request: GitHubRequest) => {
      const stored = comments.find((c) => c.id === request.params.comment_id)
      if (stored?.by !== 'bot')
        throw new Error(`edited comment ${String(request.params.comment_id)}, not the bot's`)
      stored.body = request.params.body as string
      return { status: 200, data: apiComment(stored) }
    },
  }
  return { comments, list, create, update }
}

/** GitHub's example pull request as `number`; its own example lacks the `type` its schema requires of a team. */
function examplePull(name: string, number: number, head: string): Record<string, unknown> {
  const found = specExample(name)
  const pull = (Array.isArray(found) ? found[0] : found) as Record<string, unknown>
  const head0 = pull.head as Record<string, unknown>
  return { ...pull, number, head: { ...head0, sha: head }, requested_teams: [] }
}

/** GET pulls/{n}: the open pull request with `head` as its head now. */
export const pullRequestNow = (
  where: { owner: string; repo: string; number: number },
  head: string,
): GitHubExpectation => ({
  route: 'GET /repos/{owner}/{repo}/pulls/{pull_number}',
  params: { owner: where.owner, repo: where.repo, pull_number: where.number },
  reply: () => ({
    status: 200,
    data: { ...examplePull('pull-request', where.number, head), merged_at: null },
  }),
})

/** GET commits/{sha}/pulls: the pull request merged at `head` as commit `sha`, or (null) none. */
export const pullRequestsOfCommit = (
  where: { owner: string; repo: string; number: number },
  sha: string,
  head: string | null,
): GitHubExpectation => ({
  route: 'GET /repos/{owner}/{repo}/commits/{commit_sha}/pulls',
  params: { owner: where.owner, repo: where.repo, commit_sha: sha },
  reply: () => ({
    status: 200,
    data:
      head === null
        ? []
        : [
            {
              ...examplePull('pull-request-simple-items', where.number, head),
              state: 'closed',
              merge_commit_sha: sha,
              merged_at: '2026-12-07T08:00:00Z',
            },
          ],
  }),
})
