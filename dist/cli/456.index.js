export const id = 456;
export const ids = [456];
export const modules = {

/***/ 8461:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   E9: () => (/* binding */ trackStream),
/* harmony export */   TT: () => (/* binding */ ResponseFormatError),
/* harmony export */   kk: () => (/* binding */ startTimeout),
/* harmony export */   v3: () => (/* binding */ readData),
/* harmony export */   w2: () => (/* binding */ timeoutError),
/* harmony export */   yR: () => (/* binding */ readText)
/* harmony export */ });
function trackStream(source) {
    const tracked = {};
    tracked.iterable = (async function* () {
        try {
            for await (const chunk of source)
                yield chunk;
        }
        catch (error) {
            tracked.error = error;
            throw error;
        }
    })();
    return tracked;
}
function startTimeout(ms, outer) {
    if (ms <= 0)
        return { signal: outer, timedOut: false, clear: () => undefined };
    const controller = new AbortController();
    const state = {
        signal: outer ? AbortSignal.any([outer, controller.signal]) : controller.signal,
        timedOut: false,
        clear: () => clearTimeout(timer),
    };
    const timer = setTimeout(() => {
        state.timedOut = true;
        controller.abort(timeoutError(ms));
    }, ms);
    return state;
}
function timeoutError(ms) {
    const error = new Error(`timed out after ${ms / 1000} s`);
    error.name = 'TimeoutError';
    return error;
}
async function readText(response) {
    try {
        return await response.text();
    }
    catch {
        return '';
    }
}
async function readData(response, type) {
    if (type === 'stream')
        return undefined;
    if (type === 'none') {
        await response.discard();
        return undefined;
    }
    const text = await response.text();
    if (type === 'text')
        return text;
    if (text.trim() === '')
        return undefined;
    try {
        return JSON.parse(text);
    }
    catch {
        throw new ResponseFormatError(`${response.url}: expected a JSON response, got: ${text.slice(0, 200)}`);
    }
}
/** A successful status with a body that is not what the API promises. */
class ResponseFormatError extends Error {
    name = 'ResponseFormatError';
}


/***/ }),

/***/ 3456:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  qx: () => (/* binding */ DEFAULT_USER_AGENT),
  TT: () => (/* reexport */ http_attempt/* ResponseFormatError */.TT),
  V0: () => (/* binding */ createHttp)
});

// EXTERNAL MODULE: ./src/http/connection.ts
var connection = __webpack_require__(9886);
// EXTERNAL MODULE: ./src/http/error.ts
var http_error = __webpack_require__(4054);
;// CONCATENATED MODULE: ./src/http/request-counter.ts
// Counts HTTP requests by method and path template ("PATCH /v2/images/{id}"),
// for benchmarks, tests ("ten changes in one request") and the plan footer.
const UUID = /^[0-9a-f]{8}-?[0-9a-f]{4}-?[0-9a-f]{4}-?[0-9a-f]{4}-?[0-9a-f]{12}$/i;
const HEX_ID = /^[0-9a-f]{16,}$/i;
/**
 * The template of a path when the caller gave none: UUIDs and long hex ids
 * become `{id}`. `/v2/images/0b1c...-.../tags/x` -> `/v2/images/{id}/tags/x`.
 */
function pathTemplate(path) {
    return path
        .split('/')
        .map((segment) => (UUID.test(segment) || HEX_ID.test(segment) ? '{id}' : segment))
        .join('/');
}
class RequestCounter {
    counts = new Map();
    /** Count one request (each attempt of a retried request counts). */
    add(method, template) {
        const key = `${method} ${template}`;
        this.counts.set(key, (this.counts.get(key) ?? 0) + 1);
    }
    /** Requests counted for `'METHOD /template'`, e.g. `get('GET /v2/images')`. */
    get(key) {
        return this.counts.get(key) ?? 0;
    }
    /** All requests, or those of one method. */
    total(method) {
        let sum = 0;
        for (const [key, count] of this.counts) {
            if (method === undefined || key.startsWith(`${method} `))
                sum += count;
        }
        return sum;
    }
    /** Counts keyed by `'METHOD /template'`, sorted by key. */
    snapshot() {
        return Object.fromEntries([...this.counts.entries()].sort(([a], [b]) => a.localeCompare(b)));
    }
    reset() {
        this.counts.clear();
    }
}

