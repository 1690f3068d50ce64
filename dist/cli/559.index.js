export const id = 559;
export const ids = [559];
export const modules = {

/***/ 8559:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  shareCommand: () => (/* binding */ shareCommand)
});

// EXTERNAL MODULE: ./src/http/error.ts
var http_error = __webpack_require__(4054);
// EXTERNAL MODULE: ./src/openstack/errors.ts
var errors = __webpack_require__(5);
;// CONCATENATED MODULE: ./src/openstack/identity/client.ts
// Keystone lookups needed for image sharing: a project or domain by name or
// id, and every project of a domain.


function createIdentityClient(session) {
    const base = (session.config.endpointOverrides.identity ?? session.identityUrl).replace(/\/+$/, '');
    const keystone = { session, base };
    // Through `client`, so the lookups go where the client's own findDomain goes.
    const client = {
        findDomain: (nameOrId) => findDomain(keystone, nameOrId),
        findProject: (nameOrId, domain) => findProject(keystone, client, nameOrId, domain),
        listDomainProjects: (domain) => listDomainProjects(keystone, client, domain),
    };
    return client;
}
async function findDomain(keystone, nameOrId) {
    const found = await byId(keystone, `/domains/${encodeURIComponent(nameOrId)}`, '/v3/domains/{id}', 'domain');
    if (found)
        return found;
    const domains = await list(keystone, 'domains', `/domains?name=${encodeURIComponent(nameOrId)}`, '/v3/domains').catch((error) => forbidden(error, `domain '${nameOrId}'`));
    if (domains[0] === undefined)
        throw new errors/* NotFoundError */.m(`Unknown domain '${nameOrId}'; give an existing domain name or id`);
    return domains[0];
}
async function findProject(keystone, client, nameOrId, domain) {
    const domainId = domain === undefined ? undefined : (await client.findDomain(domain)).id;
    const found = await byId(keystone, `/projects/${encodeURIComponent(nameOrId)}`, '/v3/projects/{id}', 'project');
    if (found && (domainId === undefined || found.domain_id === domainId))
        return found;
    const projects = await projectsNamed(keystone, nameOrId, domainId);
    const inDomain = domain === undefined ? '' : ` in domain '${domain}'`;
    if (projects.length === 0)
        throw new errors/* NotFoundError */.m(`Unknown project '${nameOrId}'${inDomain}; give an existing project name or id`);
    if (projects.length > 1) {
        const domains = projects.map((p) => p.domain_id).join(', ');
        throw new errors/* NotFoundError */.m(`Project name '${nameOrId}' is ambiguous (domains ${domains}); give its domain or its id`);
    }
    return projects[0];
}
/** The projects called `name` (in `domainId` when given). */
async function projectsNamed(keystone, name, domainId) {
    const query = new URLSearchParams({ name });
    if (domainId !== undefined)
        query.set('domain_id', domainId);
    try {
        return await list(keystone, 'projects', `/projects?${query}`, '/v3/projects');
    }
    catch (error) {
        if (!(0,http_error/* isStatus */.zM)(error, 403))
            throw error;
        // Not allowed to list: the projects the user has a role on may still contain it.
        const own = await list(keystone, 'projects', '/auth/projects', '/v3/auth/projects');
        return own.filter((p) => p.name === name && (domainId === undefined || p.domain_id === domainId));
    }
}
async function listDomainProjects(keystone, client, domain) {
    const { id } = await client.findDomain(domain);
    return list(keystone, 'projects', `/projects?domain_id=${encodeURIComponent(id)}`, '/v3/projects').catch((error) => forbidden(error, `the projects of domain '${domain}'`));
}
async function get({ session, base }, path, template) {
    const response = await session.request({
        method: 'GET',
        url: `${base}${path}`,
        template,
        expected: [200],
    });
    return response.data;
}
async function list({ session, base }, key, path, template) {
    const items = [];
    let url = `${base}${path}`;
    while (url !== undefined) {
        const response = await session.request({
            method: 'GET',
            url,
            template,
            expected: [200],
        });
        items.push(...(response.data?.[key] ?? []));
        const next = response.data?.links?.next;
        url = next ? new URL(next, `${base}/`).toString() : undefined;
    }
    return items;
}
function forbidden(error, what) {
    if ((0,http_error/* isStatus */.zM)(error, 403)) {
        throw new http_error/* HttpError */.j$(error.method, error.url, error.expected, 403, error.body, `not allowed to look up ${what}: the credentials need the admin or reader role`);
    }
    throw error;
}
async function byId(keystone, path, template, key) {
    try {
        const body = await get(keystone, path, template);
        return body[key];
    }
    catch (error) {
        if ((0,http_error/* isStatus */.zM)(error, 404, 403))
            return undefined;
        throw error;
    }
}

