import { readFileSync } from 'node:fs'
import { Ajv2020 } from 'ajv/dist/2020.js'
import addFormatsModule from 'ajv-formats'
import { describe, expect, it } from 'vitest'
import { plan } from '../../../src/plan/plan.js'
import { renderMarkdown } from '../../../src/plan/render-markdown.js'
import { renderTerminal } from '../../../src/plan/render-terminal.js'
import type { CloudImage } from '../../../src/plan/observed.js'
import { definition, version } from '../../support/definitions.js'
import { adopted, options } from './fixtures.js'

const schema = JSON.parse(
  readFileSync(new URL('../../../schemas/plan.schema.json', import.meta.url), 'utf8'),
)
const addFormats = ((addFormatsModule as unknown as { default?: unknown }).default ??
  addFormatsModule) as (a: Ajv2020) => void

/** A plan with every kind of step, note, orphan and finding. */
function richPlan() {
  const four = ['20240101', '20240408', '20240416', '20240422']
  const def = definition({ versions: four.map((v) => version(v)) })
  const images = adopted(def)
  images[3] = {
    ...(images[3] as CloudImage),
    min_ram: 128,
    properties: { ...images[3]?.properties, extra: 'x' },
  }
  const newer = { ...def, versions: [...def.versions, version('20240430')] }
  const off = definition({
    name: 'Debian 12',
    status: 'deactivated',
    multi: false,
    versions: [version('20240101')],
  })
  const orphan = adopted(definition({ name: 'CentOS 7', versions: [version('20200101')] }))
  const p = plan(
    [newer, off],
    [...images, ...adopted({ ...off, status: 'active' }), ...orphan],
    options({ hide: true, maxAgeDays: 30 }),
  )
  p.requests = { 'GET /v2/images': 2 }
  return p
}

describe('plan renderings', () => {
  it('the JSON form matches schemas/plan.schema.json', () => {
    const ajv = new Ajv2020({ strict: true, allErrors: true })
    addFormats(ajv)
    const validate = ajv.compile(schema)
    const data = JSON.parse(JSON.stringify(richPlan()))
    expect(validate(data), JSON.stringify(validate.errors)).toBe(true)
    expect(
      [...data.definitions[0].steps, ...data.definitions[0].retention].map(
        (s: { action: string }) => s.action,
      ),
    ).toEqual(['import', 'rename', 'rename', 'update', 'hide', 'hide'])
  })

  it('Markdown: summary first, then each definition with old -> new', () => {
    const md = renderMarkdown(richPlan())
    expect(md.split('\n')[0]).toBe(
      '### Image plan: 1 to import, 2 to rename, 1 to update, 1 to deactivate, 2 to hide',
    )
    expect(md).toContain('- **rename** <code>Ubuntu 24.04 → Ubuntu 24.04 (20240422)</code>')
    expect(md).toContain('  - <code>min&#95;ram&#58; 128 → 512</code>')
    expect(md).toContain('  - <code>extra&#58; "x" → (removed)</code>')
    expect(md).toContain('<code>CentOS 7</code>')
    expect(md).toMatch(/2 API request\(s\)/)
  })

  it('terminal: terraform-like signs and a closing summary line', () => {
    const text = renderTerminal(richPlan())
    expect(text).toContain(
      '  + import     Ubuntu 24.04 (20240430) from https://cloud-images.example.test/20240430/image.img',
    )
    expect(text).toContain('  ~ deactivate Debian 12 20240101')
    expect(text.split('\n').at(-1)).toBe(
      'Plan: 1 to import, 2 to rename, 1 to update, 1 to deactivate, 2 to hide. 0 unchanged, 0 skipped. 2 API request(s).',
    )
  })
})
