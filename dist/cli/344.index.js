export const id = 344;
export const ids = [344];
export const modules = {

/***/ 8344:
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
// EXTERNAL MODULE: external "node:stream"
var external_node_stream_ = __webpack_require__(7075);
// EXTERNAL MODULE: ./src/download/sniff.ts
var sniff = __webpack_require__(6492);
// EXTERNAL MODULE: external "node:zlib"
var external_node_zlib_ = __webpack_require__(8522);
var external_node_zlib_default = /*#__PURE__*/__webpack_require__.n(external_node_zlib_);
// EXTERNAL MODULE: ./node_modules/fzstd/esm/index.mjs
var esm = __webpack_require__(8339);
// EXTERNAL MODULE: ./node_modules/fflate/esm/index.mjs
var fflate_esm = __webpack_require__(1306);
// EXTERNAL MODULE: ./node_modules/xz-decompress/dist/package/xz-decompress.js
var xz_decompress = __webpack_require__(6642);
// EXTERNAL MODULE: ./node_modules/unbzip2-stream/index.js
var unbzip2_stream = __webpack_require__(8183);
var unbzip2_stream_default = /*#__PURE__*/__webpack_require__.n(unbzip2_stream);
;// CONCATENATED MODULE: ./src/download/unpack.ts
// Decompressing a source while it streams: gzip and, where Node has it, zstd
// from node:zlib; xz (WASM), bzip2, zip and zstd on older Node from small
// maintained packages (docs/behaviour.md §4 says which form works where).






/**
 * Feeds a push decoder in small slices and waits for the reader between them,
 * so a highly compressed run of zeros never sits in memory expanded whole.
 */
class Pushed extends external_node_stream_.Duplex {
    continueWrite;
    full = false;
    decoder;
    constructor(make) {
        super();
        this.decoder = make((data) => {
            // A copy: the decoders may reuse their buffers.
            if (!this.push(Buffer.from(data)))
                this.full = true;
        }, (error) => this.destroy(error));
    }
    _write(chunk, _encoding, callback) {
        // Small: 1 KiB of a zstd run of zeros is up to 32 MiB of output.
        const SLICE = 1024;
        const next = (at) => {
            try {
                for (; at < chunk.length; at += SLICE) {
                    this.decoder.push(chunk.subarray(at, at + SLICE));
                    // Only a refused push promises a later _read: wait for that one.
                    if (this.full) {
                        this.full = false;
                        this.continueWrite = () => next(at + SLICE);
                        return;
                    }
                }
            }
            catch (error) {
                callback(error);
                return;
            }
            callback();
        };
        next(0);
    }
    _final(callback) {
        try {
            this.decoder.push(new Uint8Array(0), true);
            this.push(null);
            callback();
        }
        catch (error) {
            callback(error);
        }
    }
    _read() {
        const resume = this.continueWrite;
        this.continueWrite = undefined;
        resume?.();
    }
}
/** The one file of a zip archive; an archive of several files is refused. */
function unzipOne(url) {
    return new Pushed((out, fail) => {
        let found;
        const unzip = new fflate_esm/* Unzip */.HJ((file) => {
            if (file.name.endsWith('/'))
                return;
            if (found !== undefined) {
                fail(new Error(`${url}: the zip archive holds more than one file (${found}, ${file.name})`));
                return;
            }
            found = file.name;
            file.ondata = (error, data) => (error ? fail(error) : out(data));
            file.start();
        });
        unzip.register(fflate_esm/* UnzipInflate */.mM);
        return {
            push(chunk, final) {
                unzip.push(chunk, final);
                if (final && found === undefined)
                    fail(new Error(`${url}: the zip archive holds no file`));
            },
        };
    });
}
function zstd() {
    // Node 22.15+ (the action runs on Node 24) has zstd itself.
    const native = (external_node_zlib_default()).createZstdDecompress;
    if (native)
        return native();
    return new Pushed((out) => new esm/* Decompress */.YM((data) => out(data)));
}
/**
 * unbzip2-stream is an old-style stream that closes right after its end:
 * Readable.wrap would drop what is still buffered, so it is adapted by hand.
 */
function bunzip2(input) {
    const classic = unbzip2_stream_default()();
    const out = new external_node_stream_.Readable({ read: () => void classic.resume() });
    classic.on('data', (data) => {
        if (!out.push(data))
            classic.pause();
    });
    classic.on('end', () => out.push(null));
    classic.on('error', (error) => out.destroy(error));
    input.on('error', (error) => out.destroy(error));
    out.once('close', () => input.destroy());
    input.pipe(classic);
    return out;
}
/** `input` decompressed; errors and early ends travel both ways. */
function unpack(compression, input, url) {
    if (compression === 'bzip2')
        return bunzip2(input);
    if (compression === 'xz') {
        const web = external_node_stream_.Readable.toWeb(input);
        return external_node_stream_.Readable.fromWeb(new xz_decompress.XzReadableStream(web));
    }
    const decoder = compression === 'gzip' ? external_node_zlib_default().createGunzip() : compression === 'zstd' ? zstd() : unzipOne(url);
    return (0,external_node_stream_.pipeline)(input, decoder, () => undefined);
}

;// CONCATENATED MODULE: ./src/download/prepare.ts
// Know what you send (docs/behaviour.md §4): the first bytes of a streamed
// source tell its compression, which is undone on the way, and its disk
// format, which must fit the declared one before anything is uploaded.




/** The data contradicts the declared format, or cannot be unpacked to a disk. */
class SourceFormatError extends Error {
    name = 'SourceFormatError';
}
/**
 * The first `n` bytes (fewer when the stream is shorter) and a stream that
 * still yields them: they are put back, or, once the source has ended, replayed.
 */
function peek(input, n) {
    return new Promise((resolve, reject) => {
        const chunks = [];
        let length = 0;
        const stop = () => {
            input.off('readable', onReadable);
            input.off('end', onEnd);
            input.off('error', onError);
        };
        const onError = (error) => {
            stop();
            reject(error);
        };
        const onEnd = () => {
            stop();
            const head = Buffer.concat(chunks);
            resolve({ head, stream: external_node_stream_.Readable.from(head.length ? [head] : []) });
        };
        const onReadable = () => {
            let chunk;
            while (length < n && (chunk = input.read()) !== null) {
                chunks.push(chunk);
                length += chunk.length;
            }
            if (length < n)
                return;
            stop();
            const head = Buffer.concat(chunks);
            input.unshift(head);
            resolve({ head, stream: input });
        };
        input.on('readable', onReadable);
        input.once('end', onEnd);
        input.once('error', onError);
    });
}
/** The source's bytes as a disk of the declared format, or a SourceFormatError before any is read on. */
async function prepareSource(input, { url, format }) {
    let { head, stream } = await peek(input, sniff/* SNIFF_BYTES */.dD);
    const compression = (0,sniff/* sniffCompression */.Hs)(head);
    try {
        if (compression) {
            ;
            ({ head, stream } = await peek(unpack(compression, stream, url), sniff/* SNIFF_BYTES */.dD));
            const twice = (0,sniff/* sniffCompression */.Hs)(head);
            if (twice)
                throw new SourceFormatError(`${url}: ${compression} holds ${twice} data again`);
        }
        const why = (0,sniff/* formatContradiction */.lH)(format, head);
        if (why)
            throw new SourceFormatError(`${url}: declared format ${format}, but ${why}`);
    }
    catch (error) {
        stream.destroy();
        input.destroy();
        if (error instanceof SourceFormatError || error instanceof download_download/* ChecksumMismatchError */.a0)
            throw error;
        throw new SourceFormatError(`${url}: cannot unpack its ${compression ?? 'data'}: ${error.message}`);
    }
    return { stream, ...(compression ? { compression } : {}), format: (0,sniff/* sniffFormat */.OG)(head) };
}

// EXTERNAL MODULE: ./src/plan/diff.ts
var diff = __webpack_require__(8256);
;// CONCATENATED MODULE: ./src/apply/wait.ts
class ImportError extends Error {
    name = 'ImportError';
}
/**
 * Glance refused the data itself (its format, a quota): another method would
 * send the same bytes to the same refusal, so the fallback tries none.
 */
class ImportRejected extends ImportError {
    name = 'ImportRejected';
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
/**
 * The task of an image still importing is read at most this often (each read
 * is a request); more often early on, when Glance refuses most imports.
 */
const TASK_READ_EVERY_MS = 10_000;
/** The gap between two reads of the task: a third of the wait so far, within 2 s and TASK_READ_EVERY_MS. */
const taskReadGapMs = (waitedMs) => Math.min(TASK_READ_EVERY_MS, Math.max(2000, Math.round(waitedMs / 3)));
/** Polls until the image is active and released (see above). Throws on failure or timeout. */
async function waitReleased(id, o) {
    const started = o.now();
    let queuedSince = o.queuedSince;
    const watch = o.task ? new TaskWatch(id, o.task, o) : undefined;
    let importing = false;
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
        const failed = await importFailure(image, importing, watch);
        if (failed)
            throw failed;
        importing ||= image.status === 'importing';
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
/**
 * The import's failure, if this poll shows one. A multi-store Glance names the
 * stores it failed for; a single-store one puts the image back to `queued`;
 * both read the task for Glance's reason, and a task still running says the
 * sign is stale (an earlier method's failed stores, cleared once the new task
 * starts). An import whose conversion or storing failed may stay `importing`:
 * only its task tells, read every taskReadGapMs while importing or queued.
 */
async function importFailure(image, wasImporting, watch) {
    const failedStores = image.properties.os_glance_failed_import;
    if (failedStores || (wasImporting && image.status === 'queued')) {
        const task = await watch?.look(true);
        if (task?.status === 'failure')
            return watch?.error(task, image);
        if (task && task.status !== 'success')
            return undefined;
        return new ImportError(failedStores
            ? `Glance reports the import failed (stores: ${failedStores})`
            : "Glance put the image back to 'queued' after importing it: the import failed");
    }
    if (image.status !== 'importing' && image.status !== 'queued')
        return undefined;
    const task = await watch?.look(false);
    return task?.status === 'failure' ? watch?.error(task, image) : undefined;
}
/** Glance's message when it gives no reason (Glance 25 to 2025.1 for a refused format or a quota). */
const GENERIC = /internal error/i;
/** Words of Glance's messages that refuse the data rather than fail to fetch it. */
const REFUSED = /quota|limit|exceed|too large|format|disallowed|storage full/i;
const mib = (n) => `${(n / 2 ** 20).toFixed(0)} MiB`;
/** Reads the import's task: the newest of its method (a reused image keeps older ones). */
class TaskWatch {
    id;
    spec;
    o;
    lastRead = -Infinity;
    unreadable = false;
    started;
    constructor(id, spec, o) {
        this.id = id;
        this.spec = spec;
        this.o = o;
        this.started = o.now();
    }
    /**
     * This import's task, or undefined when not read (read lately, unless
     * `force`) or not readable. Forced, a task still running is read once more
     * a second later: the image shows a failure a moment before its task.
     */
    async look(force) {
        const at = this.o.now();
        if (!force && at - this.lastRead < taskReadGapMs(at - this.started))
            return undefined;
        const task = await this.read();
        if (!force || !task || task.status === 'failure' || task.status === 'success')
            return task;
        await this.o.sleep(1000);
        return (await this.read()) ?? task;
    }
    async read() {
        if (this.unreadable)
            return undefined;
        this.lastRead = this.o.now();
        // Where the tasks cannot be read (an older Glance, a policy), the image alone tells.
        const tasks = await this.o.glance.imageTasks(this.id).catch(() => null);
        if (tasks === null) {
            this.unreadable = true;
            return undefined;
        }
        return tasks
            .filter((t) => t.method === this.spec.method)
            .reduce((newest, t) => (!newest || t.created_at >= newest.created_at ? t : newest), undefined);
    }
    /**
     * The error for a failed task, with Glance's message. What Glance refused
     * (the data streamed by glance-direct; a message naming a quota or format;
     * data already converted) is ImportRejected: no other method is tried. A
     * web-download failing with no reason may be the download: it may fall back.
     */
    error(task, image) {
        const declared = this.spec.declaredFormat;
        // Glance sets disk_format only once its conversion succeeded: what failed then was storing it.
        const converted = !!declared && image.disk_format !== null && image.disk_format !== declared;
        const said = task.message || (task.result ? JSON.stringify(task.result) : 'no reason given');
        let reason = `Glance failed the import: "${said}" (task ${task.id})`;
        if (converted) {
            reason += `; Glance had converted the data to ${image.disk_format}${image.size !== null ? ` (${mib(image.size)})` : ''} and storing it failed: a storage quota the converted image exceeds, or a full store`;
        }
        else if (GENERIC.test(said)) {
            reason += `; Glance's API gives no other reason, its log has it under that task id (common causes: data that is not the declared disk_format${declared ? ` '${declared}'` : ''}, a storage quota)`;
        }
        const rejected = this.spec.method !== 'web-download' || converted || REFUSED.test(said);
        return rejected ? new ImportRejected(reason) : new ImportError(reason);
    }
}

// EXTERNAL MODULE: ./src/http/error.ts
var http_error = __webpack_require__(4054);
;// CONCATENATED MODULE: ./src/apply/refusal.ts
// Glance's refusals in Glance's words, with what they mean here (docs/behaviour.md §4,
// "When Glance refuses"). Glance 2025.1 answers a bad format with a 415 on upload
// and keeps the import lock after a failed import, so a second method would only
// read a 409: these say the real cause instead of the HTTP status.


/** Glance's words for its import lock (`_enforce_import_lock`, Glance 25 to 2025.1 and later). */
const ACTIVE_TASK = /active task/i;
/** The task holding the image's import lock, if one does. */
const lockHolder = (image) => image.properties.os_glance_import_task || undefined;
/** Why a failed import is not retried with another method while Glance holds the lock. */
function lockedAfterFailure(first, task, next) {
    return new ImportRejected(`${first.message}; not retried with ${next}: Glance still holds the image's import lock ` +
        `(os_glance_import_task ${task}) after the failed import, which Glance 2025.1 keeps for ` +
        '60 minutes, so any other import would only be refused with "409 Image has active task"');
}
/** `/stage` or `/file`: the last step of the request's path. */
const callOf = (url) => `/${url.split(/[?#]/, 1)[0]?.split('/').pop() ?? ''}`;
/**
 * A 409 "active task" or a 415 from Glance, explained as what it is; anything
 * else unchanged. Both are ImportRejected: another method gets the same answer.
 */
function explainRefusal(error, declared) {
    if (!(error instanceof http_error/* HttpError */.j$))
        return error;
    const said = error.serviceMessage ?? `HTTP ${error.status}`;
    if (error.status === 409 && ACTIVE_TASK.test(said)) {
        return new ImportRejected(`Glance refused the import: "${said}": an earlier import task of this image still holds ` +
            'its import lock (os_glance_import_task; Glance 2025.1 keeps it 60 minutes after a failed import)');
    }
    if (error.status === 415) {
        const seen = declared.sniffed
            ? `; its first bytes look like ${declared.sniffed} to this tool`
            : '';
        return new ImportRejected(`Glance refused the data as not matching the declared format ${declared.format} ` +
            `(${error.method} ${callOf(error.url)} answered 415: "${said}"; Glance 2025.1 checks the data against disk_format)${seen}`);
    }
    return error;
}

// EXTERNAL MODULE: ./src/mirror/fallback.ts
var fallback = __webpack_require__(5029);
;// CONCATENATED MODULE: ./src/apply/import.ts
// Create the image private, fill it, wait until Glance released it, then make it final.
// A step with a checksum or a compressed source is streamed through this tool
// (checked, unpacked, staged); the others use web-download, falling back once to
// glance-direct streaming; plain upload where the cloud has no interoperable
// import. A failed import leaves no image.







/**
 * The methods to try, in order (docs/behaviour.md §4): a streamed step goes
 * through this tool only, so the bytes Glance gets are the bytes checked.
 */
function importMethods(step, offered) {
    const direct = offered.includes('glance-direct') ? 'glance-direct' : 'upload';
    if (step.stream || step.source.startsWith('file:') || !offered.includes('web-download'))
        return [direct];
    return ['web-download', direct];
}
const delay = (ms) => new Promise((resolve) => setTimeout(resolve, ms));
function waitFor(ctx, step, id, deadline, method) {
    const now = ctx.now ?? Date.now;
    const web = method === 'web-download';
    return waitReleased(id, {
        glance: ctx.glance,
        deadline,
        clock: ctx.clock,
        sleep: ctx.sleep ?? delay,
        now,
        ...(web ? { queuedSince: now() } : {}),
        queuedGraceMs: ctx.queuedGraceMs ?? 20_000,
        // A plain upload runs no task; an import's task says at once when Glance failed it.
        ...(method === 'upload' ? {} : { task: { method, declaredFormat: step.create.disk_format } }),
    });
}
const import_mib = (n) => `${(n / 2 ** 20).toFixed(0)} MiB`;
/** Streams the source into the image (stage or file); the checksum is verified on the fly. */
async function stream(ctx, step, id, method) {
    const download = await (0,download_download/* openDownload */.pi)(step.source, {
        ...(step.checksum ? { expected: step.checksum } : {}),
        ...(ctx.upstream ? { http: ctx.upstream } : {}),
        baseDir: ctx.baseDir,
        progressIntervalMs: 10_000,
        onProgress: (p) => ctx.reporter.info(`  ${step.image.name}: ${import_mib(p.bytes)}${p.total ? ` of ${import_mib(p.total)} (${Math.round((100 * p.bytes) / p.total)}%)` : ''}, ${import_mib(p.rate)}/s`),
    });
    // Compression and format are known before the first byte goes to Glance.
    const prepared = await prepareSource(download.stream, {
        url: step.source,
        format: step.create.disk_format,
    });
    const body = prepared.stream;
    if (prepared.compression)
        ctx.reporter.info(`  ${step.image.name}: ${prepared.compression} unpacked on the way`);
    // An unpacked size is unknown until the end: then the body is sent chunked.
    const size = prepared.compression ? undefined : download.size;
    const declared = { format: step.create.disk_format, sniffed: prepared.format };
    try {
        if (method === 'glance-direct')
            await ctx.glance.stageImage(id, body, size);
        else
            await ctx.glance.uploadImage(id, body, size);
        await download.result;
    }
    catch (error) {
        // Whatever failed, the source connection goes too: nothing is left reading upstream.
        body.destroy();
        download.stream.destroy();
        throw explainRefusal(error, declared);
    }
    if (method === 'glance-direct')
        await ctx.glance.importImage(id, 'glance-direct').catch((e) => {
            throw explainRefusal(e, declared);
        });
}
async function fill(ctx, step, id, method, deadline) {
    if (method === 'web-download') {
        await ctx.glance.importImage(id, 'web-download', { uri: step.source }).catch((e) => {
            throw explainRefusal(e, { format: step.create.disk_format });
        });
        return waitFor(ctx, step, id, deadline, method);
    }
    await stream(ctx, step, id, method);
    return waitFor(ctx, step, id, deadline, method);
}
/**
 * Web-download's bytes never pass through this tool, and Glance 2022.2 stores
 * them under any format: the first ones are read and sniffed before anything
 * is created (docs/behaviour.md §4, "Know what you send").
 */
async function checkFormatFirst(ctx, step) {
    const download = await (0,download_download/* openDownload */.pi)(step.source, {
        ...(ctx.upstream ? { http: ctx.upstream } : {}),
        baseDir: ctx.baseDir,
    }).catch((e) => {
        throw new ImportError(`source ${step.source} could not be read: ${e.message}`);
    });
    try {
        const { stream } = await prepareSource(download.stream, {
            url: step.source,
            format: step.create.disk_format,
        });
        stream.destroy();
    }
    finally {
        // Only the head was wanted: the connection goes now.
        download.stream.destroy();
    }
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
    const methods = importMethods(step, ctx.methods);
    if (step.peek && methods[0] === 'web-download')
        await checkFormatFirst(ctx, step);
    let image = await createOrReuse(ctx, step);
    try {
        let earlier;
        for (const [i, method] of methods.entries()) {
            try {
                image = await fill(ctx, step, image.id, method, deadline);
                break;
            }
            catch (error) {
                const last = i === methods.length - 1;
                // Glance's first reason leads: a retry's 409 or 415 would hide it (docs/behaviour.md §4).
                if (last && earlier)
                    throw new ImportError(`${earlier}; then ${method}: ${error.message}`);
                // Past the import timeout the import has failed (docs/behaviour.md §4); a second method would get no time.
                // Bad data stays bad whichever way it goes, and data Glance refused (ImportRejected) would be refused again.
                const final = error instanceof download_download/* ChecksumMismatchError */.a0 ||
                    error instanceof SourceFormatError ||
                    error instanceof ImportRejected;
                if (last || final || now() >= deadline)
                    throw error;
                earlier = `${method} failed: ${error.message}`;
                image = await resetForRetry(ctx, image.id, error, methods[i + 1]);
                ctx.reporter.warning(`${step.image.name}: ${method} failed (${error.message}); trying ${methods[i + 1]}`);
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
/**
 * After a failed web-download the image is back in queued and can take staged
 * data, unless Glance still holds its import lock (Glance 2025.1 after a failed
 * conversion): then the next import call could only get a 409, and the first
 * failure's cause is the answer.
 */
async function resetForRetry(ctx, id, failure, next) {
    const image = await ctx.glance.getImage(id);
    const task = lockHolder(image);
    if (task)
        throw lockedAfterFailure(failure, task, next);
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
// EXTERNAL MODULE: ./src/commands/plan.ts + 10 modules
var commands_plan = __webpack_require__(9786);
// EXTERNAL MODULE: external "node:fs/promises"
var promises_ = __webpack_require__(1455);
// EXTERNAL MODULE: ./node_modules/ajv/dist/2020.js
var _2020 = __webpack_require__(2210);
// EXTERNAL MODULE: ./node_modules/ajv-formats/dist/index.js
var dist = __webpack_require__(2815);
var dist_default = /*#__PURE__*/__webpack_require__.n(dist);
;// CONCATENATED MODULE: ./schemas/plan.schema.json
const plan_schema_namespaceObject = /*#__PURE__*/JSON.parse('{"$schema":"https://json-schema.org/draft/2020-12/schema","$id":"https://openstack-image-manager.invalid/schemas/plan.schema.json","title":"Image plan","description":"What `apply` will change in one cloud, as written by `image-manager plan --out FILE` and the action\'s plan-json output (formatVersion 2). Steps run in the order given, per definition. `apply --plan FILE` runs such a file after checking its basis (docs/cli.md, Saved plans).","type":"object","required":["formatVersion","generatedAt","definitions","orphans","findings","summary"],"additionalProperties":false,"properties":{"formatVersion":{"const":2,"description":"Version of this format; bumped on incompatible changes. 2 added `basis`; every field of 1 is kept."},"generatedAt":{"type":"string","format":"date-time","description":"When the plan was computed."},"cloud":{"type":"string","description":"The cloud name from clouds.yaml, when one was given."},"definitions":{"type":"array","description":"One entry per image definition, in catalog order.","items":{"$ref":"#/$defs/definitionPlan"}},"orphans":{"type":"array","description":"Managed images no definition describes: reported, never touched.","items":{"$ref":"#/$defs/imageRef"}},"findings":{"type":"array","description":"check-age findings, and warnings about SCS image metadata rules (scs-0102) the cloud would break once the plan ran, with the fix.","items":{"$ref":"#/$defs/note"}},"summary":{"type":"object","description":"Number of steps per action, definitions without changes, and skipped definitions.","additionalProperties":false,"required":["import","rename","update","deactivate","reactivate","hide","delete","unchanged","skipped"],"properties":{"import":{"type":"integer","minimum":0},"rename":{"type":"integer","minimum":0},"update":{"type":"integer","minimum":0},"deactivate":{"type":"integer","minimum":0},"reactivate":{"type":"integer","minimum":0},"hide":{"type":"integer","minimum":0},"delete":{"type":"integer","minimum":0},"unchanged":{"type":"integer","minimum":0},"skipped":{"type":"integer","minimum":0}}},"requests":{"type":"object","description":"OpenStack API requests made to compute the plan, by \'METHOD /path/template\'.","additionalProperties":{"type":"integer","minimum":0}},"basis":{"$ref":"#/$defs/basis"}},"$defs":{"basis":{"type":"object","description":"What the plan depends on: `apply --plan` refuses the file when any of it changed.","additionalProperties":false,"required":["planDigest","definitionsDigest","options","latest","latestErrors","images","digest"],"properties":{"planDigest":{"$ref":"#/$defs/digest","description":"sha256 of the cloud and the steps\' canonical lines (src/plan/fingerprint.ts); recomputed when the file is read."},"definitionsDigest":{"$ref":"#/$defs/digest","description":"sha256 of the definitions as loaded and normalised, in catalog order, each with its file but not its line."},"options":{"$ref":"#/$defs/planShape"},"latest":{"type":"object","description":"`version: latest` as resolved for the plan, by definition name.","additionalProperties":{"type":"object","additionalProperties":false,"required":["internalVersion","upstreamChecksum"],"properties":{"internalVersion":{"type":"string"},"upstreamChecksum":{"type":"string"}}}},"latestErrors":{"type":"object","description":"Definitions skipped because their latest upstream was unreadable, with the reason.","additionalProperties":{"type":"string"}},"images":{"type":"array","description":"Every managed image the plan relies on (without a filter: all of them), sorted by id: the set seen and the state of each.","items":{"$ref":"#/$defs/imageState"}},"digest":{"$ref":"#/$defs/digest","description":"sha256 of this object without `digest`, keys sorted: a hand edit shows."}}},"digest":{"type":"string","pattern":"^sha256:[0-9a-f]{64}$"},"planShape":{"type":"object","description":"The options that change what is planned, as the plan was made.","additionalProperties":false,"required":["tag","force","latest","useOsHidden","hide","deactivate","delete","confirmDelete","keep"],"properties":{"tag":{"type":"string"},"filter":{"type":"string"},"force":{"type":"boolean"},"latest":{"type":"boolean"},"useOsHidden":{"type":"boolean"},"hide":{"type":"boolean"},"deactivate":{"type":"boolean"},"delete":{"type":"boolean"},"confirmDelete":{"type":"boolean"},"keep":{"type":"boolean"},"maxAgeDays":{"type":"integer","minimum":0},"rotated":{"type":"object","additionalProperties":false,"required":["meta"],"properties":{"meta":{"type":"object"},"hidden":{"type":"boolean"}}},"verify":{"enum":["auto","stream","none"]}}},"imageState":{"type":"object","description":"What the plan saw of one image: everything the planner reads of it.","additionalProperties":false,"required":["id","name","status","visibility","hidden","min_disk","min_ram","size","tags","properties"],"properties":{"id":{"type":"string"},"name":{"type":"string"},"status":{"type":"string"},"visibility":{"type":"string"},"hidden":{"type":"boolean","description":"os_hidden"},"min_disk":{"type":"integer","minimum":0},"min_ram":{"type":"integer","minimum":0},"size":{"type":["integer","null"],"minimum":0},"tags":{"type":"array","items":{"type":"string"}},"properties":{"type":"object","description":"Every property but Glance\'s own os_glance_*.","additionalProperties":{"type":"string"}},"updated_at":{"type":"string","description":"Glance\'s updated_at: a change to anything else shows here."}}},"imageRef":{"type":"object","description":"An image by id; without id, the image an import step of this plan creates under that name.","additionalProperties":false,"required":["name"],"properties":{"id":{"type":"string"},"name":{"type":"string"}}},"note":{"type":"object","description":"Something the plan deliberately does not do, and why.","additionalProperties":false,"required":["message"],"properties":{"image":{"$ref":"#/$defs/imageRef"},"message":{"type":"string"}}},"definitionPlan":{"type":"object","additionalProperties":false,"required":["name","file","line","steps","retention","notes"],"properties":{"name":{"type":"string","description":"The definition\'s name."},"file":{"type":"string","description":"The definition file."},"line":{"type":"integer","minimum":1},"skipped":{"type":"string","description":"Why the whole definition is left alone."},"steps":{"type":"array","description":"Imports, rotations, drift repair and status changes, in order.","items":{"$ref":"#/$defs/step"}},"retention":{"type":"array","description":"Hide, deactivate or delete builds outside the retention window; run only when no import of the run failed.","items":{"$ref":"#/$defs/simpleStep"}},"notes":{"type":"array","items":{"$ref":"#/$defs/note"}}}},"step":{"oneOf":[{"$ref":"#/$defs/importStep"},{"$ref":"#/$defs/renameStep"},{"$ref":"#/$defs/updateStep"},{"$ref":"#/$defs/simpleStep"}]},"importStep":{"type":"object","description":"Create the image private with all properties and tags, fill it from source, wait for active, then set its visibility and status.","additionalProperties":false,"required":["action","image","version","source","stream","verification","create","then","reason"],"properties":{"action":{"const":"import"},"image":{"$ref":"#/$defs/imageRef"},"replaces":{"$ref":"#/$defs/imageRef","description":"A leftover of an interrupted import under the same name (queued, uploading or killed): deleted first."},"version":{"type":"string"},"source":{"type":"string","description":"Where the bytes come from (mirror_url first)."},"fallback":{"type":"string","description":"The definition\'s url when source is its mirror_url: imported from instead when the mirror object is missing or unreadable (HTTP 403/404)."},"checksum":{"type":"string","pattern":"^(md5|sha1|sha256|sha512):[0-9a-f]+$"},"stream":{"type":"boolean","description":"true: the tool downloads the source, checks its checksum and format, decompresses it and stages the bytes (glance-direct, or upload); false: Glance\'s web-download fetches the url itself, unchecked."},"peek":{"type":"boolean","description":"A web-download (stream false) whose first bytes the tool reads before anything is created, to check them against the declared format (verify auto); absent under verify none."},"verification":{"type":"string","description":"What is checked, in words: \'verified (sha256)\', \'unverified (no checksum)\' or \'unverified (verify: none)\'."},"create":{"type":"object","additionalProperties":false,"required":["name","disk_format","container_format","min_disk","min_ram","visibility","tags","properties"],"properties":{"id":{"type":"string"},"name":{"type":"string"},"disk_format":{"type":"string"},"container_format":{"const":"bare"},"min_disk":{"type":"integer","minimum":0},"min_ram":{"type":"integer","minimum":0},"visibility":{"const":"private"},"tags":{"type":"array","items":{"type":"string"}},"properties":{"type":"object","additionalProperties":{"type":"string"}},"os_hidden":{"type":"boolean"}}},"then":{"type":"object","additionalProperties":false,"required":["visibility","status"],"properties":{"visibility":{"enum":["public","private","community","shared"]},"status":{"enum":["active","deactivated"]}}},"reason":{"type":"string"}}},"renameStep":{"type":"object","description":"Rotation of a multi image.","additionalProperties":false,"required":["action","image","to","reason"],"properties":{"action":{"const":"rename"},"image":{"$ref":"#/$defs/imageRef"},"to":{"type":"string"},"reason":{"type":"string"}}},"updateStep":{"type":"object","description":"Drift repair: one JSON-patch request per image where possible.","additionalProperties":false,"required":["action","image","changes","reason"],"properties":{"action":{"const":"update"},"image":{"$ref":"#/$defs/imageRef"},"changes":{"type":"array","minItems":1,"items":{"$ref":"#/$defs/change"}},"reason":{"type":"string"}}},"change":{"type":"object","required":["field"],"properties":{"field":{"enum":["property","min_disk","min_ram","visibility","os_hidden","tags"]},"key":{"type":"string","description":"The property, for field \'property\'."},"from":{"description":"Current value; absent when the property is added."},"to":{"description":"Desired value; absent when the property is removed."},"add":{"type":"array","items":{"type":"string"}},"remove":{"type":"array","items":{"type":"string"}}}},"simpleStep":{"type":"object","description":"Status changes and retention: hide sets community visibility; delete deactivates, hides, then deletes.","additionalProperties":false,"required":["action","image","reason"],"properties":{"action":{"enum":["deactivate","reactivate","hide","delete"]},"image":{"$ref":"#/$defs/imageRef"},"reason":{"type":"string"}}}}}');
// EXTERNAL MODULE: ./src/cloud/observe.ts + 1 modules
var observe = __webpack_require__(8733);
// EXTERNAL MODULE: ./src/plan/fingerprint.ts
var fingerprint = __webpack_require__(1731);
// EXTERNAL MODULE: ./src/plan/saved.ts
var saved = __webpack_require__(520);
// EXTERNAL MODULE: ./src/plan/types.ts
var types = __webpack_require__(9898);
;// CONCATENATED MODULE: ./src/commands/saved-plan.ts
// `apply --plan FILE`: reading a plan file written by `plan --out`, and the
// session that runs it only while everything it depends on still holds
// (docs/cli.md, "Saved plans"). A file that is not whole is an error before
// any request; a stale one is refused before any write.










const addFormats = ((dist_default())["default"] ??
    (dist_default()));
/** Compiled on first use: only `apply --plan` needs it. */
let validator;
function validatePlanJson(data) {
    if (!validator) {
        const ajv = new _2020.Ajv2020({ allErrors: false, strict: false });
        addFormats(ajv, ['date-time']);
        validator = ajv.compile(plan_schema_namespaceObject);
    }
    if (validator(data))
        return undefined;
    const error = validator.errors?.[0];
    return `${error?.instancePath || '/'} ${error?.message ?? 'does not match'}`;
}
/** JSON.parse's complaint, with the line and column where it stopped. */
function jsonError(text, error) {
    const message = (0,problems/* getErrorMessage */.u1)(error);
    const at = /at position (\d+)/.exec(message);
    const position = at ? Number(at[1]) : /end of JSON input/.test(message) ? text.length : undefined;
    if (position === undefined)
        return message;
    const before = text.slice(0, position).split('\n');
    const where = `line ${before.length}, column ${(before.at(-1)?.length ?? 0) + 1}`;
    return `${message.replace(/ in JSON at position \d+.*$/, '').replace(/ of JSON input$/, ' of the file')} at ${where}`;
}
const remake = 'make the plan again with `image-manager plan --out FILE`';
/** The plan file, whole and as `plan` wrote it; a UserError (exit 2) otherwise. */
async function readSavedPlan(file) {
    const fail = (why) => {
        throw new problems/* UserError */.yo(`plan file ${file}: ${why}; nothing was applied`, 2);
    };
    let text = '';
    try {
        text = await (0,promises_.readFile)(file, 'utf8');
    }
    catch (error) {
        fail(`cannot be read: ${(0,problems/* getErrorMessage */.u1)(error)}`);
    }
    let data;
    try {
        data = JSON.parse(text);
    }
    catch (error) {
        fail(`is not whole JSON (${jsonError(text, error)}): truncated or edited; ${remake}`);
    }
    const version = data?.formatVersion;
    if (version !== types/* PLAN_FORMAT_VERSION */.V) {
        fail(`has formatVersion ${String(version)}, this version reads ${types/* PLAN_FORMAT_VERSION */.V}; ${remake}`);
    }
    const invalid = validatePlanJson(data);
    if (invalid)
        fail(`does not match schemas/plan.schema.json: ${invalid}; ${remake}`);
    const plan = data;
    if (!plan.basis)
        fail(`records no basis (what the plan depends on); ${remake}`);
    const basis = plan.basis;
    if ((0,fingerprint/* planDigest */.Gb)(plan) !== basis.planDigest) {
        fail(`its steps were edited after plan wrote them (basis.planDigest does not match); ${remake}`);
    }
    if ((0,saved/* basisDigest */.lo)(basis) !== basis.digest) {
        fail(`its basis was edited after plan wrote it (basis.digest does not match); ${remake}`);
    }
    return plan;
}
/**
 * apply --plan runs the plan as it was made: a plan-shaping option given on the
 * command line must say what the file says. Exit 2 otherwise.
 */
function checkGivenOptions(plan, given) {
    const recorded = { ...plan.basis.options, cloud: plan.cloud };
    const differ = Object.entries(given).filter(([key, value]) => (0,saved/* canonicalJson */.dj)(value) !== (0,saved/* canonicalJson */.dj)(recorded[key]));
    if (differ.length === 0)
        return;
    const list = differ
        .map(([key, value]) => `${key} ${(0,saved/* canonicalJson */.dj)(value)} (the plan: ${(0,saved/* canonicalJson */.dj)(recorded[key]) ?? 'unset'})`)
        .join(', ');
    throw new problems/* UserError */.yo(`apply --plan runs the plan with the options it was made with, and these differ: ${list}. Drop them, or make a new plan with them; nothing was applied`, 2);
}
/** The definitions the plan was made from: its digest, and the same names and files in order. */
function sameDefinitions(plan, definitions) {
    const names = (list) => (0,saved/* canonicalJson */.dj)(list);
    return ((0,saved/* definitionsDigest */.vf)(definitions) === plan.basis.definitionsDigest &&
        names(plan.definitions.map((d) => ({ name: d.name, file: d.file }))) ===
            names(definitions.map((d) => ({ name: d.name, file: d.position.file }))));
}
/**
 * The session of a saved plan: the definitions must be those it was made from,
 * and one listing of the cloud must show every image it relies on as it saw
 * them. Refused (exit 1, each change named) before any write otherwise.
 */
async function openSavedPlanSession(plan, options, reporter) {
    const definitions = await (0,commands_plan/* loadValidCatalog */.G0)(options, reporter);
    if (!definitions)
        return { exitCode: 1 };
    if (!sameDefinitions(plan, definitions)) {
        reporter.warning(`The definitions in ${options.images} are not those the saved plan was made from: refused, nothing was applied. Apply with the definitions of the plan, or make a new plan.`);
        return { exitCode: 1 };
    }
    const cloudOptions = plan.cloud !== undefined ? { ...options, cloud: plan.cloud } : options;
    const clients = await (0,commands_plan/* connectClients */.tP)(cloudOptions, reporter);
    const images = await (0,observe/* observeManagedImages */.W)(clients.glance, plan.basis.options.tag);
    const changes = (0,saved/* basisChanges */.co)(plan, plan.basis, definitions, images);
    if (changes.length > 0) {
        for (const change of changes)
            reporter.warning(change);
        reporter.warning(`The cloud changed since the saved plan (${changes.length} change(s) above): refused, nothing was applied. Make a new plan.`);
        return { exitCode: 1 };
    }
    const replan = (0,commands_plan/* replanner */.AN)(definitions, clients, (0,saved/* shapedOptions */.kn)(plan, plan.basis));
    return { exitCode: 0, plan, ...clients, replan };
}

;// CONCATENATED MODULE: ./src/commands/apply.ts
// `apply`: make Glance match the catalog by running exactly the plan.







/** The plan session: a saved plan's, checked against the cloud, or a fresh one. */
async function openSession(options, reporter) {
    // An import that has not moved for longer than one may take is a leftover to redo.
    const planOptions = { ...options, importTimeoutMs: options.importTimeoutSeconds * 1000 };
    if (!options.planFile)
        return (0,commands_plan/* openPlanSession */.mt)(planOptions, reporter);
    const saved = await readSavedPlan(options.planFile);
    checkGivenOptions(saved, options.givenShape ?? {});
    return openSavedPlanSession(saved, planOptions, reporter);
}
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
    const outcome = await openSession(options, reporter);
    if (outcome.exitCode !== 0)
        return outcome.exitCode;
    const { plan, glance, upstream, replan } = outcome;
    reporter.info((0,render_terminal/* renderTerminal */.b)(plan, options.color ?? false), { preEscaped: true });
    if (options.dryRun) {
        await reporter.summary((0,render_markdown/* renderMarkdown */.G)(plan));
        await done?.(plan);
        return 0;
    }
    const refusal = await options.approve?.(plan);
    if (refusal !== undefined) {
        reporter.warning(refusal);
        await done?.(plan);
        return 1;
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


/***/ })

};
