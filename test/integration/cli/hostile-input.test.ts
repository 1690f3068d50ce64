// Issue 21 ("Hostile input, round 2"), findings 1, 2, 3, 4 and 9, each
// reproduced through the CLI as the issue describes it, against loopback
// servers, the local S3 store and the local cloud: what a pull request author,
// a tenant or an upstream puts in front of the tool, and what comes out.
import { mkdir, mkdtemp, rm, symlink, writeFile } from 'node:fs/promises'
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http'
import os from 'node:os'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { MAX_FILE_BYTES } from '../../../src/definitions/load.js'
import { cli } from '../../support/cli.js'
import { startEndOfLifeServer, type EndOfLifeServer } from '../../support/endoflife-server.js'
import { startImageServer, type ImageServer } from '../../support/image-server.js'
import { localCloudsYamlPath } from '../../support/local-cloud.js'
import { createLocalBucket, localS3Endpoint, uniqueBucket } from '../../support/local-s3.js'
import { closeServer, listenLoopback } from '../../support/loopback.js'
import { runnerCommand } from '../../unit/escape/hostile.js'

/** Text an upstream controls, with every form the runner acts on. */
const COMMANDS = '##[add-mask]x ##[error]pwned ::error::y %0A%25 \u2028 \u202e \u2066'
/** What a tenant may put in a name (the schema refuses controls and bidi characters there). */
const NAME_COMMANDS = '##[add-mask]x ##[error]pwned ::error::y %0A%25 \u2028 \u00e9'

let dir: string
let images: ImageServer

const definition = (name: string, url: string, extra = ''): string =>
  [
    'images:',
    `  - name: ${name}`,
    '    format: qcow2',
    '    login: ubuntu',
    '    min_disk: 8',
    '    min_ram: 512',
    '    status: active',
    '    visibility: public',
    '    multi: false',
    '    meta:',
    '      architecture: x86_64',
    '      hw_disk_bus: virtio',
    '      os_distro: ubuntu',
    "      os_version: '24.04'",
    '      os_purpose: generic',
    '      replace_frequency: weekly',
    '      uuid_validity: last-3',
    '      provided_until: none',
    '    tags: []',
    '    versions:',
    "      - version: '1'",
    `        url: ${url}`,
    extra,
  ].join('\n')

/** Writes `files` into a fresh directory below the test's; returns its path. */
async function catalog(name: string, files: Record<string, string>): Promise<string> {
  const at = path.join(dir, name)
  await mkdir(at, { recursive: true })
  for (const [file, text] of Object.entries(files)) await writeFile(path.join(at, file), text)
  return at
}

/** Every line of stdout and stderr that the Actions runner would run as a command. */
const commandLines = (r: { stdout: string; stderr: string }): string[] =>
  `${r.stdout}\n${r.stderr}`.split(/\r\n|\r|\n/).filter(runnerCommand)

beforeAll(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'hostile-input-'))
  images = await startImageServer()
  await images.addFile('live.img', 'image bytes')
})
afterAll(async () => {
  await images.close()
  await rm(dir, { recursive: true, force: true })
})

