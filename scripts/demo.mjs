// `npm run demo`: the whole product in one command. Brings up the local cloud
// if none runs, serves small demo images from loopback, then runs
// validate -> plan -> apply -> plan (now empty) -> list on examples/images.
import { execFileSync, spawn, spawnSync } from 'node:child_process'
import { createReadStream, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs'
import { createServer } from 'node:http'
import { tmpdir } from 'node:os'
import { join } from 'node:path'

const root = new URL('..', import.meta.url).pathname
const cli = join(root, 'dist/cli/index.js')
const images = join(root, 'examples/images')
const PORT = 18181 // the examples' urls point here

function step(title) {
  console.log(`\n\x1b[1m== ${title}\x1b[0m`)
}

// Asynchronous: the image server below lives in this process and must keep answering.
async function run(args) {
  console.log(`$ image-manager ${args.join(' ')}`)
  const child = spawn(process.execPath, [cli, ...args], { stdio: 'inherit', env: process.env })
  const code = await new Promise((resolve) => child.on('exit', resolve))
  if (code !== 0) {
    console.error(`demo: 'image-manager ${args[0]}' exited ${code}`)
    process.exitCode = 1
    throw new Error('demo stopped')
  }
}

step('Local cloud (Keystone + Glance on 127.0.0.1)')
const up = spawnSync('bash', [join(root, 'scripts/local-cloud.sh'), 'up'], {
  stdio: ['ignore', 'pipe', 'inherit'],
})
if (up.status !== 0) {
  console.error('demo: the local cloud did not come up (it needs root on Debian/Ubuntu).')
  process.exit(1)
}
process.env.OS_CLIENT_CONFIG_FILE = up.stdout.toString().trim().split('\n').pop()
console.log(`clouds.yaml: ${process.env.OS_CLIENT_CONFIG_FILE}`)

step(`Demo images served from http://127.0.0.1:${PORT}`)
const dir = mkdtempSync(join(tmpdir(), 'image-manager-demo-'))
const wanted = readdirSync(images).flatMap((f) =>
  [...readFileSync(join(images, f), 'utf8').matchAll(/127\.0\.0\.1:18181\/(\S+)/g)].map(
    (m) => m[1],
  ),
)
for (const name of wanted)
  execFileSync('qemu-img', ['create', '-q', '-f', 'qcow2', join(dir, name), '64M'])
const server = createServer((req, res) => {
  const name = decodeURIComponent(new URL(req.url, 'http://x').pathname.slice(1))
  if (!wanted.includes(name)) return res.writeHead(404).end()
  // Glance's web-download fails without Content-Length (apply would fall back to glance-direct).
  const size = statSync(join(dir, name)).size
  res.writeHead(200, { 'Content-Type': 'application/octet-stream', 'Content-Length': String(size) })
  if (req.method === 'HEAD') return res.end()
  createReadStream(join(dir, name)).pipe(res)
})
await new Promise((resolve) => server.listen(PORT, '127.0.0.1', resolve))
console.log(wanted.join('\n'))

try {
  const cloud = ['--cloud', 'local-admin']
  step('1. validate')
  await run(['validate', '--images', images])
  step('2. plan')
  await run(['plan', '--images', images, ...cloud])
  step('3. apply')
  await run(['apply', '--images', images, ...cloud])
  step('4. plan again: nothing left to do')
  await run(['plan', '--images', images, ...cloud, '--detailed-exitcode'])
  step('5. the images in Glance')
  await run(['list', ...cloud])
} catch {
  // run() said what failed.
} finally {
  server.close()
  rmSync(dir, { recursive: true, force: true })
}
