export const id = 239;
export const ids = [239];
export const modules = {

/***/ 4239:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  Z4: () => (/* binding */ acceptProblems),
  ak: () => (/* binding */ loadCatalog),
  Qp: () => (/* binding */ problemsTo),
  Vm: () => (/* binding */ requireValidCatalog)
});

// EXTERNAL MODULE: ./src/http/secrets.ts
var secrets = __webpack_require__(4861);
// EXTERNAL MODULE: ./src/problems.ts
var src_problems = __webpack_require__(2095);
// EXTERNAL MODULE: ./src/definitions/load.ts + 4 modules
var load = __webpack_require__(8783);
// EXTERNAL MODULE: ./src/definitions/normalize.ts
var normalize = __webpack_require__(3957);
// EXTERNAL MODULE: ./src/definitions/problem-limits.ts
var problem_limits = __webpack_require__(2710);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(6760);
var external_node_path_default = /*#__PURE__*/__webpack_require__.n(external_node_path_);
// EXTERNAL MODULE: ./src/download/file-url.ts
var file_url = __webpack_require__(4716);
// EXTERNAL MODULE: ./src/definitions/key-files.ts
var key_files = __webpack_require__(9675);
// EXTERNAL MODULE: ./src/definitions/names.ts
var names = __webpack_require__(958);
;// CONCATENATED MODULE: ./src/definitions/rules.ts
// Rules the JSON Schema cannot express: uniqueness across files, dates, paths.




const MAX_MIN_DISK_GIB = 10_000;
/** Glance refuses longer image names. */
const MAX_GLANCE_NAME = 255;
const MAX_MIN_RAM_MIB = 10 * 1024 * 1024;
async function checkRules(files, options) {
    const state = {
        options,
        problems: [],
        firstName: new Map(),
        firstId: new Map(),
        fileUrls: [],
        // Stryker disable next-line MethodExpression: build dates are YYYY-MM-DD; against the whole timestamp they compare as against its date
        tomorrow: new Date(options.now.getTime() + 86_400_000).toISOString().slice(0, 10),
    };
    for (const { file, definitions } of files) {
        definitions.forEach((def, i) => {
            const at = `/images/${i}`;
            checkNames(state, file, def, at);
            checkSizes(state, file, def, at);
            checkMeta(state, file, def, at);
            checkVersions(state, file, def, at);
            def.checksum_signature?.keys.forEach((key, k) => {
                const url = (0,key_files/* keyFileUrl */.r)(key);
                const pointer = `${at}/checksum_signature/keys/${k}`;
                state.fileUrls.push({ file, pointer, key: 'key file', url, shown: key, mustExist: true });
            });
        });
    }
    // The downloader asks the same question with the same function, so what passes here can be read.
    for (const { file, pointer, key, url, shown, mustExist } of state.fileUrls) {
        const dir = external_node_path_default().dirname(file.absolutePath);
        const meaning = await (0,file_url/* checkFileUrl */.Kp)(url, dir, dir, mustExist ? { mustExist } : {});
        if (!meaning.ok)
            report(state, file, pointer, `${key} '${shown ?? url}' ${meaning.reason}`);
    }
    return state.problems;
}
function report(state, file, pointer, message, severity = 'error', onKey = false) {
    const at = file.positions.get(pointer);
    const { line, column } = file.lines.locate((onKey ? at?.key : undefined) ?? at?.value ?? 0);
    state.problems.push({
        severity,
        file: file.file,
        line,
        column,
        message,
        sourceLine: file.lines.lineText(line),
    });
}
/** Glance names: not too long, and made by one definition only. */
function checkNames(state, file, def, at) {
    for (const { name } of (0,names/* glanceNames */.LY)(def)) {
        if (name.length > MAX_GLANCE_NAME) {
            report(state, file, `${at}/name`, `this name makes a Glance name of ${name.length} characters ('${name.slice(0, 40)}…'); Glance allows at most ${MAX_GLANCE_NAME}: shorten the name or the version`);
            break;
        }
        const first = state.firstName.get(name);
        // Within one definition only a duplicate version can clash: reported below.
        if (!first)
            state.firstName.set(name, { where: `${file.file}:${def.position.line}`, def });
        else if (first.def !== def) {
            report(state, file, `${at}/name`, `'${def.name}' makes the same Glance name '${name}' as the definition at ${first.where}: rename one of them`);
        }
    }
}
function checkSizes(state, file, def, at) {
    if (def.min_disk > MAX_MIN_DISK_GIB) {
        report(state, file, `${at}/min_disk`, `min_disk ${def.min_disk} GiB is unrealistic: it is in GiB (at most ${MAX_MIN_DISK_GIB})`);
    }
    if (def.min_ram > MAX_MIN_RAM_MIB) {
        report(state, file, `${at}/min_ram`, `min_ram ${def.min_ram} is unrealistic: it is in MiB (at most ${MAX_MIN_RAM_MIB})`);
    }
}
/** `rotated` without `multi`, and the recommended meta keys. */
function checkMeta(state, file, def, at) {
    // Non-multi builds take os_version from their version; multi ones may set it per version.
    const versioned = !def.multi || (def.versions.length > 0 && def.versions.every((v) => v.os_version));
    const missing = state.options.recommendedMeta.filter((key) => !(key in def.meta) && !(key === 'os_version' && versioned));
    if (def.rotated && !def.multi) {
        report(state, file, `${at}/rotated`, `'rotated' has no effect on '${def.name}': only multi: true images are replaced under their name`, 'warning', true);
    }
    if (missing.length > 0) {
        report(state, file, `${at}/meta`, `meta lacks ${missing.map((k) => `'${k}'`).join(', ')}, which the SCS image metadata standard asks for`, state.options.strict ? 'error' : 'warning', true);
    }
}
/** Versions once each, ids unique, no future builds; file: URLs kept for checkRules. */
function checkVersions(state, file, def, at) {
    const seen = new Set();
    def.versions.forEach((v, j) => {
        const vat = `${at}/versions/${j}`;
        if (seen.has(v.version))
            report(state, file, `${vat}/version`, `duplicate version '${v.version}' in '${def.name}': each version may appear once`);
        seen.add(v.version);
        if (v.id !== undefined) {
            const first = state.firstId.get(v.id);
            if (first) {
                report(state, file, `${vat}/id`, `id ${v.id} is already the id of the version at ${first}: each image needs its own id`);
            }
            else
                state.firstId.set(v.id, `${file.file}:${v.position.line}`);
        }
        if (v.build_date && v.build_date > state.tomorrow) {
            report(state, file, `${vat}/build_date`, `build_date ${v.build_date} is in the future`);
        }
        for (const key of ['url', 'mirror_url']) {
            const url = v[key];
            if (url?.startsWith('file:'))
                state.fileUrls.push({ file, pointer: `${vat}/${key}`, key, url });
        }
    });
}

