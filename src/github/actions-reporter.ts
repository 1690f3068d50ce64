// Reporter for GitHub Actions: annotations on the exact line, job summary, masking.
import * as core from '@actions/core'
import type { Problem } from '../problems.js'
import type { Reporter } from '../reporter.js'

export function createActionsReporter(): Reporter {
  return {
    info: (m) => core.info(m),
    warning: (m) => core.warning(m),
    debug: (m) => core.debug(m),
    problems(problems: readonly Problem[]) {
      for (const p of problems) {
        const properties = {
          title: 'Image definition',
          file: p.file,
          startLine: p.line,
          startColumn: p.column,
        }
        if (p.severity === 'error') core.error(p.message, properties)
        else core.warning(p.message, properties)
      }
    },
    async summary(markdown: string) {
      try {
        await core.summary.addRaw(markdown, true).write()
      } catch (error) {
        // The summary is a courtesy: outside a runner there is no file to write.
        core.debug(`No job summary: ${String(error)}`)
      }
    },
    secret: (value) => {
      if (value) core.setSecret(value)
    },
  }
}
