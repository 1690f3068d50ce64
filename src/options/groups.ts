// Option groups several commands share, defined once: the catalog, plan and S3 bucket options.
import { flag, repeated, text, type OptionTable } from './table.js'

/** Where the definitions are and how strict their check is. */
export const catalogOptions = {
  images: text('PATH', 'definition file, directory or glob (default: etc/images/)', 'etc/images/', {
    input: 'images',
  }),
  strict: flag('missing SCS-recommended meta keys are errors, not warnings', { input: 'strict' }),
} satisfies OptionTable

export const cloudOption = text(
  'NAME',
  'cloud in clouds.yaml (default: OS_CLOUD, or the OS_* variables)',
  undefined,
  { input: 'cloud' },
)

export const sourceCacertOption = text(
  'FILE',
  "PEM CA bundle trusted for image sources besides the system CAs (the cloud's cacert never is)",
  undefined,
  { input: 'source-cacert' },
)

export const tagOption = text(
  'TAG',
  'tag that marks managed images (default: managed_by_osism)',
  'managed_by_osism',
  { input: 'tag' },
)

/** `--filter` of mirror and update (plan's also names images). */
export const definitionFilterOption = text(
  'REGEX',
  'only definitions whose name matches',
  undefined,
  {
    input: 'filter',
  },
)

export const rotatedMetaOption = repeated(
  'KEY=VALUE',
  'multi images: property a build gets once a newer one takes its name (repeatable; SCS v2: os_purpose=oldgeneric)',
  { input: 'rotated-meta' },
)

/** The options of plan, and of apply before its own. */
export const planOptions = {
  ...catalogOptions,
  cloud: cloudOption,
  'source-cacert': sourceCacertOption,
  tag: tagOption,
  filter: text('REGEX', 'only definitions and images whose name matches', undefined, {
    input: 'filter',
  }),
  force: flag('include definitions with enable: false', { input: 'force' }),
  latest: flag('multi images: import only the newest version', { input: 'latest' }),
  'use-os-hidden': flag('hide every build but the newest from image lists (os_hidden)', {
    input: 'use-os-hidden',
  }),
  'rotated-meta': rotatedMetaOption,
  'rotated-hidden': flag('multi images: hide (os_hidden) a build once a newer one takes its name', {
    input: 'rotated-hidden',
  }),
  hide: flag('make builds outside the retention window community', { input: 'hide' }),
  deactivate: flag('deactivate builds outside the retention window', { input: 'deactivate' }),
  delete: flag('delete builds outside the retention window (needs the next option)', {
    input: 'delete',
  }),
  'yes-i-really-know-what-i-do': flag('confirm --delete', { input: 'yes-i-really-know-what-i-do' }),
  keep: flag('keep builds of versions a non-multi definition no longer lists', { input: 'keep' }),
  verify: text(
    'MODE',
    "auto (default: stream and check sources with a checksum or compression, web-download the rest), stream, or none (web-download, unchecked); a definition's verify key wins",
    'auto',
    { input: 'verify' },
  ),
  'check-age': flag(
    'report builds older than the newest definition build by more than --max-age days',
    { input: 'check-age' },
  ),
  'max-age': text('DAYS', 'for --check-age (default: 90)', '90', { input: 'max-age' }),
  out: text('FILE', 'also write the plan as JSON to FILE', undefined, { input: 'out' }),
  // No input: the action tells changes by its has-changes output.
  'detailed-exitcode': flag('exit 3 when the plan has changes, 0 when it has none'),
} satisfies OptionTable

/** The S3 bucket options of `mirror` and of `update --mirror-url` (no inputs: update names its own). */
export const bucketOptions: OptionTable = {
  endpoint: text('URL', 'S3 endpoint (default: MIRROR_ENDPOINT, else AWS)'),
  region: text('REGION', 'S3 region (default: AWS_REGION, else us-east-1)'),
  bucket: text('NAME', 'the mirror bucket (default: MIRROR_BUCKET)'),
  prefix: text(
    'PREFIX',
    'key prefix inside the bucket (letters, digits, . _ - between slashes; no ..)',
  ),
  'path-style': flag('path-style requests (endpoint/bucket/key), as most non-AWS stores need'),
  'access-key-id': text('ID', 'default: AWS_ACCESS_KEY_ID (prefer the variable)'),
  'secret-access-key': text(
    'KEY',
    'default: AWS_SECRET_ACCESS_KEY (prefer the variable)',
    undefined,
    {
      secret: true,
    },
  ),
}
