// One paginated listing of the managed images: nothing per image.
import type { GlanceClient } from '../openstack/glance/client.js'
import type { Image } from '../openstack/glance/types.js'
import { isManaged, type CloudImage } from '../plan/observed.js'

/** Glance's maximum page size by default (api_limit_max). */
const PAGE = 1000

async function collect(images: AsyncIterable<Image>): Promise<Image[]> {
  const out: Image[] = []
  for await (const image of images) out.push(image)
  return out
}

export async function observeManagedImages(
  glance: GlanceClient,
  tag: string,
): Promise<CloudImage[]> {
  // Glance lists hidden images only when asked, and then only those: two passes,
  // side by side. visibility=all includes community images (hidden by retention).
  const passes = await Promise.all(
    [false, true].map((osHidden) =>
      collect(glance.listImages({ tag, visibility: 'all', osHidden, limit: PAGE })),
    ),
  )
  return passes
    .flat()
    .map((image) => ({ ...image, name: image.name ?? '' }))
    .filter((image) => isManaged(image, tag, glance.projectId ?? ''))
}
