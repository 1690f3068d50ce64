export const id = 238;
export const ids = [238];
export const modules = {

/***/ 9238:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   checkCommand: () => (/* binding */ checkCommand)
/* harmony export */ });
/* unused harmony exports catalogImages, definitionPositions, findingProblems, renderCheckText, renderCheckMarkdown, renderCheckJson */
/* harmony import */ var _definitions_catalog_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(4239);
/* harmony import */ var _escape_json_js__WEBPACK_IMPORTED_MODULE_7__ = __webpack_require__(7961);
/* harmony import */ var _escape_log_js__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(5637);
/* harmony import */ var _escape_markdown_js__WEBPACK_IMPORTED_MODULE_6__ = __webpack_require__(7266);
/* harmony import */ var _plan_desire_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(6149);
/* harmony import */ var _scs_rules_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(6252);
/* harmony import */ var _cloud_connect_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(5283);
/* harmony import */ var _scs_standard_images_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(4693);
// `check`: the SCS image rules (metadata scs-0102 v2, standard images scs-0104 v1,
// or v2 when asked) against a cloud's public and community images, and optionally
// the catalog's images that the cloud lacks.








const STANDARDS = (v2) => `scs-0102 v2, scs-0104 ${v2 ? 'v2 (draft)' : 'v1'}`;
const mark = (r) => (r.offenders.length === 0 ? '✓' : (0,_scs_rules_js__WEBPACK_IMPORTED_MODULE_1__/* .failsCheck */ .k2)(r) ? '✗' : '!');
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
        const rotation = (0,_plan_desire_js__WEBPACK_IMPORTED_MODULE_4__/* .rotationOf */ .c_)(def, rotated);
        for (const d of (0,_plan_desire_js__WEBPACK_IMPORTED_MODULE_4__/* .desireDefinition */ .ax)(def, { tag: '', useOsHidden: false })) {
            if (present.has(d.name) || (d.visibility !== 'public' && d.visibility !== 'community')) {
                continue;
            }
            const want = !rotation ? d : d.newest ? (0,_plan_desire_js__WEBPACK_IMPORTED_MODULE_4__/* .asHolder */ .LO)(d, rotation) : (0,_plan_desire_js__WEBPACK_IMPORTED_MODULE_4__/* .asRotated */ .Iw)(d, rotation);
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
/** Where each image name the catalog gives is defined: findings on it point there. */
function definitionPositions(definitions) {
    const out = new Map();
    for (const def of definitions.filter((d) => d.enable)) {
        for (const d of (0,_plan_desire_js__WEBPACK_IMPORTED_MODULE_4__/* .desireDefinition */ .ax)(def, { tag: '', useOsHidden: false })) {
            if (!out.has(d.name))
                out.set(d.name, def.position);
        }
    }
    return out;
}
/** One warning per offending image the catalog defines, on its definition. */
function findingProblems(results, positions) {
    return results.flatMap((r) => r.offenders.flatMap((o) => {
        const at = positions.get(o.name);
        return at
            ? [{ severity: 'warning', ...at, message: `${r.id}: '${o.name}' ${o.why}` }]
            : [];
    }));
}
const MAX_NAMED = 10;
function describe(offenders) {
    const named = offenders
        .slice(0, MAX_NAMED)
        .map((o) => `'${o.name}'${o.id === undefined ? ' [catalog]' : ''} (${o.why})`);
    const rest = offenders.length - named.length;
    return `${named.join('; ')}${rest > 0 ? `; and ${rest} more` : ''}`;
}
const level = (r) => (r.level === 'recommended' ? ' (recommended)' : '');
/** One line per rule: ✓, ✗ (fails) or ! (a recommended rule fails) with the offending images. */
function renderCheckText(results, count, standards = STANDARDS(false)) {
    const lines = results.map((r) => r.offenders.length === 0
        ? `✓ ${r.id}: ${r.title}`
        : `${mark(r)} ${r.id}${level(r)}: ${(0,_escape_log_js__WEBPACK_IMPORTED_MODULE_5__/* .escapeLogValue */ .t)(describe(r.offenders))}`);
    const failed = results.filter(_scs_rules_js__WEBPACK_IMPORTED_MODULE_1__/* .failsCheck */ .k2).length;
    const missed = results.filter((r) => r.offenders.length > 0).length - failed;
    const also = missed ? `; ${missed} recommended rule(s) not met` : '';
    lines.push(failed
        ? `SCS images (${standards}): ${failed} of ${results.length} rules fail on ${count} image(s)${also}.`
        : `SCS images (${standards}): every mandatory rule of ${results.length} passes on ${count} image(s)${also}.`);
    return lines.join('\n');
}
function renderCheckMarkdown(results, count, standards = STANDARDS(false)) {
    const failed = results.filter(_scs_rules_js__WEBPACK_IMPORTED_MODULE_1__/* .failsCheck */ .k2).length;
    const rows = results.map((r) => `| ${mark(r)} | ${(0,_escape_markdown_js__WEBPACK_IMPORTED_MODULE_6__/* .markdownCode */ .D9)(r.id)}${level(r)} | ${r.offenders.length ? (0,_escape_markdown_js__WEBPACK_IMPORTED_MODULE_6__/* .escapeMarkdown */ .FV)(describe(r.offenders)) : (0,_escape_markdown_js__WEBPACK_IMPORTED_MODULE_6__/* .escapeMarkdown */ .FV)(r.title)} |`);
    return [
        `### SCS images (${standards}): ${failed ? `${failed} rule(s) fail` : 'every mandatory rule passes'} on ${count} image(s)`,
        '',
        '| | Rule | Result |',
        '|---|---|---|',
        ...rows,
    ].join('\n');
}
/** The report as JSON (see safeJson: nothing in it acts on a terminal or a runner). */
function renderCheckJson(results, count, v2 = false) {
    const body = {
        standards: ['scs-0102-v2', v2 ? 'scs-0104-v2' : 'scs-0104-v1'],
        images: count,
        passed: !results.some(_scs_rules_js__WEBPACK_IMPORTED_MODULE_1__/* .failsCheck */ .k2),
        rules: results.map((r) => ({
            ...r,
            level: r.level ?? 'mandatory',
            passed: r.offenders.length === 0,
        })),
    };
    return (0,_escape_json_js__WEBPACK_IMPORTED_MODULE_7__/* .safeJson */ .o)(body);
}
/** Exit code: 0 every mandatory rule passes, 1 a mandatory rule fails (or invalid definitions), 2 configuration. */
async function checkCommand(options, reporter, onOutcome) {
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
    const now = options.now ?? new Date();
    const results = [
        ...(0,_scs_rules_js__WEBPACK_IMPORTED_MODULE_1__/* .checkImages */ .B6)(images, now.getTime() / 1000),
        ...(options.scs0104v2 ? (0,_scs_standard_images_js__WEBPACK_IMPORTED_MODULE_3__/* .checkStandardImagesV2 */ .eo)(images, now) : (0,_scs_standard_images_js__WEBPACK_IMPORTED_MODULE_3__/* .checkStandardImages */ .AL)(images)),
    ];
    for (const r of results)
        for (const w of r.warnings)
            reporter.warning(`${r.id}: ${w.name}: ${w.why}`);
    if (planned.length && options.output !== 'json') {
        reporter.info(`${planned.length} image(s) of the catalog that the cloud lacks are checked as they would be created.`);
    }
    const standards = STANDARDS(options.scs0104v2);
    const markdown = renderCheckMarkdown(results, images.length, standards);
    const rendered = options.output === 'json'
        ? renderCheckJson(results, images.length, options.scs0104v2)
        : options.output === 'markdown'
            ? markdown
            : renderCheckText(results, images.length, standards);
    reporter.info(rendered, { preEscaped: true });
    await reporter.summary(markdown);
    if (onOutcome) {
        const positions = catalog ? definitionPositions(catalog.definitions) : new Map();
        const problems = findingProblems(results, positions);
        await onOutcome({ results, images: images.length, markdown, problems });
    }
    return results.some(_scs_rules_js__WEBPACK_IMPORTED_MODULE_1__/* .failsCheck */ .k2) ? 1 : 0;
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


/***/ })

};