describe('finding 1: a definition file that is a symlink out of the catalog is never read', () => {
  const TOKEN = 'ghp_hostileInputTokenNeverShown'
  const SECRET_ENV = 'hostile-input-environ-secret'

  it('~/.git-credentials, /proc/self/environ and .git/config behind *.yml links: errors naming the file, no byte of them', async () => {
    const home = path.join(dir, 'home')
    await mkdir(home, { recursive: true })
    const credentials = path.join(home, '.git-credentials')
    await writeFile(credentials, `https://runner-bot:${TOKEN}@github.com\n`)
    const repo = path.join(dir, 'repo')
    await mkdir(path.join(repo, '.git'), { recursive: true })
    await writeFile(
      path.join(repo, '.git/config'),
      `[http "https://github.com/"]\n\textraheader = AUTHORIZATION: basic ${TOKEN}\n`,
    )
    const root = path.join(repo, 'etc/images')
    await mkdir(root, { recursive: true })
    await writeFile(path.join(root, 'good.yml'), definition('Good', images.urlOf('live.img')))
    await symlink(credentials, path.join(root, 'credentials.yml'))
    await symlink('/proc/self/environ', path.join(root, 'environ.yml'))
    await symlink('../../.git/config', path.join(root, 'gitconfig.yml'))
    // A link that stays inside the repository is a definition like any other.
    await mkdir(path.join(repo, 'shared'), { recursive: true })
    await writeFile(
      path.join(repo, 'shared/other.yml'),
      definition('Other', images.urlOf('live.img')),
    )
    await symlink('../../shared/other.yml', path.join(root, 'other.yml'))

    process.env.HOSTILE_INPUT_SECRET = SECRET_ENV
    try {
      const r = await cli('validate', '--images', root)
      expect(r.code).toBe(1)
      for (const name of ['credentials.yml', 'environ.yml', 'gitconfig.yml'])
        expect(r.stdout).toMatch(
          new RegExp(`${name}:1:1 {2}error {2}this is a symlink to a file outside`),
        )
      expect(r.stdout).toMatch(/^✗ 3 errors in 5 files$/m)
      const output = r.stdout + r.stderr
      for (const secret of [TOKEN, 'runner-bot', SECRET_ENV, 'extraheader', 'PATH='])
        expect(output).not.toContain(secret)
      expect(commandLines(r)).toEqual([])
    } finally {
      delete process.env.HOSTILE_INPUT_SECRET
    }
  })

  it('a file that is not a mapping is not quoted back whole', async () => {
    const at = await catalog('scalar', { 'x.yml': `https://runner-bot:${TOKEN}@github.com\n` })
    const r = await cli('validate', '--images', at)
    expect(r.code).toBe(1)
    expect(r.stdout).toMatch(/'the document' must be a mapping, not a string/)
    // The excerpt is the line at fault (the author's own text), without its url userinfo.
    expect(r.stdout).not.toContain(TOKEN)
  })
})

/** A loopback upstream whose every answer is a 404 with `COMMANDS` in its body. */
async function hostileUpstream(): Promise<{ url: string; close(): Promise<void> }> {
  const server = createServer((_req: IncomingMessage, res: ServerResponse) => {
    res.writeHead(404, { 'Content-Type': 'application/json' })
    res.end(JSON.stringify({ message: COMMANDS }))
  })
  const port = await listenLoopback(server)
  return { url: `http://127.0.0.1:${port}`, close: () => closeServer(server) }
}

const tracked = (name: string, base: string): string =>
  definition(
    name,
    `${base}/noble/20260701/noble-server-cloudimg-amd64.img`,
    [
      `    latest_url: ${base}/noble/current/noble-server-cloudimg-amd64.img`,
      `    latest_checksum_url: ${base}/noble/current/SHA256SUMS`,
      '',
    ].join('\n'),
  )
    .replace("version: '1'", "version: '20260701'")
    .replace('multi: false', 'multi: true')

