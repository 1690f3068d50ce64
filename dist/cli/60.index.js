export const id = 60;
export const ids = [60];
export const modules = {

/***/ 4060:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  applyCommand: () => (/* binding */ applyCommand)
});

// UNUSED EXPORTS: renderReport

// EXTERNAL MODULE: ./src/limiter.ts
var limiter = __webpack_require__(1555);
// EXTERNAL MODULE: ./src/problems.ts
var problems = __webpack_require__(2095);
// EXTERNAL MODULE: ./src/openstack/glance/patch.ts
var patch = __webpack_require__(5503);
;// CONCATENATED MODULE: ./src/apply/patch.ts
// Plan changes -> one JSON-patch document. Pure.

function changesToPatch(changes) {
    return changes.map((c) => {
        switch (c.field) {
            case 'property':
                if (c.to === undefined)
                    return { op: 'remove', path: (0,patch/* pointer */.Wn)(c.key) };
                return { op: c.from === undefined ? 'add' : 'replace', path: (0,patch/* pointer */.Wn)(c.key), value: c.to };
            case 'tags':
                return { op: 'replace', path: '/tags', value: c.to };
            default:
                return { op: 'replace', path: (0,patch/* pointer */.Wn)(c.field), value: c.to };
        }
    });
}

// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(6760);
var external_node_path_default = /*#__PURE__*/__webpack_require__.n(external_node_path_);
// EXTERNAL MODULE: ./src/download/download.ts
var download_download = __webpack_require__(9130);
// EXTERNAL MODULE: ./src/plan/diff.ts
var diff = __webpack_require__(8256);
;// CONCATENATED MODULE: ./src/apply/wait.ts
class ImportError extends Error {
    name = 'ImportError';
}
/** Active and no longer held by an import task: writes now stick. */
function isReleased(image) {
    const p = image.properties;
    return image.status === 'active' && !p.os_glance_import_task && !p.os_glance_importing_to_stores;
}
/**
 * How long imports of this run took, so the first poll of the next one comes
 * when it is likely done: a poll that finds nothing new costs a request and,
 * for a busy cloud, no time is gained by asking earlier.
 */
class ImportClock {
    initialMs;
    samples = [];
    constructor(initialMs = 1000) {
        this.initialMs = initialMs;
    }
    /** When to look first: a little before the median import of this run. */
    firstPollMs() {
        if (this.samples.length === 0)
            return this.initialMs;
        const sorted = [...this.samples].sort((a, b) => a - b);
        const median = sorted[Math.floor(sorted.length / 2)];
        return Math.min(30_000, Math.max(250, Math.round(median * 0.9)));
    }
    record(ms) {
        this.samples.push(ms);
        // The recent past says most about the cloud's current load.
        if (this.samples.length > 16)
            this.samples.shift();
    }
}
/** Polls until the image is active and released (see above). Throws on failure or timeout. */
async function waitReleased(id, o) {
    const started = o.now();
    let queuedSince = o.queuedSince;
    const first = o.clock.firstPollMs();
    let wait = first;
    // After a miss, look again at a fraction of the expected time, a little later each time.
    let step = Math.min(2000, Math.max(250, first * 0.3));
    for (;;) {
        await o.sleep(Math.min(wait, Math.max(0, o.deadline - o.now())));
        // When the look was sent, not answered: a slow answer must not push the next first look later.
        const asked = o.now();
        const image = await o.glance.getImage(id);
        if (isReleased(image)) {
            o.clock.record(asked - started);
            return image;
        }
        if (image.status === 'killed' || image.status === 'deleted') {
            throw new ImportError(`the image became '${image.status}'`);
        }
        const failedStores = image.properties.os_glance_failed_import;
        if (failedStores)
            throw new ImportError(`Glance reports the import failed (stores: ${failedStores})`);
        // A web-download that fails quietly leaves the image queued.
        if (image.status === 'queued' && queuedSince !== undefined) {
            if (o.now() - queuedSince > o.queuedGraceMs) {
                throw new ImportError('the image is stuck in queued: Glance did not start the import');
            }
        }
        else
            queuedSince = undefined;
        if (o.now() >= o.deadline) {
            throw new ImportError(`the image is still '${image.status}' after the import timeout`);
        }
        // Active but still held: the task lets go within moments.
        wait = image.status === 'active' ? 200 : step;
        step = Math.min(2000, step * 1.5);
    }
}

