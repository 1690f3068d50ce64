// TLS for real: Keystone and Glance behind a TLS-terminating proxy whose
// certificate comes from a private CA (the cloud's `cacert`), and an image
// source over https signed by another CA that only --source-cacert trusts.
// The cloud's TLS settings never reach the source, nor the other way round.
import { createHash } from 'node:crypto'
import { readFile } from 'node:fs/promises'
import { dump, load } from 'js-yaml'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { execute } from '../../../src/apply/executor.js'
import { openPlanSession } from '../../../src/commands/plan.js'
import { resolveCloudConfig } from '../../../src/openstack/config/resolve.js'
import { probeUrl } from '../../../src/download/download.js'
import { createGlanceClient } from '../../../src/openstack/glance/connect.js'
import { catalogDefinition, catalogMeta } from '../../support/definitions.js'
import { makeQcow2, startImageServer, type ImageServer } from '../../support/image-server.js'
import { localCloudsYaml, localGlance } from '../../support/local-cloud.js'
import {
  issueServerCert,
  makeCa,
  startTlsProxy,
  type CertificateAuthority,
  type TlsProxy,
} from '../../support/tls.js'
import {
  applyOptions,
  quickPolls,
  rawGlance,
  recorder,
  uniqueTag,
  workdir,
  type RawGlance,
  type Workdir,
} from '../apply/support.js'

const tag = uniqueTag('tls')
let work: Workdir
let cloudCa: CertificateAuthority
let sourceCa: CertificateAuthority
let keystone: TlsProxy
let glance: TlsProxy
let source: TlsProxy
let server: ImageServer
let raw: RawGlance
let image: Buffer
let catalog: string
let latestCatalog: string

