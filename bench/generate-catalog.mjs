// Writes a synthetic catalog: DEFINITIONS definitions x VERSIONS versions in FILES files.
// Usage: node bench/generate-catalog.mjs OUT_DIR [DEFINITIONS=1000] [FILES=20] [VERSIONS=3] [BASE_URL]
import { mkdirSync, rmSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { createHash } from 'node:crypto'

const [
  out,
  definitions = '1000',
  files = '20',
  versions = '3',
  baseUrl = 'https://images.example.test',
] = process.argv.slice(2)
if (!out) {
  console.error(
    'usage: node bench/generate-catalog.mjs OUT_DIR [DEFINITIONS] [FILES] [VERSIONS] [BASE_URL]',
  )
  process.exit(2)
}
const distros = ['ubuntu', 'debian', 'rocky', 'centos', 'fedora', 'opensuse', 'rhel']

function definition(i) {
  const distro = distros[i % distros.length]
  const multi = i % 2 === 0
  const lines = [
    `  - name: Bench ${distro} ${i}`,
    '    format: qcow2',
    `    login: ${distro}`,
    '    min_disk: 8',
    '    min_ram: 512',
    '    status: active',
    '    visibility: public',
    `    multi: ${multi}`,
    '    meta:',
    '      architecture: x86_64',
    '      hypervisor_type: qemu',
    '      hw_disk_bus: scsi',
    '      hw_rng_model: virtio',
    '      hw_scsi_model: virtio-scsi',
    '      hw_watchdog_action: reset',
    `      os_distro: ${distro}`,
    `      os_version: '${i}'`,
    '      os_purpose: generic',
    '      replace_frequency: monthly',
    '      uuid_validity: last-3',
    '      provided_until: none',
    '    tags: []',
    '    versions:',
  ]
  for (let v = 0; v < Number(versions); v++) {
    const version = `202401${String(v + 10).padStart(2, '0')}`
    const digest = createHash('sha256').update(`${i}-${v}`).digest('hex')
    lines.push(
      `      - version: '${version}'`,
      `        url: ${baseUrl}/${i}/${version}.qcow2`,
      `        checksum: sha256:${digest}`,
      `        build_date: 2024-01-${String(v + 10).padStart(2, '0')}`,
    )
  }
  return lines.join('\n')
}

rmSync(out, { recursive: true, force: true })
mkdirSync(out, { recursive: true })
const perFile = Math.ceil(Number(definitions) / Number(files))
for (let f = 0; f < Number(files); f++) {
  const body = []
  for (let i = f * perFile; i < Math.min((f + 1) * perFile, Number(definitions)); i++)
    body.push(definition(i))
  if (body.length)
    writeFileSync(
      join(out, `bench-${String(f).padStart(2, '0')}.yml`),
      `---\nimages:\n${body.join('\n')}\n`,
    )
}
console.log(out)
