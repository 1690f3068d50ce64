export const id = 76;
export const ids = [76];
export const modules = {

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


/***/ }),

/***/ 7961:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   o: () => (/* binding */ safeJson)
/* harmony export */ });
// The one JSON writer for every `--output json`, every JSON the action sets as
// an output and every JSON file we write. A `run:` step that prints it, or a
// log that shows it, reads no workflow command and no acting character in it:
// inside strings every character beyond printable ASCII (controls, CR/LF,
// U+2028/2029, bidi controls) is a \u escape, and so are the pieces of the
// runner's command forms (`::`, `##[`) and `%` (its command value escape).
// Parsers read back exactly the same values.
// A JSON string token: what JSON.stringify writes between quotes.
const STRING = /"(?:[^"\\]|\\.)*"/g;
// Escaped wherever they stand in a string: `%`, the `[` of `##[`, the second `:` of `::`.
const ACTING = /[^\x20-\x7e]|%|(?<=##)\[|(?<=:):/g;
const unicodeEscape = (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`;
/** `value` as JSON (indented by 2, or on one line with `compact`) that no reader acts on. */
function safeJson(value, options = {}) {
    const text = JSON.stringify(value, null, options.compact ? undefined : 2) ?? 'null';
    return text.replace(STRING, (token) => token.replace(ACTING, unicodeEscape));
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


/***/ }),

/***/ 4865:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Ng: () => (/* binding */ parseManifest),
/* harmony export */   Q2: () => (/* binding */ bareChecksum),
/* harmony export */   ZQ: () => (/* binding */ findChecksum),
/* harmony export */   lf: () => (/* binding */ checksumOf),
/* harmony export */   md: () => (/* binding */ lastModifiedVersion),
/* harmony export */   rH: () => (/* binding */ formatChecksum)
/* harmony export */ });
const HEX = /^(?:[0-9a-f]{32}|[0-9a-f]{40}|[0-9a-f]{64}|[0-9a-f]{128})$/i;
const ALGO_BY_LENGTH = {
    32: 'md5',
    40: 'sha1',
    64: 'sha256',
    128: 'sha512',
};
/** Stronger first: a name listed with several algorithms gets the strongest. */
const STRENGTH = { md5: 0, sha1: 1, sha256: 2, sha512: 3 };
/** `SHA256`, `sha-512`, `SHA2-256` -> the algorithm; null for one we do not check (BLAKE2b, ...). */
function algorithmOfTag(tag) {
    const t = tag
        .toLowerCase()
        .replace(/^sha2-/, 'sha')
        .replace(/-/g, '');
    return t === 'md5' || t === 'sha1' || t === 'sha256' || t === 'sha512' ? t : null;
}
/** The signed text of a PGP clear-signed message, dash-escaping undone; other text as it is. */
function unarmor(lines) {
    const begin = lines.findIndex((l) => l === '-----BEGIN PGP SIGNED MESSAGE-----');
    if (begin < 0)
        return lines;
    let i = begin + 1;
    while (i < lines.length && lines[i] !== '')
        i++; // armour headers (Hash: SHA256) end at a blank line
    const end = lines.findIndex((l, n) => n > i && l === '-----BEGIN PGP SIGNATURE-----');
    return lines.slice(i + 1, end < 0 ? lines.length : end).map((l) => l.replace(/^- /, ''));
}
/** Every entry of a manifest, in order. Lines that are no entry are skipped. */
function parseManifest(text) {
    const lines = unarmor(text.split(/\r\n|\r|\n/).map((l) => l.trim()));
    const entries = [];
    /** Algorithm of the current `# SHA512 HASH` section; null inside an unknown one; undefined outside. */
    let section;
    for (const line of lines) {
        if (line === '' || line.startsWith('-----'))
            continue;
        if (line.startsWith('#')) {
            const header = /^#\s*([\w-]+)\s+HASH\s*$/i.exec(line);
            if (header)
                section = algorithmOfTag(header[1]);
            continue;
        }
        const bsd = /^([\w-]+)\s*\((.+)\)\s*=\s*([0-9a-fA-F]+)$/.exec(line);
        if (bsd) {
            const algorithm = algorithmOfTag(bsd[1]);
            const hex = bsd[3].toLowerCase();
            if (algorithm && HEX.test(hex) && ALGO_BY_LENGTH[hex.length] === algorithm) {
                entries.push({ name: cleanName(bsd[2]), checksum: { algorithm, hex } });
            }
            continue;
        }
        const gnu = /^([0-9a-fA-F]+)(?:\s+(.+))?$/.exec(line);
        if (!gnu || !HEX.test(gnu[1]) || section === null)
            continue;
        const hex = gnu[1].toLowerCase();
        const algorithm = ALGO_BY_LENGTH[hex.length];
        if (section !== undefined && section !== algorithm)
            continue;
        entries.push({ name: cleanName(gnu[2] ?? ''), checksum: { algorithm, hex } });
    }
    return entries;
}
const cleanName = (name) => name.replace(/^\*/, '').replace(/^\.\//, '');
/** The checksum of `name`: the strongest algorithm listed for it, the last line of equals. */
function checksumOf(entries, name) {
    let best = null;
    for (const entry of entries) {
        if (entry.name !== name)
            continue;
        if (!best || STRENGTH[entry.checksum.algorithm] >= STRENGTH[best.algorithm])
            best = entry.checksum;
    }
    return best;
}
/** `<algo>:<hex>` as the catalog writes it. */
const formatChecksum = (c) => `${c.algorithm}:${c.hex}`;
/** The digest a manifest gives for `filename`, or null when it has none. */
function findChecksum(manifest, filename) {
    return checksumOf(parseManifest(manifest), filename)?.hex ?? null;
}
/** A file that holds one bare digest (and maybe a file name after it). */
function bareChecksum(text) {
    return parseManifest(text)[0]?.checksum.hex ?? null;
}
/** `Tue, 30 Apr 2024 12:00:00 GMT` -> `20240430`; null when unreadable. */
function lastModifiedVersion(header) {
    if (!header)
        return null;
    const time = Date.parse(header);
    return Number.isNaN(time) ? null : new Date(time).toISOString().slice(0, 10).replace(/-/g, '');
}


/***/ }),