// EXTERNAL MODULE: ./src/mirror/fallback.ts
var fallback = __webpack_require__(5029);
;// CONCATENATED MODULE: ./src/apply/import.ts
// Create the image private, fill it, wait until Glance released it, then make it final.
// Web-download by default, falling back once to glance-direct streaming; plain
// upload where the cloud has no interoperable import. A failed import leaves no image.





/** The methods to try, in order (docs/behaviour.md §4). */
function importMethods(source, offered) {
    const direct = offered.includes('glance-direct') ? 'glance-direct' : 'upload';
    if (source.startsWith('file:') || !offered.includes('web-download'))
        return [direct];
    return ['web-download', direct];
}
const delay = (ms) => new Promise((resolve) => setTimeout(resolve, ms));
function waitFor(ctx, id, deadline, web) {
    const now = ctx.now ?? Date.now;
    return waitReleased(id, {
        glance: ctx.glance,
        deadline,
        clock: ctx.clock,
        sleep: ctx.sleep ?? delay,
        now,
        ...(web ? { queuedSince: now() } : {}),
        queuedGraceMs: ctx.queuedGraceMs ?? 20_000,
    });
}
const mib = (n) => `${(n / 2 ** 20).toFixed(0)} MiB`;
/** Streams the source into the image (stage or file); the checksum is verified on the fly. */
async function stream(ctx, step, id, method) {
    const download = await (0,download_download/* openDownload */.pi)(step.source, {
        ...(step.checksum ? { expected: step.checksum } : {}),
        ...(ctx.upstream ? { http: ctx.upstream } : {}),
        baseDir: ctx.baseDir,
        progressIntervalMs: 10_000,
        onProgress: (p) => ctx.reporter.info(`  ${step.image.name}: ${mib(p.bytes)}${p.total ? ` of ${mib(p.total)} (${Math.round((100 * p.bytes) / p.total)}%)` : ''}, ${mib(p.rate)}/s`),
    });
    const body = download.stream;
    try {
        if (method === 'glance-direct')
            await ctx.glance.stageImage(id, body, download.size);
        else
            await ctx.glance.uploadImage(id, body, download.size);
        await download.result;
    }
    catch (error) {
        // Whatever failed, the source connection goes too: nothing is left reading upstream.
        body.destroy();
        throw error;
    }
    if (method === 'glance-direct')
        await ctx.glance.importImage(id, 'glance-direct');
}
async function fill(ctx, step, id, method, deadline) {
    if (method === 'web-download') {
        await ctx.glance.importImage(id, 'web-download', { uri: step.source });
        return waitFor(ctx, id, deadline, true);
    }
    await stream(ctx, step, id, method);
    return waitFor(ctx, id, deadline, false);
}
/** The step whose source answers HEAD: its url when the mirror object is missing or unreadable. */
async function availableSource(ctx, step) {
    const probe = (url) => (0,download_download/* probeUrl */.K7)(url, { ...(ctx.upstream ? { http: ctx.upstream } : {}), baseDir: ctx.baseDir });
    try {
        await probe(step.source);
        return step;
    }
    catch (error) {
        const status = (0,fallback/* missingStatus */.Jy)(error);
        if (step.fallback === undefined || status === undefined)
            throw new ImportError(`source ${step.source} is not available: ${error.message}`);
        ctx.reporter.warning(`${step.image.name}: ${(0,fallback/* fallbackMessage */.aX)(step.source, step.fallback, status)}`);
        return availableSource(ctx, (0,fallback/* fromUpstream */.i0)(step));
    }
}
/**
 * Imports one image; returns it active, final visibility, min_disk and status
 * set. `finalName`: the name a rename step of the plan gives it next, sent with
 * the finishing write when nothing else has to move first.
 */
