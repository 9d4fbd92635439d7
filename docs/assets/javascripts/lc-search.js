/* Site search behind Material's search box, over this language's own Pagefind index.
 * Nothing is fetched until the reader opens the search box; then only Pagefind's loader, its
 * small WebAssembly and the index pieces for the words typed. Chinese is folded from Traditional
 * to Simplified (a compact table made at build time) and cut into the index's own words
 * (lc-search-cut.js and this edition's lc-words-NN.json for the query's characters, fetched only for a query
 * with Chinese); on a Chinese edition, English words typed among the Chinese also search the pages' Chinese
 * words for them (lc-english.json, fetched only for a query with Latin letters). Design and measurements:
 * contrib/search.md. Part of our one bundle, which comes before Material's script (overrides/main.html) so
 * that this runs before Material starts, as soon as the bundle arrives; its settings are the bundle's own
 * data-lc-* attributes (overrides/partials/lc-search.html). */
(function () {
  "use strict";

  var script = document.currentScript;
  var dialog = document.querySelector('.md-search[data-md-component="search"]');
  var form = document.forms.namedItem("search");
  var toggle = document.getElementById("__search");
  if (!script || !script.hasAttribute("data-lc-bundle") || !dialog || !form || !toggle) return;

  // Material fetches its whole-site index when it finds these at start-up: take the box over first.
  dialog.removeAttribute("data-md-component");
  form.setAttribute("name", "lc-search");

  var bundle = new URL(script.getAttribute("data-lc-bundle"), window.location.href).href;
  var root = new URL("../", bundle).href;
  var language = script.getAttribute("data-lc-language") || "en";
  // A generated Traditional edition: excerpts come back folded to Simplified and are shown in Traditional.
  var unfoldUrl = script.getAttribute("data-lc-unfold");
  var pageCount = Number(script.getAttribute("data-lc-pages")) || 20; // pages in this edition's index
  var cutUrl = new URL(script.getAttribute("data-lc-cut"), window.location.href).href; // imported when needed
  var text = {};
  ["placeholder", "loading", "none", "one", "other", "error", "more"].forEach(function (key) {
    text[key] = script.getAttribute("data-lc-" + key) || "";
  });
  var input = form.querySelector("input.md-search__input");
  var meta = dialog.querySelector(".md-search-result__meta");
  var list = dialog.querySelector(".md-search-result__list");
  if (!input || !meta || !list) return;

  dialog.setAttribute("aria-label", script.getAttribute("data-lc-label") || text.placeholder);
  meta.setAttribute("aria-live", "polite");
  meta.textContent = text.placeholder;

  var LIMIT = 6; // each result shown costs one small fragment download
  var LONGEST_WORD = 8; // characters of a Hong Kong or Taiwan word (lc-phrases.json)
  var HAN = /[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]/;
  var HAN_RUNS = /[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]+|[^\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]+/g;
  // Chinese text and the marks that sit inside it (including “” ‘’), between which no space is shown.
  var CJK = /[\u2018-\u201f\u2e80-\u9fff\uf900-\ufaff\uff00-\uffef]/;
  // The index spells each Chinese word in ASCII (hooks/search_index.py, spell_han): 诽谤 → zq8bfd8c24.
  var SPELLED = /zq((?:[0-9a-f]{4})+)/g;
  var engine = null;
  var latest = 0;
  var timer = 0;

  function loadEngine() {
    if (!engine) {
      engine = import(bundle + "pagefind.js").then(function (pagefind) {
        return pagefind
          .options({ basePath: bundle, baseUrl: new URL(root).pathname, language: language, noWorker: true, excerptLength: 24 })
          .then(function () {
            return pagefind;
          });
      });
      engine.catch(function () {
        engine = null;
      });
    }
    return engine;
  }

  function getJson(url) {
    return fetch(url).then(function (response) {
      if (!response.ok) throw new Error(url + ": " + response.status);
      return response.json();
    });
  }

  function loadPairs(url) {
    return getJson(url).then(function (pairs) {
        var table = new Map();
        var chars = Array.from(pairs);
        for (var i = 0; i + 1 < chars.length; i += 2) table.set(chars[i], chars[i + 1]);
        return table;
    });
  }

  // Each table is fetched once, and again after a failed fetch.
  var tables = {};
  function once(key, load) {
    if (!tables[key]) {
      tables[key] = load();
      tables[key].catch(function () {
        tables[key] = null;
      });
    }
    return tables[key];
  }

  // For a query with Chinese: the fold table for characters, then Hong Kong and Taiwan words (軟體 → 软体 →
  // 软件; hooks/search_phrases.py), and the code that cuts a query into the index's words (lc-search-cut.js).
  function loadChinese() {
    return once("chinese", function () {
      return Promise.all([
        loadPairs(bundle + "lc-fold.json"),
        getJson(bundle + "lc-phrases.json")
          .catch(function () {})
          .then(function (words) {
            return new Map(Object.entries(words || {}));
          }),
        import(cutUrl)
      ]).then(function (loaded) {
        return { chars: loaded[0], phrases: loaded[1], module: loaded[2] };
      });
    });
  }

  // The index's words and their page counts for the characters of a (folded) run of Chinese: only the shards
  // of words that start with one of them (lc-words-NN.json, hooks/search_words.py), each fetched once.
  function loadWords(chinese, run) {
    var shards = [];
    Array.from(run).forEach(function (ch) {
      var number = chinese.module.shardOf(ch);
      if (shards.indexOf(number) < 0) shards.push(number);
    });
    return Promise.all(
      shards.map(function (number) {
        return once("words" + number, function () {
          return getJson(bundle + "lc-words-" + ("0" + number.toString(16)).slice(-2) + ".json");
        });
      })
    ).then(chinese.module.readWords);
  }

  // Words a query can do without (吗, 怎么办, "what", "my"; hooks/data/search-stop-words.txt): fetched with
  // Pagefind's loader. Without the file every word is searched.
  function loadStop() {
    return once("stop", function () {
      return getJson(bundle + "lc-stop.json")
        .catch(function () {})
        .then(function (data) {
          return new Set(((data && data.stop) || "").split(" "));
        });
    });
  }

  function loadUnfold() {
    if (!unfoldUrl) return Promise.resolve(null);
    return once("unfold", function () {
      return loadPairs(new URL(unfoldUrl, window.location.href).href);
    });
  }

  function unfold(value, table) {
    if (!table) return value;
    return Array.from(value, function (ch) {
      return table.get(ch) || ch;
    }).join("");
  }

  function fold(query, chinese) {
    var chars = Array.from(query, function (ch) {
      return chinese.chars.get(ch) || ch;
    });
    var out = "";
    for (var i = 0; i < chars.length; ) {
      for (var n = Math.min(LONGEST_WORD, chars.length - i); n > 1; n--) {
        var word = chinese.phrases.get(chars.slice(i, i + n).join(""));
        if (word) break;
      }
      out += n > 1 ? word : chars[i];
      i += Math.max(n, 1);
    }
    return out;
  }

  function spell(word) {
    if (!HAN.test(word)) return word;
    return (
      "zq" +
      Array.from(word, function (ch) {
        return ("000" + ch.charCodeAt(0).toString(16)).slice(-4);
      }).join("")
    );
  }

  function unspell(value) {
    return value.replace(SPELLED, function (_, hex) {
      var out = "";
      for (var i = 0; i < hex.length; i += 4) out += String.fromCharCode(parseInt(hex.slice(i, i + 4), 16));
      return out;
    });
  }

  // English words a reader mixes into a Chinese query ("lawyer 贵不贵") and the Chinese words this edition's
  // pages use for them (lc-english.json, hooks/search_english.py): a Chinese edition only.
  function loadEnglish() {
    return once("english", function () {
      return getJson(bundle + "lc-english.json")
        .catch(function () {})
        .then(function (table) {
          return new Map(Object.entries(table || {}));
        });
    });
  }

  // The query with the Chinese words of its English words and phrases (up to four words, the longest first; a
  // plural -s looked up without it) after it; the English words stay, as a page may have them too.
  var LONGEST_PHRASE = 4;
  function withChinese(query, english) {
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

  // The query's words: English as typed, each run of Chinese cut into the index's words (lc-search-cut.js).
  // Nothing Chinese is fetched for a query without Chinese.
  async function terms(query) {
    query = query.normalize("NFKC").toLowerCase();
    if (language !== "en" && /[a-z]/.test(query)) query = withChinese(query, await loadEnglish());
    var chinese = HAN.test(query) ? await loadChinese() : null;
    if (chinese) query = fold(query, chinese);
    var out = [];
    var runs = query.match(HAN_RUNS) || [];
    var words = chinese ? await loadWords(chinese, runs.filter(HAN.test, HAN).join("")) : null;
    runs.forEach(function (run) {
      if (HAN.test(run)) out = out.concat(chinese.module.cut(run, words));
      else out = out.concat(run.split(/[\s\p{P}\p{S}]+/u).filter(Boolean));
    });
    return out;
  }

  // How much a word says about a page: BM25's idf over the pages Pagefind finds it on (it matches words by
  // prefix, so 删 counts the pages with 删除 too), near nothing for a word on every page.
  function idf(df) {
    return Math.log(1 + (pageCount - Math.min(df, pageCount) + 0.5) / (df + 0.5));
  }

  // Pages are ranked by the words of the query they contain, not required to contain them all: a worried
  // reader's question ("有人在群里骂我能不能起诉") has words no page uses. Stop words are left out when there
  // are others. Each word counts by its idf and by Pagefind's own score for the page against the best page's,
  // so a page with the rare words of the query, in its headings, comes first. A single Chinese character
  // (part of a longer word, or the reader's word for one) counts for little.
  async function find(pagefind, words, stop) {
    var content = words.some(function (word) {
      return !stop.has(word);
    });
    var unique = words.filter(function (word, index) {
      return words.indexOf(word) === index && !(content && stop.has(word));
    });
    var found = await Promise.all(
      unique.map(function (word) {
        return pagefind.search(spell(word));
      })
    );
    var merged = new Map();
    found.forEach(function (each, index) {
      var results = each.results;
      if (!results.length) return; // a word on no page: ignore it
      var word = unique[index];
      var lone = HAN.test(word) && Array.from(word).length === 1;
      var weight = idf(results.length) * (lone ? 0.3 : 1);
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
  function nearness(hits) {
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

  // The index keeps Chinese words apart with spaces; a reader should not see them.
  function closeUp(value) {
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
  function withoutReaderWords(flat) {
    var parts = flat.split(/\s*\blcrw([amz])\b\.?\s*/);
    var kept = [];
    for (var i = 0; i < parts.length; i += 2) {
      var reader = i > 0 ? parts[i - 1] !== "z" : i + 1 < parts.length && parts[i + 1] !== "a";
      if (!reader && parts[i]) kept.push(parts[i]);
    }
    return kept.join(" ");
  }

  // Pagefind's excerpt as text and <mark> only, whatever else it might hold.
  function excerptNodes(html, unfolded) {
    var template = document.createElement("template");
    template.innerHTML = html;
    var flat = "";
    template.content.childNodes.forEach(function (node) {
      var shown = unfold(unspell(node.textContent), unfolded);
      flat += node.nodeName === "MARK" ? "\u0001" + shown + "\u0002" : shown;
    });
    flat = withoutReaderWords(flat);
    // Pagefind joins a heading to its text with a Latin full stop: after Chinese, a 。 (or nothing after
    // Chinese punctuation) reads right.
    flat = flat
      .replace(/\.(\u0002)/g, "$1.") // a full stop never belongs inside a highlighted word
      .replace(/([\u3000-\u303f\uff00-\uffef])(\u0002?)\.(?=\s|$)/g, "$1$2")
      .replace(/([\u3400-\u9fff])(\u0002?)\.(?=\s|$)/g, "$1$2。");
    var nodes = [];
    closeUp(flat)
      .split(/(\u0001[^\u0002]*\u0002)/)
      .forEach(function (part) {
        if (!part) return;
        if (part.charAt(0) === "\u0001") {
          var mark = document.createElement("mark");
          mark.textContent = part.slice(1, -1);
          nodes.push(mark);
        } else {
          nodes.push(document.createTextNode(part));
        }
      });
    return nodes;
  }

  // The section that matched the query best (hooks/search_pages.py gives every section heading its id): each
  // word of the query counts, by its weight, for each section Pagefind finds it in, six times as much where
  // it is in the section's heading (Pagefind's heading weight), however often it is repeated there. The title
  // and the page's own reader words (weight 7 and 3, × a boost of at least 0.5) are about the whole page: they
  // do not draw the link to the top of the page, where only its opening text (weight 1 or less) counts.
  var PAGE_WIDE = 1.2;
  async function details(seen) {
    var best = null;
    var sections = new Map();
    var data;
    for (var i = 0; i < seen.hits.length; i++) {
      var hit = seen.hits[i];
      data = await fragment(hit.result);
      data.sub_results.forEach(function (sub) {
        var top = !sub.url || sub.url.indexOf("#") < 0;
        var weights = sub.weighted_locations
          .map(function (location) {
            return location.weight;
          })
          .filter(function (weight) {
            return !top || weight <= PAGE_WIDE;
          });
        var part = hit.weight * Math.max.apply(null, weights.concat(0));
        var entry = sections.get(sub.url) || { score: 0, part: -1 };
        entry.score += part;
        if (part > entry.part) {
          entry.sub = sub; // its excerpt shows this word
          entry.part = part;
        }
        sections.set(sub.url, entry);
        if (!best || entry.score > best.score) best = entry;
      });
    }
    return { data: data, section: best && best.sub };
  }

  // Pagefind keeps one object per page and rewrites its excerpt and sections on each data() call: one call
  // at a time, each answer copied before the next, so that two searches under way never mix their answers.
  var queue = Promise.resolve();
  function fragment(result) {
    var next = queue.then(function () {
      return result.data().then(function (data) {
        return { url: data.url, meta: data.meta, excerpt: data.excerpt, sub_results: data.sub_results || [] };
      });
    });
    queue = next.catch(function () {});
    return next;
  }

  function item(data, section, unfolded) {
    var li = document.createElement("li");
    li.className = "md-search-result__item";
    var link = document.createElement("a");
    link.className = "md-search-result__link";
    var anchored = section && section.url && section.url.indexOf("#") > 0;
    link.href = new URL(anchored ? section.url : data.url, window.location.href).href;
    link.tabIndex = -1;
    var article = document.createElement("article");
    article.className = "md-search-result__article md-typeset";
    var title = document.createElement("h1");
    title.textContent = (data.meta && data.meta.title) || data.url;
    var excerpt = document.createElement("p");
    excerptNodes((anchored && section.excerpt) || data.excerpt || "", unfolded).forEach(function (node) {
      excerpt.appendChild(node);
    });
    article.appendChild(title);
    if (anchored && section.title && section.title !== title.textContent) {
      var where = document.createElement("p");
      where.className = "lc-search-section";
      where.textContent = closeUp(unfold(unspell(section.title), unfolded));
      article.appendChild(where);
    }
    article.appendChild(excerpt);
    link.appendChild(article);
    li.appendChild(link);
    return li;
  }

  function count(n) {
    if (n === 0) return text.none;
    if (n === 1) return text.one;
    return text.other.replace("#", String(n));
  }

  // The results from `start` on, LIMIT at a time: each costs one small fragment download.
  async function page(results, start, unfolded) {
    var shown = results.slice(start, start + LIMIT);
    shown.forEach(function (seen) {
      seen.result.data(); // fetch the fragments side by side; details() reads them one at a time
    });
    var found = await Promise.all(shown.map(details));
    return found.map(function (entry) {
      return item(entry.data, entry.section, unfolded);
    });
  }

  // Every counted result can be shown: "Show more results" appends the next ones.
  function moreButton(results, start, unfolded, ticket) {
    var li = document.createElement("li");
    li.className = "lc-search-more";
    var button = document.createElement("button");
    button.type = "button";
    button.className = "md-button";
    button.textContent = text.more;
    button.addEventListener("click", async function () {
      button.disabled = true;
      var items = await page(results, start, unfolded);
      if (ticket !== latest) return;
      items.forEach(function (entry) {
        list.insertBefore(entry, li);
      });
      if (start + LIMIT < results.length) {
        list.replaceChild(moreButton(results, start + LIMIT, unfolded, ticket), li);
      } else {
        li.remove();
      }
    });
    li.appendChild(button);
    return li;
  }

  function show(message, items) {
    meta.textContent = message;
    list.replaceChildren.apply(list, items || []);
  }

  async function run(query, ticket) {
    if (!query.trim()) return show(text.placeholder);
    if (!engine) show(text.loading);
    try {
      var pagefind = await loadEngine();
      var words = await terms(query);
      // Nothing to search: only punctuation, or only characters that no page has (佢, 嘅).
      if (!words.length) return ticket === latest && show(text.none);
      var results = await find(pagefind, words, await loadStop());
      var unfolded = await loadUnfold();
      var items = await page(results, 0, unfolded);
      if (ticket !== latest) return;
      show(count(results.length), items);
      if (results.length > LIMIT) list.appendChild(moreButton(results, LIMIT, unfolded, ticket));
    } catch (error) {
      if (ticket === latest) show(text.error);
      if (window.console) console.warn("lc-search:", error);
    }
  }

  function schedule() {
    window.clearTimeout(timer);
    var ticket = ++latest;
    timer = window.setTimeout(function () {
      run(input.value, ticket);
    }, 80);
  }

  function setOpen(open) {
    if (toggle.checked !== open) {
      toggle.checked = open;
      toggle.dispatchEvent(new Event("change"));
    }
    if (open) input.focus();
    else input.blur();
  }

  function links() {
    return Array.prototype.slice.call(list.querySelectorAll("a.md-search-result__link"));
  }

  function typing(target) {
    return target instanceof HTMLElement && (target.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(target.tagName));
  }

  function onKey(event) {
    if (event.metaKey || event.ctrlKey || event.altKey) return;
    if (!toggle.checked) {
      if (/^[/sf]$/.test(event.key) && !typing(event.target)) {
        event.preventDefault();
        setOpen(true);
      }
      return;
    }
    var focusable = [input].concat(links());
    var at = focusable.indexOf(document.activeElement);
    if (event.key === "Escape") {
      event.preventDefault();
      setOpen(false);
    } else if (event.key === "Enter" && document.activeElement === input) {
      event.preventDefault();
      if (focusable[1]) focusable[1].click();
    } else if (event.key === "ArrowDown" || event.key === "ArrowUp") {
      event.preventDefault();
      var step = event.key === "ArrowDown" ? 1 : -1;
      focusable[(Math.max(at, 0) + step + focusable.length) % focusable.length].focus();
    }
  }

  input.addEventListener("input", schedule);
  input.addEventListener("keyup", function (event) {
    if (event.key !== "Enter" && !/^Arrow/.test(event.key)) schedule();
  });
  input.addEventListener("focus", function () {
    if (!toggle.checked) setOpen(true);
    loadEngine().catch(function () {});
    loadStop();
  });
  form.addEventListener("submit", function (event) {
    event.preventDefault();
  });
  form.addEventListener("reset", function () {
    window.setTimeout(schedule, 0);
  });
  toggle.addEventListener("change", function () {
    if (toggle.checked) input.focus();
  });
  list.addEventListener("click", function (event) {
    if (event.target instanceof Element && event.target.closest("a")) setOpen(false);
  });
  document.addEventListener("keydown", onKey);
})();
