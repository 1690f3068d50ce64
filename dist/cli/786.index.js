export const id = 786;
export const ids = [786];
export const modules = {

/***/ 8733:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  W: () => (/* binding */ observeManagedImages)
});

;// CONCATENATED MODULE: ./src/plan/observed.ts
// What the plan needs to know of an image in Glance. The Glance client's image
// type satisfies this structurally; the plan never sees HTTP.
/** docs/behaviour.md §2: only images with the managed tag, public or owned by us, are ever looked at. */
const isManaged = (image, tag, projectId) => image.tags.includes(tag) && (image.visibility === 'public' || image.owner === projectId);

;// CONCATENATED MODULE: ./src/cloud/observe.ts

/** Glance's maximum page size by default (api_limit_max). */
const PAGE = 1000;
async function collect(images) {
    const out = [];
    for await (const image of images)
        out.push(image);
    return out;
}
async function observeManagedImages(glance, tag) {
    // Glance lists hidden images only when asked, and then only those: two passes,
    // side by side. visibility=all includes community images (hidden by retention).
    const passes = await Promise.all([false, true].map((osHidden) => collect(glance.listImages({ tag, visibility: 'all', osHidden, limit: PAGE }))));
    return passes
        .flat()
        .map((image) => ({ ...image, name: image.name ?? '' }))
        .filter((image) => isManaged(image, tag, glance.projectId ?? ''));
}


/***/ }),

/***/ 9786:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  tP: () => (/* binding */ connectClients),
  G0: () => (/* binding */ loadValidCatalog),
  mt: () => (/* binding */ openPlanSession),
  planCommand: () => (/* binding */ planCommand),
  AN: () => (/* binding */ replanner)
});

// UNUSED EXPORTS: EXIT_CHANGES, writePlanJson

// EXTERNAL MODULE: external "node:fs/promises"
var promises_ = __webpack_require__(1455);
// EXTERNAL MODULE: ./src/definitions/catalog.ts + 1 modules
var definitions_catalog = __webpack_require__(4239);
// EXTERNAL MODULE: ./src/plan/describe.ts
var describe = __webpack_require__(8122);
// EXTERNAL MODULE: ./src/plan/desire.ts
var desire = __webpack_require__(6149);
;// CONCATENATED MODULE: ./src/plan/check-age.ts
const DAY = 86_400_000;
function checkAge(definitions, images, maxAgeDays, belongsTo) {
    const notes = [];
    for (const def of definitions) {
        for (const image of images.filter((i) => belongsTo(def, i))) {
            const built = image.properties.image_build_date;
            // Multi: any newer build counts; non-multi: only the same version's.
            const dates = def.versions
                .filter((v) => def.multi || v.version === image.properties.internal_version)
                .flatMap((v) => (v.build_date ? [v.build_date] : []))
                .sort();
            const newest = dates[dates.length - 1];
            if (!built || !newest)
                continue;
            const days = Math.round((Date.parse(newest) - Date.parse(built.slice(0, 10))) / DAY);
            if (days > maxAgeDays) {
                notes.push({
                    image: { id: image.id, name: image.name },
                    message: `built ${built}, ${days} days before the newest build of '${def.name}' (${newest}); more than ${maxAgeDays}`,
                });
            }
        }
    }
    return notes;
}

// EXTERNAL MODULE: ./src/plan/diff.ts
var plan_diff = __webpack_require__(8256);
// EXTERNAL MODULE: ./src/plan/managed.ts + 1 modules
var managed = __webpack_require__(6770);
;// CONCATENATED MODULE: ./src/plan/drift.ts
// Drift of one definition's existing builds from what they should be: updates and status
// changes (docs/behaviour.md §3 and §5). Pure.



/** Where the existing builds drift, given the name holder and the builds retention lets go. */
function driftSteps(scope, { match }, nameHolder, retiring) {
    const { def, options, rotation } = scope;
    // What retention deletes is not worth an update first.
    const deleted = (image) => options.delete && options.confirmDelete && !def.keep && retiring.has(image.id);
    const replacedReason = `replaced by a newer build of '${def.name}': gets the rotated settings`;
    const updates = [];
    for (const d of scope.desired) {
        const image = match.get(d);
        if (!image)
            continue;
        if (!managed/* ACTABLE */.R3.has(image.status)) {
            scope.notes.push({ image: (0,managed/* ref */.KR)(image), message: `left alone: the image is '${image.status}'` });
            continue;
        }
        const replaced = rotation !== undefined && image !== nameHolder && !deleted(image);
        const want = !rotation ? d : replaced ? (0,desire/* asRotated */.Iw)(d, rotation) : (0,desire/* asHolder */.LO)(d, rotation);
        const diff = (0,plan_diff/* diffImage */.Z3)(want, image, { retiring: retiring.has(image.id) });
        if (diff.changes.length)
            updates.push({
                action: 'update',
                image: (0,managed/* ref */.KR)(image),
                changes: diff.changes,
                reason: replaced ? replacedReason : 'differs from the definition',
            });
        if (diff.status)
            updates.push({ action: diff.status, image: (0,managed/* ref */.KR)(image), reason: `status: ${d.status}` });
    }
    // Replaced builds of versions no longer listed: only the rotation settings, unless retention deletes them.
    if (rotation) {
        const matched = new Set(match.values());
        for (const image of scope.own) {
            if (matched.has(image) || image === nameHolder)
                continue;
            if (!managed/* ACTABLE */.R3.has(image.status) || deleted(image))
                continue;
            const changes = (0,plan_diff/* diffRotated */.Ho)(rotation, image);
            if (changes.length)
                updates.push({ action: 'update', image: (0,managed/* ref */.KR)(image), changes, reason: replacedReason });
        }
    }
    return updates;
}

// EXTERNAL MODULE: ./src/definitions/names.ts
var names = __webpack_require__(958);
;// CONCATENATED MODULE: ./src/plan/retention.ts
// docs/behaviour.md §6: which builds of a definition may go, by meta uuid_validity. Pure.

/** How long a definition's image UUIDs stay valid, as of `now`. */
function parseValidity(value, now) {
    const text = value === undefined || value === null ? 'none' : String(value);
    const last = /^last-(\d+)$/.exec(text);
    if (last)
        return { kind: 'last', n: Math.max(1, Number(last[1])) };
    if (/^\d{4}-\d{2}-\d{2}$/.test(text)) {
        // Until the date passes every build stays; after it only the current one.
        return text >= now.toISOString().slice(0, 10)
            ? { kind: 'keep-all', why: `uuid_validity ${text} is in the future` }
            : { kind: 'expired', date: text };
    }
    // none, forever, notice: deliberately differs from the old tool, which deleted like last-1.
    return { kind: 'keep-all', why: `uuid_validity is '${text}'` };
}
/** How many builds stay: a number, or null when none may go. */
function windowSize(validity) {
    if (validity.kind === 'keep-all')
        return { size: null, why: validity.why };
    if (validity.kind === 'last')
        return { size: validity.n, why: `uuid_validity last-${validity.n}` };
    return { size: 1, why: `uuid_validity expired on ${validity.date}` };
}
const newestFirst = (a, b) => (0,names/* compareVersions */.Zy)(b, a);
/**
 * Listed versions older than the window. They are not imported again
 * (deliberately differs: the old tool deleted multi ones, then re-imported them).
 * Non-multi: not under `keep`, which keeps every build of such a definition.
 */
function outsideWindow(def, size, keep = false) {
    if (size === null || (!def.multi && keep))
        return new Set();
    return new Set(def.versions
        .map((v) => v.version)
        .sort(newestFirst)
        .slice(size));
}
/** The builds that may go once this run is done, newest first. */
function candidates(def, builds, size, keep) {
    if (size === null)
        return [];
    if (def.multi) {
        // The build that holds the name counts first, whatever its version; then by version.
        const ordered = [...builds].sort((a, b) => Number(b.current) - Number(a.current) || newestFirst(a.internalVersion, b.internalVersion));
        return ordered.slice(size);
    }
    // Non-multi (an extension: the old tool kept every listed build): the same
    // window by version, listed builds first, so a version dropped from the
    // definition never outlives a listed one; `keep` keeps them all.
    if (keep)
        return [];
    const listed = new Set(def.versions.map((v) => v.version));
    const dropped = (b) => Number(!listed.has(b.internalVersion));
    return [...builds]
        .sort((a, b) => dropped(a) - dropped(b) || newestFirst(a.internalVersion, b.internalVersion))
        .slice(size);
}

// EXTERNAL MODULE: ./src/download/sniff.ts
var sniff = __webpack_require__(6492);
;// CONCATENATED MODULE: ./src/plan/imports.ts
// The import steps of one definition: desired builds Glance lacks (docs/behaviour.md §4). Pure.




