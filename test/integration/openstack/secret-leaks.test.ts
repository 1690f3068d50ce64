// No secret reaches anything the tool prints or writes. Unique secrets are
// planted in every source (clouds.yaml, secure.yaml, OS_* variables, the
// action's clouds-yaml input, application credentials, plus decoy clouds that
// are never selected), and the CLI (in-process) and the action (with a runner's
// environment and a GitHub double for the comment) run across success, wrong
// password, malformed files and network errors. Any 6-character piece of any
// secret in stdout, stderr, job summary, outputs, plan JSON, report or comment fails.
import { randomInt } from 'node:crypto'
import { mkdir, readdir, readFile, rm, writeFile } from 'node:fs/promises'
import { createServer, type Server } from 'node:http'
import { createServer as createNetServer } from 'node:net'
import path from 'node:path'
import { Writable } from 'node:stream'
import { dump } from 'js-yaml'
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest'
import { main } from '../../../src/cli/main.js'
import { createSession, type Session } from '../../../src/openstack/auth/session.js'
import { resolveCloudConfig } from '../../../src/openstack/config/resolve.js'
import { catalogDefinition, catalogMeta } from '../../support/definitions.js'
import { localCloudConfig } from '../../support/local-cloud.js'
import { rawGlance, uniqueTag, workdir, type RawGlance, type Workdir } from '../apply/support.js'

// No hex digits and no common letters: a piece of a secret never turns up by chance.
const ALPHABET = 'GHJKLMNPQRSTVWXYZghjkmnpqrsvwxyz'
const planted: string[] = []
/** A fresh secret, remembered for the leak check. */
function secret(): string {
  let value = ''
  for (let i = 0; i < 24; i++) value += ALPHABET[randomInt(ALPHABET.length)]
  planted.push(value)
  return value
}

/** Every 6-character piece of every planted secret that occurs in `text`. */
function leaks(text: string): string[] {
  const found = new Set<string>()
  for (const value of planted) {
    for (let i = 0; i + 6 <= value.length; i++) {
      const piece = value.slice(i, i + 6)
      if (text.includes(piece)) found.add(`${piece} (of ${value})`)
    }
  }
  return [...found]
}

function expectNoLeak(where: string, text: string): void {
  expect(leaks(text), `${where}:\n${text}`).toEqual([])
}

const tag = uniqueTag('leaks')
let work: Workdir
let raw: RawGlance
let admin: Session
let authUrl: string
let closedPort: number
let catalog: string
const users: string[] = []

/** The password of each user made for this test, by role. */
const pw = {} as Record<'file' | 'secure' | 'env' | 'input', string>
const user = {} as Record<keyof typeof pw, string>
let appId: string
let appSecret: string

async function keystone<T>(method: 'GET' | 'POST' | 'PUT' | 'DELETE', url: string, json?: unknown) {
  const response = await admin.request<T>({
    method,
    url: `${admin.identityUrl}${url}`,
    expected: [200, 201, 204],
    ...(json === undefined ? { responseType: 'none' as const } : { json }),
    ...(method === 'GET' ? { responseType: 'json' as const } : {}),
  })
  return response.data
}

const auth = (username: string, password?: string): Record<string, string> => ({
  auth_url: authUrl,
  username,
  ...(password === undefined ? {} : { password }),
  project_name: 'demo',
  user_domain_name: 'Default',
  project_domain_name: 'Default',
})

/** clouds.yaml text: the given clouds plus a decoy cloud whose secrets must never show. */
const cloudsYaml = (clouds: Record<string, unknown>): string =>
  dump({
    clouds: {
      ...clouds,
      decoy: { auth: { ...auth('nobody', secret()), application_credential_secret: secret() } },
    },
  })

async function freePort(): Promise<number> {
  const server = createNetServer()
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const { port } = server.address() as { port: number }
  await new Promise<void>((resolve) => server.close(() => resolve()))
  return port
}

