export const id = 911;
export const ids = [911];
export const modules = {

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
/* harmony export */   T$: () => (/* binding */ uniqueness),
/* harmony export */   k2: () => (/* binding */ failsCheck)
/* harmony export */ });
/* unused harmony exports ARCHITECTURES, OS_PURPOSES, HASH_ALGOS, HW_DISK_BUSES, FREQUENCY_SECONDS, parseDate, recency */
/** A failing rule that fails the check: every one but a recommended one. */
const failsCheck = (r) => r.offenders.length > 0 && r.level !== 'recommended';
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
const HASH_ALGOS = ['sha256', 'sha512'];
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
/** hash_algo (Glance's os_hash_algo) is sha256 or sha512; a planned image or one without data yet has none. */
function hashAlgo(i) {
    if (i.id === undefined || (i.size ?? null) === null)
        return undefined;
    return HASH_ALGOS.includes(i.os_hash_algo ?? '')
        ? undefined
        : `os_hash_algo '${i.os_hash_algo ?? ''}' is not one of ${HASH_ALGOS.join(', ')}; fix: Glance's hashing_algorithm setting, then re-import the image`;
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
        rule('scs-0102-prop-hash_algo', `hash_algo is one of ${HASH_ALGOS.join(', ')}`, hashAlgo),
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


/***/ }),

/***/ 4693:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  AL: () => (/* binding */ checkStandardImages),
  eo: () => (/* binding */ checkStandardImagesV2)
});

// UNUSED EXPORTS: SCS_0104_V1, dueRelease, lookup, present, source

