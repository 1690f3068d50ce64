export const id = 738;
export const ids = [738];
export const modules = {

/***/ 7738:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  updateCommand: () => (/* binding */ updateCommand)
});

// EXTERNAL MODULE: external "node:fs/promises"
var promises_ = __webpack_require__(1455);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(6760);
var external_node_path_default = /*#__PURE__*/__webpack_require__.n(external_node_path_);
// EXTERNAL MODULE: ./src/definitions/catalog.ts + 1 modules
var definitions_catalog = __webpack_require__(4239);
// EXTERNAL MODULE: ./src/escape/json.ts
var json = __webpack_require__(7961);
// EXTERNAL MODULE: ./src/http/secrets.ts
var secrets = __webpack_require__(4861);
// EXTERNAL MODULE: ./src/definitions/load.ts + 4 modules
var load = __webpack_require__(8783);
// EXTERNAL MODULE: ./src/definitions/normalize.ts
var normalize = __webpack_require__(3957);
// EXTERNAL MODULE: ./src/definitions/schema-check.ts + 2 modules
var schema_check = __webpack_require__(4663);
// EXTERNAL MODULE: ./src/problems.ts
var src_problems = __webpack_require__(2095);
// EXTERNAL MODULE: ./src/upstream/checksums.ts
var checksums = __webpack_require__(4865);
;// CONCATENATED MODULE: ./src/upstream/listing.ts
// Directory listings (Apache, nginx, lighttpd autoindex and look-alikes):
// the names of the entries directly inside the listed folder. Sort links
// (`?C=N;O=D`), the parent, absolute links elsewhere and repeated hrefs are
// dropped. Pure.
/** Entry names of a listing at `listingUrl`; folders end with `/`. */
function listingEntries(html, listingUrl) {
    const base = new URL(listingUrl.endsWith('/') ? listingUrl : `${listingUrl}/`);
    const names = new Set();
    for (const m of html.matchAll(/\bhref\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'>]+))/gi)) {
        const href = (m[1] ?? m[2] ?? m[3] ?? '').replace(/&amp;/g, '&');
        if (href === '' || href.includes('?') || href.startsWith('#'))
            continue;
        let target;
        try {
            target = new URL(href, base);
        }
        catch {
            continue;
        }
        if (target.origin !== base.origin || !target.pathname.startsWith(base.pathname))
            continue;
        const rest = target.pathname.slice(base.pathname.length);
        // Only direct children: `name` or `name/`.
        if (rest === '' || /\/./.test(rest))
            continue;
        try {
            names.add(decodeURIComponent(rest));
        }
        catch {
            names.add(rest);
        }
    }
    return [...names];
}
const BUILD_FOLDER = /^(?:release-)?(\d{8})(?:[-.](\d+))?$/;
/** A dated build folder; null for `current/`, `latest/`, `daily/` and anything else. */
function buildFolder(name) {
    const m = BUILD_FOLDER.exec(name.replace(/\/$/, ''));
    if (!m || !isDate(m[1]))
        return null;
    return { name: name.replace(/\/$/, ''), date: m[1], serial: Number(m[2] ?? 0) };
}
/** YYYYMMDD that is a real calendar day. */
function isDate(yyyymmdd) {
    if (!/^\d{8}$/.test(yyyymmdd))
        return false;
    const iso = isoDate(yyyymmdd);
    const time = Date.parse(`${iso}T00:00:00Z`);
    return !Number.isNaN(time) && new Date(time).toISOString().slice(0, 10) === iso;
}
/** `20240703` -> `2024-07-03` */
const isoDate = (yyyymmdd) => `${yyyymmdd.slice(0, 4)}-${yyyymmdd.slice(4, 6)}-${yyyymmdd.slice(6, 8)}`;
/** The newest build folder of a listing, or null when it lists none. */
function newestBuildFolder(entries) {
    let best = null;
    for (const entry of entries) {
        if (!entry.endsWith('/'))
            continue;
        const folder = buildFolder(entry);
        if (folder &&
            (!best ||
                folder.date > best.date ||
                (folder.date === best.date && folder.serial > best.serial)))
            best = folder;
    }
    return best;
}

// EXTERNAL MODULE: ./src/upstream/reader.ts
var upstream_reader = __webpack_require__(6170);
;// CONCATENATED MODULE: ./src/upstream/source.ts
// What every upstream source is, and the steps several of them share.



/** `https://h/a/b/file.img` -> `https://h/a/b` */
const folderOf = (url) => url.slice(0, url.lastIndexOf('/'));
/** `https://h/a/b/file.img` -> `file.img` (decoded) */
function fileOf(url) {
    const raw = url.slice(url.lastIndexOf('/') + 1);
    try {
        return decodeURIComponent(raw);
    }
    catch {
        return raw;
    }
}
/** A folder url plus a file name, encoded as a path segment. */
const join = (folder, name) => `${folder}/${encodeURIComponent(name).replace(/%2B/g, '+')}`;
/** Reads a manifest; an empty or foreign one (HTML, nothing parseable) is an error. */
async function readManifest(reader, url, what = 'the checksum manifest') {
    const fetched = await reader.text(url, what);
    return manifestEntries(await signedText(reader, url, fetched.text), url, what);
}
/** The text of a checksum file to parse: as read, or its signed text once the signature holds. */
const signedText = (reader, url, text) => reader.checked ? reader.checked(url, text) : Promise.resolve(text);
/** The entries of a manifest's text; none (HTML, garbage) is an error. */
function manifestEntries(text, url, what = 'the checksum manifest') {
    const entries = (0,checksums/* parseManifest */.Ng)(text);
    if (entries.length === 0)
        throw new upstream_reader/* UpstreamError */.gA(`${what} ${url} lists no checksums (not a checksum manifest?)`, url);
    return entries;
}
/** The checksum of `name` in a manifest, or an error naming both. */
function requireChecksum(entries, name, url) {
    const checksum = (0,checksums/* checksumOf */.lf)(entries, name);
    if (!checksum)
        throw new upstream_reader/* UpstreamError */.gA(`${url} has no checksum for ${name}`, url);
    return checksum;
}
/** Version and build date from a YYYYMMDD date. */
const fromDate = (yyyymmdd) => ({
    version: yyyymmdd,
    buildDate: isoDate(yyyymmdd),
});
/** Version and build date from the image's Last-Modified header (the old tool's rule). */
async function fromLastModified(reader, imageUrl) {
    const date = (0,checksums/* lastModifiedVersion */.md)(await reader.lastModified(imageUrl));
    if (!date)
        throw new upstream_reader/* UpstreamError */.gA(`${imageUrl} sends no readable Last-Modified header, which gives this layout its version`, imageUrl);
    return fromDate(date);
}

// EXTERNAL MODULE: ./src/mirror/decide.ts
var decide = __webpack_require__(7907);
// EXTERNAL MODULE: ./src/mirror/key.ts
var mirror_key = __webpack_require__(1228);
// EXTERNAL MODULE: ./src/mirror/mirror.ts
var mirror_mirror = __webpack_require__(3640);
;// CONCATENATED MODULE: ./src/update/claim-mirror.ts






/** A path segment as written in a url, decoded; undefined when it does not decode. */
function decoded(segment) {
    try {
        return decodeURIComponent(segment);
    }
    catch {
        return undefined;
    }
}
/** Why `name` (decoded) cannot be one path segment of a mirror url, or null. */
function badSegment(name) {
    if (name === '' || name === '.' || name === '..')
        return `'${name}' is no file name`;
    // eslint-disable-next-line no-control-regex
    if (/[/\\\x00-\x1f\x7f]/.test(name))
        return `'${name}' holds a slash or a control character`;
    return null;
}
/** One decoded path segment of a mirror_url for the new build: a folder only if it is the version. */
function movedName(name, last, s) {
    if (!last)
        return name === s.version ? s.to : name;
    if (s.file !== '' && name.includes(s.file))
        return name.replace(s.file, s.newFile);
    return name.split(s.version).join(s.to);
}
/**
 * The old mirror_url moved to the new build: in its path only, the old
 * version becomes the new one and the old upstream file name the new one, each
 * changed segment percent-encoded. The result stays on the same origin, in
 * the same directory (but for the version), with no query or fragment; an
 * Error says why it cannot be derived.
 */
function movedMirrorUrl(def, build) {
    const first = def.versions[0];
    const old = first?.mirror_url;
    if (!old || !first)
        return undefined;
    let url;
    try {
        url = new URL(old);
    }
    catch {
        return new Error(`mirror_url ${old} is not a url`);
    }
    if (url.search !== '' || url.hash !== '' || !/^https?:$/.test(url.protocol))
        return new Error(`mirror_url ${old} is not a plain http(s) url (a query or fragment)`);
    const raw = url.pathname.split('/').slice(1);
    const names = raw.map(decoded);
    const last = names.length - 1;
    // {shortname}/{version}-{shortname}.{format} or {shortname}/{version}/{file}:
    // a folder that is the version, and the version or upstream file name in the last segment.
    if (!names.some((n, i) => (i === last ? n?.includes(first.version) : n === first.version)))
        return new Error(`mirror_url ${old} does not contain version ${first.version} in its path`);
    const swap = {
        version: first.version,
        to: build.version,
        file: fileOf(first.url),
        newFile: fileOf(build.url),
    };
    const next = names.map((n, i) => (n === undefined ? n : movedName(n, i === last, swap)));
    for (const [i, n] of next.entries()) {
        const bad = n !== undefined && n !== names[i] ? badSegment(n) : null;
        if (bad !== null)
            return new Error(`the new build's name ${bad}`);
    }
    const moved = next.map((n, i) => n === undefined || n === names[i] ? raw[i] : encodeURIComponent(n));
    const candidate = `${url.origin}/${moved.join('/')}`;
    const check = new URL(candidate);
    if (check.origin !== url.origin ||
        check.search !== '' ||
        check.hash !== '' ||
        check.pathname.split('/').length !== url.pathname.split('/').length)
        return new Error(`the new build would move mirror_url out of ${url.origin}${url.pathname}`);
    return candidate;
}
const WHAT_TO_DO = 'mirror the build (`image-manager mirror`) and set mirror_url by hand, or let update mirror it (`--mirror-url`)';
/**
 * Whether the mirror serves `url` with the build's checksum as its metadata
 * (what `image-manager mirror` and `update --mirror-url` write): null when it
 * does, else why not. A bare 200 is not enough: any file could answer it.
 */
async function served(url, checksum, reader) {
    try {
        const have = (0,decide/* publicChecksum */.x)(await reader.head(url));
        const decision = (0,decide/* decideUpload */.M)(have === undefined ? {} : { checksum: have }, checksum);
        return decision.action === 'skip' ? null : `it answers, but ${decision.reason}`;
    }
    catch (error) {
        return (0,src_problems/* getErrorMessage */.u1)(error);
    }
}
async function claimMirror(def, build, reader, mirror) {
    if (!mirror) {
        const moved = movedMirrorUrl(def, build);
        if (moved === undefined)
            return { kind: 'none' };
        if (moved instanceof Error)
            return { kind: 'drop', reason: `mirror_url dropped: ${moved.message}; ${WHAT_TO_DO}` };
        const why = await served(moved, (0,checksums/* formatChecksum */.rH)(build.checksum), reader);
        if (why !== null)
            return {
                kind: 'drop',
                reason: `mirror_url dropped: the mirror does not serve ${moved} (${why}); ${WHAT_TO_DO}`,
            };
        return { kind: 'set', url: moved, note: 'already on the mirror' };
    }
    const key = (0,mirror_key/* mirrorKey */.D9)(def, build, mirror.prefix);
    if (key instanceof Error)
        return { kind: 'drop', reason: `not mirrored: ${key.message}` };
    const target = {
        image: def.name,
        version: build.version,
        url: build.url,
        checksum: (0,checksums/* formatChecksum */.rH)(build.checksum),
        key,
    };
    const outcome = await (0,mirror_mirror/* mirrorBuild */.i)(target, mirror.store, {
        dryRun: mirror.dryRun,
        ...(mirror.http ? { http: mirror.http } : {}),
        ...(mirror.onProgress ? { onProgress: (p) => mirror.onProgress?.(def.name, p) } : {}),
    });
    const url = (0,mirror_key/* publicUrlOf */.SW)(mirror.publicUrl, key);
    const where = `s3://${mirror.store.bucket}/${key}`;
    switch (outcome.status) {
        case 'failed':
            return outcome.stage === 'source'
                ? { kind: 'block', reason: `the new build could not be mirrored: ${outcome.error}` }
                : { kind: 'drop', reason: `not mirrored: ${outcome.error}` };
        case 'would-upload':
            return { kind: 'set', url, note: `would upload to ${where}` };
        case 'uploaded':
        case 'skipped': {
            const note = outcome.status === 'uploaded' ? `uploaded to ${where}` : `already in ${where}`;
            const why = await served(url, target.checksum, reader);
            if (why !== null)
                return {
                    kind: 'drop',
                    reason: `${note}, but ${url} does not serve it (${why}): check --mirror-url against the bucket's public url`,
                };
            return { kind: 'set', url, note };
        }
    }
}

// EXTERNAL MODULE: ./src/download/upstream-http.ts
var upstream_http = __webpack_require__(8140);
// EXTERNAL MODULE: ./src/filter.ts
var src_filter = __webpack_require__(9037);
// EXTERNAL MODULE: ./src/natural-sort.ts
var natural_sort = __webpack_require__(8775);
;// CONCATENATED MODULE: ./src/upstream/sources/compose-manifest.ts
// Fedora Cloud: each compose publishes one PGP clear-signed BSD manifest
// named after it (`Fedora-Cloud-43-1.6-x86_64-CHECKSUM`) in the images
// folder. latest_checksum_url names one of them; the folder's listing gives
// the naturally greatest compose, whose id replaces the old one in the image
// name. The version comes from the image's Last-Modified.




const COMPOSE = /^(.+?)-(\d+-\d+(?:\.\d+)*)-(.*CHECKSUM)$/;
const compose_manifest_escape = (s) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
function parts(t) {
    const m = COMPOSE.exec(fileOf(t.latestChecksumUrl));
    if (!m || !fileOf(t.latestUrl).includes(m[2]))
        return null;
    return { prefix: m[1], compose: m[2], suffix: m[3] };
}
const composeManifest = {
    key: 'compose-manifest',
    layout: 'one clear-signed CHECKSUM per compose, named after it, in the images folder (Fedora)',
    matches: (t) => parts(t) !== null,
    async newest(t, reader) {
        const { prefix, compose, suffix } = parts(t);
        const folder = folderOf(t.latestChecksumUrl);
        const listingUrl = `${folder}/`;
        const listing = await reader.text(listingUrl, 'the images listing');
        const own = new RegExp(`^${compose_manifest_escape(prefix)}-(\\d+-\\d+(?:\\.\\d+)*)-${compose_manifest_escape(suffix)}$`);
        const composes = listingEntries(listing.text, listingUrl)
            .map((name) => own.exec(name)?.[1])
            .filter((c) => c !== undefined);
        const newest = composes.sort(natural_sort/* naturalCompare */.p).pop();
        if (newest === undefined)
            throw new upstream_reader/* UpstreamError */.gA(`the images listing ${listingUrl} has no ${prefix}-<compose>-${suffix}`, listingUrl);
        const manifestUrl = join(folder, `${prefix}-${newest}-${suffix}`);
        const entries = await readManifest(reader, manifestUrl);
        const name = fileOf(t.latestUrl).split(compose).join(newest);
        const checksum = requireChecksum(entries, name, manifestUrl);
        const url = join(folderOf(t.latestUrl), name);
        return { ...(await fromLastModified(reader, url)), url, checksum };
    },
};

;// CONCATENATED MODULE: ./src/upstream/sources/dated-folders.ts
// Ubuntu cloud-images and Debian cloud: `<base>/<alias>/<file>` where the
// listing of `<base>/` holds dated build folders (`20240422/`,
// `release-20240703/`, `20240703-1797/`) beside aliases (`current/`,
// `release/`, `latest/`, `daily/`). The newest folder's SUMS file names the
// image, either as the alias does (Ubuntu) or with the folder appended
// (Debian: `debian-12-genericcloud-amd64-20240703-1797.qcow2`).




const ALIASES = new Set(['current', 'latest', 'release']);
function dated_folders_parts(t) {
    const folderUrl = folderOf(t.latestUrl);
    if (folderOf(t.latestChecksumUrl) !== folderUrl)
        return null;
    const base = folderOf(folderUrl);
    if (new URL(base).pathname === '')
        return null;
    const folder = fileOf(folderUrl);
    if (!ALIASES.has(folder) && !buildFolder(folder))
        return null;
    return { base, folder, file: fileOf(t.latestUrl) };
}
/** The names the image may have in build folder `folder`, most likely first. */
function candidates(file, oldFolder, folder) {
    const names = [file];
    if (buildFolder(oldFolder) && file.includes(oldFolder))
        names.unshift(file.split(oldFolder).join(folder));
    // Debian appends `-<folder>` before the extension (`.qcow2`, `.tar.xz`).
    for (let i = file.length; i > 0; i = file.lastIndexOf('.', i - 1)) {
        names.push(`${file.slice(0, i)}-${folder}${file.slice(i)}`);
    }
    return names;
}
const datedFolders = {
    key: 'dated-folders',
    layout: 'a listing of dated build folders with SHA256SUMS/SHA512SUMS in each (Ubuntu, Debian)',
    matches: (t) => dated_folders_parts(t) !== null,
    async newest(t, reader) {
        const { base, folder: oldFolder, file } = dated_folders_parts(t);
        const listingUrl = `${base}/`;
        const listing = await reader.text(listingUrl, 'the build listing');
        const newest = newestBuildFolder(listingEntries(listing.text, listingUrl));
        if (!newest)
            throw new upstream_reader/* UpstreamError */.gA(`the build listing ${listingUrl} has no dated build folder (only ${listingEntries(listing.text, listingUrl)
                .filter((e) => e.endsWith('/'))
                .slice(0, 5)
                .join(', ') || 'no folders'})`, listingUrl);
        const folderUrl = join(base, newest.name);
        const manifestUrl = join(folderUrl, fileOf(t.latestChecksumUrl));
        const entries = await readManifest(reader, manifestUrl);
        for (const name of candidates(file, oldFolder, newest.name)) {
            const checksum = (0,checksums/* checksumOf */.lf)(entries, name);
            if (checksum)
                return { ...fromDate(newest.date), url: join(folderUrl, name), checksum };
        }
        throw new upstream_reader/* UpstreamError */.gA(`${manifestUrl} has no checksum for ${file} (nor a dated name of it)`, manifestUrl);
    },
};

;// CONCATENATED MODULE: ./src/upstream/sources/file-pattern.ts
// Anything else: a checksums file anywhere plus a file-name pattern. The
// file name of latest_url holds `*` wildcards (`cirros-*-x86_64-disk.img`);
// the naturally greatest listed name matching it wins and takes its place in
// the url. The version comes from that image's Last-Modified.



const globToRegExp = (glob) => new RegExp(`^${glob
    .split('*')
    .map((s) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'))
    .join('[^/]*')}$`);
const filePattern = {
    key: 'file-pattern',
    layout: 'a checksums file and a file name with * wildcards in latest_url',
    matches: (t) => fileOf(t.latestUrl).includes('*'),
    async newest(t, reader) {
        const glob = fileOf(t.latestUrl);
        const pattern = globToRegExp(glob);
        const entries = await readManifest(reader, t.latestChecksumUrl);
        const name = [...new Set(entries.map((e) => e.name).filter((n) => pattern.test(n)))]
            .sort(natural_sort/* naturalCompare */.p)
            .pop();
        if (name === undefined)
            throw new upstream_reader/* UpstreamError */.gA(`${t.latestChecksumUrl} lists no file matching ${glob}`, t.latestChecksumUrl);
        const url = join(folderOf(t.latestUrl), name);
        const checksum = requireChecksum(entries, name, t.latestChecksumUrl);
        return { ...(await fromLastModified(reader, url)), url, checksum };
    },
};

;// CONCATENATED MODULE: ./src/upstream/sources/fixed-name.ts
// AlmaLinux and any mirror folder with one CHECKSUM manifest and a fixed
// file name that always points at the newest build
// (`AlmaLinux-9-GenericCloud-latest.x86_64.qcow2`): the url stays, the
// checksum comes from the manifest, the version from the image's Last-Modified.

const fixedName = {
    key: 'fixed-name',
    layout: 'a checksum manifest listing a fixed file name that always holds the newest build (AlmaLinux)',
    matches: (t) => !/[*]/.test(fileOf(t.latestUrl)),
    async newest(t, reader) {
        const entries = await readManifest(reader, t.latestChecksumUrl);
        const checksum = requireChecksum(entries, fileOf(t.latestUrl), t.latestChecksumUrl);
        return { ...(await fromLastModified(reader, t.latestUrl)), url: t.latestUrl, checksum };
    },
};

;// CONCATENATED MODULE: ./src/upstream/sources/manifest-pattern.ts
// CentOS Stream and CentOS 7: one manifest lists a year of builds, and the
// catalog marks the build's name with a regular expression between the
// literal words HEREBE and DRAGONS inside the file name of latest_url
// (`CentOS-Stream-GenericCloud-9-HEREBE\d+\.\dDRAGONS.x86_64.qcow2`).
// As the old tool does: both words dropped, the rest is a regex searched in
// every listed name, the naturally greatest match wins and replaces the file
// name; the version comes from that image's Last-Modified.



const marked = (url) => /HEREBE.*DRAGONS/.test(fileOf(url));
const manifestPattern = {
    key: 'manifest-pattern',
    layout: 'a manifest of many builds, the build chosen by a HEREBE…DRAGONS regex in latest_url (CentOS)',
    matches: (t) => marked(t.latestUrl),
    async newest(t, reader) {
        const source = fileOf(t.latestUrl).replace('HEREBE', '').replace('DRAGONS', '');
        let pattern;
        try {
            pattern = new RegExp(source);
        }
        catch (error) {
            throw new upstream_reader/* UpstreamError */.gA(`the HEREBE…DRAGONS pattern of latest_url is not a valid regular expression (${source}): ${error.message}`, t.latestUrl);
        }
        const entries = await readManifest(reader, t.latestChecksumUrl);
        const names = [...new Set(entries.map((e) => e.name).filter((n) => pattern.test(n)))];
        const name = names.sort(natural_sort/* naturalCompare */.p).pop();
        if (name === undefined)
            throw new upstream_reader/* UpstreamError */.gA(`${t.latestChecksumUrl} lists no file matching ${source}`, t.latestChecksumUrl);
        const checksum = requireChecksum(entries, name, t.latestChecksumUrl);
        const url = join(folderOf(t.latestUrl), name);
        return { ...(await fromLastModified(reader, url)), url, checksum };
    },
};

;// CONCATENATED MODULE: ./src/upstream/sources/release-digests.ts
// Flatcar: `<channel>/<arch>/current/version.txt` names the newest release
// (FLATCAR_VERSION=4230.2.4, FLATCAR_BUILD_ID="2025-10-13-1234"); the image
// lives in the release's own folder with `<image>.DIGESTS` beside it, whose
// SHA512 section gives the checksum. The version is the release number, as
// catalogs write it (folders are named by release, not by date); the build
// date comes from the build id, else from the digests' Last-Modified.




/** `KEY=value` / `KEY="value"` lines. */
function shellVariables(text) {
    const vars = new Map();
    for (const line of text.split(/\r\n|\r|\n/)) {
        const m = /^\s*([A-Z_][A-Z0-9_]*)=(?:"([^"]*)"|'([^']*)'|(\S*))\s*$/.exec(line);
        if (m)
            vars.set(m[1], m[2] ?? m[3] ?? m[4] ?? '');
    }
    return vars;
}
const releaseDigests = {
    key: 'release-digests',
    layout: 'version.txt naming the release, `<image>.DIGESTS` in the release folder (Flatcar)',
    matches: (t) => fileOf(t.latestChecksumUrl) === 'version.txt' &&
        folderOf(t.latestChecksumUrl) === folderOf(t.latestUrl),
    async newest(t, reader) {
        const info = await reader.text(t.latestChecksumUrl, 'the release file');
        const vars = shellVariables(info.text);
        const version = vars.get('FLATCAR_VERSION') ?? vars.get('VERSION');
        if (!version || !/^[0-9][0-9A-Za-z.+_-]*$/.test(version))
            throw new upstream_reader/* UpstreamError */.gA(`${t.latestChecksumUrl} names no release (FLATCAR_VERSION=…)`, t.latestChecksumUrl);
        const releaseFolder = join(folderOf(folderOf(t.latestUrl)), version);
        const url = join(releaseFolder, fileOf(t.latestUrl));
        const digestsUrl = `${url}.DIGESTS`;
        const digests = await reader.text(digestsUrl, 'the digests file');
        const text = await signedText(reader, digestsUrl, digests.text);
        const entries = manifestEntries(text, digestsUrl, 'the digests file');
        const checksum = requireChecksum(entries, fileOf(t.latestUrl), digestsUrl);
        const buildId = /^(\d{4})-(\d{2})-(\d{2})/.exec(vars.get('FLATCAR_BUILD_ID') ?? '');
        const date = buildId
            ? `${buildId[1]}${buildId[2]}${buildId[3]}`
            : (0,checksums/* lastModifiedVersion */.md)(digests.lastModified);
        if (!date)
            throw new upstream_reader/* UpstreamError */.gA(`${digestsUrl}: no build date (no FLATCAR_BUILD_ID, no Last-Modified)`, digestsUrl);
        return { version, buildDate: isoDate(date), url, checksum };
    },
};

