#!/usr/bin/env bash
# Benchmark: `update --dry-run` over 30 tracked definitions (10 dated-folder
# sites like Ubuntu, 10 like Debian, 10 fixed-name manifests like AlmaLinux)
# against a loopback upstream that sends ETag and Last-Modified and answers
# conditional requests with 304, whole process, a fresh node each run: the
# requests one run makes (and how many were 304s) and its wall time, cold
# (an empty --cache-dir) and warm (the cache of the run before), first with
# 30 newer builds, then with none newer. Needs hyperfine (Debian package
# `hyperfine`). Bundles the CLI from src/ into a temp dir first (no dist/ needed;
# BUNDLE=path/index.js runs that bundle instead).
set -euo pipefail
cd "$(dirname "$0")/.."
dir=$(mktemp -d)
server_pid=
cleanup() { [ -n "$server_pid" ] && kill "$server_pid" 2>/dev/null; rm -rf "$dir"; }
trap cleanup EXIT
bundle=${BUNDLE:-}
if [ -z "$bundle" ]; then
  npx ncc build src/cli/index.ts -o "$dir/cli" --target es2022 --quiet
  bundle=$dir/cli/index.js
fi
mkdir -p "$dir/catalog"
cat >"$dir/server.mjs" <<'JS'
// Loopback upstream: listings, SUMS files, CHECKSUM manifests with real-sized content.
import { createHash } from 'node:crypto'
import { createServer } from 'node:http'
import { writeFileSync } from 'node:fs'
const [catalogFile, portFile] = process.argv.slice(2)
const h = (alg, s) => createHash(alg).update(s).digest('hex')
const files = new Map()
let requests = 0
let notModified = 0
let bytes = 0
const listing = (entries) =>
  `<html><body><table>${['?C=N;O=D', '../', ...entries].map((e) => `<tr><td><a href="${e}">${e}</a></td><td>2026-07-13 16:27</td></tr>`).join('\n')}</table></body></html>`
const images = []
const meta = `    meta:\n      architecture: x86_64\n      hw_disk_bus: scsi\n      hw_rng_model: virtio\n      hw_scsi_model: virtio-scsi\n      hw_watchdog_action: reset\n      hypervisor_type: qemu\n      os_distro: ubuntu\n      os_version: '24.04'\n      os_purpose: generic\n      replace_frequency: quarterly\n      uuid_validity: last-3\n      provided_until: none\n    tags: []\n`
const image = (name, latest, sums, version, url, checksum) =>
  `  - name: ${name}\n    shortname: ${name.toLowerCase().replace(/ /g, '-')}\n    format: qcow2\n    login: ubuntu\n    min_disk: 8\n    min_ram: 512\n    status: active\n    visibility: public\n    multi: true\n${meta}    latest_checksum_url: ${sums}\n    latest_url: ${latest}\n    versions:\n      - version: '${version}'\n        url: ${url}\n        checksum: ${checksum}\n        build_date: ${version.slice(0, 4)}-${version.slice(4, 6)}-${version.slice(6)}\n`
