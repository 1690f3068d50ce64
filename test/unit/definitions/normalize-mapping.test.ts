// The YAML-to-definition mapping, from file text through the real parser and
// schema check: defaults, numbers written for version strings, optional keys.
import { describe, expect, it } from 'vitest'
import { parseDefinitionFile } from '../../../src/definitions/load.js'
import { normalize } from '../../../src/definitions/normalize.js'
import { checkSchema } from '../../../src/definitions/schema-check.js'
import type { Definition } from '../../../src/definitions/types.js'

/** The definitions of a schema-valid file text (a schema problem fails the test). */
function definitionsOf(text: string): Definition[] {
  const file = parseDefinitionFile('etc/images/test.yml', text, '/srv/etc/images/test.yml')
  if (!('data' in file)) throw new Error(`not parsed: ${file.message}`)
  expect(checkSchema(file)).toEqual([])
  return normalize(file)
}

/** One definition with the required keys; `head` and `tail` add keys before `versions`/after. */
const image = (head = '', versions = '    versions: []\n'): string =>
  `images:
  - name: Ubuntu 22.10
    format: qcow2
    login: ubuntu
    min_disk: 3
    min_ram: 512
    status: deactivated
    visibility: community
    multi: true
    meta:
      architecture: x86_64
      hw_disk_bus: scsi
    tags: [kinetic, ubuntu]
${head}${versions}`

const SHA256 = `sha256:${'ab'.repeat(32)}`

describe('normalize: the defaults of keys a definition leaves out', () => {
  it('enable true, keep false, separator one space, no optional keys (not even undefined ones)', () => {
    const [def] = definitionsOf(image())
    expect(def).toStrictEqual({
      name: 'Ubuntu 22.10',
      enable: true,
      format: 'qcow2',
      login: 'ubuntu',
      min_disk: 3,
      min_ram: 512,
      status: 'deactivated',
      visibility: 'community',
      multi: true,
      separator: ' ',
      keep: false,
      meta: { architecture: 'x86_64', hw_disk_bus: 'scsi' },
      tags: ['kinetic', 'ubuntu'],
      versions: [],
      position: { file: 'etc/images/test.yml', line: 2, column: 5 },
    })
  })

  it('a file without tags in a definition gets none: an empty list', () => {
    // tags is required by the schema, so normalize is fed the data directly here.
    const file = parseDefinitionFile('t.yml', 'images:\n  - name: x\n', '/t.yml')
    if (!('data' in file)) throw new Error('not parsed')
    const [def] = normalize(file)
    expect(def?.tags).toEqual([])
    expect(def?.versions).toEqual([])
    expect(def?.meta).toEqual({})
  })

  it('data without an images list gives no definitions', () => {
    const file = parseDefinitionFile('t.yml', 'other: 1\n', '/t.yml')
    if (!('data' in file)) throw new Error('not parsed')
    expect(normalize(file)).toEqual([])
  })
})

describe('normalize: keys a definition sets', () => {
  it('enable false, keep true, separator, verify, password, shortname, latest urls', () => {
    const [def] = definitionsOf(
      image(
        `    enable: false
    keep: true
    separator: '-'
    verify: stream
    password: secret-of-the-image
    shortname: ubuntu-22.10
    latest_url: https://cloud-images.example.test/kinetic/current/img.qcow2
    latest_checksum_url: https://cloud-images.example.test/kinetic/current/SHA256SUMS
`,
      ),
    )
    expect(def).toMatchObject({
      enable: false,
      keep: true,
      separator: '-',
      verify: 'stream',
      password: 'secret-of-the-image',
      shortname: 'ubuntu-22.10',
      latest_url: 'https://cloud-images.example.test/kinetic/current/img.qcow2',
      latest_checksum_url: 'https://cloud-images.example.test/kinetic/current/SHA256SUMS',
    })
  })

  it('keep: false and enable: true written out read as written', () => {
    const [def] = definitionsOf(image('    enable: true\n    keep: false\n'))
    expect(def?.enable).toBe(true)
    expect(def?.keep).toBe(false)
  })

  it('checksum_signature: fingerprints lose their spaces and become upper case', () => {
    const [def] = definitionsOf(
      image(
        `    checksum_signature:
      signature: .gpg
      keys: [keys/ubuntu.asc]
      fingerprints: ['8439 38df 228d 22f7 b374  2bc0 d94a a3f0 efe2 1092']
`,
      ),
    )
    expect(def?.checksum_signature).toEqual({
      signature: '.gpg',
      keys: ['keys/ubuntu.asc'],
      fingerprints: ['843938DF228D22F7B3742BC0D94AA3F0EFE21092'],
    })
  })

  it('rotated: its meta (os_version as written) and hidden; rotated: {} is an empty opt-out', () => {
    const [withHidden] = definitionsOf(
      image(
        '    rotated:\n      hidden: false\n      meta: {os_purpose: oldgeneric, os_version: 22.10}\n',
      ),
    )
    expect(withHidden?.rotated).toEqual({
      meta: { os_purpose: 'oldgeneric', os_version: '22.10' },
      hidden: false,
    })
    const [empty] = definitionsOf(image('    rotated: {}\n'))
    expect(empty?.rotated).toEqual({ meta: {} })
    expect(empty?.rotated && 'hidden' in empty.rotated).toBe(false)
  })
})

