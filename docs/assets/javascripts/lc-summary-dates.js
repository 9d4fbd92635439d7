/* Dates for the summary for a lawyer (lc-lawyer-summary.js): plain {y, m, d} (month 1-12), computed in UTC so
 * that no time zone moves a day, and the limitation periods the summary lists. Pure functions; the page's bundle
 * has this file before lc-lawyer-summary.js, and the unit tests load it on its own (window.lcSummaryDates). */
(function () {
  "use strict";

  var dates = {
    parse: function (text) {
      var match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text || "");
      if (!match) return null;
      var date = { y: +match[1], m: +match[2], d: +match[3] };
      return date.m >= 1 && date.m <= 12 && date.d >= 1 && date.d <= dates.daysIn(date.y, date.m) ? date : null;
    },
    daysIn: function (year, month) {
      return new Date(Date.UTC(year, month, 0)).getUTCDate();
    },
    iso: function (date) {
      function pad(n, width) { return String(n).padStart(width, "0"); }
      return pad(date.y, 4) + "-" + pad(date.m, 2) + "-" + pad(date.d, 2);
    },
    addDays: function (date, days) {
      var moved = new Date(Date.UTC(date.y, date.m - 1, date.d + days));
      return { y: moved.getUTCFullYear(), m: moved.getUTCMonth() + 1, d: moved.getUTCDate() };
    },
    /* Same day of the month, months later; a day the month lacks (31 April, 29 February) becomes its last day. */
    addMonths: function (date, months) {
      var index = date.y * 12 + (date.m - 1) + months;
      var year = Math.floor(index / 12);
      var month = index - year * 12 + 1;
      return { y: year, m: month, d: Math.min(date.d, dates.daysIn(year, month)) };
    },
    compare: function (a, b) {
      return dates.iso(a) < dates.iso(b) ? -1 : dates.iso(a) > dates.iso(b) ? 1 : 0;
    },
    /* The early end of each period: the first day counts as day one, so a period of six weeks ends on
     * day 42 and a period of months ends the day before the same date. The two years run from the
     * earlier of the day it was posted and the day the reader learned of it. */
    deadlines: function (seen, posted) {
      var start = posted && dates.compare(posted, seen) < 0 ? posted : seen;
      return {
        notice: dates.addDays(seen, 41),
        claim: dates.addDays(dates.addMonths(seen, 3), -1),
        general: dates.addDays(dates.addMonths(start, 24), -1),
        generalFrom: start
      };
    },
    /* A date as the reader reads it: 2026年11月20日, or 20 November 2026. */
    written: function (date, lang) {
      if (lang.indexOf("zh") === 0) return date.y + "年" + date.m + "月" + date.d + "日";
      var months = ["January", "February", "March", "April", "May", "June", "July", "August", "September",
        "October", "November", "December"];
      return date.d + " " + months[date.m - 1] + " " + date.y;
    },
    today: function () {
      var now = new Date();
      return { y: now.getFullYear(), m: now.getMonth() + 1, d: now.getDate() };
    }
  };
  window.lcSummaryDates = dates;
})();
