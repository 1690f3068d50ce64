// The integration suites' helper must fail loudly (not skip) without a cloud.
import { afterEach, describe, expect, it } from 'vitest'
import { localCloudConfig, uniquePrefix } from '../../support/local-cloud.js'

const saved = process.env.LOCAL_CLOUD_CLOUDS_YAML
afterEach(() => {
  if (saved === undefined) delete process.env.LOCAL_CLOUD_CLOUDS_YAML
  else process.env.LOCAL_CLOUD_CLOUDS_YAML = saved
})

describe('test/support/local-cloud', () => {
  it('fails with how to start the cloud when its clouds.yaml is missing', async () => {
    process.env.LOCAL_CLOUD_CLOUDS_YAML = '/nonexistent/clouds.yaml'
    await expect(localCloudConfig('local-admin')).rejects.toThrow(
      'The local cloud is missing: /nonexistent/clouds.yaml does not exist; start it with `bash scripts/local-cloud.sh up` (or point LOCAL_CLOUD_CLOUDS_YAML at its clouds.yaml)',
    )
  })

  it('makes unique prefixes', () => {
    expect(uniquePrefix('x')).toMatch(/^it-x-[0-9a-z]+-[0-9a-f]{6}-$/)
    expect(uniquePrefix('x')).not.toBe(uniquePrefix('x'))
  })
})