// EXTERNAL MODULE: ./src/problems.ts
var problems = __webpack_require__(2095);
// EXTERNAL MODULE: ./src/cloud/connect.ts + 14 modules
var connect = __webpack_require__(5283);
;// CONCATENATED MODULE: ./src/commands/share.ts
// `share`: share an image with a project, or with every project of a domain,
// or take the share back (docs/behaviour.md §7). The membership is accepted on the consumer's behalf.





async function findImageId(glance, nameOrId) {
    const byId = /^[0-9a-f-]{36}$/i.test(nameOrId) ? await glance.findImage(nameOrId) : null;
    if (byId)
        return byId.id;
    const matches = [];
    for await (const image of glance.listImages({
        name: nameOrId,
        visibility: 'all',
        osHidden: 'both',
    })) {
        matches.push(image.id);
    }
    if (matches.length === 1)
        return matches[0];
    throw new problems/* UserError */.yo(matches.length === 0
        ? `No image '${nameOrId}': give its exact name or id.`
        : `${matches.length} images are called '${nameOrId}': give the id (${matches.join(', ')}).`);
}
async function shareCommand(options, reporter) {
    const glance = await (0,connect/* connect */.N)(options, reporter);
    const identity = createIdentityClient(glance.session);
    let projects;
    try {
        projects = options.project
            ? [await identity.findProject(options.project, options.domain)]
            : await identity.listDomainProjects(options.domain);
    }
    catch (error) {
        if (error instanceof errors/* NotFoundError */.m)
            throw new problems/* UserError */.yo(error.message);
        throw error;
    }
    const imageId = await findImageId(glance, options.image);
    const image = await glance.getImage(imageId);
    if (image.visibility !== 'shared') {
        throw new problems/* UserError */.yo(`'${options.image}' is ${image.visibility}: only images with visibility 'shared' have members; set visibility: shared in its definition.`);
    }
    const members = new Map((await glance.listMembers(imageId)).map((m) => [m.member_id, m]));
    let failed = 0;
    for (const project of projects) {
        const member = members.get(project.id);
        const what = `${options.image} - ${project.name} (${project.domain_id})`;
        try {
            if (options.action === 'del') {
                if (!member)
                    continue;
                reporter.info(`del - ${what}`);
                if (!options.dryRun)
                    await glance.removeMember(imageId, project.id);
                continue;
            }
            if (!member) {
                reporter.info(`add - ${what}`);
                if (!options.dryRun)
                    await glance.addMember(imageId, project.id);
            }
            if (member?.status !== 'accepted') {
                reporter.info(`accept - ${what}`);
                if (!options.dryRun)
                    await glance.updateMemberStatus(imageId, project.id, 'accepted');
            }
        }
        catch (error) {
            failed++;
            const hint = (0,http_error/* isStatus */.zM)(error, 403)
                ? ' (this cloud lets only the consumer accept: ask them to)'
                : '';
            reporter.warning(`${what}: ${(0,problems/* getErrorMessage */.u1)(error)}${hint}`);
        }
    }
    return failed > 0 ? 1 : 0;
}


/***/ })

};