;// CONCATENATED MODULE: ./src/scs/data/scs-0104-v1.json
const scs_0104_v1_namespaceObject = /*#__PURE__*/JSON.parse('{"$comment":"Derived by the project from SovereignCloudStack/standards (CC BY-SA 4.0): the image specs of Tests/iaas/scs_0104_standard_images/standard_images.py and the module scs-0104-v1-2 / scs-0104-v1-2-rec of Tests/scs-compatible-iaas.yaml. Update: see docs/scs.md.","origin":{"repository":"https://github.com/SovereignCloudStack/standards","commit":"077174d94b576e480e8168d198004296bee94748","files":["Tests/iaas/scs_0104_standard_images/standard_images.py","Tests/iaas/scs-0104-v1-images-v5.yaml","Tests/scs-compatible-iaas.yaml"],"licence":"CC BY-SA 4.0 (https://creativecommons.org/licenses/by-sa/4.0/)"},"standard":"scs-0104-v1","module":"scs-0104-v1-2","mandatory":["scs-0104-source-capi-1","scs-0104-source-capi-2","scs-0104-source-ubuntu-2404","scs-0104-source-ubuntu-2204","scs-0104-source-ubuntu-2004","scs-0104-source-debian-13","scs-0104-source-debian-12","scs-0104-source-debian-11","scs-0104-image-ubuntu-2404"],"recommended":["scs-0104-image-capi-2","scs-0104-image-debian-12"],"images":[{"id":"capi-1","name":"ubuntu-capi-image-1","name_scheme":"ubuntu-capi-image v[0-9]\\\\.[0-9]+(\\\\.[0-9]+)?","source":["https://nbg1.your-objectstorage.com/osism/openstack-k8s-capi-images/","https://swift.services.a.regiocloud.tech/swift/v1/AUTH_b182637428444b9aa302bb8d5a5a418c/openstack-k8s-capi-images/ubuntu-2404-kube","https://swift.services.a.regiocloud.tech/swift/v1/AUTH_b182637428444b9aa302bb8d5a5a418c/openstack-k8s-capi-images/ubuntu-2204-kube"]},{"id":"capi-2","name":"ubuntu-capi-image-2","name_scheme":"ubuntu-capi-image-v[0-9]\\\\.[0-9]+(\\\\.[0-9]+)?","source":["https://nbg1.your-objectstorage.com/osism/openstack-k8s-capi-images/","https://swift.services.a.regiocloud.tech/swift/v1/AUTH_b182637428444b9aa302bb8d5a5a418c/openstack-k8s-capi-images/ubuntu-2404-kube","https://swift.services.a.regiocloud.tech/swift/v1/AUTH_b182637428444b9aa302bb8d5a5a418c/openstack-k8s-capi-images/ubuntu-2204-kube"]},{"id":"ubuntu-2404","name":"Ubuntu 24.04","source":["https://cloud-images.ubuntu.com/releases/noble/","https://cloud-images.ubuntu.com/noble/"]},{"id":"ubuntu-2204","name":"Ubuntu 22.04","source":["https://cloud-images.ubuntu.com/releases/jammy/","https://cloud-images.ubuntu.com/jammy/"]},{"id":"ubuntu-2004","name":"Ubuntu 20.04","source":["https://cloud-images.ubuntu.com/releases/focal/","https://cloud-images.ubuntu.com/focal/"]},{"id":"debian-13","name":"Debian 13","source":["https://cloud.debian.org/images/cloud/trixie/","https://cdimage.debian.org/cdimage/cloud/trixie/"]},{"id":"debian-12","name":"Debian 12","source":["https://cloud.debian.org/images/cloud/bookworm/","https://cdimage.debian.org/cdimage/cloud/bookworm/"]},{"id":"debian-11","name":"Debian 11","source":["https://cloud.debian.org/images/cloud/bullseye/","https://cdimage.debian.org/cdimage/cloud/bullseye/"]},{"id":"debian-10","name":"Debian 10","source":["https://cloud.debian.org/images/cloud/buster/","https://cdimage.debian.org/cdimage/cloud/buster/"]}]}');
;// CONCATENATED MODULE: ./src/scs/data/scs-0104-v2.json
const scs_0104_v2_namespaceObject = /*#__PURE__*/JSON.parse('{"$comment":"The release calendar the draft scs-0104 v2 (SovereignCloudStack/standards Standards/scs-0104-v2-standard-images.md, CC BY-SA 4.0, commit 077174d94b576e480e8168d198004296bee94748) refers to: release dates from Ubuntu\'s and Debian\'s release pages, kept by the project. Add a row when a release is announced; docs/scs.md says how.","standard":"scs-0104-v2","sources":{"ubuntu":["https://cloud-images.ubuntu.com/releases/{codename}/","https://cloud-images.ubuntu.com/{codename}/"],"debian":["https://cloud.debian.org/images/cloud/{codename}/","https://cdimage.debian.org/cdimage/cloud/{codename}/"]},"releases":{"ubuntu":[{"version":"20.04","codename":"focal","released":"2020-04-23"},{"version":"22.04","codename":"jammy","released":"2022-04-21"},{"version":"24.04","codename":"noble","released":"2024-04-25"},{"version":"26.04","codename":"resolute","released":"2026-04-23"}],"debian":[{"version":"11","codename":"bullseye","released":"2021-08-14"},{"version":"12","codename":"bookworm","released":"2023-06-10"},{"version":"13","codename":"trixie","released":"2025-08-09"}]}}');
;// CONCATENATED MODULE: ./src/scs/standard-images.ts
// The rules of SCS standard images (scs-0104 v1, and the draft v2 behind a flag)
// as pure functions over images, named like SCS's testcases. The image specs
// come from data/scs-0104-v1.json (derived from SCS's repository; docs/scs.md).


