export const id = 301;
export const ids = [301,170];
export const modules = {

/***/ 4585:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   j: () => (/* binding */ mib),
/* harmony export */   o: () => (/* binding */ progressLine)
/* harmony export */ });
const MiB = 1024 * 1024;
const mib = (bytes) => `${(bytes / MiB).toFixed(1)} MiB`;
function progressLine(label, p) {
    const total = p.total !== undefined ? ` of ${mib(p.total)}` : '';
    return `  ${label}: ${mib(p.bytes)}${total} at ${mib(p.rate)}/s`;
}


/***/ }),

/***/ 170:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   nodeTransport: () => (/* binding */ nodeTransport),
/* harmony export */   toHeaders: () => (/* binding */ toHeaders)
/* harmony export */ });
/* harmony import */ var node_http__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(7067);
/* harmony import */ var node_http__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_http__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var node_https__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(4708);
/* harmony import */ var node_https__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__webpack_require__.n(node_https__WEBPACK_IMPORTED_MODULE_1__);
/* harmony import */ var node_stream__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(7075);
/* harmony import */ var node_stream__WEBPACK_IMPORTED_MODULE_2___default = /*#__PURE__*/__webpack_require__.n(node_stream__WEBPACK_IMPORTED_MODULE_2__);
/* harmony import */ var node_stream_promises__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(6466);
/* harmony import */ var node_stream_promises__WEBPACK_IMPORTED_MODULE_3___default = /*#__PURE__*/__webpack_require__.n(node_stream_promises__WEBPACK_IMPORTED_MODULE_3__);
// Image bytes over node:http(s) instead of fetch: an upload goes to the socket
// chunk by chunk, a download arrives as the socket's own buffers, with no web
// stream and no copy in between. Profiles of a 1 GiB mirror and of a streamed
// import put fetch's streams at about 0.6 to 0.9 CPU s per GiB more than this,
// on a path where the CPU is the limit. TLS settings are the client's.




/** As many as fetch follows. */
const MAX_REDIRECTS = 20;
const REDIRECTS = new Set([301, 302, 303, 307, 308]);
/** A connection silent this long is cut, before or during the body (fetch's body timeout too). */
const IDLE_TIMEOUT_MS = 300_000;
function nodeTransport(tls = {}, idleMs = IDLE_TIMEOUT_MS) {
    const agent = new node_https__WEBPACK_IMPORTED_MODULE_1__.Agent({ keepAlive: true, ...tls });
    return async (url, exchange) => {
        let current = url;
        let headers = exchange.headers;
        for (let hop = 0;; hop++) {
            const response = await send(current, { ...exchange, headers }, { agent, idleMs });
            const location = response.headers.location;
            const status = response.statusCode ?? 0;
            if (!exchange.follow || !REDIRECTS.has(status) || location === undefined)
                return reply(current, response);
            response.resume();
            if (hop === MAX_REDIRECTS)
                throw new Error(`${exchange.method} ${url.origin}: more than ${MAX_REDIRECTS} redirects`);
            const next = new URL(location, current);
            // Credentials go only to the origin they were given for, as fetch does.
            if (next.origin !== current.origin)
                headers = withoutAuthorization(headers);
            current = next;
        }
    };
}
/** One request; resolves with the response as soon as its head arrives. */
function send(url, exchange, { agent, idleMs }) {
    const secure = url.protocol === 'https:';
    return new Promise((resolve, reject) => {
        let response;
        const request = (secure ? node_https__WEBPACK_IMPORTED_MODULE_1__.request : node_http__WEBPACK_IMPORTED_MODULE_0__.request)(url, {
            method: exchange.method,
            headers: exchange.headers,
            ...(secure ? { agent } : {}),
            ...(exchange.signal ? { signal: exchange.signal } : {}),
        }, (head) => resolve((response = head)));
        request.once('error', reject);
        request.setTimeout(idleMs, () => {
            const error = Object.assign(new Error(`no data for ${idleMs / 1000} s`), {
                code: 'ETIMEDOUT',
            });
            request.destroy(error);
            response?.destroy(error);
        });
        const { body } = exchange;
        if (body === undefined || typeof body === 'string' || body instanceof Uint8Array)
            request.end(body);
        // Back-pressure both ways; a failing source destroys the request (and the reverse).
        else
            (0,node_stream_promises__WEBPACK_IMPORTED_MODULE_3__.pipeline)(node_stream__WEBPACK_IMPORTED_MODULE_2__.Readable.from(body, { objectMode: false }), request).catch(reject);
    });
}
function reply(url, response) {
    return {
        status: response.statusCode ?? 0,
        headers: toHeaders(response.headers),
        url: url.toString(),
        text: async () => {
            const chunks = [];
            for await (const chunk of response)
                chunks.push(chunk);
            return Buffer.concat(chunks).toString('utf8');
        },
        discard: () => (0,node_stream_promises__WEBPACK_IMPORTED_MODULE_3__.finished)(response.resume()),
        stream: () => response,
    };
}
function toHeaders(raw) {
    const headers = new Headers();
    for (const [name, value] of Object.entries(raw))
        for (const v of Array.isArray(value) ? value : value === undefined ? [] : [value])
            headers.append(name, v);
    return headers;
}
function withoutAuthorization(headers) {
    return Object.fromEntries(Object.entries(headers).filter(([name]) => name.toLowerCase() !== 'authorization'));
}