;// CONCATENATED MODULE: ./src/upstream/sources/sidecar.ts
// A checksum file beside the image, named after it: Rocky's
// `<image>.CHECKSUM` (BSD style with `# <image>: N bytes` comments) and
// openSUSE's `<image>.sha256`. The url stays; the version comes from the
// image's Last-Modified.

const sidecar = {
    key: 'sidecar',
    layout: 'a checksum file beside the image, named `<image>.CHECKSUM` or `<image>.sha256` (Rocky, openSUSE)',
    matches: (t) => t.latestChecksumUrl.startsWith(`${t.latestUrl}.`) &&
        !t.latestChecksumUrl.slice(t.latestUrl.length + 1).includes('/'),
    async newest(t, reader) {
        const entries = await readManifest(reader, t.latestChecksumUrl, 'the checksum file');
        const name = fileOf(t.latestUrl);
        // A file holding only a digest is the image's too.
        const bare = entries.length === 1 && entries[0]?.name === '' ? entries[0].checksum : null;
        const checksum = bare ?? requireChecksum(entries, name, t.latestChecksumUrl);
        return { ...(await fromLastModified(reader, t.latestUrl)), url: t.latestUrl, checksum };
    },
};

;// CONCATENATED MODULE: ./src/upstream/sources/index.ts







