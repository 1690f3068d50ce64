export const id = 535;
export const ids = [535];
export const modules = {

/***/ 8535:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  validateCommand: () => (/* binding */ validateCommand)
});

// EXTERNAL MODULE: external "node:fs/promises"
var promises_ = __webpack_require__(1455);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(6760);
var external_node_path_default = /*#__PURE__*/__webpack_require__.n(external_node_path_);
// EXTERNAL MODULE: ./src/limiter.ts
var limiter = __webpack_require__(1555);
// EXTERNAL MODULE: ./src/download/upstream-http.ts
var upstream_http = __webpack_require__(8140);
// EXTERNAL MODULE: ./src/definitions/positions.ts
var positions = __webpack_require__(6714);
// EXTERNAL MODULE: external "node:http"
var external_node_http_ = __webpack_require__(7067);
// EXTERNAL MODULE: ./src/http/connection.ts
var connection = __webpack_require__(9886);
// EXTERNAL MODULE: ./src/http/client.ts + 3 modules
var client = __webpack_require__(7647);
// EXTERNAL MODULE: ./src/http/retry.ts
var retry = __webpack_require__(8902);
// EXTERNAL MODULE: ./src/download/file-url.ts
var file_url = __webpack_require__(4716);
;// CONCATENATED MODULE: ./src/definitions/url-probe.ts
// One url of `validate --check-urls` probed: a HEAD (a GET of one byte when
// the server refuses HEAD) under one deadline that covers redirects, the
// fallback and a retry; a `file:` url must name an existing file.







const alive = { ok: true };
function statusOutcome(status) {
    const text = `${status}${external_node_http_.STATUS_CODES[status] ? ` ${external_node_http_.STATUS_CODES[status]}` : ''}`;
    if (status === 404 || status === 410)
        return { ok: false, reason: `answers ${text}`, todo: 'point it at a build that exists' };
    if (status === 401 || status === 403)
        return {
            ok: false,
            reason: `answers ${text}`,
            todo: 'check the url and whether it may be read (credentials in the url go as Basic auth)',
        };
    if (status >= 500)
        return {
            ok: false,
            reason: `answers ${text}`,
            todo: 'the server fails; try again later or point it at another mirror',
        };
    return { ok: false, reason: `answers ${text}`, todo: 'point it at a build that exists' };
}
function failureOutcome(error, timedOut, timeoutMs) {
    if (timedOut)
        return {
            ok: false,
            reason: `gave no answer within ${timeoutMs / 1000} s`,
            todo: 'check the host, or try again when the server answers',
        };
    const code = (0,connection/* errorCode */.CA)(error);
    const reason = (0,connection/* connectionReason */.R2)(error, upstream_http/* SOURCE_TRUST_HINT */.R5);
    const tls = /TLS|CERT/i.test(`${code ?? ''} ${reason}`);
    return {
        ok: false,
        reason: `cannot be reached: ${reason}`,
        todo: tls
            ? "fix the server's certificate or trust its CA"
            : 'check the host and port in the url',
    };
}
/** A request without the url's userinfo, which fetch refuses; it goes as Basic auth instead. */
function prepare(url) {
    const parsed = new URL(url);
    const headers = { 'User-Agent': client/* DEFAULT_USER_AGENT */.qx, Accept: '*/*' };
    if (parsed.username || parsed.password) {
        const user = decodeURIComponent(parsed.username);
        const password = decodeURIComponent(parsed.password);
        headers.Authorization = `Basic ${Buffer.from(`${user}:${password}`).toString('base64')}`;
        parsed.username = '';
        parsed.password = '';
    }
    return { target: parsed.toString(), headers };
}
const sleep = (ms, signal) => new Promise((resolve) => {
    const timer = setTimeout(done, ms);
    function done() {
        clearTimeout(timer);
        signal.removeEventListener('abort', done);
        resolve();
    }
    signal.addEventListener('abort', done);
});
async function probeHttp(url, fetchFn, timeoutMs, retryDelayMs) {
    let prepared;
    try {
        prepared = prepare(url);
    }
    catch {
        return { ok: false, reason: 'is not a valid url', todo: 'correct it' };
    }
    const { target, headers } = prepared;
    const controller = new AbortController();
    const timer = setTimeout(() => controller.abort(), timeoutMs);
    const { signal } = controller;
    const send = async (method) => {
        const response = await fetchFn(target, {
            method,
            headers: method === 'GET' ? { ...headers, Range: 'bytes=0-0' } : headers,
            redirect: 'follow',
            signal,
        });
        // The status is all we need: never read what a GET sends (it may ignore Range).
        await response.body?.cancel().catch(() => undefined);
        return response.status;
    };
    const attempt = async () => {
        const status = await send('HEAD');
        return status === 405 || status === 501 ? send('GET') : status;
    };
    // The deadline also ends a fetch that ignores its signal.
    const deadline = new Promise((_, reject) => signal.addEventListener('abort', () => reject(new Error('deadline'))));
    try {
        for (let tries = 1;; tries++) {
            try {
                const status = await Promise.race([attempt(), deadline]);
                if (status < 300)
                    return alive;
                if (tries === 1 && (0,retry/* isTransientStatus */.Dm)(status)) {
                    await sleep(retryDelayMs, signal);
                    if (!signal.aborted)
                        continue;
                }
                return statusOutcome(status);
            }
            catch (error) {
                if (signal.aborted)
                    return failureOutcome(error, true, timeoutMs);
                if (tries === 1 && (0,retry/* isTransientError */.bV)(error)) {
                    await sleep(retryDelayMs, signal);
                    if (!signal.aborted)
                        continue;
                    return failureOutcome(error, true, timeoutMs);
                }
                return failureOutcome(error, false, timeoutMs);
            }
        }
    }
    finally {
        clearTimeout(timer);
        controller.abort();
    }
}
async function probeFile(url, definitionFile) {
    const dir = external_node_path_default().dirname(definitionFile);
    const meaning = await (0,file_url/* checkFileUrl */.Kp)(url, dir, dir, { mustExist: true });
    if (meaning.ok)
        return alive;
    return {
        ok: false,
        reason: meaning.reason,
        todo: 'put the image there or correct the path (relative to the definition file)',
    };
}