/** Imports for the unmatched desired builds; what is left out gets a note saying why. */
function importSteps(scope, { match, leftovers }) {
    const { def, options, newest, rotation, window } = scope;
    const outside = outsideWindow(def, window.size, options.keep || def.keep);
    const imports = [];
    for (const d of scope.desired) {
        const image = match.get(d);
        if (image)
            continue;
        if (def.multi && options.latest && d !== newest) {
            scope.notes.push({
                image: { name: d.name },
                message: `not imported: --latest imports only the newest version`,
            });
            continue;
        }
        if (outside.has(d.version.version)) {
            scope.notes.push({
                image: { name: d.name },
                message: `not imported: outside the retention window (${window.why})`,
            });
            continue;
        }
        const leftover = leftovers.get(d);
        // Only the newest build ever takes the name: an older one is created as replaced.
        const want = !rotation ? d : d === newest ? (0,desire/* asHolder */.LO)(d, rotation) : (0,desire/* asRotated */.Iw)(d, rotation);
        const mode = def.verify ?? options.verify ?? 'auto';
        imports.push(importStep(want, options.tag, mode, leftover && (0,managed/* ref */.KR)(leftover)));
    }
    return imports;
}
/**
 * Whether the tool streams the bytes, and what that checks (docs/behaviour.md §4):
 * a checksum can only be checked, and a compressed source only unpacked, by
 * streaming; Glance's web-download checks nothing.
 */
function transfer(d, mode) {
    // `file:` sources have no web-download: they are always streamed.
    const stream = mode === 'stream' ||
        d.sourceUrl.startsWith('file:') ||
        (mode === 'auto' && (d.checksum !== undefined || (0,sniff/* compressionOfName */.Vd)(d.sourceUrl) !== undefined));
    const verification = !d.checksum
        ? 'unverified (no checksum)'
        : stream
            ? `verified (${d.checksum.split(':')[0]})`
            : 'unverified (verify: none)';
    // Glance 2022.2 stores any bytes under any format: a web-download is sniffed first too.
    return { stream, verification, ...(!stream && mode !== 'none' ? { peek: true } : {}) };
}
function importStep(d, tag, mode, leftover) {
    return {
        action: 'import',
        image: { name: d.importName },
        ...(leftover ? { replaces: leftover } : {}),
        version: d.internalVersion,
        source: d.sourceUrl,
        ...(d.fallbackUrl ? { fallback: d.fallbackUrl } : {}),
        ...(d.checksum ? { checksum: d.checksum } : {}),
        ...transfer(d, mode),
        create: {
            ...(d.id ? { id: d.id } : {}),
            name: d.importName,
            disk_format: d.diskFormat,
            container_format: 'bare',
            min_disk: d.minDisk,
            min_ram: d.minRam,
            visibility: 'private',
            tags: [...new Set([tag, ...d.tags])].sort(),
            properties: d.properties,
            ...(d.osHidden !== undefined ? { os_hidden: d.osHidden } : {}),
        },
        then: { visibility: d.visibility, status: d.status },
        reason: 'missing in Glance',
    };
}

;// CONCATENATED MODULE: ./src/plan/match.ts


/** The desired builds of a definition, given the multi image holding the plain name now. */
function desiredFor(def, current, options) {
    // An unchanged `latest` upstream keeps the version it was imported as: no churn.
    let info = options.latestInfo?.get(def.name);
    if (info && current?.properties.upstream_checksum === info.upstreamChecksum) {
        info = { ...info, internalVersion: current.properties.internal_version ?? info.internalVersion };
    }
    return (0,desire/* desireDefinition */.ax)(def, {
        tag: options.tag,
        useOsHidden: options.useOsHidden,
        latest: new Map(info ? [[def.name, info]] : []),
    });
}
/** Two managed images under one name: which is which cannot be told, so nothing is touched. */
function ambiguousName(def, desired, own, withName) {
    const names = new Set([
        def.name,
        ...desired.flatMap((d) => [d.name, d.importName]),
        ...own.map((i) => i.name),
    ]);
    for (const name of names) {
        const same = withName.get(name) ?? [];
        if (same.length > 1) {
            return `${same.length} managed images are named '${name}' (${same.map((i) => i.id).join(', ')}): delete or rename all but one by hand`;
        }
    }
    return undefined;
}
/** Which existing image is each desired one? */
function matchDesired(scope) {
    const { def, current, named, options } = scope;
    const match = new Map();
    const leftovers = new Map();
    for (const d of scope.desired) {
        const found = def.multi
            ? current?.properties.internal_version === d.internalVersion
                ? current
                : named(d.importName)
            : named(d.name);
        if (found && (0,managed/* isLeftover */.ij)(found, options))
            leftovers.set(d, found);
        else if (found)
            match.set(d, found);
    }
    return { match, leftovers };
}
/** Leftovers of interrupted imports of versions no longer wanted: empty, never bootable. */
function strayLeftovers(scope, { leftovers }) {
    const replaced = new Set([...leftovers.values()]);
    return scope.own
        .filter((i) => (0,managed/* isLeftover */.ij)(i, scope.options) && !replaced.has(i))
        .map((i) => ({
        action: 'delete',
        image: (0,managed/* ref */.KR)(i),
        reason: `leftover of an interrupted import ('${i.status}') of a version no longer listed`,
    }));
}

;// CONCATENATED MODULE: ./src/plan/retire.ts


/** The builds retention lets go, from the builds as they stand once this run is done. */
function leavingBuilds(scope, { match }, imports) {
    const { def, options, newest, current } = scope;
    // Builds as they stand once this run is done: existing ones and the imports.
    const importsNewest = imports.some((s) => s.image.name === newest?.importName);
    const holder = newest && (match.get(newest) ?? (importsNewest ? undefined : current));
    const builds = [
        ...scope.own
            .filter((i) => !(0,managed/* isLeftover */.ij)(i, options))
            .map((i) => ({
            image: i,
            internalVersion: i.properties.internal_version ?? '',
            current: def.multi && i === holder,
        })),
        ...imports.map((s) => ({
            internalVersion: s.version,
            current: def.multi && s.image.name === newest?.importName,
        })),
    ];
    return candidates(def, builds, scope.window.size, options.keep || def.keep);
}
/** The retention steps for the leaving builds; the ones left as they are get a note. */
function retentionSteps(scope, leaving, renames) {
    // Retention runs after the renames: name the images as they will be called then.
    const renamedTo = new Map(renames.flatMap((r) => (r.image.id ? [[r.image.id, r.to]] : [])));
    const named = leaving.map((b) => b.image ? { ...b, image: { ...b.image, name: renamedTo.get(b.image.id) ?? b.image.name } } : b);
    return retire(scope.def, named, scope.window.why, scope.options, scope.notes);
}
/** What happens to retention candidates: only what the options ask for. */
function retire(def, leaving, why, options, notes) {
    const steps = [];
    for (const b of leaving) {
        const image = b.image;
        if (!image)
            continue;
        const reason = `outside the retention window (${why})`;
        if (options.delete && options.confirmDelete && !def.keep) {
            steps.push({ action: 'delete', image: (0,managed/* ref */.KR)(image), reason });
            continue;
        }
        const before = steps.length;
        if ((options.deactivate || (options.delete && options.confirmDelete)) &&
            image.status === 'active') {
            steps.push({ action: 'deactivate', image: (0,managed/* ref */.KR)(image), reason });
        }
        if ((options.hide || (options.delete && options.confirmDelete)) &&
            image.visibility !== 'community') {
            steps.push({ action: 'hide', image: (0,managed/* ref */.KR)(image), reason });
        }
        if (steps.length === before) {
            notes.push({
                image: (0,managed/* ref */.KR)(image),
                message: `removal candidate, ${reason}: ${removalHint(def, options)}`,
            });
        }
    }
    return steps;
}
/** Why a removal candidate stays as it is. */
function removalHint(def, options) {
    return def.keep
        ? 'keep: true, never deleted'
        : options.delete && !options.confirmDelete
            ? 'deleting needs --yes-i-really-know-what-i-do'
            : options.hide || options.deactivate
                ? 'already hidden or deactivated'
                : 'use --hide, --deactivate or --delete to act';
}

;// CONCATENATED MODULE: ./src/plan/rotation.ts
// Rotation of a multi definition: the newest build takes the plain name, the current one
// steps aside under its dated name (docs/behaviour.md §5). Pure.