// EXTERNAL MODULE: ./src/definitions/schema-check.ts + 2 modules
var schema_check = __webpack_require__(4663);
;// CONCATENATED MODULE: ./src/definitions/catalog.ts
// The whole validation: files -> schema -> typed definitions -> rules.







/**
 * A problem as shown: a url's `user:password@` quoted from the file is cut
 * out. The same object when nothing is cut (limitProblems knows its closing
 * lines by identity).
 */
function withoutCredentials(p) {
    const message = (0,secrets/* withoutUserinfo */.Q3)(p.message);
    const sourceLine = p.sourceLine === undefined ? undefined : (0,secrets/* withoutUserinfo */.Q3)(p.sourceLine);
    if (message === p.message && sourceLine === p.sourceLine)
        return p;
    return { ...p, message, ...(sourceLine === undefined ? {} : { sourceLine }) };
}
async function loadCatalog(options) {
    const cwd = options.cwd ?? process.cwd();
    const loaded = await (0,load/* loadDefinitionFiles */.nE)(options.images, cwd);
    // concat, not push(...): a file may hold more problems than a call has room for arguments.
    let problems = loaded.problems;
    const checked = [];
    for (const file of loaded.files) {
        const schemaProblems = (0,schema_check/* checkSchema */._U)(file);
        problems = problems.concat(schemaProblems);
        if (schemaProblems.length === 0)
            checked.push({ file, definitions: (0,normalize/* normalize */.S)(file) });
    }
    const ruleProblems = await checkRules(checked, {
        now: options.now ?? new Date(),
        strict: options.strict ?? false,
        recommendedMeta: (0,schema_check/* recommendedMetaKeys */.Df)(),
    });
    return {
        definitions: checked.flatMap((c) => c.definitions),
        // Userinfo out before messages are cut: a cut could leave a url without its `@`.
        problems: (0,problem_limits/* limitProblems */.Kc)((0,src_problems/* sortProblems */.dS)(problems.concat(ruleProblems).map(withoutCredentials))),
        files: loaded.read,
    };
}
/** Reports the problems; true when none is an error, else `stop` has said why the caller stops. */
function acceptProblems(problems, gate) {
    gate.report(problems);
    const errors = (0,src_problems/* errorsOf */.Bp)(problems).length;
    if (errors === 0)
        return true;
    gate.stop?.(errors);
    return false;
}
/** The catalog when it holds no error; undefined (stop) once its problems are reported. */
async function requireValidCatalog(options, gate) {
    const catalog = await loadCatalog(options);
    return acceptProblems(catalog.problems, gate) ? catalog : undefined;
}
/** The problems to a reporter; with JSON on stdout as warnings, so that stdout stays JSON. */
function problemsTo(reporter, json = false) {
    if (!json)
        return (problems) => reporter.problems(problems);
    return (problems) => {
        for (const p of problems)
            reporter.warning(`${p.file}:${p.line}:${p.column}: ${p.severity}: ${p.message}`);
    };
}


/***/ }),

/***/ 9675:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   r: () => (/* binding */ keyFileUrl)
/* harmony export */ });
// The public key files a definition's checksum_signature names: paths in the
// catalog repository, relative to the definition file and confined to its
// directory exactly as `file:` urls are (download/file-url.ts decides both).
/** `keys/ubuntu.asc` -> `file:keys/ubuntu.asc`, each segment percent-encoded (so `?`, `#`, `%` stay literal). */
const keyFileUrl = (keyPath) => `file:${keyPath.split('/').map(encodeURIComponent).join('/')}`;


/***/ }),

/***/ 8783:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  nE: () => (/* binding */ loadDefinitionFiles),
  Lo: () => (/* binding */ parseDefinitionFile)
});

// UNUSED EXPORTS: MAX_FILE_BYTES, decodeDefinitionFile

// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __webpack_require__(3024);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(6760);
var external_node_path_default = /*#__PURE__*/__webpack_require__.n(external_node_path_);
// EXTERNAL MODULE: ./node_modules/js-yaml/dist/js-yaml.mjs
var js_yaml = __webpack_require__(3243);
// EXTERNAL MODULE: ./src/problems.ts
var problems = __webpack_require__(2095);
;// CONCATENATED MODULE: ./src/definitions/aliases.ts
// Bounds on what anchors and aliases may expand to. js-yaml shares aliased
// nodes by reference, but everything after it (schema check, rules, reports)
// walks the expanded tree: 4,000 aliases of a node holding 4,000 aliases are
// 16 million nodes from an 80 KB file. The size is measured on the event
// stream, before anything is built.

/** Nodes that aliases may add to a document (a large catalog has a few thousand). */
const MAX_ALIAS_NODES = 100_000;
/** Characters of scalars that aliases may add to a document. */
const MAX_ALIAS_CHARS = 4 * 1024 * 1024;
/** The first alias past the bounds, or one that refers to a node containing it. */
function checkAliases(source, events) {
    const tally = {
        sizes: new Map(),
        open: [],
        openAnchors: new Set(),
        nodes: 0,
        chars: 0,
        aliasNodes: 0,
        aliasChars: 0,
    };
    for (const e of events) {
        switch (e.type) {
            case js_yaml/* EVENT_ID */.hy.SCALAR: {
                tally.nodes++;
                tally.chars += e.valueEnd - e.valueStart;
                if (e.anchorStart >= 0) {
                    const name = source.slice(e.anchorStart, e.anchorEnd);
                    tally.sizes.set(name, { nodes: 1, chars: e.valueEnd - e.valueStart });
                }
                break;
            }
            case js_yaml/* EVENT_ID */.hy.MAPPING:
            case js_yaml/* EVENT_ID */.hy.SEQUENCE: {
                tally.nodes++;
                const anchor = e.anchorStart >= 0 ? source.slice(e.anchorStart, e.anchorEnd) : null;
                if (anchor !== null)
                    tally.openAnchors.add(anchor);
                tally.open.push({ anchor, nodes: tally.nodes - 1, chars: tally.chars });
                break;
            }
            case js_yaml/* EVENT_ID */.hy.POP: {
                const frame = tally.open.pop();
                if (frame?.anchor) {
                    tally.openAnchors.delete(frame.anchor);
                    const size = { nodes: tally.nodes - frame.nodes, chars: tally.chars - frame.chars };
                    tally.sizes.set(frame.anchor, size);
                }
                break;
            }
            case js_yaml/* EVENT_ID */.hy.ALIAS: {
                const problem = expandAlias(tally, source.slice(e.anchorStart, e.anchorEnd), e.anchorStart - 1);
                if (problem)
                    return problem;
                break;
            }
            default:
                break;
        }
    }
    return null;
}
/** Adds what alias `*name` (at `offset`) expands to; a problem when it goes too far. */
function expandAlias(tally, name, offset) {
    if (tally.openAnchors.has(name)) {
        return {
            offset,
            message: `alias '*${name}' refers to the node of anchor '&${name}' that contains it: a definition cannot include itself`,
        };
    }
    const size = tally.sizes.get(name);
    if (!size)
        return null; // js-yaml reports an unknown alias with its position
    tally.nodes += size.nodes;
    tally.chars += size.chars;
    tally.aliasNodes += size.nodes;
    tally.aliasChars += size.chars;
    if (tally.aliasNodes > MAX_ALIAS_NODES || tally.aliasChars > MAX_ALIAS_CHARS) {
        const what = tally.aliasNodes > MAX_ALIAS_NODES
            ? `${MAX_ALIAS_NODES.toLocaleString('en')} nodes`
            : `${MAX_ALIAS_CHARS / 1024 / 1024} MiB of text`;
        return {
            offset,
            message: `aliases expand this file past ${what} at alias '*${name}' of anchor '&${name}': write the repeated part out, or repeat it less`,
        };
    }
    return null;
}

