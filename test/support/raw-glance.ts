// Plain HTTP to Keystone and Glance, as curl would do it: the test arranges
// images in the shapes other tools leave behind, without our own client.
import { existsSync, readFileSync } from 'node:fs'
import { load } from 'js-yaml'

export const cloudsYaml =
  process.env.LOCAL_CLOUD_CLOUDS_YAML ?? '/var/tmp/image-manager-cloud/clouds.yaml'

interface Auth {
  auth_url: string
  username: string
  password: string
  project_name: string
}

export async function rawGlance(cloud = 'local-admin') {
  if (!existsSync(cloudsYaml)) {
    throw new Error(
      `No local cloud: ${cloudsYaml} is missing. Run 'bash scripts/local-cloud.sh up' first.`,
    )
  }
  const clouds = load(readFileSync(cloudsYaml, 'utf8')) as {
    clouds: Record<string, { auth: Auth }>
  }
  const auth = clouds.clouds[cloud]?.auth as Auth
  const response = await fetch(`${auth.auth_url.replace(/\/$/, '')}/auth/tokens`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({
      auth: {
        identity: {
          methods: ['password'],
          password: {
            user: { name: auth.username, domain: { id: 'default' }, password: auth.password },
          },
        },
        scope: { project: { name: auth.project_name, domain: { id: 'default' } } },
      },
    }),
  })
  if (response.status !== 201) throw new Error(`Keystone answered ${response.status}`)
  const token = response.headers.get('x-subject-token') as string
  const body = (await response.json()) as {
    token: { catalog: { type: string; endpoints: { interface: string; url: string }[] }[] }
  }
  const glance = body.token.catalog
    .find((s) => s.type === 'image')
    ?.endpoints.find((e) => e.interface === 'public')?.url as string

  async function call(
    method: string,
    path: string,
    init: { json?: unknown; body?: Uint8Array; contentType?: string } = {},
  ) {
    const headers: Record<string, string> = { 'X-Auth-Token': token }
    let payload: string | Uint8Array | undefined
    if (init.json !== undefined) {
      headers['Content-Type'] = init.contentType ?? 'application/json'
      payload = JSON.stringify(init.json)
    } else if (init.body) {
      headers['Content-Type'] = 'application/octet-stream'
      payload = init.body
    }
    const r = await fetch(`${glance.replace(/\/$/, '')}${path}`, { method, headers, body: payload })
    const text = await r.text()
    if (r.status >= 300) throw new Error(`${method} ${path}: ${r.status} ${text.slice(0, 300)}`)
    return text ? JSON.parse(text) : undefined
  }

  return {
    /** Creates an image with these attributes and properties and uploads a few bytes, so it is active. */
    async createActive(shape: Record<string, unknown>): Promise<string> {
      const image = (await call('POST', '/v2/images', { json: shape })) as { id: string }
      await call('PUT', `/v2/images/${image.id}/file`, { body: new Uint8Array(4096) })
      return image.id
    },
    patch: (id: string, ops: unknown[]) =>
      call('PATCH', `/v2/images/${id}`, {
        json: ops,
        contentType: 'application/openstack-images-v2.1-json-patch',
      }),
    get: (id: string) => call('GET', `/v2/images/${id}`) as Promise<Record<string, unknown>>,
    call,
    delete: (id: string) => call('DELETE', `/v2/images/${id}`),
  }
}