beforeAll(async () => {
  work = await workdir()
  raw = await rawGlance()
  const adminConfig = await localCloudConfig('local-admin')
  authUrl = adminConfig.auth.authUrl
  admin = await createSession(adminConfig)
  closedPort = await freePort()
  const [demo] = ((await keystone('GET', '/projects?name=demo')) as { projects: { id: string }[] })
    .projects
  const [member] = ((await keystone('GET', '/roles?name=member')) as { roles: { id: string }[] })
    .roles
  for (const role of ['file', 'secure', 'env', 'input'] as const) {
    pw[role] = secret()
    user[role] = `leak-${role}-${tag}`.slice(0, 60)
    const created = (await keystone('POST', '/users', {
      user: { name: user[role], password: pw[role], domain_id: 'default' },
    })) as { user: { id: string } }
    users.push(created.user.id)
    await keystone('PUT', `/projects/${demo?.id}/users/${created.user.id}/roles/${member?.id}`)
  }
  // An application credential of the first user, with a secret of our choosing.
  appSecret = secret()
  const owner = await createSession(
    resolveCloudConfig({
      clouds: {
        path: 'x.yaml',
        content: dump({ clouds: { o: { auth: auth(user.file, pw.file) } } }),
      },
      env: {},
    }),
  )
  const credential = await owner.request<{ application_credential: { id: string } }>({
    method: 'POST',
    url: `${owner.identityUrl}/users/${owner.info.user.id}/application_credentials`,
    expected: [201],
    json: { application_credential: { name: `leak-${tag}`, secret: appSecret } },
  })
  appId = credential.data.application_credential.id
  catalog = await work.catalog('leaks.yml', [
    catalogDefinition('Leak Check', {
      login: 'cirros',
      min_disk: 1,
      min_ram: 128,
      visibility: 'private',
      meta: catalogMeta({ os_distro: 'cirros', os_version: '1' }),
      versions: [
        {
          version: '1',
          url: 'https://images.example.org/leak.qcow2',
          checksum: `sha256:${'a'.repeat(64)}`,
        },
      ],
    }),
  ])
})

afterAll(async () => {
  for (const id of users) await keystone('DELETE', `/users/${id}`).catch(() => undefined)
  await raw?.purge(tag)
  await work?.close()
})

/** Runs `env` on a process environment without any OS_* variable of this machine. */
async function withEnv<T>(env: Record<string, string>, work: () => Promise<T>): Promise<T> {
  const saved = { ...process.env }
  for (const key of Object.keys(process.env)) if (key.startsWith('OS_')) delete process.env[key]
  Object.assign(process.env, env)
  try {
    return await work()
  } finally {
    process.env = saved
  }
}

function collector(): Writable & { text: string } {
  const stream = new Writable({
    write(chunk, _encoding, callback) {
      stream.text += String(chunk)
      callback()
    },
  }) as Writable & { text: string }
  stream.text = ''
  return stream
}

interface CliCase {
  name: string
  clouds?: { file: string; content: string }
  secure?: { file: string; content: string }
  env?: Record<string, string>
  cloud?: string
  code: number
  /** What the run must say, so a case cannot pass by failing some other way. */
  says: RegExp
}

async function runCli(c: CliCase): Promise<void> {
  const dir = path.join(work.dir, c.name)
  await mkdir(dir, { recursive: true })
  const env: Record<string, string> = { ...c.env }
  // A secure file that does not exist keeps the machine's own out of the way.
  env.OS_CLIENT_SECURE_FILE = path.join(dir, 'none-secure.yaml')
  for (const [key, file] of [
    ['OS_CLIENT_CONFIG_FILE', c.clouds],
    ['OS_CLIENT_SECURE_FILE', c.secure],
  ] as const) {
    if (file === undefined) continue
    env[key] = path.join(dir, file.file)
    await writeFile(env[key], file.content)
  }
  const planFile = path.join(dir, 'plan.json')
  const args = ['plan', '--images', catalog, '--tag', tag, '--out', planFile]
  if (c.cloud) args.push('--cloud', c.cloud)
  const out = collector()
  const err = collector()
  const code = await withEnv(env, () => main(args, { out, err }))
  const plan = await readFile(planFile, 'utf8').catch(() => '')
  expect(code, `${out.text}\n${err.text}`).toBe(c.code)
  expect(`${out.text}\n${err.text}`).toMatch(c.says)
  if (c.code === 0) expect(plan).toContain('"Leak Check 1"')
  expectNoLeak(`${c.name}: stdout`, out.text)
  expectNoLeak(`${c.name}: stderr`, err.text)
  expectNoLeak(`${c.name}: plan JSON`, plan)
}