/** Name of the current multi image once a newer build takes its place. */
function retiredName(def, image) {
    const version = image.properties.internal_version ?? (image.created_at ?? '').slice(0, 10).replace(/-/g, '');
    return (0,names/* rotatedName */.rd)(def, version);
}
function rotationSteps(scope, { match }, imports) {
    const { def, newest, current } = scope;
    const next = newest && match.get(newest);
    // Only a complete image takes the name: nobody may boot a half-imported one.
    const takesName = def.multi &&
        newest !== undefined &&
        (next
            ? next.name !== def.name && managed/* ACTABLE */.R3.has(next.status)
            : imports.some((s) => s.image.name === newest.importName));
    const nameHolder = takesName ? next : current;
    const renames = [];
    if (!takesName || !newest)
        return { renames, nameHolder };
    if (current && current !== next) {
        const to = retiredName(def, current);
        const taken = scope.named(to);
        if (taken && taken !== current) {
            return {
                blocked: {
                    image: (0,managed/* ref */.KR)(current),
                    message: `cannot rotate: '${to}' already exists; rename or remove it by hand`,
                },
            };
        }
        renames.push({
            action: 'rename',
            image: (0,managed/* ref */.KR)(current),
            to,
            reason: `a newer build (${newest.internalVersion}) takes the name '${def.name}'`,
        });
    }
    const image = next ? (0,managed/* ref */.KR)(next) : { name: newest.importName };
    renames.push({
        action: 'rename',
        image,
        to: def.name,
        reason: `newest build (${newest.internalVersion})`,
    });
    return { renames, nameHolder };
}

// EXTERNAL MODULE: ./src/plan/types.ts
var types = __webpack_require__(9898);
;// CONCATENATED MODULE: ./src/plan/plan.ts












/** An empty plan for one definition, skipped when `skipped` says why. */
function emptyPlan(def, skipped) {
    return {
        name: def.name,
        file: def.position.file,
        line: def.position.line,
        ...(skipped !== undefined ? { skipped } : {}),
        steps: [],
        retention: [],
        notes: [],
    };
}
/** What every phase of the definition's plan reads; undefined when an ambiguous name stops it. */
function scopeOf(def, images, withName, options, out) {
    const named = (name) => withName.get(name)?.[0];
    const current = def.multi ? named(def.name) : undefined;
    const desired = desiredFor(def, current, options);
    const own = images.filter((i) => (0,managed/* belongsTo */.g4)(def, i));
    const ambiguous = ambiguousName(def, desired, own, withName);
    if (ambiguous !== undefined) {
        out.skipped = ambiguous;
        return undefined;
    }
    return {
        def,
        options,
        own,
        named,
        desired,
        newest: desired[desired.length - 1],
        current,
        rotation: (0,desire/* rotationOf */.c_)(def, options.rotated),
        window: windowSize(parseValidity(def.meta.uuid_validity, options.now)),
        notes: out.notes,
    };
}
function planDefinition(def, images, withName, options) {
    const out = emptyPlan(def);
    const scope = scopeOf(def, images, withName, options, out);
    if (!scope)
        return out;
    const matches = matchDesired(scope);
    const imports = importSteps(scope, matches);
    const rotation = rotationSteps(scope, matches, imports);
    if ('blocked' in rotation) {
        out.notes.push(rotation.blocked);
        return out;
    }
    const leaving = leavingBuilds(scope, matches, imports);
    // Stryker disable next-line ArrayDeclaration: an id that no image has retires nothing
    const retiring = new Set(leaving.flatMap((b) => (b.image ? [b.image.id] : [])));
    const updates = driftSteps(scope, matches, rotation.nameHolder, retiring);
    const strays = strayLeftovers(scope, matches);
    out.steps = [...strays, ...imports, ...rotation.renames, ...updates];
    out.retention = retentionSteps(scope, leaving, rotation.renames);
    return out;
}
/** Why a definition is left out of this plan, if it is. */
function skipReason(def, filter, options) {
    return !def.enable && !options.force
        ? 'enable: false (use --force to include it)'
        : filter && !filter.test(def.name)
            ? `outside the filter /${options.filter}/`
            : options.latestErrors?.has(def.name)
                ? `latest upstream unreadable: ${options.latestErrors.get(def.name)}`
                : undefined;
}
/** Every Glance name with all the managed images that carry it. */
function byGlanceName(images) {
    const withName = new Map();
    for (const image of images) {
        const same = withName.get(image.name);
        if (same)
            same.push(image);
        else
            withName.set(image.name, [image]);
    }
    return withName;
}
function emptyCatalogPlan(options) {
    return {
        formatVersion: types/* PLAN_FORMAT_VERSION */.V,
        generatedAt: options.now.toISOString(),
        ...(options.cloud ? { cloud: options.cloud } : {}),
        definitions: [],
        orphans: [],
        findings: [],
        summary: {
            import: 0,
            rename: 0,
            update: 0,
            deactivate: 0,
            reactivate: 0,
            hide: 0,
            delete: 0,
            unchanged: 0,
            skipped: 0,
        },
    };
}
/** The ordered plan for a catalog against a cloud's managed images. */
function plan_plan(definitions, images, options) {
    const filter = options.filter ? new RegExp(options.filter) : undefined;
    const result = emptyCatalogPlan(options);
    const withName = byGlanceName(images);
    for (const def of definitions) {
        const skipped = skipReason(def, filter, options);
        if (skipped) {
            result.definitions.push(emptyPlan(def, skipped));
            result.summary.skipped++;
            continue;
        }
        const p = planDefinition(def, images, withName, options);
        result.definitions.push(p);
        for (const s of [...p.steps, ...p.retention])
            result.summary[s.action]++;
        if (p.skipped)
            result.summary.skipped++;
        else if (p.steps.length + p.retention.length === 0)
            result.summary.unchanged++;
    }
    result.orphans = images
        .filter((i) => !definitions.some((d) => (0,managed/* belongsTo */.g4)(d, i)) && (!filter || filter.test(i.name)))
        .map(managed/* ref */.KR);
    if (options.maxAgeDays !== undefined) {
        result.findings = checkAge(definitions.filter((d) => !filter || filter.test(d.name)), images, options.maxAgeDays, managed/* belongsTo */.g4);
    }
    result.findings.push(...unverifiedPublic(result));
    return result;
}
/** A public image whose bytes nobody checks is worth a warning (docs/behaviour.md §4). */
function unverifiedPublic(p) {
    return p.definitions.flatMap((d) => d.steps.flatMap((s) => s.action === 'import' &&
        s.then.visibility === 'public' &&
        !s.verification.startsWith('verified')
        ? [{ image: s.image, message: `imported public, ${s.verification}` }]
        : []));
}

// EXTERNAL MODULE: ./src/plan/render-markdown.ts
var render_markdown = __webpack_require__(5153);
// EXTERNAL MODULE: ./src/plan/render-terminal.ts
var render_terminal = __webpack_require__(2220);
// EXTERNAL MODULE: ./src/plan/saved.ts
var saved = __webpack_require__(520);
// EXTERNAL MODULE: ./src/problems.ts
var problems = __webpack_require__(2095);
// EXTERNAL MODULE: ./src/escape/json.ts
var json = __webpack_require__(7961);
// EXTERNAL MODULE: ./src/upstream/checksums.ts
var checksums = __webpack_require__(4865);
// EXTERNAL MODULE: ./src/upstream/signature.ts
var signature = __webpack_require__(8691);
;// CONCATENATED MODULE: ./src/upstream/latest.ts



const TIMEOUT_MS = 30_000;
const ANY_TYPE = { Accept: '*/*' };
async function latest_text(http, url) {
    const response = await http.request({
        method: 'GET',
        url,
        headers: ANY_TYPE,
        expected: [200],
        responseType: 'text',
        timeoutMs: TIMEOUT_MS,
    });
    return response.data;
}
/** The checksum file's text; with checksum_signature, its signed text once the signature holds. */
async function checksumText(http, def, url) {
    const fetched = await latest_text(http, url);
    const check = await (0,signature/* loadSignatureCheck */.L)(def);
    if (!check)
        return fetched;
    return (await (0,signature/* verifyChecksumFile */.P)(check, url, fetched, (u) => latest_text(http, u))).text;
}
/** Latest info per definition; definitions whose upstream cannot be read are listed in `errors`. */
async function resolveLatest(definitions, 
/** The upstream client (createUpstreamHttp): never the cloud's. */
http) {
    const latest = new Map();
    const errors = new Map();
    await Promise.all(definitions.map(async (def) => {
        const v = def.versions.find((x) => x.version === 'latest');
        if (!v)
            return;
        try {
            const filename = new URL(v.url).pathname.split('/').pop() ?? '';
            const checksum = v.checksums_url
                ? (0,checksums/* findChecksum */.ZQ)(await checksumText(http, def, v.checksums_url), filename)
                : (0,checksums/* bareChecksum */.Q2)(await checksumText(http, def, v.checksum_url));
            if (!checksum)
                throw new Error(`no checksum for ${filename} in ${v.checksums_url ?? v.checksum_url}`);
            const head = await http.request({
                method: 'HEAD',
                url: v.url,
                headers: ANY_TYPE,
                expected: [200],
                responseType: 'none',
                timeoutMs: TIMEOUT_MS,
            });
            // Without Last-Modified the old tool recorded 'latest'; so do we.
            const internalVersion = (0,checksums/* lastModifiedVersion */.md)(head.headers.get('last-modified')) ?? 'latest';
            latest.set(def.name, { internalVersion, upstreamChecksum: checksum });
        }
        catch (error) {
            // The Http's errors already name the method, the url and the reason (refused, TLS, 404).
            errors.set(def.name, (0,problems/* getErrorMessage */.u1)(error));
        }
    }));
    return { latest, errors };
}

