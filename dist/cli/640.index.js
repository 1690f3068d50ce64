export const id = 640;
export const ids = [640];
export const modules = {

/***/ 9699:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   mirrorCommand: () => (/* binding */ mirrorCommand)
/* harmony export */ });
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(6760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_path__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var _definitions_catalog_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(4239);
/* harmony import */ var _download_upstream_http_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(8140);
/* harmony import */ var _download_progress_js__WEBPACK_IMPORTED_MODULE_6__ = __webpack_require__(4585);
/* harmony import */ var _filter_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(9037);
/* harmony import */ var _mirror_mirror_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(3640);
/* harmony import */ var _mirror_key_js__WEBPACK_IMPORTED_MODULE_7__ = __webpack_require__(1228);
/* harmony import */ var _mirror_s3_js__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(1206);
// `mirror`: copy every build of the catalog into the S3 mirror bucket, one at
// a time (memory stays at one upload's parts), skipping those already there.








function outcomeLine(o, bucket) {
    const where = `s3://${bucket}/${o.target.key}`;
    switch (o.status) {
        case 'skipped':
            return `= ${o.target.image} ${o.target.version}: ${o.reason} (${where})`;
        case 'would-upload':
            return `+ ${o.target.image} ${o.target.version}: would upload ${o.target.url} to ${where} (${o.reason})`;
        case 'uploaded': {
            const rate = o.elapsedMs > 0 ? (o.bytes * 1000) / o.elapsedMs : 0;
            return `↑ ${o.target.image} ${o.target.version}: ${(0,_download_progress_js__WEBPACK_IMPORTED_MODULE_6__/* .mib */ .j)(o.bytes)} to ${where} in ${(o.elapsedMs / 1000).toFixed(1)} s (${(0,_download_progress_js__WEBPACK_IMPORTED_MODULE_6__/* .mib */ .j)(rate)}/s)`;
        }
        case 'failed':
            return `✗ ${o.target.image} ${o.target.version}: ${o.error}`;
    }
}
/** Exit code: 0; 1 when the catalog is invalid or a build could not be mirrored. */
async function mirrorCommand(options, reporter) {
    const cwd = options.cwd ?? process.cwd();
    reporter.secret(options.s3.secretAccessKey);
    const filter = (0,_filter_js__WEBPACK_IMPORTED_MODULE_3__/* .filterRegex */ .I)(options.filter);
    const catalog = await (0,_definitions_catalog_js__WEBPACK_IMPORTED_MODULE_1__/* .requireValidCatalog */ .Vm)({ images: options.images, cwd }, {
        report: (0,_definitions_catalog_js__WEBPACK_IMPORTED_MODULE_1__/* .problemsTo */ .Qp)(reporter),
        stop: () => reporter.warning('the definitions are invalid: nothing was mirrored'),
    });
    if (!catalog)
        return 1;
    const { targets, errors } = (0,_mirror_mirror_js__WEBPACK_IMPORTED_MODULE_4__/* .mirrorTargets */ .C)(catalog.definitions, (0,_mirror_key_js__WEBPACK_IMPORTED_MODULE_7__/* .normalizePrefix */ .iG)(options.s3.prefix), filter);
    for (const e of errors)
        reporter.warning(e);
    const store = options.store ?? (await (0,_mirror_s3_js__WEBPACK_IMPORTED_MODULE_5__/* .createS3Store */ .oT)(options.s3));
    const http = await (0,_download_upstream_http_js__WEBPACK_IMPORTED_MODULE_2__/* .createUpstreamHttp */ .kf)({
        ...(options.sourceCacert ? { sourceCacert: options.sourceCacert } : {}),
    });
    const counts = { uploaded: 0, skipped: 0, 'would-upload': 0, failed: 0 };
    let bytes = 0;
    try {
        for (const target of targets) {
            const label = `${target.image} ${target.version}`;
            const outcome = await (0,_mirror_mirror_js__WEBPACK_IMPORTED_MODULE_4__/* .mirrorBuild */ .i)(target, store, {
                dryRun: options.dryRun,
                http,
                baseDir: cwd,
                onProgress: (p) => {
                    if (!p.done)
                        reporter.info((0,_download_progress_js__WEBPACK_IMPORTED_MODULE_6__/* .progressLine */ .o)(label, p));
                },
                ...(options.progressIntervalMs !== undefined
                    ? { progressIntervalMs: options.progressIntervalMs }
                    : {}),
            });
            counts[outcome.status]++;
            if (outcome.status === 'uploaded')
                bytes += outcome.bytes;
            if (outcome.status === 'failed')
                reporter.warning(outcomeLine(outcome, store.bucket));
            else
                reporter.info(outcomeLine(outcome, store.bucket));
        }
    }
    finally {
        if (!options.store)
            store.close();
    }
    const shown = node_path__WEBPACK_IMPORTED_MODULE_0___default().relative(cwd, node_path__WEBPACK_IMPORTED_MODULE_0___default().resolve(cwd, options.images)) || '.';
    reporter.info(options.dryRun
        ? `${targets.length} build(s) in ${shown}: would upload ${counts['would-upload']}, ${counts.skipped} already mirrored, ${counts.failed} failed`
        : `${targets.length} build(s) in ${shown}: uploaded ${counts.uploaded} (${(0,_download_progress_js__WEBPACK_IMPORTED_MODULE_6__/* .mib */ .j)(bytes)}), ${counts.skipped} already mirrored, ${counts.failed} failed`);
    return counts.failed > 0 || errors.length > 0 ? 1 : 0;
}


/***/ }),

