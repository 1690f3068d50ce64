// Image definition builders shared by the tests: as a catalog file writes them
// (for catalogs on disk) and as the loader returns them (for the planner).
import type { Definition, Version } from '../../src/definitions/types.js'

/** The meta every catalog definition of the tests carries, plus `extra`. */
export const catalogMeta = (extra: Record<string, unknown> = {}): Record<string, unknown> => ({
  architecture: 'x86_64',
  hw_disk_bus: 'scsi',
  ...extra,
})

/**
 * A definition as a catalog file writes it: a single-build qcow2 image with the
 * smallest valid fields, overridden by `extra` (keys keep the catalog's order).
 */
export function catalogDefinition(
  name: string,
  extra: Record<string, unknown> = {},
): Record<string, unknown> {
  return {
    name,
    format: 'qcow2',
    login: 'user',
    min_disk: 0,
    min_ram: 0,
    status: 'active',
    visibility: 'public',
    multi: false,
    meta: catalogMeta(),
    tags: [],
    versions: [],
    ...extra,
  }
}

/** Where the loaded definitions of the planner tests say they come from. */
export const at = { file: 'etc/images/ubuntu.yml', line: 2, column: 5 }

/** A loaded version `v` (yyyymmdd), its build date taken from it. */
export function version(v: string, extra: Partial<Version> = {}): Version {
  return {
    version: v,
    url: `https://cloud-images.example.test/${v}/image.img`,
    build_date: `${v.slice(0, 4)}-${v.slice(4, 6)}-${v.slice(6, 8)}`,
    position: at,
    ...extra,
  }
}

/** A loaded multi definition (Ubuntu 24.04, two builds), overridden by `extra`. */
export function definition(extra: Partial<Definition> = {}): Definition {
  return {
    name: 'Ubuntu 24.04',
    enable: true,
    format: 'qcow2',
    login: 'ubuntu',
    min_disk: 8,
    min_ram: 512,
    status: 'active',
    visibility: 'public',
    multi: true,
    separator: ' ',
    keep: false,
    meta: {
      architecture: 'x86_64',
      hw_disk_bus: 'scsi',
      hw_rng_model: 'virtio',
      os_distro: 'ubuntu',
      os_version: '24.04',
      uuid_validity: 'last-3',
    },
    tags: [],
    versions: [version('20240416'), version('20240422')],
    position: at,
    ...extra,
  }
}