// EXTERNAL MODULE: ./src/http/retry.ts
var retry = __webpack_require__(8902);
// EXTERNAL MODULE: ./src/http/secrets.ts
var secrets = __webpack_require__(4861);
// EXTERNAL MODULE: ./src/http/tls.ts
var http_tls = __webpack_require__(7485);
// EXTERNAL MODULE: external "node:stream"
var external_node_stream_ = __webpack_require__(7075);
;// CONCATENATED MODULE: ./src/http/transport.ts
// What carries one attempt of the request function (client.ts) to the server
// and back. API calls go over fetch; image bytes (a streamed request body or a
// streamed response) over node:http(s) (./node-transport.ts). A test that
// injects its own fetch gets every request through it.

const isStreamed = (body) => body !== undefined && typeof body !== 'string' && !(body instanceof Uint8Array);
function fetchTransport(fetchFn) {
    return async (url, exchange) => {
        const streamed = isStreamed(exchange.body);
        const response = await fetchFn(url, {
            method: exchange.method,
            headers: exchange.headers,
            body: streamed ? bodyStream(exchange.body) : exchange.body,
            signal: exchange.signal,
            // undici keeps every chunk of a body it might resend after a redirect
            // (nodejs/undici#4058): a streamed image would end up whole in memory.
            redirect: exchange.follow ? 'follow' : 'error',
            ...(streamed ? { duplex: 'half' } : {}),
        });
        return {
            status: response.status,
            headers: response.headers,
            url: response.url || url.toString(),
            text: () => response.text(),
            discard: async () => void (await response.arrayBuffer()),
            stream: () => response.body === null
                ? external_node_stream_.Readable.from([])
                : external_node_stream_.Readable.fromWeb(response.body),
        };
    };
}
/**
 * The body handed to fetch: undici copies every chunk of an async-iterable body
 * (into a new Uint8Array, a byte stream), a ReadableStream of our own it reads as it is.
 */
function bodyStream(source) {
    const iterator = source[Symbol.asyncIterator]();
    return new ReadableStream({
        async pull(controller) {
            const { value, done } = await iterator.next();
            if (done === true)
                controller.close();
            else
                controller.enqueue(value);
        },
        async cancel(reason) {
            await iterator.return?.(reason);
        },
    }, { highWaterMark: 0 });
}

// EXTERNAL MODULE: ./src/http/attempt.ts
var http_attempt = __webpack_require__(8461);
;// CONCATENATED MODULE: ./src/http/client.ts
// The one request function every OpenStack call goes through: user agent,
// per-attempt timeout, JSON helpers, retries of transient failures (only for
// idempotent requests), request counting, and errors without secrets.