/***/ 7970:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   fV: () => (/* binding */ HttpCache)
/* harmony export */ });
/* unused harmony exports CACHE_FILE, DEFAULT_CACHE_MAX_BYTES, MAX_IDLE_RUNS, isStrongEtag, isUsableDate */
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(7598);
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_crypto__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(1455);
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__webpack_require__.n(node_fs_promises__WEBPACK_IMPORTED_MODULE_1__);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(6760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_2___default = /*#__PURE__*/__webpack_require__.n(node_path__WEBPACK_IMPORTED_MODULE_2__);
/* harmony import */ var _problems_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(2095);
// The conditional-request cache of `update`: per url the validators (ETag,
// Last-Modified) and what the reader took from the response, so an unchanged
// upstream answers 304 and costs no body. One JSON file, read at the start and
// written atomically at the end; a damaged file only means a cold start.




const CACHE_FILE = 'upstream-http-cache.json';
/** Bounds the file whatever an upstream sends: listings are already capped per response. */
const DEFAULT_CACHE_MAX_BYTES = 64 * 1024 * 1024;
/** An entry no run asked for this many times in a row goes (last week's build folders). */
const MAX_IDLE_RUNS = 4;
const FORMAT = 1;
const keyOf = (method, url) => `${method} ${url}`;
/**
 * A strong entity tag (RFC 9110 8.8.3): quoted, not weak. `*` would match any
 * current body and a weak tag any equivalent one, so a 304 to either pins
 * whatever body was stored, for ever.
 */
const isStrongEtag = (etag) => /^"[\x21\x23-\x7e\x80-\xff]*"$/.test(etag);
/** Clock skew allowed for a Last-Modified; one later than that would pin the body like `*`. */
const SKEW_MS = 24 * 60 * 60 * 1000;
/** An HTTP date that is not in the future: If-Modified-Since with it cannot outlive changes. */
const isUsableDate = (value, now = Date.now()) => {
    const time = Date.parse(value);
    return !Number.isNaN(time) && time <= now + SKEW_MS;
};
/** The validators worth keeping from response headers; none when neither is usable. */
function validatorsOf(headers) {
    const etag = headers.get('etag') ?? undefined;
    const lastModified = headers.get('last-modified') ?? undefined;
    return {
        ...(etag !== undefined && isStrongEtag(etag) ? { etag } : {}),
        ...(lastModified !== undefined && isUsableDate(lastModified) ? { lastModified } : {}),
    };
}
const sizeOf = (key, entry) => Buffer.byteLength(JSON.stringify([key, entry]));
function isEntry(key, value) {
    if (typeof value !== 'object' || value === null || Array.isArray(value))
        return false;
    const e = value;
    const optionalString = (k) => e[k] === undefined || typeof e[k] === 'string';
    return (optionalString('etag') &&
        optionalString('lastModified') &&
        optionalString('body') &&
        (e.etag === undefined || isStrongEtag(e.etag)) &&
        (e.lastModified === undefined || isUsableDate(e.lastModified)) &&
        (e.idle === undefined || (Number.isInteger(e.idle) && e.idle >= 0)) &&
        // A GET entry answers a 304 with its body: without one it is of no use.
        (typeof e.body === 'string' || !key.startsWith('GET ')) &&
        (e.etag !== undefined || e.lastModified !== undefined));
}
class HttpCache {
    file;
    maxBytes;
    warn;
    entries = new Map();
    /** Keys used in this run: kept first when the cap forces a choice. */
    used = new Set();
    size = 0;
    changed = false;
    constructor(file, maxBytes, warn) {
        this.file = file;
        this.maxBytes = maxBytes;
        this.warn = warn;
    }
    /** Reads `dir`/upstream-http-cache.json; a missing file is a cold start, a bad one a warning. */
    static async open(dir, options) {
        const cache = new HttpCache(node_path__WEBPACK_IMPORTED_MODULE_2___default().join(dir, CACHE_FILE), options.maxBytes ?? DEFAULT_CACHE_MAX_BYTES, options.warn);
        await cache.load();
        return cache;
    }
    async load() {
        let text;
        try {
            // Checked before reading: a planted huge file must not cost the memory it claims.
            if ((await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_1__.stat)(this.file)).size > this.maxBytes + 1024) {
                this.warn(`${this.file} is larger than the cache may grow (${this.maxBytes} bytes): ignored, starting cold`);
                return;
            }
            text = await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_1__.readFile)(this.file, 'utf8');
        }
        catch (error) {
            if (error.code === 'ENOENT')
                return;
            this.warn(`cannot read ${this.file} (${(0,_problems_js__WEBPACK_IMPORTED_MODULE_3__/* .getErrorMessage */ .u1)(error)}): starting cold`);
            return;
        }
        let data;
        try {
            data = JSON.parse(text);
        }
        catch {
            data = undefined;
        }
        const entries = data?.entries;
        if (data?.format !== FORMAT ||
            typeof entries !== 'object' ||
            entries === null ||
            !Object.entries(entries).every(([key, entry]) => isEntry(key, entry))) {
            this.warn(`${this.file} is not a cache this version wrote: ignored, starting cold`);
            return;
        }
        for (const [key, entry] of Object.entries(entries)) {
            this.entries.set(key, entry);
            this.size += sizeOf(key, entry);
        }
    }
    /** The entry to revalidate, if any; marks it as used by this run. */
    get(method, url) {
        const key = keyOf(method, url);
        const entry = this.entries.get(key);
        if (entry)
            this.used.add(key);
        return entry;
    }
    /** Request headers that make the request conditional on `entry`. */
    static conditions(entry) {
        if (!entry)
            return {};
        // Checked again when sent: never `If-None-Match: *`, whatever the file held.
        return {
            ...(entry.etag !== undefined && isStrongEtag(entry.etag)
                ? { 'If-None-Match': entry.etag }
                : {}),
            ...(entry.lastModified !== undefined && isUsableDate(entry.lastModified)
                ? { 'If-Modified-Since': entry.lastModified }
                : {}),
        };
    }
    /** Records a 200: replaces the entry, or drops it when the response has no usable validator. */
    put(method, url, headers, body) {
        const key = keyOf(method, url);
        this.drop(key);
        const validators = validatorsOf(headers);
        if (validators.etag === undefined && validators.lastModified === undefined)
            return;
        const entry = { ...validators, ...(body !== undefined ? { body } : {}) };
        this.store(key, entry);
    }
    /**
     * Records a 304 (RFC 9111 4.3.4): the validators it sends replace the stored
     * ones, so the next request asks about what the server holds now.
     */
    revalidated(method, url, headers) {
        const key = keyOf(method, url);
        const old = this.entries.get(key);
        if (!old)
            return;
        const fresh = validatorsOf(headers);
        if (fresh.etag === undefined && fresh.lastModified === undefined)
            return;
        const entry = { ...old, ...fresh };
        if (entry.etag === old.etag && entry.lastModified === old.lastModified)
            return;
        this.drop(key);
        this.store(key, entry);
    }
    /** Drops what is stored for `url` (a body that did not parse must not answer the next 304). */
    forget(url) {
        this.drop(keyOf('GET', url));
        this.drop(keyOf('HEAD', url));
    }
    store(key, entry) {
        if (!this.makeRoom(sizeOf(key, entry)))
            return;
        this.set(key, entry);
        this.used.add(key);
    }
    set(key, entry) {
        this.drop(key);
        this.entries.set(key, entry);
        this.size += sizeOf(key, entry);
        this.changed = true;
    }
    drop(key) {
        const old = this.entries.get(key);
        if (!old)
            return;
        this.entries.delete(key);
        this.size -= sizeOf(key, old);
        this.changed = true;
    }
    /** Evicts entries this run did not use until `size` more fits; false if it cannot. */
    makeRoom(size) {
        if (size > this.maxBytes)
            return false;
        for (const key of [...this.entries.keys()]) {
            if (this.size + size <= this.maxBytes)
                break;
            if (!this.used.has(key))
                this.drop(key);
        }
        return this.size + size <= this.maxBytes;
    }
    /** Counts the runs each entry went unasked, so urls no definition reads any more age out. */
    age() {
        for (const [key, entry] of [...this.entries]) {
            const { idle, ...rest } = entry;
            if (this.used.has(key)) {
                if (idle !== undefined)
                    this.set(key, rest);
            }
            else if ((idle ?? 0) + 1 >= MAX_IDLE_RUNS)
                this.drop(key);
            else
                this.set(key, { ...rest, idle: (idle ?? 0) + 1 });
        }
    }
    /**
     * Ends the run: ages the entries, then writes the file (temp file + rename, so a
     * reader never sees half of it) when something changed. Returns whether it
     * wrote; a failure is a warning.
     */
    async save() {
        this.age();
        if (!this.changed)
            return false;
        const temp = `${this.file}.${process.pid}.${(0,node_crypto__WEBPACK_IMPORTED_MODULE_0__.randomBytes)(4).toString('hex')}.tmp`;
        try {
            await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_1__.mkdir)(node_path__WEBPACK_IMPORTED_MODULE_2___default().dirname(this.file), { recursive: true });
            await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_1__.writeFile)(temp, JSON.stringify({ format: FORMAT, entries: Object.fromEntries(this.entries) }));
            await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_1__.rename)(temp, this.file);
            this.changed = false;
            return true;
        }
        catch (error) {
            await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_1__.rm)(temp, { force: true }).catch(() => undefined);
            this.warn(`cannot write ${this.file} (${(0,_problems_js__WEBPACK_IMPORTED_MODULE_3__/* .getErrorMessage */ .u1)(error)}): the next run starts cold`);
            return false;
        }
    }
}


