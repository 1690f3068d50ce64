// Poll an image until it reaches a wanted status (or fails, or time runs out).

import type { GlanceClient } from './glance.js'
import type { Image, ImageStatus } from './glance-types.js'

export interface WaitOptions {
  /** Statuses that end the wait successfully (default: active). */
  until?: readonly ImageStatus[]
  /** Statuses that end it with an error (default: killed, deleted). */
  failOn?: readonly ImageStatus[]
  timeoutMs: number
  /** Time between polls (default 2000 ms). */
  intervalMs?: number
  sleep?: (ms: number) => Promise<void>
  now?: () => number
  onPoll?: (image: Image) => void
}

export class ImageWaitError extends Error {
  override readonly name = 'ImageWaitError'
  constructor(
    message: string,
    /** The image as last seen. */
    readonly image: Image,
    readonly timedOut: boolean,
  ) {
    super(message)
  }
}

export async function waitForImageStatus(
  glance: GlanceClient,
  id: string,
  options: WaitOptions,
): Promise<Image> {
  const until = options.until ?? ['active']
  const failOn = options.failOn ?? ['killed', 'deleted']
  const sleep =
    options.sleep ?? ((ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms)))
  const now = options.now ?? Date.now
  const deadline = now() + options.timeoutMs
  for (;;) {
    const image = await glance.getImage(id)
    options.onPoll?.(image)
    if (until.includes(image.status)) return image
    if (failOn.includes(image.status)) {
      throw new ImageWaitError(
        `Image ${id} became ${image.status} while waiting for ${until.join(' or ')}`,
        image,
        false,
      )
    }
    if (now() >= deadline) {
      throw new ImageWaitError(
        `Image ${id} is still ${image.status} after ${Math.round(options.timeoutMs / 1000)} s (waiting for ${until.join(' or ')})`,
        image,
        true,
      )
    }
    await sleep(Math.min(options.intervalMs ?? 2000, Math.max(0, deadline - now())))
  }
}