const SOURCES = [
    manifestPattern,
    releaseDigests,
    composeManifest,
    sidecar,
    datedFolders,
    filePattern,
    fixedName,
];

// EXTERNAL MODULE: ./src/upstream/signature.ts
var signature = __webpack_require__(8691);
;// CONCATENATED MODULE: ./src/upstream/discover.ts





/** `#upstream=<key>` on latest_url picks a source explicitly; the fragment is never sent. */
function splitKey(url) {
    const hash = url.indexOf('#');
    if (hash < 0)
        return { url };
    const key = /(?:^|&)upstream=([\w-]+)/.exec(url.slice(hash + 1))?.[1];
    return { url: url.slice(0, hash), ...(key ? { key } : {}) };
}
/** The discovery inputs of a definition, or null when it is not tracked (docs/behaviour.md §9). */
function trackedOf(def) {
    const first = def.versions[0];
    // A `version: latest` entry follows upstream on every run by itself.
    if (!def.latest_url || !def.latest_checksum_url || !first || first.version === 'latest')
        return null;
    const latest = splitKey(def.latest_url);
    const sums = splitKey(def.latest_checksum_url);
    const key = latest.key ?? sums.key;
    return {
        image: def.name,
        latestUrl: latest.url,
        latestChecksumUrl: sums.url,
        ...(key ? { source: key } : {}),
        current: {
            version: first.version,
            url: first.url,
            ...(first.checksum ? { checksum: first.checksum } : {}),
            ...(first.build_date ? { buildDate: first.build_date } : {}),
        },
    };
}
function selectSource(t, sources = SOURCES) {
    if (t.source !== undefined) {
        const chosen = sources.find((s) => s.key === t.source);
        if (!chosen)
            throw new upstream_reader/* UpstreamError */.gA(`unknown upstream '${t.source}' in latest_url; known: ${sources.map((s) => s.key).join(', ')}`, t.latestUrl);
        return chosen;
    }
    const found = sources.find((s) => s.matches(t));
    if (!found)
        throw new upstream_reader/* UpstreamError */.gA(`no known upstream layout fits latest_url ${t.latestUrl} with latest_checksum_url ${t.latestChecksumUrl}`, t.latestUrl);
    return found;
}
/** The newest build, read through a reader that verifies each checksum file before it is parsed. */
async function signedNewest(t, reader, check) {
    const vouchers = [];
    const fetchSignature = async (url) => (await reader.text(url, 'the checksum signature')).text;
    const verifying = {
        text: (url, what) => reader.text(url, what),
        lastModified: (url) => reader.lastModified(url),
        head: (url) => reader.head(url),
        forget: (url) => reader.forget(url),
        checked: async (url, text) => {
            const verified = await (0,signature/* verifyChecksumFile */.P)(check, url, text, fetchSignature);
            vouchers.push(verified.voucher);
            return verified.text;
        },
    };
    const source = selectSource(t);
    const build = await source.newest(t, verifying);
    const signedBy = vouchers.at(-1);
    // Fail closed: a layout that took its checksum from no verified file gives none.
    if (!signedBy)
        throw new upstream_reader/* UpstreamError */.gA(`the ${source.key} layout read no checksum file that checksum_signature could verify: no checksum is used`, t.latestChecksumUrl);
    return { ...build, signedBy };
}
/**
 * The newest build and whether the catalog lacks it (its checksum differs, as
 * docs/behaviour.md §9 says). With `check`, every checksum file the source
 * parses must carry a good signature by a trusted key first.
 */
