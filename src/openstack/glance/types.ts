// Glance v2 types and the parser that turns Glance's flat image JSON into an
// Image with typed known fields and every other key kept in `properties`.

export type ImageStatus =
  | 'queued'
  | 'saving'
  | 'uploading'
  | 'importing'
  | 'active'
  | 'deactivated'
  | 'killed'
  | 'deleted'
  | 'pending_delete'

export type ImageVisibility = 'public' | 'private' | 'shared' | 'community'

export type ImageDiskFormat =
  'ami' | 'ari' | 'aki' | 'vhd' | 'vhdx' | 'vmdk' | 'raw' | 'qcow2' | 'vdi' | 'iso' | 'ploop'

export type ImageContainerFormat =
  'ami' | 'ari' | 'aki' | 'bare' | 'ovf' | 'ova' | 'docker' | 'compressed'

export type MemberStatus = 'pending' | 'accepted' | 'rejected'

export type ImportMethod = 'glance-direct' | 'web-download' | 'copy-image' | 'glance-download'

export interface Image {
  id: string
  name: string | null
  status: ImageStatus
  visibility: ImageVisibility
  protected: boolean
  os_hidden: boolean
  disk_format: ImageDiskFormat | null
  container_format: ImageContainerFormat | null
  min_disk: number
  min_ram: number
  size: number | null
  virtual_size: number | null
  checksum: string | null
  os_hash_algo: string | null
  os_hash_value: string | null
  owner: string | null
  tags: string[]
  created_at: string
  updated_at: string
  /** Backend stores holding the data (multi-store Glance), comma-separated. */
  stores?: string
  /** Every other key of the image (user properties and Glance's own `os_glance_*`), as strings. */
  properties: Record<string, string>
}

export interface ImageMember {
  image_id: string
  member_id: string
  status: MemberStatus
  created_at: string
  updated_at: string
  schema?: string
}

export interface ImportInfo {
  /** Methods this Glance offers, from `GET /v2/info/import`. */
  methods: string[]
}

/**
 * One task of an image (`GET /v2/images/{id}/tasks`, since API v2.12). For an
 * import, `message` is Glance's reason once `status` is `failure`, and its
 * progress ("Copied 15 MiB") while it runs; `result` is set on success.
 */
export interface ImageTask {
  id: string
  type: string
  status: string
  message: string
  result: unknown
  created_at: string
  updated_at: string
  /** The import method the task runs (`input.import_req.method.name`), when it is an import. */
  method?: string
}

export interface Store {
  id: string
  description?: string
  /** Glance sends the string "true" here; normalized to a boolean. */
  default: boolean
}

/** Keys of the image JSON that are fields of Image, not properties. */
const KNOWN_KEYS = new Set([
  'id',
  'name',
  'status',
  'visibility',
  'protected',
  'os_hidden',
  'disk_format',
  'container_format',
  'min_disk',
  'min_ram',
  'size',
  'virtual_size',
  'checksum',
  'os_hash_algo',
  'os_hash_value',
  'owner',
  'tags',
  'created_at',
  'updated_at',
  'stores',
])

/** Links and schema references that are neither fields nor properties. */
const LINK_KEYS = new Set(['self', 'file', 'schema'])

/** Keys that cannot be set as properties: Glance's core attributes and links. */
export const RESERVED_KEYS: ReadonlySet<string> = new Set([
  ...KNOWN_KEYS,
  ...LINK_KEYS,
  'locations',
  'direct_url',
])

function str(value: unknown): string | null {
  return typeof value === 'string' ? value : null
}

function num(value: unknown): number | null {
  return typeof value === 'number' && Number.isFinite(value) ? value : null
}

/** Turn Glance's image JSON into an Image. Throws on something that is not an image. */
export function parseImage(json: unknown): Image {
  if (
    typeof json !== 'object' ||
    json === null ||
    typeof (json as { id?: unknown }).id !== 'string'
  ) {
    throw new Error(
      `Glance returned something that is not an image: ${JSON.stringify(json)?.slice(0, 200)}`,
    )
  }
  const raw = json as Record<string, unknown>
  const properties: Record<string, string> = {}
  for (const [key, value] of Object.entries(raw)) {
    if (KNOWN_KEYS.has(key) || LINK_KEYS.has(key) || value === undefined || value === null) continue
    properties[key] = typeof value === 'string' ? value : JSON.stringify(value)
  }
  return {
    id: raw.id as string,
    name: str(raw.name),
    status: (str(raw.status) ?? 'queued') as ImageStatus,
    visibility: (str(raw.visibility) ?? 'private') as ImageVisibility,
    protected: raw.protected === true,
    os_hidden: raw.os_hidden === true,
    disk_format: str(raw.disk_format) as ImageDiskFormat | null,
    container_format: str(raw.container_format) as ImageContainerFormat | null,
    min_disk: num(raw.min_disk) ?? 0,
    min_ram: num(raw.min_ram) ?? 0,
    size: num(raw.size),
    virtual_size: num(raw.virtual_size),
    checksum: str(raw.checksum),
    os_hash_algo: str(raw.os_hash_algo),
    os_hash_value: str(raw.os_hash_value),
    owner: str(raw.owner),
    tags: Array.isArray(raw.tags)
      ? raw.tags.filter((tag): tag is string => typeof tag === 'string')
      : [],
    created_at: str(raw.created_at) ?? '',
    updated_at: str(raw.updated_at) ?? '',
    ...(typeof raw.stores === 'string' ? { stores: raw.stores } : {}),
    properties,
  }
}

/** Turn one task of `GET /v2/images/{id}/tasks` into an ImageTask. */
export function parseImageTask(json: unknown): ImageTask {
  const raw = (typeof json === 'object' && json !== null ? json : {}) as Record<string, unknown>
  const input = raw.input as { import_req?: { method?: { name?: unknown } } } | null | undefined
  const method = str(input?.import_req?.method?.name)
  return {
    id: str(raw.id) ?? '',
    type: str(raw.type) ?? '',
    status: str(raw.status) ?? '',
    message: str(raw.message) ?? '',
    result: raw.result ?? null,
    created_at: str(raw.created_at) ?? '',
    updated_at: str(raw.updated_at) ?? '',
    ...(method !== null ? { method } : {}),
  }
}

/** The body of `POST /v2/images`. Properties and tags go in the same call. */
export interface CreateImageBody {
  /** A fixed UUID for the new image. */
  id?: string
  name: string
  disk_format: ImageDiskFormat
  container_format: ImageContainerFormat
  visibility?: ImageVisibility
  min_disk?: number
  min_ram?: number
  protected?: boolean
  os_hidden?: boolean
  tags?: string[]
  /** Extra properties; values must be strings. */
  properties?: Record<string, string>
}

/** The JSON Glance expects for a create: properties flattened into the image. */
export function createImageJson(body: CreateImageBody): Record<string, unknown> {
  const { properties, ...core } = body
  for (const key of Object.keys(properties ?? {})) {
    if (RESERVED_KEYS.has(key))
      throw new Error(`'${key}' is a Glance attribute, not a property; set it as a field`)
  }
  const json: Record<string, unknown> = { ...properties }
  for (const [key, value] of Object.entries(core)) if (value !== undefined) json[key] = value
  return json
}