const DEFAULT_USER_AGENT = `openstack-image-manager (node ${process.version})`;
const DEFAULT_TIMEOUT_MS = 60_000;
const defaultSleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));
function createHttp(options = {}) {
    const ctx = {
        transport: transports(options),
        sleep: options.sleep ?? defaultSleep,
        random: options.random ?? Math.random,
        now: options.now ?? Date.now,
        policy: { ...retry/* DEFAULT_RETRY_POLICY */.cO, ...options.retry },
        secrets: options.secrets ?? new secrets/* SecretRegistry */.ks(options.onSecret),
        counter: options.counter ?? new RequestCounter(),
        userAgent: options.userAgent ?? DEFAULT_USER_AGENT,
        log: options.log ?? (() => undefined),
        timeoutMs: options.timeoutMs,
        trustHint: options.trustHint,
    };
    const request = async (req) => {
        const call = prepareCall(ctx, req);
        for (let attempt = 1;; attempt++) {
            const response = await sendAttempt(ctx, call, attempt);
            if (response !== undefined)
                return response;
        }
    };
    return { request, counter: ctx.counter, secrets: ctx.secrets, userAgent: ctx.userAgent };
}
/** Each transport made once, on first use: an API-only run never loads node:http(s). */
function transports(options) {
    const injected = options.fetch;
    if (injected !== undefined) {
        const only = Promise.resolve(fetchTransport(injected));
        return () => only;
    }
    const { tls } = options;
    let api;
    let bytes;
    return (forBytes) => forBytes
        ? (bytes ??= __webpack_require__.e(/* import() */ 170).then(__webpack_require__.bind(__webpack_require__, 170)).then((m) => m.nodeTransport(tls)))
        : (api ??= (tls ? (0,http_tls/* fetchWithTls */.w)(tls) : Promise.resolve(globalThis.fetch)).then(fetchTransport));
}
function prepareCall(ctx, req) {
    // fetch refuses a url with userinfo: it goes as Basic auth, and its password is a secret.
    const { url, authorization, password } = (0,secrets/* splitUserinfo */.Gw)(new URL(req.url));
    ctx.secrets.add(password);
    const streamed = isStream(req.body);
    const headers = buildHeaders(req, ctx.userAgent);
    if (authorization && !Object.keys(headers).some((h) => h.toLowerCase() === 'authorization'))
        headers.Authorization = authorization;
    return {
        req,
        url,
        shownUrl: ctx.secrets.redact(url.toString()),
        template: req.template ?? pathTemplate(url.pathname),
        streamed,
        timeoutMs: req.timeoutMs ?? (streamed ? 0 : (ctx.timeoutMs ?? DEFAULT_TIMEOUT_MS)),
        headers,
        // A streamed body can be sent once only: never retried whatever the method.
        idempotent: streamed ? false : req.idempotent,
        retryMethod: streamed ? 'STREAM' : req.method,
    };
}
/** One attempt: the response, or undefined after waiting for the next attempt. */
async function sendAttempt(ctx, call, attempt) {
    const { req, streamed } = call;
    ctx.counter.add(req.method, call.template);
    const started = ctx.now();
    const tracked = streamed ? (0,http_attempt/* trackStream */.E9)(req.body) : undefined;
    const body = tracked
        ? tracked.iterable
        : req.json !== undefined
            ? JSON.stringify(req.json)
            : req.body;
    const state = {
        started,
        tracked,
        timeout: (0,http_attempt/* startTimeout */.kk)(call.timeoutMs, req.signal),
    };
    let response;
    let data;
    try {
        const transport = await ctx.transport(streamed || req.responseType === 'stream');
        response = await transport(call.url, {
            method: req.method,
            headers: call.headers,
            ...(body !== undefined ? { body } : {}),
            ...(state.timeout.signal ? { signal: state.timeout.signal } : {}),
            follow: !streamed,
        });
        const success = req.expected.includes(response.status) ||
            (attempt > 1 && req.expectedOnRetry?.includes(response.status));
        if (!success) {
            await unexpectedStatus(ctx, call, attempt, response, state);
            return undefined;
        }
        data = await (0,http_attempt/* readData */.v3)(response, req.responseType ?? 'json');
        if (req.responseType !== 'stream')
            state.timeout.clear();
    }
    catch (error) {
        await failedAttempt(ctx, call, attempt, error, state);
        return undefined;
    }
    ctx.log(`${req.method} ${call.shownUrl} -> ${response.status} (${ctx.now() - started} ms)`);
    return {
        status: response.status,
        headers: response.headers,
        url: response.url,
        data: data,
        body: req.responseType === 'stream' ? response.stream() : null,
    };
}
/** A status not expected: waits when it may be retried, else throws HttpError. */
async function unexpectedStatus(ctx, call, attempt, response, { started, timeout }) {
    const { req, shownUrl } = call;
    const text = ctx.secrets.redact(await (0,http_attempt/* readText */.yR)(response));
    timeout.clear();
    const decision = (0,retry/* decideRetry */.tE)({
        method: call.retryMethod,
        idempotent: call.idempotent,
        attempt,
        status: response.status,
        retryAfter: response.headers.get('retry-after'),
        policy: ctx.policy,
        random: ctx.random,
        nowMs: ctx.now(),
    });
    ctx.log(`${req.method} ${shownUrl} -> ${response.status} (${ctx.now() - started} ms)`);
    if (decision.retry)
        return waitToRetry(ctx, call, attempt, decision.delayMs, response.status);
    throw new http_error/* HttpError */.j$(req.method, shownUrl, req.expected, response.status, (0,http_error/* truncateBody */.Nz)(text), (0,http_error/* extractServiceMessage */.W6)(text), response.headers);
}
/**
 * An attempt that threw: rethrows what is not a connection failure, waits when it may be
 * retried, else throws ConnectionError.
 */