;// CONCATENATED MODULE: ./src/definitions/confine.ts
// Definition files are read only inside the catalog. A pull request may add a
// symlink named like a definition that leads to a runner's secrets
// (~/.git-credentials, /proc/self/environ, the checkout's .git/config): its
// real path must stay inside the `--images` root or the git repository that
// holds it, and never inside a `.git` directory. Such a file is not read at all.


/** The nearest directory at or above `dir` that holds `.git` (the repository), if any. */
function repositoryOf(dir) {
    for (let at = dir;; at = external_node_path_default().dirname(at)) {
        if ((0,external_node_fs_.existsSync)(external_node_path_default().join(at, '.git')))
            return at;
        if (external_node_path_default().dirname(at) === at)
            return undefined;
    }
}
/** The roots for files found below `root` (the `--images` directory, a file's or a glob's base). */
function confinement(root) {
    const real = (0,external_node_fs_.realpathSync)(root);
    const repository = repositoryOf(real);
    return { roots: repository && repository !== real ? [real, repository] : [real] };
}
/** True when `child` is `parent` or below it, without passing a `.git` directory. */
function below(parent, child) {
    const rel = external_node_path_default().relative(parent, child);
    if (rel === '')
        return true;
    if (rel.startsWith('..') || external_node_path_default().isAbsolute(rel))
        return false;
    return !rel.split((external_node_path_default()).sep).includes('.git');
}
/**
 * The real path of a definition file when it lies inside the confinement, else
 * undefined (it must not be read). A path that cannot be resolved is returned
 * as it is, so that reading it fails with the filesystem's reason.
 */
function confinedPath(absolute, { roots }) {
    let real;
    try {
        real = (0,external_node_fs_.realpathSync)(absolute);
    }
    catch {
        return absolute;
    }
    return roots.some((root) => below(root, real)) ? real : undefined;
}

// EXTERNAL MODULE: external "node:fs/promises"
var promises_ = __webpack_require__(1455);
;// CONCATENATED MODULE: ./src/definitions/find-files.ts
// Which files `--images` names: a file, a directory or a glob. Only regular
// files are definition files: a FIFO named a.yml would block the reader
// forever, a directory named x.yml cannot be read. Filesystem errors are the
// user's to fix, so they name the path and exit 2.



const isYaml = (name) => /\.ya?ml$/i.test(name);
/** Path as the user should see it (relative to the working directory when inside it). */
function displayPath(p, cwd) {
    const rel = external_node_path_default().relative(cwd, p);
    return rel && !rel.startsWith(`..${(external_node_path_default()).sep}`) && rel !== '..' && !external_node_path_default().isAbsolute(rel) ? rel : p;
}
const REASONS = {
    EACCES: 'permission denied',
    EPERM: 'operation not permitted',
    ELOOP: 'too many levels of symbolic links (a symlink loop?)',
    EISDIR: 'it is a directory',
    ENOTDIR: 'a part of the path is not a directory',
    ENAMETOOLONG: 'the name is too long',
    EMFILE: 'too many open files',
    EIO: 'input/output error',
};
/** Why the filesystem refused, in words, for an error message. */
function fsReason(error) {
    const code = error?.code;
    return (code && REASONS[code]) ?? code ?? String(error);
}
/** A usage error (exit 2) for a path the filesystem refused. */
const fsError = (verb, shown, error) => new problems/* UserError */.yo(`Cannot ${verb} '${shown}': ${fsReason(error)}.`);
/** What kind of thing is not a regular file, for messages. */
function kindOf(info) {
    if (info.isDirectory())
        return 'a directory';
    if (info.isFIFO())
        return 'a FIFO (named pipe)';
    if (info.isSocket())
        return 'a socket';
    return 'not a regular file';
}
const skip = (shown, message) => ({
    severity: 'warning',
    file: shown,
    line: 1,
    column: 1,
    message,
});
/** Escapes a path for use in a RegExp, turning `*`, `**` and `?` into patterns. */
function globToRegExp(glob) {
    let re = '';
    for (let i = 0; i < glob.length; i++) {
        const c = glob[i];
        if (c === '*' && glob[i + 1] === '*') {
            re += '.*';
            i++;
            if (glob[i + 1] === '/')
                i++;
        }
        else if (c === '*')
            re += '[^/]*';
        else if (c === '?')
            re += '[^/]';
        else
            re += c.replace(/[.+^${}()|[\]\\]/g, '\\$&');
    }
    return new RegExp(`^${re}$`);
}
/**
 * The entries below `base` that may match, down to `depth` directory levels
 * (Infinity for `**`). Symlinked directories are not entered (no loops); a
 * directory that cannot be read is a warning, not the end of the walk.
 */
async function walk(base, depth, cwd, skipped, files) {
    const out = [];
    const pending = [[base, 0]];
    for (let next = pending.pop(); next; next = pending.pop()) {
        const [dir, level] = next;
        let entries;
        try {
            entries = await (0,promises_.readdir)(dir, { withFileTypes: true });
        }
        catch (error) {
            if (dir === base)
                throw fsError('read the directory', displayPath(dir, cwd), error);
            skipped.push(skip(displayPath(dir, cwd), `skipped: cannot read this directory (${fsReason(error)}), so definitions in it are not checked`));
            continue;
        }
        for (const entry of entries) {
            const full = external_node_path_default().join(dir, entry.name);
            // A directory is also a candidate: one named like a definition file gets a warning.
            if (entry.isDirectory() && level < depth)
                pending.push([full, level + 1]);
            if (entry.isFile())
                files.add(full);
            out.push(full);
        }
    }
    return out;
}
/**
 * Keeps regular files; other entries named like definitions become warnings.
 * `files` are those the directory listing showed as regular files: no stat
 * for them (symlinks and the rest are followed by one).
 */
