// The import steps of one definition: desired builds Glance lacks (docs/behaviour.md §4). Pure.
import { asHolder, asRotated, type DesiredImage } from './desire.js'
import { ref, type DefinitionScope, type Matches } from './managed.js'
import { outsideWindow } from './retention.js'
import type { ImageRef, ImportStep } from './types.js'
import type { VerifyMode } from '../definitions/types.js'
import { compressionOfName } from '../download/sniff.js'

/** Imports for the unmatched desired builds; what is left out gets a note saying why. */
export function importSteps(scope: DefinitionScope, { match, leftovers }: Matches): ImportStep[] {
  const { def, options, newest, rotation, window } = scope
  const outside = outsideWindow(def, window.size, options.keep || def.keep)
  const imports: ImportStep[] = []
  for (const d of scope.desired) {
    const image = match.get(d)
    if (image) continue
    if (def.multi && options.latest && d !== newest) {
      scope.notes.push({
        image: { name: d.name },
        message: `not imported: --latest imports only the newest version`,
      })
      continue
    }
    if (outside.has(d.version.version)) {
      scope.notes.push({
        image: { name: d.name },
        message: `not imported: outside the retention window (${window.why})`,
      })
      continue
    }
    const leftover = leftovers.get(d)
    // Only the newest build ever takes the name: an older one is created as replaced.
    const want = !rotation ? d : d === newest ? asHolder(d, rotation) : asRotated(d, rotation)
    const mode = def.verify ?? options.verify ?? 'auto'
    imports.push(importStep(want, options.tag, mode, leftover && ref(leftover)))
  }
  return imports
}

/**
 * Whether the tool streams the bytes, and what that checks (docs/behaviour.md §4):
 * a checksum can only be checked, and a compressed source only unpacked, by
 * streaming; Glance's web-download checks nothing.
 */
export function transfer(
  d: Pick<DesiredImage, 'checksum' | 'sourceUrl'>,
  mode: VerifyMode,
): Pick<ImportStep, 'stream' | 'verification' | 'peek'> {
  // `file:` sources have no web-download: they are always streamed.
  const stream =
    mode === 'stream' ||
    d.sourceUrl.startsWith('file:') ||
    (mode === 'auto' && (d.checksum !== undefined || compressionOfName(d.sourceUrl) !== undefined))
  const verification = !d.checksum
    ? 'unverified (no checksum)'
    : stream
      ? `verified (${d.checksum.split(':')[0]})`
      : 'unverified (verify: none)'
  // Glance 2022.2 stores any bytes under any format: a web-download is sniffed first too.
  return { stream, verification, ...(!stream && mode !== 'none' ? { peek: true } : {}) }
}

function importStep(
  d: DesiredImage,
  tag: string,
  mode: VerifyMode,
  leftover: ImageRef | undefined,
): ImportStep {
  return {
    action: 'import',
    image: { name: d.importName },
    ...(leftover ? { replaces: leftover } : {}),
    version: d.internalVersion,
    source: d.sourceUrl,
    ...(d.fallbackUrl ? { fallback: d.fallbackUrl } : {}),
    ...(d.checksum ? { checksum: d.checksum } : {}),
    ...transfer(d, mode),
    create: {
      ...(d.id ? { id: d.id } : {}),
      name: d.importName,
      disk_format: d.diskFormat,
      container_format: 'bare',
      min_disk: d.minDisk,
      min_ram: d.minRam,
      visibility: 'private',
      tags: [...new Set([tag, ...d.tags])].sort(),
      properties: d.properties,
      ...(d.osHidden !== undefined ? { os_hidden: d.osHidden } : {}),
    },
    then: { visibility: d.visibility, status: d.status },
    reason: 'missing in Glance',
  }
}