// EXTERNAL MODULE: ./src/download/upstream-http.ts
var upstream_http = __webpack_require__(8140);
// EXTERNAL MODULE: ./src/cloud/connect.ts + 14 modules
var connect = __webpack_require__(5283);
// EXTERNAL MODULE: ./src/cloud/observe.ts + 1 modules
var observe = __webpack_require__(8733);
// EXTERNAL MODULE: ./src/mirror/fallback.ts
var fallback = __webpack_require__(5029);
// EXTERNAL MODULE: ./src/scs/rules.ts
var rules = __webpack_require__(6252);
// EXTERNAL MODULE: ./src/scs/standard-images.ts + 2 modules
var standard_images = __webpack_require__(4693);
;// CONCATENATED MODULE: ./src/scs/after-plan.ts


/** Images this run creates have no id yet: they are known by their import name. */
const key = (ref) => ref.id ?? `new:${ref.name}`;
function change(image, c) {
    switch (c.field) {
        case 'property':
            if (c.to === undefined)
                delete image.properties[c.key];
            else
                image.properties[c.key] = c.to;
            return;
        case 'min_disk':
        case 'min_ram':
            image[c.field] = c.to;
            return;
        case 'visibility':
            image.visibility = c.to;
            return;
        case 'os_hidden':
            image.os_hidden = c.to;
            return;
        case 'tags':
            return;
    }
}
function run(images, step) {
    const image = images.get(key(step.image));
    switch (step.action) {
        case 'import':
            if (step.replaces)
                images.delete(key(step.replaces));
            images.set(key(step.image), {
                name: step.create.name,
                visibility: step.then.visibility,
                os_hidden: step.create.os_hidden ?? false,
                min_disk: step.create.min_disk,
                min_ram: step.create.min_ram,
                properties: { ...step.create.properties },
            });
            return;
        case 'rename':
            if (image)
                image.name = step.to;
            return;
        case 'update':
            if (image)
                for (const c of step.changes)
                    change(image, c);
            return;
        case 'hide':
            if (image)
                image.visibility = 'community';
            return;
        case 'delete':
            images.delete(key(step.image));
            return;
        default:
            return;
    }
}
/** The images as they stand once every step of `plan` ran, retention included. */
function afterPlan(images, plan) {
    const state = new Map(images.map((i) => [i.id, { ...i, properties: { ...i.properties } }]));
    for (const def of plan.definitions)
        for (const step of [...def.steps, ...def.retention])
            run(state, step);
    return [...state.values()];
}
const SCS_RECIPE = 'the SCS recipe: `rotated: {meta: {os_purpose: oldgeneric}, hidden: true}` on the definition, or plan and apply with --rotated-meta os_purpose=oldgeneric --rotated-hidden';
/** Warnings for the plan: the rules of scs-0102 that the cloud breaks once the plan ran. */
function scsFindings(images, plan) {
    const result = (0,rules/* uniqueness */.T$)(afterPlan(images, plan));
    // One note per clash: every image of it carries the same description.
    const clashes = [...new Set(result.offenders.map((o) => o.why))];
    return clashes.map((why) => ({
        message: `${result.id}: after this apply ${why}, but at most one public, visible image per architecture, os_distro and os_version may be; fix with ${SCS_RECIPE}`,
    }));
}
/**
 * Warnings for the plan: the mandatory scs-0104 rules that the managed images pass
 * now and break once the plan ran (the plan sees only them: what is missing already
 * is `check`'s to say).
 */
function standardImageFindings(images, plan) {
    const passing = new Set((0,standard_images/* checkStandardImages */.AL)(images)
        .filter((r) => !(0,rules/* failsCheck */.k2)(r))
        .map((r) => r.id));
    return (0,standard_images/* checkStandardImages */.AL)(afterPlan(images, plan))
        .filter((r) => (0,rules/* failsCheck */.k2)(r) && passing.has(r.id))
        .flatMap((r) => r.offenders.map((o) => ({
        message: `${r.id}: after this apply '${o.name}': ${o.why}`,
    })));
}
/** The plan with the scs-0102 and scs-0104 findings of its outcome added: said before the merge, not at the next check. */
function withScsFindings(plan, images) {
    plan.findings.push(...scsFindings(images, plan), ...standardImageFindings(images, plan));
    return plan;
}

;// CONCATENATED MODULE: ./src/commands/plan.ts
// `plan`: what apply would change in one cloud, as data and as text.















const EXIT_CHANGES = 3;
/** The client for image sources: the system CAs plus --source-cacert, never the cloud's TLS settings. */
async function upstreamClient(options, glance) {
    try {
        return await (0,upstream_http/* createUpstreamHttp */.kf)({
            ...(options.sourceCacert ? { sourceCacert: options.sourceCacert } : {}),
            // Masks the cloud's secrets should any reach a message about a source.
            secrets: glance.session.http.secrets,
        });
    }
    catch (error) {
        if (error instanceof problems/* ConfigError */.xL)
            throw new problems/* UserError */.yo(error.message, 2);
        throw error;
    }
}
/** The catalog, valid; undefined (its problems reported) when it is not. */
async function loadValidCatalog(options, reporter) {
    const catalog = await (0,definitions_catalog/* requireValidCatalog */.Vm)({ images: options.images, strict: options.strict }, {
        report: (0,definitions_catalog/* problemsTo */.Qp)(reporter),
        stop: (errors) => reporter.info(`✗ ${errors} error(s) in the image definitions: nothing planned`),
    });
    return catalog?.definitions;
}
/** The cloud's client and the one for image sources. */
async function connectClients(options, reporter) {
    const glance = await (0,connect/* connect */.N)(options, reporter);
    return { glance, upstream: await upstreamClient(options, glance) };
}
/** The plan from a fresh listing (same definitions, upstreams, options and clock). */
function replanner(definitions, clients, planOptions) {
    return async () => {
        const observed = await (0,observe/* observeManagedImages */.W)(clients.glance, planOptions.tag);
        const again = withScsFindings(plan_plan(definitions, observed, planOptions), observed);
        await (0,fallback/* resolveMirrors */.rh)(again, clients.upstream);
        return again;
    };
}
/** `work`'s outcome as a value: it never rejects, so no rejection goes unhandled while it waits. */
const settle = (work) => work.then((value) => ({ value }), (error) => ({ error }));
const plan_valueOf = (settled) => {
    if ('error' in settled)
        throw settled.error;
    return settled.value;
};
/**
 * Validate, observe, plan. The token and the listing (reads only) overlap
 * loading and validating the definitions; invalid definitions still stop
 * here, before anything is planned or written, whatever the cloud answered.
 */
async function openPlanSession(options, reporter) {
    const connected = settle(connectClients(options, reporter));
    const listed = connected.then((c) => 'error' in c ? c : settle((0,observe/* observeManagedImages */.W)(c.value.glance, options.tag)));
    const definitions = await loadValidCatalog(options, reporter);
    if (!definitions)
        return { exitCode: 1 };
    const { glance, upstream } = plan_valueOf(await connected);
    const [resolved, images] = await Promise.all([
        resolveLatest(definitions, upstream),
        listed.then(plan_valueOf),
    ]);
    for (const [name, error] of resolved.errors)
        reporter.warning(`${name}: latest upstream unreadable: ${error}`);
    const planOptions = {
        ...options,
        now: new Date(),
        ...(options.cloud ? { cloud: options.cloud } : {}),
        latestInfo: resolved.latest,
        latestErrors: resolved.errors,
    };
    const plan = withScsFindings(plan_plan(definitions, images, planOptions), images);
    plan.requests = glance.counter.snapshot();
    for (const warning of await (0,fallback/* resolveMirrors */.rh)(plan, upstream))
        reporter.warning(warning);
    // After the mirrors are resolved: they choose the sources the steps name.
    plan.basis = (0,saved/* recordBasis */.iP)(plan, definitions, images, planOptions);
    const replan = replanner(definitions, { glance, upstream }, planOptions);
    return { exitCode: 0, plan, glance, upstream, replan };
}
/** The plan as data (schemas/plan.schema.json). */
const writePlanJson = (file, plan) => (0,promises_.writeFile)(file, `${(0,json/* safeJson */.o)(plan)}\n`);
/** `publish` receives the plan (the action posts it to the pull request). */
async function planCommand(options, reporter, publish) {
    const outcome = await openPlanSession(options, reporter);
    if (outcome.exitCode !== 0)
        return outcome.exitCode;
    const { plan } = outcome;
    reporter.info((0,render_terminal/* renderTerminal */.b)(plan, options.color ?? false), { preEscaped: true });
    await reporter.summary((0,render_markdown/* renderMarkdown */.G)(plan));
    if (options.out)
        await writePlanJson(options.out, plan);
    await publish?.(plan);
    return options.detailedExitCode && (0,describe/* changeCount */.YR)(plan) > 0 ? EXIT_CHANGES : 0;
}


