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
;// CONCATENATED MODULE: ./src/catalog-page/table.ts


/** What a cell says when the cloud lacks the image. */
const NOT_IN_CLOUD = 'not in the cloud';
function catalogTable(definitions, options = {}) {
    const byName = new Map();
    for (const image of options.cloudImages ?? []) {
        byName.set(image.name, [...(byName.get(image.name) ?? []), image]);
    }
    const withCloud = options.cloudImages !== undefined;
    const withPassword = definitions.some((d) => d.enable && d.password !== undefined);
    const rows = definitions
        .filter((d) => d.enable)
        .flatMap((definition) => (0,desire/* desireDefinition */.ax)(definition, { tag: '', useOsHidden: false }).map((image) => {
        const found = [...(byName.get(image.name) ?? [])].sort((a, b) => a.id.localeCompare(b.id));
        const p = image.properties;
        const visibility = found.length
            ? [...new Set(found.map((i) => `${i.visibility}${i.os_hidden ? ' (hidden)' : ''}`))]
            : [image.visibility];
        const cells = [
            image.name,
            [p.os_distro, p.os_version].filter(Boolean).join(' '),
            p.image_build_date ??
                found.find((i) => i.properties.image_build_date)?.properties.image_build_date ??
                '',
            definition.login,
            ...(withPassword ? [definition.password ?? ''] : []),
            visibility.join(', '),
            ...(withCloud ? [found.length ? found.map((i) => i.id).join(' ') : NOT_IN_CLOUD] : []),
        ];
        return cells;
    }))
        .sort((a, b) => (0,natural_sort/* naturalCompare */.p)(a[0], b[0]));
    return {
        title: options.cloud ? `Images of ${options.cloud}` : 'Images',
        columns: [
            'Name',
            'Distribution',
            'Build date',
            'Login',
            ...(withPassword ? ['Password'] : []),
            'Visibility',
            ...(withCloud ? ['UUID'] : []),
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
;// CONCATENATED MODULE: ./src/commands/catalog.ts
// `catalog`: the page for the cloud's users — one table of the images, from
// the definitions (and the cloud's UUIDs with --cloud) — as Markdown and HTML.








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
    const table = catalogTable(catalog.definitions, {
        ...(cloudImages ? { cloudImages } : {}),
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