/***/ 9130:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   K7: () => (/* binding */ probeUrl),
/* harmony export */   a0: () => (/* binding */ ChecksumMismatchError),
/* harmony export */   pi: () => (/* binding */ openDownload)
/* harmony export */ });
/* unused harmony exports HASH_ALGORITHMS, parseChecksum, filePath */
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(7598);
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_crypto__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(3024);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__webpack_require__.n(node_fs__WEBPACK_IMPORTED_MODULE_1__);
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(1455);
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_2___default = /*#__PURE__*/__webpack_require__.n(node_fs_promises__WEBPACK_IMPORTED_MODULE_2__);
/* harmony import */ var node_stream__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(7075);
/* harmony import */ var node_stream__WEBPACK_IMPORTED_MODULE_3___default = /*#__PURE__*/__webpack_require__.n(node_stream__WEBPACK_IMPORTED_MODULE_3__);
/* harmony import */ var _file_url_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(4716);
/* harmony import */ var _upstream_http_js__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(8140);
// Download an image (http(s) or file:) as a stream, hashing and counting the
// bytes as they pass, with progress events. A checksum mismatch is an error of
// the stream at its end, so whoever pipes it into Glance fails too. The image
// is never held in memory.






const HASH_ALGORITHMS = ['md5', 'sha1', 'sha256', 'sha512'];
class ChecksumMismatchError extends Error {
    url;
    algorithm;
    expected;
    actual;
    name = 'ChecksumMismatchError';
    constructor(url, algorithm, expected, actual) {
        super(`Checksum mismatch for ${url}: expected ${algorithm}:${expected}, got ${algorithm}:${actual}`);
        this.url = url;
        this.algorithm = algorithm;
        this.expected = expected;
        this.actual = actual;
    }
}
/** Parse `<algo>:<hex>` (docs/behaviour.md §1). */
function parseChecksum(text) {
    const match = /^(md5|sha1|sha256|sha512):([0-9a-fA-F]+)$/.exec(text.trim());
    const lengths = { md5: 32, sha1: 40, sha256: 64, sha512: 128 };
    const algorithm = match?.[1];
    const hex = match?.[2]?.toLowerCase();
    if (algorithm === undefined || hex === undefined || hex.length !== lengths[algorithm]) {
        throw new Error(`Invalid checksum '${text}'; expected <algo>:<hex> with algo one of ${HASH_ALGORITHMS.join(', ')}`);
    }
    return { algorithm, hex };
}
/** The real path of a `file:` URL inside `baseDir` (relative ones against it); throws when it may not be read. */
const filePath = (url, baseDir = process.cwd()) => (0,_file_url_js__WEBPACK_IMPORTED_MODULE_4__/* .readableFileUrlPath */ .HK)(url, baseDir);
const FILE_CHUNK_BYTES = 1024 * 1024;
/** Image mirrors serve octet streams: the JSON Accept of OpenStack requests does not fit. */
const ANY_TYPE = { Accept: '*/*' };
/**
 * Check that a source exists before importing it (docs/behaviour.md §4): `HEAD` with
 * redirects followed for http(s), `stat` for `file:`. A 4xx/5xx is an
 * HttpError, a missing file an ENOENT error.
 */
