// The example catalogs are SCS-conformant out of the box: the demo's
// (examples/images) and the catalog repository's (examples/catalog-repo).
// scs-0102 v2: every rule of `check` holds for their images as apply creates
// them, and a fresh plan (the demo's first apply) has no SCS finding.
// scs-0104 v1: "Ubuntu 24.04" and "Debian 12" builds record an image_source
// under the prefixes SCS allows for them (Tests/iaas/scs-0104-v1-images.yaml
// and -v5.yaml of SovereignCloudStack/standards).
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { catalogImages } from '../../../src/commands/check.js'
import { loadCatalog } from '../../../src/definitions/catalog.js'
import { plan } from '../../../src/plan/plan.js'
import { scsFindings } from '../../../src/scs/after-plan.js'
import { checkImages } from '../../../src/scs/rules.js'
import { options } from '../plan/fixtures.js'

const root = path.resolve(import.meta.dirname, '../../..')

const ALLOWED: Record<string, string[]> = {
  'Ubuntu 24.04': [
    'https://cloud-images.ubuntu.com/releases/noble/',
    'https://cloud-images.ubuntu.com/noble/',
  ],
  'Debian 12': [
    'https://cloud.debian.org/images/cloud/bookworm/',
    'https://cdimage.debian.org/cdimage/cloud/bookworm/',
  ],
}

/** The newest build date of the catalog: the day its builds are current. */
const newestBuild = (dates: readonly (string | undefined)[]): Date =>
  new Date(`${dates.filter(Boolean).sort().at(-1)}T12:00:00Z`)

describe.each([
  // The demo's builds promise nothing (provided_until: none): any day will do.
  ['examples/images', () => new Date()],
  // A real catalog's builds are current when the update job has just bumped them.
  ['examples/catalog-repo/etc/images', undefined],
] as const)('%s', (dir, today) => {
  const load = async () => {
    const catalog = await loadCatalog({ images: path.join(root, dir) })
    expect(catalog.problems).toEqual([])
    return catalog.definitions
  }

  it('passes every scs-0102 v2 rule of check, without a warning', async () => {
    const definitions = await load()
    const images = catalogImages(definitions, new Set(), undefined)
    const now = today?.() ?? newestBuild(images.map((i) => i.properties.image_build_date))
    const failing = checkImages(images, now.getTime()).filter(
      (r) => r.offenders.length || r.warnings.length,
    )
    expect(failing).toEqual([])
    // One public, visible generic build per distribution and version; older ones oldgeneric.
    const generic = images.filter((i) => i.properties.os_purpose === 'generic' && !i.os_hidden)
    expect(generic.map((i) => i.name).sort()).toEqual(['Debian 12', 'Ubuntu 24.04'])
  })

  it('has no SCS finding in its first plan', async () => {
    const definitions = await load()
    const p = plan(definitions, [], options())
    expect(scsFindings([], p)).toEqual([])
  })

  it('records image_source under the scs-0104 prefixes for Ubuntu 24.04 and Debian 12', async () => {
    const images = catalogImages(await load(), new Set(), undefined)
    const standard = images.filter((i) => Object.keys(ALLOWED).some((n) => i.name.startsWith(n)))
    expect(standard.length).toBeGreaterThanOrEqual(2)
    for (const image of standard) {
      const prefixes = ALLOWED[image.properties.image_name as string] ?? []
      const source = image.properties.image_source ?? ''
      expect(
        prefixes.some((p) => source.startsWith(p)),
        `${image.name}: ${source}`,
      ).toBe(true)
    }
  })
})
