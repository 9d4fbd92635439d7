/* The summary for a lawyer, built on the reader's device from the JSON island written by
 * hooks/lawyer_summary.py: the guide's answers (?path=), checklist ticks (?ticks=, or this browser's
 * saved ticks) and the facts the reader adds, in the reader's language and then in English.
 * Everything lives in the address and in local storage; nothing is sent anywhere. The dates are
 * lc-summary-dates.js, the printed sheet, the text and the calendar file lc-summary-sheet.js. */
(function () {
  "use strict";

  // Once the page is parsed, after Material's start-up (lc-page.js).
  (window.lcOnPage || function (setUp) { setUp(); })(function () {
    var root = document.querySelector("[data-lc-summary]");
    var island = document.getElementById("lc-sum-data");
    if (!root || !island) return;

    var dates = window.lcSummaryDates; // lc-summary-dates.js
    var paper = window.lcSummarySheet; // lc-summary-sheet.js
    var format = paper.format;
    var formatDate = dates.written;
    var data = JSON.parse(island.textContent);
    var halves = data.editions;
    var reader = halves[0];
    var FACTS = ["where", "seen", "posted", "up", "reach", "poster"];
    var STORAGE_KEY = "lc-summary";
    var CHECKLIST_PREFIX = "lc-checklist:";
    var inWeChat = /MicroMessenger/i.test(navigator.userAgent);

    var storage = {
      get: function (key) {
        try { return window.localStorage.getItem(key); } catch (error) { return null; }
      },
      set: function (key, value) {
        try { window.localStorage.setItem(key, value); } catch (error) { /* blocked or full: the address still has it */ }
      }
    };

    /* --- State: read from the address, else from storage; written back to both. --- */

    function hasEdge(chart, from, to) {
      var node = chart.nodes[from];
      return !!node && node.answers.some(function (answer) { return answer.target === to; });
    }

    function cleanPath(ids) {
      var chart = reader.flowchart;
      if (!chart || ids[0] !== chart.start) return [];
      var clean = [chart.start];
      for (var i = 1; i < ids.length && hasEdge(chart, clean[clean.length - 1], ids[i]); i++) clean.push(ids[i]);
      return clean.length > 1 ? clean : [];
    }

    function parseTicks(value) {
      var lists = {};
      String(value || "").split("~").forEach(function (part) {
        var split = part.indexOf(":");
        if (split < 1) return;
        lists[part.slice(0, split)] = part.slice(split + 1).split(".").filter(function (id) { return /^[a-z0-9-]+$/.test(id); });
      });
      return lists;
    }

    function savedTicks() {
      var lists = {};
      reader.checklists.forEach(function (list) {
        try {
          var saved = JSON.parse(storage.get(CHECKLIST_PREFIX + list.id) || "null");
          var done = saved && saved.v === 1 && saved.done ? Object.keys(saved.done).filter(function (id) { return saved.done[id] === true; }) : [];
          if (done.length) lists[list.id] = done;
        } catch (error) { /* corrupt: leave it out */ }
      });
      return lists;
    }

    function stateFrom(params) {
      var state = { path: cleanPath((params.get("path") || "").split(".")), ticks: parseTicks(params.get("ticks")), lists: [], facts: {} };
      (params.get("list") || "").split(".").forEach(function (id) { if (/^[a-z0-9-]+$/.test(id)) state.lists.push(id); });
      FACTS.forEach(function (name) {
        var value = params.get(name) || "";
        var isDate = name === "seen" || name === "posted";
        if (isDate ? dates.parse(value) : /^[a-z0-9-]+$/.test(value)) state.facts[name] = value;
      });
      return state;
    }

    function known(params) {
      return ["path", "ticks", "list"].concat(FACTS).some(function (name) { return params.has(name); });
    }

    function query(state) {
      var params = new URLSearchParams();
      if (state.path.length) params.set("path", state.path.join("."));
      var ticks = Object.keys(state.ticks).filter(function (id) { return state.ticks[id].length; })
        .map(function (id) { return id + ":" + state.ticks[id].join("."); });
      if (ticks.length) params.set("ticks", ticks.join("~"));
      if (state.lists.length) params.set("list", state.lists.join("."));
      FACTS.forEach(function (name) { if (state.facts[name]) params.set(name, state.facts[name]); });
      var text = params.toString();
      return text ? "?" + text : "";
    }

    var params = new URLSearchParams(window.location.search);
    if (!known(params)) params = new URLSearchParams(storage.get(STORAGE_KEY) || "");
    var state = stateFrom(params);
    // Ticks saved in this browser fill in the lists the address does not name.
    var saved = savedTicks();
    Object.keys(saved).forEach(function (id) { if (!(id in state.ticks)) state.ticks[id] = saved[id]; });

    function remember() {
      var text = query(state);
      window.history.replaceState(window.history.state, "", window.location.pathname + text);
      storage.set(STORAGE_KEY, text.slice(1));
    }

    /* --- The summary: one half per language, as plain data; lc-summary-sheet.js makes the sheet and the text. --- */

    function answersOf(half) {
      var chart = half.flowchart;
      var rows = [];
      for (var i = 0; i + 1 < state.path.length; i++) {
        var node = chart.nodes[state.path[i]];
        var answer = node && node.answers.filter(function (a) { return a.target === state.path[i + 1]; })[0];
        if (answer) rows.push({ sentence: answer.summary, detail: format(half.strings.summary_question_answer, { question: node.title, answer: answer.label }) });
      }
      return rows;
    }

    function outcomeOf(half) {
      var last = state.path[state.path.length - 1];
      var node = state.path.length && half.flowchart.nodes[last];
      return node && node.kind === "outcome" ? { title: node.title, sentence: node.summary, id: last } : null;
    }

    function factsOf(half) {
      var s = half.strings;
      var lines = [];
      var f = state.facts;
      if (f.where && s["summary_fact_where_" + f.where]) lines.push(s["summary_fact_where_" + f.where]);
      if (f.posted) lines.push(format(s.summary_fact_posted, { date: formatDate(dates.parse(f.posted), half.lang) }));
      if (f.seen) lines.push(format(s.summary_fact_seen, { date: formatDate(dates.parse(f.seen), half.lang) }));
      ["up", "reach", "poster"].forEach(function (name) {
        var text = f[name] && s["summary_fact_" + name + "_" + f[name]];
        if (text) lines.push(text);
      });
      return lines;
    }

    function datesOf(half) {
      var s = half.strings;
      var outcome = outcomeOf(half);
      if (outcome && data.noDates.indexOf(outcome.id) !== -1) return null;
      var seen = dates.parse(state.facts.seen);
      if (!seen) return { note: s.summary_dates_missing, items: [] };
      var today = dates.today();
      if (dates.compare(seen, today) > 0) return { note: s.summary_date_future, items: [] };
      var posted = dates.parse(state.facts.posted);
      var warning = posted && dates.compare(posted, seen) > 0 ? s.summary_date_order : "";
      var due = dates.deadlines(seen, posted && !warning ? posted : null);
      function item(key, date, values) {
        return {
          key: key,
          date: date,
          title: format(s["summary_date_" + key], { date: formatDate(date, half.lang) }),
          why: format(s["summary_date_" + key + "_why"], values || {}),
          passed: dates.compare(date, today) < 0 ? s.summary_date_passed : ""
        };
      }
      return {
        note: s.summary_dates_intro,
        warning: warning,
        items: [
          item("notice", due.notice),
          item("claim", due.claim),
          item("general", due.general, { date: formatDate(due.generalFrom, half.lang) })
        ]
      };
    }

    function checklistsOf(half) {
      var shown = half.checklists.filter(function (list) {
        return (state.ticks[list.id] || []).length || state.lists.indexOf(list.id) !== -1;
      });
      return shown.map(function (list) {
        var ticked = state.ticks[list.id] || [];
        return {
          title: list.title,
          done: list.items.filter(function (item) { return ticked.indexOf(item.id) !== -1; }).map(function (item) { return item.text; }),
          notDone: list.items.filter(function (item) { return ticked.indexOf(item.id) === -1; }).map(function (item) { return item.text; })
        };
      });
    }

    function halfOf(half) {
      var s = half.strings;
      return {
        lang: half.lang,
        strings: s,
        prepared: format(s.summary_prepared, { site: half.site }),
        preparedOn: format(s.summary_prepared_on, { date: formatDate(dates.today(), half.lang) }),
        answers: answersOf(half),
        outcome: outcomeOf(half),
        facts: factsOf(half),
        dates: datesOf(half),
        checklists: checklistsOf(half)
      };
    }

    /* --- The page --- */

    var form = root.querySelector("[data-lc-sum-form]");
    var sheet = root.querySelector("[data-lc-sum-sheet]");
    var status = root.querySelector("[data-lc-sum-status]");
    var shareBox = root.querySelector("[data-lc-sum-share]");
    var shareText = root.querySelector("[data-lc-sum-share-text]");
    var linkBox = root.querySelector("[data-lc-sum-link]");
    var calendarButton = root.querySelector("[data-lc-sum-calendar]");
    var summaries = [];

    function address() {
      return window.location.origin + window.location.pathname + query(state);
    }

    function render() {
      summaries = halves.map(halfOf);
      sheet.textContent = "";
      var empty = !state.path.length && !summaries[0].facts.length && !summaries[0].checklists.length;
      if (empty) {
        sheet.appendChild(paper.element("p", "lc-sum__nothing", reader.strings.summary_nothing));
      } else {
        summaries.forEach(function (summary) { sheet.appendChild(paper.sheet(summary, address())); });
      }
      linkBox.value = address();
      if (!empty) drawQr();
      var canDownload = !inWeChat && "download" in document.createElement("a");
      calendarButton.hidden = !canDownload || !paper.calendar(summaries[0], window.location.hostname);
    }

    function fillForm() {
      FACTS.forEach(function (name) {
        var value = state.facts[name] || "";
        Array.prototype.forEach.call(form.querySelectorAll("[name='" + name + "']"), function (input) {
          if (input.type === "radio") input.checked = input.value === value;
          else input.value = value;
        });
      });
    }

    form.addEventListener("change", function (event) {
      var input = event.target;
      if (!input.name || FACTS.indexOf(input.name) === -1) return;
      if (input.type === "date") {
        if (dates.parse(input.value)) state.facts[input.name] = input.value;
        else delete state.facts[input.name];
      } else if (input.checked) state.facts[input.name] = input.value;
      remember();
      render();
    });

    root.querySelector("[data-lc-sum-clear]").addEventListener("click", function () {
      state.facts = {};
      fillForm();
      remember();
      render();
    });

    function showStatus(text) { status.textContent = text; }

    /* The clipboard API needs a secure page and permission; where it fails (WeChat, plain http), the
     * text is put in a box the reader can select and copy by hand. */
    function copy(text) {
      shareText.value = text;
      function manually() {
        shareBox.hidden = false;
        shareText.focus();
        shareText.select();
        var copied = false;
        try { copied = document.execCommand("copy"); } catch (error) { copied = false; }
        showStatus(copied ? reader.strings.summary_copied : reader.strings.summary_copy_manual);
      }
      if (navigator.clipboard && window.isSecureContext) {
        navigator.clipboard.writeText(text).then(function () {
          shareBox.hidden = false;
          showStatus(reader.strings.summary_copied);
        }, manually);
      } else manually();
    }

    root.querySelector("[data-lc-sum-copy-text]").addEventListener("click", function () {
      copy(summaries.map(function (summary) { return paper.text(summary, address()); }).join("\n\n----------\n\n"));
    });
    root.querySelector("[data-lc-sum-copy-link]").addEventListener("click", function () { copy(address()); });
    /* The QR code of the summary's address on each printed half, drawn on this device by lean-qr (served
     * from this site and imported once). Without it the address is still printed as text. */
    var qrLibrary = null;
    function drawQr() {
      var source = root.getAttribute("data-lc-qr-src");
      if (!source) return Promise.resolve();
      qrLibrary = qrLibrary || import(new URL(source, document.baseURI).href).catch(function () { return null; });
      var text = address();
      return qrLibrary.then(function (library) {
        if (!library || text !== address()) return;
        var picture = library.generate(text).toDataURL({ scale: 4 });
        Array.prototype.forEach.call(sheet.querySelectorAll("[data-lc-sum-qr]"), function (image) {
          image.src = picture;
          image.hidden = false;
        });
      }).catch(function () { /* the printed address is enough */ });
    }

    root.querySelector("[data-lc-sum-print]").addEventListener("click", function () {
      drawQr().then(function () { window.print(); });
    });
    calendarButton.addEventListener("click", function () {
      var blob = new Blob([paper.calendar(summaries[0], window.location.hostname)], { type: "text/calendar" });
      var link = document.createElement("a");
      link.href = URL.createObjectURL(blob);
      link.download = "lawyer-dates.ics";
      document.body.appendChild(link);
      link.click();
      link.remove();
      setTimeout(function () { URL.revokeObjectURL(link.href); }, 0);
    });

    /* The form is in the built page, so on a slow phone a reader may fill it in before this script runs
     * (and going back, the browser puts earlier answers back). What the form holds now is the reader's
     * latest word: it is kept, not overwritten by the address or storage. */
    function takeEarlyInput() {
      Array.prototype.forEach.call(form.querySelectorAll("input[name]"), function (input) {
        if (FACTS.indexOf(input.name) === -1) return;
        if (input.type === "radio") { if (input.checked) state.facts[input.name] = input.value; }
        else if (dates.parse(input.value)) state.facts[input.name] = input.value;
      });
    }

    if (inWeChat) root.querySelector("[data-lc-sum-wechat]").hidden = false;
    takeEarlyInput();
    fillForm();
    remember();
    render();
    document.documentElement.classList.add("lc-sum-js");
    root.querySelector("[data-lc-sum-actions]").hidden = false;
  });
})();
