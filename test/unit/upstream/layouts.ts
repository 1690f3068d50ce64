// The real upstream layouts, written onto a loopback UpstreamServer: the same
// paths, file names and manifest formats as the real sites (many arches,
// variants and years of builds, aliases and sort links included), with each
// layout's newest build and what discovery must report for it.
import { createHash } from 'node:crypto'
import type { UpstreamBuild, Tracked } from '../../../src/upstream/types.js'
import type { UpstreamServer } from './upstream-server.js'

export const sha256 = (seed: string): string => createHash('sha256').update(seed).digest('hex')
export const sha512 = (seed: string): string => createHash('sha512').update(seed).digest('hex')
export const md5 = (seed: string): string => createHash('md5').update(seed).digest('hex')
export const sha1 = (seed: string): string => createHash('sha1').update(seed).digest('hex')

export interface LaidOut {
  tracked: Tracked
  expected: UpstreamBuild
  /** The source the urls' shape selects. */
  source: string
  /** The path read first (listing or manifest): where faults are injected. */
  firstPath: string
  /** The manifest path and its text without the image's lines. */
  manifestPath: string
  manifestWithout: string
  /** For layouts with a build listing: its path and a listing of only non-build entries. */
  listingPath?: string
  nonBuildEntries?: string[]
}

export interface Layout {
  name: string
  setup(server: UpstreamServer): LaidOut
}

const tracked = (image: string, latestUrl: string, latestChecksumUrl: string): Tracked => ({
  image,
  latestUrl,
  latestChecksumUrl,
  current: { version: '20200101', url: latestUrl, checksum: `sha256:${sha256('old')}` },
})

const UBUNTU_ARCHES = ['amd64', 'arm64', 'armhf', 'ppc64el', 'riscv64', 's390x']

/** Ubuntu's SHA256SUMS: 6 arches, images, manifests, lxd tarballs, squashfs, changelogs; `*` markers. */
function ubuntuSums(prefix: string, serial: string): string {
  const lines: string[] = []
  for (const arch of UBUNTU_ARCHES) {
    for (const suffix of [
      '.img',
      '.manifest',
      '.squashfs',
      '.squashfs.manifest',
      '.tar.gz',
      '-lxd.tar.xz',
      '-root.tar.xz',
      '-disk-kvm.img',
      '.vmdk',
      `.daily.20260615.${serial}.image_changelog.json`,
      '.release.20260105.image_changelog.json',
    ]) {
      const name = `${prefix}-${arch}${suffix}`
      lines.push(`${sha256(`${serial}/${name}`)} *${name}`)
    }
  }
  return `${lines.join('\n')}\n`
}

export function ubuntu(
  name: string,
  base: string,
  folders: string[],
  alias: string,
  prefix: string,
  newest: string,
): Layout {
  return {
    name,
    setup(server) {
      const file = `${prefix}-amd64.img`
      const date = newest.replace(/^release-/, '').slice(0, 8)
      const entries = [...folders, `${alias}/`]
      server.listing(`${base}/`, entries)
      for (const f of folders)
        server.file(`${base}/${f}SHA256SUMS`, ubuntuSums(prefix, f.replace('/', '')))
      const sums = ubuntuSums(prefix, newest)
      server.file(`${base}/${newest}/SHA256SUMS`, sums)
      return {
        tracked: tracked(
          name,
          `${server.url}${base}/${alias}/${file}`,
          `${server.url}${base}/${alias}/SHA256SUMS`,
        ),
        expected: {
          version: date,
          buildDate: `${date.slice(0, 4)}-${date.slice(4, 6)}-${date.slice(6)}`,
          url: `${server.url}${base}/${newest}/${file}`,
          checksum: { algorithm: 'sha256', hex: sha256(`${newest}/${file}`) },
        },
        source: 'dated-folders',
        firstPath: `${base}/`,
        manifestPath: `${base}/${newest}/SHA256SUMS`,
        manifestWithout: sums
          .split('\n')
          .filter((l) => !l.endsWith(` *${file}`))
          .join('\n'),
        listingPath: `${base}/`,
        nonBuildEntries: [`${alias}/`, 'current/', 'unpacked/', 'daily/', 'SHA256SUMS'],
      }
    },
  }
}

