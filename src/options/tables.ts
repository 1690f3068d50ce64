// One option table per command: the CLI's flags and help, the action's inputs and their defaults.
import { DEFAULT_MAX_URLS, DEFAULT_URLS_DEADLINE_SECONDS } from '../definitions/url-limits.js'
import { DEFAULT_EOL_URL } from '../lifecycle/endoflife.js'
import {
  bucketOptions,
  catalogOptions,
  cloudOption,
  definitionFilterOption,
  planOptions,
  rotatedMetaOption,
  sourceCacertOption,
  tagOption,
} from './groups.js'
import { flag, repeated, text, withInputs, withoutInputs, type CommandTable } from './table.js'

const validate: CommandTable = {
  summary: 'Check image definitions against the schema and the rules; point at each defect',
  usage:
    'image-manager validate [--images PATH] [--strict] [--check-urls [--changed FILE]... [--source-cacert FILE] [--check-urls-max N] [--check-urls-deadline SECONDS]]',
  options: {
    ...catalogOptions,
    'check-urls': flag(
      'also ask every url and mirror_url of enabled definitions (HEAD); dead ones are errors',
      { input: 'check-urls' },
    ),
    // No input: on a pull request the action asks GitHub which files it changes.
    changed: repeated(
      'FILE',
      'with --check-urls, only the definitions in FILE (repeatable or comma separated)',
    ),
    'source-cacert': sourceCacertOption,
    'check-urls-max': text(
      'N',
      'with --check-urls, at most N distinct urls per run; more is an error (default: 1000)',
      String(DEFAULT_MAX_URLS),
      { input: 'check-urls-max' },
    ),
    'check-urls-deadline': text(
      'SECONDS',
      'with --check-urls, the time all urls may take together; urls not asked by then are errors (default: 600)',
      String(DEFAULT_URLS_DEADLINE_SECONDS),
      { input: 'check-urls-deadline' },
    ),
  },
}

const plan: CommandTable = {
  summary: 'Show what apply would change in the cloud: imports, renames, updates, retention',
  usage: 'image-manager plan [--images PATH] [--cloud NAME] [options]',
  options: planOptions,
}

const apply: CommandTable = {
  summary: 'Make the cloud match the definitions: run exactly the plan',
  usage: 'image-manager apply [--images PATH] [--cloud NAME] [--plan FILE] [--dry-run] [options]',
  options: {
    ...planOptions,
    // No input: the action plans and applies in one run.
    plan: text(
      'FILE',
      'run the plan saved by plan --out FILE, refused if the cloud or definitions changed since',
    ),
    'dry-run': flag('print the plan, change nothing', { input: 'dry-run' }),
    concurrency: text('N', 'definitions worked on at once (default: 4)', '4', {
      input: 'concurrency',
    }),
    'import-timeout': text('SECONDS', 'how long one import may take (default: 1800)', '1800', {
      input: 'import-timeout',
    }),
  },
}

const list: CommandTable = {
  summary: 'List the managed images of a cloud',
  usage: 'image-manager list [--cloud NAME] [--tag TAG]',
  options: withoutInputs({ cloud: cloudOption, tag: tagOption }),
}

const share: CommandTable = {
  summary: 'Share an image with a project or every project of a domain, or take the share back',
  usage: 'image-manager share --image NAME (--project P | --all-projects) [--domain D] [--remove]',
  options: withoutInputs({
    cloud: cloudOption,
    image: text('NAME', 'the image, by name or id'),
    project: text('P', 'the consumer project, by name or id'),
    'all-projects': flag('every project of --domain instead of one'),
    domain: text('D', 'domain of the project(s), by name or id (default: default)', 'default'),
    remove: flag('take the share back'),
    'dry-run': flag('say what would change, change nothing'),
  }),
}

const mirror: CommandTable = {
  summary: 'Copy every build into the S3 mirror bucket, verified on the way; skip mirrored ones',
  usage:
    'image-manager mirror --bucket NAME [--images PATH] [--filter REGEX] [--dry-run] [--endpoint URL] [options]',
  options: withoutInputs({
    images: catalogOptions.images,
    filter: definitionFilterOption,
    'dry-run': flag('list what would be uploaded, upload nothing'),
    ...bucketOptions,
    'source-cacert': sourceCacertOption,
  }),
}