async function failedAttempt(ctx, call, attempt, error, { started, tracked, timeout }) {
    const { req, shownUrl, timeoutMs } = call;
    timeout.clear();
    if (error instanceof http_error/* HttpError */.j$ || error instanceof http_attempt/* ResponseFormatError */.TT)
        throw error;
    // A failing request body (e.g. a checksum mismatch of a streamed download) is the real cause.
    if (tracked?.error !== undefined)
        throw tracked.error;
    if (req.signal?.aborted === true)
        throw req.signal.reason ?? error;
    const failure = timeout.timedOut ? (0,http_attempt/* timeoutError */.w2)(timeoutMs) : error;
    const decision = (0,retry/* decideRetry */.tE)({
        method: call.retryMethod,
        idempotent: call.idempotent,
        attempt,
        error: failure,
        policy: ctx.policy,
        random: ctx.random,
        nowMs: ctx.now(),
    });
    const reason = timeout.timedOut
        ? `timed out after ${timeoutMs / 1000} s`
        : (0,connection/* connectionReason */.R2)(error, ctx.trustHint);
    ctx.log(`${req.method} ${shownUrl} -> ${reason} (${ctx.now() - started} ms)`);
    if (decision.retry)
        return waitToRetry(ctx, call, attempt, decision.delayMs, reason);
    throw new connection/* ConnectionError */.Rc(`${req.method} ${shownUrl}: ${reason}`, reason, { cause: error });
}
async function waitToRetry(ctx, { req, shownUrl }, attempt, delayMs, after) {
    ctx.log(`retrying ${req.method} ${shownUrl} in ${delayMs} ms after ${after} (attempt ${attempt + 1} of ${ctx.policy.maxAttempts})`);
    await ctx.sleep(delayMs);
}
function buildHeaders(req, userAgent) {
    const headers = { 'User-Agent': userAgent, Accept: 'application/json' };
    if (req.json !== undefined)
        headers['Content-Type'] = req.contentType ?? 'application/json';
    else if (req.body !== undefined)
        headers['Content-Type'] = req.contentType ?? 'application/octet-stream';
    return { ...headers, ...req.headers };
}
function isStream(body) {
    return body !== undefined && typeof body !== 'string' && !(body instanceof Uint8Array);
}


/***/ }),

/***/ 9886:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   CA: () => (/* binding */ errorCode),
/* harmony export */   R2: () => (/* binding */ connectionReason),
/* harmony export */   Rc: () => (/* binding */ ConnectionError)
/* harmony export */ });
/* unused harmony export CLOUD_TRUST_HINT */
/* harmony import */ var _problems_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(2095);
// Connection-level failures (refused, reset, timeout, DNS, TLS) and their
// short human reasons, for any client: the cloud's, image sources', S3's.

/** A connection-level failure (refused, reset, timeout, DNS, TLS) after all retries. */
class ConnectionError extends Error {
    reason;
    name = 'ConnectionError';
    constructor(message, 
    /** Short reason, e.g. 'connection refused'. */
    reason, options) {
        super(message, options);
        this.reason = reason;
    }
}

