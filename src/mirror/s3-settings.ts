// The mirror's S3 settings from options and the environment, apart from the S3
// client: the option parsing runs for every command, and the client's modules
// (crypto for the signatures) are loaded only by the commands that use S3.
import { UserError } from '../problems.js'
import { checkPrefix } from './key.js'
import type { S3Settings } from './s3-api.js'

/** The settings from options and the environment; a UserError (exit 2) names what is missing. */
export function s3Settings(
  input: {
    endpoint?: string
    region?: string
    bucket?: string
    prefix?: string
    pathStyle?: boolean
    accessKeyId?: string
    secretAccessKey?: string
  },
  env: NodeJS.ProcessEnv = process.env,
): S3Settings {
  const bucket = input.bucket ?? env.MIRROR_BUCKET
  if (!bucket) throw new UserError('the mirror needs a bucket: --bucket NAME (or MIRROR_BUCKET)')
  const accessKeyId = input.accessKeyId ?? env.AWS_ACCESS_KEY_ID
  const secretAccessKey = input.secretAccessKey ?? env.AWS_SECRET_ACCESS_KEY
  if (!accessKeyId || !secretAccessKey)
    throw new UserError(
      'the mirror needs credentials: AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY (or --access-key-id and --secret-access-key)',
    )
  const endpoint = input.endpoint ?? env.MIRROR_ENDPOINT
  if (endpoint !== undefined && endpoint !== '' && !/^https?:\/\/[^/\s]+/.test(endpoint))
    throw new UserError(`--endpoint must be an http(s) url, not '${endpoint}'`)
  const prefix = checkPrefix(input.prefix)
  if (prefix instanceof Error) throw new UserError(`--prefix: ${prefix.message}`)
  return {
    ...(endpoint ? { endpoint } : {}),
    region: input.region ?? env.AWS_REGION ?? env.AWS_DEFAULT_REGION ?? 'us-east-1',
    bucket,
    prefix,
    pathStyle: input.pathStyle ?? false,
    accessKeyId,
    secretAccessKey,
  }
}
