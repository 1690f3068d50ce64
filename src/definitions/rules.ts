// Rules the JSON Schema cannot express: uniqueness across files, dates, paths.
import path from 'node:path'
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
  /** The catalog directory: `file:` urls must stay inside it. */
  catalogDir: string
  /** Missing recommended meta keys are errors, not warnings. */
  strict: boolean
  recommendedMeta: readonly string[]
}

const MAX_MIN_DISK_GIB = 10_000
const MAX_MIN_RAM_MIB = 10 * 1024 * 1024

export function checkRules(files: readonly CheckedFile[], options: RuleOptions): Problem[] {
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
  // A build dated after tomorrow (UTC) cannot exist yet; a day of slack covers time zones.
  const tomorrow = new Date(options.now.getTime() + 86_400_000).toISOString().slice(0, 10)

  for (const { file, definitions } of files) {
    definitions.forEach((def, i) => {
      const at = `/images/${i}`
      for (const { name } of glanceNames(def)) {
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
      const missing = options.recommendedMeta.filter((key) => !(key in def.meta))
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
        if (v.build_date && v.build_date > tomorrow) {
          report(file, `${vat}/build_date`, `build_date ${v.build_date} is in the future`)
        }
        for (const key of ['url', 'mirror_url'] as const) {
          const url = v[key]
          if (url?.startsWith('file:') && escapes(url, options.catalogDir)) {
            report(
              file,
              `${vat}/${key}`,
              `${key} '${url}' points outside the catalog directory ${options.catalogDir}: keep local images inside it`,
            )
          }
        }
      })
    })
  }
  return problems
}

function escapes(url: string, catalogDir: string): boolean {
  const target = url.startsWith('file://')
    ? decodeURIComponent(url.slice('file://'.length))
    : url.slice('file:'.length)
  const resolved = path.resolve(catalogDir, target)
  const rel = path.relative(path.resolve(catalogDir), resolved)
  return rel.startsWith('..') || path.isAbsolute(rel)
}
