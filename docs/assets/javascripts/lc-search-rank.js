/* What a query searches and how the pages it finds are ranked: pure functions, no page and no network.
 * Imported by lc-search.js with Pagefind's loader when the reader opens the search box; tested by importing
 * it in Chromium (tests/test_search_browser.py). The design and its measurements: contrib/search.md. */

var HAN = /[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]/;
var LONGEST_WORD = 8; // characters of a Hong Kong or Taiwan word (lc-phrases.json)
var LONGEST_PHRASE = 4; // words of an English phrase in lc-english.json

export function hasChinese(text) {
  return HAN.test(text);
}

// A query in runs of Chinese and runs of anything else: "lawyer 贵不贵" → ["lawyer ", "贵不贵"].
var HAN_RUNS = /[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]+|[^\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]+/g;
export function runsOf(text) {
  return text.match(HAN_RUNS) || [];
}

// Traditional characters to Simplified (chars), then Hong Kong and Taiwan words to the pages' words
// (phrases: 軟體 → 软体 → 软件, Cantonese 搵 → 找; hooks/search_phrases.py), the longest word first, as
// search_phrases.query_fold does for the build's checks.
export function fold(query, chinese) {
  var chars = Array.from(query, function (ch) {
    return chinese.chars.get(ch) || ch;
  });
  var out = "";
  for (var i = 0; i < chars.length; ) {
    for (var n = Math.min(LONGEST_WORD, chars.length - i); n > 0; n--) {
      var word = chinese.phrases.get(chars.slice(i, i + n).join(""));
      if (word) break;
    }
    out += n > 0 ? word : chars[i];
    i += Math.max(n, 1);
  }
  return out;
}

