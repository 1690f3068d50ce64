import { readFileSync } from 'node:fs'

/** The outputs a step wrote to $GITHUB_OUTPUT, in the runner's format: name<<DELIMITER, value lines, DELIMITER. */
export function readOutputs(file: string): Record<string, string> {
  const outputs: Record<string, string> = {}
  for (const m of readFileSync(file, 'utf8').matchAll(/^(.+?)<<(\S+)\n([\s\S]*?)\n\2$/gm)) {
    outputs[m[1] as string] = m[3] as string
  }
  return outputs
}
