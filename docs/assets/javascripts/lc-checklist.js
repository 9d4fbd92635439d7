/* Checklists: ticks kept in this browser only, keyed by checklist id and item id (never by text or
 * position), so they survive reloads, rewording, reordering and switching language. If storage is
 * missing, full or corrupt, the checklist still works for this visit and nothing throws. */
(function () {
  "use strict";

  var VERSION = 1;
  var PREFIX = "lc-checklist:";
  var memory = {}; // used when localStorage is unavailable

  var store = {
    usable: (function () {
      try {
        var probe = PREFIX + "probe";
        window.localStorage.setItem(probe, "1");
        window.localStorage.removeItem(probe);
        return true;
      } catch (error) {
        return false;
      }
    })(),
    read: function (listId) {
      var raw = null;
      try {
        raw = this.usable ? window.localStorage.getItem(PREFIX + listId) : memory[listId];
      } catch (error) {
        raw = memory[listId];
      }
      try {
        var data = raw ? JSON.parse(raw) : null;
        if (data && data.v === VERSION && data.done && typeof data.done === "object") return data.done;
      } catch (error) {
        /* corrupt: start again rather than fail */
      }
      return {};
    },
    write: function (listId, done) {
      var raw = JSON.stringify({ v: VERSION, done: done });
      memory[listId] = raw;
      if (!this.usable) return false;
      try {
        window.localStorage.setItem(PREFIX + listId, raw);
        return true;
      } catch (error) {
        return false; // full or blocked: keep the visit's ticks in memory
      }
    },
    clear: function (listId) {
      delete memory[listId];
      try {
        if (this.usable) window.localStorage.removeItem(PREFIX + listId);
      } catch (error) {
        /* nothing stored to clear */
      }
    }
  };

  function boxes(list) {
    return Array.prototype.slice.call(list.querySelectorAll("input.lc-checklist__box[data-lc-item]"));
  }

  function showProgress(list) {
    var all = boxes(list);
    var done = all.filter(function (box) { return box.checked; }).length;
    var text = (list.getAttribute("data-lc-progress") || "{done}/{total}")
      .replace("{done}", String(done))
      .replace("{total}", String(all.length));
    list.querySelector(".lc-checklist__progress").textContent = text;
    updateLawyerLink(list);
  }

  // "Make a summary for your lawyer" carries this list's ticks, so they arrive even if storage is blocked.
  function updateLawyerLink(list) {
    var link = list.querySelector("[data-lc-lawyer-link]");
    if (!link) return;
    var id = list.getAttribute("data-lc-checklist");
    var done = boxes(list).filter(function (box) { return box.checked; }).map(function (box) {
      return box.getAttribute("data-lc-item");
    });
    link.href = link.getAttribute("data-lc-base") + "?list=" + id + (done.length ? "&ticks=" + id + ":" + done.join(".") : "");
  }

  function restore(list) {
    var done = store.read(list.getAttribute("data-lc-checklist"));
    boxes(list).forEach(function (box) {
      box.checked = done[box.getAttribute("data-lc-item")] === true;
    });
    showProgress(list);
  }

  function save(list) {
    var done = {};
    boxes(list).forEach(function (box) {
      if (box.checked) done[box.getAttribute("data-lc-item")] = true;
    });
    var saved = store.write(list.getAttribute("data-lc-checklist"), done);
    warnUnsaved(list, !saved);
  }

  function warnUnsaved(list, show) {
    var note = list.querySelector(".lc-checklist__unsaved");
    if (show && !note) {
      note = document.createElement("p");
      note.className = "lc-checklist__unsaved";
      note.setAttribute("role", "status");
      note.textContent = list.getAttribute("data-lc-unsaved");
      list.querySelector(".lc-checklist__controls").appendChild(note);
    }
    if (note) note.hidden = !show;
  }

  function printList(list, blank) {
    var root = document.documentElement;
    var language = { zh: "zh-CN", "zh-Hant": "zh-HK" }[root.lang] || "en-CA";
    list.querySelector(".lc-checklist__printed").textContent = new Date().toLocaleDateString(language, {
      year: "numeric", month: "long", day: "numeric"
    });
    list.classList.add("lc-checklist--printing");
    root.classList.add("lc-print-checklist");
    root.classList.toggle("lc-print-blank", blank);
    window.addEventListener("afterprint", function done() {
      window.removeEventListener("afterprint", done);
      list.classList.remove("lc-checklist--printing");
      root.classList.remove("lc-print-checklist", "lc-print-blank");
    });
    window.print();
  }

  // Ticks also travel in the address, so a list can be reopened on another device or after WeChat has
  // wiped storage: ?ticks=<list>:<item>.<item>~<list>:<item> (ids are [a-z0-9-], so these marks are free).
  var TICKS = "ticks";

  function ticksFromLocation() {
    var lists = {};
    var value = new URLSearchParams(window.location.search).get(TICKS) || "";
    value.split("~").forEach(function (part) {
      var split = part.indexOf(":");
      if (split < 1) return;
      var done = {};
      part.slice(split + 1).split(".").forEach(function (item) {
        if (/^[a-z0-9-]+$/.test(item)) done[item] = true;
      });
      lists[part.slice(0, split)] = done;
    });
    return lists;
  }

  function linkFor(list) {
    var done = boxes(list)
      .filter(function (box) { return box.checked; })
      .map(function (box) { return box.getAttribute("data-lc-item"); });
    var url = new URL(window.location.href);
    url.searchParams.set(TICKS, list.getAttribute("data-lc-checklist") + ":" + done.join("."));
    url.hash = list.id;
    return url.toString();
  }

  function listAsText(list) {
    var heading = list.querySelector("h2, h3, h4");
    var lines = [heading ? heading.textContent.replace(/\u00b6/g, "").trim() : ""];
    boxes(list).forEach(function (box) {
      var label = box.closest("label");
      lines.push((box.checked ? "☑ " : "☐ ") + (label ? label.textContent.trim() : ""));
    });
    lines.push("", linkFor(list));
    return lines.join("\n");
  }

  // Offer text to copy: the clipboard where the browser allows it, and always a box to select from
  // (WeChat's browser often refuses the clipboard).
  function share(list, text, note) {
    var box = list.querySelector(".lc-checklist__share");
    var area = list.querySelector(".lc-checklist__share-text");
    var status = list.querySelector(".lc-checklist__share-status");
    area.value = text;
    box.hidden = false;
    status.textContent = note || "";
    area.focus();
    area.select();
    if (navigator.clipboard && navigator.clipboard.writeText) {
      navigator.clipboard.writeText(text).then(
        function () { status.textContent = (note ? note + " " : "") + list.getAttribute("data-lc-copied"); },
        function () { /* not allowed here: the reader copies from the box */ }
      );
    }
  }

  function setUp(list) {
    if (list.hasAttribute("data-lc-ready")) return;
    list.setAttribute("data-lc-ready", "");
    list.querySelector(".lc-checklist__controls").hidden = false;
    // A box ticked before this script ran (a slow phone) is the reader's latest word: kept, and saved.
    var early = boxes(list).filter(function (box) { return box.checked; });
    var fromLink = ticksFromLocation()[list.getAttribute("data-lc-checklist")];
    if (fromLink) store.write(list.getAttribute("data-lc-checklist"), fromLink);
    restore(list);
    if (early.length) {
      early.forEach(function (box) { box.checked = true; });
      save(list);
      showProgress(list);
    }
    if (/MicroMessenger/i.test(navigator.userAgent)) list.querySelector(".lc-checklist__wechat").hidden = false;
    list.querySelector(".lc-checklist__copy").addEventListener("click", function () {
      share(list, listAsText(list));
    });
    list.querySelector(".lc-checklist__link").addEventListener("click", function () {
      share(list, linkFor(list), list.getAttribute("data-lc-link-note"));
    });
    warnUnsaved(list, !store.usable);
    list.addEventListener("change", function (event) {
      if (!event.target.matches("input.lc-checklist__box")) return;
      save(list);
      showProgress(list);
    });
    list.querySelector(".lc-checklist__clear").addEventListener("click", function () {
      if (!window.confirm(list.getAttribute("data-lc-confirm"))) return;
      store.clear(list.getAttribute("data-lc-checklist"));
      restore(list);
    });
    list.querySelector(".lc-checklist__print").addEventListener("click", function () { printList(list, false); });
    list.querySelector(".lc-checklist__print-blank").addEventListener("click", function () { printList(list, true); });
  }

  function setUpAll() {
    document.querySelectorAll(".lc-checklist[data-lc-checklist]").forEach(setUp);
  }

  // Another tab ticked something: show it here too.
  window.addEventListener("storage", function (event) {
    if (!event.key || event.key.indexOf(PREFIX) !== 0) return;
    document.querySelectorAll(".lc-checklist[data-lc-ready]").forEach(restore);
  });

  // Coming back with the Back button can show a cached copy of the page: show the stored ticks.
  window.addEventListener("pageshow", function (event) {
    if (event.persisted) document.querySelectorAll(".lc-checklist[data-lc-ready]").forEach(restore);
  });

  // Once the page is parsed, after Material's start-up, and on every page Material shows (lc-page.js).
  (window.lcOnPage || function (setUp) { setUp(); })(setUpAll);
})();
