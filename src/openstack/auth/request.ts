// Pure pieces of Keystone v3 authentication: the identity URL and the body of
// POST /v3/auth/tokens for each auth type.

import type { AuthConfig, NameOrId, Scope, UserRef } from '../config/types.js'
import { AuthError } from '../errors.js'

/**
 * The Keystone v3 base URL for an auth_url as people write it:
 * `http://h:5000`, `http://h:5000/`, `http://h:5000/v3`, `https://h/identity`.
 */
export function identityV3Url(authUrl: string): string {
  let url: URL
  try {
    url = new URL(authUrl)
  } catch {
    throw new AuthError(
      `auth_url '${authUrl}' is not a URL; expected e.g. https://keystone.example.com:5000/v3`,
    )
  }
  const path = url.pathname.replace(/\/+$/, '')
  if (/\/v2(\.0)?$/.test(path)) {
    throw new AuthError(
      `auth_url ${authUrl} is a Keystone v2 URL, which is not supported; use the /v3 URL`,
    )
  }
  url.pathname = /\/v3$/.test(path) ? path : `${path}/v3`
  url.search = ''
  url.hash = ''
  return url.toString().replace(/\/+$/, '')
}

function domainBody(domain: NameOrId): Record<string, string> {
  return 'id' in domain ? { id: domain.id } : { name: domain.name }
}

function userBody(user: UserRef): Record<string, unknown> {
  return 'id' in user ? { id: user.id } : { name: user.name, domain: domainBody(user.domain) }
}

function scopeBody(scope: Scope): Record<string, unknown> | undefined {
  switch (scope.kind) {
    case 'project':
      return {
        project:
          'id' in scope.project
            ? { id: scope.project.id }
            : { name: scope.project.name, domain: domainBody(scope.project.domain) },
      }
    case 'domain':
      return { domain: domainBody(scope.domain) }
    case 'system':
      return { system: { all: true } }
    case 'unscoped':
      return undefined
  }
}

/** The JSON body of `POST /v3/auth/tokens`. */
export function buildAuthRequestBody(auth: AuthConfig): { auth: Record<string, unknown> } {
  switch (auth.type) {
    case 'password': {
      const scope = scopeBody(auth.scope)
      return {
        auth: {
          identity: {
            methods: ['password'],
            password: { user: { ...userBody(auth.user), password: auth.password } },
          },
          ...(scope ? { scope } : {}),
        },
      }
    }
    case 'token': {
      const scope = scopeBody(auth.scope)
      return {
        auth: {
          identity: { methods: ['token'], token: { id: auth.token } },
          ...(scope ? { scope } : {}),
        },
      }
    }
    case 'v3applicationcredential': {
      const credential =
        'id' in auth.credential
          ? { id: auth.credential.id, secret: auth.secret }
          : {
              name: auth.credential.name,
              user: userBody(auth.credential.user),
              secret: auth.secret,
            }
      // An application credential is scoped to its project already: no scope.
      return {
        auth: {
          identity: { methods: ['application_credential'], application_credential: credential },
        },
      }
    }
  }
}