describe('no secret in what the CLI prints or writes', () => {
  const yaml = (clouds: Record<string, unknown>) => ({
    file: 'clouds.yaml',
    content: cloudsYaml(clouds),
  })

  it('clouds.yaml: success, wrong password, unreachable Glance', async () => {
    await runCli({
      name: 'file-ok',
      clouds: yaml({ c: { auth: auth(user.file, pw.file) } }),
      cloud: 'c',
      code: 0,
      says: /Plan: 1 to import/,
    })
    await runCli({
      name: 'file-wrong',
      clouds: yaml({ c: { auth: auth(user.file, secret()) } }),
      cloud: 'c',
      code: 2,
      says: /Authentication failed for user/,
    })
    await runCli({
      name: 'file-glance-down',
      clouds: yaml({
        c: {
          auth: auth(user.file, pw.file),
          image_endpoint_override: `http://127.0.0.1:${closedPort}`,
        },
      }),
      cloud: 'c',
      code: 2,
      says: /Cannot reach Glance at http:\/\/127\.0\.0\.1:\d+: connection refused/,
    })
  })

  it('application credentials: success and a wrong secret', async () => {
    const app = (value: string) => ({
      auth_type: 'v3applicationcredential',
      auth: {
        auth_url: authUrl,
        application_credential_id: appId,
        application_credential_secret: value,
      },
    })
    await runCli({
      name: 'app-ok',
      clouds: yaml({ c: app(appSecret) }),
      cloud: 'c',
      code: 0,
      says: /Plan: 1 to import/,
    })
    await runCli({
      name: 'app-wrong',
      clouds: yaml({ c: app(secret()) }),
      cloud: 'c',
      code: 2,
      says: /Authentication failed for application credential/,
    })
  })

  it('secure.yaml: success and a wrong password', async () => {
    for (const [name, password, code, says] of [
      ['secure-ok', pw.secure, 0, /Plan: 1 to import/],
      ['secure-wrong', secret(), 2, /Authentication failed/],
    ] as const) {
      await runCli({
        name,
        clouds: yaml({ c: { auth: auth(user.secure) } }),
        secure: { file: 'secure.yaml', content: dump({ clouds: { c: { auth: { password } } } }) },
        cloud: 'c',
        code,
        says,
      })
    }
  })

  it('OS_* variables: success and a wrong password', async () => {
    const env = (password: string) => ({
      OS_AUTH_URL: authUrl,
      OS_USERNAME: user.env,
      OS_PASSWORD: password,
      OS_PROJECT_NAME: 'demo',
      OS_USER_DOMAIN_NAME: 'Default',
      OS_PROJECT_DOMAIN_NAME: 'Default',
    })
    await runCli({ name: 'env-ok', env: env(pw.env), code: 0, says: /Plan: 1 to import/ })
    await runCli({ name: 'env-wrong', env: env(secret()), code: 2, says: /Authentication failed/ })
  })

  it('malformed clouds.yaml, secure.yaml and JSON clouds files', async () => {
    const broken: [string, 'clouds' | 'secure', string, string][] = [
      [
        'yaml-tag',
        'clouds',
        'clouds.yaml',
        `clouds:\n  c:\n    auth:\n      password: !${secret()} x\n`,
      ],
      [
        'yaml-quote',
        'clouds',
        'clouds.yaml',
        `clouds:\n  c:\n    auth:\n      password: "${secret()}\n`,
      ],
      ['yaml-alias', 'clouds', 'clouds.yaml', `clouds:\n  c: {auth: {password: *${secret()}}}\n`],
      ['json', 'clouds', 'clouds.json', `{"clouds": {"c": {"auth": {"password": ${secret()}}}}}`],
      [
        'json-string',
        'clouds',
        'clouds.json',
        `{"clouds": {"c": {"auth": {"password": "${secret()}\n"}}}}`,
      ],
      [
        'secure-yaml',
        'secure',
        'secure.yaml',
        `clouds:\n  c:\n    auth: {password: !${secret()} x}\n`,
      ],
      [
        'secure-json',
        'secure',
        'secure.json',
        `{"clouds":{"c":{"auth":{"password":${secret()}}}}}`,
      ],
    ]
    for (const [name, which, file, content] of broken) {
      const good = yaml({ c: { auth: auth(user.file, pw.file) } })
      await runCli({
        name: `malformed-${name}`,
        clouds: which === 'clouds' ? { file, content } : good,
        ...(which === 'secure' ? { secure: { file, content } } : {}),
        cloud: 'c',
        code: 2,
        says: new RegExp(
          `Cannot parse \\S*${file.replace('.', '\\.')}: .* at line \\d+, column \\d+`,
        ),
      })
    }
  })
})

