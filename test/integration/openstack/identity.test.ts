import { beforeAll, describe, expect, it } from 'vitest'
import { createSession, type Session } from '../../../src/openstack/auth/session.js'
import { createIdentityClient } from '../../../src/openstack/identity/client.js'
import { localCloudConfig } from '../../support/local-cloud.js'

let admin: Session
let member: Session

beforeAll(async () => {
  admin = await createSession(await localCloudConfig('local-admin'))
  member = await createSession(await localCloudConfig('local-member'))
})

describe('Keystone lookups on the local cloud', () => {
  it('finds domains and projects by name and id', async () => {
    const identity = createIdentityClient(admin)
    const domain = await identity.findDomain('Default')
    expect(domain).toMatchObject({ id: 'default', name: 'Default' })
    expect(await identity.findDomain('default')).toMatchObject({ name: 'Default' })
    const demo = await identity.findProject('demo', 'Default')
    expect(await identity.findProject(demo.id)).toMatchObject({ name: 'demo' })
    await expect(identity.findProject('no-such-project')).rejects.toThrow(
      "Unknown project 'no-such-project'; give an existing project name or id",
    )
  })

  it("lists a domain's projects", async () => {
    const names = (await createIdentityClient(admin).listDomainProjects('Default')).map(
      (p) => p.name,
    )
    expect(names).toEqual(expect.arrayContaining(['admin', 'demo', 'service']))
  })

  it('lets an ordinary user find their own project (listing is forbidden to them)', async () => {
    const identity = createIdentityClient(member)
    expect((await identity.findProject('demo')).id).toBe(member.info.project?.id)
  })
})
