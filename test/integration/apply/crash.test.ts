// Crash safety. The bundled CLI (the real product) is killed with SIGKILL at
// ten seeded random points of a run (TEST_SEED replays them); one more full run
// then leaves exactly the desired state: every desired name once, no leftover
// of an interrupted import, and an empty plan.
import { spawn } from 'node:child_process'
import { mkdir, readFile, writeFile } from 'node:fs/promises'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { makeQcow2, startImageServer, type ImageServer } from '../../support/image-server.js'
import { freshBundle } from '../../support/bundle.js'
import { localCloudsYamlPath } from '../../support/local-cloud.js'
import { testSeed } from '../../support/seeded.js'
import { catalogDefinition, catalogMeta } from '../../support/definitions.js'
import {
  applyOptions,
  outcomeLines,
  planAndExecute,
  planLines,
  planOnly,
  rawGlance,
  recorder,
  settle,
  uniqueTag,
  workdir,
  type RawGlance,
  type Workdir,
} from './support.js'

const tag = uniqueTag('crash')
const KILLS = 10
let server: ImageServer
let raw: RawGlance
let work: Workdir
let cli: string
let bytes: Buffer

const pad = (n: number): string => String(n).padStart(2, '0')
const meta = (validity: string) => catalogMeta({ uuid_validity: validity })

/**
 * Round r of the catalog: every round brings new builds, so every run has work
 * to interrupt: imports (web-download and glance-direct), a rotation, deletes.
 * Five images are wanted in every round (last-1 keeps one build of Crash Plain).
 */
async function catalog(r: number): Promise<string> {
  const multi = [r + 1, r + 2, r + 3].map((d) => `202401${pad(d)}`)
  const plain = [r + 1, r + 2].map((d) => `1.${d}`)
  for (const v of [...multi, ...plain]) await server.addFile(`${v}.qcow2`, bytes)
  await mkdir(path.join(work.dir, 'images'), { recursive: true })
  await writeFile(path.join(work.dir, 'images', `direct-${r}.qcow2`), bytes)
  return work.catalog(`crash-${r}.yml`, [
    // last-2: the newest two builds, the newest called 'Crash Multi'.
    catalogDefinition('Crash Multi', {
      multi: true,
      meta: meta('last-2'),
      versions: multi.map((v) => ({ version: v, url: server.urlOf(`${v}.qcow2`) })),
    }),
    catalogDefinition('Crash Plain', {
      meta: meta('last-1'),
      versions: plain.map((v) => ({ version: v, url: server.urlOf(`${v}.qcow2`) })),
    }),
    catalogDefinition('Crash Direct', {
      meta: meta('last-1'),
      versions: [{ version: `d${pad(r)}`, url: `file:images/direct-${r}.qcow2` }],
    }),
    catalogDefinition('Crash Static', {
      status: 'deactivated',
      meta: meta('none'),
      versions: [{ version: '1', url: server.urlOf('static.qcow2') }],
    }),
  ])
}

interface Run {
  code: number | null
  signal: NodeJS.Signals | null
  ms: number
  output: string
}

