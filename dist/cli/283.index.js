export const id = 283;
export const ids = [283];
export const modules = {

/***/ 5283:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  N: () => (/* binding */ connect)
});

// EXTERNAL MODULE: external "node:fs/promises"
var promises_ = __webpack_require__(1455);
// EXTERNAL MODULE: external "node:os"
var external_node_os_ = __webpack_require__(8161);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(6760);
// EXTERNAL MODULE: ./node_modules/js-yaml/dist/js-yaml.mjs
var js_yaml = __webpack_require__(3243);
// EXTERNAL MODULE: ./src/problems.ts
var problems = __webpack_require__(2095);
;// CONCATENATED MODULE: ./src/openstack/config/json-syntax.ts
// Where a text stops being JSON, as a line and column and what was expected
// there. JSON.parse's own messages quote the text around the error (a clouds
// file's password with it) and, depending on the Node version, give no
// position; this scanner gives the position and never any of the text.
const NUMBER = /-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/y;
const ESCAPES = new Set(['"', '\\', '/', 'b', 'f', 'n', 'r', 't']);
/** The end of the string starting at `start` (the index after its closing quote), or a failure. */
function scanString(text, start) {
    for (let i = start + 1; i < text.length; i++) {
        const c = text.charCodeAt(i);
        if (c === 0x22)
            return i + 1;
        if (c < 0x20)
            return { at: i, reason: 'a control character (e.g. a line break) inside a string' };
        if (c === 0x5c) {
            const next = text[i + 1];
            if (next === 'u' && /^[0-9a-fA-F]{4}$/.test(text.slice(i + 2, i + 6)))
                i += 5;
            else if (next !== undefined && ESCAPES.has(next))
                i++;
            else
                return { at: i, reason: 'an invalid escape sequence in a string' };
        }
    }
    return { at: text.length, reason: 'a string that is never closed' };
}
/** The first syntax error of `text`, or undefined when it is JSON. No recursion: nesting depth is unbounded. */
function jsonSyntaxError(text) {
    const scan = { text, stack: [], i: 0, expect: 'value' };
    for (;;) {
        while (scan.i < text.length && ' \t\n\r'.includes(text[scan.i]))
            scan.i++;
        if (scan.i >= text.length) {
            return scan.expect === 'end'
                ? undefined
                : positioned(text, { at: scan.i, reason: 'the file ends in the middle of the JSON' });
        }
        const failure = step(scan, text[scan.i]);
        if (failure !== undefined)
            return positioned(text, failure);
    }
}
/** Reads the token starting with `c`, or says why it does not fit. */
function step(scan, c) {
    switch (scan.expect) {
        case 'value':
        case 'value-or-]':
            return valueStep(scan, c);
        case 'key':
        case 'key-or-}':
            return keyStep(scan, c);
        case 'colon':
            if (c !== ':')
                return { at: scan.i, reason: "expected ':' after the key" };
            scan.i++;
            scan.expect = 'value';
            return undefined;
        case 'comma-or-close':
            return commaOrCloseStep(scan, c);
        case 'end':
            return { at: scan.i, reason: 'more text after the end of the JSON document' };
    }
}
function valueStep(scan, c) {
    const { text, i } = scan;
    if (scan.expect === 'value-or-]' && c === ']') {
        scan.stack.pop();
        scan.i++;
    }
    else if (c === '{' || c === '[') {
        scan.stack.push(c);
        scan.i++;
        scan.expect = c === '{' ? 'key-or-}' : 'value-or-]';
        return undefined;
    }
    else if (c === '"') {
        const end = scanString(text, i);
        if (typeof end !== 'number')
            return { at: end.at, reason: `expected a value: ${end.reason}` };
        scan.i = end;
    }
    else if (c === '-' || (c >= '0' && c <= '9')) {
        NUMBER.lastIndex = i;
        if (!NUMBER.test(text))
            return { at: i, reason: 'expected a value: an invalid number' };
        scan.i = NUMBER.lastIndex;
    }
    else {
        const literal = ['true', 'false', 'null'].find((word) => text.startsWith(word, i));
        if (literal === undefined) {
            return {
                at: i,
                reason: 'expected a value (a quoted string, number, true, false, null, { or [)',
            };
        }
        scan.i += literal.length;
    }
    scan.expect = afterValue(scan);
    return undefined;
}
function keyStep(scan, c) {
    if (scan.expect === 'key-or-}' && c === '}') {
        scan.stack.pop();
        scan.i++;
        scan.expect = afterValue(scan);
    }
    else if (c === '"') {
        const end = scanString(scan.text, scan.i);
        if (typeof end !== 'number')
            return { at: end.at, reason: `expected a key: ${end.reason}` };
        scan.i = end;
        scan.expect = 'colon';
    }
    else
        return { at: scan.i, reason: 'expected a key in double quotes' };
    return undefined;
}
function commaOrCloseStep(scan, c) {
    const top = scan.stack[scan.stack.length - 1];
    const close = top === '{' ? '}' : ']';
    if (c === ',') {
        scan.i++;
        scan.expect = top === '{' ? 'key' : 'value';
    }
    else if (c === close) {
        scan.stack.pop();
        scan.i++;
        scan.expect = afterValue(scan);
    }
    else
        return { at: scan.i, reason: `expected ',' or '${close}'` };
    return undefined;
}
/** What follows a complete value: more of its container, or the end. */
function afterValue(scan) {
    return scan.stack.length > 0 ? 'comma-or-close' : 'end';
}
/** The failure with its 1-based line and column. */
function positioned(text, { at, reason }) {
    let line = 1;
    let lineStart = 0;
    for (let j = 0; j < at && j < text.length; j++) {
        if (text[j] === '\n') {
            line++;
            lineStart = j + 1;
        }
    }
    return { line, column: at - lineStart + 1, reason };
}

;// CONCATENATED MODULE: ./src/openstack/config/yaml.ts
// Reading and combining the raw documents of clouds.yaml and secure.yaml the
// way openstacksdk does (PyYAML's YAML 1.1, secure.yaml deep-merged on top,
// keys with '-' read as '_', numbers read as strings).



function isRecord(value) {
    return typeof value === 'object' && value !== null && !Array.isArray(value);
}
/**
 * What is wrong and where, never the text: parsers quote the lines around an
 * error (JSON.parse even the middle of one), and those lines hold passwords.
 */