/***/ }),

/***/ 6492:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Hs: () => (/* binding */ sniffCompression),
/* harmony export */   OG: () => (/* binding */ sniffFormat),
/* harmony export */   Vd: () => (/* binding */ compressionOfName),
/* harmony export */   dD: () => (/* binding */ SNIFF_BYTES),
/* harmony export */   lH: () => (/* binding */ formatContradiction)
/* harmony export */ });
// What the first bytes of a source say it is: a compression, or a disk format.
// Pure: the stream side is in prepare.ts (docs/behaviour.md §4, "Know what you send").
/** Enough bytes for every magic below: the ISO 9660 volume descriptor sits at 32769. */
const SNIFF_BYTES = 32_774;
const startsWith = (data, magic, at = 0) => data.length >= at + magic.length && magic.every((b, i) => data[at + i] === b);
const ascii = (text) => [...text].map((c) => c.charCodeAt(0));
const COMPRESSIONS = [
    ['gzip', [0x1f, 0x8b]],
    ['xz', [0xfd, 0x37, 0x7a, 0x58, 0x5a, 0x00]],
    ['bzip2', [...ascii('BZh')]],
    ['zstd', [0x28, 0xb5, 0x2f, 0xfd]],
    ['zip', [...ascii('PK'), 0x03, 0x04]],
];
function sniffCompression(data) {
    return COMPRESSIONS.find(([, magic]) => startsWith(data, magic))?.[0];
}
/** The compression a file name's extension announces (`.qcow2.gz`, `.img.xz`, `.zip`). */
function compressionOfName(url) {
    const name = url.split(/[?#]/, 1)[0]?.toLowerCase() ?? '';
    const ext = {
        '.gz': 'gzip',
        '.xz': 'xz',
        '.bz2': 'bzip2',
        '.zst': 'zstd',
        '.zip': 'zip',
    };
    return Object.entries(ext).find(([e]) => name.endsWith(e))?.[1];
}
/**
 * The disk format the bytes show. `raw` means no known header: a raw disk, or a
 * fixed VHD (whose only footer is at the end of the file).
 */
function sniffFormat(data) {
    if (startsWith(data, [...ascii('QFI'), 0xfb]))
        return 'qcow2';
    // Sparse extents start with KDMV; a monolithic descriptor file with its header comment.
    if (startsWith(data, ascii('KDMV')) || startsWith(data, ascii('# Disk DescriptorFile')))
        return 'vmdk';
    if (startsWith(data, ascii('vhdxfile')))
        return 'vhdx';
    // A dynamic VHD begins with a copy of its footer.
    if (startsWith(data, ascii('conectix')))
        return 'vhd';
    if (startsWith(data, [0x7f, 0x10, 0xda, 0xbe], 0x40))
        return 'vdi';
    if (startsWith(data, ascii('CD001'), 0x8001))
        return 'iso';
    // A tar archive (a .tar.gz) is no disk under any name.
    if (startsWith(data, ascii('ustar'), 257))
        return 'tar';
    return 'raw';
}
/**
 * Why the bytes contradict the declared `format`, or undefined when they fit.
 * Glance's vhd covers vhdx too. Formats without a header of their own (aki,
 * ari, ami, ploop) are not judged; raw may be anything without a known header,
 * and a raw disk may also be a hybrid ISO.
 */
function formatContradiction(declared, data) {
    const found = sniffFormat(data);
    const fits = {
        qcow2: (f) => f === 'qcow2',
        vmdk: (f) => f === 'vmdk',
        vdi: (f) => f === 'vdi',
        iso: (f) => f === 'iso',
        vhd: (f) => f === 'vhd' || f === 'vhdx' || f === 'raw',
        raw: (f) => f === 'raw' || f === 'iso',
    };
    const check = fits[declared];
    if (check === undefined || check(found))
        return undefined;
    return found === 'raw'
        ? `the data has no ${declared} header (it looks like a raw disk or an unknown format)`
        : `the data is ${found}`;
}


/***/ }),

/***/ 5029:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Jy: () => (/* binding */ missingStatus),
/* harmony export */   aX: () => (/* binding */ fallbackMessage),
/* harmony export */   i0: () => (/* binding */ fromUpstream),
/* harmony export */   rh: () => (/* binding */ resolveMirrors)
/* harmony export */ });
/* harmony import */ var _download_download_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(9130);
/* harmony import */ var _http_error_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(4054);
// A mirror_url whose object is missing or unreadable must not fail the
// definition: the build is imported from its upstream url instead, with a
// warning naming both (docs/behaviour.md §3).


/** The HEAD statuses that mean "this mirror object is not there for us". */
const MISSING = [403, 404];
/** The status when `error` says the mirror object is missing or unreadable, else undefined. */
const missingStatus = (error) => (0,_http_error_js__WEBPACK_IMPORTED_MODULE_1__/* .isStatus */ .zM)(error, ...MISSING) ? error.status : undefined;
const fallbackMessage = (mirror, url, status) => `mirror_url ${mirror} is not available (HTTP ${status}): importing from url ${url} instead`;
/** The step importing from its url instead of the mirror (no fallback left). */
function fromUpstream(step) {
    const { fallback, ...rest } = step;
    return fallback === undefined ? step : { ...rest, source: fallback };
}
/**
 * HEADs the mirror object of every import that has one; those missing or
 * unreadable import from url instead, with a note on their definition. Other
 * failures (timeouts, 5xx) leave the step as it is: apply's own check reports them.
 * Returns the warnings.
 */
async function resolveMirrors(plan, http) {
    const warnings = [];
    for (const def of plan.definitions) {
        const checks = def.steps.map(async (step, i) => {
            if (step.action !== 'import' || step.fallback === undefined)
                return;
            try {
                await (0,_download_download_js__WEBPACK_IMPORTED_MODULE_0__/* .probeUrl */ .K7)(step.source, { http });
            }
            catch (error) {
                const status = missingStatus(error);
                if (status === undefined)
                    return;
                const message = fallbackMessage(step.source, step.fallback, status);
                def.steps[i] = fromUpstream(step);
                def.notes.push({ image: step.image, message });
                warnings.push(`${def.name}: ${message}`);
            }
        });
        await Promise.all(checks);
    }
    return warnings;
}


/***/ }),

/***/ 8122:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Ey: () => (/* binding */ describeStep),
/* harmony export */   YR: () => (/* binding */ changeCount),
/* harmony export */   dC: () => (/* binding */ summaryLine),
/* harmony export */   uQ: () => (/* binding */ describeChange),
/* harmony export */   zC: () => (/* binding */ narrows)
/* harmony export */ });
function describeChange(c) {
    switch (c.field) {
        case 'property':
            return c.from === undefined
                ? `${c.key}: (none) → ${JSON.stringify(c.to)}`
                : c.to === undefined
                    ? `${c.key}: ${JSON.stringify(c.from)} → (removed)`
                    : `${c.key}: ${JSON.stringify(c.from)} → ${JSON.stringify(c.to)}`;
        case 'tags':
            return `tags: ${[...c.add.map((t) => `+${t}`), ...c.remove.map((t) => `-${t}`)].join(' ')}`;
        default:
            return `${c.field}: ${String(c.from)} → ${String(c.to)}`;
    }
}
function describeStep(s) {
    switch (s.action) {
        case 'import':
            return `${s.image.name} from ${s.source}, ${s.verification}`;
        case 'rename':
            return `${s.image.name} → ${s.to}`;
        default:
            return s.image.name;
    }
}
const ORDER = ['import', 'rename', 'update', 'reactivate', 'deactivate', 'hide', 'delete'];
/** "2 to import, 1 to rename" or "no changes". */
function summaryLine(plan) {
    const parts = ORDER.filter((a) => plan.summary[a] > 0).map((a) => `${plan.summary[a]} to ${a}`);
    return parts.length ? parts.join(', ') : 'no changes';
}
const changeCount = (plan) => ORDER.reduce((n, a) => n + plan.summary[a], 0);
// Wider visibility first: a change to a lower rank takes the image from someone.
const REACH = { public: 3, community: 2, shared: 1, private: 0 };
/**
 * The step removes or narrows what users have: delete, deactivate, hide, a
 * narrower visibility, or os_hidden set. A reviewer must see these first.
 */
