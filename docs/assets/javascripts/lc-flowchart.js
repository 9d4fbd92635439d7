/* The "What should I do?" flowchart, one question at a time.
 * Reads the graph from the JSON island written by hooks/flowchart.py; the Markdown sections on the page
 * stay the no-JavaScript document, and their content is cloned (never parsed from strings) into the widget.
 * The path lives in the URL (?path=safety.about-you.seen), so reload, history and the language switch keep it. */
(function () {
  "use strict";

  // Once the page is parsed, after Material's start-up (lc-page.js).
  (window.lcOnPage || function (setUp) { setUp(); })(function () {
    var root = document.querySelector("[data-lc-flowchart]");
    var island = document.getElementById("lc-fc-data");
    if (!root || !island) return;

    var data = JSON.parse(island.textContent);
    var nodes = data.nodes;
    var strings = data.strings || {};
    var doc = document.querySelector("[data-lc-fc-doc]");
    var el = {
      live: root.querySelector("[data-lc-fc-live]"),
      step: root.querySelector("[data-lc-fc-step]"),
      heading: root.querySelector("[data-lc-fc-heading]"),
      body: root.querySelector("[data-lc-fc-body]"),
      answers: root.querySelector("[data-lc-fc-answers]"),
      back: root.querySelector("[data-lc-fc-back]"),
      restart: root.querySelector("[data-lc-fc-restart]"),
      summary: root.querySelector("[data-lc-fc-summary]"),
      summaryList: root.querySelector("[data-lc-fc-summary-list]")
    };
    var path = [data.start];
    // "Make a summary for your lawyer": the summary page, given the path to this outcome.
    var lawyer = root.querySelector("[data-lc-fc-lawyer]");
    var lawyerBase = lawyer ? lawyer.querySelector("a").getAttribute("href") : "";

    function format(template, values) {
      return String(template || "").replace(/\{(\w+)\}/g, function (match, key) {
        return key in values ? String(values[key]) : match;
      });
    }

    function hasEdge(from, to) {
      var node = nodes[from];
      return !!node && node.answers.some(function (answer) { return answer.target === to; });
    }

    /* The longest valid prefix of a dotted path; it always begins at the start node. */
    function cleanPath(ids) {
      var clean = [data.start];
      for (var i = 1; i < ids.length && ids[0] === data.start; i++) {
        if (!hasEdge(clean[clean.length - 1], ids[i])) break;
        clean.push(ids[i]);
      }
      return clean;
    }

    /* Shortest path from the start to a node, so an anchor (#norwich) opens the guide there. */
    function pathTo(target) {
      var previous = {};
      previous[data.start] = null;
      var queue = [data.start];
      while (queue.length) {
        var id = queue.shift();
        if (id === target) {
          var trail = [];
          for (var step = id; step !== null; step = previous[step]) trail.unshift(step);
          return trail;
        }
        nodes[id].answers.forEach(function (answer) {
          if (!(answer.target in previous)) {
            previous[answer.target] = id;
            queue.push(answer.target);
          }
        });
      }
      return null;
    }

    function pathFromLocation() {
      var param = new URLSearchParams(window.location.search).get("path");
      if (param) return cleanPath(param.split("."));
      var hash = decodeURIComponent(window.location.hash.slice(1));
      if (hash && Object.prototype.hasOwnProperty.call(nodes, hash)) return pathTo(hash) || [data.start];
      return [data.start];
    }

    function urlFor(ids) {
      var url = new URL(window.location.href);
      url.hash = "";
      if (ids.length > 1) url.searchParams.set("path", ids.join("."));
      else url.searchParams.delete("path");
      return url.pathname + url.search;
    }

    /* The rendered Markdown under a node's heading, up to the next section heading. */
    function sectionContent(id) {
      var heading = doc ? doc.querySelector("h2[id='" + id.replace(/'/g, "") + "']") : null;
      var parts = [];
      for (var next = heading && heading.nextElementSibling; next && next.tagName !== "H2"; next = next.nextElementSibling) {
        parts.push(next);
      }
      return parts;
    }

    function isAnswerList(element, node) {
      if (element.tagName !== "UL" || node.kind !== "question") return false;
      var links = element.querySelectorAll("a[href^='#']");
      var targets = node.answers.map(function (answer) { return "#" + answer.target; });
      return links.length === node.answers.length && Array.prototype.every.call(links, function (link) {
        return targets.indexOf(link.getAttribute("href")) !== -1;
      });
    }

    function cloneBody(id) {
      var node = nodes[id];
      var fragment = document.createDocumentFragment();
      sectionContent(id).forEach(function (part) {
        if (isAnswerList(part, node)) return;
        var copy = part.cloneNode(true);
        copy.removeAttribute("id");
        Array.prototype.forEach.call(copy.querySelectorAll("[id]"), function (child) { child.removeAttribute("id"); });
        fragment.appendChild(copy);
      });
      return fragment;
    }

    function button(label, className, onClick) {
      var item = document.createElement("button");
      item.type = "button";
      item.className = className;
      item.textContent = label;
      item.addEventListener("click", onClick);
      return item;
    }

    var lastPushed = null; // the path of the entry this page pushed last, and the path it was pushed from
    var pushedFrom = null;

    function go(ids, options) {
      var from = path ? path.join(".") : null;
      path = ids;
      var url = urlFor(ids);
      if (options.history === "push") {
        window.history.pushState({ lcFlowchart: ids, lcFrom: from }, "", url);
        lastPushed = ids;
        pushedFrom = from;
      }
      else if (options.history === "replace") window.history.replaceState({ lcFlowchart: ids }, "", url);
      render(options.focus);
    }

    function answerOf(from, to) {
      var found = nodes[from].answers.filter(function (answer) { return answer.target === to; });
      return found.length ? found[0].label : "";
    }

    function renderSummary() {
      el.summaryList.textContent = "";
      for (var i = 0; i < path.length - 1; i++) {
        var item = document.createElement("li");
        var question = document.createElement("span");
        question.className = "lc-fc__summary-question";
        question.textContent = nodes[path[i]].title;
        var answer = document.createElement("strong");
        answer.className = "lc-fc__summary-answer";
        answer.textContent = answerOf(path[i], path[i + 1]);
        item.appendChild(question);
        item.appendChild(document.createTextNode(" "));
        item.appendChild(answer);
        item.appendChild(document.createTextNode(" "));
        var change = button(strings.flowchart_change || "Change", "lc-fc__change", changeTo(i));
        change.setAttribute("aria-label", (strings.flowchart_change || "Change") + ": " + nodes[path[i]].title);
        item.appendChild(change);
        el.summaryList.appendChild(item);
      }
      el.summary.hidden = path.length < 2;
    }

    function changeTo(index) {
      return function () { go(path.slice(0, index + 1), { history: "push", focus: true }); };
    }

    function render(focus) {
      var id = path[path.length - 1];
      var node = nodes[id];
      var outcome = node.kind === "outcome";
      var questionNumber = path.length;
      root.setAttribute("data-lc-fc-node", id);
      root.classList.toggle("lc-fc--outcome", outcome);
      el.step.textContent = outcome ? strings.flowchart_result || "" : format(strings.flowchart_step, { n: questionNumber });
      el.heading.textContent = node.title;
      el.body.textContent = "";
      el.body.appendChild(cloneBody(id));
      el.answers.textContent = "";
      node.answers.forEach(function (answer) {
        el.answers.appendChild(button(answer.label, "lc-fc__answer", function () {
          go(path.concat([answer.target]), { history: "push", focus: true });
        }));
      });
      el.answers.hidden = outcome;
      el.back.hidden = path.length < 2;
      el.restart.hidden = path.length < 2;
      if (printButton) printButton.hidden = !outcome;
      if (lawyer) {
        lawyer.hidden = !outcome;
        lawyer.querySelector("a").href = lawyerBase + "?path=" + path.join(".");
      }
      renderSummary();
      el.live.textContent = outcome
        ? format(strings.flowchart_announce_outcome, { title: node.title })
        : format(strings.flowchart_announce_question, { n: questionNumber, title: node.title });
      if (focus) el.heading.focus();
    }

    // Back steps back through history when the previous entry is the previous question, so the phone's own
    // back gesture and this button agree; a path opened from a link has no such entry, so it is replaced.
    el.back.addEventListener("click", function () {
      if (path.length < 2) return;
      var previous = path.slice(0, -1);
      if (lastPushed && lastPushed.join(".") === path.join(".") && pushedFrom === previous.join(".")) {
        window.history.back();
      } else {
        go(previous, { history: "replace", focus: true });
      }
    });
    // "Print my result": the answers, the outcome and the address that reopens it, on one sheet.
    var sheet = document.querySelector("[data-lc-fc-result-print]");
    var printButton = root.querySelector("[data-lc-fc-print-result]");
    function printResult() {
      var id = path[path.length - 1];
      sheet.querySelector("[data-lc-fc-result-title]").textContent = nodes[id].title;
      var body = sheet.querySelector("[data-lc-fc-result-body]");
      body.textContent = "";
      body.appendChild(cloneBody(id));
      var answers = sheet.querySelector("[data-lc-fc-result-answers]");
      answers.textContent = "";
      for (var i = 0; i < path.length - 1; i++) {
        var item = document.createElement("li");
        item.textContent = nodes[path[i]].title + " — " + answerOf(path[i], path[i + 1]);
        answers.appendChild(item);
      }
      sheet.querySelector("[data-lc-fc-result-address]").textContent = window.location.href;
      document.documentElement.classList.add("lc-print-result");
      window.addEventListener("afterprint", function done() {
        window.removeEventListener("afterprint", done);
        document.documentElement.classList.remove("lc-print-result");
      });
      drawQr(window.location.href).then(function () { window.print(); });
    }

    /* A QR code of the address that reopens this result, drawn on this device by lean-qr (served from this
     * site, imported only when printing). Without it the printed address is still there as text. */
    var qrLibrary = null;
    function drawQr(text) {
      var source = sheet.getAttribute("data-lc-qr-src");
      if (!source) return Promise.resolve();
      qrLibrary = qrLibrary || import(new URL(source, document.baseURI).href).catch(function () { return null; });
      return qrLibrary.then(function (library) {
        if (!library) return;
        var image = sheet.querySelector("[data-lc-fc-result-qr]");
        if (!image) {
          image = document.createElement("img");
          image.className = "lc-qr";
          image.alt = "";
          image.setAttribute("data-lc-fc-result-qr", "");
          sheet.querySelector("[data-lc-fc-result-address]").parentNode.appendChild(image);
        }
        image.src = library.generate(text).toDataURL({ scale: 4 });
      }).catch(function () { /* the printed address is enough */ });
    }
    if (printButton && sheet) printButton.addEventListener("click", printResult);
    if (/MicroMessenger/i.test(navigator.userAgent)) root.querySelector("[data-lc-fc-wechat]").hidden = false;

    el.restart.addEventListener("click", function () {
      go([data.start], { history: "push", focus: true });
    });

    window.addEventListener("popstate", function (event) {
      path = pathFromLocation();
      var state = event.state || {};
      lastPushed = state.lcFrom != null ? path : null;
      pushedFrom = state.lcFrom != null ? state.lcFrom : null;
      render(true);
    });

    /* Links to a node (the overview, or an anchor from another page) open the guide at that node. */
    function openNode(id) {
      var trail = pathTo(id);
      if (!trail) return false;
      go(trail, { history: "push", focus: true });
      root.scrollIntoView({ block: "start" });
      return true;
    }

    document.addEventListener("click", function (event) {
      var link = event.target instanceof Element ? event.target.closest("a[href^='#']") : null;
      if (!link || event.metaKey || event.ctrlKey || event.shiftKey || event.button !== 0) return;
      var id = decodeURIComponent(link.getAttribute("href").slice(1));
      if (Object.prototype.hasOwnProperty.call(nodes, id) && openNode(id)) event.preventDefault();
    });

    document.documentElement.classList.add("lc-fc-js");
    root.hidden = false;
    path = pathFromLocation();
    window.history.replaceState({ lcFlowchart: path }, "", urlFor(path));
    render(false);
  });
})();
