// The typed result of reading clouds.yaml / secure.yaml / OS_* variables.

export type EndpointInterface = 'public' | 'internal' | 'admin'
export const ENDPOINT_INTERFACES: readonly EndpointInterface[] = ['public', 'internal', 'admin']

/** A Keystone object given by id or by name. */
export type NameOrId = { id: string } | { name: string }

/** A user by id, or by name within a domain. */
export type UserRef = { id: string } | { name: string; domain: NameOrId }

/** What the token is scoped to. */
export type Scope =
  | { kind: 'project'; project: { id: string } | { name: string; domain: NameOrId } }
  | { kind: 'domain'; domain: NameOrId }
  | { kind: 'system' }
  | { kind: 'unscoped' }

export interface PasswordAuth {
  type: 'password'
  authUrl: string
  user: UserRef
  password: string
  scope: Scope
}

export interface ApplicationCredentialAuth {
  type: 'v3applicationcredential'
  authUrl: string
  /** Either the credential's id, or its name together with `user`. */
  credential: { id: string } | { name: string; user: UserRef }
  secret: string
}

export interface TokenAuth {
  type: 'token'
  authUrl: string
  token: string
  scope: Scope
}

export type AuthConfig = PasswordAuth | ApplicationCredentialAuth | TokenAuth

/** Everything needed to talk to one cloud (one region of it). */
export interface CloudConfig {
  /** The cloud's name in clouds.yaml, or `envvars` for OS_* variables. */
  name: string
  /** Where it came from, for messages: a file path, or `environment variables`. */
  source: string
  auth: AuthConfig
  /** Region to pick endpoints in; undefined = the first endpoint of any region. */
  regionName?: string
  interface: EndpointInterface
  /** Verify TLS certificates (false with `verify: false` or `insecure: true`). */
  verify: boolean
  /** Path of a CA bundle to trust in addition to the system's. */
  cacert?: string
  /** Client certificate and key paths, for clouds that want TLS client auth. */
  cert?: string
  key?: string
  /** `<service_type>_endpoint_override` settings, keyed by service type (`image`). */
  endpointOverrides: Record<string, string>
  /** `api_timeout` in ms, when set. */
  apiTimeoutMs?: number
}

/** Every secret value of a configuration (to register for masking). */
export function configSecrets(config: CloudConfig): string[] {
  const { auth } = config
  if (auth.type === 'password') return [auth.password]
  if (auth.type === 'token') return [auth.token]
  return [auth.secret]
}

function nameOrId(ref: NameOrId): string {
  return 'id' in ref ? ref.id : ref.name
}

/** Who authenticates, for messages: `user 'alice'`, `application credential 'ci'`. */
export function describeAuth(auth: AuthConfig): string {
  switch (auth.type) {
    case 'password':
      return `user '${nameOrId(auth.user)}'`
    case 'token':
      return 'the configured token'
    case 'v3applicationcredential':
      return `application credential '${'id' in auth.credential ? auth.credential.id : auth.credential.name}'`
  }
}