function narrows(step) {
    if (step.action === 'delete' || step.action === 'deactivate' || step.action === 'hide')
        return true;
    if (step.action !== 'update')
        return false;
    return step.changes.some((c) => (c.field === 'visibility' && (REACH[c.to] ?? 0) < (REACH[c.from] ?? 0)) ||
        (c.field === 'os_hidden' && c.to && !c.from));
}


/***/ }),

/***/ 8256:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Ho: () => (/* binding */ diffRotated),
/* harmony export */   Z3: () => (/* binding */ diffImage),
/* harmony export */   og: () => (/* binding */ desiredMinDisk)
/* harmony export */ });
/* unused harmony export isProtectedProperty */
const GiB = 2 ** 30;
/** Keys that Glance owns or that other tools set: never removed. */
function isProtectedProperty(key) {
    return (key.startsWith('os_') ||
        key.startsWith('owner_specified.') ||
        ['self', 'schema', 'file', 'stores', 'locations', 'direct_url', 'virtual_size'].includes(key));
}
/** Booleans compare case-insensitively: an adopted cloud has 'true' where we write 'True'. */
const sameValue = (a, b) => a === b || (/^(true|false)$/i.test(a) && a.toLowerCase() === b.toLowerCase());
/** min_disk is at least the image size in GiB, rounded up. */
const desiredMinDisk = (minDisk, size) => Math.max(minDisk, size ? Math.ceil(size / GiB) : 0);
/** Properties to set: the wanted ones Glance lacks or holds with another value. */
function propertyChanges(wanted, current) {
    const changes = [];
    for (const [key, to] of Object.entries(wanted)) {
        const from = current[key];
        if (from === undefined)
            changes.push({ field: 'property', key, to });
        else if (!sameValue(from, to))
            changes.push({ field: 'property', key, from, to });
    }
    return changes;
}
/** osHidden undefined: os_hidden is not ours to set. */
function hiddenChange(osHidden, image) {
    return osHidden !== undefined && Boolean(image.os_hidden) !== osHidden
        ? [{ field: 'os_hidden', from: Boolean(image.os_hidden), to: osHidden }]
        : [];
}
/**
 * A replaced build no version of the definition lists any more: only the rotation
 * settings are its business (its other properties are left as the build had them).
 */
const diffRotated = (rotation, image) => [
    ...propertyChanges(rotation.properties, image.properties),
    ...hiddenChange(rotation.hidden, image),
];
function diffImage(desired, image, options = {}) {
    const changes = [];
    const current = image.properties;
    // A key the definition names but gives no value (null) is left as Glance has it:
    // every key it gives a value is in the desired properties.
    const named = { ...desired.definition.meta, ...desired.version.meta };
    changes.push(...propertyChanges(desired.properties, current));
    for (const [key, from] of Object.entries(current)) {
        if (!(key in desired.properties) && !isProtectedProperty(key) && !(key in named)) {
            changes.push({ field: 'property', key, from });
        }
    }
    const minDisk = desiredMinDisk(desired.minDisk, image.size);
    if (image.min_disk !== minDisk)
        changes.push({ field: 'min_disk', from: image.min_disk, to: minDisk });
    if (image.min_ram !== desired.minRam) {
        changes.push({ field: 'min_ram', from: image.min_ram, to: desired.minRam });
    }
    if (!options.retiring && image.visibility !== desired.visibility) {
        changes.push({ field: 'visibility', from: image.visibility, to: desired.visibility });
    }
    changes.push(...hiddenChange(desired.osHidden, image));
    const add = desired.tags.filter((t) => !image.tags.includes(t));
    const remove = image.tags.filter((t) => !desired.tags.includes(t)).sort();
    if (add.length || remove.length)
        changes.push({ field: 'tags', add, remove, to: desired.tags });
    const diff = { changes };
    if (options.retiring)
        return diff;
    if (desired.status === 'deactivated' && image.status === 'active')
        diff.status = 'deactivate';
    if (desired.status === 'active' && image.status === 'deactivated')
        diff.status = 'reactivate';
    return diff;
}


/***/ }),

/***/ 1731:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Gb: () => (/* binding */ planDigest)
/* harmony export */ });
/* unused harmony exports stepLines, stepsDigest, compareSteps, sameSteps */
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(7598);
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_crypto__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var _describe_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(8122);
// A plan's steps in canonical form, their digest, and the difference between
// two step lists: what ties a reviewed plan to the one a merge or a saved plan runs.


/** What a step does, in words that are the same for the same step in any run. */
function stepLine(definition, step) {
    const image = `${step.image.name}${step.image.id ? ` [${step.image.id}]` : ''}`;
    const head = `${definition}: ${step.action} ${image}`;
    switch (step.action) {
        case 'import':
            return `${head} from ${step.source}${step.checksum ? ` (${step.checksum})` : ''}, ${step.verification}, as ${step.then.visibility}`;
        case 'rename':
            return `${head} → ${step.to}`;
        case 'update':
            return `${head}: ${step.changes.map(_describe_js__WEBPACK_IMPORTED_MODULE_1__/* .describeChange */ .uQ).join('; ')}`;
        default:
            return head;
    }
}
/** Every step of the plan, in plan order, one line each. */
const stepLines = (plan) => plan.definitions.flatMap((d) => [...d.steps, ...d.retention].map((s) => stepLine(d.name, s)));
/** `sha256:<hex>` of the cloud and its step lines: equal digests, equal steps. */
const planDigest = (plan) => stepsDigest(plan.cloud ?? null, stepLines(plan));
/** The digest of step lines kept elsewhere (a comment, a file): the same as {@link planDigest}. */
function stepsDigest(cloud, steps) {
    const canonical = JSON.stringify({ cloud, steps });
    return `sha256:${(0,node_crypto__WEBPACK_IMPORTED_MODULE_0__.createHash)('sha256').update(canonical).digest('hex')}`;
}
/** The steps of `now` not in `before` and the other way round, counted as multisets. */
function compareSteps(before, now) {
    const without = (from, minus) => {
        const left = new Map();
        for (const line of minus)
            left.set(line, (left.get(line) ?? 0) + 1);
        return from.filter((line) => {
            const n = left.get(line) ?? 0;
            if (n > 0)
                left.set(line, n - 1);
            return n === 0;
        });
    };
    return { added: without(now, before), gone: without(before, now) };
}
const sameSteps = (d) => d.added.length + d.gone.length === 0;


/***/ }),

/***/ 6770:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  R3: () => (/* binding */ ACTABLE),
  g4: () => (/* binding */ belongsTo),
  ij: () => (/* binding */ isLeftover),
  KR: () => (/* binding */ ref)
});

;// CONCATENATED MODULE: ./src/plan/plan-options.ts
/** The default import timeout (apply's --import-timeout). */
const IMPORT_TIMEOUT_MS = 1_800_000;

;// CONCATENATED MODULE: ./src/plan/managed.ts

const ref = (image) => ({ id: image.id, name: image.name });
/** Statuses in which an image can be updated, renamed or retired. */
const ACTABLE = new Set(['active', 'deactivated']);
/**
 * What an interrupted import leaves behind: never filled (queued), half
 * streamed (uploading) or failed (killed). Only this tool fills managed images,
 * so such an image is deleted and imported anew. Importing and saving are
 * Glance's own work in progress and finish without us, unless they have not
 * moved for longer than an import may take: then the task that ran them is
 * gone (glance-api was killed or restarted) and the image never finishes.
 */
const LEFTOVER = new Set(['queued', 'uploading', 'killed']);
const WORKING = new Set(['importing', 'saving']);
function isLeftover(image, options) {
    if (LEFTOVER.has(image.status))
        return true;
    if (!WORKING.has(image.status))
        return false;
    const since = Date.parse(image.updated_at ?? image.created_at ?? '');
    const limit = options.importTimeoutMs ?? IMPORT_TIMEOUT_MS;
    return Number.isFinite(since) && options.now.getTime() - since > limit;
}
/**
 * The builds of a definition (docs/behaviour.md §6): image_description is the definition's
 * name, or, when the definition sets its own image_description, image_name is.
 */
function belongsTo(def, image) {
    const own = def.meta.image_description;
    const key = own !== undefined && own !== null ? 'image_name' : 'image_description';
    return image.properties[key] === def.name;
}


/***/ }),

/***/ 5153:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   G: () => (/* binding */ renderMarkdown)
/* harmony export */ });
/* harmony import */ var _describe_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(8122);
/* harmony import */ var _escape_markdown_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(7266);
// The plan as Markdown for a pull request comment or a job summary.


