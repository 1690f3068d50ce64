// Seeds Glance with the images a plan would import, already in their final
// state (names after rotation, visibility, properties, tags), plus unmanaged
// images; or deletes everything carrying a tag.
// Usage: node bench/seed-glance.mjs seed PLAN.json UNMANAGED_COUNT UNMANAGED_TAG
//        node bench/seed-glance.mjs purge TAG
// Cloud: `local-admin` of $LOCAL_CLOUD_CLOUDS_YAML (default /var/tmp/image-manager-cloud/clouds.yaml).
import { readFileSync } from 'node:fs'
import { glanceSession } from './glance-session.mjs'

const { token, glance } = await glanceSession()

async function call(method, path, body, type = 'application/json') {
  const r = await fetch(`${glance}${path}`, {
    method,
    headers: { 'X-Auth-Token': token, ...(body ? { 'Content-Type': type } : {}) },
    body:
      body === undefined ? undefined : type === 'application/json' ? JSON.stringify(body) : body,
  })
  if (r.status >= 300) throw new Error(`${method} ${path}: ${r.status} ${await r.text()}`)
  return r.status === 204 ? undefined : r.json().catch(() => undefined)
}

async function pool(items, size, work) {
  let next = 0
  await Promise.all(
    Array.from({ length: size }, async () => {
      while (next < items.length) await work(items[next++])
    }),
  )
}

async function createActive(body) {
  const image = await call('POST', '/v2/images', body)
  await call('PUT', `/v2/images/${image.id}/file`, new Uint8Array(4096), 'application/octet-stream')
}

const [mode, ...args] = process.argv.slice(2)
if (mode === 'seed') {
  const [planFile, unmanaged = '0', unmanagedTag = 'bench-unmanaged'] = args
  const plan = JSON.parse(readFileSync(planFile, 'utf8'))
  const bodies = []
  for (const def of plan.definitions) {
    const renames = new Map(
      def.steps.filter((s) => s.action === 'rename').map((s) => [s.image.name, s.to]),
    )
    for (const s of def.steps.filter((x) => x.action === 'import')) {
      const { properties, ...create } = s.create
      bodies.push({
        ...create,
        ...properties,
        name: renames.get(create.name) ?? create.name,
        visibility: s.then.visibility,
      })
    }
  }
  for (let i = 0; i < Number(unmanaged); i++) {
    bodies.push({
      name: `unmanaged ${i}`,
      disk_format: 'qcow2',
      container_format: 'bare',
      tags: [unmanagedTag],
      visibility: 'public',
    })
  }
  await pool(bodies, 8, createActive)
  console.log(`seeded ${bodies.length} images`)
} else if (mode === 'purge') {
  const [tag] = args
  const ids = []
  for (const hidden of [false, true]) {
    let url = `/v2/images?tag=${encodeURIComponent(tag)}&visibility=all&os_hidden=${hidden}&limit=1000`
    while (url) {
      const page = await call('GET', url)
      ids.push(...page.images.map((i) => i.id))
      url = page.next
    }
  }
  await pool(ids, 8, (id) => call('DELETE', `/v2/images/${id}`))
  console.log(`deleted ${ids.length} images`)
} else {
  console.error('usage: seed PLAN.json UNMANAGED_COUNT UNMANAGED_TAG | purge TAG')
  process.exit(2)
}