async function regularFiles(candidates, cwd, skipped, files) {
    const paths = [];
    for (const p of candidates) {
        if (files.has(p)) {
            paths.push(p);
            continue;
        }
        const shown = displayPath(p, cwd);
        let info;
        try {
            info = await (0,promises_.stat)(p);
        }
        catch (error) {
            throw fsError('read', shown, error);
        }
        if (info.isFile())
            paths.push(p);
        else
            skipped.push(skip(shown, `skipped: ${kindOf(info)}, not a definition file`));
    }
    return paths;
}
/**
 * The definition files named by `spec`: a file, a directory (its `*.yml` and
 * `*.yaml`, not recursive) or a glob (`etc/images/*.yml`, `catalog/**\/*.yaml`).
 */
async function findDefinitionFiles(spec, cwd = process.cwd()) {
    const abs = external_node_path_default().resolve(cwd, spec);
    if (/[*?]/.test(spec))
        return globFiles(spec, abs, cwd);
    let info;
    try {
        info = await (0,promises_.stat)(abs);
    }
    catch (error) {
        if (error.code === 'ENOENT') {
            throw new problems/* UserError */.yo(`Definition path '${spec}' does not exist.`);
        }
        throw fsError('read', spec, error);
    }
    if (info.isFile())
        return { paths: [abs], skipped: [], root: external_node_path_default().dirname(abs) };
    if (!info.isDirectory()) {
        throw new problems/* UserError */.yo(`Cannot read '${spec}': it is ${kindOf(info)}, not a definition file.`);
    }
    return directoryFiles(spec, abs, cwd);
}
/** For a message that nothing was found: the files that were skipped, if any. */
function skippedHint(skipped) {
    return skipped.length ? ` (skipped: ${skipped.map((s) => s.file).join(', ')})` : '';
}
/** The YAML files a glob matches, walking down from its last directory without wildcards. */
async function globFiles(spec, abs, cwd) {
    const skipped = [];
    const firstGlob = abs.search(/[*?]/);
    const base = abs.slice(0, abs.lastIndexOf((external_node_path_default()).sep, firstGlob) + 1) || (external_node_path_default()).sep;
    const rest = abs.slice(base.length);
    const depth = rest.includes('**') ? Infinity : rest.split((external_node_path_default()).sep).length - 1;
    const pattern = globToRegExp(abs);
    const info = await (0,promises_.stat)(base).catch((error) => error);
    if (info instanceof Error) {
        if (info.code === 'ENOENT')
            throw new problems/* UserError */.yo(`No definition files match '${spec}'.`);
        throw fsError('read the directory', displayPath(base, cwd), info);
    }
    const files = new Set();
    const candidates = (await walk(base, depth, cwd, skipped, files)).filter((f) => pattern.test(f) && isYaml(f));
    const paths = await regularFiles(candidates, cwd, skipped, files);
    if (paths.length === 0)
        throw new problems/* UserError */.yo(`No definition files match '${spec}'${skippedHint(skipped)}.`);
    return { paths: paths.sort(), skipped, root: base };
}
/** A directory's `*.yml` and `*.yaml` files, not recursive. */
async function directoryFiles(spec, abs, cwd) {
    const skipped = [];
    const files = new Set();
    let names;
    try {
        const entries = await (0,promises_.readdir)(abs, { withFileTypes: true });
        for (const entry of entries)
            if (entry.isFile())
                files.add(external_node_path_default().join(abs, entry.name));
        names = entries
            .map((entry) => entry.name)
            .filter(isYaml)
            .sort();
    }
    catch (error) {
        throw fsError('read the directory', spec, error);
    }
    const paths = await regularFiles(names.map((n) => external_node_path_default().join(abs, n)), cwd, skipped, files);
    if (paths.length === 0) {
        throw new problems/* UserError */.yo(`No *.yml or *.yaml files in '${spec}'${skippedHint(skipped)}: point --images at your definitions.`);
    }
    return { paths, skipped, root: abs };
}

;// CONCATENATED MODULE: ./src/definitions/pyyaml-compat.ts
// What PyYAML's safe_load (the old tool's reader, whose reading the README
// promises) refuses but js-yaml reads: found by fuzzing against PyYAML itself
// (test/unit/definitions/fuzz.test.ts). Each is refused at its place.

// YAML's printable characters (PyYAML's reader refuses the rest anywhere in the file).
const NON_PRINTABLE = 
// eslint-disable-next-line no-control-regex -- control characters are what this finds
/[^\x09\x0a\x0d\x20-\x7e\x85\xa0-\ud7ff\ue000-\ufffd\ud800-\udfff]/;
/** A character YAML does not allow in a file (controls such as ESC or NUL). */
function nonPrintable(text) {
    const at = NON_PRINTABLE.exec(text);
    if (!at)
        return undefined;
    const code = at[0].codePointAt(0).toString(16).padStart(4, '0');
    return {
        offset: at.index,
        message: `YAML: the control character U+${code} is not allowed in a YAML file (PyYAML refuses it): remove it, or write it as an escape in a "double-quoted" string`,
    };
}
// PyYAML's implicit timestamp: a plain scalar of this form is a date, and must be one.
const TIMESTAMP = /^(\d{4})-(\d\d?)-(\d\d?)(?:(?:[Tt]|[ \t]+)(\d\d?):(\d\d):(\d\d)(?:\.\d*)?(?:[ \t]*(?:Z|[-+]\d\d?(?::\d\d)?))?)?$/;
function realDate(value) {
    const m = TIMESTAMP.exec(value);
    if (!m)
        return true;
    // The date-only form has two-digit month and day.
    if (m[4] === undefined && !/^\d{4}-\d\d-\d\d$/.test(value))
        return true;
    const [year, month, day, hour, minute, second] = m.slice(1).map((v) => Number(v ?? 0));
    const days = new Date(Date.UTC(year, month, 0)).getUTCDate();
    return (month >= 1 &&
        month <= 12 &&
        day >= 1 &&
        day <= days &&
        hour < 24 &&
        minute < 60 &&
        second < 60);
}
/** Ranges where PyYAML allows a tab: inside quoted scalars and block scalar content. */
function tabRanges(events) {
    const ranges = [];
    for (const e of events) {
        if (e.type !== js_yaml/* EVENT_ID */.hy.SCALAR)
            continue;
        if (e.style === 2 || e.style === 3)
            ranges.push([e.valueStart - 1, e.valueEnd + 1]);
        else if (e.style === 4 || e.style === 5)
            ranges.push([e.valueStart, e.valueEnd]);
    }
    return ranges;
}
/** True when the tab at `offset` stands in a comment (a `#` after white space, outside scalars). */
function inComment(text, offset, inside) {
    const lineStart = text.lastIndexOf('\n', offset) + 1;
    for (let q = text.indexOf('#', lineStart); q !== -1 && q < offset; q = text.indexOf('#', q + 1)) {
        if ((q === lineStart || /[ \t]/.test(text[q - 1])) && !inside(q))
            return true;
    }
    return false;
}
/** A tab where PyYAML refuses it: anywhere but in quoted or block scalars and comments. */
function strayTab(text, events) {
    if (!text.includes('\t'))
        return undefined;
    const ranges = tabRanges(events);
    const inside = (at) => ranges.some(([from, to]) => at >= from && at < to);
    for (let p = text.indexOf('\t'); p !== -1; p = text.indexOf('\t', p + 1)) {
        if (inside(p) || inComment(text, p, inside))
            continue;
        return {
            offset: p,
            message: 'YAML: a tab here (PyYAML, which the old tool used, refuses tabs outside quoted text, block text and comments): use spaces',
        };
    }
    return undefined;
}
/** PyYAML looks this far for the `:` after a key without `?`. */
const MAX_KEY_CHARS = 1024;
const isDigit = (code) => code >= 48 && code <= 57;
/** `dddd-` at `at`: the start of every timestamp, tested without reading the scalar's value. */
const startsLikeDate = (text, at) => text.charCodeAt(at + 4) === 45 &&
    isDigit(text.charCodeAt(at)) &&
    isDigit(text.charCodeAt(at + 1)) &&
    isDigit(text.charCodeAt(at + 2)) &&
    isDigit(text.charCodeAt(at + 3));
