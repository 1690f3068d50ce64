// A counting HTTP proxy on loopback, for the apply benchmarks: put it in front of
// Glance (clouds.yaml `image_endpoint_override: http://127.0.0.1:PORT`) and every
// request the tool sends to Glance is forwarded unchanged and logged as one JSON
// line: start/end (ms since the epoch), method, path template, image id, status,
// and for `GET /v2/images/{id}` the image status Glance answered.
// Bodies are streamed both ways (a `PUT /stage` is not buffered); only the small
// JSON answers of `GET /v2/images/{id}` are read to pick out the status.
// Usage: node bench/apply-proxy.mjs PORT TARGET_URL LOG.jsonl
//   prints "listening PORT" once ready; SIGTERM/SIGINT close it.
// Report: node bench/apply-proxy.mjs --report LOG.jsonl [IMAGES]
import { createWriteStream, readFileSync } from 'node:fs'
import http from 'node:http'

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i
function template(path) {
  let id
  const t = path
    .split('?')[0]
    .split('/')
    .map((s) => (UUID.test(s) ? ((id ??= s), '{id}') : s))
    .join('/')
  return { template: t, id }
}

if (process.argv[2] === '--report') {
  report(process.argv[3], Number(process.argv[4] ?? 0))
} else {
  serve(Number(process.argv[2]), new URL(process.argv[3]), process.argv[4])
}

function serve(port, target, logFile) {
  const log = createWriteStream(logFile, { flags: 'a' })
  const agent = new http.Agent({ keepAlive: true, maxSockets: 64 })
  const server = http.createServer((req, res) => {
    const start = Date.now()
    const { template: tpl, id } = template(req.url)
    const readStatus = req.method === 'GET' && tpl === '/v2/images/{id}'
    const upstream = http.request(
      {
        host: target.hostname,
        port: target.port,
        method: req.method,
        path: req.url,
        headers: { ...req.headers, host: target.host },
        agent,
      },
      (up) => {
        res.writeHead(up.statusCode, up.headers)
        const chunks = []
        up.on('data', (c) => {
          if (readStatus) chunks.push(c)
          res.write(c)
        })
        up.on('end', () => {
          res.end()
          let imageStatus, updatedAt
          if (readStatus && up.statusCode === 200) {
            try {
              const body = JSON.parse(Buffer.concat(chunks).toString())
              imageStatus = body.status
              updatedAt = body.updated_at
            } catch {
              /* not JSON */
            }
          }
          log.write(
            `${JSON.stringify({ start, end: Date.now(), method: req.method, template: tpl, id, code: up.statusCode, imageStatus, updatedAt })}\n`,
          )
        })
      },
    )
    upstream.on('error', (e) => {
      log.write(
        `${JSON.stringify({ start, end: Date.now(), method: req.method, template: tpl, id, error: e.message })}\n`,
      )
      if (!res.headersSent) res.writeHead(502)
      res.end()
    })
    req.pipe(upstream)
  })
  server.keepAliveTimeout = 60_000
  server.listen(port, '127.0.0.1', () => console.log(`listening ${server.address().port}`))
  const stop = () => {
    server.close()
    server.closeAllConnections?.()
    log.end(() => process.exit(0))
  }
  process.on('SIGTERM', stop)
  process.on('SIGINT', stop)
}

function report(logFile, images) {
  const lines = readFileSync(logFile, 'utf8')
    .split('\n')
    .filter(Boolean)
    .map((l) => JSON.parse(l))
  const counts = {}
  const busy = {}
  for (const l of lines) {
    const k = `${l.method} ${l.template}`
    counts[k] = (counts[k] ?? 0) + 1
    busy[k] = (busy[k] ?? 0) + (l.end - l.start)
  }
  const sorted = Object.entries(counts).sort(([a], [b]) => a.localeCompare(b))
  console.log(
    `Glance requests: ${lines.length}${images ? ` for ${images} new images = ${(lines.length / images).toFixed(2)} per image` : ''}`,
  )
  for (const [k, n] of sorted)
    console.log(
      `  ${String(n).padStart(6)}  ${k.padEnd(32)}${images ? ` ${(n / images).toFixed(2)}/image` : ''}  latency mean ${(busy[k] / n).toFixed(0)} ms, sum ${(busy[k] / 1000).toFixed(1)} s`,
    )
  const perImage = lines.filter((l) => l.id)
  if (images) {
    const byId = new Map()
    for (const l of perImage) byId.set(l.id, [...(byId.get(l.id) ?? []), l])
    console.log(
      `  requests naming an image id: ${perImage.length} = ${(perImage.length / images).toFixed(2)} per image; plus POST /v2/images (create) ${counts['POST /v2/images'] ?? 0}`,
    )
    // Per image: created -> import accepted -> active seen; Glance's own updated_at at activation.
    const waits = []
    for (const [, ls] of byId) {
      const importReq = ls.find((l) => l.method === 'POST' && l.template.endsWith('/import'))
      const polls = ls.filter((l) => l.method === 'GET' && l.template === '/v2/images/{id}')
      const active = polls.find((l) => l.imageStatus === 'active')
      if (!importReq || !active) continue
      const glanceActive = Date.parse(`${active.updatedAt}`.replace(/Z?$/, 'Z'))
      const firstPoll = polls.find((l) => l.start >= importReq.end)
      waits.push({
        first: firstPoll
          ? `${firstPoll.imageStatus} after ${firstPoll.start - importReq.end < 100 ? '<100 ms' : '>=100 ms'}`
          : 'none',
        wait: active.end - importReq.end,
        polls: polls.filter((l) => l.start >= importReq.end).length,
        // updated_at has 1 s resolution: the overshoot is accurate to about a second.
        overshoot: Number.isFinite(glanceActive) ? active.end - glanceActive : undefined,
      })
    }
    if (waits.length) {
      const stat = (xs) => {
        const s = [...xs].sort((a, b) => a - b)
        const avg = s.reduce((a, b) => a + b, 0) / s.length
        return `mean ${(avg / 1000).toFixed(2)} s, median ${(s[s.length >> 1] / 1000).toFixed(2)} s, max ${(s[s.length - 1] / 1000).toFixed(2)} s`
      }
      console.log(
        `  import accepted -> active seen: ${stat(waits.map((w) => w.wait))} (${waits.length} images)`,
      )
      console.log(
        `  status polls after the import call: mean ${(waits.reduce((a, w) => a + w.polls, 0) / waits.length).toFixed(2)} per image`,
      )
      const firsts = {}
      for (const w of waits) firsts[w.first] = (firsts[w.first] ?? 0) + 1
      console.log(
        `  first poll after the import call saw: ${Object.entries(firsts)
          .map(([k, n]) => `${k}: ${n}`)
          .join(', ')}`,
      )
      const o = waits.map((w) => w.overshoot).filter((x) => x !== undefined)
      if (o.length)
        console.log(
          `  active in Glance (updated_at, 1 s resolution) -> seen by the tool: ${stat(o)}`,
        )
    }
  }
  const first = Math.min(...lines.map((l) => l.start))
  const last = Math.max(...lines.map((l) => l.end))
  console.log(`  first request -> last answer: ${((last - first) / 1000).toFixed(2)} s`)
}