/***/ }),

/***/ 7907:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   M: () => (/* binding */ decideUpload),
/* harmony export */   x: () => (/* binding */ publicChecksum)
/* harmony export */ });
// Whether a build must be uploaded: the object's checksum metadata is the proof
// that it holds this build.
/**
 * Skip when the object carries the expected checksum; without an expected one,
 * any checksum the mirror recorded will do (it was verified when it was written).
 */
function decideUpload(existing, expected) {
    if (existing === null)
        return { action: 'upload', reason: 'not mirrored yet' };
    const have = existing.checksum?.trim().toLowerCase();
    if (have === undefined || have === '')
        return { action: 'upload', reason: 'the object has no checksum metadata' };
    if (expected === undefined)
        return { action: 'skip', reason: `mirrored (${have})` };
    if (have === expected.trim().toLowerCase())
        return { action: 'skip', reason: 'mirrored with the same checksum' };
    return { action: 'upload', reason: `the object holds another build (${have})` };
}
/**
 * The `checksum` metadata of an object as its public url shows it: S3 sends
 * user metadata as x-amz-meta-*, Swift (its own API) as x-object-meta-*.
 */
function publicChecksum(headers) {
    return headers.get('x-amz-meta-checksum') ?? headers.get('x-object-meta-checksum') ?? undefined;
}


/***/ }),

/***/ 3640:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   C: () => (/* binding */ mirrorTargets),
/* harmony export */   i: () => (/* binding */ mirrorBuild)
/* harmony export */ });
/* harmony import */ var _download_download_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(9130);
/* harmony import */ var _problems_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(2095);
/* harmony import */ var _decide_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(7907);
/* harmony import */ var _key_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(1228);




