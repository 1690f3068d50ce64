export const id = 10;
export const ids = [10];
export const modules = {

/***/ 10:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   validateCommand: () => (/* binding */ validateCommand)
/* harmony export */ });
/* harmony import */ var _definitions_catalog_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(4239);
/* harmony import */ var _escape_markdown_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(7266);
/* harmony import */ var _problems_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(2095);




const plural = (n, word) => `${n} ${word}${n === 1 ? '' : 's'}`;
function summaryTable(problems) {
    const rows = problems.map((p) => `| ${p.severity} | ${(0,_escape_markdown_js__WEBPACK_IMPORTED_MODULE_2__/* .markdownCode */ .D9)(`${p.file}:${p.line}:${p.column}`)} | ${(0,_escape_markdown_js__WEBPACK_IMPORTED_MODULE_2__/* .escapeMarkdown */ .FV)(p.message)} |`);
    return ['| | Where | Problem |', '|---|---|---|', ...rows].join('\n');
}
function urlLine(check) {
    const skipped = check.skipped ? ` (${plural(check.skipped, 'ftp url')} not checked)` : '';
    return `urls: ${plural(check.urls, 'url')} of ${plural(check.definitions, 'definition')} checked${skipped}`;
}
/** Exit code: 0 valid, 1 invalid definitions or a dead url. */
async function validateCommand(options, reporter) {
    const cwd = options.cwd ?? process.cwd();
    const catalog = await (0,_definitions_catalog_js__WEBPACK_IMPORTED_MODULE_0__/* .loadCatalog */ .ak)({ images: options.images, strict: options.strict, cwd });
    let problems = catalog.problems;
    let urls;
    if (options.checkUrls) {
        const { changed, ...rest } = options.checkUrls;
        // Loaded only when asked for: the HTTP and TLS modules cost every other run start-up time.
        const { checkUrls } = await Promise.all(/* import() */[__webpack_require__.e(456), __webpack_require__.e(449)]).then(__webpack_require__.bind(__webpack_require__, 3449));
        try {
            urls = await checkUrls(catalog.definitions, { cwd, ...(changed ? { changed } : {}), ...rest });
        }
        catch (error) {
            if (error instanceof _problems_js__WEBPACK_IMPORTED_MODULE_1__/* .ConfigError */ .xL)
                throw new _problems_js__WEBPACK_IMPORTED_MODULE_1__/* .UserError */ .yo(error.message, 2);
            throw error;
        }
        problems = (0,_problems_js__WEBPACK_IMPORTED_MODULE_1__/* .sortProblems */ .dS)(problems.concat(urls.problems));
    }
    const errors = (0,_problems_js__WEBPACK_IMPORTED_MODULE_1__/* .errorsOf */ .Bp)(problems).length;
    const warnings = problems.length - errors;
    const versions = catalog.definitions.reduce((n, d) => n + d.versions.length, 0);
    reporter.problems(problems);
    const counts = `${plural(catalog.files, 'file')}, ${plural(catalog.definitions.length, 'image')}, ${plural(versions, 'version')}`;
    const line = errors > 0
        ? `✗ ${plural(errors, 'error')}${warnings ? `, ${plural(warnings, 'warning')}` : ''} in ${plural(catalog.files, 'file')}`
        : `✓ valid: ${counts}${warnings ? ` (${plural(warnings, 'warning')})` : ''}`;
    reporter.info(line);
    if (urls)
        reporter.info(urlLine(urls));
    await reporter.summary([
        `### Image definitions: ${line}`,
        urls ? urlLine(urls) : '',
        problems.length ? summaryTable(problems) : '',
    ]
        .filter(Boolean)
        .join('\n\n'));
    return errors > 0 ? 1 : 0;
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


/***/ })

};