/** A plain scalar that PyYAML reads as a date that does not exist (2024-02-30). */
function impossibleDate(text, e) {
    if (e.type !== js_yaml/* EVENT_ID */.hy.SCALAR || e.style !== 1 || e.tagStart >= 0)
        return undefined;
    // Only a scalar that starts with four digits and `-` can be a timestamp (most never are).
    if (!startsLikeDate(text, e.valueStart))
        return undefined;
    const value = (0,js_yaml/* getScalarValue */.KE)(text, e);
    if (realDate(value))
        return undefined;
    return {
        offset: e.valueStart,
        message: `YAML: '${value}' is not a real date and time, and PyYAML refuses such an unquoted date: correct it, or quote it to keep it as text`,
    };
}
/**
 * A key longer than PyYAML reads ("could not find expected ':'"), or a
 * `!!merge` tag on a value (PyYAML knows it on keys only).
 */
function keyRefusal(text, e, isKey) {
    if (isKey && e.type === js_yaml/* EVENT_ID */.hy.SCALAR && e.valueEnd - e.valueStart > MAX_KEY_CHARS) {
        return {
            offset: e.valueStart,
            message: `YAML: a key of more than ${MAX_KEY_CHARS} characters, which PyYAML cannot read: shorten it`,
        };
    }
    if (e.type === js_yaml/* EVENT_ID */.hy.ALIAS || e.tagStart < 0 || isKey)
        return undefined;
    if (/^!!merge$|^!<tag:yaml\.org,2002:merge>$/.test(text.slice(e.tagStart, e.tagEnd))) {
        return {
            offset: e.tagStart,
            message: 'YAML: !!merge belongs to a << key, not to a value (PyYAML refuses it): remove the tag',
        };
    }
    return undefined;
}
/** Where an event's text ends, or (none) starts; -1 for an empty scalar. */
const endOf = (e) => 'valueEnd' in e && e.valueEnd >= 0 ? e.valueEnd : 'start' in e ? e.start : -1;
/**
 * A key left out (`: value` as a mapping entry) at `events[i]`, an empty key:
 * PyYAML reads an empty key only after an explicit `?` ("expected <block end>,
 * but found ':'").
 */
