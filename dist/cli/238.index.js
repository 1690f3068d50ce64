export const id = 238;
export const ids = [238];
export const modules = {

/***/ 9238:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   checkCommand: () => (/* binding */ checkCommand)
/* harmony export */ });
/* unused harmony exports catalogImages, renderCheckText, renderCheckMarkdown, renderCheckJson */
/* harmony import */ var _definitions_catalog_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(4239);
/* harmony import */ var _escape_json_js__WEBPACK_IMPORTED_MODULE_6__ = __webpack_require__(7961);
/* harmony import */ var _escape_log_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(5637);
/* harmony import */ var _escape_markdown_js__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(7266);
/* harmony import */ var _plan_desire_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(6149);
/* harmony import */ var _scs_rules_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(6252);
/* harmony import */ var _cloud_connect_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(5283);
// `check`: the SCS image metadata rules (scs-0102 v2) against a cloud's public and
// community images, and optionally the catalog's images that the cloud lacks.







/** Public and community images, hidden ones too: what a user of the cloud can boot. */
async function cloudImages(glance, tag) {
    const out = [];
    for (const visibility of ['public', 'community']) {
        for await (const image of glance.listImages({
            visibility,
            osHidden: 'both',
            limit: 1000,
            ...(tag ? { tag } : {}),
        })) {
            out.push(image);
        }
    }
    return out.map((i) => ({ ...i, name: i.name ?? '' }));
}
/** The catalog's public and community images as they would be created, for names the cloud lacks. */
function catalogImages(definitions, present, rotated) {
    const out = [];
    for (const def of definitions.filter((d) => d.enable)) {
        const rotation = (0,_plan_desire_js__WEBPACK_IMPORTED_MODULE_3__/* .rotationOf */ .c_)(def, rotated);
        for (const d of (0,_plan_desire_js__WEBPACK_IMPORTED_MODULE_3__/* .desireDefinition */ .ax)(def, { tag: '', useOsHidden: false })) {
            if (present.has(d.name) || (d.visibility !== 'public' && d.visibility !== 'community')) {
                continue;
            }
            const want = !rotation ? d : d.newest ? (0,_plan_desire_js__WEBPACK_IMPORTED_MODULE_3__/* .asHolder */ .LO)(d, rotation) : (0,_plan_desire_js__WEBPACK_IMPORTED_MODULE_3__/* .asRotated */ .Iw)(d, rotation);
            out.push({
                name: d.name,
                visibility: d.visibility,
                os_hidden: want.osHidden ?? false,
                min_disk: d.minDisk,
                min_ram: d.minRam,
                properties: want.properties,
            });
        }
    }
    return out;
}
const MAX_NAMED = 10;
function describe(offenders) {
    const named = offenders
        .slice(0, MAX_NAMED)
        .map((o) => `'${o.name}'${o.id === undefined ? ' [catalog]' : ''} (${o.why})`);
    const rest = offenders.length - named.length;
    return `${named.join('; ')}${rest > 0 ? `; and ${rest} more` : ''}`;
}
/** One line per rule: ✓ or ✗ with the offending images. */
function renderCheckText(results, count) {
    const lines = results.map((r) => r.offenders.length === 0 ? `✓ ${r.id}: ${r.title}` : `✗ ${r.id}: ${(0,_escape_log_js__WEBPACK_IMPORTED_MODULE_4__/* .escapeLogValue */ .t)(describe(r.offenders))}`);
    const failed = results.filter((r) => r.offenders.length > 0).length;
    lines.push(failed
        ? `SCS image metadata (scs-0102 v2): ${failed} of ${results.length} rules fail on ${count} image(s).`
        : `SCS image metadata (scs-0102 v2): all ${results.length} rules pass on ${count} image(s).`);
    return lines.join('\n');
}
function renderCheckMarkdown(results, count) {
    const failed = results.filter((r) => r.offenders.length > 0).length;
    const rows = results.map((r) => `| ${r.offenders.length ? '✗' : '✓'} | ${(0,_escape_markdown_js__WEBPACK_IMPORTED_MODULE_5__/* .markdownCode */ .D9)(r.id)} | ${r.offenders.length ? (0,_escape_markdown_js__WEBPACK_IMPORTED_MODULE_5__/* .escapeMarkdown */ .FV)(describe(r.offenders)) : (0,_escape_markdown_js__WEBPACK_IMPORTED_MODULE_5__/* .escapeMarkdown */ .FV)(r.title)} |`);
    return [
        `### SCS image metadata (scs-0102 v2): ${failed ? `${failed} rule(s) fail` : 'every rule passes'} on ${count} image(s)`,
        '',
        '| | Rule | Result |',
        '|---|---|---|',
        ...rows,
    ].join('\n');
}
/** The report as JSON (see safeJson: nothing in it acts on a terminal or a runner). */
function renderCheckJson(results, count) {
    const body = {
        standard: 'scs-0102-v2',
        images: count,
        passed: results.every((r) => r.offenders.length === 0),
        rules: results.map((r) => ({ ...r, passed: r.offenders.length === 0 })),
    };
    return (0,_escape_json_js__WEBPACK_IMPORTED_MODULE_6__/* .safeJson */ .o)(body);
}
/** Exit code: 0 every rule passes, 1 a rule fails (or invalid definitions), 2 configuration. */
async function checkCommand(options, reporter) {
    let catalog;
    if (options.images) {
        catalog = await (0,_definitions_catalog_js__WEBPACK_IMPORTED_MODULE_0__/* .requireValidCatalog */ .Vm)({ images: options.images, strict: options.strict }, {
            report: (0,_definitions_catalog_js__WEBPACK_IMPORTED_MODULE_0__/* .problemsTo */ .Qp)(reporter, options.output === 'json'),
            stop: (errors) => reporter.info(`✗ ${errors} error(s) in the image definitions: nothing checked`),
        });
        if (!catalog)
            return 1;
    }
    const glance = await (0,_cloud_connect_js__WEBPACK_IMPORTED_MODULE_2__/* .connect */ .N)(options, reporter);
    const inCloud = await cloudImages(glance, options.tag);
    const planned = catalog
        ? catalogImages(catalog.definitions, new Set(inCloud.map((i) => i.name)), options.rotated)
        : [];
    const images = [...inCloud, ...planned];
    const results = (0,_scs_rules_js__WEBPACK_IMPORTED_MODULE_1__/* .checkImages */ .B6)(images, (options.now ?? new Date()).getTime() / 1000);
    for (const r of results)
        for (const w of r.warnings)
            reporter.warning(`${r.id}: ${w.name}: ${w.why}`);
    if (planned.length && options.output !== 'json') {
        reporter.info(`${planned.length} image(s) of the catalog that the cloud lacks are checked as they would be created.`);
    }
    const rendered = options.output === 'json'
        ? renderCheckJson(results, images.length)
        : renderCheckText(results, images.length);
    reporter.info(rendered, { preEscaped: true });
    await reporter.summary(renderCheckMarkdown(results, images.length));
    return results.some((r) => r.offenders.length > 0) ? 1 : 0;
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

/***/ 6252:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   B6: () => (/* binding */ checkImages),
/* harmony export */   T$: () => (/* binding */ uniqueness)
/* harmony export */ });
/* unused harmony exports ARCHITECTURES, OS_PURPOSES, HW_DISK_BUSES, FREQUENCY_SECONDS, parseDate, recency */
const ARCHITECTURES = ['x86_64', 'aarch64', 'risc-v'];
const OS_PURPOSES = [
    'generic',
    'oldgeneric',
    'minimal',
    'k8snode',
    'gpu',
    'network',
    'custom',
];
const HW_DISK_BUSES = ['virtio', 'scsi'];
const DAY = 86_400;
/** Seconds per replace_frequency, rounded up a little as the conformance test does. */
const FREQUENCY_SECONDS = {
    never: 0,
    critical_bug: 0,
    yearly: 365 * DAY,
    quarterly: 92 * DAY,
    monthly: 31 * DAY,
    weekly: 7 * 25 * 3600,
    daily: 25 * 3600,
};
/** Name suffixes that mark a build as replaced, besides a date. */
const OUTDATED_MARKERS = ['old', 'prev'];
const GiB = 2 ** 30;
/**
 * Seconds since the epoch (UTC) of `YYYY-MM-DD`, `YYYY-MM-DD hh:mm[:ss]` or
 * `YYYY-MM-DDThh:mm:ssZ`, or undefined when the text is none of these or no real date.
 */
