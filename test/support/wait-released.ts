// Tests wait for an image the way apply does: src/apply/wait.ts's waitReleased
// (active and let go by its import task), with a fresh clock and real time.
import { ImportClock, waitReleased, type TaskSpec } from '../../src/apply/wait.js'
import type { GlanceClient } from '../../src/openstack/glance/client.js'
import type { Image } from '../../src/openstack/glance/types.js'

export function waitForRelease(
  glance: GlanceClient,
  id: string,
  options: { timeoutMs: number; firstPollMs?: number; webDownload?: boolean; task?: TaskSpec },
): Promise<Image> {
  return waitReleased(id, {
    glance,
    deadline: Date.now() + options.timeoutMs,
    clock: new ImportClock(options.firstPollMs ?? 250),
    sleep: (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
    now: Date.now,
    ...(options.webDownload ? { queuedSince: Date.now() } : {}),
    queuedGraceMs: 20_000,
    ...(options.task ? { task: options.task } : {}),
  })
}
