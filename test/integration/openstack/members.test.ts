import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { GlanceClient } from '../../../src/openstack/glance/client.js'
import { createIdentityClient } from '../../../src/openstack/identity/client.js'
import { deleteImages, localGlance, uniquePrefix } from '../../support/local-cloud.js'

const prefix = uniquePrefix('members')
const created: string[] = []
let admin: GlanceClient
let member: GlanceClient

beforeAll(async () => {
  admin = await localGlance('local-admin')
  member = await localGlance('local-member')
})

afterAll(async () => {
  if (admin) await deleteImages(admin, created)
})

describe('image sharing on the local cloud', () => {
  it('shares an image with the demo project, which accepts it as the demo user', async () => {
    const demo = await createIdentityClient(admin.session).findProject('demo', 'Default')
    expect(demo.id).toBe(member.projectId)

    const image = await admin.createImage({
      name: `${prefix}shared`,
      disk_format: 'raw',
      container_format: 'bare',
      visibility: 'shared',
    })
    created.push(image.id)
    const added = await admin.addMember(image.id, demo.id)
    expect(added).toMatchObject({ image_id: image.id, member_id: demo.id, status: 'pending' })

    // pending shares are not in the consumer's default listing
    const before: string[] = []
    for await (const i of member.listImages({ visibility: 'shared' })) before.push(i.id)
    expect(before).not.toContain(image.id)

    const accepted = await member.updateMemberStatus(image.id, demo.id, 'accepted')
    expect(accepted.status).toBe('accepted')
    const after: string[] = []
    for await (const i of member.listImages({ visibility: 'shared' })) after.push(i.id)
    expect(after).toContain(image.id)
    expect((await admin.listMembers(image.id)).map((m) => [m.member_id, m.status])).toEqual([
      [demo.id, 'accepted'],
    ])

    await admin.removeMember(image.id, demo.id)
    expect(await admin.listMembers(image.id)).toEqual([])
    expect(await member.findImage(image.id)).toBeNull()
  })
})