async function runImport(ctx, step, finalName) {
    const now = ctx.now ?? Date.now;
    const deadline = now() + ctx.timeoutMs;
    // Check the source first: a dead url creates nothing.
    step = await availableSource(ctx, step);
    let image = await createOrReuse(ctx, step);
    try {
        const methods = importMethods(step.source, ctx.methods);
        for (const [i, method] of methods.entries()) {
            try {
                image = await fill(ctx, step, image.id, method, deadline);
                break;
            }
            catch (error) {
                const last = i === methods.length - 1;
                // Past the import timeout the import has failed (docs/behaviour.md §4); a second method would get no time.
                if (last || error instanceof download_download/* ChecksumMismatchError */.a0 || now() >= deadline)
                    throw error;
                ctx.reporter.warning(`${step.image.name}: ${method} failed (${error.message}); trying ${methods[i + 1]}`);
                image = await resetForRetry(ctx, image.id);
            }
        }
    }
    catch (error) {
        throw await cleanUp(ctx, step, image.id, error);
    }
    // The image is complete from here: a failure now leaves it, private, for the
    // next run to finish (the plan then sees its visibility or name differ).
    try {
        // Visibility only now, so nobody boots a half-imported image; min_disk once the size is known.
        const minDisk = (0,diff/* desiredMinDisk */.og)(step.create.min_disk, image.size);
        const ops = [];
        if (step.then.visibility !== 'private')
            ops.push({ op: 'replace', path: '/visibility', value: step.then.visibility });
        if (minDisk !== image.min_disk)
            ops.push({ op: 'replace', path: '/min_disk', value: minDisk });
        if (finalName !== undefined)
            ops.push({ op: 'replace', path: '/name', value: finalName });
        const final = ops.length ? await ctx.glance.patchImage(image.id, ops) : image;
        if (step.then.status === 'deactivated')
            await ctx.glance.deactivateImage(image.id);
        return final;
    }
    catch (error) {
        throw new ImportError(`imported as ${image.id}, but not finished (${error.message}); the next run finishes it`);
    }
}
/**
 * A failed import leaves no half-made image (docs/behaviour.md §4), with one exception:
 * Glance never takes a deleted id again, so an image with a fixed id that can
 * still take data (queued) stays, private and empty, for the next run to fill.
 */
async function cleanUp(ctx, step, id, error) {
    if (step.create.id) {
        const status = (await ctx.glance.findImage(id).catch(() => null))?.status;
        if (status === 'queued') {
            return new ImportError(`${error.message} (the empty image keeps its fixed id ${id}; the next run fills it)`);
        }
    }
    try {
        await ctx.glance.deleteImage(id);
    }
    catch (e) {
        ctx.reporter.warning(`${step.image.name}: could not delete the half-made image ${id}: ${e.message}`);
    }
    return step.create.id
        ? new ImportError(`${error.message} (Glance will not take the fixed id ${id} again: change or drop the version's id)`)
        : error;
}
/**
 * A new private image with every property and tag, or, for a fixed id whose
 * earlier import was interrupted, that same image when it can still take data.
 */
async function createOrReuse(ctx, step) {
    if (step.create.id && step.replaces?.id === step.create.id) {
        const image = await ctx.glance.getImage(step.create.id);
        if (image.status === 'queued')
            return image;
        throw new ImportError(`the image with the fixed id ${step.create.id} is '${image.status}' and Glance never reuses an id: delete it and drop or change the id`);
    }
    const { properties, ...attributes } = step.create;
    return ctx.glance.createImage({ ...attributes, ...properties });
}
/** After a failed web-download the image is back in queued and can take staged data. */
async function resetForRetry(ctx, id) {
    const image = await ctx.glance.getImage(id);
    if (image.status !== 'queued')
        throw new ImportError(`cannot retry: the image is '${image.status}'`);
    return image;
}
const resolveBaseDir = (definitionFile) => external_node_path_default().dirname(external_node_path_default().resolve(definitionFile));

// EXTERNAL MODULE: ./src/plan/describe.ts
var describe = __webpack_require__(8122);
;// CONCATENATED MODULE: ./src/apply/verify.ts
// Reading back: after a run that changed anything, the plan is made anew from
// a fresh listing. A definition whose steps all reported done must now plan
// nothing; what it still plans did not take (Glance can drop a write, see
// wait.ts). Those steps run once more; what differs after that is a failure,
// named with the difference, never "done".