const DEBIAN_VENDORS = ['azure', 'ec2', 'generic', 'genericcloud', 'nocloud', 'gce']
const DEBIAN_ARCHES = ['amd64', 'arm64', 'ppc64el', 'riscv64']

/** Debian's SHA512SUMS: two spaces, 6 vendors, 4 arches, json/qcow2/raw/tar.xz, no `*`. */
function debianSums(major: string, infix: string, folder: string): string {
  const lines: string[] = []
  for (const vendor of DEBIAN_VENDORS)
    for (const arch of DEBIAN_ARCHES)
      for (const ext of ['json', 'qcow2', 'raw', 'tar.xz']) {
        if (vendor === 'gce' && ext !== 'tar.xz') continue
        const name = `debian-${major}-${vendor}-${arch}${infix}-${folder}.${ext}`
        lines.push(`${sha512(name)}  ${name}`)
      }
  return `${lines.join('\n')}\n`
}

export function debian(name: string, base: string, major: string, infix: string): Layout {
  return {
    name,
    setup(server) {
      const newest = '20260717-2542'
      // Gaps in days and numbers; `latest/` and `daily/` are no builds.
      const folders = ['20240703-1797/', '20260601-2400/', '20260716-2541/', `${newest}/`]
      server.listing(`${base}/`, ['daily/', 'latest/', ...folders.reverse()], 'debian')
      for (const f of folders)
        server.file(`${base}/${f}SHA512SUMS`, debianSums(major, infix, f.replace('/', '')))
      const sums = debianSums(major, infix, newest)
      const dated = `debian-${major}-genericcloud-amd64${infix}-${newest}.qcow2`
      return {
        tracked: tracked(
          name,
          `${server.url}${base}/latest/debian-${major}-genericcloud-amd64${infix}.qcow2`,
          `${server.url}${base}/latest/SHA512SUMS`,
        ),
        expected: {
          version: '20260717',
          buildDate: '2026-07-17',
          url: `${server.url}${base}/${newest}/${dated}`,
          checksum: { algorithm: 'sha512', hex: sha512(dated) },
        },
        source: 'dated-folders',
        firstPath: `${base}/`,
        manifestPath: `${base}/${newest}/SHA512SUMS`,
        manifestWithout: sums
          .split('\n')
          .filter((l) => !l.includes('genericcloud-amd64'))
          .join('\n'),
        listingPath: `${base}/`,
        nonBuildEntries: ['daily/', 'latest/', 'sid/', '?C=M;O=A'],
      }
    },
  }
}

export const almalinux: Layout = {
  name: 'AlmaLinux (CHECKSUM, fixed latest name, Last-Modified)',
  setup(server) {
    const dir = '/almalinux/9/cloud/x86_64/images'
    const latest = 'AlmaLinux-9-GenericCloud-latest.x86_64.qcow2'
    const hash = sha256('alma-9.8-20260526')
    const lines = [
      `${sha256('ext4')}  AlmaLinux-9-GenericCloud-ext4-9.8-20260526.x86_64.qcow2`,
      `${sha256('ext4')}  AlmaLinux-9-GenericCloud-ext4-latest.x86_64.qcow2`,
      `${hash}  AlmaLinux-9-GenericCloud-9.8-20260526.x86_64.qcow2`,
      `${hash}  ${latest}`,
      `${sha256('nebula')}  AlmaLinux-9-OpenNebula-9.8-20260526.x86_64.qcow2`,
      `${sha256('nebula')}  AlmaLinux-9-OpenNebula-latest.x86_64.qcow2`,
    ]
    const manifest = `${lines.join('\n')}\n`
    server.file(`${dir}/CHECKSUM`, manifest)
    server.file(`${dir}/${latest}`, 'qcow2', new Date('2026-05-27T03:04:05Z'))
    return {
      tracked: tracked(
        'AlmaLinux 9',
        `${server.url}${dir}/${latest}`,
        `${server.url}${dir}/CHECKSUM`,
      ),
      expected: {
        version: '20260527',
        buildDate: '2026-05-27',
        url: `${server.url}${dir}/${latest}`,
        checksum: { algorithm: 'sha256', hex: hash },
      },
      source: 'fixed-name',
      firstPath: `${dir}/CHECKSUM`,
      manifestPath: `${dir}/CHECKSUM`,
      manifestWithout: lines.filter((l) => !l.endsWith(` ${latest}`)).join('\n'),
    }
  },
}

