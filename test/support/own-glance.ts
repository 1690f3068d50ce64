// A glance-api of the test's own beside the local cloud's (scripts/local-cloud.sh):
// the same Keystone and database, but its own port, data directories and a
// copy of the shared configuration with the test's settings (a storage quota,
// say). The shared Glance is never reconfigured; stop() ends exactly the
// process group started here.
import { spawn, type ChildProcess } from 'node:child_process'
import { openSync, closeSync } from 'node:fs'
import { copyFile, mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises'
import path from 'node:path'
import { createServer } from 'node:net'
import { listenLoopback } from './loopback.js'
import { localCloudDir, localCloudProgram } from './local-cloud.js'

export interface OwnGlance {
  /** `http://127.0.0.1:<port>` */
  url: string
  /** Its log, for a failing test's message. */
  log(): Promise<string>
  stop(): Promise<void>
}

/** `section.key` -> value, set in the copy; every key must already be in the shared file. */
type Settings = Record<string, string>

async function freePort(): Promise<number> {
  const server = createServer()
  const port = await listenLoopback(server)
  await new Promise<void>((resolve) => server.close(() => resolve()))
  return port
}

/** The shared configuration with `settings` in place of its values. */
function rewrite(conf: string, settings: Settings): string {
  const left = new Set(Object.keys(settings))
  let section = ''
  const lines = conf.split('\n').map((line) => {
    const header = /^\[(.+)\]\s*$/.exec(line)
    if (header) section = header[1] as string
    const key = /^(\w+)\s*=/.exec(line)?.[1]
    const name = `${section}.${key}`
    if (key === undefined || !(name in settings)) return line
    left.delete(name)
    return `${key} = ${settings[name]}`
  })
  if (left.size > 0)
    throw new Error(`the local cloud's glance-api.conf has no ${[...left].join(', ')}`)
  return lines.join('\n')
}

async function answers(url: string): Promise<boolean> {
  try {
    const response = await fetch(`${url}/`)
    return response.status === 300 || response.status === 200
  } catch {
    return false
  }
}

const exited = (child: ChildProcess): Promise<void> =>
  child.exitCode !== null || child.signalCode !== null
    ? Promise.resolve()
    : new Promise((resolve) => child.once('exit', () => resolve()))

/** Starts glance-api with the shared configuration changed by `settings` (e.g. `DEFAULT.user_storage_quota`). */
export async function startOwnGlance(settings: Settings): Promise<OwnGlance> {
  const shared = path.join(localCloudDir(), 'glance')
  // In the cloud's data dir: a second release's glance-api runs in a chroot that
  // sees that dir (only) at the same path.
  const dir = await mkdtemp(path.join(localCloudDir(), 'own-glance-'))
  for (const sub of ['images', 'staging', 'tasks', 'locks']) await mkdir(path.join(dir, sub))
  await copyFile(path.join(shared, 'glance-api-paste.ini'), path.join(dir, 'glance-api-paste.ini'))
  const port = await freePort()
  const url = `http://127.0.0.1:${port}`
  const conf = rewrite(await readFile(path.join(shared, 'glance-api.conf'), 'utf8'), {
    'DEFAULT.bind_port': String(port),
    'DEFAULT.public_endpoint': url,
    // One worker: the machine's cores are shared.
    'DEFAULT.workers': '1',
    'fs.filesystem_store_datadir': `${dir}/images/`,
    'os_glance_staging_store.filesystem_store_datadir': `${dir}/staging/`,
    'os_glance_tasks_store.filesystem_store_datadir': `${dir}/tasks/`,
    'paste_deploy.config_file': path.join(dir, 'glance-api-paste.ini'),
    'oslo_concurrency.lock_path': `${dir}/locks`,
    ...settings,
  })
  const confFile = path.join(dir, 'glance-api.conf')
  await writeFile(confFile, conf, { mode: 0o600 })
  const logFile = path.join(dir, 'glance-api.log')
  const out = openSync(logFile, 'a')
  // Debian's Python program, started by the cloud's script (`run` execs it, so
  // the pid is glance-api's): no virtualenv of the caller, loopback never
  // through a proxy.
  const [command, args] = localCloudProgram('/usr/bin/glance-api', ['--config-file', confFile])
  const child = spawn(command, args, {
    detached: true,
    stdio: ['ignore', out, out],
    env: {
      PATH: '/usr/sbin:/usr/bin:/sbin:/bin',
      no_proxy: '127.0.0.1,localhost',
      NO_PROXY: '127.0.0.1,localhost',
    },
  })
  closeSync(out)
  const log = (): Promise<string> => readFile(logFile, 'utf8').catch(() => '')
  const stop = async (): Promise<void> => {
    // Its own process group (detached): the workers go with it, nothing else.
    const signal = (name: NodeJS.Signals): void => {
      try {
        if (child.pid !== undefined) process.kill(-child.pid, name)
      } catch {
        // Gone already.
      }
    }
    if (child.exitCode === null && child.signalCode === null) {
      signal('SIGTERM')
      const killed = setTimeout(() => signal('SIGKILL'), 20_000)
      await exited(child)
      clearTimeout(killed)
    }
    await rm(dir, { recursive: true, force: true })
  }
  const deadline = Date.now() + 60_000
  while (!(await answers(url))) {
    if (child.exitCode !== null || Date.now() > deadline) {
      const tail = (await log()).split('\n').slice(-20).join('\n')
      await stop()
      throw new Error(`glance-api on port ${port} did not start:\n${tail}`)
    }
    await new Promise((resolve) => setTimeout(resolve, 250))
  }
  return { url, log, stop }
}