describe('normalize: os_version and version written as numbers keep their source text', () => {
  it.each([
    ['22.10', '22.10'],
    ['24.04', '24.04'],
    ['12', '12'],
    ["'22.10'", '22.10'],
  ])('meta os_version: %s reads %s', (written, read) => {
    const [def] = definitionsOf(
      image().replace('hw_disk_bus: scsi', `hw_disk_bus: scsi\n      os_version: ${written}`),
    )
    expect(def?.meta.os_version).toBe(read)
  })

  it('a quoted version with an escape is the string it means, not its source text', () => {
    const [def] = definitionsOf(
      image(
        '',
        `    versions:
      - version: "2.0\\x41"
        url: https://cloud-images.example.test/2/img.qcow2
        os_version: "22.10\\x41"
`,
      ),
    )
    expect(def?.versions[0]?.version).toBe('2.0A')
    expect(def?.versions[0]?.os_version).toBe('22.10A')
  })

  it('other numeric meta values stay numbers (only os_version is a version string)', () => {
    const [def] = definitionsOf(
      image().replace('hw_disk_bus: scsi', 'hw_disk_bus: scsi\n      custom_size: 22.10'),
    )
    expect(def?.meta.custom_size).toBe(22.1)
  })

  it('a version entry: version and os_version as written, meta os_version too', () => {
    const [def] = definitionsOf(
      image(
        '',
        `    versions:
      - version: 20221020
        url: https://cloud-images.example.test/kinetic/20221020/img.qcow2
        os_version: 22.10
        meta:
          os_version: 22.10
          min_size: 1.50
`,
      ),
    )
    const v = def?.versions[0]
    expect(v?.version).toBe('20221020')
    expect(v?.os_version).toBe('22.10')
    expect(v?.meta).toEqual({ os_version: '22.10', min_size: 1.5 })
  })
})

describe('normalize: the keys of a version entry', () => {
  const versions = `    versions:
      - version: '1.0'
        url: https://cloud-images.example.test/1.0/img.qcow2
      - version: '2.0'
        url: https://cloud-images.example.test/2.0/img.qcow2
        mirror_url: https://mirror.example.test/2.0/img.qcow2
        checksum: ${SHA256}
        checksum_url: https://cloud-images.example.test/2.0/img.qcow2.sha256
        checksums_url: https://cloud-images.example.test/2.0/SHA256SUMS
        visibility: private
        id: 0b6ed8b6-4b8d-4e5c-9d0e-2f6c1a7f3e21
        image_description: The second build
        source: private
        build_date: 2022-10-20 11:22:33
        hidden: false
        os_version: '22.10'
      - version: '3.0'
        url: https://cloud-images.example.test/3.0/img.qcow2
        hidden: true
        build_date: 2022-10-21
`

  it('a bare entry has only version, url, its position and the url key', () => {
    const [def] = definitionsOf(image('', versions))
    expect(def?.versions[0]).toStrictEqual({
      version: '1.0',
      url: 'https://cloud-images.example.test/1.0/img.qcow2',
      position: { file: 'etc/images/test.yml', line: 15, column: 9 },
      keys: { url: { file: 'etc/images/test.yml', line: 16, column: 9 } },
    })
  })

  it('every optional key is taken as written; a timestamp is reduced to its date', () => {
    const [def] = definitionsOf(image('', versions))
    expect(def?.versions[1]).toEqual({
      version: '2.0',
      url: 'https://cloud-images.example.test/2.0/img.qcow2',
      mirror_url: 'https://mirror.example.test/2.0/img.qcow2',
      checksum: SHA256,
      checksum_url: 'https://cloud-images.example.test/2.0/img.qcow2.sha256',
      checksums_url: 'https://cloud-images.example.test/2.0/SHA256SUMS',
      visibility: 'private',
      id: '0b6ed8b6-4b8d-4e5c-9d0e-2f6c1a7f3e21',
      image_description: 'The second build',
      source: 'private',
      build_date: '2022-10-20',
      hidden: false,
      os_version: '22.10',
      position: { file: 'etc/images/test.yml', line: 17, column: 9 },
      keys: {
        url: { file: 'etc/images/test.yml', line: 18, column: 9 },
        mirror_url: { file: 'etc/images/test.yml', line: 19, column: 9 },
      },
    })
    expect(def?.versions[2]).toMatchObject({ hidden: true, build_date: '2022-10-21' })
  })

  it('the url keys are located at the key, the entry at its first value', () => {
    // Indented differently from the value: the key column tells key from value.
    const [def] = definitionsOf(
      image(
        '',
        `    versions:
      -   version: '1.0'
          url:   https://cloud-images.example.test/1.0/img.qcow2
          mirror_url:   https://mirror.example.test/1.0/img.qcow2
`,
      ),
    )
    expect(def?.versions[0]?.position).toMatchObject({ line: 15, column: 11 })
    expect(def?.versions[0]?.keys).toEqual({
      url: { file: 'etc/images/test.yml', line: 16, column: 11 },
      mirror_url: { file: 'etc/images/test.yml', line: 17, column: 11 },
    })
  })

  it('each definition of a file keeps its own position and versions', () => {
    const text = image('', versions) + image().replace('images:\n', '').replace('22.10', '23.04')
    const defs = definitionsOf(text)
    expect(defs.map((d) => [d.name, d.position.line, d.versions.length])).toEqual([
      ['Ubuntu 22.10', 2, 3],
      ['Ubuntu 23.04', 34, 0],
    ])
  })
})