const update: CommandTable = {
  summary: 'Bump tracked definitions (latest_url) to the newest upstream build, in place',
  usage:
    'image-manager update [--images PATH] [--filter REGEX] [--dry-run] [--output json] [--cache-dir DIR] [--mirror-url URL --bucket NAME ...]',
  options: {
    images: catalogOptions.images,
    filter: definitionFilterOption,
    'dry-run': flag('say what would change, write nothing', { input: 'dry-run' }),
    output: text(
      'FORMAT',
      'text (default) or json: one object per tracked definition on stdout',
      'text',
    ),
    'source-cacert': sourceCacertOption,
    // No input: the action keeps its cache in the Actions cache service.
    'cache-dir': text(
      'DIR',
      'keep ETag / Last-Modified and bodies here between runs: an unchanged upstream answers 304',
    ),
    'mirror-url': text(
      'URL',
      "mirror each new build to the bucket first; URL is the bucket's public url (mirror_url = URL/key)",
      undefined,
      { input: 'mirror-url' },
    ),
    ...withInputs(bucketOptions, (name) => `mirror-${name}`),
  },
}

const check: CommandTable = {
  summary:
    "Check the cloud's public and community images against SCS image metadata (scs-0102 v2) and standard images (scs-0104 v1)",
  usage:
    'image-manager check [--cloud NAME] [--images PATH] [--tag TAG] [--output text|json|markdown] [--scs-0104-v2]',
  options: {
    cloud: cloudOption,
    // Its own input: `images` defaults to etc/images/, here no catalog is the default.
    images: text(
      'PATH',
      'also check the images these definitions describe that the cloud lacks',
      undefined,
      { input: 'check-images' },
    ),
    strict: catalogOptions.strict,
    // Its own input: `tag` defaults to managed_by_osism, here every image is the default.
    tag: text(
      'TAG',
      'only images with this tag (default: every public and community image)',
      undefined,
      { input: 'check-tag' },
    ),
    // No input: the action writes the job summary, the log keeps the text.
    output: text('FORMAT', 'text (default: one line per rule), json or markdown', 'text'),
    'scs-0104-v2': flag(
      'standard images by the draft scs-0104 v2 (properties) instead of v1 (names)',
    ),
    'rotated-meta': {
      ...rotatedMetaOption,
      help: "as for plan: shapes the catalog's images with --images",
    },
    'rotated-hidden': flag("as for plan: shapes the catalog's images with --images", {
      input: 'rotated-hidden',
    }),
  },
}

const lifecycle: CommandTable = {
  summary: 'Compare the catalog with endoflife.date: missing releases, images past end of life',
  usage: 'image-manager lifecycle [--images PATH] [--output json|markdown] [--eol-url URL]',
  options: {
    ...catalogOptions,
    output: text('FORMAT', 'markdown (default) or json', 'markdown'),
    'eol-url': text(
      'URL',
      'base url of the endoflife.date API or a mirror (default: https://endoflife.date)',
      DEFAULT_EOL_URL,
      { input: 'eol-url' },
    ),
  },
}

const catalog: CommandTable = {
  summary: "Write the catalog page for the cloud's users: one table as Markdown and static HTML",
  usage:
    'image-manager catalog [--images PATH] [--cloud NAME] [--eol-url URL] [--html FILE] [--markdown FILE]',
  options: withoutInputs({
    ...catalogOptions,
    cloud: text(
      'NAME',
      "also show each image's UUID and visibility in this cloud, and the older builds it still has",
    ),
    'eol-url': text('URL', "also show endoflife.date's end of support (its API's base url)"),
    tag: tagOption,
    html: text('FILE', 'write a static HTML page (no scripts)'),
    markdown: text('FILE', 'write the Markdown table (printed when neither file is given)'),
  }),
}

/** Every command's table, in the order `image-manager --help` lists them. */
export const tables = {
  validate,
  apply,
  list,
  share,
  mirror,
  update,
  check,
  plan,
  lifecycle,
  catalog,
} satisfies Record<string, CommandTable>

export type CommandName = keyof typeof tables
