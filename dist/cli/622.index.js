export const id = 622;
export const ids = [622];
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

/***/ 3622:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  catalogCommand: () => (/* binding */ catalogCommand)
});

// EXTERNAL MODULE: external "node:fs/promises"
var promises_ = __webpack_require__(1455);
// EXTERNAL MODULE: ./src/escape/invisible.ts
var invisible = __webpack_require__(1972);
;// CONCATENATED MODULE: ./src/escape/html.ts
// Text from definitions or the cloud, made inert for an HTML page: it reads as
// written inside an element or a quoted attribute and adds no markup.

const ENTITIES = {
    '&': '&amp;',
    '<': '&lt;',
    '>': '&gt;',
    '"': '&quot;',
    "'": '&#39;',
};
// What an HTML parser reports as an error in the input stream besides controls
// (which showInvisible writes out): lone surrogates and noncharacters.
const UNREADABLE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]|[\ufdd0-\ufdef\ufffe\uffff]|[\ud83f\ud87f\ud8bf\ud8ff\ud93f\ud97f\ud9bf\ud9ff\uda3f\uda7f\udabf\udaff\udb3f\udb7f\udbbf\udbff][\udffe\udfff]/g;
const written = (c) => [...c].map((u) => `\\u${u.codePointAt(0).toString(16).padStart(4, '0')}`).join('');
/** One value for element text or a quoted attribute. */
function escapeHtml(value) {
    return (0,invisible/* showInvisible */.j)(value)
        .replace(UNREADABLE, written)
        .replace(/[&<>"']/g, (c) => ENTITIES[c]);
}

;// CONCATENATED MODULE: ./src/catalog-page/render-html.ts
// The catalog table as a static HTML page: no scripts (its Content Security
// Policy allows none), no outside resources, every value escaped.

const STYLE = `body{font-family:system-ui,sans-serif;margin:2rem;color:#1f2328}
table{border-collapse:collapse}
th,td{border:1px solid #d0d7de;padding:.3rem .6rem;text-align:left;vertical-align:top}
th{background:#f6f8fa}
td{overflow-wrap:anywhere}`;
const plural = (n) => `${n} image${n === 1 ? '' : 's'}`;
function renderCatalogHtml(table) {
    const title = escapeHtml(table.title);
    const row = (tag, cells) => `<tr>${cells
        .map((c) => tag === 'th' ? `<th scope="col">${escapeHtml(c)}</th>` : `<td>${escapeHtml(c)}</td>`)
        .join('')}</tr>`;
    return [
        '<!DOCTYPE html>',
        '<html lang="en">',
        '<head>',
        '<meta charset="utf-8">',
        `<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">`,
        '<meta name="viewport" content="width=device-width, initial-scale=1">',
        `<title>${title}</title>`,
        `<style>\n${STYLE}\n</style>`,
        '</head>',
        '<body>',
        `<h1>${title}</h1>`,
        `<p>${plural(table.rows.length)}.</p>`,
        '<table>',
        `<thead>\n${row('th', table.columns)}\n</thead>`,
        '<tbody>',
        ...table.rows.map((cells) => row('td', cells)),
        '</tbody>',
        '</table>',
        '</body>',
        '</html>',
        '',
    ].join('\n');
}

// EXTERNAL MODULE: ./src/escape/markdown.ts
var markdown = __webpack_require__(7266);
;// CONCATENATED MODULE: ./src/catalog-page/render-markdown.ts
// The catalog table as Markdown, for the job summary or a README.

const render_markdown_plural = (n) => `${n} image${n === 1 ? '' : 's'}`;
function renderCatalogMarkdown(table) {
    const line = (cells) => `| ${cells.map((c) => (c === '' ? ' ' : (0,markdown/* escapeMarkdown */.FV)(c))).join(' | ')} |`;
    return [
        `## ${(0,markdown/* escapeMarkdown */.FV)(table.title)}`,
        '',
        `${render_markdown_plural(table.rows.length)}.`,
        '',
        line(table.columns),
        `|${table.columns.map(() => '---').join('|')}|`,
        ...table.rows.map(line),
        '',
    ].join('\n');
}

// EXTERNAL MODULE: ./src/natural-sort.ts
var natural_sort = __webpack_require__(8775);
// EXTERNAL MODULE: ./src/plan/desire.ts
var desire = __webpack_require__(6149);
// EXTERNAL MODULE: ./src/plan/managed.ts + 1 modules
var managed = __webpack_require__(6770);
;// CONCATENATED MODULE: ./src/catalog-page/table.ts



/** What a cell says when the cloud lacks the image. */
const NOT_IN_CLOUD = 'not in the cloud';
/** What the visibility cell adds for a build the catalog no longer lists. */
const OLDER_BUILD = 'older build';
/** The columns up to Login; Password, Visibility and UUID follow as the table needs them. */
const COLUMNS = [
    'Name',
    'Distribution',
    'Architecture',
    'Min disk / RAM',
    'Purpose',
    'Build date',
    'Rebuilt',
    'Support until',
    'Login',
];
/** provided_until, and endoflife.date's date beside it when known. */
function supportUntil(p, options) {
    const { os_distro: distro, os_version: release } = p;
    const eol = distro && release ? options.endOfLife?.(distro.toLowerCase(), release) : undefined;
    return [p.provided_until, eol === undefined ? undefined : `${eol} (endoflife.date)`]
        .filter(Boolean)
        .join('; ');
}
/** The cells every row has, from an image's properties and sizes. */
function describe(name, p, size, buildDate, options) {
    return [
        name,
        [p.os_distro, p.os_version].filter(Boolean).join(' '),
        p.architecture ?? '',
        `${size.disk} GiB / ${size.ram} MiB`,
        p.os_purpose ?? '',
        buildDate,
        p.replace_frequency ?? '',
        supportUntil(p, options),
    ];
}
const visibilityOf = (images) => [...new Set(images.map((i) => `${i.visibility}${i.os_hidden ? ' (hidden)' : ''}`))].join(', ');
function desiredRow(definition, image, found, options, withPassword) {
    const p = image.properties;
    const buildDate = p.image_build_date ??
        found.find((i) => i.properties.image_build_date)?.properties.image_build_date ??
        '';
    return [
        ...describe(image.name, p, { disk: image.minDisk, ram: image.minRam }, buildDate, options),
        definition.login,
        ...(withPassword ? [definition.password ?? ''] : []),
        found.length ? visibilityOf(found) : image.visibility,
        ...(options.cloudImages
            ? [found.length ? found.map((i) => i.id).join(' ') : NOT_IN_CLOUD]
            : []),
    ];
}
/** A build the cloud still has that the catalog no longer lists: as Glance has it. */
function olderRow(definition, image, options, withPassword) {
    const p = image.properties;
    const size = { disk: image.min_disk, ram: image.min_ram };
    return [
        ...describe(image.name, p, size, p.image_build_date ?? '', options),
        definition.login,
        ...(withPassword ? [definition.password ?? ''] : []),
        `${visibilityOf([image])}, ${OLDER_BUILD}`,
        image.id,
    ];
}
function definitionRows(definition, byName, options, withPassword) {
    const desired = (0,desire/* desireDefinition */.ax)(definition, { tag: '', useOsHidden: false });
    const found = (name) => [...(byName.get(name) ?? [])].sort((a, b) => a.id.localeCompare(b.id));
    const rows = desired.map((image) => desiredRow(definition, image, found(image.name), options, withPassword));
    const listed = new Set(desired.map((d) => d.name));
    const older = (options.cloudImages ?? []).filter((i) => (0,managed/* belongsTo */.g4)(definition, i) && !listed.has(i.name));
    return [...rows, ...older.map((i) => olderRow(definition, i, options, withPassword))];
}
function catalogTable(definitions, options = {}) {
    const byName = new Map();
    for (const image of options.cloudImages ?? []) {
        byName.set(image.name, [...(byName.get(image.name) ?? []), image]);
    }
    const withPassword = definitions.some((d) => d.enable && d.password !== undefined);
    const rows = definitions
        .filter((d) => d.enable)
        .flatMap((definition) => definitionRows(definition, byName, options, withPassword))
        .sort((a, b) => (0,natural_sort/* naturalCompare */.p)(a[0], b[0]) ||
        (0,natural_sort/* naturalCompare */.p)(a.at(-1), b.at(-1)));
    return {
        title: options.cloud ? `Images of ${options.cloud}` : 'Images',
        columns: [
            ...COLUMNS,
            ...(withPassword ? ['Password'] : []),
            'Visibility',
            ...(options.cloudImages ? ['UUID'] : []),
        ],
        rows,
    };
}

// EXTERNAL MODULE: ./src/definitions/catalog.ts + 1 modules
var definitions_catalog = __webpack_require__(4239);
// EXTERNAL MODULE: ./src/problems.ts
var problems = __webpack_require__(2095);
// EXTERNAL MODULE: ./src/cloud/connect.ts + 14 modules
var connect = __webpack_require__(5283);
// EXTERNAL MODULE: ./src/cloud/observe.ts + 1 modules
var observe = __webpack_require__(8733);
// EXTERNAL MODULE: ./src/download/upstream-http.ts
var upstream_http = __webpack_require__(8140);
// EXTERNAL MODULE: ./src/lifecycle/endoflife.ts
var endoflife = __webpack_require__(3474);
// EXTERNAL MODULE: ./src/lifecycle/report.ts
var report = __webpack_require__(5964);
;// CONCATENATED MODULE: ./src/commands/catalog.ts
// `catalog`: the page for the cloud's users — one table of the images, from
// the definitions (and the cloud's UUIDs with --cloud) — as Markdown and HTML.











/** endoflife.date's end of support per release, when `--eol-url` is given. */
async function endOfLife(definitions, eolUrl) {
    if (eolUrl === undefined)
        return undefined;
    const products = (0,report/* productsOf */.y0)(definitions).map((p) => p.distro);
    const cycles = await (0,endoflife/* fetchAllCycles */.HB)(await (0,upstream_http/* createUpstreamHttp */.kf)(), eolUrl, products);
    return (distro, release) => (0,report/* endOfSupport */.yV)(cycles, distro, release);
}
async function write(file, text, what) {
    try {
        await (0,promises_.writeFile)(file, text);
    }
    catch (error) {
        throw new problems/* UserError */.yo(`Cannot write the ${what} to '${file}': ${(0,problems/* getErrorMessage */.u1)(error)}`);
    }
}
/** Exit code: 0 written, 1 invalid definitions. `publish` gets the table and its renderings. */
async function catalogCommand(options, reporter, publish) {
    const catalog = await (0,definitions_catalog/* requireValidCatalog */.Vm)({ images: options.images, strict: options.strict }, {
        report: (0,definitions_catalog/* problemsTo */.Qp)(reporter),
        stop: (errors) => reporter.info(`✗ ${errors} error(s) in the image definitions: no catalog page`),
    });
    if (!catalog)
        return 1;
    const cloudImages = options.withCloud
        ? await (0,observe/* observeManagedImages */.W)(await (0,connect/* connect */.N)(options, reporter), options.tag)
        : undefined;
    const eol = await endOfLife(catalog.definitions, options.eolUrl);
    const table = catalogTable(catalog.definitions, {
        ...(cloudImages ? { cloudImages } : {}),
        ...(eol ? { endOfLife: eol } : {}),
        ...(options.cloud ? { cloud: options.cloud } : {}),
    });
    const markdown = renderCatalogMarkdown(table);
    const html = renderCatalogHtml(table);
    if (options.markdown)
        await write(options.markdown, markdown, 'Markdown table');
    if (options.html)
        await write(options.html, html, 'HTML page');
    if (!options.markdown && !options.html)
        reporter.info(markdown.trimEnd(), { preEscaped: true });
    for (const [file, what] of [
        [options.markdown, 'Markdown'],
        [options.html, 'HTML page'],
    ]) {
        if (file)
            reporter.info(`${what} of ${table.rows.length} image(s) written to ${file}`);
    }
    await reporter.summary(markdown);
    await publish?.(table, { markdown, html });
    return 0;
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

/***/ 5964:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   ZW: () => (/* binding */ lifecycleReport),
/* harmony export */   wB: () => (/* binding */ DISTRIBUTIONS),
/* harmony export */   y0: () => (/* binding */ productsOf),
/* harmony export */   yV: () => (/* binding */ endOfSupport)
/* harmony export */ });
/* unused harmony export findCycle */
/* harmony import */ var _natural_sort_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(8775);
/* harmony import */ var _plan_desire_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(6149);


const DISTRIBUTIONS = [
    { distro: 'ubuntu', label: 'Ubuntu', ltsOnly: true, end: 'eol' },
    { distro: 'debian', label: 'Debian', ltsOnly: false, end: 'extendedSupport' },
];
const today = (now) => now.toISOString().slice(0, 10);
/** `true` when a date has come (or the flag says so); a day ends at its end. */
const reached = (value, day) => typeof value === 'string' ? value <= day : value === true;
/** The end date that counts and whether it has come. */
function endOf(cycle, rule, day) {
    const extended = rule.end === 'extendedSupport' ? cycle.extendedSupport : undefined;
    if (typeof extended === 'string')
        return { end: extended, over: extended <= day };
    // Extended support without a date yet is ongoing.
    if (extended === true)
        return { over: false };
    // No extended support: the regular end counts (`eol: true` is over, date unknown).
    if (typeof cycle.eol === 'string')
        return { end: cycle.eol, over: cycle.eol <= day };
    return { over: cycle.eol };
}
/** The cycle an os_version belongs to: `12` and `12.5` -> 12, `24.04.1` -> 24.04, or by codename. */
function findCycle(cycles, release) {
    const wanted = release.trim().toLowerCase();
    const byVersion = cycles
        .filter((c) => wanted === c.cycle || wanted.startsWith(`${c.cycle}.`))
        .sort((a, b) => b.cycle.length - a.cycle.length)[0];
    if (byVersion)
        return byVersion;
    return cycles.find((c) => {
        const name = c.codename?.toLowerCase();
        return name !== undefined && (name === wanted || name.split(/\s+/)[0] === wanted);
    });
}
/** Releases of the definitions, one per definition and os_version, with their Glance names. */
function catalogReleases(definitions, rules) {
    const found = new Map();
    for (const definition of definitions) {
        for (const image of (0,_plan_desire_js__WEBPACK_IMPORTED_MODULE_0__/* .desireDefinition */ .ax)(definition, { tag: '', useOsHidden: false })) {
            const distro = image.properties.os_distro?.toLowerCase();
            const release = image.properties.os_version;
            const rule = distro === undefined ? undefined : rules.get(distro);
            if (!rule || release === undefined)
                continue;
            const key = JSON.stringify([definition.name, rule.distro, release]);
            const entry = found.get(key) ?? {
                distribution: rule.distro,
                release,
                definition: definition.name,
                enabled: definition.enable,
                images: [],
            };
            entry.images.push(image.name);
            found.set(key, entry);
        }
    }
    return [...found.values()];
}
const byRelease = (a, b) => a.distribution.localeCompare(b.distribution) ||
    (0,_natural_sort_js__WEBPACK_IMPORTED_MODULE_1__/* .naturalCompare */ .p)(a.release, b.release) ||
    (0,_natural_sort_js__WEBPACK_IMPORTED_MODULE_1__/* .naturalCompare */ .p)(a.definition, b.definition);
function lifecycleReport(definitions, cycles, options) {
    const day = today(options.now);
    const rules = new Map(DISTRIBUTIONS.filter((r) => cycles.has(r.distro)).map((r) => [r.distro, r]));
    const releases = catalogReleases(definitions, rules).map((entry) => {
        const rule = rules.get(entry.distribution);
        const cycle = findCycle(cycles.get(rule.distro) ?? [], entry.release);
        if (!cycle)
            return { ...entry, status: 'unknown' };
        const { end, over } = endOf(cycle, rule, day);
        return {
            ...entry,
            cycle: cycle.cycle,
            ...(end === undefined ? {} : { end }),
            status: over ? 'eol' : 'supported',
        };
    });
    releases.sort(byRelease);
    const missing = [];
    for (const rule of rules.values()) {
        missing.push(...missingReleases(rule, cycles.get(rule.distro) ?? [], releases, day));
    }
    missing.sort((a, b) => a.distribution.localeCompare(b.distribution) || (0,_natural_sort_js__WEBPACK_IMPORTED_MODULE_1__/* .naturalCompare */ .p)(a.cycle, b.cycle));
    const pastEndOfLife = releases.filter((r) => r.enabled && r.status === 'eol');
    const unknown = releases.filter((r) => r.enabled && r.status === 'unknown');
    return {
        date: day,
        source: options.source,
        missing,
        pastEndOfLife,
        unknown,
        releases,
        findings: missing.length + pastEndOfLife.length,
    };
}
/** The supported releases of one distribution newer than the newest the catalog enables. */
function missingReleases(rule, cycles, releases, day) {
    const carried = releases.filter((r) => r.distribution === rule.distro);
    const enabled = carried.filter((r) => r.enabled && r.cycle !== undefined);
    // A distribution the catalog does not carry is none of its business.
    if (!carried.some((r) => r.enabled))
        return [];
    const newest = enabled
        .map((r) => r.cycle)
        .sort(_natural_sort_js__WEBPACK_IMPORTED_MODULE_1__/* .naturalCompare */ .p)
        .at(-1);
    const missing = [];
    for (const cycle of cycles) {
        if (!reached(cycle.releaseDate ?? true, day))
            continue;
        if (rule.ltsOnly && !reached(cycle.lts, day))
            continue;
        const { end, over } = endOf(cycle, rule, day);
        if (over)
            continue;
        if (newest !== undefined && (0,_natural_sort_js__WEBPACK_IMPORTED_MODULE_1__/* .naturalCompare */ .p)(cycle.cycle, newest) <= 0)
            continue;
        if (enabled.some((r) => r.cycle === cycle.cycle))
            continue;
        missing.push({
            distribution: rule.distro,
            cycle: cycle.cycle,
            ...(cycle.codename === undefined ? {} : { codename: cycle.codename }),
            ...(cycle.releaseDate === undefined ? {} : { releaseDate: cycle.releaseDate }),
            ...(end === undefined ? {} : { end }),
            disabled: carried
                .filter((r) => !r.enabled && r.cycle === cycle.cycle)
                .map((r) => r.definition),
        });
    }
    return missing;
}
/** The endoflife.date products a catalog needs: the judged distributions it names. */
function productsOf(definitions) {
    const named = new Set(definitions.map((d) => String(d.meta.os_distro ?? '').toLowerCase()).filter(Boolean));
    for (const d of definitions)
        for (const v of d.versions) {
            const distro = v.meta?.os_distro;
            if (distro !== undefined && distro !== null)
                named.add(String(distro).toLowerCase());
        }
    return DISTRIBUTIONS.filter((r) => named.has(r.distro));
}
/** The end that counts for a release (see {@link DistributionRule.end}), where the data has it. */
function endOfSupport(cycles, distro, release) {
    const rule = DISTRIBUTIONS.find((r) => r.distro === distro);
    const cycle = rule && findCycle(cycles.get(distro) ?? [], release);
    // The day only decides "over", not the date: any day will do.
    return rule && cycle ? endOf(cycle, rule, '').end : undefined;
}


/***/ }),

