export const id = 170;
export const ids = [170];
export const modules = {

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


/***/ })

};