function missingKey(text, events, i) {
    const from = Math.max(0, ...events.slice(0, i).map(endOf));
    const colon = text.indexOf(':', from);
    if (colon < 0 || /(?:^|[\n{,])[ \t-]*\?(?:\s|$)/.test(text.slice(from, colon)))
        return undefined;
    return {
        offset: colon,
        message: 'YAML: a mapping entry without its key (PyYAML refuses `: value`): write the key before the colon',
    };
}
/**
 * A `?` in an unquoted value inside `[ ]` or `{ }`: PyYAML ends the value
 * there and reads `?` as a key indicator (refusing `[b?c]`, reading `[?x]`
 * as `[{x: null}]`), where js-yaml keeps it as text.
 */
function flowQuestionMark(text, e, inFlow) {
    if (!inFlow || e.type !== js_yaml/* EVENT_ID */.hy.SCALAR || e.style !== js_yaml/* SCALAR_STYLE */.jK.PLAIN)
        return undefined;
    const at = text.slice(e.valueStart, e.valueEnd).indexOf('?');
    if (at < 0)
        return undefined;
    return {
        offset: e.valueStart + at,
        message: "YAML: a '?' in an unquoted value inside [ ] or { } (PyYAML reads it as the start of a key): quote the value",
    };
}
/**
 * The node checks in one walk over the events (each walk costs a start-up
 * run its time in the interpreter): the first date, key and flow refusal, and
 * the first missing key, which stand in that order of precedence.
 */
function nodeRefusals(text, events) {
    const found = [undefined, undefined, undefined, undefined];
    // Per open collection: a mapping counts its nodes (even ones are keys); a sequence is -1.
    const counts = [];
    const flow = [];
    for (let i = 0; i < events.length; i++) {
        const e = events[i];
        if (e.type === js_yaml/* EVENT_ID */.hy.POP) {
            counts.pop();
            flow.pop();
            continue;
        }
        if (e.type === js_yaml/* EVENT_ID */.hy.DOCUMENT) {
            flow.push(false);
            continue;
        }
        const count = counts[counts.length - 1] ?? -1;
        if (count >= 0)
            counts[counts.length - 1] = count + 1;
        const isKey = count >= 0 && count % 2 === 0;
        found[0] ??= impossibleDate(text, e);
        found[1] ??= keyRefusal(text, e, isKey);
        if (isKey && e.type === js_yaml/* EVENT_ID */.hy.SCALAR && e.valueStart < 0) {
            found[2] ??= missingKey(text, events, i);
        }
        found[3] ??= flowQuestionMark(text, e, flow[flow.length - 1] === true);
        if (e.type === js_yaml/* EVENT_ID */.hy.MAPPING || e.type === js_yaml/* EVENT_ID */.hy.SEQUENCE) {
            counts.push(e.type === js_yaml/* EVENT_ID */.hy.MAPPING ? 0 : -1);
            flow.push(e.style === js_yaml/* COLLECTION_STYLE */.Rl.FLOW);
        }
    }
    return found;
}
/** The first thing in a parsed file that PyYAML's safe_load refuses, if any. */
function pyyamlRefusal(text, events) {
    return strayTab(text, events) ?? nodeRefusals(text, events).find((r) => r !== undefined);
}

// EXTERNAL MODULE: ./src/definitions/positions.ts
var positions = __webpack_require__(6714);
;// CONCATENATED MODULE: ./src/definitions/load.ts
// Reads definition files and parses them into data plus a position index.









/** A definition file larger than this is not a catalog (the largest known is ~100 KB). */
const MAX_FILE_BYTES = 8 * 1024 * 1024;
// Merge keys (`<<: *common`) as PyYAML's safe_load reads them; otherwise the core schema.
const schema = js_yaml/* CORE_SCHEMA */.OU.withTags(js_yaml/* mergeTag */.LJ);
/** A problem at the first line of a file that is not read. */
const fileProblem = (file, message) => ({
    severity: 'error',
    file,
    line: 1,
    column: 1,
    message,
});
/**
 * The bytes of a regular file; never blocks on a FIFO swapped in after the
 * directory scan, nor follows a symlink swapped in after `confinedPath`. A
 * file over the size cap is an invalid definition, not read. Synchronous: a
 * catalog is a few small local files, and each asynchronous step (open, stat,
 * read, close) waited for the thread pool.
 */
function readRegularFile(real, shown) {
    let fd;
    try {
        fd = (0,external_node_fs_.openSync)(real, external_node_fs_.constants.O_RDONLY | external_node_fs_.constants.O_NONBLOCK | external_node_fs_.constants.O_NOFOLLOW);
    }
    catch (error) {
        throw fsError('read', shown, error);
    }
    try {
        const info = (0,external_node_fs_.fstatSync)(fd);
        if (!info.isFile()) {
            throw new problems/* UserError */.yo(`Cannot read '${shown}': it is ${kindOf(info)}, not a definition file.`);
        }
        if (info.size > MAX_FILE_BYTES) {
            return fileProblem(shown, `the file has ${info.size} bytes, more than the ${MAX_FILE_BYTES} a definition file may have: split it into several files`);
        }
        return (0,external_node_fs_.readFileSync)(fd);
    }
    catch (error) {
        if (error instanceof problems/* UserError */.yo)
            throw error;
        throw fsError('read', shown, error);
    }
    finally {
        (0,external_node_fs_.closeSync)(fd);
    }
}
/** The text of a file inside the catalog, or the problem why it is not read. */
function readDefinitionFile(absolute, shown, within) {
    const real = confinedPath(absolute, within);
    if (real === undefined) {
        return fileProblem(shown, 'this is a symlink to a file outside the definitions directory and its repository (or inside .git): it is not read; put the definition file itself here');
    }
    const bytes = readRegularFile(real, shown);
    return bytes instanceof Uint8Array ? decodeDefinitionFile(shown, bytes) : bytes;
}
/** The longest prefix that is valid UTF-8 (a character cut at the end counts as valid). */
function validPrefixLength(bytes) {
    let lo = 0;
    let hi = bytes.length;
    while (lo < hi) {
        const mid = (lo + hi + 1) >> 1;
        try {
            new TextDecoder('utf-8', { fatal: true }).decode(bytes.subarray(0, mid), { stream: true });
            lo = mid;
        }
        catch {
            hi = mid - 1;
        }
    }
    return lo;
}
/** The text of a file, or a problem at the line of its first byte that is not UTF-8. */
function decodeDefinitionFile(file, bytes) {
    try {
        return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    }
    catch {
        const bad = validPrefixLength(bytes);
        const before = new TextDecoder('utf-8').decode(bytes.subarray(0, bad), { stream: true });
        const at = new positions/* LineMap */.HU(before).locate(before.length);
        return {
            severity: 'error',
            file,
            ...at,
            message: `byte ${bad + 1} is not valid UTF-8: save the file as UTF-8`,
            sourceLine: new positions/* LineMap */.HU(new TextDecoder('utf-8').decode(bytes)).lineText(at.line),
        };
    }
}
const INDENTED_MARKER = 'YAML: a document marker (--- or ...) must start its line; PyYAML, which the old tool used, refuses it indented: remove the spaces before it, or the marker';
/**
 * The offset of a `---` or `...` that stands indented in the first content line
 * (after blank lines, comments and directives), else 0. js-yaml takes it for
 * the document's start; PyYAML reads a plain scalar and then fails.
 */
function indentedMarker(text) {
    const head = /^(?:\ufeff)?(?:[ \t]*(?:[#%][^\n]*)?\r?\n)*([ \t]+)(?:---|\.\.\.)(?=[ \t\r\n]|$)/.exec(text);
    return head ? head[0].length - 3 : 0;
}
/** Parses one file. YAML errors become problems; the file is then skipped. */
function parseDefinitionFile(file, text, absolutePath = external_node_path_default().resolve(file)) {
    const lines = new positions/* LineMap */.HU(text);
    const problem = (offsetOrLine, message) => ({
        severity: 'error',
        file,
        ...offsetOrLine,
        message,
        sourceLine: lines.lineText(offsetOrLine.line),
    });
    const indented = indentedMarker(text);
    if (indented)
        return problem(lines.locate(indented), INDENTED_MARKER);
    const control = nonPrintable(text);
    if (control)
        return problem(lines.locate(control.offset), control.message);
    let events;
    try {
        events = (0,js_yaml/* parseEvents */.PH)(text, { filename: file });
        if (events.length === 0) {
            return problem({ line: 1, column: 1 }, 'The file is empty: it needs an `images:` list.');
        }
        let documents = 0;
        for (const e of events)
            if (e.type === js_yaml/* EVENT_ID */.hy.DOCUMENT)
                documents++;
        if (documents > 1) {
            return problem({ line: 1, column: 1 }, 'The file holds several YAML documents (---): keep one.');
        }
        const refused = pyyamlRefusal(text, events);
        if (refused)
            return problem(lines.locate(refused.offset), refused.message);
        const aliasProblem = checkAliases(text, events);
        if (aliasProblem)
            return problem(lines.locate(aliasProblem.offset), aliasProblem.message);
        const [data] = (0,js_yaml/* constructFromEvents */.fw)(events, {
            source: text,
            filename: file,
            schema,
            // Merges are bounded with all other aliases by checkAliases.
            maxTotalMergeKeys: MAX_ALIAS_NODES,
        });
        if (data === null || data === undefined) {
            return problem({ line: 1, column: 1 }, 'The file is empty: it needs an `images:` list.');
        }
        return { file, absolutePath, data, positions: (0,positions/* indexPositions */.jx)(text, events), lines };
    }
    catch (error) {
        if (error instanceof js_yaml/* YAMLException */.tB) {
            const mark = error.mark;
            const at = mark ? { line: mark.line + 1, column: mark.column + 1 } : { line: 1, column: 1 };
            return problem(at, `YAML: ${error.reason}`);
        }
        throw error;
    }
}
async function loadDefinitionFiles(spec, cwd = process.cwd()) {
    const found = await findDefinitionFiles(spec, cwd);
    const within = confinement(found.root);
    const result = { files: [], problems: [...found.skipped], read: found.paths.length };
    for (const absolute of found.paths) {
        // Between files, the event loop serves what runs alongside (plan's token and listing).
        await new Promise((resolve) => setImmediate(resolve));
        const shown = displayPath(absolute, cwd);
        const text = readDefinitionFile(absolute, shown, within);
        const parsed = typeof text === 'string' ? parseDefinitionFile(shown, text, absolute) : text;
        if ('data' in parsed)
            result.files.push(parsed);
        else
            result.problems.push(parsed);
    }
    return result;
}


/***/ }),

/***/ 958:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   LY: () => (/* binding */ glanceNames),
/* harmony export */   Zy: () => (/* binding */ compareVersions),
/* harmony export */   rd: () => (/* binding */ rotatedName)
/* harmony export */ });
/* unused harmony export sortedVersions */
/* harmony import */ var _natural_sort_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(8775);
// Glance names of a definition's versions (docs/behaviour.md §2).

