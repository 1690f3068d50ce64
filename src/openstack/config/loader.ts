// The thin, impure half of the configuration: find clouds.yaml and
// secure.yaml on openstacksdk's search path, read them, and hand everything
// to the pure resolveCloudConfig().

import { readFile } from 'node:fs/promises'
import { homedir } from 'node:os'
import { join } from 'node:path'
import { resolveCloudConfig, type ConfigFile } from './resolve.js'
import type { CloudConfig } from './types.js'
import { ConfigError } from '../../problems.js'

export interface LoadCloudConfigOptions {
  /** `--cloud NAME`; OS_CLOUD when absent. */
  cloud?: string
  /** An explicit region (must be one of the cloud's regions when it lists some). */
  regionName?: string
  /**
   * The whole content of a clouds.yaml (the action's secret input). When set,
   * no file is searched: this is the configuration, secure.yaml included.
   */
  cloudsYaml?: string
  env?: Record<string, string | undefined>
  cwd?: string
  home?: string
}

export interface SearchPath {
  clouds: string[]
  secure: string[]
}

const SUFFIXES = ['.yaml', '.yml', '.json']

/**
 * Where openstacksdk looks, in order: OS_CLIENT_CONFIG_FILE (resp.
 * OS_CLIENT_SECURE_FILE), then the current directory, the user's config
 * directory (~/.config/openstack or $XDG_CONFIG_HOME/openstack) and
 * /etc/openstack, each with .yaml, .yml and .json.
 */
export function configSearchPath(
  env: Record<string, string | undefined>,
  cwd: string,
  home: string,
): SearchPath {
  const dirs = [
    cwd,
    join(env.XDG_CONFIG_HOME || join(home, '.config'), 'openstack'),
    join(home, '.config', 'openstack'),
    '/etc/xdg/openstack',
    '/etc/openstack',
  ].filter((dir, index, all) => all.indexOf(dir) === index)
  const files = (base: string): string[] =>
    dirs.flatMap((dir) => SUFFIXES.map((suffix) => join(dir, base + suffix)))
  const clouds = files('clouds')
  const secure = files('secure')
  if (env.OS_CLIENT_CONFIG_FILE) clouds.unshift(env.OS_CLIENT_CONFIG_FILE)
  if (env.OS_CLIENT_SECURE_FILE) secure.unshift(env.OS_CLIENT_SECURE_FILE)
  return { clouds, secure }
}

/** The first readable file of `paths`, or undefined. Unreadable files are skipped like openstacksdk does. */
export async function readFirst(paths: readonly string[]): Promise<ConfigFile | undefined> {
  for (const path of paths) {
    try {
      return { path, content: await readFile(path, 'utf8') }
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code
      if (code === 'ENOENT' || code === 'ENOTDIR' || code === 'EACCES' || code === 'EISDIR')
        continue
      throw new ConfigError(`Cannot read ${path}: ${(error as Error).message}`)
    }
  }
  return undefined
}

/** Find, read and resolve the cloud configuration. */
export async function loadCloudConfig(options: LoadCloudConfigOptions = {}): Promise<CloudConfig> {
  const env = options.env ?? process.env
  const home = options.home ?? homedir()
  const common = { env, cloud: options.cloud, regionName: options.regionName, home }
  if (options.cloudsYaml !== undefined && options.cloudsYaml.trim() !== '') {
    return resolveCloudConfig({
      ...common,
      clouds: { path: 'the clouds.yaml input', content: options.cloudsYaml },
    })
  }
  const search = configSearchPath(env, options.cwd ?? process.cwd(), home)
  if (env.OS_CLIENT_CONFIG_FILE) {
    // openstacksdk silently ignores a missing override; naming it helps more.
    const found = await readFirst([env.OS_CLIENT_CONFIG_FILE])
    if (found === undefined) {
      throw new ConfigError(
        `OS_CLIENT_CONFIG_FILE is ${env.OS_CLIENT_CONFIG_FILE}, which cannot be read; fix the path or unset it`,
      )
    }
  }
  const clouds = await readFirst(search.clouds)
  const secure = await readFirst(search.secure)
  const searched = search.clouds.filter(
    (path) => path.endsWith('.yaml') || path === env.OS_CLIENT_CONFIG_FILE,
  )
  return resolveCloudConfig({ ...common, clouds, secure, searched })
}
