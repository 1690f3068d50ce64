// Errors of the OpenStack client that are not HTTP status errors: failed
// authentication, objects that are not there. Their message is always one
// line that says what to do; it never contains a secret. (Bad configuration is
// a ConfigError of problems.ts; unreachable endpoints a ConnectionError of http/.)

/** Keystone refused or could not be asked for a token, or the catalog lacks a service. */
export class AuthError extends Error {
  override readonly name = 'AuthError'
}

/** A named Keystone/Glance object does not exist (or is not visible to these credentials). */
export class NotFoundError extends Error {
  override readonly name = 'NotFoundError'
}