async function probeUrl(url, options = {}) {
    if (url.startsWith('file:')) {
        const info = await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_2__.stat)(await filePath(url, options.baseDir));
        return { url, size: info.size, lastModified: info.mtime };
    }
    const http = options.http ?? (await (0,_upstream_http_js__WEBPACK_IMPORTED_MODULE_5__/* .createUpstreamHttp */ .kf)());
    const response = await http.request({
        method: 'HEAD',
        url,
        headers: ANY_TYPE,
        expected: [200],
        responseType: 'none',
    });
    const length = response.headers.get('content-length');
    const modified = response.headers.get('last-modified');
    return {
        url: response.url || url,
        ...(length !== null && /^\d+$/.test(length) ? { size: Number(length) } : {}),
        ...(modified ? { lastModified: new Date(modified) } : {}),
    };
}
/** Start downloading `url`; the bytes flow when `stream` is read. */
async function openDownload(url, options = {}) {
    const expected = typeof options.expected === 'string' ? parseChecksum(options.expected) : options.expected;
    const algorithms = new Set(options.algorithms ?? (expected ? [] : ['sha256']));
    if (expected)
        algorithms.add(expected.algorithm);
    let source;
    let size;
    let lastModified;
    let finalUrl = url;
    if (url.startsWith('file:')) {
        const path = await filePath(url, options.baseDir);
        const info = await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_2__.stat)(path);
        size = info.size;
        lastModified = info.mtime;
        // 1 MiB reads, not 64 KiB: a sixteenth of the thread-pool round trips, hash
        // updates and socket writes (a 256 MiB import: about 0.3 of 1.3 CPU s less).
        source = (0,node_fs__WEBPACK_IMPORTED_MODULE_1__.createReadStream)(path, {
            highWaterMark: FILE_CHUNK_BYTES,
            ...(options.signal ? { signal: options.signal } : {}),
        });
    }
    else {
        const http = options.http ?? (await (0,_upstream_http_js__WEBPACK_IMPORTED_MODULE_5__/* .createUpstreamHttp */ .kf)());
        const response = await http.request({
            method: 'GET',
            url,
            headers: ANY_TYPE,
            expected: [200],
            responseType: 'stream',
            timeoutMs: 0,
            signal: options.signal,
        });
        if (response.body === null)
            throw new Error(`GET ${url}: the response has no body`);
        const length = response.headers.get('content-length');
        size = length !== null && /^\d+$/.test(length) ? Number(length) : undefined;
        const modified = response.headers.get('last-modified');
        lastModified = modified ? new Date(modified) : undefined;
        finalUrl = response.url || url;
        source = response.body;
    }
    const hasher = new HashingStream(url, [...algorithms], expected, size, options);
    // Errors and early ends travel both ways: a failed upload closes the source connection.
    source.on('error', (error) => hasher.destroy(error));
    hasher.once('close', () => source.destroy());
    source.pipe(hasher);
    // Whoever only reads the stream sees errors there; this keeps an unread result quiet.
    hasher.result.catch(() => undefined);
    return { stream: hasher, size, lastModified, url: finalUrl, result: hasher.result };
}
class HashingStream extends node_stream__WEBPACK_IMPORTED_MODULE_3__.Transform {
    url;
    expected;
    total;
    options;
    result;
    resolveResult;
    rejectResult;
    hashes;
    bytes = 0;
    started;
    lastEvent = 0;
    constructor(url, algorithms, expected, total, options) {
        super();
        this.url = url;
        this.expected = expected;
        this.total = total;
        this.options = options;
        this.hashes = algorithms.map((algorithm) => [algorithm, (0,node_crypto__WEBPACK_IMPORTED_MODULE_0__.createHash)(algorithm)]);
        this.started = this.now();
        this.result = new Promise((resolveResult, rejectResult) => {
            this.resolveResult = resolveResult;
            this.rejectResult = rejectResult;
        });
        this.on('error', (error) => this.rejectResult(error));
        this.on('close', () => this.rejectResult(new Error(`Download of ${url} was closed before its end`)));
    }
    now() {
        return (this.options.now ?? Date.now)();
    }
    progress(done) {
        const now = this.now();
        if (!done && now - this.lastEvent < (this.options.progressIntervalMs ?? 1000))
            return;
        this.lastEvent = now;
        const elapsedMs = now - this.started;
        const rate = elapsedMs > 0 ? Math.round((this.bytes * 1000) / elapsedMs) : 0;
        this.options.onProgress?.({
            bytes: this.bytes,
            ...(this.total !== undefined ? { total: this.total } : {}),
            rate,
            elapsedMs,
            done,
        });
    }
    _transform(chunk, _encoding, callback) {
        for (const [, hash] of this.hashes)
            hash.update(chunk);
        this.bytes += chunk.length;
        this.progress(false);
        callback(null, chunk);
    }
    _flush(callback) {
        const digests = {};
        for (const [algorithm, hash] of this.hashes)
            digests[algorithm] = hash.digest('hex');
        this.progress(true);
        const actual = this.expected ? digests[this.expected.algorithm] : undefined;
        if (this.expected && actual !== this.expected.hex) {
            callback(new ChecksumMismatchError(this.url, this.expected.algorithm, this.expected.hex, actual ?? ''));
            return;
        }
        this.resolveResult({ bytes: this.bytes, digests });
        callback();
    }
}


