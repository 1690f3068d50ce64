// The defaults of `validate --check-urls`, apart from the check itself: the
// option tables read them at start-up, and the check's http and TLS modules
// are loaded only when urls are checked.

export const DEFAULT_URL_CONCURRENCY = 8
export const DEFAULT_URL_TIMEOUT_MS = 15_000
/** A pull request cannot hold a runner for hours: distinct urls per run, and one deadline for all. */
export const DEFAULT_MAX_URLS = 1000
export const DEFAULT_URLS_DEADLINE_SECONDS = 600