// The query with the Chinese words of its English words and phrases (lc-english.json: up to four words, the
// longest first; a plural -s looked up without it) after it; the English words stay, as a page may have them.
export function withChinese(query, english) {
  var tokens = query.match(/[a-z0-9]+(?:['-][a-z0-9]+)*/g) || [];
  var added = [];
  for (var i = 0; i < tokens.length; ) {
    for (var n = Math.min(LONGEST_PHRASE, tokens.length - i); n > 0; n--) {
      var phrase = tokens.slice(i, i + n).join(" ");
      var chinese = english.get(phrase) || (/[^s]s$/.test(phrase) && english.get(phrase.slice(0, -1)));
      if (chinese) break;
    }
    if (chinese) added.push(chinese);
    i += Math.max(n, 1);
  }
  return added.length ? query + " " + added.join(" ") : query;
}

// The index spells each Chinese word in ASCII (hooks/search_pages.py, spell_han): 诽谤 → zq8bfd8c24; a whole
// reader phrase with a mark of its own (spell_phrase), so that no word finds it by prefix: 被告了 → zr88ab544a4e86.
export function spell(word, phrases) {
  if (!HAN.test(word)) return word;
  return (
    (phrases && phrases.has(word) ? "zr" : "zq") +
    Array.from(word, function (ch) {
      return ("000" + ch.charCodeAt(0).toString(16)).slice(-4);
    }).join("")
  );
}

// The words to search, each once: stop words (吗, 怎么办, "what"; lc-stop.json) are left out when there are
// others, so that a query of stop words only is still searched as typed.
export function searchWords(words, stop) {
  var content = words.some(function (word) {
    return !stop.has(word);
  });
  return words.filter(function (word, index) {
    return words.indexOf(word) === index && !(content && stop.has(word));
  });
}

// How much a word says about a page: BM25's idf over the pages Pagefind finds it on (it matches words by
// prefix, so 删 counts the pages with 删除 too), near nothing for a word on every page.
export function idf(df, pageCount) {
  return Math.log(1 + (pageCount - Math.min(df, pageCount) + 0.5) / (df + 0.5));
}

var LONE_WEIGHT = 0.3;

// Pages ranked by the words of the query they contain, not required to contain them all: a worried reader's
// question ("有人在群里骂我能不能起诉") has words no page uses. Each word counts by its idf and by Pagefind's own
// score for the page against the best page's, so a page with the rare words of the query, in its headings,
// comes first; a single Chinese character (part of a longer word, or the reader's word for one) counts for
// little. `found[i]` is Pagefind's answer for `words[i]`; a word on no page is ignored. Each ranked page
// keeps Pagefind's result and the words that found it (hits), for the section choice.
export function rank(words, found, pageCount) {
  var merged = new Map();
  found.forEach(function (each, index) {
    var results = each.results;
    if (!results.length) return;
    var word = words[index];
    var lone = HAN.test(word) && Array.from(word).length === 1;
    var weight = idf(results.length, pageCount) * (lone ? LONE_WEIGHT : 1);
    var best = results[0].score || 1;
    results.forEach(function (result) {
      var seen = merged.get(result.id) || { result: result, score: 0, hits: [] };
      seen.score += weight * (result.score / best);
      seen.hits.push({ result: result, weight: weight });
      merged.set(result.id, seen);
    });
  });
  var pages = Array.from(merged.values());
  pages.forEach(function (seen) {
    seen.score += NEAR_WEIGHT * nearness(seen.hits);
  });
  return pages.sort(function (a, b) {
    return b.score - a.score;
  });
}

// A page where the query's words stand close together is about what the reader asks; one that has them
// scattered over its sections only mentions them (term proximity). The weight of the distinct words that
// Pagefind finds within NEAR_SPAN words of each other, at the best place on the page, beyond the first word.
var NEAR_SPAN = 60;
var NEAR_WEIGHT = 0.5;
export function nearness(hits) {
  if (hits.length < 2) return 0;
  var marks = [];
  hits.forEach(function (hit, index) {
    (hit.result.words || []).forEach(function (position) {
      marks.push({ at: position, word: index });
    });
  });
  marks.sort(function (a, b) {
    return a.at - b.at;
  });
  var inside = new Map();
  var sum = 0;
  var best = 0;
  var heaviest = 0;
  for (var end = 0, start = 0; end < marks.length; end++) {
    var added = marks[end].word;
    inside.set(added, (inside.get(added) || 0) + 1);
    if (inside.get(added) === 1) sum += hits[added].weight;
    while (marks[end].at - marks[start].at > NEAR_SPAN) {
      var left = marks[start++].word;
      inside.set(left, inside.get(left) - 1);
      if (inside.get(left) === 0) sum -= hits[left].weight;
    }
    if (sum > best) {
      best = sum;
      heaviest = 0;
      inside.forEach(function (n, word) {
        if (n > 0) heaviest = Math.max(heaviest, hits[word].weight);
      });
    }
  }
  return best - heaviest;
}

// The section a result opens at (hooks/search_pages.py gives every section heading its id): each word of the
// query counts, by its weight, for each section Pagefind finds it in, six times as much where it is in the
// section's heading (Pagefind's heading weight), however often it is repeated there. The title and the page's
// own reader words (weight 7 and 5, × a boost of at least 0.5) are about the whole page: they do not draw the
// link to the top of the page, where only its opening text (weight 1 or less) counts. `sections[i]` is the
// page's sub-results as Pagefind gives them for `hits[i]`'s word; the section's sub-result comes back, or null.
var PAGE_WIDE = 1.2;
export function bestSection(hits, sections) {
  var best = null;
  var scores = new Map();
  hits.forEach(function (hit, index) {
    sections[index].forEach(function (sub) {
      var top = !sub.url || sub.url.indexOf("#") < 0;
      var weights = sub.weighted_locations
        .map(function (location) {
          return location.weight;
        })
        .filter(function (weight) {
          return !top || weight <= PAGE_WIDE;
        });
      var part = hit.weight * Math.max.apply(null, weights.concat(0));
      var entry = scores.get(sub.url) || { score: 0, part: -1 };
      entry.score += part;
      if (part > entry.part) {
        entry.sub = sub; // its excerpt shows this word
        entry.part = part;
      }
      scores.set(sub.url, entry);
      if (!best || entry.score > best.score) best = entry;
    });
  });
  return best && best.sub;
}