/***/ }),

/***/ 8140:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   I9: () => (/* binding */ createUpstreamFetch),
/* harmony export */   R5: () => (/* binding */ SOURCE_TRUST_HINT),
/* harmony export */   kf: () => (/* binding */ createUpstreamHttp)
/* harmony export */ });
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(1455);
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_fs_promises__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var node_tls__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(1692);
/* harmony import */ var node_tls__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__webpack_require__.n(node_tls__WEBPACK_IMPORTED_MODULE_1__);
/* harmony import */ var _http_client_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(3456);
/* harmony import */ var _http_tls_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(7485);
// The HTTP client for image sources (HEAD checks, downloads, checksum files of
// `version: latest`). It never takes the cloud's TLS settings: a private
// `cacert` of the cloud would replace the CAs a public mirror needs, and
// `verify: false` for a lab cloud must not switch checks off for the internet.
// It trusts Node's default CAs, plus the CA bundle of `--source-cacert` when given.




const SOURCE_TRUST_HINT = 'image sources are checked against the system CAs; for a private CA give --source-cacert FILE (action input source-cacert)';
/** Node's default CAs: its bundled ones and NODE_EXTRA_CA_CERTS (Node 24 adds the OS store with --use-system-ca). */
async function defaultCertificates() {
    const getter = node_tls__WEBPACK_IMPORTED_MODULE_1__.getCACertificates;
    if (getter)
        return getter('default');
    const extra = process.env.NODE_EXTRA_CA_CERTS;
    // Node 20 drops NODE_EXTRA_CA_CERTS once `ca` is given; keep it as Node would without one.
    const extraPem = extra ? await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_0__.readFile)(extra, 'utf8').catch(() => '') : '';
    return [...node_tls__WEBPACK_IMPORTED_MODULE_1__.rootCertificates, ...(extraPem ? [extraPem] : [])];
}
/** The connection options for image sources: the default CAs plus the source CA, when one is given. */
async function upstreamTls(sourceCacert) {
    if (sourceCacert === undefined)
        return undefined;
    const ca = [...(await defaultCertificates()), await (0,_http_tls_js__WEBPACK_IMPORTED_MODULE_3__/* .readPem */ .J)(sourceCacert, '--source-cacert')];
    return { ca, rejectUnauthorized: true };
}
/** The fetch for image sources (the url checks of `validate`). */
async function createUpstreamFetch(sourceCacert) {
    const tls = await upstreamTls(sourceCacert);
    return tls ? (0,_http_tls_js__WEBPACK_IMPORTED_MODULE_3__/* .fetchWithTls */ .w)(tls) : globalThis.fetch;
}
/** An Http for image sources, with the same retries and timeouts as the cloud's client. */
async function createUpstreamHttp(options = {}) {
    const { sourceCacert, ...http } = options;
    const tls = options.fetch ? undefined : await upstreamTls(sourceCacert);
    return (0,_http_client_js__WEBPACK_IMPORTED_MODULE_2__/* .createHttp */ .V0)({ ...http, ...(tls ? { tls } : {}), trustHint: SOURCE_TRUST_HINT });
}


/***/ })

};
