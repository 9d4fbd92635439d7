/* The summary for a lawyer on paper, as text and as a calendar file, from the plain data lc-lawyer-summary.js
 * makes of each language's half (halfOf): no state, no storage, no listeners. The page's bundle has this file
 * after lc-summary-dates.js and before lc-lawyer-summary.js, which uses it as window.lcSummarySheet. */
(function () {
  "use strict";

  var dates = window.lcSummaryDates;

  function format(template, values) {
    return String(template || "").replace(/\{(\w+)\}/g, function (match, key) {
      return key in values ? String(values[key]) : match;
    });
  }

  function element(tag, className, text) {
    var node = document.createElement(tag);
    if (className) node.className = className;
    if (text != null) node.textContent = text;
    return node;
  }

  function list(items, render) {
    var ul = element("ul");
    items.forEach(function (item) { ul.appendChild(render(item)); });
    return ul;
  }

  function renderHalf(summary, address) {
    var s = summary.strings;
    var section = element("section", "lc-sum__half");
    section.lang = summary.lang;
    section.appendChild(element("h2", "lc-sum__title", s.summary_sheet_title));
    section.appendChild(element("p", "lc-sum__prepared", summary.prepared + " " + summary.preparedOn));
    section.appendChild(element("h3", null, s.summary_answers_title));
    if (summary.answers.length) {
      section.appendChild(list(summary.answers, function (row) {
        var li = element("li", null, row.sentence);
        li.appendChild(element("span", "lc-sum__detail", row.detail));
        return li;
      }));
    } else section.appendChild(element("p", null, s.summary_no_guide));
    if (summary.outcome) {
      section.appendChild(element("h3", null, s.summary_outcome_title));
      section.appendChild(element("p", null, summary.outcome.sentence));
    }
    section.appendChild(element("h3", null, s.summary_facts_added_title));
    if (summary.facts.length) section.appendChild(list(summary.facts, function (line) { return element("li", null, line); }));
    else section.appendChild(element("p", null, s.summary_no_facts));
    if (summary.dates) {
      section.appendChild(element("h3", null, s.summary_dates_title));
      section.appendChild(element("p", "lc-sum__note", summary.dates.note));
      if (summary.dates.warning) section.appendChild(element("p", "lc-sum__warning", summary.dates.warning));
      var dl = element("dl", "lc-sum__deadlines");
      summary.dates.items.forEach(function (item) {
        dl.appendChild(element("dt", null, item.title));
        var dd = element("dd", null, item.why);
        if (item.passed) dd.appendChild(element("strong", "lc-sum__passed", " " + item.passed));
        dl.appendChild(dd);
      });
      if (summary.dates.items.length) section.appendChild(dl);
    }
    section.appendChild(element("h3", null, s.summary_checklists_title));
    if (summary.checklists.length) {
      summary.checklists.forEach(function (checklist) {
        section.appendChild(element("h4", null, checklist.title));
        if (checklist.done.length) {
          section.appendChild(element("p", "lc-sum__label", s.summary_done));
          section.appendChild(list(checklist.done, function (text) { return element("li", "lc-sum__done", text); }));
        }
        if (checklist.notDone.length) {
          section.appendChild(element("p", "lc-sum__label", s.summary_not_done));
          section.appendChild(list(checklist.notDone, function (text) { return element("li", "lc-sum__not-done", text); }));
        }
      });
    } else section.appendChild(element("p", null, s.summary_no_checklists));
    var footer = element("div", "lc-sum__footer");
    footer.appendChild(element("p", "lc-sum__address", format(s.summary_address, { url: address })));
    var image = element("img", "lc-qr");
    image.alt = "";
    image.width = image.height = 96;
    image.hidden = true;
    image.setAttribute("data-lc-sum-qr", "");
    footer.appendChild(image);
    section.appendChild(footer);
    return section;
  }

  function textOf(summary, address) {
    var s = summary.strings;
    var lines = [s.summary_sheet_title, summary.prepared + " " + summary.preparedOn, "", s.summary_answers_title];
    if (summary.answers.length) summary.answers.forEach(function (row) { lines.push("- " + row.sentence); });
    else lines.push(s.summary_no_guide);
    if (summary.outcome) lines.push("", s.summary_outcome_title, summary.outcome.sentence);
    lines.push("", s.summary_facts_added_title);
    if (summary.facts.length) summary.facts.forEach(function (line) { lines.push("- " + line); });
    else lines.push(s.summary_no_facts);
    if (summary.dates) {
      lines.push("", s.summary_dates_title, summary.dates.note);
      if (summary.dates.warning) lines.push(summary.dates.warning);
      summary.dates.items.forEach(function (item) {
        lines.push("- " + item.title, "  " + item.why + (item.passed ? " " + item.passed : ""));
      });
    }
    lines.push("", s.summary_checklists_title);
    if (!summary.checklists.length) lines.push(s.summary_no_checklists);
    summary.checklists.forEach(function (checklist) {
      lines.push(checklist.title);
      checklist.done.forEach(function (text) { lines.push("[x] " + text); });
      checklist.notDone.forEach(function (text) { lines.push("[ ] " + text); });
    });
    lines.push("", format(s.summary_address, { url: address }));
    return lines.join("\n");
  }

  function icsOf(summary, host) {
    if (!summary.dates || !summary.dates.items.length) return "";
    var s = summary.strings;
    function escape(text) { return String(text).replace(/[\\;,]/g, "\\$&").replace(/\n/g, "\\n"); }
    var stamp = new Date().toISOString().replace(/[-:]/g, "").replace(/\.\d+/, "");
    var lines = ["BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:-//lc//summary//EN", "CALSCALE:GREGORIAN"];
    summary.dates.items.forEach(function (item) {
      if (item.passed) return;
      var day = dates.iso(item.date).replace(/-/g, "");
      lines.push("BEGIN:VEVENT", "UID:" + item.key + "-" + day + "-" + stamp + "@" + host, "DTSTAMP:" + stamp,
        "DTSTART;VALUE=DATE:" + day, "SUMMARY:" + escape(format(s.summary_calendar_event, { title: item.title })),
        "DESCRIPTION:" + escape(item.why), "BEGIN:VALARM", "ACTION:DISPLAY", "TRIGGER:-P14D",
        "DESCRIPTION:" + escape(item.title), "END:VALARM", "END:VEVENT");
    });
    lines.push("END:VCALENDAR");
    return lines.join("\r\n") + "\r\n";
  }

  window.lcSummarySheet = { format: format, element: element, sheet: renderHalf, text: textOf, calendar: icsOf };
})();
