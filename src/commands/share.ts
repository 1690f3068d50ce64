// `share`: share an image with a project, or with every project of a domain,
// or take the share back (docs/behaviour.md §7). The membership is accepted on the consumer's behalf.
import { isStatus } from '../http/error.js'
import { createIdentityClient, type Project } from '../openstack/identity/client.js'
import { NotFoundError } from '../openstack/errors.js'
import type { GlanceClient } from '../openstack/glance/client.js'
import { UserError, getErrorMessage } from '../problems.js'
import type { Reporter } from '../reporter.js'
import { connect, type CloudOptions } from '../cloud/connect.js'

export interface ShareCommandOptions extends CloudOptions {
  /** Image name or id. */
  image: string
  /** A project (name or id) in `domain`; without it, every project of `domain`. */
  project?: string
  domain: string
  action: 'add' | 'del'
  dryRun: boolean
}

async function findImageId(glance: GlanceClient, nameOrId: string): Promise<string> {
  const byId = /^[0-9a-f-]{36}$/i.test(nameOrId) ? await glance.findImage(nameOrId) : null
  if (byId) return byId.id
  const matches: string[] = []
  for await (const image of glance.listImages({
    name: nameOrId,
    visibility: 'all',
    osHidden: 'both',
  })) {
    matches.push(image.id)
  }
  if (matches.length === 1) return matches[0] as string
  throw new UserError(
    matches.length === 0
      ? `No image '${nameOrId}': give its exact name or id.`
      : `${matches.length} images are called '${nameOrId}': give the id (${matches.join(', ')}).`,
  )
}

export async function shareCommand(
  options: ShareCommandOptions,
  reporter: Reporter,
): Promise<number> {
  const glance = await connect(options, reporter)
  const identity = createIdentityClient(glance.session)
  let projects: Project[]
  try {
    projects = options.project
      ? [await identity.findProject(options.project, options.domain)]
      : await identity.listDomainProjects(options.domain)
  } catch (error) {
    if (error instanceof NotFoundError) throw new UserError(error.message)
    throw error
  }
  const imageId = await findImageId(glance, options.image)
  const image = await glance.getImage(imageId)
  if (image.visibility !== 'shared') {
    throw new UserError(
      `'${options.image}' is ${image.visibility}: only images with visibility 'shared' have members; set visibility: shared in its definition.`,
    )
  }
  const members = new Map((await glance.listMembers(imageId)).map((m) => [m.member_id, m]))
  let failed = 0
  for (const project of projects) {
    const member = members.get(project.id)
    const what = `${options.image} - ${project.name} (${project.domain_id})`
    try {
      if (options.action === 'del') {
        if (!member) continue
        reporter.info(`del - ${what}`)
        if (!options.dryRun) await glance.removeMember(imageId, project.id)
        continue
      }
      if (!member) {
        reporter.info(`add - ${what}`)
        if (!options.dryRun) await glance.addMember(imageId, project.id)
      }
      if (member?.status !== 'accepted') {
        reporter.info(`accept - ${what}`)
        if (!options.dryRun) await glance.updateMemberStatus(imageId, project.id, 'accepted')
      }
    } catch (error) {
      failed++
      const hint = isStatus(error, 403)
        ? ' (this cloud lets only the consumer accept: ask them to)'
        : ''
      reporter.warning(`${what}: ${getErrorMessage(error)}${hint}`)
    }
  }
  return failed > 0 ? 1 : 0
}
