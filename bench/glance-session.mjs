// A token for `local-admin` of $LOCAL_CLOUD_CLOUDS_YAML (default
// /var/tmp/image-manager-cloud/clouds.yaml) and Glance's public endpoint, with
// plain fetch: what the benchmarks' helpers and floors need, nothing more.
import { readFileSync } from 'node:fs'
import { load } from 'js-yaml'

export async function glanceSession() {
  const cloudsYaml =
    process.env.LOCAL_CLOUD_CLOUDS_YAML ?? '/var/tmp/image-manager-cloud/clouds.yaml'
  const { auth } = load(readFileSync(cloudsYaml, 'utf8')).clouds['local-admin']
  const response = await fetch(`${auth.auth_url}/auth/tokens`, {
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
  if (response.status !== 201) throw new Error(`token: ${response.status}`)
  const token = response.headers.get('x-subject-token')
  const glance = (await response.json()).token.catalog
    .find((s) => s.type === 'image')
    .endpoints.find((e) => e.interface === 'public')
    .url.replace(/\/$/, '')
  return { token, glance }
}
