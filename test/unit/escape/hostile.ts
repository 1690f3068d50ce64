// Strings a pull request can put into a definition, and a plan that carries them
// in every field a rendering prints.
import type { Plan } from '../../../src/plan/types.js'

/** The forged heading and the tracking image of the issue, word for word. */
export const FORGED_NAME = 'Ubuntu\n\n### ✅ Plan: no changes @octocat\n\n'
export const IMAGE_VERSION = '![p](https://evil.example/p.png) </details>'

/** Log injection: a workflow command, terminal escapes and bidi overrides. */
export const WORKFLOW_COMMAND = '::error file=.github/workflows/ci.yml,line=1::pwned'
export const TERMINAL_ESCAPES = 'Ubuntu\x1b[2J\x1b]0;title\x07\x1b[8mhidden\x9b31m\r'
export const BIDI = 'Ubuntu \u202egnp.exe\u202c \u2066x\u2069 \u202a\u202b\u202d'

/** Everything else GitHub's Markdown or its post-processing acts on. */
export const MARKDOWN_ATTACKS = [
  FORGED_NAME,
  IMAGE_VERSION,
  '<img src=x onerror=alert(1)>',
  '<script>alert(1)</script>',
  '<!-- hidden -->',
  '[click](https://evil.example)',
  '[ref]: https://evil.example',
  'https://evil.example/x',
  'www.evil.example',
  'mail me a@evil.example',
  'closes #123 and owner/repo#4',
  '@octocat and @org/team',
  '**bold** _em_ ~~strike~~ `code` ```fence```',
  '| cell | split |',
  '$x^2$ and $$y$$',
  '\\<b>escaped\\</b> &lt;b&gt; &#60;b&#62;',
  '> quote\n- item\n1. item\n---\n===\n    indented',
  'line\r\nbreak\u2028sep\u2029para\u0085nel',
  '</code></pre></sub></b></summary></details>',
]

export const LOG_ATTACKS = [
  WORKFLOW_COMMAND,
  `  ${WORKFLOW_COMMAND}`,
  `x\n${WORKFLOW_COMMAND}`,
  `x\r::warning::smuggled`,
  'x ##[error]legacy command ##[stop-commands]token',
  '::stop-commands::token',
  '::add-mask::x',
  TERMINAL_ESCAPES,
  BIDI,
]

/** What the Actions runner would run: `::` after leading white space, or `##[` anywhere. */
export const runnerCommand = (line: string): boolean =>
  line.trimStart().startsWith('::') || line.includes('##[')

// C0 but tab and line feed, DEL, C1, bidi embeddings, overrides and isolates.
export const ACTING =
  // eslint-disable-next-line no-control-regex -- control characters are what this finds
  /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069]/

/** A plan with one of each field that a rendering prints, filled from `s`. */
export function planOf(s: (i: number) => string): Plan {
  const ref = (i: number) => ({ id: s(i + 100), name: s(i) })
  return {
    formatVersion: 2,
    generatedAt: '2024-06-01T00:00:00.000Z',
    cloud: s(0),
    definitions: [
      {
        name: s(1),
        file: s(2),
        line: 3,
        steps: [
          {
            action: 'import',
            image: { name: s(3) },
            version: s(4),
            source: s(5),
            checksum: `sha256:${s(6)}`,
            stream: true,
            verification: s(34),
            create: {
              name: s(3),
              disk_format: 'qcow2',
              container_format: 'bare',
              min_disk: 1,
              min_ram: 1,
              visibility: 'private',
              tags: [s(7)],
              properties: { [s(8)]: s(9) },
            },
            then: { visibility: 'public', status: 'active' },
            reason: s(10),
          },
          { action: 'rename', image: ref(11), to: s(12), reason: s(13) },
          {
            action: 'update',
            image: ref(14),
            changes: [
              { field: 'property', key: s(15), from: s(16), to: s(17) },
              { field: 'property', key: s(18), to: s(19) },
              { field: 'tags', add: [s(20)], remove: [s(21)], to: [s(20)] },
              { field: 'min_ram', from: 1, to: 2 },
            ],
            reason: s(22),
          },
          { action: 'deactivate', image: ref(23), reason: s(24) },
        ],
        retention: [{ action: 'hide', image: ref(25), reason: s(26) }],
        notes: [{ image: ref(27), message: s(28) }, { message: s(29) }],
      },
    ],
    orphans: [ref(30)],
    findings: [{ image: ref(31), message: s(32) }, { message: s(33) }],
    summary: {
      import: 1,
      rename: 1,
      update: 1,
      reactivate: 0,
      deactivate: 1,
      hide: 1,
      delete: 0,
      unchanged: 0,
      skipped: 0,
    },
    requests: { 'GET /v2/images': 1 },
  }
}

/** How many strings {@link planOf} asks for (indices 0..33 and 100..131). */
export const PLAN_SLOTS = [...Array(34).keys(), ...[...Array(32).keys()].map((i) => i + 100)]

/** A benign value per slot: the same plan with nothing to act on. */
export const benign = (i: number): string => `value${i}`