describe('finding 2: --output json is valid JSON that carries no workflow command', () => {
  let upstream: Awaited<ReturnType<typeof hostileUpstream>>
  let eol: EndOfLifeServer
  beforeAll(async () => {
    upstream = await hostileUpstream()
    eol = await startEndOfLifeServer()
  })
  afterAll(async () => {
    await upstream.close()
    await eol.close()
  })

  /** The JSON on stdout: parses, is ASCII, and neither stream holds a runner command. */
  function expectInertJson(r: { stdout: string; stderr: string }): unknown {
    expect(commandLines(r)).toEqual([])
    expect(r.stdout).toMatch(/^[\x20-\x7e\n]*$/)
    return JSON.parse(r.stdout)
  }

  it('update: upstream text and a tenant name come back as the same values, inert', async () => {
    const name = JSON.stringify(`Ubuntu ${NAME_COMMANDS}`)
    const at = await catalog('update-json', { 'ubuntu.yml': tracked(name, upstream.url) })
    const r = await cli('update', '--images', at, '--dry-run', '--output', 'json')
    expect(r.code).toBe(1)
    const statuses = expectInertJson(r) as { image: string; error: string }[]
    expect(statuses).toHaveLength(1)
    expect(statuses[0]?.image).toBe(`Ubuntu ${NAME_COMMANDS}`)
    // The client folds the body's white space (U+2028 too) into one line.
    expect(statuses[0]?.error).toContain('##[add-mask]x ##[error]pwned ::error::y %0A%25')
  })

  it('lifecycle: a tenant name comes back inert', async () => {
    const name = JSON.stringify(`Ubuntu ${NAME_COMMANDS}`)
    const text = definition(name, images.urlOf('live.img')).replace(
      "os_version: '24.04'",
      "os_version: '20.04'",
    )
    const at = await catalog('lifecycle-json', { 'ubuntu.yml': text })
    const r = await cli('lifecycle', '--images', at, '--eol-url', eol.url, '--output', 'json')
    expect(JSON.stringify(expectInertJson(r))).toContain(JSON.stringify(`Ubuntu ${NAME_COMMANDS}`))
  })

  it('check: a tenant name on a planned image comes back inert (local cloud)', async () => {
    const name = JSON.stringify(`Hostile ${NAME_COMMANDS} ${Date.now()}`)
    const at = await catalog('check-json', { 'x.yml': definition(name, images.urlOf('live.img')) })
    const saved = process.env.OS_CLIENT_CONFIG_FILE
    process.env.OS_CLIENT_CONFIG_FILE = localCloudsYamlPath()
    try {
      const r = await cli(
        'check',
        '--cloud',
        'local-member',
        '--tag',
        `hostile-${Date.now()}`,
        '--images',
        at,
        '--output',
        'json',
      )
      const body = expectInertJson(r) as { images: number }
      expect(body.images).toBe(1)
      expect(r.stdout).toContain('##\\u005b')
    } finally {
      if (saved === undefined) delete process.env.OS_CLIENT_CONFIG_FILE
      else process.env.OS_CLIENT_CONFIG_FILE = saved
    }
  })
})

describe('finding 3: credentials in urls are never printed', () => {
  const PASSWORD = 'S3cr3tHostile'
  const withCredentials = (url: string): string =>
    url.replace('http://', `http://builder:${PASSWORD}@`)

  it('mirror --dry-run shows the url without its userinfo', async () => {
    const bucket = uniqueBucket('hostile')
    await createLocalBucket(bucket)
    const at = await catalog('mirror', {
      'x.yml': definition(
        'Mirrored',
        withCredentials(images.urlOf('live.img')),
        '    shortname: mirrored\n',
      ).replace("version: '1'", "version: '1'\n        checksum: 'sha256:" + '0'.repeat(64) + "'"),
    })
    const saved = { ...process.env }
    Object.assign(process.env, {
      AWS_ACCESS_KEY_ID: 'test:tester',
      AWS_SECRET_ACCESS_KEY: 'testing',
    })
    try {
      const r = await cli(
        'mirror',
        '--images',
        at,
        '--bucket',
        bucket,
        '--endpoint',
        localS3Endpoint(),
        '--path-style',
        '--dry-run',
      )
      expect(r.stdout + r.stderr).toContain(`would upload ${images.urlOf('live.img')}`)
      expect(r.stdout + r.stderr).not.toContain(PASSWORD)
      expect(r.stdout + r.stderr).not.toContain('builder')
      expect(commandLines(r)).toEqual([])
    } finally {
      process.env = saved
    }
  })

  it('update: a failing upstream with userinfo is named without it; it was sent as Basic auth', async () => {
    const seen: (string | undefined)[] = []
    const server = createServer((req, res) => {
      seen.push(req.headers.authorization)
      res.writeHead(404).end()
    })
    const port = await listenLoopback(server)
    try {
      const base = withCredentials(`http://127.0.0.1:${port}`)
      const at = await catalog('update-auth', { 'x.yml': tracked('Ubuntu 24.04', base) })
      const r = await cli('update', '--images', at, '--dry-run', '--output', 'json')
      expect(r.code).toBe(1)
      const output = r.stdout + r.stderr
      expect(output).not.toContain(PASSWORD)
      expect(output).toContain(`GET http://127.0.0.1:${port}/noble/`)
      expect(seen.length).toBeGreaterThan(0)
      const basic = `Basic ${Buffer.from(`builder:${PASSWORD}`).toString('base64')}`
      expect(seen.every((h) => h === basic)).toBe(true)
    } finally {
      await closeServer(server)
    }
  })

  it('a schema error on a url line does not echo its userinfo', async () => {
    const at = await catalog('schema-url', {
      'x.yml': definition('Bad', `htp://builder:${PASSWORD}@127.0.0.1/x.img`),
    })
    const r = await cli('validate', '--images', at)
    expect(r.code).toBe(1)
    expect(r.stdout).toMatch(/x\.yml:\d+:\d+ {2}error {2}'images\[0\]\.versions\[0\]\.url'/)
    expect(r.stdout + r.stderr).not.toContain(PASSWORD)
  })
})