const REASONS = {
    ECONNREFUSED: 'connection refused',
    ECONNRESET: 'connection reset',
    EPIPE: 'connection reset',
    ENOTFOUND: 'host not found',
    EAI_AGAIN: 'host not found (DNS lookup failed)',
    ETIMEDOUT: 'connection timed out',
    EHOSTUNREACH: 'host unreachable',
    ENETUNREACH: 'network unreachable',
    UND_ERR_SOCKET: 'connection reset',
    UND_ERR_CLOSED: 'connection closed',
    UND_ERR_CONNECT_TIMEOUT: 'connection timed out',
    UND_ERR_HEADERS_TIMEOUT: 'timed out waiting for the response',
    UND_ERR_BODY_TIMEOUT: 'timed out reading the response',
    CERT_HAS_EXPIRED: 'TLS certificate expired',
    ERR_TLS_CERT_ALTNAME_INVALID: 'TLS certificate does not match the host name',
};
/** Certificates a trust setting fixes; the hint names the setting (the cloud's or the sources'). */
const TRUST_REASONS = {
    DEPTH_ZERO_SELF_SIGNED_CERT: 'self-signed TLS certificate',
    SELF_SIGNED_CERT_IN_CHAIN: 'self-signed TLS certificate in chain',
    UNABLE_TO_VERIFY_LEAF_SIGNATURE: 'TLS certificate not trusted',
    UNABLE_TO_GET_ISSUER_CERT_LOCALLY: 'TLS certificate not trusted',
};
const CLOUD_TRUST_HINT = 'set cacert, or verify: false';
/** The innermost error code of a fetch failure (`TypeError: fetch failed` wraps the real one). */
function errorCode(error) {
    let current = error;
    for (let depth = 0; depth < 5 && current !== undefined && current !== null; depth++) {
        const code = current.code;
        if (typeof code === 'string' && code !== '')
            return code;
        current = current.cause;
    }
    return undefined;
}
/** A short human reason for a connection failure: 'connection refused', 'timed out after 30 s', ... */
function connectionReason(error, trustHint = CLOUD_TRUST_HINT) {
    const name = error?.name;
    if (name === 'TimeoutError')
        return 'timed out';
    const code = errorCode(error);
    const trust = code === undefined ? undefined : TRUST_REASONS[code];
    if (trust !== undefined)
        return `${trust} (${trustHint})`;
    if (code !== undefined)
        return REASONS[code] ?? code;
    let current = error;
    while (current instanceof Error && current.cause instanceof Error)
        current = current.cause;
    return current instanceof Error ? current.message : (0,_problems_js__WEBPACK_IMPORTED_MODULE_0__/* .getErrorMessage */ .u1)(error);
}


/***/ }),

/***/ 4054:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Nz: () => (/* binding */ truncateBody),
/* harmony export */   W6: () => (/* binding */ extractServiceMessage),
/* harmony export */   j$: () => (/* binding */ HttpError),
/* harmony export */   zM: () => (/* binding */ isStatus)
/* harmony export */ });
// The one error type for "the server answered with a status we did not expect"
// (gophercloud's ErrUnexpectedResponseCode). Callers classify with isStatus().
/** How much of a response body an error keeps. */
const MAX_BODY = 2000;
const MAX_MESSAGE = 300;
class HttpError extends Error {
    method;
    url;
    expected;
    status;
    body;
    serviceMessage;
    headers;
    name = 'HttpError';
    constructor(method, 
    /** The request URL (secrets already redacted). */
    url, expected, status, 
    /** Response body, redacted and truncated. */
    body, 
    /** The service's own explanation, when the body had one (Glance/Keystone `message`). */
    serviceMessage, 
    /** Retry-After etc. are sometimes needed by callers. */
    headers) {
        super(`${method} ${url}: expected ${expected.join(' or ')}, got ${status}` +
            (serviceMessage ? `: ${serviceMessage}` : ''));
        this.method = method;
        this.url = url;
        this.expected = expected;
        this.status = status;
        this.body = body;
        this.serviceMessage = serviceMessage;
        this.headers = headers;
    }
}
/** True when `error` is an HttpError with one of the given statuses. */
function isStatus(error, ...statuses) {
    return error instanceof HttpError && statuses.includes(error.status);
}
function oneLine(text, max = MAX_MESSAGE) {
    const flat = text.replace(/\s+/g, ' ').trim();
    return flat.length > max ? `${flat.slice(0, max - 3)}...` : flat;
}
function messageOf(value) {
    if (typeof value !== 'object' || value === null)
        return undefined;
    const record = value;
    if (typeof record.message === 'string' && record.message !== '')
        return record.message;
    if (typeof record.detail === 'string' && record.detail !== '')
        return record.detail;
    // Keystone: {"error": {"message": ...}}; nova-style: {"badRequest": {"message": ...}}
    for (const inner of Object.values(record)) {
        if (typeof inner === 'object' && inner !== null) {
            const found = messageOf(inner);
            if (found !== undefined)
                return found;
        }
    }
    return undefined;
}
/**
 * The explanation inside an error body: the `message` of a JSON body
 * (Glance, Keystone), or the text of an HTML page without its title line
 * (Glance's webob errors: "<h1>404 Not Found</h1> No image found with ID x").
 */
