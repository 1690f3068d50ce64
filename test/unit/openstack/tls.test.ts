import { describe, expect, it } from 'vitest'
import { createTlsFetch } from '../../../src/openstack/tls.js'
import { passwordConfig } from '../../support/keystone-fixtures.js'

describe('createTlsFetch', () => {
  it('keeps the global fetch when nothing special is configured', async () => {
    expect(await createTlsFetch(passwordConfig())).toBeUndefined()
  })

  it('makes a fetch for verify: false', async () => {
    expect(typeof (await createTlsFetch(passwordConfig({ verify: false })))).toBe('function')
  })

  it('names an unreadable cacert', async () => {
    await expect(createTlsFetch(passwordConfig({ cacert: '/nonexistent/ca.pem' }))).rejects.toThrow(
      'Cannot read the cacert /nonexistent/ca.pem: ENOENT',
    )
  })
})
