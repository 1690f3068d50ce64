// CPU time (user + sys) of two commands run as interleaved pairs: prints the
// median of each and the median of the per-pair ratios (second / first).
// Usage: node bench/cpu-pairs.mjs PAIRS 'FLOOR COMMAND' 'OUR COMMAND'
// Each run is a fresh process; its CPU is what GNU time (/usr/bin/time, Debian
// package `time`) reports for it and its children (10 ms steps), its wall time
// from the clock. The order within a pair alternates, so neither command always
// runs first.
import { spawn } from 'node:child_process'

const [pairs = '7', floor, ours] = process.argv.slice(2)
if (!floor || !ours) {
  console.error("usage: node bench/cpu-pairs.mjs PAIRS 'FLOOR COMMAND' 'OUR COMMAND'")
  process.exit(2)
}

/** One run: CPU seconds of the whole process tree and wall seconds; fails on a non-zero exit. */
function run(command) {
  return new Promise((resolve, reject) => {
    const started = process.hrtime.bigint()
    const child = spawn('/usr/bin/time', ['-f', '%e %U %S', 'sh', '-c', `${command} >/dev/null`], {
      stdio: ['ignore', 'ignore', 'pipe'],
    })
    let err = ''
    child.stderr.on('data', (d) => (err += d))
    child.on('close', (code) => {
      const wall = Number(process.hrtime.bigint() - started) / 1e9
      const last = err.trim().split('\n').at(-1) ?? ''
      const [, user, sys] = last.split(' ').map(Number)
      if (code !== 0 || !Number.isFinite(user))
        return reject(new Error(`'${command}' failed (${code}): ${err}`))
      resolve({ cpu: user + sys, wall })
    })
  })
}

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b)
  const m = s.length >> 1
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2
}

const rows = []
for (let i = 0; i < Number(pairs); i++) {
  const first = i % 2 === 0
  const a = first ? await run(floor) : undefined
  const b = await run(ours)
  const f = a ?? (await run(floor))
  rows.push({ floor: f, ours: b })
}
const fmt = (n) => n.toFixed(3)
console.log(
  `floor CPU median ${fmt(median(rows.map((r) => r.floor.cpu)))} s (wall ${fmt(median(rows.map((r) => r.floor.wall)))} s)`,
)
console.log(
  `ours  CPU median ${fmt(median(rows.map((r) => r.ours.cpu)))} s (wall ${fmt(median(rows.map((r) => r.ours.wall)))} s)`,
)
const ratios = (key) => rows.map((r) => r.ours[key] / r.floor[key])
for (const key of ['cpu', 'wall']) {
  const name = key === 'cpu' ? 'CPU' : 'wall'
  console.log(
    `per-pair ${name} ratios: ${ratios(key)
      .map((r) => r.toFixed(2))
      .join(' ')}`,
  )
  console.log(
    `${name} ratio ours/floor: median ${median(ratios(key)).toFixed(2)} of ${rows.length} pairs`,
  )
}
