import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { cli } from '../../support/cli.js'

const fixtures = path.resolve(import.meta.dirname, '../../fixtures')

describe('cli', () => {
  it('validate: exit 0 and a one-line summary for a valid catalog', async () => {
    const r = await cli('validate', '--images', path.join(fixtures, 'valid/seed-cirros.yml'))
    expect(r.code).toBe(0)
    expect(r.stdout).toMatch(/^✓ valid: 1 file, 1 image, 1 version \(1 warning\)$/m)
    expect(r.stdout).toMatch(
      /seed-cirros\.yml:12:5 {2}warning {2}meta lacks 'os_purpose', which the SCS/,
    )
  })

  it('validate: compiler-style lines with the source line and a caret, exit 1', async () => {
    const file = path.join(fixtures, 'invalid/32-bad-format.yml')
    const r = await cli('validate', '--images', file)
    expect(r.code).toBe(1)
    const [first, source, caret] = r.stdout.split('\n')
    expect(first).toMatch(
      /32-bad-format\.yml:5:13 {2}error {2}'images\[0\]\.format' must be one of: .*qcow2/,
    )
    expect(source).toMatch(/^ {2}5 \| {5}format: /)
    expect(caret?.indexOf('^')).toBe(
      source?.indexOf('format: ') ? source.indexOf('format: ') + 8 : -1,
    )
    expect(r.stdout).toMatch(/✗ 1 error in 1 file/)
  })

  it('usage errors exit 2 with a clear message and no stack trace', async () => {
    for (const argv of [
      ['frobnicate'],
      ['validate', '--bogus'],
      ['validate', '--images', '/nonexistent/dir'],
      [],
    ]) {
      const r = await cli(...argv)
      expect(r.code, argv.join(' ')).toBe(2)
      expect(r.stdout + r.stderr).not.toMatch(/\n\s+at /)
    }
    expect((await cli('validate', '--images', '/nonexistent/dir')).stderr).toBe(
      "error: Definition path '/nonexistent/dir' does not exist.\n",
    )
  })

  it('--help works for the program and every command', async () => {
    expect((await cli('--help')).stdout).toMatch(/Commands:\n {2}validate/)
    const r = await cli('validate', '--help')
    expect(r.code).toBe(0)
    expect(r.stdout).toMatch(/--images PATH/)
  })
})