function syntaxError(error, content, path) {
    const hidden = '(the text is not shown: it may hold secrets)';
    if (path.endsWith('.json')) {
        const found = jsonSyntaxError(content);
        return found
            ? `${found.reason} at line ${found.line}, column ${found.column} ${hidden}`
            : `not valid JSON ${hidden}`;
    }
    if (error instanceof js_yaml/* YAMLException */.tB) {
        // Reasons like `unknown tag !<...>` or `unidentified alias "..."` end in the text itself.
        const reason = error.reason.replace(/\s*["'`!<&*].*$/s, '') || 'invalid YAML';
        const at = error.mark ? ` at line ${error.mark.line + 1}, column ${error.mark.column + 1}` : '';
        return `${reason}${at} ${hidden}`;
    }
    return `not valid YAML ${hidden}`;
}
/** Parse one clouds.yaml / secure.yaml (or .json) document. */
function parseConfigDocument(content, path) {
    if (content.trim() === '')
        throw new problems/* ConfigError */.xL(`${path} is empty: expected a 'clouds:' mapping`);
    let data;
    try {
        data = path.endsWith('.json') ? JSON.parse(content) : (0,js_yaml/* load */.Hh)(content, { schema: js_yaml/* YAML11_SCHEMA */.Wj });
    }
    catch (error) {
        throw new problems/* ConfigError */.xL(`Cannot parse ${path}: ${syntaxError(error, content, path)}`);
    }
    if (!isRecord(data))
        throw new problems/* ConfigError */.xL(`${path} is not a mapping: expected a 'clouds:' mapping`);
    return data;
}
/** openstacksdk's merge_clouds: values of `overlay` win, mappings merge recursively. */
function mergeClouds(base, overlay) {
    const result = { ...base };
    for (const [key, value] of Object.entries(overlay)) {
        const current = result[key];
        result[key] = isRecord(value) && isRecord(current) ? mergeClouds(current, value) : value;
    }
    return result;
}
/** Python's str() of a scalar, as openstacksdk applies it to most values. */
function pyString(value) {
    if (value === undefined || value === null)
        return undefined;
    if (typeof value === 'string')
        return value;
    if (typeof value === 'boolean')
        return value ? 'True' : 'False';
    if (typeof value === 'number' || typeof value === 'bigint')
        return String(value);
    if (value instanceof Date)
        return value.toISOString();
    return undefined;
}
/**
 * openstacksdk's normalize_keys: '-' in keys becomes '_', numbers become
 * strings (except api_timeout), nested mappings are normalized too.
 */
function normalizeKeys(config) {
    const result = {};
    for (const [rawKey, value] of Object.entries(config)) {
        const key = rawKey.replace(/-/g, '_');
        if (isRecord(value))
            result[key] = normalizeKeys(value);
        else if (typeof value === 'number' && key !== 'api_timeout')
            result[key] = String(value);
        else
            result[key] = value;
    }
    return result;
}
/** openstacksdk's get_boolean: only a real true or the string 'true' (any case) is true. */
function sdkBoolean(value) {
    if (typeof value === 'boolean')
        return value;
    return typeof value === 'string' && value.toLowerCase() === 'true';
}
/** The OS_* variables as openstacksdk's "envvars" cloud, or undefined when there are only selectors. */
function environmentCloud(env) {
    const selectors = new Set([
        'OS_CLOUD',
        'OS_REGION_NAME',
        'OS_CLIENT_CONFIG_FILE',
        'OS_CLIENT_SECURE_FILE',
        'OS_CLOUD_NAME',
    ]);
    const keys = Object.keys(env).filter((key) => key.startsWith('OS_') &&
        !key.startsWith('OS_TEST') &&
        !key.startsWith('OS_STD') &&
        !key.startsWith('OS_LOG') &&
        env[key] !== undefined);
    if (!keys.some((key) => !selectors.has(key)))
        return undefined;
    const cloud = {};
    for (const key of keys)
        cloud[key.slice(3).toLowerCase()] = env[key];
    return cloud;
}

;// CONCATENATED MODULE: ./src/openstack/config/auth-config.ts
// The last phase of resolving a cloud: its merged settings to a typed AuthConfig
// (auth type, user, scope and the secrets that type needs).


const AUTH_TYPES = {
    password: 'password',
    v3password: 'password',
    token: 'token',
    v3token: 'token',
    v3applicationcredential: 'v3applicationcredential',
};
function authConfigOf(config, auth, where, fromEnv) {
    const settings = {
        where,
        explicitType: pyString(config.auth_type) ?? pyString(config.auth_plugin),
        get: (key) => {
            const value = pyString(auth[key]) ?? pyString(config[key]);
            return value === '' ? undefined : value;
        },
        hint: (key) => (fromEnv ? `OS_${key.toUpperCase()}` : `auth.${key}`),
    };
    const authUrl = settings.get('auth_url');
    if (authUrl === undefined)
        throw new problems/* ConfigError */.xL(`${where}: auth_url is missing; set ${settings.hint('auth_url')}`);
    const type = authTypeOf(settings);
    if (type === 'password')
        return passwordAuth(settings, authUrl);
    if (type === 'token') {
        return { type, authUrl, token: need(settings, type, 'token'), scope: scopeOf(settings) };
    }
    return applicationCredentialAuth(settings, authUrl);
}
/** The explicit auth_type, else guessed from which secret is set. */
function authTypeOf({ where, explicitType, get }) {
    if (explicitType) {
        const type = AUTH_TYPES[explicitType];
        if (type === undefined) {
            throw new problems/* ConfigError */.xL(`${where}: auth_type '${explicitType}' is not supported; expected one of: ${Object.keys(AUTH_TYPES).join(', ')}`);
        }
        return type;
    }
    if (get('application_credential_secret') !== undefined)
        return 'v3applicationcredential';
    if (get('token') !== undefined && get('password') === undefined)
        return 'token';
    return 'password';
}
function passwordAuth(settings, authUrl) {
    const { where, explicitType, hint } = settings;
    const type = 'password';
    const who = userOf(settings);
    if (who === undefined)
        throw new problems/* ConfigError */.xL(`${where}: username is missing for auth_type ${explicitType ?? type}; set ${hint('username')}`);
    return {
        type,
        authUrl,
        user: who,
        password: need(settings, type, 'password'),
        scope: scopeOf(settings),
    };
}
function applicationCredentialAuth(settings, authUrl) {
    const { where, get, hint } = settings;
    const type = 'v3applicationcredential';
    const secret = need(settings, type, 'application_credential_secret');
    const id = get('application_credential_id');
    const credentialName = get('application_credential_name');
    const who = userOf(settings);
    if (id)
        return { type, authUrl, credential: { id }, secret };
    if (credentialName && who)
        return { type, authUrl, credential: { name: credentialName, user: who }, secret };
    if (credentialName)
        throw new problems/* ConfigError */.xL(`${where}: application_credential_name needs the user too; set ${hint('username')} or ${hint('user_id')}`);
    throw new problems/* ConfigError */.xL(`${where}: application_credential_id is missing; set ${hint('application_credential_id')}`);
}
function need(settings, type, key) {
    const value = settings.get(key);
    if (value === undefined)
        throw new problems/* ConfigError */.xL(`${settings.where}: ${key} is missing for auth_type ${settings.explicitType ?? type}; set ${settings.hint(key)}`);
    return value;
}
function defaultDomain({ get }) {
    const id = get('default_domain_id');
    const domainName = get('default_domain_name');
    return id ? { id } : domainName ? { name: domainName } : { id: 'default' };
}
function domainOf(settings, prefix) {
    const id = settings.get(`${prefix}_domain_id`);
    const domainName = settings.get(`${prefix}_domain_name`);
    return id ? { id } : domainName ? { name: domainName } : defaultDomain(settings);
}
function userOf(settings) {
    const id = settings.get('user_id');
    const username = settings.get('username') ?? settings.get('user_name');
    return id ? { id } : username ? { name: username, domain: domainOf(settings, 'user') } : undefined;
}
function scopeOf(settings) {
    const { get } = settings;
    const projectId = get('project_id');
    const projectName = get('project_name');
    if (projectId)
        return { kind: 'project', project: { id: projectId } };
    if (projectName)
        return {
            kind: 'project',
            project: { name: projectName, domain: domainOf(settings, 'project') },
        };
    const domainId = get('domain_id');
    const domainName = get('domain_name');
    if (domainId)
        return { kind: 'domain', domain: { id: domainId } };
    if (domainName)
        return { kind: 'domain', domain: { name: domainName } };
    if (get('system_scope'))
        return { kind: 'system' };
    return { kind: 'unscoped' };
}

;// CONCATENATED MODULE: ./src/openstack/config/types.ts
// The typed result of reading clouds.yaml / secure.yaml / OS_* variables.
const ENDPOINT_INTERFACES = ['public', 'internal', 'admin'];
/** Every secret value of a configuration (to register for masking). */
function configSecrets(config) {
    const { auth } = config;
    if (auth.type === 'password')
        return [auth.password];
    if (auth.type === 'token')
        return [auth.token];
    return [auth.secret];
}
function nameOrId(ref) {
    return 'id' in ref ? ref.id : ref.name;
}
/** Who authenticates, for messages: `user 'alice'`, `application credential 'ci'`. */
function describeAuth(auth) {
    switch (auth.type) {
        case 'password':
            return `user '${nameOrId(auth.user)}'`;
        case 'token':
            return 'the configured token';
        case 'v3applicationcredential':
            return `application credential '${'id' in auth.credential ? auth.credential.id : auth.credential.name}'`;
    }
}

;// CONCATENATED MODULE: ./src/openstack/config/settings.ts
// Settings of a cloud besides its credentials: regions, interface, TLS,
// endpoint overrides and timeout, read the way openstacksdk reads them.



function knownRegions(config, where) {
    const list = config.regions ?? config.region_name;
    if (list === undefined || list === null || list === '')
        return [];
    const entries = Array.isArray(list) ? list : String(pyString(list)).split(',');
    return entries.map((entry, index) => {
        if (isRecord(entry)) {
            const regionName = pyString(entry.name);
            const values = entry.values ?? {};
            if (!regionName ||
                !isRecord(values) ||
                Object.keys(entry).some((k) => k !== 'name' && k !== 'values')) {
                // Never the entry itself: its values may hold an auth section with a password.
                throw new problems/* ConfigError */.xL(`${where}: region entry ${index + 1}${regionName ? ` ('${regionName}')` : ''} is invalid; expected a name or {name, values} with values a mapping`);
            }
            return { name: regionName, values };
        }
        return { name: String(pyString(entry) ?? '').trim(), values: {} };
    });
}
function endpointInterface(config, where) {
    const raw = pyString(config.interface ?? config.endpoint_type) ?? 'public';
    const value = raw.replace(/URL$/, '').toLowerCase();
    if (!ENDPOINT_INTERFACES.includes(value)) {
        throw new problems/* ConfigError */.xL(`${where}: interface '${raw}' is not valid; expected one of: ${ENDPOINT_INTERFACES.join(', ')}`);
    }
    return value;
}
function verifyOf(config) {
    if (sdkBoolean(config.insecure))
        return false;
    const verify = config.verify;
    if (verify === undefined || verify === null)
        return true;
    if (typeof verify === 'boolean')
        return verify;
    return !['false', 'no', '0', 'off'].includes(String(pyString(verify)).toLowerCase());
}
function optionalPath(key, config, home) {
    const value = pyString(config[key]);
    if (!value)
        return {};
    return {
        [key]: home !== undefined && value.startsWith('~/') ? `${home}${value.slice(1)}` : value,
    };
}
function endpointOverrides(config) {
    const overrides = {};
    for (const [key, value] of Object.entries(config)) {
        const match = /^(.+)_endpoint_override$/.exec(key);
        const text = pyString(value);
        if (match?.[1] && text)
            overrides[match[1]] = text;
    }
    return overrides;
}
function apiTimeout(config, where) {
    if (config.api_timeout === undefined || config.api_timeout === null || config.api_timeout === '')
        return {};
    const seconds = Number(config.api_timeout);
    if (!Number.isFinite(seconds) || seconds <= 0) {
        throw new problems/* ConfigError */.xL(`${where}: api_timeout '${String(config.api_timeout)}' is not a positive number of seconds`);
    }
    return { apiTimeoutMs: seconds * 1000 };
}

;// CONCATENATED MODULE: ./src/openstack/config/resolve.ts
// Cloud configuration exactly like openstacksdk reads it, as a pure function
// from the files' content, the environment and the cloud name to a typed
// CloudConfig. Reading the files is loader.ts's job.




/** openstacksdk's _fix_backwards_auth: aliases moved into `auth`, top-level values winning. */
const AUTH_ALIASES = {
    domain_id: ['domain_id'],
    domain_name: ['domain_name'],
    user_domain_id: ['user_domain_id'],
    user_domain_name: ['user_domain_name'],
    project_domain_id: ['project_domain_id'],
    project_domain_name: ['project_domain_name'],
    token: ['auth_token', 'token'],
    project_id: ['tenant_id', 'project_id'],
    project_name: ['tenant_name', 'project_name'],
};
function resolveCloudConfig(sources) {
    const set = readClouds(sources);
    const name = selectCloud(sources, set);
    const fromEnv = name === set.envKey;
    const where = fromEnv ? 'The OS_* environment variables' : `Cloud '${name}' in ${set.filePath}`;
    const raw = cloudEntry(set.clouds[name], where);
    const { config, auth, regionName } = applyRegion(raw, sources.regionName, name, where);
    fixBackwardsAuth(config, auth);
    return {
        name,
        source: fromEnv ? 'environment variables' : (set.filePath ?? 'clouds.yaml'),
        auth: authConfigOf(config, auth, where, fromEnv),
        ...(regionName ? { regionName } : {}),
        interface: endpointInterface(config, where),
        verify: verifyOf(config),
        ...optionalPath('cacert', config, sources.home),
        ...optionalPath('cert', config, sources.home),
        ...optionalPath('key', config, sources.home),
        endpointOverrides: endpointOverrides(config),
        ...apiTimeout(config, where),
    };
}
/** Parses clouds.yaml, merges secure.yaml over it and adds the environment cloud. */
function readClouds(sources) {
    const { env } = sources;
    let document = {};
    if (sources.clouds)
        document = parseConfigDocument(sources.clouds.content, sources.clouds.path);
    if (sources.secure) {
        document = mergeClouds(document, parseConfigDocument(sources.secure.content, sources.secure.path));
    }
    const filePath = sources.clouds?.path ?? sources.secure?.path;
    if (document.clouds !== undefined && document.clouds !== null && !isRecord(document.clouds)) {
        throw new problems/* ConfigError */.xL(`'clouds' in ${filePath} must be a mapping of cloud names to settings`);
    }
    const fileClouds = isRecord(document.clouds) ? document.clouds : {};
    const envKey = env.OS_CLOUD_NAME || 'envvars';
    const envCloud = environmentCloud(env);
    if (envCloud && envKey in fileClouds) {
        throw new problems/* ConfigError */.xL(`${filePath} defines a cloud named '${envKey}', which is also the name of the OS_* environment cloud; rename one of them`);
    }
    return {
        clouds: envCloud ? { ...fileClouds, [envKey]: envCloud } : fileClouds,
        fileNames: Object.keys(fileClouds),
        filePath,
        envKey: envCloud ? envKey : undefined,
    };
}
/** The cloud asked for (--cloud, OS_CLOUD), else the environment one, else the only one. */
function selectCloud(sources, set) {
    const { clouds, fileNames, filePath, envKey } = set;
    const names = Object.keys(clouds);
    let name = sources.cloud || sources.env.OS_CLOUD || undefined;
    if (name === undefined && envKey !== undefined)
        name = envKey;
    if (name === undefined && names.length === 1)
        name = names[0];
    if (names.length === 0) {
        const searched = sources.searched?.length ? ` (searched ${sources.searched.join(', ')})` : '';
        const prefix = name === undefined ? 'No OpenStack credentials' : `Unknown cloud '${name}'`;
        throw new problems/* ConfigError */.xL(`${prefix}: no clouds.yaml found${searched} and no OS_AUTH_URL etc. in the environment; provide a clouds.yaml and --cloud, or the OS_* variables`);
    }
    if (name === undefined) {
        throw new problems/* ConfigError */.xL(`No cloud selected in ${filePath}; set --cloud or OS_CLOUD to one of: ${fileNames.join(', ')}`);
    }
    if (!(name in clouds)) {
        if (fileNames.length === 0) {
            const searched = sources.searched?.length ? ` (searched ${sources.searched.join(', ')})` : '';
            throw new problems/* ConfigError */.xL(`Unknown cloud '${name}': no clouds.yaml found${searched}`);
        }
        throw new problems/* ConfigError */.xL(`Unknown cloud '${name}' in ${filePath}; expected one of: ${fileNames.join(', ')}`);
    }
    return name;
}
/** The selected cloud's settings, which must be a mapping without a vendor profile. */
function cloudEntry(raw, where) {
    if (!isRecord(raw))
        throw new problems/* ConfigError */.xL(`${where} is not a mapping of settings`);
    if (raw.profile !== undefined || raw.cloud !== undefined) {
        const profile = pyString(raw.profile ?? raw.cloud);
        throw new problems/* ConfigError */.xL(`${where} uses the vendor profile '${profile}', which is not supported; write its auth_url and region_name into the cloud instead`);
    }
    return raw;
}
/**
 * Splits the settings from `auth` and merges the region's own values over both. An explicit
 * region must be known; otherwise the first of `regions`/`region_name`.
 */
function applyRegion(raw, requested, name, where) {
    let config = normalizeKeys(raw);
    let auth = isRecord(config.auth) ? { ...config.auth } : {};
    delete config.auth;
    const regions = knownRegions(config, where);
    delete config.regions;
    let regionName = requested || undefined;
    if (regions.length > 0) {
        const region = regionName === undefined ? regions[0] : regions.find((r) => r.name === regionName);
        if (region === undefined) {
            throw new problems/* ConfigError */.xL(`Unknown region '${regionName}' for cloud '${name}'; expected one of: ${regions.map((r) => r.name).join(', ')}`);
        }
        regionName = region.name;
        const values = normalizeKeys(region.values);
        if (isRecord(values.auth))
            auth = { ...auth, ...values.auth };
        delete values.auth;
        config = { ...config, ...values };
    }
    return { config, auth, regionName };
}
/** openstacksdk's magic_fixes, in place: auth aliases moved into `auth`, domains spread. */
function fixBackwardsAuth(config, auth) {
    for (const [target, aliases] of Object.entries(AUTH_ALIASES)) {
        let value;
        for (const alias of aliases) {
            if (alias in auth)
                value = auth[alias];
            if (alias in config)
                value = config[alias];
            delete auth[alias];
            delete config[alias];
        }
        const text = pyString(value);
        if (text)
            auth[target] = text;
    }
    const projectScoped = auth.project_id !== undefined || auth.project_name !== undefined;
    for (const [target, keys] of [
        ['domain_id', ['user_domain_id', 'project_domain_id']],
        ['domain_name', ['user_domain_name', 'project_domain_name']],
    ]) {
        if (!projectScoped)
            continue;
        for (const key of keys)
            if (auth[target] !== undefined && auth[key] === undefined)
                auth[key] = auth[target];
        delete auth[target];
    }
}

;// CONCATENATED MODULE: ./src/openstack/config/loader.ts
// The thin, impure half of the configuration: find clouds.yaml and
// secure.yaml on openstacksdk's search path, read them, and hand everything
// to the pure resolveCloudConfig().





const SUFFIXES = ['.yaml', '.yml', '.json'];
/**
 * Where openstacksdk looks, in order: OS_CLIENT_CONFIG_FILE (resp.
 * OS_CLIENT_SECURE_FILE), then the current directory, the user's config
 * directory (~/.config/openstack or $XDG_CONFIG_HOME/openstack) and
 * /etc/openstack, each with .yaml, .yml and .json.
 */
function configSearchPath(env, cwd, home) {
    const dirs = [
        cwd,
        (0,external_node_path_.join)(env.XDG_CONFIG_HOME || (0,external_node_path_.join)(home, '.config'), 'openstack'),
        (0,external_node_path_.join)(home, '.config', 'openstack'),
        '/etc/xdg/openstack',
        '/etc/openstack',
    ].filter((dir, index, all) => all.indexOf(dir) === index);
    const files = (base) => dirs.flatMap((dir) => SUFFIXES.map((suffix) => (0,external_node_path_.join)(dir, base + suffix)));
    const clouds = files('clouds');
    const secure = files('secure');
    if (env.OS_CLIENT_CONFIG_FILE)
        clouds.unshift(env.OS_CLIENT_CONFIG_FILE);
    if (env.OS_CLIENT_SECURE_FILE)
        secure.unshift(env.OS_CLIENT_SECURE_FILE);
    return { clouds, secure };
}
/** The first readable file of `paths`, or undefined. Unreadable files are skipped like openstacksdk does. */
async function readFirst(paths) {
    for (const path of paths) {
        try {
            return { path, content: await (0,promises_.readFile)(path, 'utf8') };
        }
        catch (error) {
            const code = error.code;
            if (code === 'ENOENT' || code === 'ENOTDIR' || code === 'EACCES' || code === 'EISDIR')
                continue;
            throw new problems/* ConfigError */.xL(`Cannot read ${path}: ${error.message}`);
        }
    }
    return undefined;
}
/** Find, read and resolve the cloud configuration. */
async function loadCloudConfig(options = {}) {
    const env = options.env ?? process.env;
    const home = options.home ?? (0,external_node_os_.homedir)();
    const common = { env, cloud: options.cloud, regionName: options.regionName, home };
    if (options.cloudsYaml !== undefined && options.cloudsYaml.trim() !== '') {
        return resolveCloudConfig({
            ...common,
            clouds: { path: 'the clouds.yaml input', content: options.cloudsYaml },
        });
    }
    const search = configSearchPath(env, options.cwd ?? process.cwd(), home);
    if (env.OS_CLIENT_CONFIG_FILE) {
        // openstacksdk silently ignores a missing override; naming it helps more.
        const found = await readFirst([env.OS_CLIENT_CONFIG_FILE]);
        if (found === undefined) {
            throw new problems/* ConfigError */.xL(`OS_CLIENT_CONFIG_FILE is ${env.OS_CLIENT_CONFIG_FILE}, which cannot be read; fix the path or unset it`);
        }
    }
    const clouds = await readFirst(search.clouds);
    const secure = await readFirst(search.secure);
    const searched = search.clouds.filter((path) => path.endsWith('.yaml') || path === env.OS_CLIENT_CONFIG_FILE);
    return resolveCloudConfig({ ...common, clouds, secure, searched });
}

// EXTERNAL MODULE: ./src/openstack/errors.ts
var errors = __webpack_require__(5);
// EXTERNAL MODULE: ./src/http/connection.ts
var connection = __webpack_require__(9886);
;// CONCATENATED MODULE: ./src/openstack/auth/request.ts
// Pure pieces of Keystone v3 authentication: the identity URL and the body of
// POST /v3/auth/tokens for each auth type.

/**
 * The Keystone v3 base URL for an auth_url as people write it:
 * `http://h:5000`, `http://h:5000/`, `http://h:5000/v3`, `https://h/identity`.
 */
function identityV3Url(authUrl) {
    let url;
    try {
        url = new URL(authUrl);
    }
    catch {
        throw new errors/* AuthError */.l(`auth_url '${authUrl}' is not a URL; expected e.g. https://keystone.example.com:5000/v3`);
    }
    const path = url.pathname.replace(/\/+$/, '');
    if (/\/v2(\.0)?$/.test(path)) {
        throw new errors/* AuthError */.l(`auth_url ${authUrl} is a Keystone v2 URL, which is not supported; use the /v3 URL`);
    }
    url.pathname = /\/v3$/.test(path) ? path : `${path}/v3`;
    url.search = '';
    url.hash = '';
    return url.toString().replace(/\/+$/, '');
}
function domainBody(domain) {
    return 'id' in domain ? { id: domain.id } : { name: domain.name };
}
function userBody(user) {
    return 'id' in user ? { id: user.id } : { name: user.name, domain: domainBody(user.domain) };
}
function scopeBody(scope) {
    switch (scope.kind) {
        case 'project':
            return {
                project: 'id' in scope.project
                    ? { id: scope.project.id }
                    : { name: scope.project.name, domain: domainBody(scope.project.domain) },
            };
        case 'domain':
            return { domain: domainBody(scope.domain) };
        case 'system':
            return { system: { all: true } };
        case 'unscoped':
            return undefined;
    }
}
/** The JSON body of `POST /v3/auth/tokens`. */
function buildAuthRequestBody(auth) {
    switch (auth.type) {
        case 'password': {
            const scope = scopeBody(auth.scope);
            return {
                auth: {
                    identity: {
                        methods: ['password'],
                        password: { user: { ...userBody(auth.user), password: auth.password } },
                    },
                    ...(scope ? { scope } : {}),
                },
            };
        }
        case 'token': {
            const scope = scopeBody(auth.scope);
            return {
                auth: {
                    identity: { methods: ['token'], token: { id: auth.token } },
                    ...(scope ? { scope } : {}),
                },
            };
        }
        case 'v3applicationcredential': {
            const credential = 'id' in auth.credential
                ? { id: auth.credential.id, secret: auth.secret }
                : {
                    name: auth.credential.name,
                    user: userBody(auth.credential.user),
                    secret: auth.secret,
                };
            // An application credential is scoped to its project already: no scope.
            return {
                auth: {
                    identity: { methods: ['application_credential'], application_credential: credential },
                },
            };
        }
    }
}

;// CONCATENATED MODULE: ./src/openstack/auth/catalog.ts
// The Keystone service catalog and how an endpoint is picked from it.
/** The URL of the first endpoint matching type, interface and region, or undefined. */
function findEndpoint(catalog, query) {
    for (const service of catalog) {
        if (service.type !== query.serviceType)
            continue;
        for (const endpoint of service.endpoints ?? []) {
            if (endpoint.interface !== query.interface)
                continue;
            if (query.regionName !== undefined &&
                endpoint.region_id !== query.regionName &&
                endpoint.region !== query.regionName) {
                continue;
            }
            return endpoint.url;
        }
    }
    return undefined;
}
/** One line explaining why findEndpoint found nothing, with what the catalog does offer. */
function missingEndpointMessage(catalog, query) {
    const region = query.regionName === undefined ? 'any region' : `region ${query.regionName}`;
    const base = `The service catalog has no '${query.serviceType}' endpoint for ${region}, interface ${query.interface}`;
    const offered = catalog
        .filter((service) => service.type === query.serviceType)
        .flatMap((service) => service.endpoints.map((e) => `${e.interface} in ${e.region_id ?? e.region ?? 'no region'}`));
    if (offered.length > 0)
        return `${base} (it has: ${[...new Set(offered)].sort().join(', ')})`;
    if (catalog.length === 0)
        return `${base} (the catalog is empty: is the token scoped to a project?)`;
    return base;
}

// EXTERNAL MODULE: ./src/http/error.ts
var http_error = __webpack_require__(4054);
// EXTERNAL MODULE: ./src/http/tls.ts
var tls = __webpack_require__(7485);
;// CONCATENATED MODULE: ./src/openstack/auth/tls.ts

/**
 * The connection options of the cloud's TLS settings, or undefined when the
 * defaults (system CAs, verification on, no client certificate) apply. Like
 * openstacksdk (requests' `verify=<path>`), a cacert replaces the system CAs.
 * Only the cloud's own requests use them: upstream downloads never do.
 */
async function cloudTls(config) {
    if (config.verify && config.cacert === undefined && config.cert === undefined)
        return undefined;
    const connect = { rejectUnauthorized: config.verify };
    if (config.verify && config.cacert !== undefined)
        connect.ca = await (0,tls/* readPem */.J)(config.cacert, 'cacert');
    if (config.cert !== undefined)
        connect.cert = await (0,tls/* readPem */.J)(config.cert, 'client certificate (cert)');
    if (config.key !== undefined)
        connect.key = await (0,tls/* readPem */.J)(config.key, 'client key (key)');
    return connect;
}

// EXTERNAL MODULE: ./src/http/client.ts + 2 modules
var client = __webpack_require__(3456);
;// CONCATENATED MODULE: ./src/openstack/auth/session.ts
// Keystone v3 authentication: issue a token, find endpoints in its catalog,
// renew it shortly before it expires, and re-issue it once when a service
// answers 401 (then repeat that request once).








/** Authenticate against Keystone and return a session that keeps the token valid. */
async function createSession(config, options = {}) {
    const http = options.http ?? (0,client/* createHttp */.V0)(await httpOptionsFor(config, options));
    for (const secret of configSecrets(config))
        http.secrets.add(secret);
    const now = options.now ?? Date.now;
    const refreshBeforeMs = options.refreshBeforeMs ?? 120_000;
    const identityUrl = identityV3Url(config.auth.authUrl);
    let current = await issueToken(config, http, identityUrl);
    let pending;
    const reauthenticate = () => {
        pending ??= issueToken(config, http, identityUrl, current.token)
            .then((issued) => {
            current = issued;
        })
            .finally(() => {
            pending = undefined;
        });
        return pending;
    };
    const token = async () => {
        if (pending)
            await pending;
        if (current.info.expiresAt.getTime() - refreshBeforeMs <= now())
            await reauthenticate();
        return current.token;
    };
    const session = {
        config,
        http,
        identityUrl,
        get info() {
            return current.info;
        },
        token,
        reauthenticate,
        endpoint: (serviceType) => endpointOf(config, current.info.catalog, serviceType),
        async request(request) {
            const used = await token();
            try {
                return await http.request(withToken(request, used));
            }
            catch (error) {
                if (!(0,http_error/* isStatus */.zM)(error, 401) || isStreamed(request))
                    throw error;
                // Someone else may have renewed it meanwhile; otherwise renew it now.
                if (current.token === used)
                    await reauthenticate();
                return http.request(withToken(request, current.token));
            }
        },
    };
    return session;
}
/** The service's endpoint URL: the cloud's override, else the catalog's for its interface and region. */
function endpointOf(config, catalog, serviceType) {
    const override = config.endpointOverrides[serviceType];
    if (override)
        return override.replace(/\/+$/, '');
    const query = { serviceType, interface: config.interface, regionName: config.regionName };
    const url = findEndpoint(catalog, query);
    if (url === undefined)
        throw new errors/* AuthError */.l(missingEndpointMessage(catalog, query));
    return url.replace(/\/+$/, '');
}
/** The cloud's TLS settings and api_timeout, unless the caller supplies its own fetch/timeout. */
async function httpOptionsFor(config, options) {
    const tls = options.fetch ? undefined : await cloudTls(config);
    const timeoutMs = options.timeoutMs ?? config.apiTimeoutMs;
    return {
        ...options,
        ...(tls ? { tls } : {}),
        ...(timeoutMs !== undefined ? { timeoutMs } : {}),
    };
}
function withToken(request, token) {
    return { ...request, headers: { ...request.headers, 'X-Auth-Token': token } };
}
function isStreamed(request) {
    return (request.body !== undefined &&
        typeof request.body !== 'string' &&
        !(request.body instanceof Uint8Array));
}
async function issueToken(config, http, identityUrl, previous) {
    const { authUrl } = config.auth;
    let response;
    try {
        response = await http.request({
            method: 'POST',
            url: `${identityUrl}/auth/tokens`,
            template: '/v3/auth/tokens',
            expected: [201],
            json: buildAuthRequestBody(config.auth),
            // Issuing a token twice is harmless, so resets and 503s are retried.
            idempotent: true,
        });
    }
    catch (error) {
        throw keystoneError(error, config, authUrl, previous !== undefined);
    }
    const token = response.headers.get('x-subject-token');
    const body = response.data?.token;
    if (!token || body === undefined || typeof body.expires_at !== 'string') {
        throw new errors/* AuthError */.l(`Keystone at ${authUrl} answered without a token: is auth_url the Keystone endpoint?`);
    }
    http.secrets.add(token);
    return {
        token,
        info: {
            expiresAt: new Date(body.expires_at),
            user: { id: body.user.id, name: body.user.name, domainId: body.user.domain?.id },
            ...(body.project
                ? {
                    project: {
                        id: body.project.id,
                        name: body.project.name,
                        domainId: body.project.domain?.id,
                    },
                }
                : {}),
            ...(body.domain ? { domain: body.domain } : {}),
            roles: (body.roles ?? []).map((role) => role.name),
            catalog: body.catalog ?? [],
        },
    };
}
function keystoneError(error, config, authUrl, renewing) {
    if (error instanceof connection/* ConnectionError */.Rc)
        return new errors/* AuthError */.l(`Cannot reach Keystone at ${authUrl}: ${error.reason}`, { cause: error });
    if (error instanceof client/* ResponseFormatError */.TT) {
        return new errors/* AuthError */.l(`Keystone at ${authUrl} did not answer with JSON: is auth_url the Keystone endpoint?`);
    }
    if (!(error instanceof http_error/* HttpError */.j$))
        return error instanceof Error ? error : new Error(String(error));
    const who = describeAuth(config.auth);
    if (error.status === 401) {
        if (config.auth.type === 'token') {
            const when = renewing ? 'no longer accepted (expired or revoked)' : 'rejected';
            return new errors/* AuthError */.l(`Authentication failed for ${who} at ${authUrl}: the token was ${when}; issue a new token`);
        }
        return new errors/* AuthError */.l(`Authentication failed for ${who} at ${authUrl}: check the password / application credential`);
    }
    if (error.status === 404) {
        return new errors/* AuthError */.l(`Keystone at ${authUrl} has no /v3/auth/tokens (404): check that auth_url is the Keystone endpoint`);
    }
    const detail = error.serviceMessage ? `: ${error.serviceMessage}` : '';
    return new errors/* AuthError */.l(`Keystone at ${authUrl} refused to issue a token for ${who} (${error.status})${detail}`);
}
/** Revoke a token (`DELETE /v3/auth/tokens`), authorised by the session's own token. */
async function revokeToken(session, token) {
    await session.request({
        method: 'DELETE',
        url: `${session.identityUrl}/auth/tokens`,
        template: '/v3/auth/tokens',
        headers: { 'X-Subject-Token': token },
        expected: [204],
        responseType: 'none',
    });
}

// EXTERNAL MODULE: ./src/openstack/glance/patch.ts
var patch = __webpack_require__(5503);
// EXTERNAL MODULE: ./src/openstack/glance/types.ts
var types = __webpack_require__(2560);
;// CONCATENATED MODULE: ./src/openstack/glance/urls.ts
// Glance v2 URLs and their path templates (for the request counter). Pure.
const enc = encodeURIComponent;
function join(endpoint, path) {
    return `${endpoint.replace(/\/+$/, '')}${path}`;
}
const glanceUrls = {
    images(endpoint) {
        return { url: join(endpoint, '/v2/images'), template: '/v2/images' };
    },
    image(endpoint, id) {
        return { url: join(endpoint, `/v2/images/${enc(id)}`), template: '/v2/images/{id}' };
    },
    imageAction(endpoint, id, action) {
        return {
            url: join(endpoint, `/v2/images/${enc(id)}/actions/${action}`),
            template: `/v2/images/{id}/actions/${action}`,
        };
    },
    imageFile(endpoint, id) {
        return { url: join(endpoint, `/v2/images/${enc(id)}/file`), template: '/v2/images/{id}/file' };
    },
    imageStage(endpoint, id) {
        return { url: join(endpoint, `/v2/images/${enc(id)}/stage`), template: '/v2/images/{id}/stage' };
    },
    imageImport(endpoint, id) {
        return {
            url: join(endpoint, `/v2/images/${enc(id)}/import`),
            template: '/v2/images/{id}/import',
        };
    },
    imageTasks(endpoint, id) {
        return { url: join(endpoint, `/v2/images/${enc(id)}/tasks`), template: '/v2/images/{id}/tasks' };
    },
    imageTag(endpoint, id, tag) {
        return {
            url: join(endpoint, `/v2/images/${enc(id)}/tags/${enc(tag)}`),
            template: '/v2/images/{id}/tags/{tag}',
        };
    },
    members(endpoint, id) {
        return {
            url: join(endpoint, `/v2/images/${enc(id)}/members`),
            template: '/v2/images/{id}/members',
        };
    },
    member(endpoint, id, memberId) {
        return {
            url: join(endpoint, `/v2/images/${enc(id)}/members/${enc(memberId)}`),
            template: '/v2/images/{id}/members/{member}',
        };
    },
    importInfo(endpoint) {
        return { url: join(endpoint, '/v2/info/import'), template: '/v2/info/import' };
    },
    stores(endpoint) {
        return { url: join(endpoint, '/v2/info/stores'), template: '/v2/info/stores' };
    },
    versions(endpoint) {
        return { url: `${endpoint.replace(/\/+$/, '')}/`, template: '/' };
    },
};
/** The query string of one listing; `osHidden` must already be a boolean here. */
function listImagesSearch(query, osHidden) {
    const params = new URLSearchParams();
    const tags = query.tag === undefined ? [] : typeof query.tag === 'string' ? [query.tag] : query.tag;
    for (const tag of tags)
        params.append('tag', tag);
    if (osHidden !== undefined)
        params.set('os_hidden', String(osHidden));
    if (query.visibility !== undefined)
        params.set('visibility', query.visibility);
    if (query.owner !== undefined)
        params.set('owner', query.owner);
    if (query.name !== undefined)
        params.set('name', query.name);
    if (query.status !== undefined)
        params.set('status', query.status);
    if (query.memberStatus !== undefined)
        params.set('member_status', query.memberStatus);
    if (query.limit !== undefined)
        params.set('limit', String(query.limit));
    if (query.sort !== undefined)
        params.set('sort', query.sort);
    return params;
}
/**
 * The URL of the next page. Glance's `next` is a path with a query
 * (`/v2/images?marker=...&limit=...`) built from what Glance thinks its
 * own address is; like gophercloud, only its query is taken, on top of the
 * images URL of the endpoint we use (which may carry a path prefix or point
 * at a proxy).
 */
function nextPageUrl(imagesUrl, next) {
    const base = new URL(imagesUrl);
    const resolved = new URL(next, base);
    base.search = resolved.search;
    return base.toString();
}
/** The endpoint without a trailing version (`http://h:9292/v2` -> `http://h:9292`). */
function unversionedEndpoint(endpoint) {
    return endpoint.replace(/\/+$/, '').replace(/\/v2(\.\d+)?$/, '');
}

;// CONCATENATED MODULE: ./src/openstack/glance/requests.ts
// The requests of the Glance v2 client: one small function per API call,
// each stating the statuses it accepts. Built by createGlanceClient().




function glanceRequests(session, endpoint, apiVersion) {
    const ctx = { session, endpoint };
    const client = {
        endpoint,
        apiVersion,
        get projectId() {
            return session.info.project?.id;
        },
        session,
        counter: session.http.counter,
        listImages: (query = {}) => listPasses(ctx, query),
        getImage: (id) => getImage(ctx, id),
        // Through `client`, so the calls go where the client's own methods go.
        findImage: (id) => findImage(client, id),
        createImage: (body) => createImage(ctx, body),
        importImage: (id, method, options = {}) => importImage(ctx, id, method, options),
        imageTasks: (id) => imageTasks(ctx, id, apiVersion),
        stageImage: (id, data, size) => putData(ctx, glanceUrls.imageStage(endpoint, id), data, size),
        uploadImage: (id, data, size) => putData(ctx, glanceUrls.imageFile(endpoint, id), data, size),
        patchImage: (id, operations) => patchImage(ctx, id, operations),
        updateImage: (current, desired) => updateImage(client, current, desired),
        addTag: async (id, tag) => noContent(ctx, 'PUT', glanceUrls.imageTag(endpoint, id, tag)),
        removeTag: async (id, tag) => noContent(ctx, 'DELETE', glanceUrls.imageTag(endpoint, id, tag)),
        deactivateImage: async (id) => noContent(ctx, 'POST', glanceUrls.imageAction(endpoint, id, 'deactivate')),
        reactivateImage: async (id) => noContent(ctx, 'POST', glanceUrls.imageAction(endpoint, id, 'reactivate')),
        // A retried DELETE whose first answer was lost (a timeout) finds the image gone: that is done.
        deleteImage: async (id) => noContent(ctx, 'DELETE', glanceUrls.image(endpoint, id), { expectedOnRetry: [404] }),
        listMembers: (id) => listMembers(ctx, id),
        addMember: (id, projectId) => addMember(ctx, id, projectId),
        updateMemberStatus: (id, projectId, status) => updateMemberStatus(ctx, id, projectId, status),
        removeMember: async (id, projectId) => noContent(ctx, 'DELETE', glanceUrls.member(endpoint, id, projectId)),
        getImportInfo: () => getImportInfo(ctx),
        getStores: () => getStores(ctx),
    };
    return client;
}
// A call Glance answers with 204 and no body. Its callers are async so that a
// URL that cannot be encoded rejects rather than throws.
async function noContent({ session }, method, { url, template }, extra = {}) {
    await session.request({
        method,
        url,
        template,
        expected: [204],
        responseType: 'none',
        ...extra,
    });
}
/** Image bytes into `/stage` or `/file`: streamed, never sent twice. */
function putData(ctx, where, data, size) {
    return noContent(ctx, 'PUT', where, { body: data, headers: sizeHeader(size) });
}
async function* listPasses({ session, endpoint }, query) {
    const passes = query.osHidden === 'both' ? [false, true] : [query.osHidden];
    const seen = new Set();
    const { url: imagesUrl, template } = glanceUrls.images(endpoint);
    for (const osHidden of passes) {
        const search = listImagesSearch(query, osHidden).toString();
        let url = search ? `${imagesUrl}?${search}` : imagesUrl;
        while (url !== undefined) {
            const page = await session.request({
                method: 'GET',
                url,
                template,
                expected: [200],
            });
            const images = page.data?.images ?? [];
            for (const json of images) {
                const image = (0,types/* parseImage */.zZ)(json);
                if (seen.has(image.id))
                    continue;
                seen.add(image.id);
                yield image;
            }
            url =
                images.length > 0 && page.data?.next ? nextPageUrl(imagesUrl, page.data.next) : undefined;
        }
    }
}
async function getImage({ session, endpoint }, id) {
    const { url, template } = glanceUrls.image(endpoint, id);
    const response = await session.request({ method: 'GET', url, template, expected: [200] });
    return (0,types/* parseImage */.zZ)(response.data);
}
async function findImage(client, id) {
    try {
        return await client.getImage(id);
    }
    catch (error) {
        if ((0,http_error/* isStatus */.zM)(error, 404))
            return null;
        throw error;
    }
}
async function createImage({ session, endpoint }, body) {
    const { url, template } = glanceUrls.images(endpoint);
    const response = await session.request({
        method: 'POST',
        url,
        template,
        expected: [201],
        json: (0,types/* createImageJson */.sB)(body),
    });
    return (0,types/* parseImage */.zZ)(response.data);
}
async function importImage({ session, endpoint }, id, method, options) {
    const { url, template } = glanceUrls.imageImport(endpoint, id);
    const json = {
        method: { name: method, ...(options.uri ? { uri: options.uri } : {}) },
    };
    if (options.stores)
        json.stores = options.stores;
    if (options.allStores !== undefined)
        json.all_stores = options.allStores;
    if (options.allStoresMustSucceed !== undefined)
        json.all_stores_must_succeed = options.allStoresMustSucceed;
    await session.request({
        method: 'POST',
        url,
        template,
        expected: [202],
        json,
        responseType: 'none',
    });
}
/** The minor version of `v2.N`; 0 when it is not one. */
const minorVersion = (apiVersion) => Number(/^v2\.(\d+)$/.exec(apiVersion)?.[1] ?? 0);
async function imageTasks({ session, endpoint }, id, apiVersion) {
    if (minorVersion(apiVersion) < 12)
        return null;
    const { url, template } = glanceUrls.imageTasks(endpoint, id);
    const response = await session.request({
        method: 'GET',
        url,
        template,
        expected: [200],
    });
    return (response.data?.tasks ?? []).map(types/* parseImageTask */.S6);
}
async function patchImage({ session, endpoint }, id, operations) {
    const { url, template } = glanceUrls.image(endpoint, id);
    const response = await session.request({
        method: 'PATCH',
        url,
        template,
        expected: [200],
        json: operations,
        contentType: patch/* JSON_PATCH_CONTENT_TYPE */.pW,
        // Setting values twice sets them once; a removal repeated would fail (409).
        idempotent: operations.every((op) => op.op !== 'remove'),
    });
    return (0,types/* parseImage */.zZ)(response.data);
}
async function updateImage(client, current, desired) {
    const operations = (0,patch/* buildPatch */.Rh)(current, desired);
    return operations.length === 0 ? current : client.patchImage(current.id, operations);
}
async function listMembers({ session, endpoint }, id) {
    const { url, template } = glanceUrls.members(endpoint, id);
    const response = await session.request({
        method: 'GET',
        url,
        template,
        expected: [200],
    });
    return response.data?.members ?? [];
}
async function addMember({ session, endpoint }, id, projectId) {
    const { url, template } = glanceUrls.members(endpoint, id);
    const response = await session.request({
        method: 'POST',
        url,
        template,
        expected: [200],
        json: { member: projectId },
    });
    return response.data;
}
async function updateMemberStatus({ session, endpoint }, id, projectId, status) {
    const { url, template } = glanceUrls.member(endpoint, id, projectId);
    const response = await session.request({
        method: 'PUT',
        url,
        template,
        expected: [200],
        json: { status },
    });
    return response.data;
}
async function getImportInfo(ctx) {
    if (ctx.importInfo)
        return ctx.importInfo;
    const { url, template } = glanceUrls.importInfo(ctx.endpoint);
    const response = await ctx.session.request({
        method: 'GET',
        url,
        template,
        expected: [200],
    });
    ctx.importInfo = { methods: response.data?.['import-methods']?.value ?? [] };
    return ctx.importInfo;
}
async function getStores({ session, endpoint }) {
    const { url, template } = glanceUrls.stores(endpoint);
    try {
        const response = await session.request({
            method: 'GET',
            url,
            template,
            expected: [200],
        });
        return (response.data?.stores ?? []).map((store) => ({
            ...store,
            default: store.default === true || store.default === 'true',
        }));
    }
    catch (error) {
        // Glance without enabled_backends answers 404 (older) or 410 here.
        if ((0,http_error/* isStatus */.zM)(error, 404, 410))
            return [];
        throw error;
    }
}
function sizeHeader(size) {
    return size === undefined ? undefined : { 'Content-Length': String(size) };
}

;// CONCATENATED MODULE: ./src/openstack/glance/connect.ts
// createGlanceClient() authenticates and discovers the API version up front,
// so a client that exists can talk to Glance.






/** Authenticate, find Glance in the catalog and check that it speaks v2. */
async function createGlanceClient(config, options = {}) {
    const session = options.session ?? (await createSession(config, options));
    const endpoint = unversionedEndpoint(options.endpoint ?? session.endpoint('image'));
    const apiVersion = await discoverVersion(session, endpoint);
    return glanceRequests(session, endpoint, apiVersion);
}
async function discoverVersion(session, endpoint) {
    const { url, template } = glanceUrls.versions(endpoint);
    let response;
    try {
        response = await session.http.request({
            method: 'GET',
            url,
            template,
            expected: [200, 300],
        });
    }
    catch (error) {
        if (error instanceof connection/* ConnectionError */.Rc)
            throw new connection/* ConnectionError */.Rc(`Cannot reach Glance at ${endpoint}: ${error.reason}`, error.reason, { cause: error });
        if (error instanceof http_error/* HttpError */.j$) {
            throw new problems/* ConfigError */.xL(`Glance at ${endpoint} did not list its API versions (${error.status}); check the 'image' endpoint`, { cause: error });
        }
        throw error;
    }
    const v2 = (response.data?.versions ?? [])
        .filter((v) => typeof v.id === 'string' &&
        /^v2(\.\d+)?$/.test(v.id) &&
        ['CURRENT', 'SUPPORTED'].includes(v.status ?? ''))
        .map((v) => v.id)
        .sort((a, b) => Number(b.split('.')[1] ?? 0) - Number(a.split('.')[1] ?? 0));
    if (v2[0] === undefined)
        throw new problems/* ConfigError */.xL(`Glance at ${endpoint} does not offer API v2; check the 'image' endpoint`);
    return v2[0];
}

;// CONCATENATED MODULE: ./src/cloud/connect.ts
// Connecting to the cloud named by the options; configuration problems exit 2.






async function connect(options, reporter) {
    try {
        const config = await loadCloudConfig({
            ...(options.cloud ? { cloud: options.cloud } : {}),
            ...(options.cloudsYaml ? { cloudsYaml: options.cloudsYaml } : {}),
        });
        // Every password and token the client learns is masked before anything is printed.
        return await createGlanceClient(config, { onSecret: (value) => reporter.secret(value) });
    }
    catch (error) {
        if (error instanceof problems/* ConfigError */.xL ||
            error instanceof errors/* AuthError */.l ||
            error instanceof connection/* ConnectionError */.Rc) {
            throw new problems/* UserError */.yo(error.message, 2);
        }
        throw error;
    }
}


/***/ }),

