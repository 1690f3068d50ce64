export const id = 664;
export const ids = [664];
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

/***/ 9664:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   listCommand: () => (/* binding */ listCommand)
/* harmony export */ });
/* harmony import */ var _natural_sort_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(8775);
/* harmony import */ var _cloud_connect_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(5283);
/* harmony import */ var _cloud_observe_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(8733);
// `list`: the managed images of a cloud, as operators want to see them.



async function listCommand(options, reporter) {
    const glance = await (0,_cloud_connect_js__WEBPACK_IMPORTED_MODULE_0__/* .connect */ .N)(options, reporter);
    const images = (await (0,_cloud_observe_js__WEBPACK_IMPORTED_MODULE_1__/* .observeManagedImages */ .W)(glance, options.tag)).sort((a, b) => (0,_natural_sort_js__WEBPACK_IMPORTED_MODULE_2__/* .naturalCompare */ .p)(a.name, b.name));
    const rows = [
        ['NAME', 'VERSION', 'STATUS', 'VISIBILITY', 'MIN_DISK', 'ID'],
        ...images.map((i) => [
            i.name,
            i.properties.internal_version ?? '',
            i.status,
            `${i.visibility}${i.os_hidden ? ' (hidden)' : ''}`,
            String(i.min_disk),
            i.id,
        ]),
    ];
    const widths = rows[0]?.map((_, c) => Math.max(...rows.map((r) => (r[c] ?? '').length))) ?? [];
    for (const row of rows)
        reporter.info(row
            .map((cell, c) => cell.padEnd(widths[c] ?? 0))
            .join('  ')
            .trimEnd());
    reporter.info(`${images.length} managed image(s) with tag '${options.tag}'.`);
    return 0;
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