/***/ 6149:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Iw: () => (/* binding */ asRotated),
/* harmony export */   LO: () => (/* binding */ asHolder),
/* harmony export */   ax: () => (/* binding */ desireDefinition),
/* harmony export */   c_: () => (/* binding */ rotationOf)
/* harmony export */ });
/* unused harmony exports glanceValue, desiredTags */
/* harmony import */ var _definitions_names_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(958);
// Definitions -> the images Glance should hold (docs/behaviour.md §2 and §3). Pure.

/**
 * A property value as the old tool wrote it (Python's str()): booleans as
 * True/False, numbers in decimal, text as is. null means "not set".
 */
function glanceValue(value) {
    if (value === null || value === undefined)
        return undefined;
    if (typeof value === 'boolean')
        return value ? 'True' : 'False';
    return String(value);
}
/** `file:` urls are recorded by base name only: local paths are nobody's business. */
const recordedSource = (url) => url.startsWith('file:') && url.includes('/') ? `file:${url.slice(url.lastIndexOf('/') + 1)}` : url;
function properties(def, version, internalVersion, latest) {
    const meta = { image_description: def.name, image_name: def.name, ...def.meta };
    if (version.image_description !== undefined)
        meta.image_description = version.image_description;
    meta.internal_version = internalVersion;
    meta.image_original_user = def.login;
    if (latest)
        meta.upstream_checksum = latest.upstreamChecksum;
    if (!def.multi)
        meta.os_version = version.version;
    else if (version.os_version !== undefined)
        meta.os_version = version.os_version;
    meta.image_source = recordedSource(version.url);
    if (version.build_date !== undefined)
        meta.image_build_date = version.build_date;
    Object.assign(meta, version.meta);
    const out = {};
    for (const [key, value] of Object.entries(meta)) {
        const text = glanceValue(value);
        if (text !== undefined)
            out[key] = text;
    }
    return out;
}
/** The tags a managed image carries: the managed tag, the definition's, os:<distro>. */
function desiredTags(def, tag) {
    const tags = new Set([tag, ...def.tags]);
    const distro = glanceValue(def.meta.os_distro ?? null);
    if (distro)
        tags.add(`os:${distro}`);
    return [...tags].sort();
}
/** A bare upstream digest as `<algo>:<hex>`: its length tells the algorithm. */
function withAlgorithm(hex) {
    const algorithm = { 32: 'md5', 40: 'sha1', 64: 'sha256', 128: 'sha512' }[hex.length];
    return algorithm && /^[0-9a-f]+$/i.test(hex) ? `${algorithm}:${hex.toLowerCase()}` : undefined;
}
/** Every image of one definition, oldest version first. */
function desireDefinition(def, options) {
    const named = (0,_definitions_names_js__WEBPACK_IMPORTED_MODULE_0__/* .glanceNames */ .LY)(def);
    const tags = desiredTags(def, options.tag);
    return named.map(({ version, name }, i) => {
        const newest = i === named.length - 1;
        const latest = version.version === 'latest' ? options.latest?.get(def.name) : undefined;
        const internalVersion = latest?.internalVersion ?? version.version;
        const desired = {
            definition: def,
            version,
            internalVersion,
            name,
            importName: def.multi ? (0,_definitions_names_js__WEBPACK_IMPORTED_MODULE_0__/* .rotatedName */ .rd)(def, internalVersion) : name,
            newest,
            diskFormat: def.format,
            minDisk: def.min_disk,
            minRam: def.min_ram,
            visibility: version.visibility ?? def.visibility,
            status: def.status,
            tags,
            properties: properties(def, version, internalVersion, latest),
            sourceUrl: version.mirror_url ?? version.url,
        };
        // Deliberately differs from the old tool, whose comparison hid the newest too.
        if (options.useOsHidden)
            desired.osHidden = version.hidden ?? !newest;
        if (version.mirror_url !== undefined && version.mirror_url !== version.url)
            desired.fallbackUrl = version.url;
        const checksum = version.checksum ?? (latest && withAlgorithm(latest.upstreamChecksum));
        if (checksum)
            desired.checksum = checksum;
        if (version.id !== undefined)
            desired.id = version.id;
        return desired;
    });
}
/**
 * The rotation settings of a definition: its own `rotated`, else the catalog-wide
 * default. None for non-multi definitions, and none when nothing is set (drop-in).
 */
function rotationOf(def, defaults) {
    const rotated = def.rotated ?? defaults;
    if (!def.multi || !rotated)
        return undefined;
    const properties = {};
    for (const [key, value] of Object.entries(rotated.meta)) {
        const text = glanceValue(value);
        if (text !== undefined)
            properties[key] = text;
    }
    if (Object.keys(properties).length === 0 && rotated.hidden === undefined)
        return undefined;
    return { properties, ...(rotated.hidden !== undefined ? { hidden: rotated.hidden } : {}) };
}
/**
 * A build as it should be once it no longer holds the name. A version's own
 * `hidden` still wins: it is said about that one build.
 */
function asRotated(d, rotation) {
    const out = { ...d, properties: { ...d.properties, ...rotation.properties } };
    if (rotation.hidden !== undefined)
        out.osHidden = d.version.hidden ?? rotation.hidden;
    return out;
}
/** The build that holds the name: visible when rotation hides the others (a rolled-back build too). */
function asHolder(d, rotation) {
    return rotation.hidden === undefined ? d : { ...d, osHidden: d.version.hidden ?? false };
}


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


/***/ })

};
