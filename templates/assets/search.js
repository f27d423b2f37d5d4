/* Portal search: the same text rule as the index (README "Search"), shards loaded with classic
 * <script> tags (fetch() is blocked on file://), results as you type in the header, full results
 * on search.html?q=…, and highlighting of the words on the page a result opens.
 * Pure functions first (tested by node --test), DOM wiring last. Results are built with
 * textContent and <mark> elements only: content can never inject markup. */
(function (root) {
  "use strict";

  /* ---- the text rule ---- */
  function fold(text) {
    return String(text == null ? "" : text).normalize("NFKC").toLowerCase();
  }

  function kind(cp) {
    if ((cp >= 0x30 && cp <= 0x39) || (cp >= 0x61 && cp <= 0x7a) || (cp >= 0x41 && cp <= 0x5a)) return 1;
    if ((cp >= 0x3041 && cp <= 0x3096) || (cp >= 0x309d && cp <= 0x309f) ||
        (cp >= 0x30a1 && cp <= 0x30fa) || (cp >= 0x30fc && cp <= 0x30ff) ||
        (cp >= 0x31f0 && cp <= 0x31ff) ||
        (cp >= 0x3400 && cp <= 0x4dbf) || (cp >= 0x4e00 && cp <= 0x9fff) || (cp >= 0xf900 && cp <= 0xfaff) ||
        (cp >= 0x20000 && cp <= 0x2fa1f) || cp === 0x3005 || cp === 0x3006 || cp === 0x3007) return 2;
    if (cp < 0x2e80 && /\p{Alphabetic}/u.test(String.fromCodePoint(cp))) return 1;
    return 0;
  }

  function tokensOfNormalized(text) {
    var out = [];
    var run = [];
    var runKind = 0;
    function flush() {
      if (runKind === 1) out.push(run.join(""));
      else if (runKind === 2) {
        for (var i = 0; i < run.length; i++) out.push(i + 1 < run.length ? run[i] + run[i + 1] : run[i]);
      }
      run = [];
    }
    for (var ch of text) {
      var k = kind(ch.codePointAt(0));
      if (k !== runKind) { flush(); runKind = k; }
      if (k !== 0) run.push(ch);
    }
    flush();
    return out;
  }

  function tokenize(text) { return tokensOfNormalized(fold(text)); }

  /* The last character of a Japanese run is implied by the bigram before it. */
  function effectiveTokens(query) {
    var tokens = tokenize(query);
    var out = [];
    for (var i = 0; i < tokens.length; i++) {
      var t = tokens[i];
      var chars = Array.from(t);
      if (i > 0 && chars.length === 1 && kind(chars[0].codePointAt(0)) === 2) {
        var prev = Array.from(tokens[i - 1]);
        if (prev.length === 2 && prev[1] === chars[0]) continue;
      }
      if (out.indexOf(t) < 0) out.push(t);
    }
    return out;
  }

  /* ---- the index as the page holds it ---- */
  /* A shard entry is "df|postings" (the head: the heaviest postings) or plain postings (a tail). */
  function decodeEntry(text) {
    var bar = text.indexOf("|");
    if (bar < 0) return { df: -1, postings: decodePostings(text) };
    return { df: parseInt(text.slice(0, bar), 10), postings: decodePostings(text.slice(bar + 1)) };
  }

  function decodePostings(text) {
    var out = [];
    if (!text) return out;
    var doc = 0;
    var parts = text.split(",");
    for (var i = 0; i < parts.length; i++) {
      var c = parts[i].indexOf(":");
      doc += parseInt(parts[i].slice(0, c), 36);
      out.push([doc, parseInt(parts[i].slice(c + 1), 36)]);
    }
    return out;
  }

  function shardOf(term, count) { return term.codePointAt(0) % count; }

  function idf(n, df) { return Math.log(1 + (n - df + 0.5) / (df + 0.5)); }

  /* The terms a query token matches: the token itself, and for words and single characters every
   * term starting with it. */
  function matchingTerms(token, shard) {
    var out = [];
    if (Object.prototype.hasOwnProperty.call(shard, token)) out.push(token);
    if (Array.from(token).length === 1 || kind(token.codePointAt(0)) === 1) {
      for (var term in shard) {
        if (term !== token && term.lastIndexOf(token, 0) === 0) out.push(term);
      }
    }
    return out;
  }

  /* Shards whose tails hold more postings of the query's terms (for when the heads are not enough). */
  function tailShards(query, meta, shards) {
    return Object.keys(tailPostings(query, meta, shards)).map(Number);
  }

  /* How many postings the tails hold for the query's terms, by shard: about 5 bytes each. */
  function tailPostings(query, meta, shards) {
    var needed = {};
    effectiveTokens(query).forEach(function (token) {
      var s = shardOf(token, meta.shards);
      var shard = shards[s] || {};
      matchingTerms(token, shard).forEach(function (term) {
        var e = decodeEntry(shard[term]);
        if (e.df > e.postings.length) needed[s] = (needed[s] || 0) + e.df - e.postings.length;
      });
    });
    return needed;
  }

  /* Tails are fetched by themselves only while they stay small; beyond that the reader is asked. */
  var TAIL_BUDGET_BYTES = 150000;

  /* Ranks documents for a query. `shards` maps shard number -> {term: "df|head postings"},
   * `tails` (optional) shard number -> {term: "more postings"}.
   * Same rule as SearchIndex.query in Swift: every token must match a term starting with it. */
  function rank(query, meta, shards, tails) {
    var tokens = effectiveTokens(query);
    if (!tokens.length) return [];
    var scores = null;
    for (var i = 0; i < tokens.length; i++) {
      var token = tokens[i];
      var s = shardOf(token, meta.shards);
      var shard = shards[s] || {};
      var tail = (tails && tails[s]) || {};
      var best = new Map();
      var df = 0;
      var consider = function (list) {
        for (var j = 0; j < list.length; j++) {
          var prev = best.get(list[j][0]);
          if (prev === undefined || list[j][1] > prev) best.set(list[j][0], list[j][1]);
        }
      };
      matchingTerms(token, shard).forEach(function (term) {
        var e = decodeEntry(shard[term]);
        df = Math.max(df, e.df);
        consider(e.postings);
        if (Object.prototype.hasOwnProperty.call(tail, term)) consider(decodePostings(tail[term]));
      });
      var w = idf(meta.documents, Math.max(df, best.size));
      var next = new Map();
      best.forEach(function (weight, doc) {
        if (scores === null) next.set(doc, w * weight / 100);
        else if (scores.has(doc)) next.set(doc, scores.get(doc) + w * weight / 100);
      });
      scores = next;
    }
    var ranked = Array.from(scores.entries());
    ranked.sort(function (a, b) { return b[1] - a[1] || a[0] - b[0]; });
    return ranked.map(function (e) { return e[0]; });
  }

  /* Stable re-ranking among loaded results: those holding the whole query come first. */
  function phraseFirst(ids, query, docOf) {
    var needle = fold(query).replace(/\s+/g, "");
    if (Array.from(needle).length < 2) return ids;
    var hit = [], rest = [];
    ids.forEach(function (id) {
      var d = docOf(id);
      var hay = d ? fold(d.title + " " + d.text).replace(/\s+/g, "") : "";
      (hay.indexOf(needle) >= 0 ? hit : rest).push(id);
    });
    return hit.concat(rest);
  }

  function chunkOf(doc, starts) {
    var lo = 0, hi = starts.length - 1;
    while (lo < hi) {
      var mid = (lo + hi + 1) >> 1;
      if (starts[mid] <= doc) lo = mid; else hi = mid - 1;
    }
    return lo;
  }

  /* Splits `text` into pieces [{text, mark}] around the query's words (folded matching),
   * windowed to about `width` characters around the first hit. */
  function snippet(text, query, width) {
    width = width || 110;
    var words = fold(query).split(/\s+/).filter(Boolean);
    var chars = Array.from(text);
    var folded = chars.map(fold);
    var marks = new Array(chars.length).fill(false);
    var first = -1;
    words.forEach(function (w) {
      var wl = Array.from(w);
      for (var i = 0; i + wl.length <= chars.length; i++) {
        var ok = true;
        for (var j = 0; j < wl.length && ok; j++) ok = folded[i + j] === wl[j];
        if (ok) {
          for (var k = 0; k < wl.length; k++) marks[i + k] = true;
          if (first < 0 || i < first) first = i;
        }
      }
    });
    var start = first < 0 ? 0 : Math.max(0, first - Math.floor(width / 3));
    var end = Math.min(chars.length, start + width);
    while (end < chars.length && end > 0 && marks[end - 1] && marks[end]) end++;  /* never cut a marked word */
    var pieces = [];
    if (start > 0) pieces.push({ text: "…", mark: false });
    for (var i = start; i < end; i++) {
      var last = pieces[pieces.length - 1];
      if (last && last.mark === marks[i] && last.text !== "…") last.text += chars[i];
      else pieces.push({ text: chars[i], mark: marks[i] });
    }
    if (end < chars.length) pieces.push({ text: "…", mark: false });
    return pieces;
  }

  var api = {
    fold: fold, tokenize: tokenize, tokensOfNormalized: tokensOfNormalized, effectiveTokens: effectiveTokens,
    decodePostings: decodePostings, decodeEntry: decodeEntry, tailShards: tailShards, tailPostings: tailPostings, shardOf: shardOf, rank: rank, phraseFirst: phraseFirst, chunkOf: chunkOf, snippet: snippet
  };
  root.PortalSearch = api;
  if (typeof module !== "undefined" && module.exports) module.exports = api;
  if (typeof document === "undefined") return;

  /* ---- loading shards with classic scripts ---- */
  var script = document.currentScript;
  var base = script ? script.src.replace(/assets\/search\.js(?:[?#].*)?$/, "") : "";
  var store = { meta: null, terms: {}, tails: {}, docs: {}, waiting: {} };
  root.PortalSearchData = {
    meta: function (m) { store.meta = m; done("meta"); },
    terms: function (i, t) { store.terms[i] = t; done("terms-" + i); },
    tails: function (i, t) { store.tails[i] = t; done("tails-" + i); },
    docs: function (i, d) { store.docs[i] = d; done("docs-" + i); }
  };
  function done(name) {
    var w = store.waiting[name];
    if (w) { w.resolve(); }
  }
  function load(name) {
    if (store.waiting[name]) return store.waiting[name].promise;
    var entry = {};
    entry.promise = new Promise(function (resolve, reject) {
      entry.resolve = resolve;
      var s = document.createElement("script");
      s.src = base + "search/" + name + ".js";
      s.onerror = function () { reject(new Error("could not load " + s.src)); };
      document.head.appendChild(s);
    });
    store.waiting[name] = entry;
    return entry.promise;
  }
  function docOf(id) {
    var c = chunkOf(id, store.meta.chunks);
    var rows = store.docs[c];
    if (!rows) return null;
    var r = rows[id - store.meta.chunks[c]];
    return { id: id, type: r[0], title: r[1], breadcrumb: r[2], url: r[3], text: r[4], category: r[5] };
  }

  /* Runs a query: loads the term shards it needs, ranks, loads the documents to show. With
   * `everything`, the tails of common terms are fetched whatever their size. */
  function search(query, limit, everything) {
    return load("meta").then(function () {
      var meta = store.meta;
      var tokens = effectiveTokens(query);
      var needed = {};
      tokens.forEach(function (t) { needed[shardOf(t, meta.shards)] = true; });
      return Promise.all(Object.keys(needed).map(function (i) { return load("terms-" + i); })).then(function () {
        var ids = rank(query, meta, store.terms, store.tails);
        if (ids.length >= limit) return ids;
        /* The heads gave too few: fetch the rest of the postings of the terms that have more,
         * unless that is a lot of data (very common words) and the reader has not asked. */
        var counts = tailPostings(query, meta, store.terms);
        var more = Object.keys(counts).map(Number).filter(function (i) { return !store.tails[i]; });
        var bytes = more.reduce(function (sum, i) { return sum + counts[i] * 5; }, 0);
        if (!more.length || (!everything && bytes > TAIL_BUDGET_BYTES)) return ids;
        return Promise.all(more.map(function (i) { return load("tails-" + i); })).then(function () {
          return rank(query, meta, store.terms, store.tails);
        });
      }).then(function (ids) {
        /* Documents are loaded only for the results shown. */
        var top = ids.slice(0, limit);
        var chunks = {};
        top.forEach(function (id) { chunks[chunkOf(id, meta.chunks)] = true; });
        return Promise.all(Object.keys(chunks).map(function (c) { return load("docs-" + c); })).then(function () {
          var ordered = phraseFirst(top, query, docOf).slice(0, limit);
          /* With only the heads loaded the count is a lower bound. */
          var missing = tailPostings(query, meta, store.terms);
          var unloaded = Object.keys(missing).filter(function (i) { return !store.tails[i]; });
          var partial = unloaded.length > 0;
          var remainingBytes = unloaded.reduce(function (sum, i) { return sum + missing[i] * 5; }, 0);
          return { total: ids.length, partial: partial, remainingBytes: remainingBytes, results: ordered.map(docOf), labels: meta.labels };
        });
      });
    });
  }
  api.search = search;

  function resultURL(doc, query) {
    var url = doc.url;
    var hash = url.indexOf("#");
    var path = hash >= 0 ? url.slice(0, hash) : url;
    var fragment = hash >= 0 ? url.slice(hash) : "";
    return base + path + "?hl=" + encodeURIComponent(query) + fragment;
  }

  function renderSnippet(el, text, query, width) {
    snippet(text, query, width).forEach(function (p) {
      if (p.mark) {
        var m = document.createElement("mark");
        m.textContent = p.text;
        el.appendChild(m);
      } else {
        el.appendChild(document.createTextNode(p.text));
      }
    });
  }

  function resultItem(doc, query, labels, tag, width) {
    var item = document.createElement(tag);
    item.className = "search-result";
    var a = document.createElement("a");
    a.href = resultURL(doc, query);
    var label = document.createElement("span");
    label.className = "search-type search-type-" + doc.type;
    label.textContent = labels[doc.type] || doc.type;
    var title = document.createElement("span");
    title.className = "search-title";
    renderSnippet(title, doc.title, query, 200);
    a.appendChild(label);
    a.appendChild(title);
    item.appendChild(a);
    if (doc.breadcrumb) {
      var crumb = document.createElement("span");
      crumb.className = "search-breadcrumb";
      crumb.textContent = doc.breadcrumb;
      item.appendChild(crumb);
    }
    var snip = document.createElement("span");
    snip.className = "search-snippet";
    renderSnippet(snip, doc.text, query, width);
    item.appendChild(snip);
    return item;
  }

  function noResults(container, query) {
    var p = document.createElement("p");
    p.className = "search-empty";
    p.textContent = "「" + query + "」に一致するページは見つかりませんでした。言葉を短くするか、別の言い方（例：ランサムウェア、通報、VPN）で試してください。";
    container.appendChild(p);
    var sm = document.createElement("a");
    sm.href = base + "sitemap.html";
    sm.textContent = "サイトマップを見る";
    container.appendChild(sm);
  }

  /* ---- header box: results as you type ---- */
  var input = document.getElementById("site-search-input");
  var popup = document.getElementById("site-search-results");
  if (input && popup) {
    var timer = null;
    var active = -1;
    var generation = 0;
    var options = function () { return Array.prototype.slice.call(popup.querySelectorAll("[role=option]")); };
    var close = function () { popup.hidden = true; input.setAttribute("aria-expanded", "false"); input.removeAttribute("aria-activedescendant"); active = -1; };
    var setActive = function (i) {
      var opts = options();
      if (!opts.length) return;
      active = (i + opts.length) % opts.length;
      opts.forEach(function (o, j) { o.setAttribute("aria-selected", j === active ? "true" : "false"); });
      input.setAttribute("aria-activedescendant", opts[active].id);
      opts[active].scrollIntoView({ block: "nearest" });
    };
    var run = function () {
      var q = input.value.trim();
      var mine = ++generation;
      if (!q) { popup.textContent = ""; close(); return; }
      search(q, 8).then(function (r) {
        if (mine !== generation) return;
        popup.textContent = "";
        active = -1;
        if (!r.results.length) {
          noResults(popup, q);
        } else {
          var list = document.createElement("ul");
          r.results.forEach(function (doc, i) {
            var li = resultItem(doc, q, r.labels, "li", 60);
            li.setAttribute("role", "option");
            li.id = "site-search-option-" + i;
            li.setAttribute("aria-selected", "false");
            list.appendChild(li);
          });
          popup.appendChild(list);
          var all = document.createElement("a");
          all.className = "search-all";
          all.href = base + "search.html?q=" + encodeURIComponent(q);
          all.textContent = "すべての結果を見る（" + r.total + (r.partial ? "件以上" : "件") + "）";
          popup.appendChild(all);
        }
        popup.hidden = false;
        input.setAttribute("aria-expanded", "true");
      }).catch(function () { /* a missing shard: leave the box as it is */ });
    };
    input.addEventListener("input", function () { clearTimeout(timer); timer = setTimeout(run, 150); });
    input.addEventListener("keydown", function (e) {
      if (e.key === "ArrowDown") { e.preventDefault(); if (popup.hidden) run(); else setActive(active + 1); }
      else if (e.key === "ArrowUp") { e.preventDefault(); setActive(active - 1); }
      else if (e.key === "Escape") { close(); }
      else if (e.key === "Enter" && active >= 0) {
        e.preventDefault();
        var link = options()[active].querySelector("a");
        if (link) location.href = link.href;
      }
    });
    document.addEventListener("click", function (e) { if (!input.form.contains(e.target)) close(); });
    document.addEventListener("keydown", function (e) {
      var t = e.target;
      var typing = t && (t.tagName === "INPUT" || t.tagName === "TEXTAREA" || t.tagName === "SELECT" || t.isContentEditable);
      if (e.key === "/" && !typing && !e.ctrlKey && !e.metaKey && !e.altKey) { e.preventDefault(); input.focus(); input.select(); }
    });
  }

  /* ---- search.html: full results ---- */
  var resultsList = document.getElementById("search-results");
  var status = document.getElementById("search-status");
  var pageInput = document.getElementById("search-page-input");
  if (resultsList && status) {
    var q = new URLSearchParams(location.search).get("q") || "";
    if (pageInput) pageInput.value = q;
    if (input) input.value = q;
    if (q.trim()) {
      var query = q.trim();
      var shown = 0;
      var everything = false;
      var empty = null;
      var moreButton = document.createElement("button");
      moreButton.type = "button";
      moreButton.hidden = true;
      var deepButton = document.createElement("button");
      deepButton.type = "button";
      deepButton.hidden = true;
      resultsList.parentNode.insertBefore(deepButton, resultsList.nextSibling);
      resultsList.parentNode.insertBefore(moreButton, resultsList.nextSibling);
      var page = function (limit) {
        return search(query, limit, everything).then(function (r) {
          status.textContent = r.total ? "「" + query + "」の検索結果：" + r.total + (r.partial ? "件以上" : "件") : "";
          if (empty) { empty.remove(); empty = null; }
          if (!r.results.length) {
            empty = status.parentNode.insertBefore(document.createElement("div"), resultsList);
            noResults(empty, query);
          }
          r.results.slice(shown).forEach(function (doc) { resultsList.appendChild(resultItem(doc, query, r.labels, "li", 160)); });
          shown = r.results.length;
          moreButton.hidden = shown >= r.total;
          moreButton.textContent = "さらに表示";
          /* Very common words: only their best matches were searched; offer the rest. */
          deepButton.hidden = !r.partial || shown >= limit;
          deepButton.textContent = "よく使われる語を含むため、上位の候補だけを調べました。すべての候補を調べる（追加のデータを読み込みます）";
        });
      };
      moreButton.addEventListener("click", function () { page(shown + 10); });
      deepButton.addEventListener("click", function () {
        everything = true;
        shown = 0;
        resultsList.textContent = "";
        page(10);
      });
      status.textContent = "検索しています…";
      page(10).catch(function () { status.textContent = "検索データを読み込めませんでした。"; });
    } else {
      status.textContent = "キーワードを入力してください。";
    }
  }

  /* ---- the page a result opened: highlight the words ---- */
  var hl = new URLSearchParams(location.search).get("hl");
  var main = document.getElementById("main");
  if (hl && main) {
    var words = fold(hl).split(/\s+/).filter(Boolean);
    var walker = document.createTreeWalker(main, NodeFilter.SHOW_TEXT, null);
    var nodes = [];
    while (walker.nextNode()) nodes.push(walker.currentNode);
    nodes.forEach(function (node) {
      if (!node.nodeValue.trim() || (node.parentNode && /^(SCRIPT|STYLE|MARK)$/.test(node.parentNode.nodeName))) return;
      var pieces = snippet(node.nodeValue, hl, Infinity);
      if (!pieces.some(function (p) { return p.mark; })) return;
      var frag = document.createDocumentFragment();
      pieces.forEach(function (p) {
        if (p.mark) { var m = document.createElement("mark"); m.className = "search-highlight"; m.textContent = p.text; frag.appendChild(m); }
        else frag.appendChild(document.createTextNode(p.text));
      });
      node.parentNode.replaceChild(frag, node);
    });
    void words;
  }
})(typeof window !== "undefined" ? window : globalThis);
