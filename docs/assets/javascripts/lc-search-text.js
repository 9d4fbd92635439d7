/* What a reader sees of a result: Pagefind's excerpts and section titles turned back into readable Chinese.
 * Pure functions, no page and no network; imported by lc-search.js with Pagefind's loader, tested by importing
 * it in Chromium (tests/test_search_browser.py). */

// Chinese text and the marks that sit inside it (including “” ‘’), between which no space is shown.
var CJK = /[\u2018-\u201f\u2e80-\u9fff\uf900-\ufaff\uff00-\uffef]/;
var SPELLED = /zq((?:[0-9a-f]{4})+)/g; // a Chinese word as the index spells it (lc-search-rank.js, spell)
var MARK_START = "\u0001";
var MARK_END = "\u0002";

// zq8bfd8c24 → 诽谤.
export function unspell(value) {
  return value.replace(SPELLED, function (_, hex) {
    var out = "";
    for (var i = 0; i < hex.length; i += 4) out += String.fromCharCode(parseInt(hex.slice(i, i + 4), 16));
    return out;
  });
}

// A generated Traditional edition: excerpts come back folded to Simplified and are shown in Traditional
// (lc-unfold.json, character by character); without a table the text is left as it is.
export function unfold(value, table) {
  if (!table) return value;
  return Array.from(value, function (ch) {
    return table.get(ch) || ch;
  }).join("");
}

// The index keeps Chinese words apart with spaces; a reader should not see them. The highlight marks
// (\u0001, \u0002) are looked through.
export function closeUp(value) {
  var chars = Array.from(value);
  var out = "";
  for (var i = 0; i < chars.length; i++) {
    if (chars[i] !== " ") {
      out += chars[i];
      continue;
    }
    var before = out.replace(/[\u0001\u0002]+$/, "").slice(-1);
    var j = i + 1;
    while (j < chars.length && /[ \u0001\u0002]/.test(chars[j])) j++;
    if (!(CJK.test(before) && CJK.test(chars[j] || ""))) out += " ";
  }
  return out;
}

// Reader words (hooks/search_reader_words.py) are indexed, never shown: the index puts lcrwa before them, lcrwm
// after every eight and lcrwz after them (search_pages.reader_html), so that an excerpt that begins or ends
// among them still tells which side of each mark they are on.
export function withoutReaderWords(flat) {
  var parts = flat.split(/\s*\blcrw([amz])\b\.?\s*/);
  var kept = [];
  for (var i = 0; i < parts.length; i += 2) {
    var reader = i > 0 ? parts[i - 1] !== "z" : i + 1 < parts.length && parts[i + 1] !== "a";
    if (!reader && parts[i]) kept.push(parts[i]);
  }
  return kept.join(" ");
}

// Pagefind's excerpt, as the text of its nodes ({text, mark: is it a <mark>}), made readable: Chinese words
// unspelled and unfolded, reader words left out, no spaces inside Chinese, and the Latin full stop that
// Pagefind puts between a heading and its text read right after Chinese: a 。, or nothing after Chinese
// punctuation. The same shape comes back.
export function excerptParts(parts, unfolded) {
  var flat = parts
    .map(function (part) {
      var shown = unfold(unspell(part.text), unfolded);
      return part.mark ? MARK_START + shown + MARK_END : shown;
    })
    .join("");
  flat = withoutReaderWords(flat)
    .replace(/\.(\u0002)/g, "$1.") // a full stop never belongs inside a highlighted word
    .replace(/([\u3000-\u303f\uff00-\uffef])(\u0002?)\.(?=\s|$)/g, "$1$2")
    .replace(/([\u3400-\u9fff])(\u0002?)\.(?=\s|$)/g, "$1$2。");
  return closeUp(flat)
    .split(/(\u0001[^\u0002]*\u0002)/)
    .filter(Boolean)
    .map(function (part) {
      var mark = part.charAt(0) === MARK_START;
      return { text: mark ? part.slice(1, -1) : part, mark: mark };
    });
}

// A section's title as Pagefind keeps it, for the line under a result's page title.
export function sectionTitle(title, unfolded) {
  return closeUp(unfold(unspell(title), unfolded));
}