describe('finding 4: --check-urls has a cap and a deadline', () => {
  /** A server that accepts every request and never answers. */
  async function silentServer() {
    const requests: string[] = []
    const server = createServer((req) => void requests.push(req.url ?? ''))
    const port = await listenLoopback(server)
    return { url: `http://127.0.0.1:${port}`, requests, close: () => closeServer(server) }
  }

  const manyUrls = (base: string, count: number): string =>
    definition('Many', `${base}/0.img`).replace(
      /versions:\n[\s\S]*$/,
      `versions:\n${Array.from({ length: count }, (_, i) => `      - version: '${i}'\n        url: ${base}/${i}.img`).join('\n')}\n`,
    )

  it('24 urls that never answer end at the deadline, not after 46 s; the rest are errors', async () => {
    const silent = await silentServer()
    try {
      const at = await catalog('deadline', { 'x.yml': manyUrls(silent.url, 24) })
      const started = Date.now()
      const r = await cli('validate', '--images', at, '--check-urls', '--check-urls-deadline', '2')
      const took = Date.now() - started
      expect(r.code).toBe(1)
      expect(took).toBeLessThan(6_000)
      expect(r.stdout).toMatch(
        /24 urls \(this one first\) not checked: not asked before the deadline of 2 s/,
      )
    } finally {
      await silent.close()
    }
  })

  it('more distinct urls than --check-urls-max: only that many are asked, the rest is one error', async () => {
    const at = await catalog('cap', { 'x.yml': manyUrls(images.url, 40) })
    images.requests.length = 0
    const r = await cli('validate', '--images', at, '--check-urls', '--check-urls-max', '5')
    expect(r.code).toBe(1)
    expect(images.requests).toHaveLength(5)
    expect(r.stdout).toMatch(
      /35 urls \(this one first\) not checked: more than the 5 distinct urls/,
    )
    const bad = await cli('validate', '--images', at, '--check-urls', '--check-urls-max', '0')
    expect(bad.code).toBe(2)
    expect(bad.stderr).toMatch(/--check-urls-max must be a whole number of at least 1, not '0'/)
  })
})

describe('finding 9: inputs PyYAML or the schema refuse are refused', () => {
  it('a name of only spaces (or other invisible characters) is an error at its line', async () => {
    for (const name of ["' '", "'\u3000\u200b'", "'\u2800'"]) {
      const at = await catalog(`blank-${name.length}`, {
        'x.yml': definition(name, images.urlOf('live.img')),
      })
      const r = await cli('validate', '--images', at)
      expect(r.code, name).toBe(1)
      expect(r.stdout).toMatch(
        /x\.yml:2:\d+ {2}error {2}'images\[0\]\.name' must be text .* a visible one/,
      )
    }
  })

  it('an indented --- is refused where it stands, as PyYAML does', async () => {
    const at = await catalog('indented', {
      'x.yml': `  ---\n${definition('Good', images.urlOf('live.img'))}`,
    })
    const r = await cli('validate', '--images', at)
    expect(r.code).toBe(1)
    expect(r.stdout).toMatch(
      /x\.yml:1:3 {2}error {2}YAML: a document marker \(--- or \.\.\.\) must start its line/,
    )
  })

  it('a file over the size cap is an invalid definition at its file (exit 1), not a usage error', async () => {
    const at = await catalog('huge', {
      'a.yml': definition('Good', images.urlOf('live.img')),
      'huge.yml': `# ${'x'.repeat(MAX_FILE_BYTES)}\n`,
    })
    const r = await cli('validate', '--images', at)
    expect(r.code).toBe(1)
    expect(r.stdout).toMatch(/huge\.yml:1:1 {2}error {2}the file has \d+ bytes, more than the \d+/)
  })
})