const HEAD = 'e'.repeat(40)

/** A GitHub double on loopback for the plan comment: no comments yet, every created one recorded. */
async function startGitHub(): Promise<{ url: string; bodies: string[]; close(): Promise<void> }> {
  const bodies: string[] = []
  const server: Server = createServer((req, res) => {
    let data = ''
    req.on('data', (chunk) => (data += String(chunk)))
    req.on('end', () => {
      const json = (status: number, body: unknown) =>
        res.writeHead(status, { 'Content-Type': 'application/json' }).end(JSON.stringify(body))
      // Whom the token writes as (GITHUB_TOKEN: 403 on /user, the bot through GraphQL).
      if (req.method === 'GET' && req.url === '/user')
        return json(403, { message: 'Resource not accessible by integration' })
      if (req.method === 'POST' && req.url === '/graphql')
        return json(200, { data: { viewer: { login: 'github-actions[bot]' } } })
      // The pull request's head is the one planned.
      if (req.method === 'GET' && req.url === '/repos/o/r/pulls/7')
        return json(200, {
          number: 7,
          html_url: 'https://github.invalid/pr/7',
          head: { sha: HEAD },
        })
      if (req.method === 'GET' && /^\/repos\/o\/r\/issues\/7\/comments/.test(req.url ?? ''))
        return json(200, [])
      if (req.method === 'POST' && req.url === '/repos/o/r/issues/7/comments') {
        const { body } = JSON.parse(data) as { body: string }
        bodies.push(body)
        return json(201, { id: bodies.length, html_url: 'https://github.invalid/c', body })
      }
      return json(404, { message: 'Not Found' })
    })
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const { port } = server.address() as { port: number }
  return {
    url: `http://127.0.0.1:${port}`,
    bodies,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  }
}

/** What a runner shows of stdout: `::add-mask::` lines consumed, their values masked from then on. */
function runnerLog(stdout: string): string {
  const masks: string[] = []
  const unescape = (s: string): string =>
    s.replace(/%0D/g, '\r').replace(/%0A/g, '\n').replace(/%25/g, '%')
  const shown: string[] = []
  for (const line of stdout.split('\n')) {
    const mask = /^::add-mask::(.*)$/.exec(line)
    if (mask) {
      masks.push(unescape(mask[1] as string))
      continue
    }
    shown.push(masks.reduce((text, value) => (value ? text.split(value).join('***') : text), line))
  }
  return shown.join('\n')
}

async function filesUnder(dir: string): Promise<string> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true }).catch(() => [])
  const texts = await Promise.all(
    entries.filter((e) => e.isFile()).map((e) => readFile(path.join(e.parentPath, e.name), 'utf8')),
  )
  return texts.join('\n')
}

