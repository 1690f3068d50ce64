// Mutation fuzzing of `validate`: thousands of damaged copies of the valid
// fixtures and examples go through the CLI code in-process. Whatever the input,
// the tool ends with 0, 1 or 2, prints no stack trace, no internal error, no
// line the Actions runner would run as a command and no url's password, and
// takes less than 10 s. Some cases are a symlink to a secret outside the
// catalog or a file over the size cap: refused, the secret never shown. No
// case is accepted that PyYAML's safe_load refuses or whose name is blank
// (asked of python3 in one batch at the end, when it has PyYAML).
// Reproduce a failure with FUZZ_SEED=<printed seed>; FUZZ_CASES and
// FUZZ_BUDGET_MS (0: none) set the run's size (see README, "Fuzzing").
import { execFileSync } from 'node:child_process'
import { mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { PassThrough } from 'node:stream'
import { afterAll, describe, expect, it } from 'vitest'
import { main } from '../../../src/cli/main.js'
import { MAX_FILE_BYTES } from '../../../src/definitions/load.js'
import { runnerCommand } from '../escape/hostile.js'
import { pyyamlRefusals } from '../../support/pyyaml.js'

const root = path.resolve(import.meta.dirname, '../../..')
const CASES = Number(process.env.FUZZ_CASES ?? 10_000)
/** The whole run stops here even when CASES are not done (slow machines); 0: no budget. */
const BUDGET_MS = Number(process.env.FUZZ_BUDGET_MS ?? 50_000) || Infinity
const CASE_LIMIT_MS = 10_000
/** What a case behind a symlink out of the catalog must never show. */
const SECRET = 'ghp_fuzzSecretNeverShown'
/** The password of the urls with userinfo among the tokens. */
const PASSWORD = 'fuzzPassw0rd'

/** Under CI the commit picks the seed, so a landing is judged by the cases its own runs saw. */
function commitSeed(): number | undefined {
  if (!process.env.CI) return undefined
  try {
    const head = execFileSync('git', ['rev-parse', 'HEAD'], { cwd: root, encoding: 'utf8' })
    return Number.parseInt(head.slice(0, 7), 16)
  } catch {
    return undefined
  }
}

const seed = Number(process.env.FUZZ_SEED ?? commitSeed() ?? Math.floor(Math.random() * 2 ** 31))
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
  `https://builder:${PASSWORD}@evil.example/x.img`,
  `"ftp://u:${PASSWORD}@evil.example/x.img"`,
  // Accepted once though PyYAML or the schema refuse them (issue 21, finding 9).
  "' '",
  "'\u3000\u200b'",
  '  ---\n',
  '   ...\n',
  '\t---\n',
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

/** What the case file is: the mutated text, a symlink out of the catalog to it, or too big. */
type Kind = 'file' | 'symlink' | 'oversize'

function writeCase(file: string, input: Buffer, kind: Kind, outside: string): void {
  if (kind === 'oversize') writeFileSync(file, Buffer.concat([input, Buffer.alloc(MAX_FILE_BYTES)]))
  else if (kind === 'file') writeFileSync(file, input)
  else {
    const secret = path.join(outside, path.basename(file))
    writeFileSync(secret, `https://runner-bot:${SECRET}@github.com\n${input.toString('latin1')}`)
    symlinkSync(secret, file)
  }
}

describe('validate under mutation fuzzing', () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'fuzz-'))
  const outside = mkdtempSync(path.join(tmpdir(), 'fuzz-outside-'))
  afterAll(() => {
    rmSync(dir, { recursive: true, force: true })
    rmSync(outside, { recursive: true, force: true })
  })

  it(
    `${CASES} mutated catalogs: exit 0/1/2, no stack trace, internal error, runner command or password, none over 10 s, none accepted that PyYAML refuses`,
    async () => {
      const random = prng(seed)
      const started = Date.now()
      const accepted: { text: string; where: string }[] = []
      let done = 0
      for (; done < CASES && Date.now() - started < BUDGET_MS; done++) {
        const input = mutate(corpus[Math.floor(random() * corpus.length)] as Buffer, random)
        const dice = random()
        const kind: Kind = dice < 0.01 ? 'symlink' : dice < 0.012 ? 'oversize' : 'file'
        const file = path.join(dir, `case-${done}.yml`)
        writeCase(file, input, kind, outside)
        const t = Date.now()
        const r = await validate(file)
        const took = Date.now() - t
        const where = `seed ${seed}, case ${done} (${kind}): input kept at ${file}`
        const output = r.out + r.err
        expect([0, 1, 2], where).toContain(r.code)
        expect(output, where).not.toMatch(/\n\s+at .+:\d+:\d+/)
        expect(r.code === 1 && /^error: /m.test(r.err), `${where}: internal error ${r.err}`).toBe(
          false,
        )
        expect(took, where).toBeLessThan(CASE_LIMIT_MS)
        expect(output.split('\n').filter(runnerCommand), where).toEqual([])
        // A password is never shown while its url stands whole (a mutation may cut it out of one).
        const text = input.toString('latin1')
        const whole =
          text.match(new RegExp(`\\b(?:https|ftp)://[a-z]+:${PASSWORD}@`, 'g'))?.length ?? 0
        if (whole > 0 && whole === text.split(PASSWORD).length - 1)
          expect(output, where).not.toContain(PASSWORD)
        if (kind === 'symlink') {
          expect(r.code, where).toBe(1)
          expect(output, where).toMatch(/this is a symlink to a file outside/)
          expect(output, where).not.toContain(SECRET)
        }
        if (kind === 'oversize') {
          expect(r.code, where).toBe(1)
          expect(output, where).toMatch(/bytes, more than the \d+ a definition file may have/)
        }
        if (r.code === 0) accepted.push({ text: input.toString('utf8'), where })
        rmSync(file)
      }
      console.info(`fuzz: ${done} cases in ${Date.now() - started} ms, ${accepted.length} accepted`)
      expect(done).toBeGreaterThanOrEqual(Math.min(CASES, 500))
      const verdicts = pyyamlRefusals(accepted.map((a) => a.text))
      if (!verdicts) console.info('fuzz: python3 has no PyYAML: accepted cases not compared')
      // Each input refused by PyYAML but accepted here is kept for reproduction.
      const acceptedInvalid = (verdicts ?? []).flatMap((why, i) => {
        if (why === null) return []
        const { text, where } = accepted[i] as { text: string; where: string }
        const kept = path.join(tmpdir(), `fuzz-accepted-invalid-${seed}-${i}.yml`)
        writeFileSync(kept, text)
        return [`${where}: accepted, but PyYAML or the schema refuse it (${why}); kept at ${kept}`]
      })
      expect(acceptedInvalid).toEqual([])
    },
    (Number.isFinite(BUDGET_MS) ? BUDGET_MS : 3_600_000) + 2 * CASE_LIMIT_MS + 60_000,
  )
})