;// CONCATENATED MODULE: ./src/definitions/check-urls.ts
// `validate --check-urls`: is every `url` and `mirror_url` still there? One
// HEAD per distinct url (a GET of one byte when the server refuses HEAD),
// bounded concurrency, one deadline per url that covers redirects, the
// fallback and a retry. `file:` urls must name an existing file.






const DEFAULT_URL_CONCURRENCY = 8;
const DEFAULT_URL_TIMEOUT_MS = 15_000;
/** One check per distinct url; a `file:` url means a file beside its definition file. */
const checkId = (url, definitionFile) => url.startsWith('file:') ? `${definitionFile}\0${url}` : url;
/** Text as shown: every url in it without the `user:password@` it may carry. */
function withoutUserinfo(text) {
    // Greedy up to the last `@` before the path: a password may hold a bare `@`.
    return text.replace(/([a-z][a-z0-9+.-]*:\/\/)[^/?#\s]*@/gi, '$1');
}
/** The definitions to check: enabled ones, restricted to the changed lines when given. */
function selectDefinitions(definitions, changed, cwd) {
    const enabled = definitions.filter((d) => d.enable);
    if (changed === undefined)
        return enabled;
    const byFile = new Map();
    for (const def of enabled) {
        const file = external_node_path_default().resolve(cwd, def.position.file);
        byFile.set(file, [...(byFile.get(file) ?? []), def]);
    }
    const selected = [];
    for (const [file, defs] of byFile) {
        const lines = changed.get(file);
        if (lines === undefined)
            continue;
        const sorted = [...defs].sort((a, b) => a.position.line - b.position.line);
        const first = sorted[0]?.position.line ?? 1;
        // A line above the first definition (shared anchors, say) may change any of them.
        if (lines === 'all' || [...lines].some((l) => l < first)) {
            selected.push(...sorted);
            continue;
        }
        sorted.forEach((def, i) => {
            const end = (sorted[i + 1]?.position.line ?? Infinity) - 1;
            if ([...lines].some((l) => l >= def.position.line && l <= end))
                selected.push(def);
        });
    }
    return selected;
}
function message(use, outcome, urlAlive) {
    const head = `${use.key} '${use.url}' of '${use.def.name}' version ${use.version.version} ${outcome.reason}`;
    if (use.key === 'mirror_url' && urlAlive) {
        return `${head}; plan and apply fall back to url, which answers: mirror the build again (image-manager mirror) or remove mirror_url`;
    }
    if (use.key === 'mirror_url')
        return `${head}: ${outcome.todo}, or remove mirror_url`;
    return `${head}: ${outcome.todo}, or remove this version`;
}
async function checkUrls(definitions, options = {}) {
    const cwd = options.cwd ?? process.cwd();
    const selected = selectDefinitions(definitions, options.changed, cwd);
    const uses = urlUses(selected, cwd);
    const distinct = new Map();
    for (const use of uses)
        if (!distinct.has(use.id))
            distinct.set(use.id, use);
    const checked = [...distinct.values()].filter((u) => /^(https?|file):/i.test(u.url));
    const outcomes = await probeAll(checked, options);
    return {
        problems: await urlProblems(uses, outcomes),
        definitions: selected.length,
        urls: checked.length,
        skipped: distinct.size - checked.length,
    };
}
/** Every url and mirror_url of the selected definitions, in their order. */
function urlUses(selected, cwd) {
    const uses = [];
    for (const def of selected) {
        const definitionFile = external_node_path_default().resolve(cwd, def.position.file);
        for (const version of def.versions) {
            for (const key of ['url', 'mirror_url']) {
                const url = version[key];
                if (url === undefined)
                    continue;
                uses.push({ def, version, key, url, id: checkId(url, definitionFile), definitionFile });
            }
        }
    }
    return uses;
}
/** Each distinct url probed once, `concurrency` at a time; outcomes by check id. */
async function probeAll(checked, options) {
    const timeoutMs = options.timeoutMs ?? DEFAULT_URL_TIMEOUT_MS;
    const retryDelayMs = options.retryDelayMs ?? 1000;
    const fetchFn = options.fetch ?? (await (0,upstream_http/* createUpstreamFetch */.I9)(options.sourceCacert));
    const slot = (0,limiter/* limiter */.T)(options.concurrency ?? DEFAULT_URL_CONCURRENCY);
    const outcomes = new Map();
    await Promise.all(checked.map((use) => slot(async () => {
        const outcome = use.url.startsWith('file:')
            ? await probeFile(use.url, use.definitionFile)
            : await probeHttp(use.url, fetchFn, timeoutMs, retryDelayMs);
        outcomes.set(use.id, outcome);
    })));
    return outcomes;
}
/** A problem for every use of a url that failed; a dead mirror_url with a live url warns. */
async function urlProblems(uses, outcomes) {
    const problems = [];
    const lines = new Map();
    const lineMap = (file) => {
        let found = lines.get(file);
        if (!found) {
            found = (0,promises_.readFile)(file, 'utf8').then((text) => new positions/* LineMap */.HU(text), () => undefined);
            lines.set(file, found);
        }
        return found;
    };
    for (const use of uses) {
        const outcome = outcomes.get(use.id);
        if (!outcome || outcome.ok)
            continue;
        const urlAlive = outcomes.get(checkId(use.version.url, use.definitionFile))?.ok === true;
        const severity = use.key === 'mirror_url' && urlAlive ? 'warning' : 'error';
        const at = use.version.keys?.[use.key] ?? use.version.position;
        const map = await lineMap(use.definitionFile);
        problems.push({
            severity,
            file: at.file,
            line: at.line,
            column: at.column,
            message: withoutUserinfo(message(use, outcome, urlAlive)),
            ...(map ? { sourceLine: withoutUserinfo(map.lineText(at.line)) } : {}),
        });
    }
    return problems;
}

// EXTERNAL MODULE: ./src/definitions/catalog.ts + 1 modules
var definitions_catalog = __webpack_require__(4239);
// EXTERNAL MODULE: ./src/escape/markdown.ts
var markdown = __webpack_require__(7266);
// EXTERNAL MODULE: ./src/problems.ts
var src_problems = __webpack_require__(2095);
;// CONCATENATED MODULE: ./src/commands/validate.ts
// `validate`: check every definition file and point at each defect; with
// `checkUrls`, also whether every url of the (changed) definitions answers.





const plural = (n, word) => `${n} ${word}${n === 1 ? '' : 's'}`;
function summaryTable(problems) {
    const rows = problems.map((p) => `| ${p.severity} | ${(0,markdown/* markdownCode */.D9)(`${p.file}:${p.line}:${p.column}`)} | ${(0,markdown/* escapeMarkdown */.FV)(p.message)} |`);
    return ['| | Where | Problem |', '|---|---|---|', ...rows].join('\n');
}
function urlLine(check) {
    const skipped = check.skipped ? ` (${plural(check.skipped, 'ftp url')} not checked)` : '';
    return `urls: ${plural(check.urls, 'url')} of ${plural(check.definitions, 'definition')} checked${skipped}`;
}
/** Exit code: 0 valid, 1 invalid definitions or a dead url. */
async function validateCommand(options, reporter) {
    const cwd = options.cwd ?? process.cwd();
    const catalog = await (0,definitions_catalog/* loadCatalog */.ak)({ images: options.images, strict: options.strict, cwd });
    let problems = catalog.problems;
    let urls;
    if (options.checkUrls) {
        const { changed, sourceCacert } = options.checkUrls;
        try {
            urls = await checkUrls(catalog.definitions, {
                cwd,
                ...(changed ? { changed } : {}),
                ...(sourceCacert ? { sourceCacert } : {}),
            });
        }
        catch (error) {
            if (error instanceof src_problems/* ConfigError */.xL)
                throw new src_problems/* UserError */.yo(error.message, 2);
            throw error;
        }
        problems = (0,src_problems/* sortProblems */.dS)(problems.concat(urls.problems));
    }
    const errors = (0,src_problems/* errorsOf */.Bp)(problems).length;
    const warnings = problems.length - errors;
    const versions = catalog.definitions.reduce((n, d) => n + d.versions.length, 0);
    reporter.problems(problems);
    const counts = `${plural(catalog.files, 'file')}, ${plural(catalog.definitions.length, 'image')}, ${plural(versions, 'version')}`;
    const line = errors > 0
        ? `✗ ${plural(errors, 'error')}${warnings ? `, ${plural(warnings, 'warning')}` : ''} in ${plural(catalog.files, 'file')}`
        : `✓ valid: ${counts}${warnings ? ` (${plural(warnings, 'warning')})` : ''}`;
    reporter.info(line);
    if (urls)
        reporter.info(urlLine(urls));
    await reporter.summary([
        `### Image definitions: ${line}`,
        urls ? urlLine(urls) : '',
        problems.length ? summaryTable(problems) : '',
    ]
        .filter(Boolean)
        .join('\n\n'));
    return errors > 0 ? 1 : 0;
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
/* harmony import */ var _http_client_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(7647);
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
/** The fetch for image sources: the default CAs, plus the source CA when one is given. */
async function createUpstreamFetch(sourceCacert) {
    if (sourceCacert === undefined)
        return globalThis.fetch;
    const ca = [...(await defaultCertificates()), await (0,_http_tls_js__WEBPACK_IMPORTED_MODULE_3__/* .readPem */ .J)(sourceCacert, '--source-cacert')];
    return (0,_http_tls_js__WEBPACK_IMPORTED_MODULE_3__/* .fetchWithTls */ .w)({ ca, rejectUnauthorized: true });
}
/** An Http for image sources, with the same retries and timeouts as the cloud's client. */
async function createUpstreamHttp(options = {}) {
    const { sourceCacert, ...http } = options;
    return (0,_http_client_js__WEBPACK_IMPORTED_MODULE_2__/* .createHttp */ .V0)({
        ...http,
        fetch: options.fetch ?? (await createUpstreamFetch(sourceCacert)),
        trustHint: SOURCE_TRUST_HINT,
    });
}


/***/ }),

/***/ 7266:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   D9: () => (/* binding */ markdownCode),
/* harmony export */   FV: () => (/* binding */ escapeMarkdown),
/* harmony export */   dI: () => (/* binding */ markdownBlock),
/* harmony export */   iQ: () => (/* binding */ markdownLink)
/* harmony export */ });
/* unused harmony export urlPath */
/* harmony import */ var _invisible_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(1972);
// Text from definitions, the cloud or errors, made inert for GitHub Markdown: it
// reads as written and adds no element, link, image, mention or reference.