async function discover(t, reader, check) {
    try {
        for (const url of [t.latestUrl, t.latestChecksumUrl]) {
            if (!/^https?:$/.test(new URL(url).protocol))
                throw new upstream_reader/* UpstreamError */.gA(`upstream discovery reads http(s) only, not ${url}`, url);
        }
        const build = check
            ? await signedNewest(t, reader, check)
            : await selectSource(t).newest(t, reader);
        const same = t.current.checksum?.toLowerCase() === (0,checksums/* formatChecksum */.rH)(build.checksum);
        return { status: same ? 'current' : 'newer', build };
    }
    catch (error) {
        // What that url answered (maybe from the cache) was of no use: ask afresh next time.
        if (error instanceof upstream_reader/* UpstreamError */.gA)
            reader.forget(error.url);
        return { status: 'error', error: (0,src_problems/* getErrorMessage */.u1)(error) };
    }
}

// EXTERNAL MODULE: ./node_modules/js-yaml/dist/js-yaml.mjs
var js_yaml = __webpack_require__(3243);
;// CONCATENATED MODULE: ./src/update/edit.ts
// Edits one version entry of a catalog file in place: only the changed
// scalars are spliced, at the offsets js-yaml's event stream gives, so that
// comments, quoting, folded urls, indentation and key order everywhere else
// stay byte for byte. A key the entry lacks is added after the entry's last
// key (on a line of its own, indented like it, in a block mapping); a key set
// to null is removed with its line.