/***/ 5:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   l: () => (/* binding */ AuthError),
/* harmony export */   m: () => (/* binding */ NotFoundError)
/* harmony export */ });
// Errors of the OpenStack client that are not HTTP status errors: failed
// authentication, objects that are not there. Their message is always one
// line that says what to do; it never contains a secret. (Bad configuration is
// a ConfigError of problems.ts; unreachable endpoints a ConnectionError of http/.)
/** Keystone refused or could not be asked for a token, or the catalog lacks a service. */
class AuthError extends Error {
    name = 'AuthError';
}
/** A named Keystone/Glance object does not exist (or is not visible to these credentials). */
class NotFoundError extends Error {
    name = 'NotFoundError';
}


/***/ }),

/***/ 5503:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Rh: () => (/* binding */ buildPatch),
/* harmony export */   Wn: () => (/* binding */ pointer),
/* harmony export */   pW: () => (/* binding */ JSON_PATCH_CONTENT_TYPE)
/* harmony export */ });
/* harmony import */ var _types_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(2560);
// JSON-Patch documents for PATCH /v2/images/{id}
// (application/openstack-images-v2.1-json-patch), built without a server:
// every change of an image in one request.

const JSON_PATCH_CONTENT_TYPE = 'application/openstack-images-v2.1-json-patch';
/** JSON pointer escaping of one path segment (RFC 6901). */
function pointer(key) {
    return `/${key.replace(/~/g, '~0').replace(/\//g, '~1')}`;
}
const CORE_FIELDS = ['name', 'visibility', 'min_disk', 'min_ram', 'os_hidden', 'protected'];
/**
 * The operations that turn `current` into `desired`: `replace` for core
 * fields that differ, `add` for new properties, `replace` for changed ones,
 * `remove` for properties set to null that exist, and one `replace /tags`
 * when the set of tags differs. Empty when nothing changes.
 */
