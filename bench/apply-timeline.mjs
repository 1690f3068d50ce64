// Per-image timeline of imports from the glance-api log (millisecond timestamps):
// how long Glance took for `PUT /stage`, from the accepted import call to its
// task's success, and from that success to the `GET /v2/images/{id}` whose answer
// showed 'active' (the client's polling overshoot; may be slightly negative,
// as Glance marks the image active just before the task succeeds). The access-log
// lines are written when a request finishes, so "seen" is when the tool got the answer.
// Usage: node bench/apply-timeline.mjs GLANCE_LOG ID... (or ids on stdin)
//        [--json] prints one JSON line per image instead of the summary.
import { readFileSync } from 'node:fs'

const args = process.argv.slice(2)
const json = args.includes('--json')
const [logFile, ...rest] = args.filter((a) => a !== '--json')
const ids = rest.length ? rest : readFileSync(0, 'utf8').split(/\s+/).filter(Boolean)
const ansiColour = new RegExp(`${String.fromCharCode(27)}\\[[0-9]*m`, 'g')
const text = readFileSync(logFile, 'utf8').replace(ansiColour, '')
const wanted = new Set(ids)
const time = (line) => Date.parse(line.slice(0, 23).replace(' ', 'T'))

const byImage = new Map(ids.map((id) => [id, { lines: [] }]))
const taskOf = new Map()
const success = new Map()
const ID = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/g
for (const line of text.split('\n')) {
  if (line.includes('status changing from processing to success')) {
    const task = /Task \[([0-9a-f-]+)\]/.exec(line)?.[1]
    if (task) success.set(task, time(line))
    continue
  }
  const found = line.match(ID)?.filter((x) => wanted.has(x))
  if (!found?.length) continue
  const image = byImage.get(found[0])
  const task = /Task ([0-9a-f-]+): Got image data/.exec(line)?.[1]
  if (task) taskOf.set(found[0], task)
  const request = /"(\w+) (\/v2\/images\/[^ ]+) HTTP\/1\.1" (\d+) \S+ ([\d.]+)/.exec(line)
  if (request)
    image.lines.push({
      t: time(line),
      method: request[1],
      path: request[2],
      code: Number(request[3]),
      duration: Number(request[4]),
    })
}

const rows = []
for (const [id, image] of byImage) {
  const reqs = image.lines
  const stage = reqs.find((r) => r.method === 'PUT' && r.path.endsWith('/stage'))
  const imported = reqs.find(
    (r) => r.method === 'POST' && r.path.endsWith('/import') && r.code === 202,
  )
  const done = success.get(taskOf.get(id))
  // The answer that showed 'active' is the last status poll before the tool moved on
  // (its PATCH of visibility/min_disk, or its last poll). It may end a little
  // before the task logs success: Glance sets the image active first.
  const after = imported ? reqs.filter((r) => r.t > imported.t) : []
  const patch = after.find((r) => r.method === 'PATCH')
  const polls = after.filter(
    (r) => r.method === 'GET' && r.path === `/v2/images/${id}` && (!patch || r.t < patch.t),
  )
  const seen = done && polls.at(-1)
  const row = {
    id,
    stageS: stage?.duration,
    glanceImportS: imported && done ? (done - imported.t) / 1000 : undefined,
    overshootS: seen ? (seen.t - done) / 1000 : undefined,
    pollsAfterImport: imported ? polls.length : undefined,
  }
  rows.push(row)
  if (json) console.log(JSON.stringify(row))
}
if (!json) {
  const stat = (key) => {
    const xs = rows
      .map((r) => r[key])
      .filter((x) => x !== undefined)
      .sort((a, b) => a - b)
    if (!xs.length) return 'n/a'
    const mean = xs.reduce((a, b) => a + b, 0) / xs.length
    return `mean ${mean.toFixed(2)}, median ${xs[xs.length >> 1].toFixed(2)}, max ${xs[xs.length - 1].toFixed(2)} (n=${xs.length})`
  }
  console.log(`Glance log timeline of ${rows.length} image(s):`)
  if (rows.some((r) => r.stageS !== undefined))
    console.log(`  PUT /stage (s):                        ${stat('stageS')}`)
  console.log(`  import accepted -> task success (s):   ${stat('glanceImportS')}`)
  console.log(`  task success -> tool sees active (s):  ${stat('overshootS')}`)
  console.log(`  status polls after the import call:    ${stat('pollsAfterImport')}`)
}
