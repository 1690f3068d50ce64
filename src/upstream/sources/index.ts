// The registry of upstream sources. Which one applies follows from the shape
// of latest_url / latest_checksum_url, first match in this order (most
// specific first), or from an explicit `#upstream=<key>` on latest_url.
import type { Source } from '../source.js'
import { composeManifest } from './compose-manifest.js'
import { datedFolders } from './dated-folders.js'
import { filePattern } from './file-pattern.js'
import { fixedName } from './fixed-name.js'
import { manifestPattern } from './manifest-pattern.js'
import { releaseDigests } from './release-digests.js'
import { sidecar } from './sidecar.js'

export const SOURCES: readonly Source[] = [
  manifestPattern,
  releaseDigests,
  composeManifest,
  sidecar,
  datedFolders,
  filePattern,
  fixedName,
]