const where = (def, source) => (0,_escape_markdown_js__WEBPACK_IMPORTED_MODULE_1__/* .markdownLink */ .iQ)(`${def.file}:${def.line}`, source?.lineUrl(def.file, def.line));
/** Steps that remove or narrow, listed before anything else. */
function narrowing(plan, source) {
    const found = plan.definitions.flatMap((def) => def.skipped
        ? []
        : [...def.steps, ...def.retention]
            .filter(_describe_js__WEBPACK_IMPORTED_MODULE_0__/* .narrows */ .zC)
            .map((step) => `- ⚠️ **${step.action}** ${(0,_escape_markdown_js__WEBPACK_IMPORTED_MODULE_1__/* .markdownCode */ .D9)((0,_describe_js__WEBPACK_IMPORTED_MODULE_0__/* .describeStep */ .Ey)(step))} — ${(0,_escape_markdown_js__WEBPACK_IMPORTED_MODULE_1__/* .escapeMarkdown */ .FV)(def.name)} <sub>${where(def, source)}</sub>`));
    return found.length
        ? [`**⚠️ Removes or narrows (${found.length}): check these first**`, '', ...found, '']
        : [];
}
function provenance(plan, source) {
    const sha = (0,_escape_markdown_js__WEBPACK_IMPORTED_MODULE_1__/* .markdownLink */ .iQ)(source.commit.slice(0, 7), source.commitUrl);
    return `Planned commit <code>${sha}</code>, cloud read at ${(0,_escape_markdown_js__WEBPACK_IMPORTED_MODULE_1__/* .escapeMarkdown */ .FV)(plan.generatedAt)}.`;
}
function renderMarkdown(plan, { stable = false, source } = {}) {
    const lines = [];
    const cloud = plan.cloud ? ` for cloud ${(0,_escape_markdown_js__WEBPACK_IMPORTED_MODULE_1__/* .markdownCode */ .D9)(plan.cloud)}` : '';
    lines.push(`### Image plan${cloud}: ${(0,_describe_js__WEBPACK_IMPORTED_MODULE_0__/* .summaryLine */ .dC)(plan)}`, '');
    if (source)
        lines.push(provenance(plan, source), '');
    lines.push(...narrowing(plan, source));
    lines.push(`${plan.summary.unchanged} definition(s) unchanged, ${plan.summary.skipped} skipped, ` +
        `${plan.orphans.length} managed image(s) without a definition.`, '');
    for (const def of plan.definitions) {
        if (def.skipped || def.steps.length + def.retention.length + def.notes.length === 0)
            continue;
        const changes = def.steps.length + def.retention.length;
        const title = `${(0,_escape_markdown_js__WEBPACK_IMPORTED_MODULE_1__/* .escapeMarkdown */ .FV)(def.name)} — ${changes ? `${changes} change(s)` : 'notes only'}`;
        lines.push(`<details${changes ? ' open' : ''}><summary><b>${title}</b> <sub>${where(def, source)}</sub></summary>`, '');
        for (const step of [...def.steps, ...def.retention]) {
            const mark = (0,_describe_js__WEBPACK_IMPORTED_MODULE_0__/* .narrows */ .zC)(step) ? '⚠️ ' : '';
            lines.push(`- ${mark}**${step.action}** ${(0,_escape_markdown_js__WEBPACK_IMPORTED_MODULE_1__/* .markdownCode */ .D9)((0,_describe_js__WEBPACK_IMPORTED_MODULE_0__/* .describeStep */ .Ey)(step))} — ${(0,_escape_markdown_js__WEBPACK_IMPORTED_MODULE_1__/* .escapeMarkdown */ .FV)(step.reason)}`);
            if (step.action === 'update')
                for (const c of step.changes)
                    lines.push(`  - ${(0,_escape_markdown_js__WEBPACK_IMPORTED_MODULE_1__/* .markdownCode */ .D9)((0,_describe_js__WEBPACK_IMPORTED_MODULE_0__/* .describeChange */ .uQ)(c))}`);
        }
        for (const note of def.notes) {
            lines.push(`- _note_ ${note.image ? `${(0,_escape_markdown_js__WEBPACK_IMPORTED_MODULE_1__/* .markdownCode */ .D9)(note.image.name)}: ` : ''}${(0,_escape_markdown_js__WEBPACK_IMPORTED_MODULE_1__/* .escapeMarkdown */ .FV)(note.message)}`);
        }
        lines.push('', '</details>', '');
    }
    if (plan.orphans.length) {
        lines.push('<details><summary>Managed images without a definition (left alone)</summary>', '');
        for (const o of plan.orphans)
            lines.push(`- ${(0,_escape_markdown_js__WEBPACK_IMPORTED_MODULE_1__/* .markdownCode */ .D9)(o.name)}${o.id ? ` <sub>${(0,_escape_markdown_js__WEBPACK_IMPORTED_MODULE_1__/* .escapeMarkdown */ .FV)(o.id)}</sub>` : ''}`);
        lines.push('', '</details>', '');
    }
    if (plan.findings.length) {
        lines.push('**Findings** (unverified public imports, age check, SCS image metadata)', '');
        for (const f of plan.findings)
            lines.push(`- ${f.image ? `${(0,_escape_markdown_js__WEBPACK_IMPORTED_MODULE_1__/* .markdownCode */ .D9)(f.image.name)}: ` : ''}${(0,_escape_markdown_js__WEBPACK_IMPORTED_MODULE_1__/* .escapeMarkdown */ .FV)(f.message)}`);
        lines.push('');
    }
    const requests = plan.requests
        ? Object.values(plan.requests).reduce((a, b) => a + b, 0)
        : undefined;
    lines.push(stable
        ? `<sub>${(0,_describe_js__WEBPACK_IMPORTED_MODULE_0__/* .changeCount */ .YR)(plan)} change(s) planned.</sub>`
        : `<sub>${(0,_describe_js__WEBPACK_IMPORTED_MODULE_0__/* .changeCount */ .YR)(plan)} change(s) planned at ${(0,_escape_markdown_js__WEBPACK_IMPORTED_MODULE_1__/* .escapeMarkdown */ .FV)(plan.generatedAt)}` +
            `${requests !== undefined ? `, ${requests} API request(s)` : ''}.</sub>`);
    return lines.join('\n');
}


/***/ }),

/***/ 2220:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   b: () => (/* binding */ renderTerminal)
/* harmony export */ });
/* harmony import */ var _describe_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(8122);
/* harmony import */ var _escape_log_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(5637);
// The plan for a terminal, in the manner of `terraform plan`.


const SIGN = {
    import: '+',
    rename: '~',
    update: '~',
    reactivate: '~',
    deactivate: '~',
    hide: '~',
    delete: '-',
};
/**
 * Every value is escaped here (`v`), so the caller hands the text to the reporter
 * with `preEscaped` and its colours survive.
 */
function renderTerminal(plan, color = false) {
    const paint = (code, s) => (color ? `\x1b[${code}m${s}\x1b[0m` : s);
    const tint = { '+': 32, '~': 33, '-': 31 };
    const out = [];
    for (const def of plan.definitions) {
        if (def.skipped || def.steps.length + def.retention.length + def.notes.length === 0)
            continue;
        out.push(`${paint(1, (0,_escape_log_js__WEBPACK_IMPORTED_MODULE_1__/* .escapeLogValue */ .t)(def.name))}  ${paint(2, `${(0,_escape_log_js__WEBPACK_IMPORTED_MODULE_1__/* .escapeLogValue */ .t)(def.file)}:${def.line}`)}`);
        for (const step of [...def.steps, ...def.retention]) {
            const sign = SIGN[step.action];
            out.push(`  ${paint(tint[sign], `${sign} ${step.action.padEnd(10)}`)} ${(0,_escape_log_js__WEBPACK_IMPORTED_MODULE_1__/* .escapeLogValue */ .t)((0,_describe_js__WEBPACK_IMPORTED_MODULE_0__/* .describeStep */ .Ey)(step))}`);
            if (step.action === 'update')
                for (const c of step.changes)
                    out.push(`      ${(0,_escape_log_js__WEBPACK_IMPORTED_MODULE_1__/* .escapeLogValue */ .t)((0,_describe_js__WEBPACK_IMPORTED_MODULE_0__/* .describeChange */ .uQ)(c))}`);
        }
        for (const note of def.notes)
            out.push(paint(2, `  # ${note.image ? `${(0,_escape_log_js__WEBPACK_IMPORTED_MODULE_1__/* .escapeLogValue */ .t)(note.image.name)}: ` : ''}${(0,_escape_log_js__WEBPACK_IMPORTED_MODULE_1__/* .escapeLogValue */ .t)(note.message)}`));
        out.push('');
    }
    for (const o of plan.orphans)
        out.push(paint(2, `# no definition, left alone: ${(0,_escape_log_js__WEBPACK_IMPORTED_MODULE_1__/* .escapeLogValue */ .t)(o.name)}`));
    for (const f of plan.findings)
        out.push(`! ${f.image ? `${(0,_escape_log_js__WEBPACK_IMPORTED_MODULE_1__/* .escapeLogValue */ .t)(f.image.name)}: ` : ''}${(0,_escape_log_js__WEBPACK_IMPORTED_MODULE_1__/* .escapeLogValue */ .t)(f.message)}`);
    if (plan.orphans.length || plan.findings.length)
        out.push('');
    out.push(`Plan: ${(0,_describe_js__WEBPACK_IMPORTED_MODULE_0__/* .summaryLine */ .dC)(plan)}. ${plan.summary.unchanged} unchanged, ${plan.summary.skipped} skipped.` +
        (plan.requests
            ? ` ${Object.values(plan.requests).reduce((a, b) => a + b, 0)} API request(s).`
            : ''));
    return out.join('\n');
}


