// The floor of `plan`: a bare process that gets a token and reads the listing
// plan reads (Glance's version document, then both passes of
// `GET /v2/images?tag=TAG&visibility=all&os_hidden=...&limit=1000`, side by
// side, every page), parses each page's JSON, and does nothing else.
// Usage: node bench/list-floor.mjs TAG
import { glanceSession } from './glance-session.mjs'

const tag = process.argv[2]
const { token, glance } = await glanceSession()
const get = async (url) => {
  const response = await fetch(url, { headers: { 'X-Auth-Token': token } })
  if (response.status !== 200) throw new Error(`GET ${url}: ${response.status}`)
  return response.json()
}
// Glance's version document, as the client reads it first (it answers 300).
await (await fetch(`${glance}/`, { headers: { 'X-Auth-Token': token } })).arrayBuffer()
let images = 0
await Promise.all(
  ['false', 'true'].map(async (hidden) => {
    const base = `${glance}/v2/images`
    let url = `${base}?tag=${encodeURIComponent(tag)}&os_hidden=${hidden}&visibility=all&limit=1000`
    while (url) {
      const page = await get(url)
      images += page.images.length
      url = page.images.length && page.next ? `${base}?${page.next.split('?')[1]}` : undefined
    }
  }),
)
if (process.env.FLOOR_VERBOSE) console.error(`${images} images listed`)