/***/ }),

/***/ 6170:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   WF: () => (/* binding */ createReader),
/* harmony export */   gA: () => (/* binding */ UpstreamError),
/* harmony export */   t1: () => (/* binding */ DEFAULT_TIMEOUT_MS)
/* harmony export */ });
/* unused harmony exports DEFAULT_MAX_BYTES, DEFAULT_CONCURRENCY */
/* harmony import */ var _problems_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(2095);
/* harmony import */ var _limiter_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(1555);
/* harmony import */ var _http_cache_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(7970);



const DEFAULT_TIMEOUT_MS = 30_000;
/** Listings and manifests are small (the largest real one, CentOS Stream's CHECKSUM, is ~40 KB). */
const DEFAULT_MAX_BYTES = 4 * 1024 * 1024;
const DEFAULT_CONCURRENCY = 8;
/** Something upstream could not be read or did not hold what it should; names the url. */
class UpstreamError extends Error {
    url;
    name = 'UpstreamError';
    constructor(message, url) {
        super(message);
        this.url = url;
    }
}
async function readBounded(body, maxBytes, url, what) {
    if (!body)
        return '';
    const chunks = [];
    let size = 0;
    try {
        for await (const value of body) {
            size += value.byteLength;
            if (size > maxBytes) {
                throw new UpstreamError(`${what} ${url} is larger than ${maxBytes} bytes: not a listing or manifest`, url);
            }
            chunks.push(value);
        }
    }
    finally {
        body.destroy();
    }
    return new TextDecoder('utf-8').decode(Buffer.concat(chunks));
}
function createReader(options) {
    const ctx = {
        http: options.http,
        cache: options.cache,
        timeoutMs: options.timeoutMs ?? DEFAULT_TIMEOUT_MS,
        maxBytes: options.maxBytes ?? DEFAULT_MAX_BYTES,
        slot: (0,_limiter_js__WEBPACK_IMPORTED_MODULE_2__/* .limiter */ .T)(options.concurrency ?? DEFAULT_CONCURRENCY),
    };
    return {
        text: (url, what) => withDeadline(ctx, url, what, (signal) => getText(ctx, url, what, signal)),
        lastModified: (url) => withDeadline(ctx, url, 'the image', (signal) => headLastModified(ctx, url, signal)),
        head: (url) => withDeadline(ctx, url, 'the object', async (signal) => {
            const response = await ctx.http.request({
                method: 'HEAD',
                url,
                headers: { Accept: '*/*' },
                expected: [200],
                responseType: 'none',
                timeoutMs: 0,
                signal,
            });
            return response.headers;
        }),
        forget: (url) => ctx.cache?.forget(url),
    };
}
/** Runs one request with a deadline over headers and body alike. */
async function withDeadline({ slot, timeoutMs }, url, what, work) {
    return slot(async () => {
        const controller = new AbortController();
        const timer = setTimeout(() => controller.abort(), timeoutMs);
        try {
            return await work(controller.signal);
        }
        catch (error) {
            if (error instanceof UpstreamError)
                throw error;
            if (controller.signal.aborted) {
                throw new UpstreamError(`${what} ${url}: timed out after ${timeoutMs / 1000} s`, url);
            }
            // The client's errors name the method, the url and the reason (404, refused, TLS).
            throw new UpstreamError(`cannot read ${what}: ${(0,_problems_js__WEBPACK_IMPORTED_MODULE_0__/* .getErrorMessage */ .u1)(error)}`, url);
        }
        finally {
            clearTimeout(timer);
        }
    });
}
async function getText({ http, cache, maxBytes }, url, what, signal) {
    const cached = cache?.get('GET', url);
    const response = await http.request({
        method: 'GET',
        url,
        headers: { Accept: '*/*', ..._http_cache_js__WEBPACK_IMPORTED_MODULE_1__/* .HttpCache */ .fV.conditions(cached) },
        expected: cached ? [200, 304] : [200],
        responseType: 'stream',
        timeoutMs: 0,
        signal,
    });
    if (response.status === 304 && cached) {
        response.body?.resume(); // no body: the connection stays reusable
        cache?.revalidated('GET', url, response.headers);
        return { url, text: cached.body ?? '', lastModified: cached.lastModified ?? null };
    }
    const length = Number(response.headers.get('content-length') ?? 0);
    if (length > maxBytes) {
        response.body?.destroy();
        throw new UpstreamError(`${what} ${url} has ${length} bytes, more than the ${maxBytes} a listing or manifest may have`, url);
    }
    const text = await readBounded(response.body, maxBytes, url, what);
    cache?.put('GET', url, response.headers, text);
    return { url, text, lastModified: response.headers.get('last-modified') };
}
async function headLastModified({ http, cache }, url, signal) {
    const cached = cache?.get('HEAD', url);
    const response = await http.request({
        method: 'HEAD',
        url,
        headers: { Accept: '*/*', ..._http_cache_js__WEBPACK_IMPORTED_MODULE_1__/* .HttpCache */ .fV.conditions(cached) },
        expected: cached ? [200, 304] : [200],
        responseType: 'none',
        timeoutMs: 0,
        signal,
    });
    if (response.status === 304 && cached) {
        cache?.revalidated('HEAD', url, response.headers);
        return cache?.get('HEAD', url)?.lastModified ?? cached.lastModified ?? null;
    }
    cache?.put('HEAD', url, response.headers);
    return response.headers.get('last-modified');
}


