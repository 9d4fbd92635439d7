/* Cuts a Chinese query into the words of this edition's index (lc-words-NN.json, hooks/search_words.py).
 * Imported by lc-search.js only when a query contains Chinese, with the words file. Pagefind cannot tell us
 * the index's words itself: it answers any term no word starts with by the longest word the term starts
 * with, so asking it "is 截图可以 a word?" says yes (contrib/search.md). */

import { hasChinese } from "./lc-search-rank.js"; // loaded already, with Pagefind's loader

// {"pages": N, "total": T, "longest": L, "df": {"4": "词 词 …"}}, or a list of such shards (lc-words-NN.json, the
// words by first character) → each word's page count (df, rounded down to a power of two at build time), the
// sum of all the vocabulary's counts, its longest word's length (a shard says both for the whole vocabulary),
// and which of the words are reader phrases.
export function readWords(data) {
  var df = new Map();
  var phrases = new Set();
  var total = 0;
  var longest = 1;
  [].concat(data).forEach(function (shard) {
    Object.keys(shard.df || {}).forEach(function (count) {
      shard.df[count].split(" ").forEach(function (word) {
        if (!word) return;
        // "+被告了": a reader phrase, indexed whole (hooks/search_pages.py, PHRASE_MARK). Should a word of
        // the index be written the same, the word is what gets searched.
        if (word.charAt(0) === "+") {
          word = word.slice(1);
          if (df.has(word)) return;
          phrases.add(word);
        } else phrases.delete(word);
        df.set(word, Number(count));
        total += Number(count);
        longest = Math.max(longest, Array.from(word).length);
      });
    });
    if (shard.total) total = shard.total;
    if (shard.longest) longest = shard.longest;
  });
  return { df: df, total: total || 1, longest: longest, phrases: phrases };
}

// The index's words and the stop words (吗, 到底, 怎么办; lc-stop.json), which the cut must know as words too:
// a stop word no page has (到底) was cut into pieces, and its pieces (到) were searched. Each counts as common
// as the commonest word, so the cut takes it whole; one that no page has is then left out, like any word no
// page has (searched, Pagefind would answer it with the words it begins with), and the search leaves out the rest.
export function withStopWords(words, stop) {
  var common = 1;
  words.df.forEach(function (df) {
    common = Math.max(common, df);
  });
  var df = new Map(words.df);
  var longest = words.longest;
  var unsearched = new Set();
  stop.forEach(function (word) {
    if (!hasChinese(word) || df.has(word)) return; // English stop words are not the cut's business
    df.set(word, common);
    unsearched.add(word);
    longest = Math.max(longest, Array.from(word).length);
  });
  return { df: df, total: words.total, longest: longest, unsearched: unsearched, phrases: words.phrases };
}

// The shard (lc-words-NN.json) of the words that start with this character: hooks/search_words.shard_of.
export var SHARDS = 64;
export function shardOf(ch) {
  return ch.codePointAt(0) % SHARDS;
}

// The most likely cut of a run of Chinese into known words, as jieba cuts a sentence: each word as likely as
// its share of the page counts, a character no page has less likely than any word. Fewer, longer words win,
// so 截图可以当证据吗 becomes 截图 可以 当 证据 吗. Characters no page has are left out: they cannot match.
// A reader phrase the run has (我被告了 → 我 被告了) comes with its own words after the cut (被告 了): the phrase
// finds the page or section whose reader phrase it is, its words every page that has them.
export function cut(run, words, withoutPhrases) {
  var chars = Array.from(run);
  var unknown = Math.log(2 * words.total); // dearer than the rarest word (df 1)
  var cost = [0];
  var from = [0];
  for (var end = 1; end <= chars.length; end++) {
    cost[end] = Infinity;
    for (var start = Math.max(0, end - words.longest); start < end; start++) {
      var piece = chars.slice(start, end).join("");
      var df = withoutPhrases && words.phrases && words.phrases.has(piece) ? 0 : words.df.get(piece);
      if (!df && end - start > 1) continue;
      var total = cost[start] + (df ? Math.log(words.total / df) : unknown);
      if (total < cost[end]) {
        cost[end] = total;
        from[end] = start;
      }
    }
  }
  var out = [];
  for (var at = chars.length; at > 0; at = from[at]) {
    var word = chars.slice(from[at], at).join("");
    if (words.df.has(word) && !(words.unsearched && words.unsearched.has(word))) out.unshift(word);
  }
  if (!withoutPhrases && words.phrases) {
    out.slice().forEach(function (word) {
      if (words.phrases.has(word)) out = out.concat(cut(word, words, true));
    });
  }
  return out;
}