function stepText(step) {
    const what = `${step.action} ${(0,describe/* describeStep */.Ey)(step)}`;
    return step.action === 'update'
        ? `${what} (${step.changes.map(describe/* describeChange */.uQ).join('; ')})`
        : what;
}
/** Definitions that reported only done and still plan changes. */
function leftOver(plan, settled, withRetention) {
    const definitions = plan.definitions
        .filter((d) => !d.skipped && settled.has(d.name))
        .map((d) => (withRetention ? d : { ...d, retention: [] }))
        .filter((d) => d.steps.length + d.retention.length > 0);
    return { ...plan, definitions };
}
async function verify(outcomes, replan, rerun, reporter) {
    const unsettled = new Set(outcomes.filter((o) => o.status !== 'done').map((o) => o.definition));
    const settled = new Set(outcomes.filter((o) => !unsettled.has(o.definition)).map((o) => o.definition));
    // After a failure retention did not run: its steps still being planned is no drift.
    const withRetention = unsettled.size === 0;
    const drift = leftOver(await replan(), settled, withRetention);
    if (drift.definitions.length === 0)
        return [];
    reporter.warning(`Glance does not hold all that was applied (${drift.definitions.map((d) => d.name).join(', ')}); running those steps once more`);
    const retried = (await rerun(drift)).map((o) => ({
        ...o,
        detail: o.detail ?? 'run again: the first write did not take',
    }));
    const still = leftOver(await replan(), settled, withRetention);
    const failures = still.definitions.flatMap((d) => [...d.steps, ...d.retention].map((step) => ({
        definition: d.name,
        step,
        status: 'failed',
        detail: `reported done, but Glance still differs: ${stepText(step)}`,
    })));
    for (const f of failures)
        reporter.warning(`${f.definition}: ${f.detail}`);
    return [...retried, ...failures];
}

;// CONCATENATED MODULE: ./src/apply/executor.ts






