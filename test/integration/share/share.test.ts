// Sharing with the demo project, accepted on its behalf, and taken back.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { shareCommand } from '../../../src/commands/share.js'
import type { Reporter } from '../../../src/reporter.js'
import { cloudsYaml, rawGlance } from '../../support/raw-glance.js'

const lines: string[] = []
const recorder: Reporter = {
  info: (m) => lines.push(m),
  warning: (m) => lines.push(`warning ${m}`),
  debug() {},
  problems() {},
  summary: async () => {},
  secret() {},
}

describe('share', () => {
  let glance: Awaited<ReturnType<typeof rawGlance>>
  let id: string
  const name = `share-test-${process.pid}-${Date.now()}`

  beforeAll(async () => {
    process.env.OS_CLIENT_CONFIG_FILE = cloudsYaml
    glance = await rawGlance()
    id = await glance.createActive({
      name,
      disk_format: 'raw',
      container_format: 'bare',
      visibility: 'shared',
    })
  })

  afterAll(async () => {
    await glance?.delete(id).catch(() => undefined)
  })

  const share = (extra: { action?: 'add' | 'del'; image?: string } = {}) =>
    shareCommand(
      {
        cloud: 'local-admin',
        image: name,
        project: 'demo',
        domain: 'default',
        action: 'add',
        dryRun: false,
        ...extra,
      },
      recorder,
    )

  it('adds the demo project as an accepted member, once', async () => {
    expect(await share()).toBe(0)
    const members = (await glance.call('GET', `/v2/images/${id}/members`)) as {
      members: { status: string }[]
    }
    expect(members.members.map((m) => m.status)).toEqual(['accepted'])
    lines.length = 0
    expect(await share()).toBe(0)
    expect(lines).toEqual([]) // already shared and accepted: nothing to do
  })

  it('takes the share back', async () => {
    expect(await share({ action: 'del' })).toBe(0)
    const members = (await glance.call('GET', `/v2/images/${id}/members`)) as { members: unknown[] }
    expect(members.members).toEqual([])
  })

  it('explains why a public image cannot be shared', async () => {
    const publicId = await glance.createActive({
      name: `${name}-public`,
      disk_format: 'raw',
      container_format: 'bare',
      visibility: 'public',
    })
    try {
      await expect(share({ image: `${name}-public` })).rejects.toThrow(
        /only images with visibility 'shared' have members/,
      )
    } finally {
      await glance.delete(publicId)
    }
  })
})