/** Every version of the definitions (that match `filter`) with its key; versions without one as errors. */
function mirrorTargets(definitions, prefix, filter) {
    const targets = [];
    const errors = [];
    for (const def of definitions) {
        if (filter && !filter.test(def.name))
            continue;
        for (const v of def.versions) {
            const key = (0,_key_js__WEBPACK_IMPORTED_MODULE_2__/* .mirrorKey */ .D9)(def, v, prefix);
            if (key instanceof Error) {
                errors.push(key.message);
                continue;
            }
            targets.push({
                image: def.name,
                version: v.version,
                url: v.url,
                ...(v.checksum ? { checksum: v.checksum } : {}),
                key,
            });
        }
    }
    return { targets, errors };
}
async function mirrorBuild(target, store, options = {}) {
    const now = options.now ?? Date.now;
    let stage = 'store';
    try {
        const decision = (0,_decide_js__WEBPACK_IMPORTED_MODULE_3__/* .decideUpload */ .M)(await store.head(target.key), target.checksum);
        if (decision.action === 'skip')
            return { status: 'skipped', target, reason: decision.reason };
        if (target.checksum === undefined)
            return {
                status: 'failed',
                target,
                stage: 'source',
                error: `${target.image} ${target.version} has no checksum: only builds verified on the way are mirrored`,
            };
        if (options.dryRun)
            return { status: 'would-upload', target, reason: decision.reason };
        const started = now();
        stage = 'source';
        const download = await (0,_download_download_js__WEBPACK_IMPORTED_MODULE_0__/* .openDownload */ .pi)(target.url, {
            expected: target.checksum,
            ...(options.http ? { http: options.http } : {}),
            ...(options.baseDir ? { baseDir: options.baseDir } : {}),
            ...(options.onProgress ? { onProgress: options.onProgress } : {}),
            ...(options.progressIntervalMs !== undefined
                ? { progressIntervalMs: options.progressIntervalMs }
                : {}),
            now,
        });
        // An upload that fails because its body failed is the source's fault.
        let bodyFailed = false;
        download.stream.once('error', () => (bodyFailed = true));
        stage = 'store';
        try {
            await store.upload({
                key: target.key,
                body: download.stream,
                metadata: { checksum: target.checksum.trim().toLowerCase() },
                ...(download.size !== undefined ? { size: download.size } : {}),
            });
        }
        finally {
            if (bodyFailed)
                stage = 'source';
        }
        stage = 'source';
        const result = await download.result;
        return { status: 'uploaded', target, bytes: result.bytes, elapsedMs: now() - started };
    }
    catch (error) {
        return { status: 'failed', target, error: (0,_problems_js__WEBPACK_IMPORTED_MODULE_1__/* .getErrorMessage */ .u1)(error), stage };
    }
}


/***/ }),

/***/ 1206:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  oT: () => (/* binding */ createS3Store)
});

// UNUSED EXPORTS: PART_SIZE, QUEUE_SIZE, describeS3Error

// EXTERNAL MODULE: ./src/http/client.ts + 2 modules
var client = __webpack_require__(3456);
// EXTERNAL MODULE: ./src/http/connection.ts
var connection = __webpack_require__(9886);
// EXTERNAL MODULE: ./src/http/error.ts
var http_error = __webpack_require__(4054);
// EXTERNAL MODULE: ./src/http/retry.ts
var retry = __webpack_require__(8902);
// EXTERNAL MODULE: external "node:http"
var external_node_http_ = __webpack_require__(7067);
// EXTERNAL MODULE: external "node:https"
var external_node_https_ = __webpack_require__(4708);
// EXTERNAL MODULE: ./src/http/attempt.ts
var attempt = __webpack_require__(8461);
// EXTERNAL MODULE: ./src/http/node-transport.ts
var node_transport = __webpack_require__(170);
;// CONCATENATED MODULE: ./src/mirror/put-bytes.ts
// One request whose body is a part already in memory, sent over node:http(s)
// instead of fetch: the chunks go to the socket as they are, in one corked
// write, with no web stream in between. Profiling the mirror of 1 GiB showed
// fetch's streamed request body (async iterable -> ReadableStream -> socket)
// costing about 1 CPU s per GiB more than this, mostly garbage collection.