const sha256 = (bytes: Buffer): string => createHash('sha256').update(bytes).digest('hex')
const sourceUrl = (name: string): string => `${source.url}/${name}`
/** What an untrusted image source is reported as. */
const UNTRUSTED_SOURCE =
  /TLS certificate not trusted \(image sources are checked against the system CAs; for a private CA give --source-cacert FILE/

/** The local cloud's clouds.yaml with Keystone and Glance behind the TLS proxies, plus `settings`. */
async function tlsCloudsYaml(settings: Record<string, unknown>): Promise<string> {
  const clouds = load((await localCloudsYaml()).content) as {
    clouds: Record<string, { auth: Record<string, unknown> } & Record<string, unknown>>
  }
  for (const cloud of Object.values(clouds.clouds)) {
    const authUrl = new URL(cloud.auth.auth_url as string)
    cloud.auth.auth_url = `${keystone.url}${authUrl.pathname}`
    cloud.image_endpoint_override = glance.url
    Object.assign(cloud, settings)
  }
  return dump(clouds)
}

beforeAll(async () => {
  work = await workdir()
  raw = await rawGlance()
  cloudCa = await makeCa(work.dir, 'cloud-ca')
  sourceCa = await makeCa(work.dir, 'source-ca')
  const plain = await localGlance()
  const plainConfig = plain.session.config
  keystone = await startTlsProxy(
    new URL(plainConfig.auth.authUrl).origin,
    await issueServerCert(cloudCa, work.dir, 'keystone'),
  )
  glance = await startTlsProxy(plain.endpoint, await issueServerCert(cloudCa, work.dir, 'glance'))
  server = await startImageServer()
  source = await startTlsProxy(server.url, await issueServerCert(sourceCa, work.dir, 'source'))
  image = await readFile(await makeQcow2(work.dir, 'tls.qcow2'))
  await server.addFile('tls.qcow2', image, new Date('2024-05-01T10:00:00Z'))
  await server.addFile('SHA256SUMS', `${sha256(image)}  tls.qcow2\n`)
  const definition = (name: string, extra: Record<string, unknown>) =>
    catalogDefinition(name, {
      login: 'cirros',
      min_disk: 1,
      min_ram: 128,
      visibility: 'private',
      meta: catalogMeta({ os_distro: 'cirros', os_version: '0.6' }),
      ...extra,
    })
  catalog = await work.catalog('tls.yml', [
    definition('TLS Source', {
      versions: [
        { version: '1', url: sourceUrl('tls.qcow2'), checksum: `sha256:${sha256(image)}` },
      ],
    }),
  ])
  latestCatalog = await work.catalog('tls-latest.yml', [
    definition('TLS Latest', {
      multi: true,
      versions: [
        { version: 'latest', url: sourceUrl('tls.qcow2'), checksums_url: sourceUrl('SHA256SUMS') },
      ],
    }),
  ])
})

afterAll(async () => {
  await raw?.purge(tag)
  await Promise.all([keystone?.close(), glance?.close(), source?.close(), server?.close()])
  await work?.close()
})

async function tlsCloud(settings: Record<string, unknown>) {
  const { path } = await localCloudsYaml()
  return resolveCloudConfig({
    clouds: { path, content: await tlsCloudsYaml(settings) },
    env: {},
    cloud: 'local-admin',
  })
}

describe('the cloud over TLS with a private CA', () => {
  it('is reached through its cacert, and refused without it', async () => {
    const client = await createGlanceClient(await tlsCloud({ cacert: cloudCa.certFile }))
    expect((await client.getImportInfo()).methods).toContain('glance-direct')
    expect(keystone.requests).toContain('POST /v3/auth/tokens')
    expect(glance.requests.some((r) => r.startsWith('GET /v2/info/import'))).toBe(true)

    await expect(createGlanceClient(await tlsCloud({}))).rejects.toThrow(
      /Cannot reach Keystone at https:\/\/127\.0\.0\.1:\d+\/v3: TLS certificate not trusted \(set cacert, or verify: false\)/,
    )
    // The source's CA is no CA of the cloud.
    await expect(createGlanceClient(await tlsCloud({ cacert: sourceCa.certFile }))).rejects.toThrow(
      /TLS certificate not trusted/,
    )
  })

  it("the cloud's cacert is not used for the source: the HEAD check fails clearly, and passes with --source-cacert", async () => {
    const cloudsYaml = await tlsCloudsYaml({ cacert: cloudCa.certFile })
    const options = applyOptions(tag, catalog, { cloudsYaml })

    const refused = recorder()
    const outcome = await openPlanSession(options, refused)
    if (outcome.exitCode !== 0) throw new Error(refused.lines.join('\n'))
    const report = await execute(outcome.plan, {
      glance: outcome.glance,
      upstream: outcome.upstream,
      reporter: refused,
      concurrency: 1,
      importTimeoutMs: 60_000,
      sleep: quickPolls,
    })
    expect(report.failed).toBe(1)
    const detail = report.outcomes[0]?.detail ?? ''
    expect(detail).toContain(
      `source ${sourceUrl('tls.qcow2')} is not available: HEAD ${sourceUrl('tls.qcow2')}: `,
    )
    expect(detail).toMatch(UNTRUSTED_SOURCE)
    expect(await raw.listByTag(tag)).toEqual([])

    const trusted = recorder()
    const again = await openPlanSession({ ...options, sourceCacert: sourceCa.certFile }, trusted)
    if (again.exitCode !== 0) throw new Error(trusted.lines.join('\n'))
    const done = await execute(again.plan, {
      glance: again.glance,
      upstream: again.upstream,
      reporter: trusted,
      concurrency: 1,
      importTimeoutMs: 90_000,
      sleep: quickPolls,
      // Glance's own web-download does not trust the source's CA: fall back to streaming soon.
      queuedGraceMs: 3000,
    })
    expect(done.failed, trusted.lines.join('\n')).toBe(0)
    const images = await raw.listByTag(tag)
    expect(images.map((i) => [i.name, i.status])).toEqual([['TLS Source 1', 'active']])
    // Our client read the image through the source's TLS; the cloud's client went through its proxy.
    expect(source.requests).toEqual(expect.arrayContaining(['HEAD /tls.qcow2', 'GET /tls.qcow2']))
    expect(glance.requests.some((r) => /^PUT \/v2\/images\/[^/]+\/(stage|file)$/.test(r))).toBe(
      true,
    )
  })

  it("verify: false on the cloud leaves the source's certificate checked (latest and HEAD)", async () => {
    const cloudsYaml = await tlsCloudsYaml({ verify: false })
    const options = applyOptions(tag, latestCatalog, { cloudsYaml })
    const reporter = recorder()
    const outcome = await openPlanSession(options, reporter)
    if (outcome.exitCode !== 0) throw new Error(reporter.lines.join('\n'))
    // The cloud answered without a trusted certificate (verify: false); the source did not.
    const warning = reporter.warnings.find((w) =>
      w.startsWith('TLS Latest: latest upstream unreadable'),
    )
    expect(warning).toContain(`GET ${sourceUrl('SHA256SUMS')}: `)
    expect(warning).toMatch(UNTRUSTED_SOURCE)
    await expect(probeUrl(sourceUrl('tls.qcow2'), { http: outcome.upstream })).rejects.toThrow(
      UNTRUSTED_SOURCE,
    )

    const trusted = recorder()
    const resolved = await openPlanSession({ ...options, sourceCacert: sourceCa.certFile }, trusted)
    if (resolved.exitCode !== 0) throw new Error(trusted.lines.join('\n'))
    expect(trusted.warnings).toEqual([])
    const step = resolved.plan.definitions[0]?.steps[0]
    expect(step?.action).toBe('import')
    expect(JSON.stringify(step)).toContain(`"upstream_checksum":"${sha256(image)}"`)
    expect(JSON.stringify(step)).toContain('"internal_version":"20240501"')
  })

  it('names an unreadable --source-cacert: a configuration error (exit 2)', async () => {
    const cloudsYaml = await tlsCloudsYaml({ cacert: cloudCa.certFile })
    await expect(
      openPlanSession(
        applyOptions(tag, catalog, { cloudsYaml, sourceCacert: `${work.dir}/missing.pem` }),
        recorder(),
      ),
    ).rejects.toMatchObject({
      exitCode: 2,
      message: `Cannot read the --source-cacert ${work.dir}/missing.pem: ENOENT`,
    })
  })
})