const SCS_0104_V1 = scs_0104_v1_namespaceObject;
/** SCS's testcases see what a user lists: public and community images, not hidden ones. */
const visible = (i) => (i.visibility === 'public' || i.visibility === 'community') && i.os_hidden !== true;
/** The images a spec means: its exact name, or names its name_scheme matches at the start. */
function lookup(images, spec) {
    const scheme = spec.name_scheme ? new RegExp(`^(?:${spec.name_scheme})`) : undefined;
    return images.filter((i) => visible(i) && (scheme ? scheme.test(i.name) : i.name === spec.name));
}
const offender = (i, why) => ({
    name: i.name,
    ...(i.id ? { id: i.id } : {}),
    why,
});
const prefixes = (spec) => spec.source.join(' or ');
const what = (spec) => spec.name_scheme ? `an image named like /${spec.name_scheme}/` : `'${spec.name}'`;
/** scs-0104-source-X: every image the spec means has image_source under one of its prefixes. */
function source(images, spec) {
    const offenders = lookup(images, spec).flatMap((i) => {
        const value = i.properties.image_source ?? '';
        if (spec.source.some((p) => value.startsWith(p)))
            return [];
        return [
            offender(i, `image_source '${value}' starts with none of ${prefixes(spec)}; fix: in the definition '${i.name.split(/ \(/)[0]}', set each version's url under one of them (image_source is recorded from url; keep mirror_url for the download)`),
        ];
    });
    return {
        id: `scs-0104-source-${spec.id}`,
        title: `${what(spec)} comes from ${prefixes(spec)}`,
        offenders,
        warnings: [],
    };
}
/** scs-0104-image-X: at least one visible public or community image the spec means. */
function present(images, spec) {
    const missing = lookup(images, spec).length
        ? []
        : [
            {
                name: spec.name,
                why: `missing: no public or community image that is not hidden is ${what(spec)}; fix: add a definition named '${spec.name}' (visibility public, not hidden) whose versions' url starts with ${prefixes(spec)}`,
            },
        ];
    return {
        id: `scs-0104-image-${spec.id}`,
        title: `${what(spec)} is there`,
        offenders: missing,
        warnings: [],
    };
}
/** The testcases of the standard's current module, each marked mandatory or recommended. */
function checkStandardImages(images, standard = SCS_0104_V1) {
    const out = [];
    for (const [level, ids] of [
        ['mandatory', standard.mandatory],
        ['recommended', standard.recommended],
    ]) {
        for (const testcase of ids) {
            const m = /^scs-0104-(source|image)-(.+)$/.exec(testcase);
            const spec = standard.images.find((s) => s.id === m?.[2]);
            if (!m || !spec)
                throw new Error(`scs-0104 data: testcase ${testcase} has no image spec`);
            const result = m[1] === 'source' ? source(images, spec) : present(images, spec);
            out.push({ ...result, level });
        }
    }
    return out;
}
const V2 = scs_0104_v2_namespaceObject;
const DAY = 86_400_000;
/** The release a v2 cloud must carry at `now`: Ubuntu's LTS from April 30 of its year, Debian's stable a month after. */
function dueRelease(distro, now) {
    const due = (r) => {
        const released = Date.parse(`${r.released}T00:00:00Z`);
        return distro === 'ubuntu'
            ? Math.max(released, Date.UTC(Number(r.released.slice(0, 4)), 3, 30))
            : released + 31 * DAY;
    };
    return V2.releases[distro].filter((r) => due(r) <= now.getTime()).at(-1);
}
const generic = (i, distro, version) => visible(i) &&
    i.properties.os_distro === distro &&
    i.properties.os_purpose === 'generic' &&
    (version === undefined || i.properties.os_version === version);
function dueImage(images, distro, now) {
    const release = dueRelease(distro, now);
    const id = `scs-0104-v2-image-${distro}-${distro === 'ubuntu' ? 'lts' : 'stable'}`;
    const ok = !release || images.some((i) => generic(i, distro, release.version));
    return {
        id,
        title: `a generic ${distro} ${release?.version ?? ''} image is there`,
        level: distro === 'ubuntu' ? 'mandatory' : 'recommended',
        offenders: ok
            ? []
            : [
                {
                    name: `${distro} ${release?.version}`,
                    why: `missing: no visible image with os_distro ${distro}, os_version ${release?.version} and os_purpose generic; fix: add a definition with meta os_distro: ${distro}, os_version: '${release?.version}', os_purpose: generic`,
                },
            ],
        warnings: [],
    };
}
/** Generic Ubuntu and Debian images come from the vendor's own url for their codename. */
function genericSource(images) {
    const offenders = [];
    for (const distro of ['ubuntu', 'debian']) {
        for (const i of images.filter((x) => generic(x, distro))) {
            const release = V2.releases[distro].find((r) => r.version === i.properties.os_version);
            const allowed = V2.sources[distro].map((s) => s.replace('{codename}', release?.codename ?? '?'));
            const value = i.properties.image_source ?? '';
            if (release && allowed.some((p) => value.startsWith(p)))
                continue;
            offenders.push(offender(i, release
                ? `image_source '${value}' starts with none of ${allowed.join(' or ')}; fix: set the definition's versions' url under one of them`
                : `os_version '${i.properties.os_version ?? ''}' is no ${distro} release the data file knows; fix: meta.os_version of the definition, or update src/scs/data/scs-0104-v2.json`));
        }
    }
    return {
        id: 'scs-0104-v2-source-generic',
        title: 'generic Ubuntu and Debian images come from the vendor, by codename',
        level: 'mandatory',
        offenders,
        warnings: [],
    };
}
/** The draft v2: properties instead of names. */
function checkStandardImagesV2(images, now) {
    return [genericSource(images), dueImage(images, 'ubuntu', now), dueImage(images, 'debian', now)];
}


/***/ })

};
