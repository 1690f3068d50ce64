// One paginated listing of the managed images: nothing per image.
import type { GlanceClient } from '../openstack/glance.js'
import { isManaged, type CloudImage } from '../plan/observed.js'

/** Glance's maximum page size by default (api_limit_max). */
const PAGE = 1000

export async function observeManagedImages(
  glance: GlanceClient,
  tag: string,
): Promise<CloudImage[]> {
  const images: CloudImage[] = []
  // visibility=all includes community images (hidden by retention); both passes include os_hidden ones.
  for await (const image of glance.listImages({
    tag,
    visibility: 'all',
    osHidden: 'both',
    limit: PAGE,
  })) {
    const observed = { ...image, name: image.name ?? '' }
    if (isManaged(observed, tag, glance.projectId ?? '')) images.push(observed)
  }
  return images
}
