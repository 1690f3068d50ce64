// The two shell steps of the reusable workflow, run with bash as the runner runs them.
import { execFile } from 'node:child_process'
import { existsSync, mkdtempSync, readFileSync, statSync, writeFileSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { promisify } from 'node:util'
import { describe, expect, it } from 'vitest'

const scripts = path.resolve(import.meta.dirname, '../../../scripts')
const run = promisify(execFile)

async function step(
  script: string,
  env: Record<string, string>,
): Promise<{ code: number; stdout: string; temp: string; githubEnv: string; summary: string }> {
  const temp = mkdtempSync(path.join(os.tmpdir(), 'workflow-step-'))
  const githubEnv = path.join(temp, 'github_env')
  const summary = path.join(temp, 'summary.md')
  writeFileSync(githubEnv, '')
  writeFileSync(summary, '')
  const all = {
    PATH: process.env.PATH ?? '',
    RUNNER_TEMP: temp,
    GITHUB_ENV: githubEnv,
    GITHUB_STEP_SUMMARY: summary,
    ...env,
  }
  try {
    const { stdout } = await run('bash', [path.join(scripts, script)], { env: all })
    return {
      code: 0,
      stdout,
      temp,
      githubEnv: readFileSync(githubEnv, 'utf8'),
      summary: readFileSync(summary, 'utf8'),
    }
  } catch (error) {
    const failure = error as { code: number; stdout: string }
    return {
      code: failure.code,
      stdout: failure.stdout,
      temp,
      githubEnv: readFileSync(githubEnv, 'utf8'),
      summary: readFileSync(summary, 'utf8'),
    }
  }
}

describe('workflow-cloud-config.sh', () => {
  const cloudsYaml =
    'clouds:\n  production:\n    auth:\n      auth_url: https://keystone.example/v3\n'

  it('writes clouds.yaml and secure.yaml readable by the job user only, and points OS_CLIENT_* at them', async () => {
    const result = await step('workflow-cloud-config.sh', {
      CLOUDS_YAML: cloudsYaml,
      SECURE_YAML: 'clouds: {}',
    })
    expect(result.code).toBe(0)
    const dir = path.join(result.temp, 'image-manager-openstack')
    expect(result.githubEnv).toBe(
      `OS_CLIENT_CONFIG_FILE=${dir}/clouds.yaml\nOS_CLIENT_SECURE_FILE=${dir}/secure.yaml\n`,
    )
    expect(readFileSync(path.join(dir, 'clouds.yaml'), 'utf8')).toBe(`${cloudsYaml}\n`)
    expect(statSync(path.join(dir, 'clouds.yaml')).mode & 0o077).toBe(0)
    expect(statSync(path.join(dir, 'secure.yaml')).mode & 0o077).toBe(0)
    expect(result.stdout).not.toContain('keystone.example')
  })

  it('sets no secure file when SECURE_YAML is not passed', async () => {
    const result = await step('workflow-cloud-config.sh', { CLOUDS_YAML: cloudsYaml })
    expect(result.githubEnv).not.toContain('OS_CLIENT_SECURE_FILE')
  })

  it('fails with an annotation saying which secret to pass when CLOUDS_YAML is empty', async () => {
    const result = await step('workflow-cloud-config.sh', { CLOUDS_YAML: '' })
    expect(result.code).toBe(2)
    expect(result.stdout).toMatch(
      /^::error title=No cloud configuration::The CLOUDS_YAML secret is empty/,
    )
    expect(result.githubEnv).toBe('')
  })
})

describe('workflow-cloud-config.sh against what it reads', () => {
  it('refuses a RUNNER_TEMP with a line break: GITHUB_ENV gets no line of its choosing', async () => {
    const result = await step('workflow-cloud-config.sh', {
      CLOUDS_YAML: 'clouds: {}',
      RUNNER_TEMP: `${mkdtempSync(path.join(os.tmpdir(), 'runner-temp-'))}/x\nNODE_OPTIONS=--require=/tmp/evil.js\n`,
    })
    expect(result.code).toBe(2)
    expect(result.stdout).toMatch(/^::error title=Bad runner temp folder::/)
    expect(result.githubEnv).toBe('')
  })
})

describe('workflow-cloud-config.sh in the plan job', () => {
  it('says plainly when plan falls back to the apply credentials, and nothing with its own', async () => {
    const clouds = 'clouds:\n  production: {}\n'
    const fallback = await step('workflow-cloud-config.sh', {
      CLOUDS_YAML: clouds,
      CLOUD_CREDENTIALS: 'apply-for-plan',
    })
    expect(fallback.code).toBe(0)
    expect(fallback.stdout).toMatch(
      /^::notice title=Plan with the apply credentials::No PLAN_CLOUDS_YAML/,
    )
    const own = await step('workflow-cloud-config.sh', {
      CLOUDS_YAML: clouds,
      CLOUD_CREDENTIALS: 'plan',
    })
    expect(own.code).toBe(0)
    expect(own.stdout).toBe('')
  })
})

describe('workflow-drift-summary.sh', () => {
  const drift = (env: Record<string, string>) =>
    step('workflow-drift-summary.sh', { CLOUD: 'production', ...env })

  it('says there was no drift when the plan was empty', async () => {
    const { summary } = await drift({ CHANGES: '0', APPLIED: '0', FAILED: '0' })
    expect(summary).toBe(
      '### Scheduled check of cloud `production`\n\nNo drift: the cloud matched the definitions and nothing was changed.\n',
    )
  })

  it('says how much drifted, what was repaired, what failed and what did not run', async () => {
    const { summary } = await drift({ CHANGES: '5', APPLIED: '2', FAILED: '1' })
    expect(summary).toContain(
      'The cloud needed 5 change(s), listed above: 2 repaired, 1 failed, 2 not run (they depend on a failed step).',
    )
    const clean = await drift({ CHANGES: '3', APPLIED: '3', FAILED: '0' })
    expect(clean.summary).toContain('3 repaired, 0 failed.\n')
  })

  // Issue 21, finding 7: bash evaluates `a[$(cmd)]` in $(( )) and [ -eq ], and
  // this step runs `if: always()` in the job that holds the cloud credentials.
  // `x[...]` stops at `set -u` (x is unset); a set array such as BASH_VERSINFO does not.
  it.each(
    ['CHANGES', 'APPLIED', 'FAILED'].flatMap((name) =>
      ['x', 'BASH_VERSINFO'].map((array) => [name, array] as const),
    ),
  )(
    'never evaluates %s as arithmetic: %s[$(cmd)] runs nothing, fails, writes no summary',
    async (name, array) => {
      const dir = mkdtempSync(path.join(os.tmpdir(), 'drift-injection-'))
      const planted = path.join(dir, 'ran')
      const result = await drift({
        CHANGES: '5',
        APPLIED: '2',
        FAILED: '1',
        [name]: `${array}[$(touch ${planted})]`,
      })
      expect(existsSync(planted)).toBe(false)
      expect(result.code).toBe(2)
      expect(result.stdout).toBe(
        `::error title=Drift report::the apply step's output ${name} is not a count; no drift report written\n`,
      )
      expect(result.summary).toBe('')
    },
  )

  it.each(['', '-1', '1e3', ' 3', '3\n', '0x10', '9999999999'])(
    'refuses the count %j',
    async (value) => {
      const result = await drift({ CHANGES: '5', APPLIED: value, FAILED: '0' })
      expect(result.code).not.toBe(0)
      expect(result.summary).toBe('')
    },
  )

  it('reads leading zeros as decimal and keeps the cloud name on one line without backticks', async () => {
    const { summary } = await drift({
      CLOUD: 'prod`\n# injected',
      CHANGES: '010',
      APPLIED: '08',
      FAILED: '0',
    })
    expect(summary).toBe(
      '### Scheduled check of cloud `prod# injected`\n\nThe cloud needed 10 change(s), listed above: 8 repaired, 0 failed, 2 not run (they depend on a failed step).\n',
    )
  })
})
