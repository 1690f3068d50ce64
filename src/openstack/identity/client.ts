// Keystone lookups needed for image sharing: a project or domain by name or
// id, and every project of a domain.

import type { Session } from '../auth/session.js'
import { NotFoundError } from '../errors.js'
import { HttpError, isStatus } from '../../http/error.js'

export interface Domain {
  id: string
  name: string
  enabled: boolean
  description?: string
}

export interface Project {
  id: string
  name: string
  domain_id: string
  enabled: boolean
  description?: string
  parent_id?: string | null
  is_domain?: boolean
}

export interface IdentityClient {
  /** A domain by id or name. */
  findDomain(nameOrId: string): Promise<Domain>
  /** A project by id, or by name (within `domain`, a name or id, when given). */
  findProject(nameOrId: string, domain?: string): Promise<Project>
  /** Every project of a domain (given by name or id). */
  listDomainProjects(domain: string): Promise<Project[]>
}

type Listing<K extends string, T> = { links?: { next?: string | null } } & { [key in K]?: T[] }

/** The session and the Keystone base URL every lookup is made against. */
interface Keystone {
  session: Session
  base: string
}

export function createIdentityClient(session: Session): IdentityClient {
  const base = (session.config.endpointOverrides.identity ?? session.identityUrl).replace(
    /\/+$/,
    '',
  )
  const keystone: Keystone = { session, base }
  // Through `client`, so the lookups go where the client's own findDomain goes.
  const client: IdentityClient = {
    findDomain: (nameOrId) => findDomain(keystone, nameOrId),
    findProject: (nameOrId, domain) => findProject(keystone, client, nameOrId, domain),
    listDomainProjects: (domain) => listDomainProjects(keystone, client, domain),
  }
  return client
}

async function findDomain(keystone: Keystone, nameOrId: string): Promise<Domain> {
  const found = await byId<Domain>(
    keystone,
    `/domains/${encodeURIComponent(nameOrId)}`,
    '/v3/domains/{id}',
    'domain',
  )
  if (found) return found
  const domains = await list<'domains', Domain>(
    keystone,
    'domains',
    `/domains?name=${encodeURIComponent(nameOrId)}`,
    '/v3/domains',
  ).catch((error) => forbidden(error, `domain '${nameOrId}'`))
  if (domains[0] === undefined)
    throw new NotFoundError(`Unknown domain '${nameOrId}'; give an existing domain name or id`)
  return domains[0]
}

async function findProject(
  keystone: Keystone,
  client: IdentityClient,
  nameOrId: string,
  domain: string | undefined,
): Promise<Project> {
  const domainId = domain === undefined ? undefined : (await client.findDomain(domain)).id
  const found = await byId<Project>(
    keystone,
    `/projects/${encodeURIComponent(nameOrId)}`,
    '/v3/projects/{id}',
    'project',
  )
  if (found && (domainId === undefined || found.domain_id === domainId)) return found
  const projects = await projectsNamed(keystone, nameOrId, domainId)
  const inDomain = domain === undefined ? '' : ` in domain '${domain}'`
  if (projects.length === 0)
    throw new NotFoundError(
      `Unknown project '${nameOrId}'${inDomain}; give an existing project name or id`,
    )
  if (projects.length > 1) {
    const domains = projects.map((p) => p.domain_id).join(', ')
    throw new NotFoundError(
      `Project name '${nameOrId}' is ambiguous (domains ${domains}); give its domain or its id`,
    )
  }
  return projects[0] as Project
}

/** The projects called `name` (in `domainId` when given). */
async function projectsNamed(
  keystone: Keystone,
  name: string,
  domainId: string | undefined,
): Promise<Project[]> {
  const query = new URLSearchParams({ name })
  if (domainId !== undefined) query.set('domain_id', domainId)
  try {
    return await list<'projects', Project>(
      keystone,
      'projects',
      `/projects?${query}`,
      '/v3/projects',
    )
  } catch (error) {
    if (!isStatus(error, 403)) throw error
    // Not allowed to list: the projects the user has a role on may still contain it.
    const own = await list<'projects', Project>(
      keystone,
      'projects',
      '/auth/projects',
      '/v3/auth/projects',
    )
    return own.filter(
      (p) => p.name === name && (domainId === undefined || p.domain_id === domainId),
    )
  }
}

async function listDomainProjects(
  keystone: Keystone,
  client: IdentityClient,
  domain: string,
): Promise<Project[]> {
  const { id } = await client.findDomain(domain)
  return list<'projects', Project>(
    keystone,
    'projects',
    `/projects?domain_id=${encodeURIComponent(id)}`,
    '/v3/projects',
  ).catch((error) => forbidden(error, `the projects of domain '${domain}'`))
}

async function get<T>({ session, base }: Keystone, path: string, template: string): Promise<T> {
  const response = await session.request<T>({
    method: 'GET',
    url: `${base}${path}`,
    template,
    expected: [200],
  })
  return response.data
}

async function list<K extends string, T>(
  { session, base }: Keystone,
  key: K,
  path: string,
  template: string,
): Promise<T[]> {
  const items: T[] = []
  let url: string | undefined = `${base}${path}`
  while (url !== undefined) {
    const response: { data: Listing<K, T> } = await session.request<Listing<K, T>>({
      method: 'GET',
      url,
      template,
      expected: [200],
    })
    items.push(...(response.data?.[key] ?? []))
    const next: string | null | undefined = response.data?.links?.next
    url = next ? new URL(next, `${base}/`).toString() : undefined
  }
  return items
}

function forbidden(error: unknown, what: string): never {
  if (isStatus(error, 403)) {
    throw new HttpError(
      error.method,
      error.url,
      error.expected,
      403,
      error.body,
      `not allowed to look up ${what}: the credentials need the admin or reader role`,
    )
  }
  throw error
}

async function byId<T>(
  keystone: Keystone,
  path: string,
  template: string,
  key: string,
): Promise<T | undefined> {
  try {
    const body = await get<Record<string, T>>(keystone, path, template)
    return body[key]
  } catch (error) {
    if (isStatus(error, 404, 403)) return undefined
    throw error
  }
}
