// check's renderings, the catalog's images it adds, and its usage errors.
import { describe, expect, it } from 'vitest'
import {
  catalogImages,
  renderCheckJson,
  renderCheckMarkdown,
  renderCheckText,
} from '../../../src/commands/check.js'
import { checkImages, type ScsImage } from '../../../src/scs/rules.js'
import { checkStandardImages } from '../../../src/scs/standard-images.js'
import { checkCommandOptions } from '../../../src/options/convert.js'

const UBUNTU = 'https://cloud-images.ubuntu.com/releases/noble/release-20240423/noble.img'
import { definition, version } from '../../support/definitions.js'
import { cli } from '../../support/cli.js'

const NOW = Date.parse('2024-05-01T00:00:00Z') / 1000

function image(name: string, props: Record<string, string> = {}): ScsImage {
  return {
    id: `id-${name}`,
    name,
    visibility: 'public',
    min_disk: 8,
    min_ram: 512,
    created_at: '2024-04-25T00:00:00Z',
    os_hash_algo: 'sha512',
    properties: {
      architecture: 'x86_64',
      os_distro: 'ubuntu',
      os_version: '24.04',
      os_purpose: 'generic',
      image_build_date: '2024-04-22',
      image_original_user: 'ubuntu',
      image_source: 'https://a.test/x.img',
      image_description: 'x',
      replace_frequency: 'monthly',
      provided_until: 'none',
      uuid_validity: 'last-3',
      ...props,
    },
  }
}

describe('check: renderings', () => {
  it('one line per rule, the failing ones with their images, then the count', () => {
    const results = checkImages(
      [image('A'), image('B\u202e'), image('C', { os_version: '22.04' })],
      NOW,
    )
    const lines = renderCheckText(results, 3).split('\n')
    expect(lines).toHaveLength(18)
    expect(lines[0]).toBe(
      '✓ scs-0102-prop-architecture: architecture is one of x86_64, aarch64, risc-v',
    )
    expect(lines[16]).toBe(
      "✗ scs-0102-os_purpose-uniqueness: 'A' ('A', 'B\\u202e' are all generic for x86_64 ubuntu 24.04); 'B\\u202e' ('A', 'B\\u202e' are all generic for x86_64 ubuntu 24.04)",
    )
    expect(lines[17]).toBe(
      'SCS images (scs-0102 v2, scs-0104 v1): 1 of 17 rules fail on 3 image(s).',
    )
  })

  it('JSON: the same results, every rule with passed, no raw bidi character', () => {
    const results = checkImages([image('A'), image('B\u202e')], NOW)
    const json = renderCheckJson(results, 2)
    expect(json).not.toMatch(/\u202e/)
    const parsed = JSON.parse(json) as { passed: boolean; rules: { id: string; passed: boolean }[] }
    expect(parsed.passed).toBe(false)
    expect(parsed.rules.filter((r) => !r.passed).map((r) => r.id)).toEqual([
      'scs-0102-os_purpose-uniqueness',
    ])
    expect(JSON.stringify(parsed)).toContain('B\u202e')
  })
})

describe('check: mandatory and recommended', () => {
  const results = [
    ...checkImages([image('Ubuntu 24.04')], NOW),
    ...checkStandardImages([image('Ubuntu 24.04', { image_source: UBUNTU })]),
  ]

  it('a failing recommended rule is marked ! and does not fail the check', () => {
    const lines = renderCheckText(results, 1).split('\n')
    expect(lines).toContain(
      "! scs-0104-image-debian-12 (recommended): 'Debian 12' [catalog] (missing: no public or community image that is not hidden is 'Debian 12'; fix: add a definition named 'Debian 12' (visibility public, not hidden) whose versions' url starts with https://cloud.debian.org/images/cloud/bookworm/ or https://cdimage.debian.org/cdimage/cloud/bookworm/)",
    )
    expect(lines.at(-1)).toBe(
      'SCS images (scs-0102 v2, scs-0104 v1): every mandatory rule of 28 passes on 1 image(s); 2 recommended rule(s) not met.',
    )
    const json = JSON.parse(renderCheckJson(results, 1)) as {
      passed: boolean
      rules: { id: string; level: string }[]
    }
    expect(json.passed).toBe(true)
    expect(json.rules.find((r) => r.id === 'scs-0104-image-capi-2')?.level).toBe('recommended')
  })

  it('markdown: a table row per rule, the recommended ones marked', () => {
    const md = renderCheckMarkdown(results, 1)
    expect(md.split('\n')[0]).toBe(
      '### SCS images (scs-0102 v2, scs-0104 v1): every mandatory rule passes on 1 image(s)',
    )
    expect(md).toContain('| ! | <code>scs-0104-image-capi-2</code> (recommended) |')
  })
})

describe('check --images: the catalog images the cloud lacks', () => {
  const def = definition({ meta: { ...definition().meta, os_purpose: 'generic' } })

  it('only names the cloud lacks, only public and community ones', () => {
    const secret = definition({ name: 'Private', visibility: 'private' })
    const planned = catalogImages([def, secret], new Set(['Ubuntu 24.04']), undefined)
    expect(planned.map((i) => i.name)).toEqual(['Ubuntu 24.04 (20240416)'])
    expect(planned[0]).not.toHaveProperty('id')
  })

  it('as they would be created: without the recipe both generic, with it the older one rotated', () => {
    const plain = catalogImages([def], new Set(), undefined)
    expect(
      checkImages(plain, NOW).find((r) => r.id === 'scs-0102-os_purpose-uniqueness')?.offenders,
    ).toHaveLength(2)
    const rotated = catalogImages([def], new Set(), {
      meta: { os_purpose: 'oldgeneric' },
      hidden: true,
    })
    expect(rotated.map((i) => `${i.name} ${i.properties.os_purpose} ${i.os_hidden}`)).toEqual([
      'Ubuntu 24.04 (20240416) oldgeneric true',
      'Ubuntu 24.04 generic false',
    ])
  })

  it('disabled definitions are left out', () => {
    expect(
      catalogImages(
        [{ ...def, enable: false, versions: [version('20240416')] }],
        new Set(),
        undefined,
      ),
    ).toEqual([])
  })
})

describe('check: usage', () => {
  it('--output other than text, json or markdown is a usage error (exit 2)', async () => {
    const r = await cli('check', '--output', 'xml')
    expect(r.code).toBe(2)
    expect(r.stderr).toContain("--output must be text or json or markdown, not 'xml'")
  })

  it('--output markdown and --scs-0104-v2 reach the command', () => {
    expect(checkCommandOptions({ output: 'markdown', 'scs-0104-v2': true })).toMatchObject({
      output: 'markdown',
      scs0104v2: true,
    })
    expect(checkCommandOptions({ output: 'text' })).not.toHaveProperty('scs0104v2')
  })

  it('a bad --rotated-meta is a usage error before any request', async () => {
    const r = await cli('check', '--rotated-meta', 'os_purpose')
    expect(r.code).toBe(2)
    expect(r.stderr).toContain('must be KEY=VALUE')
  })
})
