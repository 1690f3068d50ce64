// Running a CLI main() as the process: exit code, and quiet on a closed pipe.
import type { TerminalStreams } from './terminal-reporter.js'

export type CliMain = (argv: readonly string[], io: TerminalStreams) => Promise<number>

export async function runAsProcess(main: CliMain): Promise<void> {
  // A closed pipe (`image-manager plan | head`) is not an error worth a stack trace.
  for (const stream of [process.stdout, process.stderr]) {
    stream.on('error', (error: NodeJS.ErrnoException) => {
      if (error.code === 'EPIPE') process.exit(process.exitCode ?? 0)
      throw error
    })
  }
  process.exitCode = await main(process.argv.slice(2), { out: process.stdout, err: process.stderr })
}
