// Connecting to the cloud named by the options; configuration problems exit 2.
import { loadCloudConfig } from '../openstack/config/loader.js'
import { AuthError } from '../openstack/errors.js'
import { ConfigError } from '../problems.js'
import { ConnectionError } from '../http/connection.js'
import type { GlanceClient } from '../openstack/glance/client.js'
import { createGlanceClient } from '../openstack/glance/connect.js'
import { UserError } from '../problems.js'
import type { Reporter } from '../reporter.js'

export interface CloudOptions {
  /** Cloud name in clouds.yaml (OS_CLOUD, or OS_* variables, when absent). */
  cloud?: string
  /** A whole clouds.yaml as text (the action's secret input). */
  cloudsYaml?: string
}

export async function connect(options: CloudOptions, reporter: Reporter): Promise<GlanceClient> {
  try {
    const config = await loadCloudConfig({
      ...(options.cloud ? { cloud: options.cloud } : {}),
      ...(options.cloudsYaml ? { cloudsYaml: options.cloudsYaml } : {}),
    })
    // Every password and token the client learns is masked before anything is printed.
    return await createGlanceClient(config, { onSecret: (value) => reporter.secret(value) })
  } catch (error) {
    if (
      error instanceof ConfigError ||
      error instanceof AuthError ||
      error instanceof ConnectionError
    ) {
      throw new UserError(error.message, 2)
    }
    throw error
  }
}