function buildPatch(current, desired) {
    const ops = [];
    for (const field of CORE_FIELDS) {
        const value = desired[field];
        if (value !== undefined && current[field] !== value)
            ops.push({ op: 'replace', path: pointer(field), value });
    }
    for (const [key, value] of Object.entries(desired.properties ?? {})) {
        if (_types_js__WEBPACK_IMPORTED_MODULE_0__/* .RESERVED_KEYS */ .a1.has(key))
            throw new Error(`'${key}' is a Glance attribute, not a property`);
        const existing = current.properties[key];
        if (value === null) {
            if (existing !== undefined)
                ops.push({ op: 'remove', path: pointer(key) });
        }
        else if (existing === undefined) {
            ops.push({ op: 'add', path: pointer(key), value });
        }
        else if (existing !== value) {
            ops.push({ op: 'replace', path: pointer(key), value });
        }
    }
    if (desired.tags !== undefined && !sameSet(current.tags, desired.tags)) {
        ops.push({ op: 'replace', path: '/tags', value: [...new Set(desired.tags)].sort() });
    }
    return ops;
}
function sameSet(a, b) {
    const left = new Set(a);
    const right = new Set(b);
    return left.size === right.size && [...left].every((item) => right.has(item));
}


/***/ }),

/***/ 2560:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   S6: () => (/* binding */ parseImageTask),
/* harmony export */   a1: () => (/* binding */ RESERVED_KEYS),
/* harmony export */   sB: () => (/* binding */ createImageJson),
/* harmony export */   zZ: () => (/* binding */ parseImage)
/* harmony export */ });
// Glance v2 types and the parser that turns Glance's flat image JSON into an
// Image with typed known fields and every other key kept in `properties`.
/** Keys of the image JSON that are fields of Image, not properties. */
const KNOWN_KEYS = new Set([
    'id',
    'name',
    'status',
    'visibility',
    'protected',
    'os_hidden',
    'disk_format',
    'container_format',
    'min_disk',
    'min_ram',
    'size',
    'virtual_size',
    'checksum',
    'os_hash_algo',
    'os_hash_value',
    'owner',
    'tags',
    'created_at',
    'updated_at',
    'stores',
]);
/** Links and schema references that are neither fields nor properties. */
const LINK_KEYS = new Set(['self', 'file', 'schema']);
/** Keys that cannot be set as properties: Glance's core attributes and links. */
const RESERVED_KEYS = new Set([
    ...KNOWN_KEYS,
    ...LINK_KEYS,
    'locations',
    'direct_url',
]);
function str(value) {
    return typeof value === 'string' ? value : null;
}
function num(value) {
    return typeof value === 'number' && Number.isFinite(value) ? value : null;
}
/** Turn Glance's image JSON into an Image. Throws on something that is not an image. */
function parseImage(json) {
    if (typeof json !== 'object' ||
        json === null ||
        typeof json.id !== 'string') {
        throw new Error(`Glance returned something that is not an image: ${JSON.stringify(json)?.slice(0, 200)}`);
    }
    const raw = json;
    const properties = {};
    for (const [key, value] of Object.entries(raw)) {
        if (KNOWN_KEYS.has(key) || LINK_KEYS.has(key) || value === undefined || value === null)
            continue;
        properties[key] = typeof value === 'string' ? value : JSON.stringify(value);
    }
    return {
        id: raw.id,
        name: str(raw.name),
        status: (str(raw.status) ?? 'queued'),
        visibility: (str(raw.visibility) ?? 'private'),
        protected: raw.protected === true,
        os_hidden: raw.os_hidden === true,
        disk_format: str(raw.disk_format),
        container_format: str(raw.container_format),
        min_disk: num(raw.min_disk) ?? 0,
        min_ram: num(raw.min_ram) ?? 0,
        size: num(raw.size),
        virtual_size: num(raw.virtual_size),
        checksum: str(raw.checksum),
        os_hash_algo: str(raw.os_hash_algo),
        os_hash_value: str(raw.os_hash_value),
        owner: str(raw.owner),
        tags: Array.isArray(raw.tags)
            ? raw.tags.filter((tag) => typeof tag === 'string')
            : [],
        created_at: str(raw.created_at) ?? '',
        updated_at: str(raw.updated_at) ?? '',
        ...(typeof raw.stores === 'string' ? { stores: raw.stores } : {}),
        properties,
    };
}
/** Turn one task of `GET /v2/images/{id}/tasks` into an ImageTask. */
function parseImageTask(json) {
    const raw = (typeof json === 'object' && json !== null ? json : {});
    const input = raw.input;
    const method = str(input?.import_req?.method?.name);
    return {
        id: str(raw.id) ?? '',
        type: str(raw.type) ?? '',
        status: str(raw.status) ?? '',
        message: str(raw.message) ?? '',
        result: raw.result ?? null,
        created_at: str(raw.created_at) ?? '',
        updated_at: str(raw.updated_at) ?? '',
        ...(method !== null ? { method } : {}),
    };
}
/** The JSON Glance expects for a create: properties flattened into the image. */
function createImageJson(body) {
    const { properties, ...core } = body;
    for (const key of Object.keys(properties ?? {})) {
        if (RESERVED_KEYS.has(key))
            throw new Error(`'${key}' is a Glance attribute, not a property; set it as a field`);
    }
    const json = { ...properties };
    for (const [key, value] of Object.entries(core))
        if (value !== undefined)
            json[key] = value;
    return json;
}


/***/ })

};
