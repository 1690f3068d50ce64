// The Keystone service catalog and how an endpoint is picked from it.

import type { EndpointInterface } from '../config/types.js'

export interface CatalogEndpoint {
  id?: string
  interface: string
  region?: string | null
  region_id?: string | null
  url: string
}

export interface CatalogService {
  id?: string
  type: string
  name?: string
  endpoints: CatalogEndpoint[]
}

export interface EndpointQuery {
  serviceType: string
  interface: EndpointInterface
  /** undefined = any region (the first matching endpoint). */
  regionName?: string
}

/** The URL of the first endpoint matching type, interface and region, or undefined. */
export function findEndpoint(
  catalog: readonly CatalogService[],
  query: EndpointQuery,
): string | undefined {
  for (const service of catalog) {
    if (service.type !== query.serviceType) continue
    for (const endpoint of service.endpoints ?? []) {
      if (endpoint.interface !== query.interface) continue
      if (
        query.regionName !== undefined &&
        endpoint.region_id !== query.regionName &&
        endpoint.region !== query.regionName
      ) {
        continue
      }
      return endpoint.url
    }
  }
  return undefined
}

/** One line explaining why findEndpoint found nothing, with what the catalog does offer. */
export function missingEndpointMessage(
  catalog: readonly CatalogService[],
  query: EndpointQuery,
): string {
  const region = query.regionName === undefined ? 'any region' : `region ${query.regionName}`
  const base = `The service catalog has no '${query.serviceType}' endpoint for ${region}, interface ${query.interface}`
  const offered = catalog
    .filter((service) => service.type === query.serviceType)
    .flatMap((service) =>
      service.endpoints.map((e) => `${e.interface} in ${e.region_id ?? e.region ?? 'no region'}`),
    )
  if (offered.length > 0) return `${base} (it has: ${[...new Set(offered)].sort().join(', ')})`
  if (catalog.length === 0)
    return `${base} (the catalog is empty: is the token scoped to a project?)`
  return base
}