const rocky: Layout = {
  name: 'Rocky (per-image .CHECKSUM, BSD with size comments)',
  setup(server) {
    const dir = '/pub/rocky/9/images/x86_64'
    const latest = 'Rocky-9-GenericCloud.latest.x86_64.qcow2'
    const hash = sha256('rocky-9.8-20260525.0')
    const manifest = `# ${latest}: 645988352 bytes\nSHA256 (${latest}) = ${hash}\n`
    server.file(`${dir}/${latest}.CHECKSUM`, manifest)
    server.file(`${dir}/${latest}`, 'qcow2', new Date('2026-05-25T20:00:00Z'))
    return {
      tracked: tracked(
        'Rocky 9',
        `${server.url}${dir}/${latest}`,
        `${server.url}${dir}/${latest}.CHECKSUM`,
      ),
      expected: {
        version: '20260525',
        buildDate: '2026-05-25',
        url: `${server.url}${dir}/${latest}`,
        checksum: { algorithm: 'sha256', hex: hash },
      },
      source: 'sidecar',
      firstPath: `${dir}/${latest}.CHECKSUM`,
      manifestPath: `${dir}/${latest}.CHECKSUM`,
      manifestWithout: `# Rocky-9-GenericCloud-LVM.latest.x86_64.qcow2: 1 bytes\nSHA256 (Rocky-9-GenericCloud-LVM.latest.x86_64.qcow2) = ${sha256('lvm')}\n`,
    }
  },
}

/** CentOS Stream 9's CHECKSUM: a year of weekly composes, several variants, size comments. */
function centosStreamManifest(without?: string): { text: string; newest: string } {
  const lines: string[] = []
  let newest = ''
  const start = Date.parse('2025-07-15T00:00:00Z')
  for (let week = 0; week <= 52; week++) {
    const day = new Date(start + week * 7 * 86_400_000).toISOString().slice(0, 10).replace(/-/g, '')
    const compose = `${day}.${week % 3}`
    for (const name of [
      `CentOS-Stream-Container-Base-9-${compose}.x86_64.tar.xz`,
      `CentOS-Stream-ec2-9-${compose}.x86_64.raw.xz`,
      `CentOS-Stream-GenericCloud-9-${compose}.x86_64.qcow2`,
      `CentOS-Stream-GenericCloud-x86_64-9-${compose}.x86_64.qcow2`,
      `CentOS-Stream-Vagrant-9-${compose}.x86_64.vagrant-libvirt.box`,
    ]) {
      if (name === without) continue
      lines.push(`# ${name}: 1234567 bytes`, `SHA256 (${name}) = ${sha256(name)}`)
    }
    newest = `CentOS-Stream-GenericCloud-9-${compose}.x86_64.qcow2`
  }
  const latest = 'CentOS-Stream-GenericCloud-9-latest.x86_64.qcow2'
  lines.push(`# ${latest}: 1234567 bytes`, `SHA256 (${latest}) = ${sha256(newest)}`)
  return { text: `${lines.join('\n')}\n`, newest }
}

