// check-age: builds in Glance much older than the newest build a definition names.
import type { Definition } from '../definitions/types.js'
import type { CloudImage } from './observed.js'
import type { Note } from './types.js'

const DAY = 86_400_000

export function checkAge(
  definitions: readonly Definition[],
  images: readonly CloudImage[],
  maxAgeDays: number,
  belongsTo: (def: Definition, image: CloudImage) => boolean,
): Note[] {
  const notes: Note[] = []
  for (const def of definitions) {
    for (const image of images.filter((i) => belongsTo(def, i))) {
      const built = image.properties.image_build_date
      // Multi: any newer build counts; non-multi: only the same version's.
      const dates = def.versions
        .filter((v) => def.multi || v.version === image.properties.internal_version)
        .flatMap((v) => (v.build_date ? [v.build_date] : []))
        .sort()
      const newest = dates[dates.length - 1]
      if (!built || !newest) continue
      const days = Math.round((Date.parse(newest) - Date.parse(built.slice(0, 10))) / DAY)
      if (days > maxAgeDays) {
        notes.push({
          image: { id: image.id, name: image.name },
          message: `built ${built}, ${days} days before the newest build of '${def.name}' (${newest}); more than ${maxAgeDays}`,
        })
      }
    }
  }
  return notes
}