/** Sends the bytes; a connection failure or timeout is a ConnectionError (its cause tells retries). */
function putBytes(request) {
    const { url, bytes } = request;
    const length = bytes.reduce((n, b) => n + b.length, 0);
    const send = url.protocol === 'https:' ? external_node_https_.request : external_node_http_.request;
    return new Promise((resolve, reject) => {
        const fail = (error) => {
            clearTimeout(timer);
            req.destroy();
            reject(new connection/* ConnectionError */.Rc(`${request.method} ${url.origin}${url.pathname}: ${(0,connection/* connectionReason */.R2)(error)}`, (0,connection/* connectionReason */.R2)(error), { cause: error }));
        };
        const req = send(url, { method: request.method, headers: { ...request.headers, 'content-length': `${length}` } }, (res) => {
            const chunks = [];
            res.on('data', (chunk) => chunks.push(chunk));
            res.once('error', fail);
            res.once('end', () => {
                clearTimeout(timer);
                resolve({
                    status: res.statusCode ?? 0,
                    headers: (0,node_transport.toHeaders)(res.headers),
                    text: Buffer.concat(chunks).toString('utf8'),
                });
            });
        });
        const timer = request.timeoutMs !== undefined && request.timeoutMs > 0
            ? setTimeout(() => fail((0,attempt/* timeoutError */.w2)(request.timeoutMs ?? 0)), request.timeoutMs)
            : undefined;
        req.once('error', fail);
        // The part is in memory anyway: queue it all (no copy) and let the socket write it in one go.
        req.cork();
        for (const chunk of bytes)
            req.write(chunk);
        req.uncork();
        req.end();
    });
}

// EXTERNAL MODULE: external "node:crypto"
var external_node_crypto_ = __webpack_require__(7598);
;// CONCATENATED MODULE: ./src/mirror/sigv4.ts
// AWS Signature Version 4 for S3 requests, with an unsigned payload: the
// headers are signed, the body is not hashed a second time (the build's own
// checksum is verified on the way, and the parts go over TLS where it matters).

const UNSIGNED_PAYLOAD = 'UNSIGNED-PAYLOAD';
/** RFC 3986 encoding, as SigV4 wants it (encodeURIComponent leaves !'()* alone). */
const encodeRfc3986 = (text) => encodeURIComponent(text).replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
const sha256Hex = (text) => (0,external_node_crypto_.createHash)('sha256').update(text).digest('hex');
const hmac = (key, text) => (0,external_node_crypto_.createHmac)('sha256', key).update(text).digest();
/** The query as SigV4 canonicalises it: pairs sorted, each part encoded, `k=` for no value. */
function canonicalQuery(url) {
    return [...url.searchParams]
        .map(([k, v]) => [encodeRfc3986(k), encodeRfc3986(v)])
        .sort(([a, x], [b, y]) => (a < b ? -1 : a > b ? 1 : x < y ? -1 : x > y ? 1 : 0))
        .map(([k, v]) => `${k}=${v}`)
        .join('&');
}
/** The headers to send: the request's own plus x-amz-date, x-amz-content-sha256 and Authorization. */
function signRequest(request, credentials, region, now) {
    const stamp = now.toISOString().replace(/[-:]|\.\d{3}/g, '');
    const day = stamp.slice(0, 8);
    const headers = {
        ...request.headers,
        'x-amz-content-sha256': UNSIGNED_PAYLOAD,
        'x-amz-date': stamp,
    };
    const signed = { ...headers, host: request.url.host };
    const names = Object.keys(signed)
        .map((n) => n.toLowerCase())
        .sort();
    const lower = Object.fromEntries(Object.entries(signed).map(([k, v]) => [k.toLowerCase(), v]));
    const canonical = [
        request.method,
        request.url.pathname,
        canonicalQuery(request.url),
        names.map((n) => `${n}:${`${lower[n]}`.trim().replace(/\s+/g, ' ')}\n`).join(''),
        names.join(';'),
        UNSIGNED_PAYLOAD,
    ].join('\n');
    const scope = `${day}/${region}/s3/aws4_request`;
    const toSign = ['AWS4-HMAC-SHA256', stamp, scope, sha256Hex(canonical)].join('\n');
    const key = hmac(hmac(hmac(hmac(`AWS4${credentials.secretAccessKey}`, day), region), 's3'), 'aws4_request');
    const signature = (0,external_node_crypto_.createHmac)('sha256', key).update(toSign).digest('hex');
    headers.authorization = `AWS4-HMAC-SHA256 Credential=${credentials.accessKeyId}/${scope}, SignedHeaders=${names.join(';')}, Signature=${signature}`;
    return headers;
}

