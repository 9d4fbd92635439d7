/* Language switch that keeps the reader's place: the same page (static-i18n's per-page links),
 * the same section (#hash) and the same query (e.g. a flowchart path).
 * Runs in the capture phase so Material's own selector handler, built for version switching,
 * does not replace the link with a guess of its own. */
(function () {
  "use strict";

  function onClick(event) {
    var link = event.target instanceof Element ? event.target.closest("a.md-select__link[hreflang]") : null;
    if (!link || event.metaKey || event.ctrlKey || event.shiftKey || event.button !== 0) return;
    var target = new URL(link.href, window.location.href);
    if (!target.search) target.search = window.location.search;
    if (!target.hash) target.hash = window.location.hash;
    event.preventDefault();
    event.stopPropagation();
    window.location.assign(target.toString());
  }

  document.addEventListener("click", onClick, true);
})();