/** `latest` always counts as the newest build; otherwise natural order. */
function compareVersions(a, b) {
    if (a === b)
        return 0;
    if (a === 'latest')
        return 1;
    if (b === 'latest')
        return -1;
    return (0,_natural_sort_js__WEBPACK_IMPORTED_MODULE_0__/* .naturalCompare */ .p)(a, b);
}
/** Versions oldest first. */
const sortedVersions = (def) => [...def.versions].sort((a, b) => compareVersions(a.version, b.version));
/** Name of an older build of a multi image, after rotation: `Ubuntu 24.04 (20240416)`. */
const rotatedName = (def, version) => `${def.name}${def.separator}(${version})`;
/** The Glance name of each version: multi images rotate, others carry their version. */
function glanceNames(def) {
    const versions = sortedVersions(def);
    return versions.map((version, i) => ({
        version,
        name: def.multi
            ? i === versions.length - 1
                ? def.name
                : rotatedName(def, version.version)
            : `${def.name}${def.separator}${version.version}`,
    }));
}


/***/ }),

/***/ 3957:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   S: () => (/* binding */ normalize)
/* harmony export */ });
/** Where a node is written: at its key when it has one (an item of a list has none). */
function position(file, pointer) {
    const at = file.positions.get(pointer);
    return { file: file.file, ...file.lines.locate(at?.key ?? at?.value ?? 0) };
}
/**
 * A value meant as a string, in its source form: `version: 20240416` or
 * `os_version: 24.04` are numbers to YAML, but `1.10` must stay "1.10".
 */
function text(file, pointer, value) {
    // Stryker disable next-line ConditionalExpression: null never comes here (the schema refuses it)
    if (value === undefined || value === null)
        return undefined;
    if (typeof value === 'string')
        return value;
    const at = file.positions.get(pointer);
    return at?.textStart === undefined
        ? String(value)
        : file.lines.source.slice(at.textStart, at.textEnd);
}
/** YAML dates arrive as text; a timestamp is reduced to its date. */
const isoDate = (value) => value === undefined || value === null ? undefined : String(value).slice(0, 10);
function meta(file, pointer, raw) {
    const out = {};
    for (const [key, value] of Object.entries(raw ?? {})) {
        // os_version is a version string even when it looks like a number (24.04).
        out[key] =
            key === 'os_version' && typeof value === 'number'
                ? text(file, `${pointer}/${key}`, value)
                : value;
    }
    return out;
}
function version(file, pointer, raw) {
    const keys = { url: position(file, `${pointer}/url`) };
    // A string by the schema (null is refused there).
    if (typeof raw.mirror_url === 'string')
        keys.mirror_url = position(file, `${pointer}/mirror_url`);
    const v = {
        version: text(file, `${pointer}/version`, raw.version),
        url: raw.url,
        position: position(file, pointer),
        keys,
    };
    const optional = ['mirror_url', 'checksum', 'checksum_url', 'checksums_url', 'visibility', 'id'];
    for (const key of [...optional, 'image_description', 'source']) {
        if (raw[key] !== undefined && raw[key] !== null)
            v[key] = raw[key];
    }
    const osVersion = text(file, `${pointer}/os_version`, raw.os_version);
    if (osVersion !== undefined)
        v.os_version = osVersion;
    const buildDate = isoDate(raw.build_date);
    if (buildDate !== undefined)
        v.build_date = buildDate;
    if (typeof raw.hidden === 'boolean')
        v.hidden = raw.hidden;
    if (raw.meta)
        v.meta = meta(file, `${pointer}/meta`, raw.meta);
    return v;
}
/** The definitions of one schema-valid file. */
function normalize(file) {
    const images = file.data.images ?? [];
    return images.map((raw, i) => {
        const pointer = `/images/${i}`;
        const def = {
            name: raw.name,
            enable: raw.enable !== false,
            format: raw.format,
            login: raw.login,
            min_disk: raw.min_disk,
            min_ram: raw.min_ram,
            status: raw.status,
            visibility: raw.visibility,
            multi: raw.multi,
            separator: typeof raw.separator === 'string' ? raw.separator : ' ',
            keep: raw.keep === true,
            meta: meta(file, `${pointer}/meta`, raw.meta),
            tags: raw.tags ?? [],
            versions: (raw.versions ?? []).map((v, j) => version(file, `${pointer}/versions/${j}`, v)),
            position: position(file, pointer),
        };
        for (const key of ['password', 'shortname', 'latest_url', 'latest_checksum_url']) {
            if (typeof raw[key] === 'string')
                def[key] = raw[key];
        }
        const signature = raw.checksum_signature;
        if (signature) {
            def.checksum_signature = {
                signature: signature.signature,
                keys: signature.keys,
                fingerprints: signature.fingerprints.map((f) => f.replace(/\s/g, '').toUpperCase()),
            };
        }
        if (typeof raw.verify === 'string')
            def.verify = raw.verify;
        const rotated = raw.rotated;
        if (rotated) {
            def.rotated = { meta: meta(file, `${pointer}/rotated/meta`, rotated.meta) };
            if (typeof rotated.hidden === 'boolean')
                def.rotated.hidden = rotated.hidden;
        }
        return def;
    });
}


