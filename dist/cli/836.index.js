export const id = 836;
export const ids = [836];
export const modules = {

/***/ 6836:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  lifecycleCommand: () => (/* binding */ lifecycleCommand)
});

// EXTERNAL MODULE: ./src/definitions/catalog.ts + 1 modules
var definitions_catalog = __webpack_require__(4239);
// EXTERNAL MODULE: ./src/lifecycle/endoflife.ts
var endoflife = __webpack_require__(3474);
// EXTERNAL MODULE: ./src/escape/json.ts
var json = __webpack_require__(7961);
// EXTERNAL MODULE: ./src/escape/markdown.ts
var markdown = __webpack_require__(7266);
// EXTERNAL MODULE: ./src/lifecycle/report.ts
var lifecycle_report = __webpack_require__(5964);
;// CONCATENATED MODULE: ./src/lifecycle/render.ts
// The lifecycle report as Markdown (job summary, tracking issue) and JSON.



const label = (distro) => lifecycle_report/* DISTRIBUTIONS */.wB.find((r) => r.distro === distro)?.label ?? distro;
const plural = (n, word) => `${n} ${word}${n === 1 ? '' : 's'}`;
function table(header, rows) {
    return [
        `| ${header.join(' | ')} |`,
        `|${header.map(() => '---').join('|')}|`,
        ...rows.map((row) => `| ${row.join(' | ')} |`),
    ].join('\n');
}
const render_images = (r) => r.images.map(markdown/* markdownCode */.D9).join(', ');
const date = (value) => (value === undefined ? '–' : (0,markdown/* escapeMarkdown */.FV)(value));
/** One line: what the report found, for the title of the tracking issue. */
function lifecycleHeadline(report) {
    if (report.findings === 0)
        return 'Image lifecycle: nothing to do';
    const parts = [
        report.missing.length ? plural(report.missing.length, 'missing release') : '',
        report.pastEndOfLife.length
            ? `${plural(report.pastEndOfLife.length, 'image definition')} past end of life`
            : '',
    ];
    return `Image lifecycle: ${parts.filter(Boolean).join(', ')}`;
}
function renderLifecycleMarkdown(report) {
    const sections = [
        `## ${lifecycleHeadline(report)}`,
        `Release data from ${(0,markdown/* markdownCode */.D9)(report.source)} on ${(0,markdown/* escapeMarkdown */.FV)(report.date)}. ` +
            'Ubuntu: LTS releases, judged on the end of standard support. ' +
            'Debian: judged on the end of Debian LTS.',
        ...missingSection(report),
        ...pastEndOfLifeSection(report),
        ...unknownSection(report),
        ...releasesSection(report),
    ];
    return `${sections.join('\n\n')}\n`;
}
function missingSection(report) {
    if (report.missing.length === 0)
        return [];
    return [
        '### Supported releases missing from the catalog',
        table(['Distribution', 'Release', 'Codename', 'Released', 'Supported until', 'Note'], report.missing.map((m) => [
            (0,markdown/* escapeMarkdown */.FV)(label(m.distribution)),
            (0,markdown/* escapeMarkdown */.FV)(m.cycle),
            m.codename === undefined ? '' : (0,markdown/* escapeMarkdown */.FV)(m.codename),
            date(m.releaseDate),
            date(m.end),
            m.disabled.length ? `disabled: ${m.disabled.map(markdown/* markdownCode */.D9).join(', ')}` : '',
        ])),
    ];
}
function pastEndOfLifeSection(report) {
    if (report.pastEndOfLife.length === 0)
        return [];
    return [
        '### Enabled images past end of life',
        table(['Definition', 'Distribution', 'Release', 'End of life', 'Images'], report.pastEndOfLife.map((r) => [
            (0,markdown/* escapeMarkdown */.FV)(r.definition),
            (0,markdown/* escapeMarkdown */.FV)(label(r.distribution)),
            (0,markdown/* escapeMarkdown */.FV)(r.release),
            date(r.end),
            render_images(r),
        ])),
        'Replace them with a supported release. `enable: false` stops managing a definition; its images stay in the cloud until they are removed.',
    ];
}
function unknownSection(report) {
    if (report.unknown.length === 0)
        return [];
    return [
        '### Releases the data does not know',
        table(['Definition', 'Distribution', 'os_version'], report.unknown.map((r) => [(0,markdown/* escapeMarkdown */.FV)(r.definition), (0,markdown/* escapeMarkdown */.FV)(label(r.distribution)), (0,markdown/* escapeMarkdown */.FV)(r.release)])),
    ];
}
function releasesSection(report) {
    if (report.releases.length === 0)
        return ['The catalog has no Ubuntu or Debian images.'];
    return [
        '### Releases in the catalog',
        table(['Definition', 'Distribution', 'Release', 'Status', 'Until'], report.releases.map((r) => [
            (0,markdown/* escapeMarkdown */.FV)(r.definition),
            (0,markdown/* escapeMarkdown */.FV)(label(r.distribution)),
            (0,markdown/* escapeMarkdown */.FV)(r.release),
            r.enabled ? r.status : `${r.status} (disabled)`,
            date(r.end),
        ])),
    ];
}
const renderLifecycleJson = (report) => `${(0,json/* safeJson */.o)(report)}\n`;

// EXTERNAL MODULE: ./src/download/upstream-http.ts
var upstream_http = __webpack_require__(8140);
;// CONCATENATED MODULE: ./src/commands/lifecycle.ts
// `lifecycle`: the catalog against endoflife.date — supported releases it
// lacks, enabled images past end of life — as Markdown or JSON.





/**
 * Exit code: 0 nothing to do, 1 findings (or invalid definitions). `publish`
 * gets the report and its Markdown (the action keeps the tracking issue with it).
 */
async function lifecycleCommand(options, reporter, publish) {
    const catalog = await (0,definitions_catalog/* requireValidCatalog */.Vm)({ images: options.images, strict: options.strict }, {
        report: (0,definitions_catalog/* problemsTo */.Qp)(reporter, options.output === 'json'),
        stop: (errors) => reporter.info(`✗ ${errors} error(s) in the image definitions: no lifecycle report`),
    });
    if (!catalog)
        return 1;
    const http = await (0,upstream_http/* createUpstreamHttp */.kf)(options.fetch ? { fetch: options.fetch } : {});
    const products = (0,lifecycle_report/* productsOf */.y0)(catalog.definitions).map((p) => p.distro);
    const cycles = await (0,endoflife/* fetchAllCycles */.HB)(http, options.eolUrl, products);
    const report = (0,lifecycle_report/* lifecycleReport */.ZW)(catalog.definitions, cycles, {
        now: options.now ?? new Date(),
        source: options.eolUrl,
    });
    for (const r of report.unknown) {
        reporter.warning(`${r.definition}: os_version '${r.release}' is no ${r.distribution} release cycle of ${options.eolUrl}`);
    }
    const markdown = renderLifecycleMarkdown(report);
    const text = options.output === 'json' ? renderLifecycleJson(report) : markdown;
    reporter.info(text.trimEnd(), {
        preEscaped: true,
    });
    await reporter.summary(markdown);
    await publish?.(report, markdown);
    return report.findings > 0 ? 1 : 0;
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


/***/ })

};
