// The OpenAPI-checked GitHub double (github-openapi.ts) behind a real HTTP
// server on loopback, for code that builds its own Octokit from
// GITHUB_API_URL, as the action on a runner does.
import { createServer, type IncomingMessage } from 'node:http'
import type { AddressInfo } from 'node:net'
import { githubDouble, type GitHubDouble, type GitHubServe } from './github-openapi.js'

export interface GitHubServer {
  /** `http://127.0.0.1:<port>`: the value for GITHUB_API_URL. */
  url: string
  /** Checks every request and answers with its expectations. */
  double: GitHubDouble
  close(): Promise<void>
}

async function bodyOf(request: IncomingMessage): Promise<string | undefined> {
  const chunks: Buffer[] = []
  for await (const chunk of request) chunks.push(chunk as Buffer)
  return chunks.length === 0 ? undefined : Buffer.concat(chunks).toString('utf8')
}

/** `serve` answers what no expectation is queued for (e.g. a fake repository's `serve`). */
export async function startGitHubServer(
  options: { serve?: GitHubServe } = {},
): Promise<GitHubServer> {
  // Made once the port is known: the double checks URLs against its base.
  const box: { double?: GitHubDouble } = {}
  const server = createServer((request, response) => {
    void (async () => {
      const headers = new Headers()
      for (const [name, value] of Object.entries(request.headers)) {
        if (value !== undefined) headers.set(name, Array.isArray(value) ? value.join(', ') : value)
      }
      try {
        const body = await bodyOf(request)
        const answer = await (box.double as GitHubDouble).fetch(`${url}${request.url ?? '/'}`, {
          method: request.method ?? 'GET',
          headers,
          ...(body === undefined ? {} : { body }),
        })
        response.writeHead(answer.status, Object.fromEntries(answer.headers))
        response.end(await answer.text())
      } catch (error) {
        // The double has recorded the problem for done(); the client sees a server error.
        response.writeHead(500, { 'content-type': 'application/json' })
        response.end(JSON.stringify({ message: `GitHub double: ${String(error)}` }))
      }
    })()
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
  const double = (box.double = githubDouble({ baseUrl: url, ...options }))
  return {
    url,
    double,
    close: () => new Promise((resolve, reject) => server.close((e) => (e ? reject(e) : resolve()))),
  }
}
