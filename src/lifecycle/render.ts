// The lifecycle report as Markdown (job summary, tracking issue) and JSON.
import { safeJson } from '../escape/json.js'
import { escapeMarkdown as md, markdownCode } from '../escape/markdown.js'
import { DISTRIBUTIONS, type CatalogRelease, type LifecycleReport } from './report.js'

const label = (distro: string): string =>
  DISTRIBUTIONS.find((r) => r.distro === distro)?.label ?? distro

const plural = (n: number, word: string): string => `${n} ${word}${n === 1 ? '' : 's'}`

function table(header: readonly string[], rows: readonly (readonly string[])[]): string {
  return [
    `| ${header.join(' | ')} |`,
    `|${header.map(() => '---').join('|')}|`,
    ...rows.map((row) => `| ${row.join(' | ')} |`),
  ].join('\n')
}

const images = (r: CatalogRelease): string => r.images.map(markdownCode).join(', ')
const date = (value: string | undefined): string => (value === undefined ? '–' : md(value))

/** One line: what the report found, for the title of the tracking issue. */
export function lifecycleHeadline(report: LifecycleReport): string {
  if (report.findings === 0) return 'Image lifecycle: nothing to do'
  const parts = [
    report.missing.length ? plural(report.missing.length, 'missing release') : '',
    report.pastEndOfLife.length
      ? `${plural(report.pastEndOfLife.length, 'image definition')} past end of life`
      : '',
  ]
  return `Image lifecycle: ${parts.filter(Boolean).join(', ')}`
}

export function renderLifecycleMarkdown(report: LifecycleReport): string {
  const sections = [
    `## ${lifecycleHeadline(report)}`,
    `Release data from ${markdownCode(report.source)} on ${md(report.date)}. ` +
      'Ubuntu: LTS releases, judged on the end of standard support. ' +
      'Debian: judged on the end of Debian LTS.',
    ...missingSection(report),
    ...pastEndOfLifeSection(report),
    ...unknownSection(report),
    ...releasesSection(report),
  ]
  return `${sections.join('\n\n')}\n`
}

function missingSection(report: LifecycleReport): string[] {
  if (report.missing.length === 0) return []
  return [
    '### Supported releases missing from the catalog',
    table(
      ['Distribution', 'Release', 'Codename', 'Released', 'Supported until', 'Note'],
      report.missing.map((m) => [
        md(label(m.distribution)),
        md(m.cycle),
        m.codename === undefined ? '' : md(m.codename),
        date(m.releaseDate),
        date(m.end),
        m.disabled.length ? `disabled: ${m.disabled.map(markdownCode).join(', ')}` : '',
      ]),
    ),
  ]
}

function pastEndOfLifeSection(report: LifecycleReport): string[] {
  if (report.pastEndOfLife.length === 0) return []
  return [
    '### Enabled images past end of life',
    table(
      ['Definition', 'Distribution', 'Release', 'End of life', 'Images'],
      report.pastEndOfLife.map((r) => [
        md(r.definition),
        md(label(r.distribution)),
        md(r.release),
        date(r.end),
        images(r),
      ]),
    ),
    'Replace them with a supported release. `enable: false` stops managing a definition; its images stay in the cloud until they are removed.',
  ]
}

function unknownSection(report: LifecycleReport): string[] {
  if (report.unknown.length === 0) return []
  return [
    '### Releases the data does not know',
    table(
      ['Definition', 'Distribution', 'os_version'],
      report.unknown.map((r) => [md(r.definition), md(label(r.distribution)), md(r.release)]),
    ),
  ]
}

function releasesSection(report: LifecycleReport): string[] {
  if (report.releases.length === 0) return ['The catalog has no Ubuntu or Debian images.']
  return [
    '### Releases in the catalog',
    table(
      ['Definition', 'Distribution', 'Release', 'Status', 'Until'],
      report.releases.map((r) => [
        md(r.definition),
        md(label(r.distribution)),
        md(r.release),
        r.enabled ? r.status : `${r.status} (disabled)`,
        date(r.end),
      ]),
    ),
  ]
}

export const renderLifecycleJson = (report: LifecycleReport): string => `${safeJson(report)}\n`