/***/ }),

/***/ 4716:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   HK: () => (/* binding */ readableFileUrlPath),
/* harmony export */   Kp: () => (/* binding */ checkFileUrl)
/* harmony export */ });
/* unused harmony export resolveFileUrl */
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(1455);
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_fs_promises__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(6760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__webpack_require__.n(node_path__WEBPACK_IMPORTED_MODULE_1__);
// What a `file:` url of a definition means, decided in one place for the
// validator and the downloader: a local path, percent-decoded, without a host,
// relative to the directory of the definition file and never outside it (also
// not through `..`, an encoded slash or a symlink).


const CONTROL = /\p{Cc}/u;
const refuse = (reason) => ({ ok: false, reason });
/** Whether `target` lies strictly inside `root` (both absolute and normalized). */
function inside(root, target) {
    const rel = node_path__WEBPACK_IMPORTED_MODULE_1___default().relative(root, target);
    return rel !== '' && rel !== '..' && !rel.startsWith(`..${(node_path__WEBPACK_IMPORTED_MODULE_1___default().sep)}`) && !node_path__WEBPACK_IMPORTED_MODULE_1___default().isAbsolute(rel);
}
const outside = (root) => refuse(`points outside ${root}, the directory of its definition file: keep local images inside it`);
/**
 * The path a `file:` url names, checked without touching the disk: `file:x.img`
 * and `file:sub/x.img` are relative to `baseDir`, `file:///abs/x.img` is
 * absolute; either must lie inside `root` (default: `baseDir`).
 */
function resolveFileUrl(url, baseDir, root = baseDir) {
    if (!url.startsWith('file:'))
        return refuse('is not a file: url');
    let rest = url.slice('file:'.length);
    if (rest.startsWith('//')) {
        const slash = rest.indexOf('/', 2);
        const host = rest.slice(2, slash < 0 ? undefined : slash);
        if (host !== '') {
            return refuse(`names a host ('${host.slice(0, 64)}'): a file: url must be a local path such as file:images/x.qcow2`);
        }
        rest = slash < 0 ? '' : rest.slice(slash);
    }
    if (/[?#]/.test(rest)) {
        return refuse('holds ? or #: write them percent-encoded (%3F, %23) if the file name has them');
    }
    let decoded;
    try {
        decoded = decodeURIComponent(rest);
    }
    catch {
        return refuse('has a malformed percent-escape: write % as %25');
    }
    if (decoded === '')
        return refuse('names no file: write file:<path relative to the definition>');
    if (CONTROL.test(decoded))
        return refuse('holds control characters once decoded');
    const base = node_path__WEBPACK_IMPORTED_MODULE_1___default().resolve(baseDir);
    const resolved = node_path__WEBPACK_IMPORTED_MODULE_1___default().resolve(base, decoded);
    const top = node_path__WEBPACK_IMPORTED_MODULE_1___default().resolve(root);
    if (!inside(top, resolved))
        return outside(top);
    return { ok: true, path: resolved };
}
/** The real path of `p` with symlinks resolved; a missing tail is kept as written. */
async function realPathOf(p) {
    let existing = p;
    const tail = [];
    for (;;) {
        try {
            return node_path__WEBPACK_IMPORTED_MODULE_1___default().join(await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_0__.realpath)(existing), ...tail.reverse());
        }
        catch (error) {
            const code = error.code;
            const parent = node_path__WEBPACK_IMPORTED_MODULE_1___default().dirname(existing);
            if ((code !== 'ENOENT' && code !== 'ENOTDIR') || parent === existing)
                throw error;
            tail.push(node_path__WEBPACK_IMPORTED_MODULE_1___default().basename(existing));
            existing = parent;
        }
    }
}
/**
 * `resolveFileUrl`, then symlinks resolved: the real path must stay inside the
 * real `root`. With `mustExist` the result is a regular file that exists (a
 * FIFO or device would stall the reader). Never throws.
 */
async function checkFileUrl(url, baseDir, root = baseDir, check = {}) {
    const lexical = resolveFileUrl(url, baseDir, root);
    if (!lexical.ok)
        return lexical;
    let real;
    let realRoot;
    try {
        realRoot = await realPathOf(node_path__WEBPACK_IMPORTED_MODULE_1___default().resolve(root));
        real = await realPathOf(lexical.path);
    }
    catch (error) {
        return refuse(`cannot be resolved: ${error.code ?? 'error'}`);
    }
    if (!inside(realRoot, real))
        return outside(node_path__WEBPACK_IMPORTED_MODULE_1___default().resolve(root));
    if (check.mustExist) {
        const info = await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_0__.lstat)(real).catch(() => null);
        if (!info)
            return { ok: false, reason: `names ${lexical.path}, which does not exist`, missing: true };
        if (!info.isFile())
            return refuse(`names ${lexical.path}, which is not a regular file`);
    }
    return { ok: true, path: real };
}
/** For readers: the real path of a `file:` url, or an error saying why it may not be read. */
async function readableFileUrlPath(url, baseDir) {
    const meaning = await checkFileUrl(url, baseDir, baseDir, { mustExist: true });
    if (meaning.ok)
        return meaning.path;
    const error = new Error(`url '${url.slice(0, 200)}' ${meaning.reason}`);
    // Callers tell a missing source from a refused one as they would for fs errors.
    if (meaning.missing)
        error.code = 'ENOENT';
    throw error;
}


/***/ }),

/***/ 8775:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   p: () => (/* binding */ naturalCompare)
/* harmony export */ });
/* unused harmony export naturalSort */
// Natural order of version strings, as operators read them: 20240416 < 20240422,
// 1.9 < 1.10, 9 < 10. Digit runs compare as numbers, everything else as text.
const chunks = (s) => s.match(/\d+|\D+/g) ?? [];
function naturalCompare(a, b) {
    const x = chunks(a);
    const y = chunks(b);
    for (let i = 0; i < Math.min(x.length, y.length); i++) {
        const p = x[i];
        const q = y[i];
        const pNum = /^\d/.test(p);
        const qNum = /^\d/.test(q);
        if (pNum && qNum) {
            // Compare as integers of any length without losing precision.
            const pn = p.replace(/^0+(?=\d)/, '');
            const qn = q.replace(/^0+(?=\d)/, '');
            if (pn.length !== qn.length)
                return pn.length - qn.length;
            if (pn !== qn)
                return pn < qn ? -1 : 1;
        }
        else if (pNum !== qNum) {
            // Numbers sort before words, as natsort does.
            return pNum ? -1 : 1;
        }
        else if (p !== q) {
            return p < q ? -1 : 1;
        }
    }
    return x.length - y.length;
}
const naturalSort = (values) => [...values].sort(naturalCompare);


/***/ })

};