function extractServiceMessage(body) {
    const trimmed = body.trim();
    if (trimmed === '')
        return undefined;
    if (trimmed.startsWith('{') || trimmed.startsWith('[')) {
        try {
            const found = messageOf(JSON.parse(trimmed));
            if (found !== undefined)
                return oneLine(stripHtml(found));
        }
        catch {
            // not JSON after all: fall through
        }
    }
    if (/<[a-z][\s\S]*>/i.test(trimmed)) {
        const withoutTitle = trimmed
            .replace(/<title>[\s\S]*?<\/title>/i, '')
            .replace(/<h1>[\s\S]*?<\/h1>/i, '');
        const text = oneLine(stripHtml(withoutTitle));
        return text !== '' ? text : oneLine(stripHtml(trimmed));
    }
    return oneLine(trimmed);
}
function stripHtml(text) {
    return text
        .replace(/<br\s*\/?>/gi, ' ')
        .replace(/<[^>]*>/g, ' ')
        .replace(/&nbsp;/g, ' ')
        .replace(/&lt;/g, '<')
        .replace(/&gt;/g, '>')
        .replace(/&quot;/g, '"')
        .replace(/&#x([0-9a-f]+);/gi, (_m, hex) => String.fromCodePoint(parseInt(hex, 16)))
        .replace(/&#(\d+);/g, (_m, dec) => String.fromCodePoint(parseInt(dec, 10)))
        .replace(/&amp;/g, '&');
}
/** Truncate a body for keeping in an error. */
function truncateBody(body) {
    return body.length > MAX_BODY ? `${body.slice(0, MAX_BODY)}... (${body.length} characters)` : body;
}


/***/ }),

/***/ 8902:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Dm: () => (/* binding */ isTransientStatus),
/* harmony export */   bV: () => (/* binding */ isTransientError),
/* harmony export */   cO: () => (/* binding */ DEFAULT_RETRY_POLICY),
/* harmony export */   tE: () => (/* binding */ decideRetry)
/* harmony export */ });
/* unused harmony exports IDEMPOTENT_METHODS, TRANSIENT_STATUSES, parseRetryAfter, backoffDelay */
/* harmony import */ var _connection_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(9886);
// When a request may be sent again, and how long to wait first. Pure, so the
// policy is tested without a server; client.ts applies it.

const DEFAULT_RETRY_POLICY = {
    maxAttempts: 5,
    baseDelayMs: 500,
    maxDelayMs: 20_000,
    maxRetryAfterMs: 120_000,
};
/** Methods that may be repeated blindly. PATCH, POST and PUT never are. */
const IDEMPOTENT_METHODS = new Set(['GET', 'HEAD', 'DELETE', 'OPTIONS']);
/** Statuses that mean "try again later". */
const TRANSIENT_STATUSES = new Set([429, 502, 503, 504]);
/** Error codes of connection failures worth another attempt. */
const TRANSIENT_CODES = new Set([
    'ECONNRESET',
    'ECONNREFUSED',
    'ECONNABORTED',
    'EPIPE',
    'ETIMEDOUT',
    'EHOSTUNREACH',
    'ENETUNREACH',
    'EAI_AGAIN',
    'UND_ERR_SOCKET',
    'UND_ERR_CLOSED',
    'UND_ERR_CONNECT_TIMEOUT',
    'UND_ERR_HEADERS_TIMEOUT',
    'UND_ERR_BODY_TIMEOUT',
]);
function isTransientStatus(status) {
    return TRANSIENT_STATUSES.has(status);
}
/**
 * A failure before a complete response (reset, refused, our own timeout) that
 * another attempt may not see. DNS failures of unknown hosts, TLS certificate
 * problems and bad URLs are permanent.
 */