const centosStream: Layout = {
  name: 'CentOS Stream 9 (BSD manifest of a year, HEREBE…DRAGONS)',
  setup(server) {
    const dir = '/centos/9-stream/x86_64/images'
    const { text, newest } = centosStreamManifest()
    server.file(`${dir}/CHECKSUM`, text)
    server.file(`${dir}/${newest}`, 'qcow2', new Date('2026-07-14T11:00:00Z'))
    return {
      tracked: tracked(
        'CentOS Stream 9',
        `${server.url}${dir}/CentOS-Stream-GenericCloud-9-HEREBE\\d+\\.\\dDRAGONS.x86_64.qcow2`,
        `${server.url}${dir}/CHECKSUM`,
      ),
      expected: {
        version: '20260714',
        buildDate: '2026-07-14',
        url: `${server.url}${dir}/${newest}`,
        checksum: { algorithm: 'sha256', hex: sha256(newest) },
      },
      source: 'manifest-pattern',
      firstPath: `${dir}/CHECKSUM`,
      manifestPath: `${dir}/CHECKSUM`,
      manifestWithout: text
        .split('\n')
        .filter((l) => !/ \(CentOS-Stream-GenericCloud-9-\d/.test(l))
        .join('\n'),
    }
  },
}

const centos7: Layout = {
  name: 'CentOS 7 (GNU sha256sum.txt, HEREBE…$DRAGONS)',
  setup(server) {
    const dir = '/centos/7/images'
    const names = [
      'CentOS-7-aarch64-GenericCloud-2211.qcow2',
      'CentOS-7-x86_64-GenericCloud-1804_02.qcow2',
      'CentOS-7-x86_64-GenericCloud-2009.qcow2',
      'CentOS-7-x86_64-GenericCloud-2111.qcow2',
      'CentOS-7-x86_64-GenericCloud-2211.qcow2',
      'CentOS-7-x86_64-GenericCloud-2211.qcow2c',
      'CentOS-7-x86_64-GenericCloud-2211.qcow2.xz',
      'CentOS-7-x86_64-GenericCloud.qcow2',
      'CentOS-7-ppc64le-GenericCloud-2211.qcow2',
    ]
    const line = (n: string): string => `${sha256(n)}  ${n}`
    server.file(`${dir}/sha256sum.txt`, `${names.map(line).join('\r\n')}\r\n`)
    const newest = 'CentOS-7-x86_64-GenericCloud-2211.qcow2'
    server.file(`${dir}/${newest}`, 'qcow2', new Date('2022-11-12T10:00:00Z'))
    return {
      tracked: tracked(
        'CentOS 7',
        `${server.url}${dir}/CentOS-7-x86_64-GenericCloud-HEREBE\\d+\\.qcow2$DRAGONS`,
        `${server.url}${dir}/sha256sum.txt`,
      ),
      expected: {
        version: '20221112',
        buildDate: '2022-11-12',
        url: `${server.url}${dir}/${newest}`,
        checksum: { algorithm: 'sha256', hex: sha256(newest) },
      },
      source: 'manifest-pattern',
      firstPath: `${dir}/sha256sum.txt`,
      manifestPath: `${dir}/sha256sum.txt`,
      manifestWithout: names
        .filter((n) => !/x86_64-GenericCloud-\d+\.qcow2$/.test(n))
        .map(line)
        .join('\n'),
    }
  },
}

function fedoraManifest(compose: string, skip?: string): string {
  const body: string[] = []
  for (const name of [
    `Fedora-Cloud-Base-AmazonEC2-${compose}.x86_64.raw.xz`,
    `Fedora-Cloud-Base-Azure-${compose}.x86_64.vhdfixed.xz`,
    `Fedora-Cloud-Base-GCE-${compose}.x86_64.tar.gz`,
    `Fedora-Cloud-Base-Generic-${compose}.x86_64.qcow2`,
    `Fedora-Cloud-Base-UEFI-UKI-${compose}.x86_64.qcow2`,
  ]) {
    if (name === skip) continue
    body.push(`# ${name}: 583335936 bytes`, `SHA256 (${name}) = ${sha256(name)}`)
  }
  return [
    '-----BEGIN PGP SIGNED MESSAGE-----',
    'Hash: SHA256',
    '',
    ...body,
    '-----BEGIN PGP SIGNATURE-----',
    '',
    'iQIzBAEBCAAdFiEEbD7IBgxtVCr4f0vZdbJa9JWSEuIFAmkz2OoACgkQdbJa9JWS',
    'EuI1mw/+KpkTWh5cPzX1LT0yq3a0h8b0Vh4K0l0p0Q==',
    '=abcd',
    '-----END PGP SIGNATURE-----',
    '',
  ].join('\n')
}

const fedora: Layout = {
  name: 'Fedora (clear-signed BSD manifest per compose)',
  setup(server) {
    const dir = '/pub/fedora/linux/releases/43/Cloud/x86_64/images'
    const image = 'Fedora-Cloud-Base-Generic-43-1.6.x86_64.qcow2'
    server.listing(
      `${dir}/`,
      [
        'Fedora-Cloud-43-1.5-x86_64-CHECKSUM',
        'Fedora-Cloud-43-1.6-x86_64-CHECKSUM',
        'Fedora-Cloud-Base-Generic-43-1.6.x86_64.qcow2',
        'Fedora-Cloud-Base-AmazonEC2-43-1.6.x86_64.raw.xz',
      ],
      'nginx',
    )
    server.file(`${dir}/Fedora-Cloud-43-1.5-x86_64-CHECKSUM`, fedoraManifest('43-1.5'))
    server.file(`${dir}/Fedora-Cloud-43-1.6-x86_64-CHECKSUM`, fedoraManifest('43-1.6'))
    server.file(`${dir}/${image}`, 'qcow2', new Date('2025-10-23T12:00:00Z'))
    return {
      tracked: tracked(
        'Fedora 43',
        `${server.url}${dir}/Fedora-Cloud-Base-Generic-43-1.5.x86_64.qcow2`,
        `${server.url}${dir}/Fedora-Cloud-43-1.5-x86_64-CHECKSUM`,
      ),
      expected: {
        version: '20251023',
        buildDate: '2025-10-23',
        url: `${server.url}${dir}/${image}`,
        checksum: { algorithm: 'sha256', hex: sha256(image) },
      },
      source: 'compose-manifest',
      firstPath: `${dir}/`,
      manifestPath: `${dir}/Fedora-Cloud-43-1.6-x86_64-CHECKSUM`,
      manifestWithout: fedoraManifest('43-1.6', image),
      listingPath: `${dir}/`,
      nonBuildEntries: ['../', 'Fedora-Cloud-Base-Generic-43-1.6.x86_64.qcow2', '?C=N;O=D'],
    }
  },
}

const opensuse: Layout = {
  name: 'openSUSE Leap (.sha256 beside the image)',
  setup(server) {
    const dir = '/distribution/leap/15.6/appliances'
    const image = 'openSUSE-Leap-15.6-Minimal-VM.x86_64-Cloud.qcow2'
    const hash = sha256('leap-15.6-build16.2')
    server.file(`${dir}/${image}.sha256`, `${hash} ${image}\n`)
    server.file(`${dir}/${image}`, 'qcow2', new Date('2024-06-03T08:00:00Z'))
    return {
      tracked: tracked(
        'openSUSE Leap 15.6',
        `${server.url}${dir}/${image}`,
        `${server.url}${dir}/${image}.sha256`,
      ),
      expected: {
        version: '20240603',
        buildDate: '2024-06-03',
        url: `${server.url}${dir}/${image}`,
        checksum: { algorithm: 'sha256', hex: hash },
      },
      source: 'sidecar',
      firstPath: `${dir}/${image}.sha256`,
      manifestPath: `${dir}/${image}.sha256`,
      manifestWithout: `${hash}  openSUSE-Leap-15.6-Minimal-VM.x86_64-Cloud-Build16.2.qcow2\n`,
    }
  },
}

function flatcarDigests(image: string, version: string, withImage = true): string {
  const names = [`${image}.bz2`, ...(withImage ? [image] : [])]
  const section = (title: string, hash: (s: string) => string): string[] => [
    `# ${title} HASH`,
    ...names.map((n) => `${hash(`${version}/${n}`)}  ${n}`),
  ]
  return `${[...section('MD5', md5), ...section('SHA1', sha1), ...section('SHA512', sha512)].join('\n')}\n`
}

const flatcar: Layout = {
  name: 'Flatcar (version.txt + .DIGESTS, SHA512 section)',
  setup(server) {
    const image = 'flatcar_production_openstack_image.img'
    server.file(
      '/amd64-usr/current/version.txt',
      'FLATCAR_BUILD=4230\nFLATCAR_BRANCH=2\nFLATCAR_PATCH=4\nFLATCAR_VERSION=4230.2.4\nFLATCAR_VERSION_ID=4230.2.4\nFLATCAR_BUILD_ID="2025-10-13-1626"\nFLATCAR_SDK_VERSION=4230.1.0\n',
    )
    const digests = flatcarDigests(image, '4230.2.4')
    server.file(`/amd64-usr/4230.2.4/${image}.DIGESTS`, digests)
    return {
      tracked: tracked(
        'Flatcar Container Linux',
        `${server.url}/amd64-usr/current/${image}`,
        `${server.url}/amd64-usr/current/version.txt`,
      ),
      expected: {
        version: '4230.2.4',
        buildDate: '2025-10-13',
        url: `${server.url}/amd64-usr/4230.2.4/${image}`,
        checksum: { algorithm: 'sha512', hex: sha512(`4230.2.4/${image}`) },
      },
      source: 'release-digests',
      firstPath: '/amd64-usr/current/version.txt',
      manifestPath: `/amd64-usr/4230.2.4/${image}.DIGESTS`,
      manifestWithout: flatcarDigests(image, '4230.2.4', false),
    }
  },
}

const generic: Layout = {
  name: 'generic (checksums file + file-name pattern)',
  setup(server) {
    const dir = '/images/cirros'
    const names = ['0.5.2', '0.6.2', '0.6.3', '0.6.10'].flatMap((v) => [
      `cirros-${v}-x86_64-disk.img`,
      `cirros-${v}-aarch64-disk.img`,
      `cirros-${v}-x86_64-rootfs.img.gz`,
    ])
    const line = (n: string): string => `${sha256(n)}  ${n}`
    server.file(`${dir}/SHA256SUMS`, `${names.map(line).join('\n')}\n`)
    const newest = 'cirros-0.6.10-x86_64-disk.img'
    server.file(`${dir}/${newest}`, 'img', new Date('2026-01-02T00:00:00Z'))
    return {
      tracked: tracked(
        'Cirros',
        `${server.url}${dir}/cirros-*-x86_64-disk.img`,
        `${server.url}${dir}/SHA256SUMS`,
      ),
      expected: {
        version: '20260102',
        buildDate: '2026-01-02',
        url: `${server.url}${dir}/${newest}`,
        checksum: { algorithm: 'sha256', hex: sha256(newest) },
      },
      source: 'file-pattern',
      firstPath: `${dir}/SHA256SUMS`,
      manifestPath: `${dir}/SHA256SUMS`,
      manifestWithout: names
        .filter((n) => !n.endsWith('x86_64-disk.img'))
        .map(line)
        .join('\n'),
    }
  },
}

export const LAYOUTS: Layout[] = [
  ubuntu(
    'Ubuntu daily (noble/current)',
    '/noble',
    ['20260612/', '20260701/', '20260705/'],
    'current',
    'noble-server-cloudimg',
    '20260705',
  ),
  ubuntu(
    'Ubuntu releases (releases/noble/release)',
    '/releases/noble',
    ['release-20260105/', 'release-20260320/', 'release-20250915/'],
    'release',
    'ubuntu-24.04-server-cloudimg',
    'release-20260320',
  ),
  ubuntu(
    'Ubuntu minimal (minimal/releases/jammy/release)',
    '/minimal/releases/jammy',
    ['release-20260121/', 'release-20260301.1/'],
    'release',
    'ubuntu-22.04-minimal-cloudimg',
    'release-20260301.1',
  ),
  debian('Debian (bookworm/latest)', '/images/cloud/bookworm', '12', ''),
  debian('Debian daily (trixie/daily/latest)', '/images/cloud/trixie/daily', '13', '-daily'),
  almalinux,
  rocky,
  centosStream,
  centos7,
  fedora,
  opensuse,
  flatcar,
  generic,
]

/** A catalog file with one tracked multi definition (latest_url + latest_checksum_url) at `t`'s current build. */
export function trackedCatalog(t: Tracked): string {
  return `---
images:
  - name: ${t.image}
    format: qcow2
    login: ubuntu
    min_disk: 4
    min_ram: 512
    status: active
    visibility: public
    multi: true
    meta:
      architecture: x86_64
      hypervisor_type: qemu
      hw_disk_bus: scsi
      hw_rng_model: virtio
      hw_scsi_model: virtio-scsi
      hw_watchdog_action: reset
      os_distro: ubuntu
      os_version: '24.04'
      os_purpose: generic
      replace_frequency: weekly
      uuid_validity: last-3
      provided_until: none
    tags: []
    latest_url: ${t.latestUrl}
    latest_checksum_url: ${t.latestChecksumUrl}
    versions:
      - version: '${t.current.version}'
        url: ${t.current.url}
        checksum: '${t.current.checksum}'
        build_date: 2020-01-01
`
}
