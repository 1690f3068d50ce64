import { PassThrough } from 'node:stream'
import { describe, expect, it } from 'vitest'
import { main } from '../../../src/cli/main.js'

async function cli(env: Record<string, string>, ...argv: string[]) {
  const out = new PassThrough()
  const err = new PassThrough()
  let text = ''
  out.on('data', (c) => (text += c))
  err.on('data', (c) => (text += c))
  const saved = { ...process.env }
  for (const k of ['AWS_ACCESS_KEY_ID', 'AWS_SECRET_ACCESS_KEY', 'MIRROR_BUCKET'])
    delete process.env[k]
  Object.assign(process.env, env)
  try {
    return { code: await main(argv, { out, err }), text }
  } finally {
    process.env = saved
  }
}

describe('image-manager mirror: usage errors', () => {
  it('exit 2 naming what is missing, without a stack trace or the secret', async () => {
    const noBucket = await cli({}, 'mirror', '--images', 'nowhere/')
    expect(noBucket.code).toBe(2)
    expect(noBucket.text).toMatch(/the mirror needs a bucket: --bucket NAME/)
    expect(noBucket.text).not.toMatch(/\n\s+at /)

    const noKeys = await cli({}, 'mirror', '--bucket', 'b', '--secret-access-key', 'hush-hush')
    expect(noKeys.code).toBe(2)
    expect(noKeys.text).toMatch(/AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY/)
    expect(noKeys.text).not.toContain('hush-hush')

    const badEndpoint = await cli(
      { AWS_ACCESS_KEY_ID: 'a', AWS_SECRET_ACCESS_KEY: 'hush-hush' },
      'mirror',
      '--bucket',
      'b',
      '--endpoint',
      'ftp://x',
    )
    expect(badEndpoint.code).toBe(2)
    expect(badEndpoint.text).toMatch(/--endpoint must be an http\(s\) url/)
  })
})
