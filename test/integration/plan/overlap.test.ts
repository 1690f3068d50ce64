// Plan and apply ask the cloud for a token and its listing while the
// definitions load; an error in the definitions must still stop them before any
// plan is printed or any write is sent, whichever finishes first. The catalog
// holds many valid definitions (each would be an import) and, in its last
// file, one error; the real local Keystone and Glance are reached through
// recording proxies, the listing answered at once or held back.
import { existsSync, readFileSync } from 'node:fs'
import { mkdir, writeFile } from 'node:fs/promises'
import path from 'node:path'
import { dump, load } from 'js-yaml'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { applyCommand } from '../../../src/commands/apply.js'
import { planCommand } from '../../../src/commands/plan.js'
import { catalogDefinition } from '../../support/definitions.js'
import { startFaultProxy, type FaultProxy } from '../../support/fault-proxy.js'
import { localCloudsYamlPath } from '../../support/local-cloud.js'
import {
  applyOptions,
  rawGlance,
  recorder,
  uniqueTag,
  workdir,
  type RawGlance,
  type Workdir,
} from '../apply/support.js'

const tag = uniqueTag('overlap')
let work: Workdir
let glanceProxy: FaultProxy
let keystoneProxy: FaultProxy
let catalogDir: string
let raw: RawGlance

type Clouds = {
  clouds: Record<string, { auth: { auth_url: string }; image_endpoint_override?: string }>
}

/** The local clouds.yaml with Keystone and Glance both reached through the proxies. */
function cloudsYamlViaProxies(): string {
  const clouds = load(readFileSync(localCloudsYamlPath(), 'utf8')) as Clouds
  for (const cloud of Object.values(clouds.clouds)) {
    cloud.auth.auth_url = `${keystoneProxy.url}${new URL(cloud.auth.auth_url).pathname}`
    cloud.image_endpoint_override = glanceProxy.url
  }
  return dump(clouds)
}

const valid = (i: number): Record<string, unknown> =>
  catalogDefinition(`Overlap ${i}`, {
    versions: [{ version: '1', url: `http://127.0.0.1:9/overlap-${i}.qcow2` }],
  })

beforeAll(async () => {
  work = await workdir()
  catalogDir = path.join(work.dir, 'catalog')
  await mkdir(catalogDir)
  // 20 files of valid definitions, then one whose definition lacks its `login`.
  for (let f = 0; f < 20; f++) {
    const images = Array.from({ length: 25 }, (_, i) => valid(f * 25 + i))
    await writeFile(path.join(catalogDir, `a${String(f).padStart(2, '0')}.yml`), dump({ images }))
  }
  const broken = { ...valid(999) }
  delete broken.login
  await writeFile(path.join(catalogDir, 'z-broken.yml'), dump({ images: [broken] }))
  raw = await rawGlance()
  const auth = (load(readFileSync(localCloudsYamlPath(), 'utf8')) as Clouds).clouds['local-admin']
  keystoneProxy = await startFaultProxy(new URL(auth?.auth.auth_url as string).origin)
  glanceProxy = await startFaultProxy(raw.url)
}, 120_000)

afterAll(async () => {
  await glanceProxy?.close()
  await keystoneProxy?.close()
  // Nothing to remove unless a run wrongly wrote.
  await raw?.purge(tag)
  await work?.close()
})

/** Every request the proxies saw, once the reads started alongside have ended. */
async function settledRequests(): Promise<string[]> {
  let seen = -1
  for (let i = 0; i < 100 && seen !== glanceProxy.requests.length; i++) {
    seen = glanceProxy.requests.length
    await new Promise((resolve) => setTimeout(resolve, 300))
  }
  return [...keystoneProxy.requests, ...glanceProxy.requests].map((r) => `${r.method} ${r.path}`)
}

const writes = (requests: string[]): string[] =>
  requests.filter((r) => !/^(GET|HEAD) /.test(r) && !/^POST \S*\/v3\/auth\/tokens/.test(r))

describe.each([
  ['the listing answered at once', undefined],
  ['the listing held back 1.5 s', 1500],
])('a definition error with %s', (_, delayMs) => {
  const prepare = (): void => {
    glanceProxy.clear()
    keystoneProxy.clear()
    glanceProxy.requests.length = 0
    keystoneProxy.requests.length = 0
    if (delayMs) glanceProxy.inject({ path: /^\/v2\/images/, fault: { delayMs }, times: 10 })
  }

  it('apply exits 1 and sends no write', async () => {
    prepare()
    const reporter = recorder()
    const options = applyOptions(tag, catalogDir, { cloudsYaml: cloudsYamlViaProxies() })
    const code = await applyCommand(options, reporter)
    const text = reporter.lines.join('\n')
    expect(code, text).toBe(1)
    expect(text).toMatch(/z-broken\.yml:\d+: .*login/)
    expect(text).not.toMatch(/^Plan: /m)
    const requests = await settledRequests()
    // The cloud was asked alongside (a token at least), and nothing but read.
    expect(requests.some((r) => /^POST \S*\/v3\/auth\/tokens/.test(r))).toBe(true)
    expect(writes(requests)).toEqual([])
  }, 120_000)

  it('plan exits 1 and prints and writes no plan', async () => {
    prepare()
    const reporter = recorder()
    const out = path.join(work.dir, `plan-${delayMs ?? 0}.json`)
    const options = applyOptions(tag, catalogDir, { cloudsYaml: cloudsYamlViaProxies(), out })
    const code = await planCommand(options, reporter)
    const text = reporter.lines.join('\n')
    expect(code, text).toBe(1)
    expect(text).toContain('nothing planned')
    expect(text).not.toMatch(/^Plan: /m)
    expect(reporter.summaries).toEqual([])
    expect(existsSync(out)).toBe(false)
    const requests = await settledRequests()
    expect(requests.some((r) => /^POST \S*\/v3\/auth\/tokens/.test(r))).toBe(true)
    expect(writes(requests)).toEqual([])
  }, 120_000)
})