const server = createServer((req, res) => {
  const path = new URL(req.url, 'http://x').pathname
  if (path === '/__requests') return res.end(`${requests} ${notModified} ${bytes}\n`)
  requests++
  const f = files.get(path)
  if (!f) return res.writeHead(404).end('not found')
  const validators = { ETag: `"${h('sha256', f).slice(0, 16)}"`, 'Last-Modified': 'Wed, 27 May 2026 03:04:05 GMT' }
  const match = req.headers['if-none-match']
  const since = req.headers['if-modified-since']
  if (match !== undefined ? match === validators.ETag : since === validators['Last-Modified']) {
    notModified++
    return res.writeHead(304, validators).end()
  }
  res.writeHead(200, { 'Content-Length': Buffer.byteLength(f), ...validators })
  if (req.method !== 'HEAD') bytes += Buffer.byteLength(f)
  res.end(req.method === 'HEAD' ? undefined : f)
})
server.listen(0, '127.0.0.1', () => {
  const base = `http://127.0.0.1:${server.address().port}`
  const folders = ['20260612', '20260701', '20260705', '20260709', '20260713']
  for (let i = 0; i < 10; i++) {
    const p = `/u${i}`
    files.set(`${p}/`, listing([...folders.map((f) => `${f}/`), 'current/']))
    for (const f of folders) {
      const lines = []
      for (const arch of ['amd64', 'arm64', 'armhf', 'ppc64el', 'riscv64', 's390x'])
        for (const suf of ['.img', '.manifest', '.squashfs', '-lxd.tar.xz', '.tar.gz', '-disk-kvm.img'])
          lines.push(`${h('sha256', f + arch + suf + i)} *noble-server-cloudimg-${arch}${suf}`)
      files.set(`${p}/${f}/SHA256SUMS`, lines.join('\n') + '\n')
    }
    images.push(image(`Ubuntu ${i}`, `${base}${p}/current/noble-server-cloudimg-amd64.img`, `${base}${p}/current/SHA256SUMS`, '20260612', `${base}${p}/20260612/noble-server-cloudimg-amd64.img`, `sha256:${h('sha256', `20260612amd64.img${i}`)}`))
  }
  const dfolders = ['20260601-2400', '20260716-2541', '20260717-2542']
  for (let i = 0; i < 10; i++) {
    const p = `/d${i}/bookworm`
    files.set(`${p}/`, listing([...dfolders.map((f) => `${f}/`), 'latest/', 'daily/']))
    for (const f of dfolders) {
      const lines = []
      for (const v of ['azure', 'ec2', 'generic', 'genericcloud', 'nocloud'])
        for (const arch of ['amd64', 'arm64', 'ppc64el'])
          for (const ext of ['json', 'qcow2', 'raw', 'tar.xz']) {
            const n = `debian-12-${v}-${arch}-${f}.${ext}`
            lines.push(`${h('sha512', n + i)}  ${n}`)
          }
      files.set(`${p}/${f}/SHA512SUMS`, lines.join('\n') + '\n')
    }
    images.push(image(`Debian ${i}`, `${base}${p}/latest/debian-12-genericcloud-amd64.qcow2`, `${base}${p}/latest/SHA512SUMS`, '20260601', `${base}${p}/20260601-2400/debian-12-genericcloud-amd64-20260601-2400.qcow2`, `sha512:${h('sha512', 'old' + i)}`))
  }
  for (let i = 0; i < 10; i++) {
    const p = `/a${i}/images`
    const latest = 'AlmaLinux-9-GenericCloud-latest.x86_64.qcow2'
    const lines = [`${h('sha256', 'x' + i)}  AlmaLinux-9-GenericCloud-9.8-20260526.x86_64.qcow2`, `${h('sha256', 'x' + i)}  ${latest}`, `${h('sha256', 'e' + i)}  AlmaLinux-9-OpenNebula-latest.x86_64.qcow2`]
    files.set(`${p}/CHECKSUM`, lines.join('\n') + '\n')
    files.set(`${p}/${latest}`, 'qcow2')
    images.push(image(`Alma ${i}`, `${base}${p}/${latest}`, `${base}${p}/CHECKSUM`, '20260101', `${base}${p}/${latest}`, `sha256:${h('sha256', 'old' + i)}`))
  }
  writeFileSync(catalogFile, `---\nimages:\n${images.join('')}`)
  writeFileSync(portFile, base)
})
JS
node "$dir/server.mjs" "$dir/catalog/images.yml" "$dir/base" &
server_pid=$!
for _ in $(seq 50); do [ -s "$dir/base" ] && break; sleep 0.1; done
base=$(cat "$dir/base")
cmd="node $bundle update --images $dir/catalog --dry-run --output json --cache-dir $dir/cache"
# Requests (total and 304s) and body bytes of one run of `$cmd`, from the server's counters.
count() {
  local r0 n0 b0 r1 n1 b1
  read -r r0 n0 b0 < <(curl -s "$base/__requests")
  $cmd >"$dir/out.json" || true
  read -r r1 n1 b1 < <(curl -s "$base/__requests")
  echo "$1: $((r1 - r0)) requests, $((n1 - n0)) answered 304, $((b1 - b0)) body bytes"
}
# Twice: every definition has a newer build, then (after one real update) none has.
for state in newer current; do
  rm -rf "$dir/cache"
  count cold
  node -e 'const s=JSON.parse(require("fs").readFileSync(process.argv[1],"utf8"));const c={};for(const x of s)c[x.status]=(c[x.status]||0)+1;console.log(s.length+" tracked definitions:",JSON.stringify(c))' "$dir/out.json"
  count warm
  # cold: each run starts from an empty cache directory; warm: from the one the run before left.
  hyperfine --warmup 1 --runs "${RUNS:-20}" --export-markdown "$dir/result.md" \
    -n cold --prepare "rm -rf $dir/cache" "$cmd" \
    -n warm --prepare true "$cmd" >/dev/null
  sed "s|$dir|\$TMP|g" "$dir/result.md"
  # An `if`, not `&&`: on the last pass the test fails, and the script would exit 1.
  if [ "$state" = newer ]; then node "$bundle" update --images "$dir/catalog" >/dev/null; fi
done
