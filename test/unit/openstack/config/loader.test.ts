import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { configSearchPath, loadCloudConfig } from '../../../../src/openstack/config/loader.js'

let root: string
let cwd: string
let home: string

beforeEach(async () => {
  root = await mkdtemp(join(tmpdir(), 'config-loader-'))
  cwd = join(root, 'work')
  home = join(root, 'home')
  await mkdir(cwd, { recursive: true })
  await mkdir(join(home, '.config', 'openstack'), { recursive: true })
})

afterEach(async () => {
  await rm(root, { recursive: true, force: true })
})

const cloud = (name: string, extra = ''): string =>
  `clouds:\n  ${name}:\n    auth:\n      auth_url: http://k/v3\n      username: u\n${extra}`

describe('configSearchPath', () => {
  it('lists OS_CLIENT_CONFIG_FILE first, then cwd, user and site directories', () => {
    const path = configSearchPath(
      { OS_CLIENT_CONFIG_FILE: '/x/my.yaml', OS_CLIENT_SECURE_FILE: '/x/s.yaml' },
      '/w',
      '/h',
    )
    expect(path.clouds).toEqual([
      '/x/my.yaml',
      '/w/clouds.yaml',
      '/w/clouds.yml',
      '/w/clouds.json',
      '/h/.config/openstack/clouds.yaml',
      '/h/.config/openstack/clouds.yml',
      '/h/.config/openstack/clouds.json',
      '/etc/xdg/openstack/clouds.yaml',
      '/etc/xdg/openstack/clouds.yml',
      '/etc/xdg/openstack/clouds.json',
      '/etc/openstack/clouds.yaml',
      '/etc/openstack/clouds.yml',
      '/etc/openstack/clouds.json',
    ])
    expect(path.secure[0]).toBe('/x/s.yaml')
    expect(path.secure[1]).toBe('/w/secure.yaml')
  })
})

describe('loadCloudConfig', () => {
  it('prefers ./clouds.yaml over ~/.config/openstack and merges a secure.yaml found elsewhere', async () => {
    await writeFile(join(cwd, 'clouds.yaml'), cloud('here'))
    await writeFile(join(home, '.config/openstack/clouds.yaml'), cloud('there'))
    await writeFile(
      join(home, '.config/openstack/secure.yaml'),
      'clouds:\n  here:\n    auth:\n      password: from-secure\n',
    )
    const config = await loadCloudConfig({ env: {}, cwd, home })
    expect(config.name).toBe('here')
    expect(config.source).toBe(join(cwd, 'clouds.yaml'))
    expect(config.auth).toMatchObject({ type: 'password', password: 'from-secure' })
  })

  it('reads OS_CLIENT_CONFIG_FILE first and fails clearly when it is missing', async () => {
    const custom = join(root, 'custom.yaml')
    await writeFile(custom, cloud('custom', '      password: p\n'))
    await writeFile(join(cwd, 'clouds.yaml'), cloud('here', '      password: p\n'))
    const config = await loadCloudConfig({ env: { OS_CLIENT_CONFIG_FILE: custom }, cwd, home })
    expect(config.name).toBe('custom')
    await expect(
      loadCloudConfig({ env: { OS_CLIENT_CONFIG_FILE: join(root, 'nope.yaml') }, cwd, home }),
    ).rejects.toThrow(
      `OS_CLIENT_CONFIG_FILE is ${join(root, 'nope.yaml')}, which cannot be read; fix the path or unset it`,
    )
  })

  it('takes clouds.yaml content given as a string and searches no file', async () => {
    await writeFile(join(cwd, 'clouds.yaml'), cloud('file-cloud', '      password: p\n'))
    const config = await loadCloudConfig({
      cloudsYaml: cloud('input', '      password: p\n'),
      env: {},
      cwd,
      home,
    })
    expect(config).toMatchObject({ name: 'input', source: 'the clouds.yaml input' })
    await expect(
      loadCloudConfig({
        cloudsYaml: cloud('input', '      password: p\n'),
        cloud: 'x',
        env: {},
        cwd,
        home,
      }),
    ).rejects.toThrow("Unknown cloud 'x' in the clouds.yaml input; expected one of: input")
  })

  it('falls back to OS_* variables when no file exists', async () => {
    const config = await loadCloudConfig({
      env: { OS_AUTH_URL: 'http://k/v3', OS_USERNAME: 'u', OS_PASSWORD: 'p', OS_PROJECT_ID: 'x' },
      cwd,
      home,
    })
    expect(config.name).toBe('envvars')
  })
})
