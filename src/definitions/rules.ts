// Rules the JSON Schema cannot express: uniqueness across files, dates, paths.
import path from 'node:path'
import { checkFileUrl } from '../download/file-url.js'
import type { Problem, Severity } from '../problems.js'
import type { LoadedFile } from './load.js'
import { glanceNames } from './names.js'
import type { Definition } from './types.js'

export interface CheckedFile {
  file: LoadedFile
  definitions: Definition[]
}

export interface RuleOptions {
  /** Today, for build dates in the future. */
  now: Date
  /** Missing recommended meta keys are errors, not warnings. */
  strict: boolean
  recommendedMeta: readonly string[]
}

const MAX_MIN_DISK_GIB = 10_000
/** Glance refuses longer image names. */
const MAX_GLANCE_NAME = 255
const MAX_MIN_RAM_MIB = 10 * 1024 * 1024

export async function checkRules(
  files: readonly CheckedFile[],
  options: RuleOptions,
): Promise<Problem[]> {
  const problems: Problem[] = []
  const report = (
    file: LoadedFile,
    pointer: string,
    message: string,
    severity: Severity = 'error',
    onKey = false,
  ): void => {
    const at = file.positions.get(pointer)
    const { line, column } = file.lines.locate((onKey ? at?.key : undefined) ?? at?.value ?? 0)
    problems.push({
      severity,
      file: file.file,
      line,
      column,
      message,
      sourceLine: file.lines.lineText(line),
    })
  }
  // Where each Glance name was first made, and by which definition.
  const firstName = new Map<string, { where: string; def: Definition }>()
  // Where each fixed image id was first given: Glance ids are unique in the whole cloud.
  const firstId = new Map<string, string>()
  // A build dated after tomorrow (UTC) cannot exist yet; a day of slack covers time zones.
  const fileUrls: { file: LoadedFile; pointer: string; key: string; url: string }[] = []
  const tomorrow = new Date(options.now.getTime() + 86_400_000).toISOString().slice(0, 10)

  for (const { file, definitions } of files) {
    definitions.forEach((def, i) => {
      const at = `/images/${i}`
      for (const { name } of glanceNames(def)) {
        if (name.length > MAX_GLANCE_NAME) {
          report(
            file,
            `${at}/name`,
            `this name makes a Glance name of ${name.length} characters ('${name.slice(0, 40)}…'); Glance allows at most ${MAX_GLANCE_NAME}: shorten the name or the version`,
          )
          break
        }
        const first = firstName.get(name)
        // Within one definition only a duplicate version can clash: reported below.
        if (!first) firstName.set(name, { where: `${file.file}:${def.position.line}`, def })
        else if (first.def !== def) {
          report(
            file,
            `${at}/name`,
            `'${def.name}' makes the same Glance name '${name}' as the definition at ${first.where}: rename one of them`,
          )
        }
      }
      if (def.min_disk > MAX_MIN_DISK_GIB) {
        report(
          file,
          `${at}/min_disk`,
          `min_disk ${def.min_disk} GiB is unrealistic: it is in GiB (at most ${MAX_MIN_DISK_GIB})`,
        )
      }
      if (def.min_ram > MAX_MIN_RAM_MIB) {
        report(
          file,
          `${at}/min_ram`,
          `min_ram ${def.min_ram} is unrealistic: it is in MiB (at most ${MAX_MIN_RAM_MIB})`,
        )
      }
      // Non-multi builds take os_version from their version; multi ones may set it per version.
      const versioned =
        !def.multi || (def.versions.length > 0 && def.versions.every((v) => v.os_version))
      const missing = options.recommendedMeta.filter(
        (key) => !(key in def.meta) && !(key === 'os_version' && versioned),
      )
      if (def.rotated && !def.multi) {
        report(
          file,
          `${at}/rotated`,
          `'rotated' has no effect on '${def.name}': only multi: true images are replaced under their name`,
          'warning',
          true,
        )
      }
      if (missing.length > 0) {
        report(
          file,
          `${at}/meta`,
          `meta lacks ${missing.map((k) => `'${k}'`).join(', ')}, which the SCS image metadata standard asks for`,
          options.strict ? 'error' : 'warning',
          true,
        )
      }
      const seen = new Set<string>()
      def.versions.forEach((v, j) => {
        const vat = `${at}/versions/${j}`
        if (seen.has(v.version))
          report(
            file,
            `${vat}/version`,
            `duplicate version '${v.version}' in '${def.name}': each version may appear once`,
          )
        seen.add(v.version)
        if (v.id !== undefined) {
          const first = firstId.get(v.id)
          if (first) {
            report(
              file,
              `${vat}/id`,
              `id ${v.id} is already the id of the version at ${first}: each image needs its own id`,
            )
          } else firstId.set(v.id, `${file.file}:${v.position.line}`)
        }
        if (v.build_date && v.build_date > tomorrow) {
          report(file, `${vat}/build_date`, `build_date ${v.build_date} is in the future`)
        }
        for (const key of ['url', 'mirror_url'] as const) {
          const url = v[key]
          if (url?.startsWith('file:')) fileUrls.push({ file, pointer: `${vat}/${key}`, key, url })
        }
      })
    })
  }
  // The downloader asks the same question with the same function, so what passes here can be read.
  for (const { file, pointer, key, url } of fileUrls) {
    const meaning = await checkFileUrl(url, path.dirname(file.absolutePath))
    if (!meaning.ok) report(file, pointer, `${key} '${url}' ${meaning.reason}`)
  }
  return problems
}
