// What the plan needs to know of an image in Glance. The Glance client's image
// type satisfies this structurally; the plan never sees HTTP.

export interface CloudImage {
  id: string
  name: string
  status: string
  visibility: string
  owner?: string | null
  tags: string[]
  min_disk: number
  min_ram: number
  size?: number | null
  os_hidden?: boolean
  disk_format?: string | null
  created_at?: string
  /** When Glance last changed the image (an import that stopped moving is a leftover). */
  updated_at?: string
  /** Every key Glance returns beyond its own fields. */
  properties: Record<string, string>
}

/** docs/behaviour.md §2: only images with the managed tag, public or owned by us, are ever looked at. */
export const isManaged = (image: CloudImage, tag: string, projectId: string): boolean =>
  image.tags.includes(tag) && (image.visibility === 'public' || image.owner === projectId)