/***/ }),

/***/ 8691:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   L: () => (/* binding */ loadSignatureCheck),
/* harmony export */   P: () => (/* binding */ verifyChecksumFile)
/* harmony export */ });
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(1455);
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_fs_promises__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(6760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__webpack_require__.n(node_path__WEBPACK_IMPORTED_MODULE_1__);
/* harmony import */ var _download_file_url_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(4716);
/* harmony import */ var _definitions_key_files_js__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(9675);
/* harmony import */ var _problems_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(2095);
/* harmony import */ var _reader_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(6170);
// OpenPGP signatures of upstream checksum files (a definition's
// checksum_signature): the trusted keys are read from armored key files in
// the catalog and kept only where their fingerprint is listed; the checksum
// file is then used only as the signature vouches for it, and only the signed
// text is parsed (what surrounds a clear-signed block is ignored). Verifying
// is done by the maintained `openpgp` library, never by hand.






/** Loaded on first use: plan and validate of a catalog without signatures never pay for it. */
let library;
const pgp = () => (library ??= __webpack_require__.e(/* import() */ 74).then(__webpack_require__.bind(__webpack_require__, 3074)));
const CLEARSIGNED = '-----BEGIN PGP SIGNED MESSAGE-----';
const ARMORED_SIGNATURE = '-----BEGIN PGP SIGNATURE-----';
const ARMORED_KEY_BLOCK = /-----BEGIN PGP (?:PUBLIC|PRIVATE) KEY BLOCK-----[\s\S]*?-----END PGP (?:PUBLIC|PRIVATE) KEY BLOCK-----/g;
const MAX_KEY_FILE_BYTES = 1024 * 1024;
const fingerprintOf = (key) => key.getFingerprint().toUpperCase();
/**
 * The trusted keys of a definition: every listed fingerprint must be the
 * primary key of one of the key files; other keys of those files are not
 * trusted. Throws an Error naming the definition file and what to do.
 */
async function loadSignatureCheck(def) {
    const setting = def.checksum_signature;
    if (!setting)
        return undefined;
    const where = `${def.position.file}:${def.position.line} (${def.name})`;
    const found = new Map();
    for (const keyPath of setting.keys) {
        for (const key of await readKeyFile(keyPath, def.position.file, where))
            found.set(fingerprintOf(key), key);
    }
    const keys = setting.fingerprints.map((fingerprint) => {
        const key = found.get(fingerprint);
        if (!key)
            throw new Error(`${where}: checksum_signature trusts ${fingerprint}, but no key file (${setting.keys.join(', ')}) holds that primary key: add its armored public key to the catalog`);
        return key;
    });
    return { signature: setting.signature, keys };
}
async function readKeyFile(keyPath, definitionFile, where) {
    let text;
    try {
        const file = await (0,_download_file_url_js__WEBPACK_IMPORTED_MODULE_2__/* .readableFileUrlPath */ .HK)((0,_definitions_key_files_js__WEBPACK_IMPORTED_MODULE_5__/* .keyFileUrl */ .r)(keyPath), node_path__WEBPACK_IMPORTED_MODULE_1___default().dirname(definitionFile));
        const buffer = await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_0__.readFile)(file);
        if (buffer.length > MAX_KEY_FILE_BYTES)
            throw new Error(`larger than ${MAX_KEY_FILE_BYTES} bytes`);
        text = buffer.toString('utf8');
    }
    catch (error) {
        throw new Error(`${where}: cannot read key file '${keyPath}': ${(0,_problems_js__WEBPACK_IMPORTED_MODULE_3__/* .getErrorMessage */ .u1)(error)}`);
    }
    const openpgp = await pgp();
    let keys;
    try {
        // One file may hold several armored blocks (keys exported one after another).
        const blocks = text.match(ARMORED_KEY_BLOCK) ?? [text];
        keys = (await Promise.all(blocks.map((armoredKeys) => openpgp.readKeys({ armoredKeys })))).flat();
    }
    catch (error) {
        throw new Error(`${where}: key file '${keyPath}' is not an ASCII-armored OpenPGP public key (${(0,_problems_js__WEBPACK_IMPORTED_MODULE_3__/* .getErrorMessage */ .u1)(error)}): export it with gpg --armor --export <fingerprint>`);
    }
    // A secret key has no place in a catalog repository: refuse it rather than use it.
    if (keys.some((k) => k.isPrivate()))
        throw new Error(`${where}: key file '${keyPath}' holds a private key: remove it from the repository and keep only the public key`);
    return keys.map((k) => k.toPublic());
}
/**
 * Verifies the checksum file `text` read from `url` and returns the text to
 * parse (the signed text) and the key that vouched. Throws UpstreamError
 * naming the url when the signature is missing, bad or by a key not trusted.
 */
