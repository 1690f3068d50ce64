// Which imports stream through the tool, checked, and how the plan says so (docs/behaviour.md §4).
import { describe, expect, it } from 'vitest'
import { plan } from '../../../src/plan/plan.js'
import { renderMarkdown } from '../../../src/plan/render-markdown.js'
import { renderTerminal } from '../../../src/plan/render-terminal.js'
import type { ImportStep } from '../../../src/plan/types.js'
import type { VerifyMode } from '../../../src/definitions/types.js'
import { definition, version } from '../../support/definitions.js'
import { options } from './fixtures.js'

const SUM = `sha512:${'c'.repeat(128)}`

function importOf(
  v: Parameters<typeof version>[1],
  def: { verify?: VerifyMode; visibility?: 'public' | 'private' } = {},
  cli?: VerifyMode,
) {
  const d = definition({ multi: false, versions: [version('20240416', v)], ...def })
  const p = plan([d], [], options(cli ? { verify: cli } : {}))
  return { step: p.definitions[0]?.steps[0] as ImportStep, plan: p }
}

describe('plan: verified imports', () => {
  it.each([
    // [version, definition verify, --verify, stream, verification]
    [{ checksum: SUM }, undefined, undefined, true, 'verified (sha512)'],
    [{}, undefined, undefined, false, 'unverified (no checksum)'],
    [{ url: 'https://x.test/a.qcow2.gz' }, undefined, undefined, true, 'unverified (no checksum)'],
    [{ url: 'file:a.qcow2' }, 'none', undefined, true, 'unverified (no checksum)'],
    [{ checksum: SUM }, 'none', undefined, false, 'unverified (verify: none)'],
    [{ checksum: SUM }, undefined, 'none', false, 'unverified (verify: none)'],
    // The definition's key wins over the option.
    [{ checksum: SUM }, 'auto', 'none', true, 'verified (sha512)'],
    [{}, undefined, 'stream', true, 'unverified (no checksum)'],
    [{ url: 'https://x.test/a.img.xz' }, 'none', undefined, false, 'unverified (no checksum)'],
  ] as const)('%j, verify %s, --verify %s: stream %s, %s', (v, mode, cli, stream, verification) => {
    const { step } = importOf(v, mode ? { verify: mode } : {}, cli)
    expect(step).toMatchObject({ action: 'import', stream, verification })
  })

  it.each([
    // [version, definition verify, --verify, peek]: web-download is sniffed first unless verify none
    [{}, undefined, undefined, true],
    [{}, 'auto', 'none', true],
    [{}, 'none', undefined, undefined],
    [{ checksum: SUM }, undefined, 'none', undefined],
    [{ checksum: SUM }, undefined, undefined, undefined],
    [{ url: 'file:a.qcow2' }, undefined, undefined, undefined],
    [{}, undefined, 'stream', undefined],
  ] as const)('%j, verify %s, --verify %s: peek %s', (v, mode, cli, peek) => {
    const { step } = importOf(v, mode ? { verify: mode } : {}, cli)
    expect(step.peek).toBe(peek)
  })

  it('a latest version streams with the upstream checksum, its algorithm told by its length', () => {
    const d = definition({
      versions: [
        version('latest', {
          url: 'https://upstream.example.test/latest.qcow2',
          checksums_url: 'https://upstream.example.test/SHA256SUMS',
        }),
      ],
    })
    const latestInfo = new Map([
      [d.name, { internalVersion: '20240601', upstreamChecksum: 'AB'.repeat(32) }],
    ])
    const step = plan([d], [], options({ latestInfo })).definitions[0]?.steps[0] as ImportStep
    expect(step).toMatchObject({
      checksum: `sha256:${'ab'.repeat(32)}`,
      stream: true,
      verification: 'verified (sha256)',
    })
  })

  it('each rendering marks the import; a public unverified import is a finding, a private one not', () => {
    const verified = importOf({ checksum: SUM }).plan
    expect(renderTerminal(verified)).toContain(
      '+ import     Ubuntu 24.04 20240416 from https://cloud-images.example.test/20240416/image.img, verified (sha512)',
    )
    expect(verified.findings).toEqual([])
    const open = importOf({}).plan
    expect(renderMarkdown(open)).toContain(
      '<code>Ubuntu 24.04 20240416 from https&#58;//cloud-images.example.test/20240416/image.img, unverified (no checksum)</code>',
    )
    expect(open.findings).toEqual([
      {
        image: { name: 'Ubuntu 24.04 20240416' },
        message: 'imported public, unverified (no checksum)',
      },
    ])
    expect(renderTerminal(open)).toContain(
      '! Ubuntu 24.04 20240416: imported public, unverified (no checksum)',
    )
    expect(importOf({}, { visibility: 'private' }).plan.findings).toEqual([])
  })
})
