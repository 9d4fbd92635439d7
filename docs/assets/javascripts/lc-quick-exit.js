/* Quick exit. The "Leave this site quickly" link, or Esc pressed twice within 1.5 seconds, replaces this page
 * with a neutral site. location.replace puts the neutral site in this page's place in the tab's history, so
 * Back does not come here; the page is hidden at once, and its history entry is first pointed at the site's
 * home page without query or fragment (a flowchart path or a section name can say what the reader was
 * reading), in case leaving is slow or fails. Pages of this site visited earlier in the same tab stay in its
 * history: no browser lets a page remove them (the About page says so). Without JavaScript the link simply
 * goes to the neutral site. Stores nothing. */
(function () {
  "use strict";

  var link = document.querySelector("a[data-lc-quick-exit]");
  if (!link) return;
  var WINDOW_MS = 1500;
  var lastEscape = 0;
  var leaving = false;

  function homeAddress() {
    var logo = document.querySelector("a.md-logo");
    var home = new URL(logo ? logo.href : window.location.href, window.location.href);
    home.search = "";
    home.hash = "";
    return home.origin === window.location.origin ? home.href : null;
  }

  function leave() {
    if (leaving) return;
    leaving = true;
    document.documentElement.style.visibility = "hidden";
    try {
      var home = homeAddress();
      if (home) window.history.replaceState(null, "", home);
    } catch (error) {
      // A browser that refuses replaceState still leaves below.
    }
    window.location.replace(link.href);
  }

  link.addEventListener("click", function (event) {
    if (event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
    event.preventDefault();
    leave();
  });

  document.addEventListener(
    "keydown",
    function (event) {
      if (event.key !== "Escape" || event.altKey || event.ctrlKey || event.metaKey || event.shiftKey) {
        lastEscape = 0;
        return;
      }
      if (event.repeat) return;
      var now = Date.now();
      if (lastEscape && now - lastEscape <= WINDOW_MS) {
        leave();
      } else {
        lastEscape = now;
      }
    },
    true
  );
})();