// What Markdown, its GFM extensions (tables, strikethrough, autolinks), GitHub's
// math or HTML act on. As numeric character references they read back literally
// both in Markdown text and inside the HTML blocks of the template.
const ACTIVE = /[\\`*_[\]<>&!|~$:#]/g;
// GitHub turns `@name` and `#123` in rendered text into mentions and links, and
// cmark-gfm links `name@host`: a word joiner after the sign stops all three.
const WORD_JOINER = '\u2060';
/** One value for any place in the template: a line, a table cell, `<summary>` or `<code>`. */
function escapeMarkdown(value) {
    return ((0,_invisible_js__WEBPACK_IMPORTED_MODULE_0__/* .showInvisible */ .j)(value)
        .replace(ACTIVE, (c) => `&#${c.charCodeAt(0)};`)
        // `www.` is an autolink even without a scheme.
        .replace(/(www)\./gi, '$1&#46;')
        .replace(/@|&#35;/g, (sign) => sign + WORD_JOINER));
}
/** A value as inline code. */
const markdownCode = (value) => `<code>${escapeMarkdown(value)}</code>`;
/** Lines as a preformatted block: blank lines and fences inside cannot end it. */
const markdownBlock = (text) => `<pre>${text.split('\n').map(escapeMarkdown).join('\n')}</pre>`;
// A url the template may link to: http(s), nothing but unreserved characters,
// percent escapes and the separators of a path, a port and a fragment.
const SAFE_URL = /^https?:\/\/[A-Za-z0-9._~%/:#-]+$/;
/** `text` linked to `url`; the escaped text alone when the url is not plainly safe. */
const markdownLink = (text, url) => url !== undefined && SAFE_URL.test(url)
    ? `<a href="${url}">${escapeMarkdown(text)}</a>`
    : escapeMarkdown(text);
/** A path's segments percent-encoded for a url: only unreserved characters stay. */
const urlPath = (path) => path
    .split('/')
    .map((segment) => [...Buffer.from(segment, 'utf8')]
    .map((b) => /[A-Za-z0-9._~-]/.test(String.fromCharCode(b))
    ? String.fromCharCode(b)
    : `%${b.toString(16).toUpperCase().padStart(2, '0')}`)
    .join(''))
    .join('/');


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
