export const id = 449;
export const ids = [449];
export const modules = {

/***/ 43449:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  checkUrls: () => (/* binding */ checkUrls)
});

// UNUSED EXPORTS: selectDefinitions

// EXTERNAL MODULE: external "node:fs/promises"
var promises_ = __webpack_require__(51455);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(76760);
var external_node_path_default = /*#__PURE__*/__webpack_require__.n(external_node_path_);
// EXTERNAL MODULE: ./src/limiter.ts
var limiter = __webpack_require__(21555);
// EXTERNAL MODULE: ./src/download/upstream-http.ts
var upstream_http = __webpack_require__(78140);
// EXTERNAL MODULE: ./src/http/secrets.ts
var secrets = __webpack_require__(84861);
// EXTERNAL MODULE: ./src/definitions/positions.ts
var positions = __webpack_require__(86714);
// EXTERNAL MODULE: external "node:http"
var external_node_http_ = __webpack_require__(37067);
// EXTERNAL MODULE: ./src/http/connection.ts
var connection = __webpack_require__(99886);
// EXTERNAL MODULE: ./src/http/client.ts + 2 modules
var client = __webpack_require__(43456);
// EXTERNAL MODULE: ./src/http/retry.ts
var retry = __webpack_require__(28902);
// EXTERNAL MODULE: ./src/download/file-url.ts
var file_url = __webpack_require__(84716);
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
    const split = (0,secrets/* splitUserinfo */.Gw)(new URL(url));
    const headers = { 'User-Agent': client/* DEFAULT_USER_AGENT */.qx, Accept: '*/*' };
    if (split.authorization)
        headers.Authorization = split.authorization;
    return { target: split.url.toString(), headers };
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
async function probeHttp(url, fetchFn, timeoutMs, retryDelayMs, 
/** Aborted: the whole check is over (its deadline), this probe ends at once. */
overall) {
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
    const stop = () => controller.abort();
    if (overall?.aborted)
        stop();
    overall?.addEventListener('abort', stop);
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
    const deadline = new Promise((_, reject) => {
        if (signal.aborted)
            reject(new Error('deadline'));
        signal.addEventListener('abort', () => reject(new Error('deadline')));
    });
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
        overall?.removeEventListener('abort', stop);
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

// EXTERNAL MODULE: ./src/definitions/url-limits.ts
var url_limits = __webpack_require__(43040);
;// CONCATENATED MODULE: ./src/definitions/check-urls.ts
// `validate --check-urls`: is every `url` and `mirror_url` still there? One
// HEAD per distinct url (a GET of one byte when the server refuses HEAD),
// bounded concurrency, one deadline per url that covers redirects, the
// fallback and a retry. `file:` urls must name an existing file.








/** One check per distinct url; a `file:` url means a file beside its definition file. */
const checkId = (url, definitionFile) => url.startsWith('file:') ? `${definitionFile}\0${url}` : url;
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
    const checkable = [...distinct.values()].filter((u) => /^(https?|file):/i.test(u.url));
    const maxUrls = options.maxUrls ?? url_limits/* DEFAULT_MAX_URLS */.iv;
    const checked = checkable.slice(0, maxUrls);
    const outcomes = await probeAll(checked, options);
    const unasked = checked.filter((u) => !outcomes.has(u.id));
    return {
        problems: [
            ...(await urlProblems(uses, outcomes)),
            ...notAsked(checkable.slice(maxUrls), `more than the ${maxUrls} distinct urls --check-urls asks in one run (--check-urls-max, action input check-urls-max): split the change or raise the limit`),
            ...notAsked(unasked, `not asked before the deadline of ${(options.deadlineMs ?? url_limits/* DEFAULT_URLS_DEADLINE_SECONDS */.qC * 1000) / 1000} s for all urls (--check-urls-deadline, action input check-urls-deadline): check fewer urls at once or raise the deadline`),
        ],
        definitions: selected.length,
        urls: checked.length - unasked.length,
        skipped: distinct.size - checkable.length,
    };
}
/** One error for urls that were not asked, at the first of them; none for none. */
function notAsked(left, why) {
    const first = left[0];
    if (!first)
        return [];
    const at = first.version.keys?.[first.key] ?? first.version.position;
    const count = left.length === 1 ? 'this url' : `${left.length} urls (this one first)`;
    return [
        {
            severity: 'error',
            file: at.file,
            line: at.line,
            column: at.column,
            message: `${count} not checked: ${why}`,
        },
    ];
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
/**
 * Each distinct url probed once, `concurrency` at a time; outcomes by check
 * id. At the overall deadline the probes under way are cut off and the rest
 * not started: their urls have no outcome.
 */
async function probeAll(checked, options) {
    const timeoutMs = options.timeoutMs ?? url_limits/* DEFAULT_URL_TIMEOUT_MS */.DN;
    const retryDelayMs = options.retryDelayMs ?? 1000;
    const fetchFn = options.fetch ?? (await (0,upstream_http/* createUpstreamFetch */.I9)(options.sourceCacert));
    const slot = (0,limiter/* limiter */.T)(options.concurrency ?? url_limits/* DEFAULT_URL_CONCURRENCY */.Ci);
    const outcomes = new Map();
    const overall = new AbortController();
    let timer;
    const deadline = new Promise((resolve) => {
        timer = setTimeout(() => {
            overall.abort();
            resolve();
        }, options.deadlineMs ?? url_limits/* DEFAULT_URLS_DEADLINE_SECONDS */.qC * 1000);
    });
    const all = Promise.all(checked.map((use) => slot(async () => {
        if (overall.signal.aborted)
            return;
        const outcome = use.url.startsWith('file:')
            ? await probeFile(use.url, use.definitionFile)
            : await probeHttp(use.url, fetchFn, timeoutMs, retryDelayMs, overall.signal);
        if (!overall.signal.aborted)
            outcomes.set(use.id, outcome);
    })));
    try {
        await Promise.race([all, deadline]);
    }
    finally {
        clearTimeout(timer);
        overall.abort();
    }
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
            message: (0,secrets/* withoutUserinfo */.Q3)(message(use, outcome, urlAlive)),
            ...(map ? { sourceLine: (0,secrets/* withoutUserinfo */.Q3)(map.lineText(at.line)) } : {}),
        });
    }
    return problems;
}


/***/ })

};
