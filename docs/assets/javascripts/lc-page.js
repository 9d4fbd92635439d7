/* When our page modules start. All our scripts arrive as one bundle (hooks/page_assets.py), placed before
 * Material's own script (overrides/main.html) because the search module must take the search box over
 * before Material starts (lc-search.js). The other modules do not need to run that early, and should not:
 * they start through lcOnPage, once the page is parsed and after Material's own start-up, as they did when
 * they came after Material's script. Material's page lifecycle (document$, which exists once its script has
 * run) tells them of every page it shows: the first, and each later one should instant navigation ever be
 * enabled (it is not: mkdocs.yml, contrib/performance.md). Without Material's script they start at
 * DOMContentLoaded. A module that throws does not stop the others; its error is reported as before. */
(function () {
  "use strict";

  function run(setUp) {
    try {
      setUp();
    } catch (error) {
      window.setTimeout(function () {
        throw error;
      }, 0);
    }
  }

  function follow(setUp) {
    var lifecycle = window.document$;
    if (lifecycle && typeof lifecycle.subscribe === "function") {
      lifecycle.subscribe(function () {
        run(setUp);
      });
    } else {
      run(setUp);
    }
  }

  window.lcOnPage = function (setUp) {
    if (document.readyState === "loading") {
      document.addEventListener("DOMContentLoaded", function () {
        follow(setUp);
      }, { once: true });
    } else {
      follow(setUp);
    }
  };
})();
