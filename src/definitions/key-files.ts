// The public key files a definition's checksum_signature names: paths in the
// catalog repository, relative to the definition file and confined to its
// directory exactly as `file:` urls are (download/file-url.ts decides both).

/** `keys/ubuntu.asc` -> `file:keys/ubuntu.asc`, each segment percent-encoded (so `?`, `#`, `%` stay literal). */
export const keyFileUrl = (keyPath: string): string =>
  `file:${keyPath.split('/').map(encodeURIComponent).join('/')}`
