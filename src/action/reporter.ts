// Reporter for GitHub Actions: annotations on the exact line, job summary, masking.
import * as core from '@actions/core'
import { escapeLog, type LogOptions } from '../escape/log.js'
import { withoutUserinfo } from '../http/secrets.js'
import type { Problem } from '../problems.js'
import type { Reporter } from '../reporter.js'

// Every message is escaped here (escapeLog): no control or bidi character reaches
// the log, no line of ours can be read by the runner as a workflow command, and
// no url shows its userinfo (withoutUserinfo), in the log or the job summary.
// core escapes line breaks in annotation and debug data itself; info is raw.
const shown = (m: string, options?: LogOptions): string => escapeLog(withoutUserinfo(m), options)

export function createActionsReporter(): Reporter {
  return {
    info: (m, options) => core.info(shown(m, options)),
    warning: (m) => core.warning(shown(m)),
    debug: (m) => core.debug(shown(m)),
    problems(problems: readonly Problem[]) {
      for (const p of problems) {
        const properties = {
          title: 'Image definition',
          file: shown(p.file),
          startLine: p.line,
          startColumn: p.column,
        }
        const message = shown(p.message)
        if (p.severity === 'error') core.error(message, properties)
        else core.warning(message, properties)
      }
    },
    async summary(markdown: string) {
      try {
        await core.summary.addRaw(withoutUserinfo(markdown), true).write()
      } catch (error) {
        // The summary is a courtesy: outside a runner there is no file to write.
        core.debug(escapeLog(`No job summary: ${String(error)}`))
      }
    },
    secret: (value) => {
      if (value) core.setSecret(value)
    },
  }
}
