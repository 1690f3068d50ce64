import { Writable } from 'node:stream'
import { afterEach, describe, expect, it } from 'vitest'
import { commands, main } from '../../../src/cli/main.js'

function collector(): Writable & { text: string } {
  const stream = new Writable({
    write(chunk, _encoding, callback) {
      stream.text += String(chunk)
      callback()
    },
  }) as Writable & { text: string }
  stream.text = ''
  return stream
}

const original = commands.validate?.run

afterEach(() => {
  if (commands.validate && original) commands.validate.run = original
})

describe('the CLI error line', () => {
  it('masks the secrets the command learnt, like every other line', async () => {
    if (!commands.validate) throw new Error('no validate command')
    commands.validate.run = (_values, reporter) => {
      reporter.secret('Zq-very-secret-9')
      return Promise.reject(new Error('Keystone said: Zq-very-secret-9 is wrong'))
    }
    const out = collector()
    const err = collector()
    expect(await main(['validate'], { out, err })).toBe(1)
    expect(err.text).toBe('error: Keystone said: *** is wrong\n')
    expect(out.text).toBe('')
  })
})
