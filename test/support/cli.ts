// The CLI's main run in-process, its standard output and error captured.
import { PassThrough } from 'node:stream'
import { main } from '../../src/cli/main.js'

export async function cli(
  ...argv: string[]
): Promise<{ code: number; stdout: string; stderr: string }> {
  const out = new PassThrough()
  const err = new PassThrough()
  let stdout = ''
  let stderr = ''
  out.on('data', (c) => (stdout += c))
  err.on('data', (c) => (stderr += c))
  const code = await main(argv, { out, err })
  return { code, stdout, stderr }
}