function isTransientError(error) {
    if (error?.name === 'TimeoutError')
        return true;
    const code = (0,_connection_js__WEBPACK_IMPORTED_MODULE_0__/* .errorCode */ .CA)(error);
    return code !== undefined && TRANSIENT_CODES.has(code);
}
/**
 * Milliseconds to wait according to a Retry-After header (seconds or an
 * HTTP date), or undefined when there is none or it cannot be read.
 */
function parseRetryAfter(value, nowMs) {
    if (value === null || value === undefined)
        return undefined;
    const text = value.trim();
    if (/^\d+$/.test(text))
        return Number(text) * 1000;
    const date = Date.parse(text);
    if (Number.isNaN(date))
        return undefined;
    return Math.max(0, date - nowMs);
}
/**
 * Exponential backoff with jitter before retry number `retry` (1 = the first
 * retry): half of the exponential delay is fixed, half random, so retries of
 * many clients spread out but still grow.
 */
function backoffDelay(retry, policy, random) {
    const exponential = Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** (retry - 1));
    return Math.round(exponential / 2 + random() * (exponential / 2));
}
/**
 * Decide about another attempt after attempt number `attempt` (1-based)
 * ended with `status` (a response) or `error` (no response).
 */
function decideRetry(input) {
    const { policy } = input;
    if (input.attempt >= policy.maxAttempts)
        return { retry: false };
    if (!(input.idempotent === true || IDEMPOTENT_METHODS.has(input.method)))
        return { retry: false };
    const backoff = backoffDelay(input.attempt, policy, input.random);
    if (input.status !== undefined) {
        if (!isTransientStatus(input.status))
            return { retry: false };
        const after = parseRetryAfter(input.retryAfter, input.nowMs);
        if (after === undefined)
            return { retry: true, delayMs: backoff };
        if (after > policy.maxRetryAfterMs)
            return { retry: false };
        return { retry: true, delayMs: after };
    }
    if (input.error !== undefined && isTransientError(input.error))
        return { retry: true, delayMs: backoff };
    return { retry: false };
}


/***/ }),

/***/ 7485:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   J: () => (/* binding */ readPem),
/* harmony export */   w: () => (/* binding */ fetchWithTls)
/* harmony export */ });
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(1455);
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_fs_promises__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var _problems_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(2095);
// TLS settings applied to fetch. Node's global fetch cannot take a CA bundle,
// so such clients use undici's fetch with its own Agent (the same undici Node
// bundles). The cloud's client (openstack/auth/tls.ts) and the image sources'
// client (download/upstream-http.ts) each pass their own settings; the
// node:http(s) transport (./node-transport.ts) takes the same ones.


/** Reads a PEM file; `what` names the setting in the message (`cacert`, `--source-cacert`). */
async function readPem(path, what) {
    try {
        return await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_0__.readFile)(path, 'utf8');
    }
    catch (error) {
        throw new _problems_js__WEBPACK_IMPORTED_MODULE_1__/* .ConfigError */ .xL(`Cannot read the ${what} ${path}: ${error.code ?? error.message}`);
    }
}
/** A fetch whose connections use these TLS options (`ca`, `rejectUnauthorized`, `cert`, `key`). */
async function fetchWithTls(connect) {
    const undici = await __webpack_require__.e(/* import() */ 752).then(__webpack_require__.t.bind(__webpack_require__, 6752, 19));
    const dispatcher = new undici.Agent({ connect });
    const tlsFetch = (input, init) => undici.fetch(input, { ...init, dispatcher });
    return tlsFetch;
}


/***/ })

};
