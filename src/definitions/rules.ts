// Rules the JSON Schema cannot express: uniqueness across files, dates, paths.
import path from 'node:path'
import { checkFileUrl } from '../download/file-url.js'
import type { Problem, Severity } from '../problems.js'
import type { LoadedFile } from './load.js'
import { keyFileUrl } from './key-files.js'
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

/** What the checks collect across files. */
interface RuleState {
  options: RuleOptions
  problems: Problem[]
  // Where each Glance name was first made, and by which definition.
  firstName: Map<string, { where: string; def: Definition }>
  // Where each fixed image id was first given: Glance ids are unique in the whole cloud.
  firstId: Map<string, string>
  /** Local paths to check: `file:` urls of versions (mustExist: key files of checksum_signature). */
  fileUrls: {
    file: LoadedFile
    pointer: string
    key: string
    url: string
    /** As the file writes it, when that is not the url (a key file's path). */
    shown?: string
    mustExist?: true
  }[]
  // A build dated after tomorrow (UTC) cannot exist yet; a day of slack covers time zones.
  tomorrow: string
}

export async function checkRules(
  files: readonly CheckedFile[],
  options: RuleOptions,
): Promise<Problem[]> {
  const state: RuleState = {
    options,
    problems: [],
    firstName: new Map(),
    firstId: new Map(),
    fileUrls: [],
    // Stryker disable next-line MethodExpression: build dates are YYYY-MM-DD; against the whole timestamp they compare as against its date
    tomorrow: new Date(options.now.getTime() + 86_400_000).toISOString().slice(0, 10),
  }
  for (const { file, definitions } of files) {
    definitions.forEach((def, i) => {
      const at = `/images/${i}`
      checkNames(state, file, def, at)
      checkSizes(state, file, def, at)
      checkMeta(state, file, def, at)
      checkVersions(state, file, def, at)
      def.checksum_signature?.keys.forEach((key, k) => {
        const url = keyFileUrl(key)
        const pointer = `${at}/checksum_signature/keys/${k}`
        state.fileUrls.push({ file, pointer, key: 'key file', url, shown: key, mustExist: true })
      })
    })
  }
  // The downloader asks the same question with the same function, so what passes here can be read.
  for (const { file, pointer, key, url, shown, mustExist } of state.fileUrls) {
    const dir = path.dirname(file.absolutePath)
    const meaning = await checkFileUrl(url, dir, dir, mustExist ? { mustExist } : {})
    if (!meaning.ok) report(state, file, pointer, `${key} '${shown ?? url}' ${meaning.reason}`)
  }
  return state.problems
}

function report(
  state: RuleState,
  file: LoadedFile,
  pointer: string,
  message: string,
  severity: Severity = 'error',
  onKey = false,
): void {
  const at = file.positions.get(pointer)
  const { line, column } = file.lines.locate((onKey ? at?.key : undefined) ?? at?.value ?? 0)
  state.problems.push({
    severity,
    file: file.file,
    line,
    column,
    message,
    sourceLine: file.lines.lineText(line),
  })
}

/** Glance names: not too long, and made by one definition only. */
function checkNames(state: RuleState, file: LoadedFile, def: Definition, at: string): void {
  for (const { name } of glanceNames(def)) {
    if (name.length > MAX_GLANCE_NAME) {
      report(
        state,
        file,
        `${at}/name`,
        `this name makes a Glance name of ${name.length} characters ('${name.slice(0, 40)}…'); Glance allows at most ${MAX_GLANCE_NAME}: shorten the name or the version`,
      )
      break
    }
    const first = state.firstName.get(name)
    // Within one definition only a duplicate version can clash: reported below.
    if (!first) state.firstName.set(name, { where: `${file.file}:${def.position.line}`, def })
    else if (first.def !== def) {
      report(
        state,
        file,
        `${at}/name`,
        `'${def.name}' makes the same Glance name '${name}' as the definition at ${first.where}: rename one of them`,
      )
    }
  }
}

function checkSizes(state: RuleState, file: LoadedFile, def: Definition, at: string): void {
  if (def.min_disk > MAX_MIN_DISK_GIB) {
    report(
      state,
      file,
      `${at}/min_disk`,
      `min_disk ${def.min_disk} GiB is unrealistic: it is in GiB (at most ${MAX_MIN_DISK_GIB})`,
    )
  }
  if (def.min_ram > MAX_MIN_RAM_MIB) {
    report(
      state,
      file,
      `${at}/min_ram`,
      `min_ram ${def.min_ram} is unrealistic: it is in MiB (at most ${MAX_MIN_RAM_MIB})`,
    )
  }
}

/** `rotated` without `multi`, and the recommended meta keys. */
function checkMeta(state: RuleState, file: LoadedFile, def: Definition, at: string): void {
  // Non-multi builds take os_version from their version; multi ones may set it per version.
  const versioned =
    !def.multi || (def.versions.length > 0 && def.versions.every((v) => v.os_version))
  const missing = state.options.recommendedMeta.filter(
    (key) => !(key in def.meta) && !(key === 'os_version' && versioned),
  )
  if (def.rotated && !def.multi) {
    report(
      state,
      file,
      `${at}/rotated`,
      `'rotated' has no effect on '${def.name}': only multi: true images are replaced under their name`,
      'warning',
      true,
    )
  }
  if (missing.length > 0) {
    report(
      state,
      file,
      `${at}/meta`,
      `meta lacks ${missing.map((k) => `'${k}'`).join(', ')}, which the SCS image metadata standard asks for`,
      state.options.strict ? 'error' : 'warning',
      true,
    )
  }
}

/** Versions once each, ids unique, no future builds; file: URLs kept for checkRules. */
function checkVersions(state: RuleState, file: LoadedFile, def: Definition, at: string): void {
  const seen = new Set<string>()
  def.versions.forEach((v, j) => {
    const vat = `${at}/versions/${j}`
    if (seen.has(v.version))
      report(
        state,
        file,
        `${vat}/version`,
        `duplicate version '${v.version}' in '${def.name}': each version may appear once`,
      )
    seen.add(v.version)
    if (v.id !== undefined) {
      const first = state.firstId.get(v.id)
      if (first) {
        report(
          state,
          file,
          `${vat}/id`,
          `id ${v.id} is already the id of the version at ${first}: each image needs its own id`,
        )
      } else state.firstId.set(v.id, `${file.file}:${v.position.line}`)
    }
    if (v.build_date && v.build_date > state.tomorrow) {
      report(state, file, `${vat}/build_date`, `build_date ${v.build_date} is in the future`)
    }
    for (const key of ['url', 'mirror_url'] as const) {
      const url = v[key]
      if (url?.startsWith('file:'))
        state.fileUrls.push({ file, pointer: `${vat}/${key}`, key, url })
    }
  })
}