const label = (s) => s.action === 'rename' ? `rename ${s.image.name} → ${s.to}` : `${s.action} ${s.image.name}`;
async function execute(plan, options) {
    const clock = new ImportClock();
    const rerun = (p) => runPlan(p, options, clock);
    const outcomes = await rerun(plan);
    // Changing nothing needs no reading back.
    if (options.replan && outcomes.some((o) => o.status === 'done')) {
        outcomes.push(...(await verify(outcomes, options.replan, rerun, options.reporter)));
    }
    return { outcomes, failed: outcomes.filter((o) => o.status === 'failed').length };
}
async function runPlan(plan, options, clock) {
    const run = new PlanRun(options, clock);
    const active = plan.definitions.filter((d) => !d.skipped);
    await Promise.all(active.map((def) => run.runSteps(def, def.steps)));
    // Like the old tool, any failure stops retention: a failed import must never cost an old build.
    const failedBefore = run.outcomes.some((o) => o.status === 'failed');
    for (const def of active) {
        if (def.retention.length === 0)
            continue;
        if (failedBefore) {
            run.skip(def, def.retention, 'no retention after a failure in this run');
            continue;
        }
        // Each retention step stands alone: one image in use must not spare the others.
        for (const step of def.retention)
            await run.runSteps(def, [step]);
    }
    return run.outcomes;
}
/** One pass over a plan: what its steps share, and their outcomes. */
class PlanRun {
    options;
    clock;
    outcomes = [];
    slot;
    methods;
    /** Ids of images this run created, by definition and import name. */
    created = new Map();
    /** Renames sent with the finishing write of the import they follow (see runSteps). */
    withImport = new Map();
    renamedBy = new Set();
    constructor(options, clock) {
        this.options = options;
        this.clock = clock;
        this.slot = (0,limiter/* limiter */.T)(options.concurrency);
    }
    /** In order, the imports of a stretch side by side; after a failure the rest is skipped. */
    async runSteps(def, steps) {
        let i = 0;
        while (i < steps.length) {
            let j = i + 1;
            if (steps[i]?.action === 'import') {
                while (steps[j]?.action === 'import')
                    j++;
                this.mergeRename(steps.slice(i, j), steps[j]);
            }
            const results = await Promise.all(steps.slice(i, j).map((step) => this.attempt(def, step)));
            i = j;
            if (results.includes(false)) {
                this.skip(def, steps.slice(i), `an earlier step of '${def.name}' failed`);
                return false;
            }
        }
        return true;
    }
    /** Steps that do not run, recorded as skipped. */
    skip(def, steps, detail) {
        for (const step of steps) {
            this.outcomes.push({ definition: def.name, step, status: 'skipped', detail });
        }
    }
    /**
     * A rename of a build this run imports, right after the imports (nothing has
     * to step aside first), rides on that import's finishing write: one request
     * less, and the build is never seen under its temporary name.
     */
    mergeRename(stretch, next) {
        if (next?.action !== 'rename' || next.image.id)
            return;
        const imported = stretch.find((s) => s.action === 'import' && s.image.name === next.image.name);
        if (!imported)
            return;
        this.withImport.set(imported, next.to);
        this.renamedBy.add(next);
    }
    /** One step in a slot; its outcome recorded. */
    async attempt(def, step) {
        const { reporter } = this.options;
        return this.slot(async () => {
            try {
                reporter.info(`${def.name}: ${label(step)}`);
                await this.run(def, step);
                this.outcomes.push({ definition: def.name, step, status: 'done' });
                return true;
            }
            catch (error) {
                const detail = (0,problems/* getErrorMessage */.u1)(error);
                reporter.warning(`${def.name}: ${label(step)} failed: ${detail}`);
                this.outcomes.push({ definition: def.name, step, status: 'failed', detail });
                return false;
            }
        });
    }
    async run(def, step) {
        if (this.renamedBy.has(step))
            return;
        const { glance } = this.options;
        switch (step.action) {
            case 'import':
                return this.runImport(def, step);
            case 'rename':
                await glance.patchImage(this.idOf(def, step), [
                    { op: 'replace', path: '/name', value: step.to },
                ]);
                return;
            case 'update':
                await glance.patchImage(this.idOf(def, step), changesToPatch(step.changes));
                return;
            case 'hide':
                await glance.patchImage(this.idOf(def, step), [
                    { op: 'replace', path: '/visibility', value: 'community' },
                ]);
                return;
            case 'deactivate':
                await glance.deactivateImage(this.idOf(def, step));
                return;
            case 'reactivate':
                await glance.reactivateImage(this.idOf(def, step));
                return;
            case 'delete':
                await deleteImage(glance, this.idOf(def, step));
        }
    }
    async runImport(def, step) {
        const options = this.options;
        const { glance, reporter } = options;
        // A leftover goes first, unless it carries the fixed id the import must reuse.
        if (step.replaces?.id && step.replaces.id !== step.create.id) {
            await glance.deleteImage(step.replaces.id);
        }
        const ctx = {
            glance,
            methods: await this.importMethods(),
            timeoutMs: options.importTimeoutMs,
            baseDir: resolveBaseDir(def.file),
            reporter,
            clock: this.clock,
            ...(options.sleep ? { sleep: options.sleep } : {}),
            ...(options.now ? { now: options.now } : {}),
            ...(options.queuedGraceMs !== undefined ? { queuedGraceMs: options.queuedGraceMs } : {}),
            ...(options.upstream ? { upstream: options.upstream } : {}),
        };
        const image = await runImport(ctx, step, this.withImport.get(step));
        this.created.set(`${def.name}\0${step.image.name}`, image.id);
    }
    /** Asked only when an import runs: a run with nothing to import makes no request beyond the plan's. */
    importMethods() {
        return (this.methods ??= this.options.glance.getImportInfo().then((info) => info.methods));
    }
    idOf(def, step) {
        const id = step.image.id ?? this.created.get(`${def.name}\0${step.image.name}`);
        if (!id)
            throw new Error(`no image '${step.image.name}': its import did not run`);
        return id;
    }
}
/** Deactivate and hide first: should the delete fail (image in use), nobody boots it anew. */
async function deleteImage(glance, id) {
    const image = await glance.getImage(id);
    if (image.status === 'active')
        await glance.deactivateImage(id);
    // An empty leftover (queued, uploading, killed) nobody could boot: just delete it.
    const bootable = image.status === 'active' || image.status === 'deactivated';
    if (bootable && image.visibility !== 'community') {
        await glance.patchImage(id, [{ op: 'replace', path: '/visibility', value: 'community' }]);
    }
    await glance.deleteImage(id);
}