;// CONCATENATED MODULE: ./src/mirror/s3-api.ts
// One signed S3 request on an object of the bucket, counted by operation name;
// an S3 error answer becomes an error with its status and S3 code.






/** What S3 answered instead: the shape describeS3Error reads. */
class S3Error extends Error {
    name;
    Code;
    $metadata;
    constructor(status, code, message) {
        super(message);
        this.name = code ?? `HTTP${status}`;
        this.Code = code;
        this.$metadata = { httpStatusCode: status };
    }
}
/** `<Tag>text</Tag>` of a small S3 XML answer. */
const xmlText = (xml, tag) => new RegExp(`<${tag}>([^<]*)</${tag}>`).exec(xml)?.[1];
/** An S3 error answer (a status we did not expect, or an `<Error>` inside a 200) as an S3Error. */
function s3Error(status, body) {
    return new S3Error(status, xmlText(body, 'Code'), xmlText(body, 'Message') ?? '');
}
/** The object's url: https://host/bucket/key (path style) or https://bucket.host/key. */
function objectUrl(settings, key) {
    const base = new URL(settings.endpoint ?? `https://s3.${settings.region}.amazonaws.com`);
    const path = key.split('/').map(encodeRfc3986).join('/');
    const root = base.pathname.replace(/\/+$/, '');
    if (settings.pathStyle)
        base.pathname = `${root}/${encodeRfc3986(settings.bucket)}/${path}`;
    else {
        base.hostname = `${settings.bucket}.${base.hostname}`;
        base.pathname = `${root}/${path}`;
    }
    return base;
}
function s3Api(settings, operations, http = (0,client/* createHttp */.V0)()) {
    const credentials = {
        accessKeyId: settings.accessKeyId,
        secretAccessKey: settings.secretAccessKey,
    };
    http.secrets.add(settings.secretAccessKey);
    const once = async (operation, call) => {
        const url = objectUrl(settings, call.key);
        for (const [k, v] of Object.entries(call.query ?? {}))
            url.searchParams.set(k, v);
        const length = call.bytes
            ? { 'content-length': String(call.bytes.reduce((n, b) => n + b.length, 0)) }
            : {};
        const headers = signRequest({ method: call.method, url, headers: { ...call.headers, ...length } }, credentials, settings.region, new Date());
        operations[operation] = (operations[operation] ?? 0) + 1;
        if (call.bytes !== undefined)
            return sendBytes(http, operation, call, url, headers);
        try {
            return await http.request({
                method: call.method,
                url,
                template: `${operation}`,
                headers: { Accept: '*/*', ...headers },
                ...(call.body !== undefined ? { body: call.body } : {}),
                ...(call.contentType !== undefined ? { contentType: call.contentType } : {}),
                expected: call.expected ?? [200],
                responseType: call.method === 'HEAD' ? 'none' : 'text',
                ...(call.idempotent !== undefined ? { idempotent: call.idempotent } : {}),
                ...(call.timeoutMs !== undefined ? { timeoutMs: call.timeoutMs } : {}),
            });
        }
        catch (error) {
            if (error instanceof http_error/* HttpError */.j$)
                throw s3Error(error.status, error.body);
            throw error;
        }
    };
    const send = (operation, call) => call.bytes === undefined ? once(operation, call) : withRetries(() => once(operation, call));
    return { send };
}
/** A part's bytes over node:http(s) (./put-bytes.ts), counted and checked like the client's requests. */
async function sendBytes(http, operation, call, url, headers) {
    http.counter.add(call.method, operation);
    const response = await putBytes({
        method: call.method === 'POST' ? 'POST' : 'PUT',
        url,
        headers: { 'user-agent': http.userAgent, accept: '*/*', ...headers },
        bytes: call.bytes ?? [],
        ...(call.timeoutMs !== undefined ? { timeoutMs: call.timeoutMs } : {}),
    });
    const text = http.secrets.redact(response.text);
    if (!(call.expected ?? [200]).includes(response.status))
        throw s3Error(response.status, text);
    return {
        status: response.status,
        headers: response.headers,
        url: url.toString(),
        data: text,
        body: null,
    };
}
const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));
/** The client's retry policy for a request whose streamed body it cannot resend itself. */
async function withRetries(attempt) {
    for (let n = 1;; n++) {
        try {
            return await attempt();
        }
        catch (error) {
            const decision = (0,retry/* decideRetry */.tE)({
                method: 'PUT',
                idempotent: true,
                attempt: n,
                ...(error instanceof S3Error
                    ? { status: error.$metadata.httpStatusCode }
                    : { error: error instanceof connection/* ConnectionError */.Rc ? error.cause : error }),
                policy: retry/* DEFAULT_RETRY_POLICY */.cO,
                random: Math.random,
                nowMs: Date.now(),
            });
            if (!decision.retry)
                throw error;
            await sleep(decision.delayMs);
        }
    }
}

