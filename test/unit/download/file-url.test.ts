import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import {
  checkFileUrl,
  readableFileUrlPath,
  resolveFileUrl,
} from '../../../src/download/file-url.js'
import { openDownload, probeUrl } from '../../../src/download/download.js'

const catalog = '/srv/catalog'

describe('resolveFileUrl', () => {
  it.each([
    ['file:x.img', '/srv/catalog/x.img'],
    ['file:sub/x%20y.img', '/srv/catalog/sub/x y.img'],
    ['file:///srv/catalog/x.img', '/srv/catalog/x.img'],
    ['file:/srv/catalog/sub/../x.img', '/srv/catalog/x.img'],
    ['file:..x.img', '/srv/catalog/..x.img'],
  ])('%s names %s', (url, want) => {
    expect(resolveFileUrl(url, catalog)).toEqual({ ok: true, path: want })
  })

  it.each([
    ['file:%2Fetc%2Fpasswd', /points outside \/srv\/catalog/],
    ['file:%2e%2e/%2e%2e/etc/passwd', /points outside/],
    ['file:../x.img', /points outside/],
    ['file:///etc/passwd', /points outside/],
    ['file:.', /points outside/],
    ['file://localhost/etc/passwd', /names a host \('localhost'\)/],
    ['file://host/x', /names a host \('host'\)/],
    ['file://%E0%A4%A', /names a host/],
    ['file:%E0%A4%A', /malformed percent-escape/],
    ['file:x%00.img', /control characters/],
    ['file:x.img?raw', /\? or #/],
    ['file://', /names no file/],
    ['https://example.test/x.img', /not a file: url/],
  ])('%s is refused', (url, reason) => {
    const meaning = resolveFileUrl(url, catalog)
    expect(meaning.ok).toBe(false)
    expect(meaning.ok ? '' : meaning.reason).toMatch(reason)
  })
})

describe('checkFileUrl and the downloader', () => {
  const root = mkdtempSync(path.join(tmpdir(), 'file-url-'))
  const dir = path.join(root, 'catalog')
  mkdirSync(path.join(dir, 'images'), { recursive: true })
  writeFileSync(path.join(dir, 'images/x.img'), 'image bytes')
  writeFileSync(path.join(root, 'secret'), 'not for Glance')
  symlinkSync('../secret', path.join(dir, 'leak.img'))
  symlinkSync('x.img', path.join(dir, 'images/alias.img'))
  symlinkSync('..', path.join(dir, 'up'))
  afterAll(() => rmSync(root, { recursive: true, force: true }))

  it('follows symlinks that stay inside', async () => {
    expect(await checkFileUrl('file:images/alias.img', dir)).toEqual({
      ok: true,
      path: path.join(dir, 'images/x.img'),
    })
  })

  it.each(['file:leak.img', 'file:up/secret', 'file:up/not-there-yet.img'])(
    'refuses %s, which leads out through a symlink',
    async (url) => {
      const meaning = await checkFileUrl(url, dir)
      expect(meaning.ok ? '' : meaning.reason).toMatch(/points outside/)
    },
  )

  it('a missing file is fine for validation, not for reading', async () => {
    expect((await checkFileUrl('file:images/later.img', dir)).ok).toBe(true)
    await expect(readableFileUrlPath('file:images/later.img', dir)).rejects.toMatchObject({
      code: 'ENOENT',
    })
    await expect(readableFileUrlPath('file:images', dir)).rejects.toThrow(/not a regular file/)
  })

  it('the downloader reads only what the rule allows', async () => {
    const download = await openDownload('file:images/alias.img', { baseDir: dir })
    const chunks: Buffer[] = []
    for await (const chunk of download.stream) chunks.push(chunk as Buffer)
    expect(Buffer.concat(chunks).toString()).toBe('image bytes')
    for (const url of ['file:leak.img', 'file:%2e%2e/secret', `file://localhost${root}/secret`]) {
      await expect(openDownload(url, { baseDir: dir })).rejects.toThrow(/outside|host/)
      await expect(probeUrl(url, { baseDir: dir })).rejects.toThrow(/outside|host/)
    }
  })
})
