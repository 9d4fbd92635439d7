/* Site search behind Material's search box, over this language's own Pagefind index.
 * Nothing is fetched until the reader opens the search box; then only Pagefind's loader, its
 * small WebAssembly and the index pieces for the words typed. Chinese is folded from Traditional
 * to Simplified (a compact table made at build time) and cut into the index's own words
 * (lc-search-cut.js and this edition's lc-words-NN.json for the query's characters, fetched only for a query
 * with Chinese); on a Chinese edition, English words typed among the Chinese also search the pages' Chinese
 * words for them (lc-english.json, fetched only for a query with Latin letters). This file is the search box;
 * what a query searches and how pages are ranked is lc-search-rank.js, what a result shows lc-search-text.js,
 * both pure modules imported with Pagefind's loader. Design and measurements: contrib/search.md. Part of our one bundle, which comes before Material's script (overrides/main.html) so
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
  // Our modules, imported when needed: the cut of a Chinese query, the ranking, the text of results.
  var moduleUrl = {};
  ["cut", "rank", "text"].forEach(function (name) {
    moduleUrl[name] = new URL(script.getAttribute("data-lc-" + name), window.location.href).href;
  });
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
  var engine = null;
  var ranking = null; // lc-search-rank.js and lc-search-text.js, once loadEngine has them
  var display = null;
  var latest = 0;
  var timer = 0;

  // Pagefind's loader with this edition's settings, and our two pure modules beside it, side by side.
  function loadEngine() {
    if (!engine) {
      engine = Promise.all([import(bundle + "pagefind.js"), import(moduleUrl.rank), import(moduleUrl.text)]).then(
        function (loaded) {
          ranking = loaded[1];
          display = loaded[2];
          var options = { basePath: bundle, baseUrl: new URL(root).pathname, language: language, noWorker: true, excerptLength: 24 };
          return loaded[0].options(options).then(function () {
            return loaded[0];
          });
        }
      );
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
        import(moduleUrl.cut)
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

  // The query's words: English as typed, each run of Chinese cut into the index's words (lc-search-cut.js),
  // and which of them are reader phrases. Nothing Chinese is fetched for a query without Chinese.
  async function terms(query) {
    query = query.normalize("NFKC").toLowerCase();
    if (language !== "en" && /[a-z]/.test(query)) query = ranking.withChinese(query, await loadEnglish());
    var chinese = ranking.hasChinese(query) ? await loadChinese() : null;
    if (chinese) query = ranking.fold(query, chinese);
    var out = [];
    var runs = ranking.runsOf(query);
    var words = chinese ? await loadWords(chinese, runs.filter(ranking.hasChinese).join("")) : null;
    if (words) words = chinese.module.withStopWords(words, await loadStop());
    runs.forEach(function (run) {
      if (ranking.hasChinese(run)) out = out.concat(chinese.module.cut(run, words));
      else out = out.concat(run.split(/[\s\p{P}\p{S}]+/u).filter(Boolean));
    });
    return { words: out, phrases: words ? words.phrases : null };
  }

  // Each word of the query searched on its own (lc-search-rank.js: searchWords, rank).
  async function find(pagefind, asked, stop) {
    var phrases = asked.phrases;
    var searched = ranking.searchWords(asked.words, stop);
    var found = await Promise.all(
      searched.map(function (word) {
        return pagefind.search(ranking.spell(word, phrases));
      })
    );
    return ranking.rank(searched, found, pageCount);
  }

  // Pagefind's excerpt as text and <mark> only, whatever else it might hold, made readable (lc-search-text.js).
  function excerptNodes(html, unfolded) {
    var template = document.createElement("template");
    template.innerHTML = html;
    var parts = Array.from(template.content.childNodes, function (node) {
      return { text: node.textContent, mark: node.nodeName === "MARK" };
    });
    return display.excerptParts(parts, unfolded).map(function (part) {
      if (!part.mark) return document.createTextNode(part.text);
      var mark = document.createElement("mark");
      mark.textContent = part.text;
      return mark;
    });
  }

  // A page's fragment for each word that found it, and the section it opens at (lc-search-rank.js).
  async function details(seen) {
    var sections = [];
    var data;
    for (var i = 0; i < seen.hits.length; i++) {
      data = await fragment(seen.hits[i].result);
      sections.push(data.sub_results);
    }
    return { data: data, section: ranking.bestSection(seen.hits, sections) };
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
      where.textContent = display.sectionTitle(section.title, unfolded);
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
      var asked = await terms(query);
      // Nothing to search: only punctuation, or only characters that no page has (佢, 嘅).
      if (!asked.words.length) return ticket === latest && show(text.none);
      var results = await find(pagefind, asked, await loadStop());
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
