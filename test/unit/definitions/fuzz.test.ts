// Mutation fuzzing of `validate`: thousands of damaged copies of the valid
// fixtures and examples go through the CLI code in-process. Whatever the input,
// the tool ends with 0, 1 or 2, prints no stack trace and no internal error,
// and takes less than 10 s. Reproduce a failure with FUZZ_SEED=<printed seed>.
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { PassThrough } from 'node:stream'
import { afterAll, describe, expect, it } from 'vitest'
import { main } from '../../../src/cli/main.js'

const root = path.resolve(import.meta.dirname, '../../..')
const CASES = 8000
/** The whole run stops here even when CASES are not done (slow machines). */
const BUDGET_MS = 50_000
const CASE_LIMIT_MS = 10_000

const seed = Number(process.env.FUZZ_SEED ?? Math.floor(Math.random() * 2 ** 31))
console.info(`fuzz: seed ${seed} (rerun with FUZZ_SEED=${seed})`)

/** mulberry32: small, seeded, good enough to pick mutations. */
function prng(state: number): () => number {
  return () => {
    state = (state + 0x6d2b79f5) | 0
    let t = Math.imul(state ^ (state >>> 15), 1 | state)
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

const corpus = [
  ...readdirSync(path.join(root, 'test/fixtures/valid')).map((f) => `test/fixtures/valid/${f}`),
  ...readdirSync(path.join(root, 'examples/images')).map((f) => `examples/images/${f}`),
]
  .filter((f) => /\.ya?ml$/.test(f))
  .map((f) => readFileSync(path.join(root, f)))

// Pieces that have broken YAML tools before: structure, anchors, merges, hostile urls and text.
const tokens = [
  ':',
  '- ',
  '[',
  ']',
  '{',
  '}',
  ',',
  '&a ',
  '*a',
  '&b ',
  '*b',
  '<<: *a',
  '<<: [*a, *b]',
  '!!merge ',
  '!!binary ',
  '!!python/object ',
  '? ',
  '|',
  '>-',
  "'",
  '"',
  '#',
  '%',
  '@',
  '`',
  '\t',
  '\n',
  '\r\n',
  '---\n',
  '...\n',
  '\\0',
  '"\\e[31m"',
  '"\\u202e"',
  '"\\0"',
  '~',
  'null',
  'yes',
  '1.10',
  '0x1F',
  '.inf',
  '2024-02-30 10:00:00',
  '2024-02-29',
  'file:%2e%2e/etc/passwd',
  'file:%2Fetc%2Fpasswd',
  'file://localhost/etc/passwd',
  'file://host/x',
  'file://%E0%A4%A',
  'file:%E0%A4%A',
  'file:.',
  'file:images/x.img',
  'https://evil.example/x.img',
  '::error file=x::',
  '</details>',
  '@octocat',
  'latest',
  'id: 0b6ed8b6-4b8d-4e5c-9d0e-2f6c1a7f3e21',
  'x'.repeat(300),
  'y'.repeat(20_000),
  '\u00e9',
  '\ud83d\ude00',
]
const badBytes = [[0xff], [0xc3], [0xe0, 0xa4], [0xed, 0xa0, 0x80], [0x00], [0x1b]]

function mutate(input: Buffer, random: () => number): Buffer {
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)] as T
  let bytes = input
  const rounds = 1 + Math.floor(random() * 4)
  for (let r = 0; r < rounds; r++) {
    const at = Math.floor(random() * (bytes.length + 1))
    const choice = random()
    if (choice < 0.3) {
      bytes = Buffer.concat([bytes.subarray(0, at), Buffer.from(pick(tokens)), bytes.subarray(at)])
    } else if (choice < 0.45) {
      const end = Math.min(bytes.length, at + Math.floor(random() * 40))
      bytes = Buffer.concat([bytes.subarray(0, at), bytes.subarray(end)])
    } else if (choice < 0.55) {
      bytes = Buffer.concat([
        bytes.subarray(0, at),
        Buffer.from(pick(badBytes)),
        bytes.subarray(at),
      ])
    } else if (choice < 0.75) {
      // Repeat or move whole lines: duplicates, aliases far from anchors, broken indentation.
      const lines = bytes.toString('latin1').split('\n')
      const i = Math.floor(random() * lines.length)
      const j = Math.floor(random() * lines.length)
      if (random() < 0.5) lines.splice(j, 0, lines[i] as string)
      else [lines[i], lines[j]] = [lines[j] as string, lines[i] as string]
      bytes = Buffer.from(lines.join('\n'), 'latin1')
    } else {
      // Replace a value after a colon with a hostile token.
      const text = bytes.toString('latin1')
      const colon = text.indexOf(': ', at)
      if (colon < 0) continue
      const eol = text.indexOf('\n', colon)
      const value = pick(tokens).replace(/\n/g, ' ')
      bytes = Buffer.from(
        text.slice(0, colon + 2) + value + (eol < 0 ? '' : text.slice(eol)),
        'latin1',
      )
    }
  }
  return bytes
}

async function validate(file: string): Promise<{ code: number; out: string; err: string }> {
  const out = new PassThrough()
  const err = new PassThrough()
  let stdout = ''
  let stderr = ''
  out.on('data', (c) => (stdout += c))
  err.on('data', (c) => (stderr += c))
  const code = await main(['validate', '--images', file], { out, err })
  return { code, out: stdout, err: stderr }
}

describe('validate under mutation fuzzing', () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'fuzz-'))
  afterAll(() => rmSync(dir, { recursive: true, force: true }))

  it(
    `${CASES} mutated catalogs: exit 0/1/2, no stack trace, no internal error, none over 10 s`,
    async () => {
      const random = prng(seed)
      const started = Date.now()
      let done = 0
      for (; done < CASES && Date.now() - started < BUDGET_MS; done++) {
        const input = mutate(corpus[Math.floor(random() * corpus.length)] as Buffer, random)
        const file = path.join(dir, `case-${done}.yml`)
        writeFileSync(file, input)
        const t = Date.now()
        const r = await validate(file)
        const took = Date.now() - t
        const where = `seed ${seed}, case ${done}: input kept at ${file}`
        const output = r.out + r.err
        expect([0, 1, 2], where).toContain(r.code)
        expect(output, where).not.toMatch(/\n\s+at .+:\d+:\d+/)
        expect(r.code === 1 && /^error: /m.test(r.err), `${where}: internal error ${r.err}`).toBe(
          false,
        )
        expect(took, where).toBeLessThan(CASE_LIMIT_MS)
        rmSync(file)
      }
      console.info(`fuzz: ${done} cases in ${Date.now() - started} ms`)
      expect(done).toBeGreaterThanOrEqual(Math.min(CASES, 500))
    },
    BUDGET_MS + 2 * CASE_LIMIT_MS,
  )
})