;// CONCATENATED MODULE: ./src/mirror/multipart.ts

/** A part may take long on a slow link, but never forever. */
const PART_TIMEOUT_MS = 600_000;
async function uploadStream(api, request, shape) {
    const parts = new Parts(api, request, shape);
    try {
        for await (const chunk of request.body)
            await parts.write(chunk);
        await parts.finish();
    }
    catch (error) {
        await parts.abort();
        throw error;
    }
}
class Parts {
    api;
    request;
    shape;
    uploadId;
    current = [];
    filled = 0;
    count = 0;
    inFlight = new Set();
    etags = [];
    failure;
    constructor(api, request, shape) {
        this.api = api;
        this.request = request;
        this.shape = shape;
    }
    /** Adds the chunk to the current part (split, without a copy, where a part is full). */
    async write(chunk) {
        let rest = chunk;
        while (this.filled + rest.length >= this.shape.partSize) {
            const room = this.shape.partSize - this.filled;
            this.current.push(rest.subarray(0, room));
            this.filled += room;
            rest = rest.subarray(room);
            await this.send();
        }
        if (rest.length > 0) {
            this.current.push(rest);
            this.filled += rest.length;
        }
    }
    /** After the stream's end: one PUT when it all fit in one part, else the last part and Complete. */
    async finish() {
        if (this.uploadId === undefined) {
            await this.api.send('PutObject', {
                method: 'PUT',
                key: this.request.key,
                headers: this.metadata(),
                bytes: this.current,
                idempotent: true,
                timeoutMs: PART_TIMEOUT_MS,
            });
            return;
        }
        if (this.filled > 0)
            await this.send();
        await Promise.all(this.inFlight);
        this.throwFailure();
        await this.complete(await this.uploadId);
    }
    /** Stops: waits for the parts under way, then removes them all (no object appears). */
    async abort() {
        await Promise.all(this.inFlight);
        const uploadId = await this.uploadId?.catch(() => undefined);
        if (uploadId === undefined)
            return;
        await this.api
            .send('AbortMultipartUpload', {
            method: 'DELETE',
            key: this.request.key,
            query: { uploadId },
            expected: [204, 200, 404],
            idempotent: true,
        })
            .catch(() => undefined);
    }
    metadata() {
        return Object.fromEntries(Object.entries(this.request.metadata).map(([k, v]) => [`x-amz-meta-${k.toLowerCase()}`, v]));
    }
    throwFailure() {
        if (this.failure)
            throw this.failure.error;
    }
    /** Sends the current part (waiting for a free slot first) and starts filling a fresh one. */
    async send() {
        this.uploadId ??= this.create();
        while (this.inFlight.size >= this.shape.queueSize)
            await Promise.race(this.inFlight);
        this.throwFailure();
        const body = this.current;
        const number = ++this.count;
        this.current = [];
        this.filled = 0;
        const sent = this.uploadPart(number, body)
            .catch((error) => void (this.failure ??= { error }))
            .finally(() => this.inFlight.delete(sent));
        this.inFlight.add(sent);
    }
    async create() {
        const response = await this.api.send('CreateMultipartUpload', {
            method: 'POST',
            key: this.request.key,
            query: { uploads: '' },
            headers: { ...this.metadata(), 'content-type': 'application/octet-stream' },
        });
        const uploadId = xmlText(`${response.data ?? ''}`, 'UploadId');
        if (uploadId === undefined)
            throw s3Error(response.status, `${response.data ?? ''}`);
        return uploadId;
    }
    async uploadPart(number, body) {
        const uploadId = await this.uploadId;
        const response = await this.api.send('UploadPart', {
            method: 'PUT',
            key: this.request.key,
            query: { partNumber: String(number), uploadId: `${uploadId}` },
            bytes: body,
            idempotent: true,
            timeoutMs: PART_TIMEOUT_MS,
        });
        this.etags[number - 1] = response.headers.get('etag') ?? '';
    }
    async complete(uploadId) {
        const parts = this.etags
            .map((etag, i) => `<Part><PartNumber>${i + 1}</PartNumber><ETag>${etag}</ETag></Part>`)
            .join('');
        const response = await this.api.send('CompleteMultipartUpload', {
            method: 'POST',
            key: this.request.key,
            query: { uploadId },
            body: `<CompleteMultipartUpload>${parts}</CompleteMultipartUpload>`,
            contentType: 'application/xml',
        });
        // S3 may answer 200 and still fail the completion in the body.
        if (`${response.data ?? ''}`.includes('<Error>'))
            throw s3Error(response.status, `${response.data ?? ''}`);
    }
}