describe('no secret in what the action prints, writes or posts', () => {
  let github: Awaited<ReturnType<typeof startGitHub>>
  let run: () => Promise<void>

  beforeAll(async () => {
    github = await startGitHub()
    const event = path.join(work.dir, 'event.json')
    await writeFile(event, JSON.stringify({ pull_request: { number: 7, head: { sha: HEAD } } }))
    // @actions/github reads its context and API URL when first imported.
    Object.assign(process.env, {
      GITHUB_EVENT_NAME: 'pull_request',
      GITHUB_EVENT_PATH: event,
      GITHUB_REPOSITORY: 'o/r',
      GITHUB_API_URL: github.url,
    })
    ;({ run } = await import('../../../src/action/run.js'))
  })
  afterAll(() => github?.close())

  async function runAction(name: string, input: string, code: number, says: RegExp): Promise<void> {
    const dir = path.join(work.dir, `action-${name}`)
    await rm(dir, { recursive: true, force: true })
    await mkdir(path.join(dir, 'temp'), { recursive: true })
    const summary = path.join(dir, 'summary.md')
    const output = path.join(dir, 'output')
    await writeFile(summary, '')
    await writeFile(output, '')
    let stdout = ''
    let stderr = ''
    const out = vi.spyOn(process.stdout, 'write').mockImplementation((chunk) => {
      stdout += String(chunk)
      return true
    })
    const err = vi.spyOn(process.stderr, 'write').mockImplementation((chunk) => {
      stderr += String(chunk)
      return true
    })
    const before = github.bodies.length
    try {
      await withEnv(
        {
          INPUT_COMMAND: 'plan',
          INPUT_IMAGES: catalog,
          INPUT_TAG: tag,
          INPUT_CLOUD: 'c',
          'INPUT_CLOUDS-YAML': input,
          INPUT_COMMENT: 'true',
          'INPUT_GITHUB-TOKEN': 'ghs_leakcheck',
          GITHUB_STEP_SUMMARY: summary,
          GITHUB_OUTPUT: output,
          RUNNER_TEMP: path.join(dir, 'temp'),
        },
        async () => {
          process.exitCode = 0
          await run()
        },
      )
    } finally {
      out.mockRestore()
      err.mockRestore()
    }
    const exitCode = process.exitCode
    process.exitCode = 0
    const log = runnerLog(stdout)
    expect(exitCode ?? 0, log).toBe(code)
    expect(log).toMatch(says)
    const comments = github.bodies.slice(before).join('\n')
    if (code === 0) expect(comments).toContain('Leak Check 1')
    expectNoLeak(`${name}: log`, log)
    expectNoLeak(`${name}: stderr`, stderr)
    expectNoLeak(`${name}: job summary`, await readFile(summary, 'utf8'))
    expectNoLeak(`${name}: outputs`, await readFile(output, 'utf8'))
    expectNoLeak(`${name}: plan JSON and report`, await filesUnder(path.join(dir, 'temp')))
    expectNoLeak(`${name}: comment`, comments)
  }

  it('the clouds-yaml input: success with a comment, wrong password, malformed, Keystone down', async () => {
    await runAction(
      'ok',
      cloudsYaml({ c: { auth: auth(user.input, pw.input) } }),
      0,
      /Plan comment created/,
    )
    await runAction(
      'wrong',
      cloudsYaml({ c: { auth: auth(user.input, secret()) } }),
      1,
      /::error::Authentication failed for user/,
    )
    await runAction(
      'malformed',
      `clouds:\n  c:\n    auth:\n      password: !${secret()} x\n`,
      1,
      /::error::Cannot parse the clouds.yaml input: .* at line 4, column \d+/,
    )
    await runAction(
      'keystone-down',
      cloudsYaml({
        c: {
          auth: { ...auth(user.input, pw.input), auth_url: `http://127.0.0.1:${closedPort}/v3` },
        },
      }),
      1,
      /::error::Cannot reach Keystone at http:\/\/127\.0\.0\.1:\d+\/v3: connection refused/,
    )
  })
})