// EXTERNAL MODULE: ./src/escape/markdown.ts
var markdown = __webpack_require__(7266);
// EXTERNAL MODULE: ./src/plan/render-markdown.ts
var render_markdown = __webpack_require__(5153);
// EXTERNAL MODULE: ./src/plan/render-terminal.ts
var render_terminal = __webpack_require__(2220);
// EXTERNAL MODULE: ./src/escape/log.ts
var log = __webpack_require__(5637);
// EXTERNAL MODULE: ./src/commands/plan.ts + 13 modules
var commands_plan = __webpack_require__(1018);
;// CONCATENATED MODULE: ./src/commands/apply.ts
// `apply`: make Glance match the catalog by running exactly the plan.






/** Lines whose values are escaped (`v`): printed with `preEscaped`. */
function renderReport(report) {
    const count = (status) => report.outcomes.filter((o) => o.status === status).length;
    const retried = report.outcomes.filter((o) => o.status === 'done' && o.detail).length;
    const lines = [
        `Applied: ${count('done') - retried} done, ${count('failed')} failed, ${count('skipped')} skipped${retried ? `, ${retried} run again after Glance dropped a write` : ''}.`,
    ];
    for (const o of report.outcomes.filter((x) => x.status !== 'done' || x.detail)) {
        lines.push(`  ${o.status === 'failed' ? '✗' : o.status === 'done' ? '↻' : '-'} ${(0,log/* escapeLogValue */.t)(o.definition)}: ${o.step.action} ${(0,log/* escapeLogValue */.t)(o.step.image.name)}: ${(0,log/* escapeLogValue */.t)(o.detail ?? '')}`);
    }
    if (count('failed') > 0) {
        lines.push('Nothing that depends on a failed step ran. Fix the cause and run apply again: it converges.');
    }
    return lines.join('\n');
}
/** Exit code: 0 all done, 1 invalid definitions or a failed step, 2 configuration. */
/** `done` receives the plan and what apply did (no report for a dry run): the action's outputs. */
async function applyCommand(options, reporter, done) {
    // An import that has not moved for longer than one may take is a leftover to redo.
    const outcome = await (0,commands_plan/* openPlanSession */.mt)({ ...options, importTimeoutMs: options.importTimeoutSeconds * 1000 }, reporter);
    if (outcome.exitCode !== 0)
        return outcome.exitCode;
    const { plan, glance, upstream, replan } = outcome;
    reporter.info((0,render_terminal/* renderTerminal */.b)(plan, options.color ?? false), { preEscaped: true });
    if (options.dryRun) {
        await reporter.summary((0,render_markdown/* renderMarkdown */.G)(plan));
        await done?.(plan);
        return 0;
    }
    const report = await execute(plan, {
        glance,
        upstream,
        reporter,
        concurrency: options.concurrency,
        importTimeoutMs: options.importTimeoutSeconds * 1000,
        replan,
    });
    const text = renderReport(report);
    reporter.info(text, { preEscaped: true });
    await reporter.summary(`${(0,render_markdown/* renderMarkdown */.G)(plan)}\n\n${(0,markdown/* markdownBlock */.dI)(text)}`);
    await done?.(plan, report);
    return report.failed > 0 ? 1 : 0;
}


/***/ }),

/***/ 1555:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   T: () => (/* binding */ limiter)
/* harmony export */ });
// A counting semaphore: at most `slots` tasks run at once, the rest wait their turn.
function limiter(slots) {
    let free = Math.max(1, slots);
    const waiting = [];
    return async (task) => {
        if (free === 0)
            await new Promise((resolve) => waiting.push(resolve));
        else
            free--;
        try {
            return await task();
        }
        finally {
            const next = waiting.shift();
            if (next)
                next();
            else
                free++;
        }
    };
}


/***/ })

};