/***/ }),

/***/ 520:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   co: () => (/* binding */ basisChanges),
/* harmony export */   dj: () => (/* binding */ canonicalJson),
/* harmony export */   iP: () => (/* binding */ recordBasis),
/* harmony export */   kn: () => (/* binding */ shapedOptions),
/* harmony export */   lo: () => (/* binding */ basisDigest),
/* harmony export */   vf: () => (/* binding */ definitionsDigest)
/* harmony export */ });
/* unused harmony exports planShape, imageState, reliesOn */
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(7598);
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_crypto__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var _fingerprint_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(1731);
/* harmony import */ var _managed_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(6770);
// What a saved plan depends on (docs/cli.md, "Saved plans"): the state of every
// managed image it touches or relies on, the definitions' digest and the options
// that shape it; and the comparison of that record with a fresh listing. Pure.



const sha256 = (text) => `sha256:${(0,node_crypto__WEBPACK_IMPORTED_MODULE_0__.createHash)('sha256').update(text).digest('hex')}`;
/** Orders unique keys (code unit order, as JSON's digest needs it, not the locale's). */
// Stryker disable next-line EqualityOperator: keys are unique, so `<` and `<=` order them alike
const byKey = (a, b) => (a < b ? -1 : 1);
/** JSON with object keys sorted at every depth: equal values, equal text. */
function canonicalJson(value) {
    return JSON.stringify(value, (_key, v) => v && typeof v === 'object' && !Array.isArray(v)
        ? Object.fromEntries(Object.entries(v).sort(([a], [b]) => byKey(a, b)))
        : v);
}
/**
 * The definitions as loaded and normalised (defaults filled in, aliases
 * resolved), in catalog order, with the file each comes from but not its line:
 * moving an entry or editing a comment changes nothing that is planned.
 */
function definitionsDigest(definitions) {
    return sha256(canonicalJson(definitions.map((d) => ({ ...d, position: { file: d.position.file } }))));
}
function planShape(options) {
    const { tag, force, latest, useOsHidden, hide, deactivate, confirmDelete, keep } = options;
    return {
        tag,
        ...(options.filter !== undefined ? { filter: options.filter } : {}),
        force,
        latest,
        useOsHidden,
        hide,
        deactivate,
        delete: options.delete,
        confirmDelete,
        keep,
        ...(options.maxAgeDays !== undefined ? { maxAgeDays: options.maxAgeDays } : {}),
        ...(options.rotated ? { rotated: options.rotated } : {}),
        ...(options.verify !== undefined ? { verify: options.verify } : {}),
    };
}
function imageState(image) {
    const properties = Object.fromEntries(Object.entries(image.properties)
        .filter(([key]) => !key.startsWith('os_glance_'))
        .sort(([a], [b]) => byKey(a, b)));
    return {
        id: image.id,
        name: image.name,
        status: image.status,
        visibility: image.visibility,
        hidden: Boolean(image.os_hidden),
        min_disk: image.min_disk,
        min_ram: image.min_ram,
        size: image.size ?? null,
        tags: [...image.tags].sort(),
        properties,
        ...(image.updated_at !== undefined ? { updated_at: image.updated_at } : {}),
    };
}
/** Ids of the images the plan's steps act on. */
function stepIds(plan) {
    const ids = new Set();
    for (const d of plan.definitions)
        for (const s of [...d.steps, ...d.retention]) {
            if (s.image.id)
                ids.add(s.image.id);
            if (s.action === 'import' && s.replaces?.id)
                ids.add(s.replaces.id);
        }
    return ids;
}
/**
 * The images a plan relies on: without --filter every managed image (any may
 * hold a name the plan wants); with it, those whose name matches, those of a
 * definition that matches, and those a step acts on.
 */
function reliesOn(plan, definitions, filter) {
    if (filter === undefined)
        return () => true;
    const re = new RegExp(filter);
    const ids = stepIds(plan);
    const inFilter = definitions.filter((d) => re.test(d.name));
    return (image) => re.test(image.name) || ids.has(image.id) || inFilter.some((d) => (0,_managed_js__WEBPACK_IMPORTED_MODULE_2__/* .belongsTo */ .g4)(d, image));
}
const withoutDigest = ({ digest: _digest, ...rest }) => rest;
/** The digest a basis records of itself. */
const basisDigest = (basis) => sha256(canonicalJson(withoutDigest(basis)));
/** What `plan` records in the plan file about what it depends on. */
function recordBasis(plan, definitions, images, options) {
    const relied = reliesOn(plan, definitions, options.filter);
    const basis = {
        planDigest: (0,_fingerprint_js__WEBPACK_IMPORTED_MODULE_1__/* .planDigest */ .Gb)(plan),
        definitionsDigest: definitionsDigest(definitions),
        options: planShape(options),
        latest: Object.fromEntries(options.latestInfo ?? []),
        latestErrors: Object.fromEntries(options.latestErrors ?? []),
        images: images
            .filter(relied)
            .map(imageState)
            .sort((a, b) => byKey(a.id, b.id)),
    };
    return { ...basis, digest: basisDigest(basis) };
}
const shown = (value) => (value === undefined ? 'none' : `'${String(value)}'`);
/** Each difference of one image's state, worded `field is X now, the plan saw Y`. */
function stateChanges(then, now) {
    const out = [];
    const field = (name, a, b, show = String) => {
        if (a !== b)
            out.push(`${name} is ${show(b)} now, the plan saw ${show(a)}`);
    };
    field('name', then.name, now.name, shown);
    field('status', then.status, now.status);
    field('visibility', then.visibility, now.visibility);
    field('os_hidden', then.hidden, now.hidden);
    field('min_disk', then.min_disk, now.min_disk);
    field('min_ram', then.min_ram, now.min_ram);
    field('size', then.size, now.size);
    const tags = (t) => (t.length ? t.join(', ') : 'none');
    if (tags(then.tags) !== tags(now.tags))
        out.push(`tags are ${tags(now.tags)} now, the plan saw ${tags(then.tags)}`);
    const keys = [...new Set([...Object.keys(then.properties), ...Object.keys(now.properties)])];
    for (const key of keys.sort())
        field(`property ${key}`, then.properties[key], now.properties[key], shown);
    // Anything else Glance changed (its updated_at moves on every write).
    if (out.length === 0 && then.updated_at !== now.updated_at)
        out.push(`changed since the plan (updated_at ${now.updated_at}, the plan saw ${then.updated_at})`);
    return out;
}
/**
 * What changed in the cloud since the plan, one line per change, naming the
 * image as the plan saw it: deleted, changed, or new among the images the plan
 * relies on. Empty: the saved plan still holds.
 */
function basisChanges(plan, basis, definitions, images) {
    const byId = new Map(images.map((i) => [i.id, i]));
    const changes = [];
    for (const then of basis.images) {
        const image = byId.get(then.id);
        if (!image) {
            changes.push(`${then.name}: deleted since the plan (or no longer managed)`);
            continue;
        }
        for (const c of stateChanges(then, imageState(image)))
            changes.push(`${then.name}: ${c}`);
    }
    const seen = new Set(basis.images.map((i) => i.id));
    const relied = reliesOn(plan, definitions, basis.options.filter);
    for (const image of images.filter((i) => !seen.has(i.id) && relied(i)))
        changes.push(`${image.name}: new since the plan (${image.id})`);
    return changes;
}
/** The planner's options as the saved plan was made: its clock, options and resolved versions. */
function shapedOptions(plan, basis) {
    return {
        ...basis.options,
        now: new Date(plan.generatedAt),
        ...(plan.cloud !== undefined ? { cloud: plan.cloud } : {}),
        latestInfo: new Map(Object.entries(basis.latest)),
        latestErrors: new Map(Object.entries(basis.latestErrors)),
    };
}


/***/ }),

/***/ 9898:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   V: () => (/* binding */ PLAN_FORMAT_VERSION)
/* harmony export */ });
/** 2: the plan records what it depends on (`basis`), for `apply --plan`. */
const PLAN_FORMAT_VERSION = 2;


/***/ })

};