;// CONCATENATED MODULE: ./src/mirror/s3.ts


/**
 * Bytes buffered per part and parts in flight: memory stays at about their product.
 * Fewer, larger parts cost the store less CPU per GiB (measured on Swift's s3api:
 * 16 MiB x 2 took about a fifth less than 8 MiB x 4, at the same peak RSS).
 */
const PART_SIZE = 16 * 1024 * 1024;
const QUEUE_SIZE = 2;
const statusOf = (error) => error?.$metadata?.httpStatusCode;
/** A message for the user: the bucket and key, the status, never a credential. */
function describeS3Error(what, error) {
    const e = (error ?? {});
    const status = statusOf(error);
    const code = e.Code ?? e.name;
    const hint = status === 403 || code === 'InvalidAccessKeyId' || code === 'SignatureDoesNotMatch'
        ? ': check the mirror credentials and that they may write to the bucket'
        : code === 'NoSuchBucket'
            ? ': create the bucket first'
            : '';
    const detail = [status !== undefined ? `HTTP ${status}` : undefined, code, e.message]
        .filter((x) => x !== undefined && x !== '')
        .join(' ');
    return `${what} failed (${detail})${hint}`;
}
/** The store over the project's HTTP client, requests signed here (./sigv4.ts). */
function createS3Store(settings, http) {
    const operations = {};
    const api = s3Api(settings, operations, http);
    const bucket = settings.bucket;
    return Promise.resolve({
        bucket,
        operations,
        head: (key) => headObject(api, bucket, key),
        upload: (request) => uploadObject(api, bucket, request),
        close: () => undefined,
    });
}
async function headObject(api, bucket, key) {
    try {
        const response = await api.send('HeadObject', {
            method: 'HEAD',
            key,
            expected: [200, 404],
            idempotent: true,
        });
        if (response.status === 404)
            return null;
        const length = response.headers.get('content-length');
        const checksum = response.headers.get('x-amz-meta-checksum');
        return {
            ...(length !== null && /^\d+$/.test(length) ? { size: Number(length) } : {}),
            ...(checksum !== null ? { checksum } : {}),
        };
    }
    catch (error) {
        throw new Error(describeS3Error(`HEAD s3://${bucket}/${key}`, error), { cause: error });
    }
}
async function uploadObject(api, bucket, request) {
    try {
        await uploadStream(api, request, { partSize: PART_SIZE, queueSize: QUEUE_SIZE });
    }
    catch (error) {
        if (statusOf(error) === undefined)
            throw error;
        throw new Error(describeS3Error(`upload to s3://${bucket}/${request.key}`, error), {
            cause: error,
        });
    }
}


/***/ })

};
