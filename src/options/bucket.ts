// Values -> the typed options of the commands that write to the S3 mirror: mirror and update.
import type { MirrorCommandOptions } from '../commands/mirror.js'
import type { UpdateCommandOptions } from '../commands/update.js'
import type { UpdateMirrorOptions } from '../update/open-mirror.js'
import type { S3Settings } from '../mirror/s3-api.js'
import { s3Settings } from '../mirror/s3-settings.js'
import { UserError } from '../problems.js'
import { oneOf, type Values } from './table.js'

const str = (v: Values, name: string): string | undefined =>
  typeof v[name] === 'string' && v[name] !== '' ? v[name] : undefined
const opt = <K extends string>(key: K, value: string | undefined): Partial<Record<K, string>> =>
  value === undefined ? {} : ({ [key]: value } as Record<K, string>)

/** The bucket flags of `mirror` and `update` (credentials better from the environment: flags show in process lists). */
export function s3SettingsOf(v: Values): S3Settings {
  return s3Settings({
    ...opt('endpoint', str(v, 'endpoint')),
    ...opt('region', str(v, 'region')),
    ...opt('bucket', str(v, 'bucket')),
    ...opt('prefix', str(v, 'prefix')),
    pathStyle: v['path-style'] === true,
    ...opt('accessKeyId', str(v, 'access-key-id')),
    ...opt('secretAccessKey', str(v, 'secret-access-key')),
  })
}

export function mirrorCommandOptions(v: Values): MirrorCommandOptions {
  return {
    images: v.images as string,
    ...opt('filter', str(v, 'filter')),
    dryRun: v['dry-run'] === true,
    ...opt('sourceCacert', str(v, 'source-cacert')),
    s3: s3SettingsOf(v),
  }
}

/** `--mirror-url` and the bucket flags; a UserError (exit 2) for a url that is not http(s). */
export function updateMirrorOf(v: Values): UpdateMirrorOptions {
  const publicUrl = v['mirror-url'] as string
  if (!/^https?:\/\/[^/\s]+/.test(publicUrl))
    throw new UserError(`--mirror-url must be the bucket's public http(s) url, not '${publicUrl}'`)
  return { s3: s3SettingsOf(v), publicUrl }
}

/** The options of `update` but where its JSON goes (the CLI's stdout). */
export function updateCommandOptions(v: Values): Omit<UpdateCommandOptions, 'write'> {
  return {
    images: v.images as string,
    ...(v.filter !== undefined ? { filter: v.filter as string } : {}),
    dryRun: v['dry-run'] === true,
    output: oneOf('output', v.output, ['text', 'json']),
    ...(v['source-cacert'] ? { sourceCacert: v['source-cacert'] as string } : {}),
    ...(v['cache-dir'] ? { cacheDir: v['cache-dir'] as string } : {}),
    ...(v['mirror-url'] ? { mirror: updateMirrorOf(v) } : {}),
  }
}
