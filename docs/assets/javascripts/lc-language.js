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

  // On an English page, a reader whose browser prefers Chinese is offered their edition, in its script:
  // zh-TW, zh-HK, zh-MO and zh-Hant → 繁體中文; any other Chinese → 简体中文. Never a redirect.
  var DISMISSED = "lc-language-offer-dismissed";

  function preferredEdition(languages) {
    for (var i = 0; i < languages.length; i++) {
      var tag = String(languages[i]).toLowerCase();
      if (tag === "en" || tag.indexOf("en-") === 0) return null; // English comes first: nothing to offer
      if (tag === "zh" || tag.indexOf("zh-") === 0) {
        return /^zh-(tw|hk|mo|hant)\b/.test(tag) ? "zh-Hant" : "zh";
      }
    }
    return null;
  }

  function dismissed() {
    try {
      return window.localStorage.getItem(DISMISSED) === "1";
    } catch (error) {
      return false;
    }
  }

  function offerEdition() {
    var box = document.querySelector("[data-lc-language-suggestion]");
    if (!box || dismissed()) return;
    var edition = preferredEdition(navigator.languages || [navigator.language || ""]);
    var offer = edition && box.querySelector('[data-lc-offer="' + edition + '"]');
    var target = edition && document.querySelector('a.md-select__link[hreflang="' + edition + '"]');
    if (!offer || !target) return;
    var link = offer.querySelector("a");
    link.href = target.href;
    offer.hidden = false;
    box.hidden = false;
    offer.querySelector("button").addEventListener("click", function () {
      box.hidden = true;
      try {
        window.localStorage.setItem(DISMISSED, "1");
      } catch (error) {
        // storage blocked: the offer is gone for this page only
      }
    });
  }

  (window.lcOnPage || function (setUp) { setUp(); })(offerEdition); // lc-page.js
})();
