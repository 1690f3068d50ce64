// The mirror inputs of `command: update`: off without mirror-url, bucket
// inputs over the MIRROR_* / AWS_* variables, a bad url or a missing bucket a
// user error, the secret masked before anything logs it.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { readInputs } from '../../../src/action/inputs.js'
import { updateCommandOptions } from '../../../src/options/bucket.js'
import { UserError } from '../../../src/problems.js'

/** What `command: update` makes of its mirror inputs. */
const mirrorInputs = () => updateCommandOptions(readInputs().values).mirror

const NAMES = [
  'MIRROR-URL',
  'MIRROR-BUCKET',
  'MIRROR-ENDPOINT',
  'MIRROR-REGION',
  'MIRROR-PREFIX',
  'MIRROR-PATH-STYLE',
  'MIRROR-ACCESS-KEY-ID',
  'MIRROR-SECRET-ACCESS-KEY',
]
const VARIABLES = ['MIRROR_BUCKET', 'MIRROR_ENDPOINT', 'AWS_ACCESS_KEY_ID', 'AWS_SECRET_ACCESS_KEY']

function inputs(values: Record<string, string>): void {
  for (const [name, value] of Object.entries(values)) vi.stubEnv(`INPUT_${name}`, value)
}

afterEach(() => vi.unstubAllEnvs())

describe('mirrorInputs', () => {
  beforeEach(() => {
    for (const name of [...NAMES.map((n) => `INPUT_${n}`), ...VARIABLES]) vi.stubEnv(name, '')
    vi.stubEnv('INPUT_COMMAND', 'update')
  })

  it('is off without mirror-url', () => {
    inputs({ 'MIRROR-BUCKET': 'images' })
    expect(mirrorInputs()).toBeUndefined()
  })

  it('reads the bucket inputs and masks the secret', () => {
    const write = vi.spyOn(process.stdout, 'write').mockImplementation(() => true)
    inputs({
      'MIRROR-URL': 'https://mirror.example.com/images',
      'MIRROR-BUCKET': 'images',
      'MIRROR-ENDPOINT': 'https://s3.example.com',
      'MIRROR-PREFIX': 'cloud/',
      'MIRROR-PATH-STYLE': 'true',
      'MIRROR-ACCESS-KEY-ID': 'AKIDEXAMPLE',
      'MIRROR-SECRET-ACCESS-KEY': 's3cr3t-value',
    })
    const mirror = mirrorInputs()
    const masked = write.mock.calls.map((c) => String(c[0])).join('')
    write.mockRestore()
    expect(masked).toContain('::add-mask::s3cr3t-value')
    expect(mirror).toEqual({
      publicUrl: 'https://mirror.example.com/images',
      s3: {
        endpoint: 'https://s3.example.com',
        region: 'us-east-1',
        bucket: 'images',
        prefix: 'cloud/',
        pathStyle: true,
        accessKeyId: 'AKIDEXAMPLE',
        secretAccessKey: 's3cr3t-value',
      },
    })
  })

  it('takes the bucket and credentials from the variables when the inputs are empty', () => {
    inputs({ 'MIRROR-URL': 'https://m.example.com' })
    vi.stubEnv('MIRROR_BUCKET', 'from-env')
    vi.stubEnv('AWS_ACCESS_KEY_ID', 'id')
    vi.stubEnv('AWS_SECRET_ACCESS_KEY', 'secret')
    expect(mirrorInputs()?.s3).toMatchObject({
      bucket: 'from-env',
      accessKeyId: 'id',
      pathStyle: false,
    })
  })

  it('a url that is not http(s) or a missing bucket is a user error naming it', () => {
    inputs({ 'MIRROR-URL': 's3://images', 'MIRROR-BUCKET': 'images' })
    expect(() => mirrorInputs()).toThrow(UserError)
    expect(() => mirrorInputs()).toThrow(/--mirror-url must be .* not 's3:\/\/images'/)
    inputs({ 'MIRROR-URL': 'https://m.example.com', 'MIRROR-BUCKET': '' })
    expect(() => mirrorInputs()).toThrow(/needs a bucket/)
  })
})