/** The first document's root node, as a tree of events. */
function tree(events) {
    // The parser gives nothing for an empty file, else per document: DOCUMENT, its root node, POP.
    if (events.length === 0)
        return null;
    let i = 1;
    const node = () => {
        const e = events[i++];
        switch (e.type) {
            case js_yaml/* EVENT_ID */.hy.SCALAR:
                return { kind: 'scalar', event: e };
            case js_yaml/* EVENT_ID */.hy.ALIAS:
                return { kind: 'alias', start: e.anchorStart - 1, end: e.anchorEnd };
            case js_yaml/* EVENT_ID */.hy.MAPPING: {
                const pairs = [];
                while (events[i].type !== js_yaml/* EVENT_ID */.hy.POP)
                    pairs.push([node(), node()]);
                i++;
                return { kind: 'map', event: e, pairs };
            }
            case js_yaml/* EVENT_ID */.hy.SEQUENCE: {
                const items = [];
                while (events[i].type !== js_yaml/* EVENT_ID */.hy.POP)
                    items.push(node());
                i++;
                // Stryker disable next-line EqualityOperator: an anchor's name follows its `&`, so never offset 0
                return { kind: 'seq', items, anchored: e.anchorStart >= 0 };
            }
            default:
                // Stryker disable next-line StringLiteral: unreachable, the parser puts a node wherever one is read
                throw new EditError('unexpected YAML structure');
        }
    };
    return node();
}
/** The file cannot be edited safely; the message says why and what to do. */
class EditError extends Error {
    name = 'EditError';
}
function edit_valueOf(source, map, key) {
    return map.pairs.find(([k]) => k.kind === 'scalar' && (0,js_yaml/* getScalarValue */.KE)(source, k.event) === key);
}
/** Characters a value may have and still be written plain, read back as the same string. */
const PLAIN = /^[A-Za-z0-9_][A-Za-z0-9_./:+~%@=-]*$/;
function plainSafe(value) {
    if (!PLAIN.test(value))
        return false;
    // Stryker disable next-line ObjectLiteral: js-yaml 5 loads with CORE_SCHEMA by default; named so a new default cannot slip in
    return (0,js_yaml/* load */.Hh)(value, { schema: js_yaml/* CORE_SCHEMA */.OU }) === value;
}
/** The new value written in the style of the old one, or plain/single-quoted for a new key. */
function render(value, style) {
    if (style === 3)
        return JSON.stringify(value);
    // A block scalar (`>-` url) becomes plain when it can.
    if ((style === 1 || style >= 4) && plainSafe(value))
        return value;
    return `'${value.replace(/'/g, "''")}'`;
}
/** The text range of a scalar value (quotes and block indicator included, its tag kept). */
function scalarRange(source, e) {
    if (e.style === 2 || e.style === 3)
        return { start: e.valueStart - 1, end: e.valueEnd + 1 };
    if (e.style === 4 || e.style === 5) {
        // The indicator ends the header line, before any comment (which may hold `|` or `>`).
        const from = lineStart(source, e.valueStart - 1);
        // Stryker disable next-line StringLiteral: what stands for the comment only needs to hold no `|` or `>`
        const header = source.slice(from, e.valueStart).replace(/[ \t]#.*/s, '');
        const indicator = from + Math.max(header.lastIndexOf('|'), header.lastIndexOf('>'));
        let end = e.valueEnd;
        while (/[\r\n]/.test(source[end - 1]))
            end--;
        return { start: indicator, end };
    }
    return { start: e.valueStart, end: e.valueEnd };
}
const lineStart = (source, offset) => source.lastIndexOf('\n', offset - 1) + 1;
/** Where a key starts: at its opening quote when it is quoted. */
const keyStart = (k) => k.event.valueStart - (k.event.style > 1 ? 1 : 0);
/** Says why an entry cannot be edited safely (an EditError). */
function where(what) {
    throw new EditError(`cannot edit ${what} in place; edit this entry by hand`);
}
/** The first version entry of image `imageIndex`, when it can be edited in place. */
function firstEntry(source, root, imageIndex) {
    if (root?.kind !== 'map')
        return where('a file without an `images:` mapping');
    const images = edit_valueOf(source, root, 'images')?.[1];
    if (images?.kind !== 'seq')
        return where('`images` (not a written list)');
    const image = images.items[imageIndex];
    if (image?.kind !== 'map')
        return where(`image ${imageIndex + 1} (an alias or not a mapping)`);
    const versions = edit_valueOf(source, image, 'versions')?.[1];
    if (versions?.kind !== 'seq' || versions.anchored)
        return where('`versions` (an alias, anchored or not a list)');
    const entry = versions.items[0];
    // Stryker disable next-line EqualityOperator: an entry inside `images:` never starts the file
    if (entry?.kind !== 'map' || entry.event.anchorStart >= 0)
        return where('the first version entry (an alias, anchored or not a mapping)');
    return entry;
}
/** The splices that set `changes` in the first version entry of image `imageIndex`. */
function splicesFor(source, root, imageIndex, changes) {
    const entry = firstEntry(source, root, imageIndex);
    const splices = [];
    const missing = [];
    for (const [key, value] of Object.entries(changes)) {
        const pair = edit_valueOf(source, entry, key);
        if (value === null) {
            if (pair)
                splices.push(removal(source, entry, pair, key));
        }
        else if (!pair)
            missing.push(key);
        else {
            const splice = replacement(source, pair, key, value);
            if (splice)
                splices.push(splice);
        }
    }
    if (missing.length > 0)
        splices.push(addition(source, entry, missing, changes));
    return splices;
}
/** The splice that sets a present key to `value`; none when it already holds it. */
function replacement(source, [k, v], key, value) {
    if (v.kind === 'alias')
        return { start: v.start, end: v.end, text: render(value, 1) };
    if (v.kind !== 'scalar')
        return where(`\`${key}\` (not a scalar)`);
    const e = v.event;
    // Stryker disable next-line EqualityOperator: an anchor's name follows its `&`, so never offset 0
    if (e.anchorStart >= 0)
        return where(`\`${key}\` (anchored: other entries share it)`);
    // Stryker disable next-line EqualityOperator: a value follows its key, so never offset 0
    if (e.valueStart < 0) {
        // An empty value (`mirror_url:`): write after the colon (after a quoted key's closing quote).
        const colon = source.indexOf(':', k.event.valueEnd);
        return { start: colon + 1, end: colon + 1, text: ` ${render(value, 1)}` };
    }
    // Stryker disable next-line EqualityOperator: a value's tag never starts the file
    if ((0,js_yaml/* getScalarValue */.KE)(source, e) === value && e.tagStart < 0)
        return undefined;
    return { ...scalarRange(source, e), text: render(value, e.style) };
}
/** The splice that adds the keys the entry lacks. */
function addition(source, entry, missing, changes) {
    // After the entry's last pair when it is a scalar, else after its url; in the entry's style.
    // Not after a pair this edit removes: the two splices would overlap.
    const kept = entry.pairs.filter(([k]) => k.kind !== 'scalar' || changes[(0,js_yaml/* getScalarValue */.KE)(source, k.event)] !== null);
    const last = kept[kept.length - 1];
    const anchorPair = 
    // Stryker disable next-line EqualityOperator: a value follows its key, so never offset 0
    last?.[1].kind === 'scalar' && last[1].event.valueStart >= 0
        ? last
        : edit_valueOf(source, entry, 'url');
    if (!anchorPair || anchorPair[1].kind !== 'scalar')
        return where('the first version entry (no url)');
    const [k, v] = anchorPair;
    const end = scalarRange(source, v.event).end;
    if (entry.event.style === 2) {
        const text = missing.map((key) => `, ${key}: ${render(changes[key], 1)}`).join('');
        return { start: end, end, text };
    }
    const start = keyStart(k);
    const indent = source.slice(lineStart(source, start), start);
    if (!/^[ -]*$/.test(indent))
        return where('the first version entry (unusual layout)');
    const pad = ' '.repeat(indent.length);
    const newline = /\r\n/.test(source) ? '\r\n' : '\n';
    let eol = source.indexOf('\n', end);
    // Stryker disable next-line EqualityOperator: searched from the end of a value, so never 0
    if (eol < 0)
        eol = source.length;
    else if (source[eol - 1] === '\r')
        eol--;
    const text = missing
        .map((key) => `${newline}${pad}${key}: ${render(changes[key], 1)}`)
        .join('');
    return { start: eol, end: eol, text };
}
/** Removes a `key: value` pair of a block mapping with its whole line (a comment on it goes too). */
function removal(source, entry, [k, v], key) {
    if (entry.event.style === 2 || k.kind !== 'scalar')
        return where(`\`${key}\` (a flow mapping)`);
    const start = lineStart(source, keyStart(k));
    // `- mirror_url: …` opens the entry: removing its line would end the entry.
    if (!/^ *$/.test(source.slice(start, keyStart(k))))
        return where(`\`${key}\` (it opens the entry's line)`);
    if (v.kind !== 'alias' && v.kind !== 'scalar')
        return where(`\`${key}\` (not a scalar)`);
    // Stryker disable next-line EqualityOperator: a value follows its key, so never offset 0
    const written = v.kind === 'scalar' && v.event.valueStart >= 0;
    // An empty value: an implicit key and its colon are on one line, so the line ends the pair.
    const end = v.kind === 'alias' ? v.end : written ? scalarRange(source, v.event).end : k.event.valueEnd;
    const eol = source.indexOf('\n', end);
    // Stryker disable next-line EqualityOperator: searched from the end of a key or value, so never 0
    return { start, end: eol < 0 ? source.length : eol + 1, text: '' };
}
/**
 * Sets each edit's changes in the first entry of `versions` of its image, in
 * one pass over the file. An edit that cannot be made safely is left out and
 * its reason returned by its position in `edits`.
 */
function editFirstVersions(source, edits) {
    const root = tree((0,js_yaml/* parseEvents */.PH)(source, {}));
    const failed = new Map();
    const splices = [];
    edits.forEach((edit, i) => {
        try {
            splices.push(...splicesFor(source, root, edit.imageIndex, edit.changes));
        }
        catch (error) {
            if (!(error instanceof EditError))
                throw error;
            failed.set(i, error.message);
        }
    });
    let text = source;
    for (const s of splices.sort((a, b) => b.start - a.start))
        text = text.slice(0, s.start) + s.text + text.slice(s.end);
    return { text, failed };
}
/** One edit; throws EditError when it cannot be made safely. */
function editFirstVersion(source, imageIndex, changes) {
    const { text, failed } = editFirstVersions(source, [{ imageIndex, changes }]);
    const reason = failed.get(0);
    if (reason !== undefined)
        throw new EditError(reason);
    return text;
}

;// CONCATENATED MODULE: ./src/update/find-updates.ts
// Finds the newest upstream build of every tracked definition and computes
// the edited catalog files: the shared step of `update` and of the bump
// pull requests. Nothing is written here.















function statusOf(def, outcome) {
    const base = { file: def.position.file, image: def.name };
    if (outcome.status === 'error')
        return { ...base, status: 'error', error: outcome.error };
    const b = outcome.build;
    return {
        ...base,
        status: outcome.status,
        from: def.versions[0]?.version ?? '',
        to: b.version,
        url: b.url,
        checksum: (0,checksums/* formatChecksum */.rH)(b.checksum),
        build_date: b.buildDate,
        ...(b.signedBy ? { signed_by: b.signedBy } : {}),
    };
}
/** A claim as the bump and its status say it; nothing for an entry without mirror. */
function mirrorOf(claim) {
    if (claim.kind === 'set')
        return {
            bump: { url: claim.url, note: claim.note },
            status: { mirror_url: claim.url, mirror: claim.note },
        };
    if (claim.kind === 'drop')
        return { bump: { error: claim.reason }, status: { mirror_error: claim.reason } };
    return undefined;
}
/** Why the edited text is not what we meant, per pending bump (none: all fine). */
function verify(file, text, pending) {
    const wrong = new Map();
    const reread = (0,load/* parseDefinitionFile */.Lo)(file, text);
    const problems = 'data' in reread ? (0,schema_check/* checkSchema */._U)(reread) : [reread];
    if (problems.length > 0 || !('data' in reread)) {
        const reason = `the edited file would not validate: ${problems[0]?.message ?? ''}`;
        pending.forEach((_, i) => wrong.set(i, reason));
        return wrong;
    }
    const after = new Map((0,normalize/* normalize */.S)(reread).map((d) => [d.name, d.versions[0]]));
    pending.forEach((p, i) => {
        const entry = after.get(p.def.name);
        for (const [key, value] of Object.entries(p.changes)) {
            if (value === null ? entry !== undefined && key in entry : entry?.[key] !== value) {
                wrong.set(i, `the edit did not set ${key} (the file's layout is unusual): edit it by hand`);
                return;
            }
        }
    });
    return wrong;
}
/** Applies the bumps of one file in one pass; bumps that cannot be made are returned with the reason. */
function editFile(file, text, pending) {
    const parsed = (0,load/* parseDefinitionFile */.Lo)(file, text);
    if (!('data' in parsed))
        throw new Error(`cannot read ${file} again: ${parsed.message}`);
    const names = parsed.data.images.map((i) => i.name);
    const edits = pending.map((p) => ({ imageIndex: names.indexOf(p.def.name), changes: p.changes }));
    const result = editFirstVersions(text, edits);
    const kept = pending.filter((_, i) => !result.failed.has(i));
    const wrong = verify(file, result.text, kept);
    if (wrong.size === 0)
        return result;
    // Rare: find the bumps that break the file, one at a time.
    let current = text;
    const failed = new Map(result.failed);
    pending.forEach((p, i) => {
        if (failed.has(i))
            return;
        const one = editFirstVersions(current, [edits[i]]);
        const reason = one.failed.get(0) ?? verify(file, one.text, [p]).get(0);
        if (reason !== undefined)
            failed.set(i, reason);
        else
            current = one.text;
    });
    return { text: current, failed };
}
/** Looks every tracked definition up upstream and computes the edited files. */
async function findUpdates(options) {
    const cwd = options.cwd ?? process.cwd();
    // No reporter here: the problems go back to the caller, which reports them.
    let problems = [];
    const catalog = await (0,definitions_catalog/* requireValidCatalog */.Vm)({ images: options.images, cwd }, { report: (found) => (problems = found) });
    if (!catalog)
        return { updates: [], statuses: [], problems };
    const filter = (0,src_filter/* filterRegex */.I)(options.filter);
    const tracked = catalog.definitions
        .filter((d) => !filter || filter.test(d.name))
        .map((def) => ({ def, t: trackedOf(def) }))
        .filter((x) => x.t !== null);
    const reader = options.reader ?? (await readerOf(options));
    const outcomes = await Promise.all(tracked.map(async ({ def, t }) => {
        let check;
        try {
            check = await (0,signature/* loadSignatureCheck */.L)(def);
        }
        catch (error) {
            // A key that cannot be loaded trusts nothing: no bump for this definition.
            return { status: 'error', error: (0,src_problems/* getErrorMessage */.u1)(error) };
        }
        return discover(t, reader, check);
    }));
    const statuses = tracked.map(({ def }, i) => statusOf(def, outcomes[i]));
    const newer = tracked.flatMap(({ def }, i) => {
        const outcome = outcomes[i];
        return outcome.status === 'newer' ? [{ def, i, build: outcome.build }] : [];
    });
    const claims = await claimAll(newer, reader, options.mirror);
    const byFile = pendingByFile(newer, claims, statuses);
    const updates = [];
    for (const [file, pending] of byFile) {
        const text = await (0,promises_.readFile)(external_node_path_default().resolve(cwd, file), 'utf8');
        const update = fileUpdate(file, editFile(file, text, pending), pending, statuses);
        if (update)
            updates.push(update);
    }
    return { updates, statuses, problems: catalog.problems };
}
/** The upstream reader of `options`: createUpstreamHttp unless a client is given. */
async function readerOf(options) {
    return (0,upstream_reader/* createReader */.WF)({
        http: options.http ??
            (await (0,upstream_http/* createUpstreamHttp */.kf)({
                ...(options.sourceCacert ? { sourceCacert: options.sourceCacert } : {}),
                timeoutMs: options.timeoutMs ?? upstream_reader/* DEFAULT_TIMEOUT_MS */.t1,
            })),
        ...(options.timeoutMs ? { timeoutMs: options.timeoutMs } : {}),
        ...(options.concurrency ? { concurrency: options.concurrency } : {}),
        ...(options.cache ? { cache: options.cache } : {}),
    });
}
/** The mirror claim of every newer build, in their order. */
async function claimAll(newer, reader, mirror) {
    const claimOf = (x) => claimMirror(x.def, x.build, reader, mirror);
    // A mirror uploads one build at a time (an upload holds its parts in memory); HEADs alone run side by side.
    const claims = [];
    if (mirror)
        for (const x of newer)
            claims.push(await claimOf(x));
    else
        claims.push(...(await Promise.all(newer.map(claimOf))));
    return claims;
}
/** The bumps to make, by file; a build its claim blocks becomes an error status instead. */
function pendingByFile(newer, claims, statuses) {
    const byFile = new Map();
    for (const [n, { def, i, build }] of newer.entries()) {
        const claim = claims[n];
        if (claim.kind === 'block') {
            statuses[i] = {
                file: def.position.file,
                image: def.name,
                status: 'error',
                error: claim.reason,
            };
            continue;
        }
        const changes = {
            version: build.version,
            url: build.url,
            checksum: (0,checksums/* formatChecksum */.rH)(build.checksum),
            build_date: build.buildDate,
            ...(claim.kind === 'set' ? { mirror_url: claim.url } : {}),
            ...(claim.kind === 'drop' ? { mirror_url: null } : {}),
        };
        const list = byFile.get(def.position.file) ?? [];
        list.push({
            def,
            changes,
            claim,
            status: i,
            ...(build.signedBy ? { signedBy: build.signedBy } : {}),
        });
        byFile.set(def.position.file, list);
    }
    return byFile;
}
/** The bumps an edited file carries, their statuses updated; none when no bump could be made. */
function fileUpdate(file, edited, pending, statuses) {
    const bumps = [];
    pending.forEach((p, i) => {
        const reason = edited.failed.get(i);
        if (reason !== undefined) {
            statuses[p.status] = { file, image: p.def.name, status: 'error', error: reason };
            return;
        }
        const mirror = mirrorOf(p.claim);
        if (mirror)
            statuses[p.status] = { ...statuses[p.status], ...mirror.status };
        bumps.push({
            image: p.def.name,
            from: statuses[p.status]?.from ?? '',
            to: p.changes.version,
            url: p.changes.url,
            checksum: p.changes.checksum,
            buildDate: p.changes.build_date,
            ...(mirror ? { mirror: mirror.bump } : {}),
            ...(p.signedBy ? { signedBy: p.signedBy } : {}),
        });
    });
    return bumps.length > 0 ? { file, content: edited.text, bumps } : undefined;
}

// EXTERNAL MODULE: ./src/upstream/http-cache.ts
var http_cache = __webpack_require__(7970);
// EXTERNAL MODULE: ./src/download/progress.ts
var progress = __webpack_require__(4585);
// EXTERNAL MODULE: ./src/mirror/s3.ts + 4 modules
var mirror_s3 = __webpack_require__(1206);
;// CONCATENATED MODULE: ./src/update/open-mirror.ts
// The mirror of the update job, opened from its settings: the S3 store, the
// client new builds are downloaded with, and progress lines for the log.



/** The store (the AWS SDK loads here) and download client of a mirror; close `store` after. */
async function openUpdateMirror({ s3, publicUrl, store }, options, reporter) {
    reporter.secret(s3.secretAccessKey);
    return {
        store: store ?? (await (0,mirror_s3/* createS3Store */.oT)(s3)),
        prefix: s3.prefix,
        publicUrl,
        dryRun: options.dryRun,
        http: await (0,upstream_http/* createUpstreamHttp */.kf)(options.sourceCacert ? { sourceCacert: options.sourceCacert } : {}),
        onProgress: (image, p) => {
            if (!p.done)
                reporter.info((0,progress/* progressLine */.o)(`${image} → mirror`, p));
        },
    };
}

;// CONCATENATED MODULE: ./src/commands/update.ts
// `update`: find the newest upstream build of every tracked definition
// (latest_url + latest_checksum_url) and bump the first version entry of
// each definition whose upstream checksum changed, in place.








/** A status as printed: no url or message in it shows a url's userinfo. */
const shownStatus = (s) => Object.fromEntries(Object.entries(s).map(([k, v]) => [k, typeof v === 'string' ? (0,secrets/* withoutUserinfo */.Q3)(v) : v]));
function line(s) {
    if (s.status === 'error')
        return `✗ ${s.image}: ${s.error}`;
    if (s.status === 'current')
        return `= ${s.image}: ${s.from} is the newest build`;
    const mirror = s.mirror_url ? `; mirror_url ${s.mirror_url} (${s.mirror})` : '';
    return `↑ ${s.image}: ${s.from} → ${s.to} (${s.build_date}, ${s.checksum}) ${s.url}${mirror}`;
}
/** Exit code: 0, or 1 when the catalog is invalid, some upstream could not be read or a configured mirror failed. */
async function updateCommand(options, reporter) {
    const cwd = options.cwd ?? process.cwd();
    const cache = options.cacheDir === undefined
        ? undefined
        : await http_cache/* HttpCache */.fV.open(external_node_path_default().resolve(cwd, options.cacheDir), {
            warn: (m) => reporter.warning(m),
        });
    const mirror = options.mirror && (await openUpdateMirror(options.mirror, options, reporter));
    const result = await findUpdates({
        images: options.images,
        cwd,
        ...(options.filter !== undefined ? { filter: options.filter } : {}),
        ...(options.sourceCacert ? { sourceCacert: options.sourceCacert } : {}),
        ...(cache ? { cache } : {}),
        ...(mirror ? { mirror } : {}),
    }).finally(() => {
        if (mirror && !options.mirror?.store)
            mirror.store.close();
    });
    await cache?.save();
    const valid = (0,definitions_catalog/* acceptProblems */.Z4)(result.problems, {
        // With JSON on stdout the problems go to stderr: stdout stays JSON.
        report: (0,definitions_catalog/* problemsTo */.Qp)(reporter, options.output === 'json'),
        stop: () => reporter.warning('the definitions are invalid: nothing was looked up upstream'),
    });
    if (!valid)
        return 1;
    if (!options.dryRun) {
        for (const update of result.updates)
            await (0,promises_.writeFile)(external_node_path_default().resolve(cwd, update.file), update.content, 'utf8');
    }
    // Without a configured mirror a dropped mirror_url is news, not a failure.
    const failed = result.statuses.filter((s) => s.status === 'error' || (options.mirror && s.mirror_error)).length;
    for (const s of result.statuses)
        if (s.mirror_error)
            reporter.warning(`${s.file}: ${s.image}: ${s.mirror_error}`);
    const bumps = result.updates.reduce((n, u) => n + u.bumps.length, 0);
    if (options.output === 'json') {
        options.write(`${(0,json/* safeJson */.o)(result.statuses.map(shownStatus))}\n`);
        // stdout holds only the JSON; failures also go to stderr (annotations in Actions).
        for (const s of result.statuses)
            if (s.status === 'error')
                reporter.warning(`${s.file}: ${s.image}: ${s.error}`);
    }
    else {
        for (const s of result.statuses)
            reporter.info(line(s));
        const verb = options.dryRun ? 'would bump' : 'bumped';
        reporter.info(`${result.statuses.length} tracked, ${verb} ${bumps} in ${result.updates.length} file(s), ${failed} failed`);
    }
    return failed > 0 ? 1 : 0;
}


/***/ })

};