async function verifyChecksumFile(check, url, text, fetchSignature, now = new Date()) {
    if (check.signature === 'clearsigned') {
        if (!text.includes(CLEARSIGNED))
            throw new _reader_js__WEBPACK_IMPORTED_MODULE_4__/* .UpstreamError */ .gA(`${url} is not clear-signed (no PGP signed message in it), but checksum_signature says it is: no checksum from it is used`, url);
        return verifyClearsigned(check, url, text, now);
    }
    const signatureUrl = `${url}${check.signature}`;
    let signed;
    try {
        signed = await fetchSignature(signatureUrl);
    }
    catch (error) {
        throw new _reader_js__WEBPACK_IMPORTED_MODULE_4__/* .UpstreamError */ .gA(`the signature ${signatureUrl} of ${url} cannot be read (${(0,_problems_js__WEBPACK_IMPORTED_MODULE_3__/* .getErrorMessage */ .u1)(error)}): no checksum from it is used`, signatureUrl);
    }
    // A signed copy of the checksum file (AlmaLinux's CHECKSUM.asc): its signed text is what counts.
    if (signed.includes(CLEARSIGNED))
        return verifyClearsigned(check, signatureUrl, signed, now);
    if (!signed.includes(ARMORED_SIGNATURE))
        throw new _reader_js__WEBPACK_IMPORTED_MODULE_4__/* .UpstreamError */ .gA(`${signatureUrl} is not an ASCII-armored OpenPGP signature: no checksum from ${url} is used`, signatureUrl);
    const openpgp = await pgp();
    const message = await openpgp.createMessage({ binary: new TextEncoder().encode(text) });
    const signature = await readPart(() => openpgp.readSignature({ armoredSignature: signed }), signatureUrl);
    const voucher = await vouch(check, signatureUrl, now, () => openpgp.verify({ message, signature, verificationKeys: check.keys, date: now }));
    return { text, voucher };
}
async function verifyClearsigned(check, url, text, now) {
    const openpgp = await pgp();
    const message = await readPart(() => openpgp.readCleartextMessage({ cleartextMessage: text }), url);
    const voucher = await vouch(check, url, now, () => openpgp.verify({ message, verificationKeys: check.keys, date: now }));
    return { text: message.getText(), voucher };
}
async function readPart(read, url) {
    try {
        return await read();
    }
    catch (error) {
        throw new _reader_js__WEBPACK_IMPORTED_MODULE_4__/* .UpstreamError */ .gA(`the signature in ${url} cannot be read (${(0,_problems_js__WEBPACK_IMPORTED_MODULE_3__/* .getErrorMessage */ .u1)(error)}): no checksum from it is used`, url);
    }
}
/** The trusted key that made a good signature, valid now; else an error saying why none did. */
async function vouch(check, url, now, verify) {
    let result;
    try {
        result = await verify();
    }
    catch (error) {
        throw new _reader_js__WEBPACK_IMPORTED_MODULE_4__/* .UpstreamError */ .gA(`the signature in ${url} cannot be checked: ${(0,_problems_js__WEBPACK_IMPORTED_MODULE_3__/* .getErrorMessage */ .u1)(error)}`, url);
    }
    // Signatures passed over (unknown key, or after a good one) must not leave a rejection unhandled.
    for (const { verified } of result.signatures)
        verified.catch(() => undefined);
    const reasons = [];
    for (const { keyID, verified } of result.signatures) {
        const key = check.keys.find((k) => k.getKeyIDs().some((id) => id.equals(keyID)));
        if (!key) {
            reasons.push(`made by key ${keyID.toHex().toUpperCase()}, which is not a trusted fingerprint`);
            continue;
        }
        try {
            await verified;
            // The key must still be valid today (not expired, not revoked), not only when it signed.
            await key.getSigningKey(keyID, now);
            return { fingerprint: fingerprintOf(key), userId: await userIdOf(key, now) };
        }
        catch (error) {
            reasons.push(`by ${fingerprintOf(key)}: ${(0,_problems_js__WEBPACK_IMPORTED_MODULE_3__/* .getErrorMessage */ .u1)(error)}`);
        }
    }
    throw new _reader_js__WEBPACK_IMPORTED_MODULE_4__/* .UpstreamError */ .gA(`the signature in ${url} does not hold (${reasons.join('; ') || 'no signature in it'}): no checksum from it is used`, url);
}
async function userIdOf(key, now) {
    try {
        return (await key.getPrimaryUser(now)).user.userID?.userID ?? '';
    }
    catch {
        return key.getUserIDs()[0] ?? '';
    }
}


/***/ })

};
