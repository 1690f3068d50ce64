import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { run } from '../../../src/action/run.js'
import { readOutputs } from '../../support/action-outputs.js'

const fixtures = path.resolve(import.meta.dirname, '../../fixtures')

describe('action', () => {
  let written: string
  let summary: string
  const env = { ...process.env }

  beforeEach(() => {
    written = ''
    summary = path.join(mkdtempSync(path.join(os.tmpdir(), 'summary-')), 'summary.md')
    writeFileSync(summary, '')
    process.env.GITHUB_STEP_SUMMARY = summary
    process.env.GITHUB_OUTPUT = path.join(path.dirname(summary), 'output')
    writeFileSync(process.env.GITHUB_OUTPUT, '')
    vi.spyOn(process.stdout, 'write').mockImplementation((chunk) => {
      written += String(chunk)
      return true
    })
    process.exitCode = 0
  })

  afterEach(() => {
    vi.restoreAllMocks()
    process.env = { ...env }
    process.exitCode = 0
  })

  it('annotates each problem on its file, line and column, writes a summary and fails', async () => {
    process.env.INPUT_COMMAND = 'validate'
    process.env.INPUT_IMAGES = path.join(fixtures, 'invalid/32-bad-format.yml')
    await run()
    expect(written).toMatch(
      /::error title=Image definition,file=.*32-bad-format\.yml,line=5,col=13::'images\[0\]\.format' must be one of/,
    )
    expect(written).toMatch(/::error::Image definitions are invalid/)
    expect(process.exitCode).toBe(1)
    // The summary escapes what it quotes from the files: `:` as &#58;.
    expect(readFileSync(summary, 'utf8')).toMatch(
      /\| error \| <code>.*32-bad-format\.yml&#58;5&#58;13<\/code> \|/,
    )
    expect(readOutputs(process.env.GITHUB_OUTPUT as string).result).toBe('invalid')
  })

  it('passes a valid catalog', async () => {
    process.env.INPUT_IMAGES = path.join(fixtures, 'valid')
    await run()
    expect(process.exitCode).toBe(0)
    expect(readOutputs(process.env.GITHUB_OUTPUT as string).result).toBe('valid')
  })

  it('rejects an unknown command with the list of known ones', async () => {
    process.env.INPUT_COMMAND = 'destroy'
    await run()
    expect(written).toMatch(/::error::Unknown command 'destroy'; expected one of: validate/)
    expect(process.exitCode).toBe(1)
  })
})
