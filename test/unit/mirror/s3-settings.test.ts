import { describe, expect, it } from 'vitest'
import { describeS3Error } from '../../../src/mirror/s3.js'
import { s3Settings } from '../../../src/mirror/s3-settings.js'
import { UserError } from '../../../src/problems.js'

const env = { AWS_ACCESS_KEY_ID: 'id', AWS_SECRET_ACCESS_KEY: 'very-secret' }

describe('s3Settings', () => {
  it('takes credentials from the environment, flags first', () => {
    expect(s3Settings({ bucket: 'b' }, env)).toEqual({
      region: 'us-east-1',
      bucket: 'b',
      prefix: '',
      pathStyle: false,
      accessKeyId: 'id',
      secretAccessKey: 'very-secret',
    })
    const s = s3Settings(
      { bucket: 'b', accessKeyId: 'f', secretAccessKey: 'g', endpoint: 'http://127.0.0.1:1' },
      { ...env, AWS_REGION: 'eu-1' },
    )
    expect([s.accessKeyId, s.secretAccessKey, s.region, s.endpoint]).toEqual([
      'f',
      'g',
      'eu-1',
      'http://127.0.0.1:1',
    ])
  })
  it('is a usage error without bucket or credentials or with a bad endpoint', () => {
    expect(() => s3Settings({}, env)).toThrow(UserError)
    expect(() => s3Settings({ bucket: 'b' }, {})).toThrow(/AWS_ACCESS_KEY_ID/)
    expect(() => s3Settings({ bucket: 'b', endpoint: 'ftp://x' }, env)).toThrow(/--endpoint/)
  })
})

describe('describeS3Error', () => {
  it('names status and code with a hint, never a credential', () => {
    const error = Object.assign(new Error('Access Denied.'), {
      name: 'AccessDenied',
      $metadata: { httpStatusCode: 403 },
    })
    const text = describeS3Error('HEAD s3://b/k', error)
    expect(text).toBe(
      'HEAD s3://b/k failed (HTTP 403 AccessDenied Access Denied.): check the mirror credentials and that they may write to the bucket',
    )
    expect(text).not.toContain('very-secret')
  })
})
