// Plain HTTP to Keystone and Glance, as curl would do it: tests arrange images in
// the shapes other tools leave behind and read end states without our own client.
import { readFileSync } from 'node:fs'
import { load } from 'js-yaml'
import { RESERVED_KEYS } from '../../src/openstack/glance/types.js'
import { localCloudsYamlPath } from './local-cloud.js'

/** The local cloud's clouds.yaml (fails with a clear message when it is missing). */
export const cloudsYaml = localCloudsYamlPath()

export type RawImage = Record<string, unknown> & {
  id: string
  name: string
  status: string
  visibility: string
  tags: string[]
  min_disk: number
  min_ram: number
  size: number | null
  os_hidden: boolean
}

/**
 * The properties of an image that are not Glance's own: not its core attributes
 * and links (the client's reserved keys), not `os_glance_*`.
 */
export function userProperties(image: RawImage): Record<string, unknown> {
  return Object.fromEntries(
    Object.entries(image).filter(([k]) => !RESERVED_KEYS.has(k) && !k.startsWith('os_glance_')),
  )
}

interface Auth {
  auth_url: string
  username: string
  password: string
  project_name: string
}

export interface RawGlance {
  url: string
  projectId: string
  call(method: string, path: string, json?: unknown, contentType?: string): Promise<unknown>
  /** Every image with `tag`: all visibilities, hidden and not. */
  listByTag(tag: string): Promise<RawImage[]>
  /** Every image (all visibilities, hidden and not) whose name is one of `names`. */
  listByNames(names: readonly string[]): Promise<RawImage[]>
  get(id: string): Promise<RawImage>
  patch(id: string, ops: unknown[]): Promise<RawImage>
  /** Creates an image with these attributes and properties and uploads 4 KiB: it is active. */
  createActive(shape: Record<string, unknown>): Promise<string>
  delete(id: string): Promise<void>
  /** Deletes images with `tag`, deactivated and protected ones too. */
  purge(tag: string): Promise<void>
  /** The first `length` bytes Glance stores for the image (`GET /file` with a Range). */
  head(id: string, length: number): Promise<Buffer>
}

/** Plain HTTP to Keystone and Glance, as curl would do it. */
export async function rawGlance(cloud = 'local-admin'): Promise<RawGlance> {
  const clouds = load(readFileSync(localCloudsYamlPath(), 'utf8')) as {
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
    token: {
      project: { id: string }
      catalog: { type: string; endpoints: { interface: string; url: string }[] }[]
    }
  }
  const url = (
    body.token.catalog
      .find((s) => s.type === 'image')
      ?.endpoints.find((e) => e.interface === 'public')?.url as string
  ).replace(/\/$/, '')

  async function call(
    method: string,
    path: string,
    json?: unknown,
    contentType = 'application/json',
  ): Promise<unknown> {
    const headers: Record<string, string> = { 'X-Auth-Token': token }
    if (json !== undefined) headers['Content-Type'] = contentType
    const r = await fetch(`${url}${path}`, {
      method,
      headers,
      ...(json !== undefined ? { body: JSON.stringify(json) } : {}),
    })
    const text = await r.text()
    if (r.status >= 300) throw new Error(`${method} ${path}: ${r.status} ${text.slice(0, 300)}`)
    return text ? JSON.parse(text) : undefined
  }

  async function list(query: string): Promise<RawImage[]> {
    const out: RawImage[] = []
    for (const hidden of ['false', 'true']) {
      let next: string | undefined =
        `/v2/images?${query}&visibility=all&os_hidden=${hidden}&limit=200`
      while (next) {
        const page = (await call('GET', next)) as { images: RawImage[]; next?: string }
        out.push(...page.images)
        next = page.images.length && page.next ? page.next : undefined
      }
    }
    return out
  }

  const glance: RawGlance = {
    url,
    projectId: body.token.project.id,
    call,
    listByTag: (tag) => list(`tag=${encodeURIComponent(tag)}`),
    async listByNames(names) {
      const out: RawImage[] = []
      for (const name of new Set(names))
        out.push(...(await list(`name=${encodeURIComponent(name)}`)))
      return out
    },
    get: (id) => call('GET', `/v2/images/${id}`) as Promise<RawImage>,
    patch: (id, ops) =>
      call(
        'PATCH',
        `/v2/images/${id}`,
        ops,
        'application/openstack-images-v2.1-json-patch',
      ) as Promise<RawImage>,
    async createActive(shape) {
      const image = (await call('POST', '/v2/images', shape)) as RawImage
      const r = await fetch(`${url}/v2/images/${image.id}/file`, {
        method: 'PUT',
        headers: { 'X-Auth-Token': token, 'Content-Type': 'application/octet-stream' },
        body: new Uint8Array(4096),
      })
      if (r.status !== 204) throw new Error(`PUT /v2/images/${image.id}/file: ${r.status}`)
      return image.id
    },
    delete: async (id) => void (await call('DELETE', `/v2/images/${id}`)),
    async head(id, length) {
      const r = await fetch(`${url}/v2/images/${id}/file`, {
        headers: { 'X-Auth-Token': token, Range: `bytes=0-${length - 1}` },
      })
      if (r.status !== 200 && r.status !== 206)
        throw new Error(`GET /v2/images/${id}/file: ${r.status}`)
      return Buffer.from(await r.arrayBuffer()).subarray(0, length)
    },
    async purge(tag) {
      // Imports still running finish (or fail) before their image can go for good.
      for (let round = 0; round < 5; round++) {
        const images = await glance.listByTag(tag)
        if (images.length === 0) return
        for (let i = 0; i < images.length; i += 8) {
          await Promise.all(
            images.slice(i, i + 8).map(async (image) => {
              if (image.protected === true)
                await glance.patch(image.id, [{ op: 'replace', path: '/protected', value: false }])
              await call('DELETE', `/v2/images/${image.id}`).catch(() => undefined)
            }),
          )
        }
        await new Promise((resolve) => setTimeout(resolve, 500))
      }
    },
  }
  return glance
}
