import { describe, expect, it } from 'vitest'
import { checksumOf, parseManifest } from '../../../src/upstream/checksums.js'
import { listingEntries, newestBuildFolder } from '../../../src/upstream/listing.js'
import { md5, sha256, sha512 } from './layouts.js'

describe('parseManifest', () => {
  it('reads GNU, binary-mode, BSD and bare lines through CRLF, blanks, comments and PGP armour', () => {
    const text = [
      '-----BEGIN PGP SIGNED MESSAGE-----',
      'Hash: SHA256',
      '',
      `# a.img: 12 bytes   `,
      `SHA256 (a.img) = ${sha256('a')}\r`,
      `${sha256('b').toUpperCase()} *b.img  \r`,
      '',
      `${sha512('c')}  ./c.img`,
      `- ${sha256('d')}  d.img`,
      '-----BEGIN PGP SIGNATURE-----',
      `${sha256('e')}  e.img`,
      '-----END PGP SIGNATURE-----',
    ].join('\n')
    expect(parseManifest(text)).toEqual([
      { name: 'a.img', checksum: { algorithm: 'sha256', hex: sha256('a') } },
      { name: 'b.img', checksum: { algorithm: 'sha256', hex: sha256('b') } },
      { name: 'c.img', checksum: { algorithm: 'sha512', hex: sha512('c') } },
      { name: 'd.img', checksum: { algorithm: 'sha256', hex: sha256('d') } },
    ])
  })

  it('skips a tag whose digest has the wrong length, unknown tags and sections', () => {
    const text = `SHA512 (a.img) = ${sha256('a')}\nBLAKE2b (a.img) = ${sha512('a')}\n# BLAKE2B HASH\n${sha512('x')}  a.img\n# MD5 HASH\n${md5('a')}  a.img\n`
    expect(parseManifest(text)).toEqual([
      { name: 'a.img', checksum: { algorithm: 'md5', hex: md5('a') } },
    ])
  })

  it('the strongest algorithm of a name wins, whatever the order', () => {
    const entries = parseManifest(
      `# SHA512 HASH\n${sha512('a')}  a.img\n# MD5 HASH\n${md5('a')}  a.img\n`,
    )
    expect(checksumOf(entries, 'a.img')).toEqual({ algorithm: 'sha512', hex: sha512('a') })
  })

  it('HTML is no manifest', () => {
    expect(parseManifest('<html><body>0123456789abcdef0123456789abcdef</body></html>')).toEqual([])
  })
})

describe('listingEntries', () => {
  it('children only: relative and absolute hrefs, no sort links, parent or other sites', () => {
    const html = `<a href="?C=N;O=D">Name</a><a href="../">Parent</a><a href="/">root</a>
      <a href="20240703-1797/">20240703-1797/</a><a href="20240703-1797/">again</a>
      <a href='/cloud/bookworm/20260717-2542/'>x</a><a href=current/>current/</a>
      <a href="https://elsewhere.example/cloud/bookworm/20990101/">far</a>
      <a href="20260101/SHA512SUMS">deep</a><a HREF="SHA512SUMS">file</a><a href="a%20b/">sp</a>`
    expect(listingEntries(html, 'https://m.example/cloud/bookworm')).toEqual([
      '20240703-1797/',
      '20260717-2542/',
      'current/',
      'SHA512SUMS',
      'a b/',
    ])
  })

  it('the newest build folder: date, then serial; aliases and impossible dates ignored', () => {
    expect(
      newestBuildFolder([
        'current/',
        '20260230/',
        '20260705/',
        '20260705.1/',
        'release-20260704/',
        '20260706',
        'latest/',
      ]),
    ).toEqual({ name: '20260705.1', date: '20260705', serial: 1 })
    expect(newestBuildFolder(['current/', 'daily/', 'latest/'])).toBeNull()
  })
})