function parseDate(text, strict = false) {
    const m = (strict
        ? /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2}):(\d{2})Z$/
        : /^(\d{4})-(\d{2})-(\d{2})(?:(?:T(\d{2}):(\d{2}):(\d{2})Z)|(?: (\d{2}):(\d{2})(?::(\d{2}))?))?$/).exec(text ?? '');
    if (!m)
        return undefined;
    const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
    const [h, mi, s] = [m[4] ?? m[7], m[5] ?? m[8], m[6] ?? m[9]].map((x) => Number(x ?? 0));
    const ms = Date.UTC(y, mo - 1, d, h, mi, s);
    const back = new Date(ms);
    const real = back.getUTCFullYear() === y &&
        back.getUTCMonth() === mo - 1 &&
        back.getUTCDate() === d &&
        h < 24 &&
        mi < 60 &&
        s < 60;
    return real ? ms / 1000 : undefined;
}
/** A date marker at the end of a name: YYYY-MM-DD or YYYYMMDD. */
const isDateMarker = (text) => parseDate(text) !== undefined ||
    (/^\d{8}$/.test(text) &&
        parseDate(`${text.slice(0, 4)}-${text.slice(4, 6)}-${text.slice(6)}`) !== undefined);
const isUrl = (text) => /^(https?|ftps?):\/\//.test(text);
const hidden = (i) => i.os_hidden === true;
const prop = (i, key) => i.properties[key];
const offender = (i, why) => ({
    name: i.name,
    ...(i.id ? { id: i.id } : {}),
    why,
});
/** A rule over every image: `why` says what is wrong with one, or nothing. */
function each(id, title, images, why) {
    const offenders = images.flatMap((i) => {
        const w = why(i);
        return w === undefined ? [] : [offender(i, w)];
    });
    return { id, title, offenders, warnings: [] };
}
const oneOf = (key, allowed, optional = false) => (i) => {
    const value = prop(i, key);
    if (value === undefined)
        return optional ? undefined : `${key} is not set`;
    return allowed.includes(value)
        ? undefined
        : `${key} '${value}' is not one of ${allowed.join(', ')}`;
};
const isSet = (key) => (i) => (prop(i, key) ? undefined : `${key} is not set`);
/** uuid_validity: none, notice, forever, last-N or a date. */
function uuidValidity(i) {
    const v = prop(i, 'uuid_validity');
    if (v === undefined)
        return 'uuid_validity is not set';
    if (['none', 'notice', 'forever'].includes(v) || /^last-\d+$/.test(v) || parseDate(v)) {
        return undefined;
    }
    return `uuid_validity '${v}' is none of none, notice, forever, last-N or a date`;
}
/** provided_until: a date, none or notice. */
function providedUntil(i) {
    const v = prop(i, 'provided_until');
    if (v === undefined)
        return 'provided_until is not set';
    return v === 'none' || v === 'notice' || parseDate(v)
        ? undefined
        : `provided_until '${v}' is none of a date, none or notice`;
}
function minDisk(i) {
    if (!i.min_disk)
        return 'min_disk is not set';
    if (i.size && i.min_disk * GiB < i.size) {
        return `min_disk ${i.min_disk} GiB is smaller than the image (${(i.size / GiB).toFixed(2)} GiB)`;
    }
    return undefined;
}
function buildDate(now) {
    return (i) => {
        const text = prop(i, 'image_build_date');
        const built = parseDate(text);
        // Not registered yet (planned): it would be registered now.
        const registered = i.created_at ? parseDate(i.created_at, true) : now;
        if (built === undefined) {
            return text === undefined
                ? 'image_build_date is not set'
                : `image_build_date '${text}' is not YYYY-MM-DD or YYYY-MM-DD hh:mm[:ss]`;
        }
        if (registered !== undefined && built > registered) {
            return `image_build_date ${text} is after the registration (${i.created_at})`;
        }
        if (built > now)
            return `image_build_date ${text} is in the future`;
        return undefined;
    };
}
/** Whether a build is older than its replace_frequency promises, and if so whether it says so. */
function outdated(i, now) {
    const built = parseDate(prop(i, 'image_build_date')) ??
        (i.created_at ? parseDate(i.created_at, true) : undefined) ??
        now;
    const seconds = FREQUENCY_SECONDS[prop(i, 'replace_frequency') ?? 'never'];
    // never, critical_bug and unknown frequencies (their own rule) promise nothing to check.
    if (!seconds || now <= built + 1.1 * seconds)
        return 'current';
    const untilText = prop(i, 'provided_until');
    if (untilText === undefined || untilText === 'none' || untilText === 'notice')
        return 'current';
    const until = parseDate(untilText);
    if (until === undefined)
        return 'no-until';
    // Past provided_until nothing is promised any more.
    if (now > until)
        return 'current';
    if (hidden(i))
        return 'marked';
    const space = i.name.lastIndexOf(' ');
    if (space < 0)
        return 'unmarked';
    const marker = i.name.slice(space + 1);
    return OUTDATED_MARKERS.includes(marker) || isDateMarker(marker) ? 'marked' : 'unmarked';
}
/**
 * scs-0102-image-recency: an image older than its replace_frequency promises is
 * fine only when a current image holds the name without its last word
 * (`Ubuntu 24.04 20240101` → `Ubuntu 24.04`), or when provided_until has passed.
 */