/** The CLI's apply; SIGKILLed after `killAfterMs` when given. */
function cliApply(file: string, killAfterMs?: number): Promise<Run> {
  const started = Date.now()
  const child = spawn(
    process.execPath,
    [
      cli,
      'apply',
      '--images',
      file,
      '--cloud',
      'local-admin',
      '--tag',
      tag,
      '--delete',
      '--yes-i-really-know-what-i-do',
      '--import-timeout',
      '120',
    ],
    {
      cwd: work.dir,
      env: { ...process.env, OS_CLIENT_CONFIG_FILE: localCloudsYamlPath(), NO_COLOR: '1' },
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  )
  let output = ''
  child.stdout.on('data', (d: Buffer) => (output += d.toString()))
  child.stderr.on('data', (d: Buffer) => (output += d.toString()))
  const timer =
    killAfterMs === undefined ? undefined : setTimeout(() => child.kill('SIGKILL'), killAfterMs)
  return new Promise((resolve) => {
    child.on('exit', (code, signal) => {
      clearTimeout(timer)
      resolve({ code, signal, ms: Date.now() - started, output })
    })
  })
}

beforeAll(async () => {
  raw = await rawGlance()
  server = await startImageServer()
  work = await workdir()
  bytes = await readFile(await makeQcow2(server.dir, 'static.qcow2', '16M'))
  cli = await freshBundle('src/cli/index.ts', 'dist/cli', work.dir)
}, 180_000)

afterAll(async () => {
  await settle(raw, tag).catch(() => undefined)
  await raw?.purge(tag)
  await server?.close()
  await work?.close()
})

describe('apply: crash safety of the bundled CLI', () => {
  it('ten SIGKILLs at random points, then one full run: exactly the desired state', async () => {
    const first = await cliApply(await catalog(0))
    expect(first.code, first.output).toBe(0)
    const fullRunMs = first.ms
    const { seed, random } = testSeed('crash')
    const log: string[] = [
      `seed ${seed} (TEST_SEED=${seed} replays these kill points)`,
      `full run: ${fullRunMs} ms`,
    ]

    for (let r = 1; r <= KILLS; r++) {
      const file = await catalog(r)
      const delay = Math.round(200 + random() * Math.max(0, fullRunMs - 200))
      const result = await cliApply(file, delay)
      log.push(
        `round ${r}: kill after ${delay} ms -> ${result.signal ?? `exit ${result.code}`} at ${result.ms} ms`,
      )
      // A run that finished before the kill must have succeeded.
      if (result.signal === null) expect(result.code, result.output).toBe(0)
    }

    // Glance finishes the imports it accepted by itself.
    await settle(raw, tag)
    const last = await catalog(KILLS)
    const final = await cliApply(last)
    log.push(`final run: exit ${final.code} in ${final.ms} ms`)
    console.info(log.join('\n'))
    expect(final.code, final.output).toBe(0)

    const images = await settle(raw, tag)
    const names = images.map((i) => i.name).sort()
    expect(new Set(names).size, `duplicate names: ${names.join(', ')}`).toBe(names.length)
    expect(
      images.filter((i) =>
        ['queued', 'uploading', 'killed', 'importing', 'saving'].includes(i.status),
      ),
    ).toEqual([])
    const r = KILLS
    // Exactly the desired state, wherever the kills fell.
    expect(
      images
        .map((i) => `${i.name} | ${i.internal_version as string} | ${i.visibility} ${i.status}`)
        .sort(),
      `${log.join('\n')}\n${final.output}`,
    ).toEqual(
      [
        `Crash Multi | 202401${pad(r + 3)} | public active`,
        `Crash Multi (202401${pad(r + 2)}) | 202401${pad(r + 2)} | public active`,
        `Crash Plain 1.${r + 2} | 1.${r + 2} | public active`,
        `Crash Direct d${pad(r)} | d${pad(r)} | public active`,
        'Crash Static 1 | 1 | public deactivated',
      ].sort(),
    )
    const plan = await planOnly(applyOptions(tag, last, { delete: true, confirmDelete: true }))
    expect(planLines(plan)).toEqual([])
    // Only the listed builds outside the window are noted: nothing left alone, no blocked rotation.
    expect(plan.definitions.flatMap((d) => d.notes)).toEqual([
      {
        image: { name: `Crash Multi (202401${pad(r + 1)})` },
        message: 'not imported: outside the retention window (uuid_validity last-2)',
      },
      {
        image: { name: `Crash Plain 1.${r + 1}` },
        message: 'not imported: outside the retention window (uuid_validity last-1)',
      },
    ])
  }, 240_000)
})

describe('apply: an import still running in Glance', () => {
  // A run interrupted after Glance accepted a web-download leaves the image
  // 'importing'. The next run must not rotate it into place yet (docs/behaviour.md §4: only
  // once active), and must leave it alone; once active, a run rotates it in and
  // gives it its visibility. (Guards commit f7fe119 of src/plan/plan.ts.)
  it('the plain name stays with the active build until the new one is active', async () => {
    const slowTag = uniqueTag('crash-importing')
    const slow = await startSlowServer(bytes, 4000)
    try {
      const file = (versions: string[]) =>
        work.catalog(`importing-${versions.length}.yml`, [
          catalogDefinition('Crash Importing', {
            multi: true,
            meta: meta('none'),
            versions: versions.map((v) => ({
              version: v,
              url: v === 's2' ? `${slow.url}/s2.qcow2` : server.urlOf('static.qcow2'),
            })),
          }),
        ])
      const setup = await planAndExecute(applyOptions(slowTag, await file(['s1'])), recorder())
      expect(setup.report.failed).toBe(0)

      // What an interrupted run leaves: the new build created and its web-download accepted.
      const created = (await raw.call('POST', '/v2/images', {
        name: 'Crash Importing (s2)',
        disk_format: 'qcow2',
        container_format: 'bare',
        visibility: 'private',
        tags: [slowTag],
        image_description: 'Crash Importing',
        image_name: 'Crash Importing',
        internal_version: 's2',
      })) as { id: string }
      await raw.call('POST', `/v2/images/${created.id}/import`, {
        method: { name: 'web-download', uri: `${slow.url}/s2.qcow2` },
      })
      await waitFor(async () => (await raw.get(created.id)).status === 'importing')

      const plan = await planOnly(applyOptions(slowTag, await file(['s1', 's2'])))
      expect((await raw.get(created.id)).status).toBe('importing')
      expect(planLines(plan)).toEqual([])
      expect(plan.definitions[0]?.notes).toEqual([
        {
          image: { id: created.id, name: 'Crash Importing (s2)' },
          message: "left alone: the image is 'importing'",
        },
      ])

      // Once Glance is done, a run rotates it in and makes it public.
      await settle(raw, slowTag)
      const done = await planAndExecute(applyOptions(slowTag, await file(['s1', 's2'])), recorder())
      expect(outcomeLines(done.report)).toEqual([
        'done rename Crash Importing -> Crash Importing (s1)',
        'done rename Crash Importing (s2) -> Crash Importing',
        'done update Crash Importing (s2)',
      ])
      expect(
        (await raw.listByTag(slowTag))
          .map((i) => `${i.name} ${i.visibility} ${i.status} ${i.id === created.id}`)
          .sort(),
      ).toEqual(['Crash Importing (s1) public active false', 'Crash Importing public active true'])
    } finally {
      await slow.close()
      await settle(raw, slowTag)
      await raw.purge(slowTag)
    }
  })
})

/** Serves `bytes` at any path, spread over `durationMs` (a slow upstream). */
async function startSlowServer(
  content: Buffer,
  durationMs: number,
): Promise<{ url: string; close(): Promise<void> }> {
  const { createServer } = await import('node:http')
  const server = createServer((req, res) => {
    res.writeHead(200, {
      'Content-Type': 'application/octet-stream',
      'Content-Length': String(content.length),
    })
    if (req.method === 'HEAD') return void res.end()
    const chunks = 20
    const size = Math.ceil(content.length / chunks)
    let i = 0
    const timer = setInterval(() => {
      res.write(content.subarray(i * size, (i + 1) * size))
      if (++i === chunks) {
        clearInterval(timer)
        res.end()
      }
    }, durationMs / chunks)
    res.on('close', () => clearInterval(timer))
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const { port } = server.address() as { port: number }
  return {
    url: `http://127.0.0.1:${port}`,
    async close() {
      server.closeAllConnections()
      await new Promise<void>((resolve) => server.close(() => resolve()))
    },
  }
}

async function waitFor(check: () => Promise<boolean>, timeoutMs = 20_000): Promise<void> {
  const deadline = Date.now() + timeoutMs
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error('timed out waiting')
    await new Promise((resolve) => setTimeout(resolve, 200))
  }
}
