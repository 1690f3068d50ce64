// The README's table of the action's inputs and outputs, generated from action.yml so the two
// cannot drift apart: `node scripts/action-table.mjs` prints it, `--write` puts it into
// README.md between the marker comments. A unit test fails while the README's copy is stale.
import { readFileSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { load } from 'js-yaml'
import { format, resolveConfig } from 'prettier'

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..')
export const actionPath = path.join(root, 'action.yml')
export const readmePath = path.join(root, 'README.md')
export const BEGIN = '<!-- action-table:begin (generated from action.yml) -->'
export const END = '<!-- action-table:end -->'
export const FIX_COMMAND = 'node scripts/action-table.mjs --write'

/** The first sentence of a description: up to a sentence end followed by a capital letter. */
export function firstSentence(text) {
  const flat = String(text ?? '')
    .replace(/\s+/g, ' ')
    .trim()
  return /^.*?[.!?](?= [A-Z])/.exec(flat)?.[0] ?? flat
}

/** A table cell: pipes escaped, so a description cannot add a column. */
const cell = (text) => text.replace(/\|/g, '\\|')

function markdownTables(action) {
  const inputs = Object.entries(action.inputs ?? {}).map(([name, input]) => {
    const fallback = input.default === undefined ? '' : `\`${String(input.default)}\``
    return `| \`${name}\` | ${cell(fallback)} | ${cell(firstSentence(input.description))} |`
  })
  const outputs = Object.entries(action.outputs ?? {}).map(
    ([name, output]) => `| \`${name}\` | ${cell(firstSentence(output.description))} |`,
  )
  return [
    '| Input | Default | What it does |',
    '| --- | --- | --- |',
    ...inputs,
    '',
    '| Output | What it holds |',
    '| --- | --- |',
    ...outputs,
    '',
  ].join('\n')
}

/** The tables for action.yml as it is now, formatted as prettier formats the README. */
export async function actionTable() {
  const action = load(readFileSync(actionPath, 'utf8'))
  const options = { ...(await resolveConfig(readmePath)), filepath: readmePath }
  return format(markdownTables(action), options)
}

/** What the README holds between the markers, or undefined without them. */
export function readmeTable(readme) {
  const start = readme.indexOf(BEGIN)
  const end = readme.indexOf(END)
  if (start < 0 || end < start) return undefined
  return `${readme.slice(start + BEGIN.length, end).trim()}\n`
}

/** The README with the tables between the markers replaced. */
export function withTable(readme, table) {
  const start = readme.indexOf(BEGIN)
  const end = readme.indexOf(END)
  if (start < 0 || end < start) throw new Error(`README.md lacks the markers ${BEGIN} ... ${END}`)
  return `${readme.slice(0, start + BEGIN.length)}\n\n${table}\n${readme.slice(end)}`
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const table = await actionTable()
  if (process.argv.includes('--write')) {
    writeFileSync(readmePath, withTable(readFileSync(readmePath, 'utf8'), table))
    console.log(`wrote the action table into ${path.relative(root, readmePath)}`)
  } else {
    process.stdout.write(table)
  }
}
