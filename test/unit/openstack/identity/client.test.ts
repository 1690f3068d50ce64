import { afterEach, describe, expect, it } from 'vitest'
import { createSession } from '../../../../src/openstack/auth/session.js'
import { NotFoundError } from '../../../../src/openstack/errors.js'
import {
  createIdentityClient,
  type IdentityClient,
} from '../../../../src/openstack/identity/client.js'
import { AUTH_URL, issueToken, passwordConfig } from '../../../support/keystone-fixtures.js'
import { strictFetch, type Expectation, type StrictFetch } from '../../../support/strict-fetch.js'

let fake: StrictFetch
afterEach(() => fake.done())

async function identity(...expectations: Expectation[]): Promise<IdentityClient> {
  fake = strictFetch(issueToken(), ...expectations)
  return createIdentityClient(await createSession(passwordConfig(), { fetch: fake.fetch }))
}

const domain = { id: 'd1', name: 'Customers', enabled: true }
const project = (id: string, name: string, domainId = 'd1') => ({
  id,
  name,
  domain_id: domainId,
  enabled: true,
})

describe('identity', () => {
  it('finds a domain by id, else by name', async () => {
    const client = await identity(
      { method: 'GET', url: `${AUTH_URL}/domains/d1`, reply: { status: 200, json: { domain } } },
      { method: 'GET', url: `${AUTH_URL}/domains/Customers`, reply: { status: 404 } },
      {
        method: 'GET',
        url: `${AUTH_URL}/domains?name=Customers`,
        reply: { status: 200, json: { domains: [domain], links: { next: null } } },
      },
    )
    expect(await client.findDomain('d1')).toEqual(domain)
    expect(await client.findDomain('Customers')).toEqual(domain)
  })

  it('finds a project by name within a domain', async () => {
    const client = await identity(
      { method: 'GET', url: `${AUTH_URL}/domains/Customers`, reply: { status: 404 } },
      {
        method: 'GET',
        url: `${AUTH_URL}/domains?name=Customers`,
        reply: { status: 200, json: { domains: [domain] } },
      },
      { method: 'GET', url: `${AUTH_URL}/projects/demo`, reply: { status: 404 } },
      {
        method: 'GET',
        url: `${AUTH_URL}/projects?name=demo&domain_id=d1`,
        reply: { status: 200, json: { projects: [project('p1', 'demo')] } },
      },
    )
    expect(await client.findProject('demo', 'Customers')).toEqual(project('p1', 'demo'))
  })

  it('says when a project is unknown or ambiguous', async () => {
    const client = await identity(
      { method: 'GET', url: `${AUTH_URL}/projects/nope`, reply: { status: 404 } },
      {
        method: 'GET',
        url: `${AUTH_URL}/projects?name=nope`,
        reply: { status: 200, json: { projects: [] } },
      },
      { method: 'GET', url: `${AUTH_URL}/projects/demo`, reply: { status: 404 } },
      {
        method: 'GET',
        url: `${AUTH_URL}/projects?name=demo`,
        reply: {
          status: 200,
          json: { projects: [project('p1', 'demo', 'd1'), project('p2', 'demo', 'd2')] },
        },
      },
    )
    await expect(client.findProject('nope')).rejects.toThrow(
      new NotFoundError("Unknown project 'nope'; give an existing project name or id"),
    )
    await expect(client.findProject('demo')).rejects.toThrow(
      "Project name 'demo' is ambiguous (domains d1, d2); give its domain or its id",
    )
  })

  it("falls back to the user's own projects when listing is forbidden", async () => {
    const client = await identity(
      { method: 'GET', url: `${AUTH_URL}/projects/demo`, reply: { status: 403 } },
      { method: 'GET', url: `${AUTH_URL}/projects?name=demo`, reply: { status: 403 } },
      {
        method: 'GET',
        url: `${AUTH_URL}/auth/projects`,
        reply: { status: 200, json: { projects: [project('p1', 'demo'), project('p3', 'other')] } },
      },
    )
    expect((await client.findProject('demo')).id).toBe('p1')
  })

  it("lists a domain's projects across pages", async () => {
    const client = await identity(
      { method: 'GET', url: `${AUTH_URL}/domains/d1`, reply: { status: 200, json: { domain } } },
      {
        method: 'GET',
        url: `${AUTH_URL}/projects?domain_id=d1`,
        reply: {
          status: 200,
          json: {
            projects: [project('p1', 'a')],
            links: { next: `${AUTH_URL}/projects?domain_id=d1&marker=p1` },
          },
        },
      },
      {
        method: 'GET',
        url: `${AUTH_URL}/projects?domain_id=d1&marker=p1`,
        reply: { status: 200, json: { projects: [project('p2', 'b')], links: { next: null } } },
      },
    )
    expect((await client.listDomainProjects('d1')).map((p) => p.id)).toEqual(['p1', 'p2'])
  })

  it('explains a forbidden listing', async () => {
    const client = await identity(
      { method: 'GET', url: `${AUTH_URL}/domains/d1`, reply: { status: 200, json: { domain } } },
      { method: 'GET', url: `${AUTH_URL}/projects?domain_id=d1`, reply: { status: 403 } },
    )
    await expect(client.listDomainProjects('d1')).rejects.toThrow(
      "not allowed to look up the projects of domain 'd1': the credentials need the admin or reader role",
    )
  })
})
