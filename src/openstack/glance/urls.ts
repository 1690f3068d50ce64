// Glance v2 URLs and their path templates (for the request counter). Pure.

export interface GlanceUrl {
  url: string
  /** Path template counted by RequestCounter, e.g. `/v2/images/{id}`. */
  template: string
}

export type VisibilityFilter = 'public' | 'private' | 'shared' | 'community' | 'all'

export interface ListImagesQuery {
  /** Only images carrying this tag (all of them, when several). */
  tag?: string | readonly string[]
  /**
   * Glance lists only images that are not hidden unless `os_hidden=true` is
   * asked for, and then only hidden ones. 'both' makes listImages ask twice.
   * Default: false (Glance's default).
   */
  osHidden?: boolean | 'both'
  visibility?: VisibilityFilter
  owner?: string
  name?: string
  status?: string
  memberStatus?: 'pending' | 'accepted' | 'rejected' | 'all'
  /** Page size (Glance's default is 20 and its maximum api_limit_max, 1000 by default). */
  limit?: number
  /** e.g. 'created_at:desc,name:asc' */
  sort?: string
}

const enc = encodeURIComponent

function join(endpoint: string, path: string): string {
  return `${endpoint.replace(/\/+$/, '')}${path}`
}

export const glanceUrls = {
  images(endpoint: string): GlanceUrl {
    return { url: join(endpoint, '/v2/images'), template: '/v2/images' }
  },
  image(endpoint: string, id: string): GlanceUrl {
    return { url: join(endpoint, `/v2/images/${enc(id)}`), template: '/v2/images/{id}' }
  },
  imageAction(endpoint: string, id: string, action: 'deactivate' | 'reactivate'): GlanceUrl {
    return {
      url: join(endpoint, `/v2/images/${enc(id)}/actions/${action}`),
      template: `/v2/images/{id}/actions/${action}`,
    }
  },
  imageFile(endpoint: string, id: string): GlanceUrl {
    return { url: join(endpoint, `/v2/images/${enc(id)}/file`), template: '/v2/images/{id}/file' }
  },
  imageStage(endpoint: string, id: string): GlanceUrl {
    return { url: join(endpoint, `/v2/images/${enc(id)}/stage`), template: '/v2/images/{id}/stage' }
  },
  imageImport(endpoint: string, id: string): GlanceUrl {
    return {
      url: join(endpoint, `/v2/images/${enc(id)}/import`),
      template: '/v2/images/{id}/import',
    }
  },
  imageTasks(endpoint: string, id: string): GlanceUrl {
    return { url: join(endpoint, `/v2/images/${enc(id)}/tasks`), template: '/v2/images/{id}/tasks' }
  },
  imageTag(endpoint: string, id: string, tag: string): GlanceUrl {
    return {
      url: join(endpoint, `/v2/images/${enc(id)}/tags/${enc(tag)}`),
      template: '/v2/images/{id}/tags/{tag}',
    }
  },
  members(endpoint: string, id: string): GlanceUrl {
    return {
      url: join(endpoint, `/v2/images/${enc(id)}/members`),
      template: '/v2/images/{id}/members',
    }
  },
  member(endpoint: string, id: string, memberId: string): GlanceUrl {
    return {
      url: join(endpoint, `/v2/images/${enc(id)}/members/${enc(memberId)}`),
      template: '/v2/images/{id}/members/{member}',
    }
  },
  importInfo(endpoint: string): GlanceUrl {
    return { url: join(endpoint, '/v2/info/import'), template: '/v2/info/import' }
  },
  stores(endpoint: string): GlanceUrl {
    return { url: join(endpoint, '/v2/info/stores'), template: '/v2/info/stores' }
  },
  versions(endpoint: string): GlanceUrl {
    return { url: `${endpoint.replace(/\/+$/, '')}/`, template: '/' }
  },
}

/** The query string of one listing; `osHidden` must already be a boolean here. */
export function listImagesSearch(
  query: ListImagesQuery,
  osHidden: boolean | undefined,
): URLSearchParams {
  const params = new URLSearchParams()
  const tags =
    query.tag === undefined ? [] : typeof query.tag === 'string' ? [query.tag] : query.tag
  for (const tag of tags) params.append('tag', tag)
  if (osHidden !== undefined) params.set('os_hidden', String(osHidden))
  if (query.visibility !== undefined) params.set('visibility', query.visibility)
  if (query.owner !== undefined) params.set('owner', query.owner)
  if (query.name !== undefined) params.set('name', query.name)
  if (query.status !== undefined) params.set('status', query.status)
  if (query.memberStatus !== undefined) params.set('member_status', query.memberStatus)
  if (query.limit !== undefined) params.set('limit', String(query.limit))
  if (query.sort !== undefined) params.set('sort', query.sort)
  return params
}

/**
 * The URL of the next page. Glance's `next` is a path with a query
 * (`/v2/images?marker=...&limit=...`) built from what Glance thinks its
 * own address is; like gophercloud, only its query is taken, on top of the
 * images URL of the endpoint we use (which may carry a path prefix or point
 * at a proxy).
 */
export function nextPageUrl(imagesUrl: string, next: string): string {
  const base = new URL(imagesUrl)
  const resolved = new URL(next, base)
  base.search = resolved.search
  return base.toString()
}

/** The endpoint without a trailing version (`http://h:9292/v2` -> `http://h:9292`). */
export function unversionedEndpoint(endpoint: string): string {
  return endpoint.replace(/\/+$/, '').replace(/\/v2(\.\d+)?$/, '')
}
