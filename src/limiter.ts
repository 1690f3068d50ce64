// A counting semaphore: at most `slots` tasks run at once, the rest wait their turn.
export function limiter(slots: number): <T>(task: () => Promise<T>) => Promise<T> {
  let free = Math.max(1, slots)
  const waiting: (() => void)[] = []
  return async (task) => {
    if (free === 0) await new Promise<void>((resolve) => waiting.push(resolve))
    else free--
    try {
      return await task()
    } finally {
      const next = waiting.shift()
      if (next) next()
      else free++
    }
  }
}