function recency(images, now) {
    const result = {
        id: 'scs-0102-image-recency',
        title: 'images are as recent as replace_frequency promises, or replaced',
        offenders: [],
        warnings: [],
    };
    const byName = new Map(images.map((i) => [i.name, i]));
    for (const image of images) {
        const state = outdated(image, now);
        if (state === 'current')
            continue;
        if (state === 'no-until') {
            result.offenders.push(offender(image, 'outdated, and provided_until is no valid date'));
            continue;
        }
        if (state === 'unmarked') {
            result.warnings.push(offender(image, 'outdated by its replace_frequency, but neither hidden nor date-marked'));
        }
        const short = image.name.slice(0, Math.max(0, image.name.lastIndexOf(' '))).trimEnd();
        const replacement = short ? byName.get(short) : undefined;
        if (!replacement || outdated(replacement, now) !== 'current') {
            const cycle = prop(image, 'replace_frequency') ?? '';
            result.offenders.push(offender(image, `outdated (replace_frequency ${cycle}) without a current replacement`));
        }
    }
    return result;
}
/**
 * scs-0102-os_purpose-uniqueness: per architecture, os_distro and os_version at
 * most one public, non-hidden image with os_purpose generic.
 */
function uniqueness(images) {
    const buckets = new Map();
    for (const i of images) {
        if (i.visibility !== 'public' || hidden(i))
            continue;
        const distro = prop(i, 'os_distro');
        const version = prop(i, 'os_version');
        if (!distro || !version || prop(i, 'os_purpose') !== 'generic')
            continue;
        const key = `${prop(i, 'architecture') ?? ''} ${distro} ${version}`;
        buckets.set(key, [...(buckets.get(key) ?? []), i]);
    }
    const offenders = [];
    for (const [key, bucket] of buckets) {
        if (bucket.length < 2)
            continue;
        const names = bucket.map((i) => `'${i.name}'`).join(', ');
        for (const i of bucket)
            offenders.push(offender(i, `${names} are all generic for ${key.trim()}`));
    }
    return {
        id: 'scs-0102-os_purpose-uniqueness',
        title: 'at most one public, visible generic image per architecture, os_distro and os_version',
        offenders,
        warnings: [],
    };
}
/** min_ram must be set; below 64 MiB is only a warning. */
function minRam(images) {
    const result = each('scs-0102-prop-min_ram', 'min_ram is set', images, (i) => i.min_ram ? undefined : 'min_ram is not set');
    result.warnings = images
        .filter((i) => i.min_ram && i.min_ram < 64)
        .map((i) => offender(i, `min_ram ${i.min_ram} MiB is below 64 MiB`));
    return result;
}
function imageSource(i) {
    const v = prop(i, 'image_source');
    if (v === undefined)
        return 'image_source is not set';
    return v === 'private' || isUrl(v)
        ? undefined
        : `image_source '${v}' is neither a url nor private`;
}
/** Every mandatory rule of scs-0102 v2, in the standard's order. `now` in seconds. */
function checkImages(images, now) {
    const rule = (id, title, why) => each(id, title, images, why);
    return [
        rule('scs-0102-prop-architecture', `architecture is one of ${ARCHITECTURES.join(', ')}`, oneOf('architecture', ARCHITECTURES)),
        rule('scs-0102-prop-min_disk', 'min_disk is set and at least the image size', minDisk),
        minRam(images),
        rule('scs-0102-prop-os_version', 'os_version is set', isSet('os_version')),
        rule('scs-0102-prop-os_distro', 'os_distro is set', isSet('os_distro')),
        rule('scs-0102-prop-os_purpose', `os_purpose is one of ${OS_PURPOSES.join(', ')}`, oneOf('os_purpose', OS_PURPOSES)),
        rule('scs-0102-prop-hw_disk_bus', 'hw_disk_bus is virtio, scsi or unset', oneOf('hw_disk_bus', HW_DISK_BUSES, true)),
        rule('scs-0102-prop-image_build_date', 'image_build_date is a date, not after the registration nor in the future', buildDate(now)),
        rule('scs-0102-prop-image_original_user', 'image_original_user is set', isSet('image_original_user')),
        rule('scs-0102-prop-image_source', 'image_source is a url or private', imageSource),
        rule('scs-0102-prop-image_description', 'image_description is set', isSet('image_description')),
        rule('scs-0102-prop-replace_frequency', `replace_frequency is one of ${Object.keys(FREQUENCY_SECONDS).join(', ')}`, oneOf('replace_frequency', Object.keys(FREQUENCY_SECONDS))),
        rule('scs-0102-prop-provided_until', 'provided_until is a date, none or notice', providedUntil),
        rule('scs-0102-prop-uuid_validity', 'uuid_validity is none, notice, forever, last-N or a date', uuidValidity),
        recency(images, now),
        uniqueness(images),
    ];
}


/***/ })

};
