/* Portal search: the same text rule as the index (README "Search"), shards loaded with classic
 * <script> tags (fetch() is blocked on file://), results as you type in the header, full results
 * on search.html?q=…, and highlighting of the words on the page a result opens.
 * Pure functions first (tested by node --test), DOM wiring last. Results are built with
 * textContent and <mark> elements only: content can never inject markup. */
(function (root) {
  "use strict";

  /* ---- the text rule ---- */
  /* search/words.js (written by the build) carries the kana folding table Swift indexes with,
   * the stop words and the synonym groups; node tests hand them over with setWords. */
  var words = null;
  var foldPattern = null, foldMap = null;
  var synonymIndex = {};
  function setWords(w) {
    words = w || { folding: [], stem: 4, stopWords: [], synonyms: [] };
    foldMap = {};
    var keys = words.folding.map(function (p) { foldMap[p[0]] = p[1]; return p[0]; });
    keys.sort(function (a, b) { return b.length - a.length; });
    foldPattern = keys.length ? new RegExp(keys.join("|"), "g") : null;
    synonymIndex = {};
    words.synonyms.forEach(function (group, i) {
      group.forEach(function (word) { var k = synonymKey(word); if (!(k in synonymIndex)) synonymIndex[k] = i; });
    });
  }

  var KATAKANA_RUN = /[\u30a1-\u30fa\u30fc-\u30fe]+/g;
  function fold(text) {
    if (!words) setWords(root.PortalSearchWords);
    var t = String(text == null ? "" : text).normalize("NFKC").toLowerCase();
    if (foldPattern) t = t.replace(foldPattern, function (m) { return foldMap[m]; });
    return t.replace(KATAKANA_RUN, function (run) {
      return run.length >= words.stem && run.charCodeAt(run.length - 1) === 0x30fc ? run.slice(0, -1) : run;
    });
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
  function tailShards(tokens, meta, shards) {
    return Object.keys(tailPostings(tokens, meta, shards)).map(Number);
  }

  /* How many postings the tails hold for these query tokens, by shard (TAIL_BYTES_PER_POSTING each). */
  function tailPostings(tokens, meta, shards) {
    var needed = {};
    tokens.forEach(function (token) {
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
  /* A tail posting ("gap:weight,") is about 6 bytes of JSON and 3 once deflated and in base64. */
  var TAIL_BYTES_PER_POSTING = 3;

  /* ---- what a query asks for: words, each with its alternatives ---- */
  function synonymKey(word) {
    return tokensRuns(fold(word)).join("");
  }

  /* The folded text's runs of word characters (Latin/digit runs, Japanese runs). */
  function tokensRuns(folded) {
    var out = [], run = "", runKind = 0;
    for (var ch of folded) {
      var k = kind(ch.codePointAt(0));
      if (k !== runKind) { if (run) out.push({ text: run, kind: runKind }); run = ""; runKind = k; }
      if (k !== 0) run += ch;
    }
    if (run) out.push({ text: run, kind: runKind });
    return out.map(function (r) { return r.text; });
  }

  function isKatakana(text) { return /^[\u30a1-\u30fa\u30fc-\u30fe]+$/.test(text); }

  var segmenter = typeof Intl !== "undefined" && Intl.Segmenter ? new Intl.Segmenter("ja", { granularity: "word" }) : null;
  function segments(text) {
    if (!segmenter) return [text];
    var out = [];
    for (var s of segmenter.segment(text)) if (s.isWordLike) out.push(s.segment);
    return out;
  }

  /* Latin and katakana runs whole; other Japanese runs through the word breaker (the ICU
   * dictionary, as Swift's QueryWords), neighbouring katakana pieces joined again. */
  function pieces(folded) {
    var out = [];
    var run = "", runKind = 0;
    function flush() {
      if (!run) return;
      if (runKind !== 2 || isKatakana(run)) { out.push(run); run = ""; return; }
      var last = false;
      segments(run).forEach(function (seg) {
        var k = isKatakana(seg);
        if (k && last) out[out.length - 1] += seg; else out.push(seg);
        last = k;
      });
      run = "";
    }
    for (var ch of folded) {
      var k = kind(ch.codePointAt(0));
      if (k !== runKind) { flush(); runKind = k; }
      if (k !== 0) run += ch;
    }
    flush();
    return out;
  }

  var LONGEST_SYNONYM_PIECES = 4;
  function queryWords(query) {
    if (!words) setWords(root.PortalSearchWords);
    var parts = pieces(fold(query));
    var meaningful = parts.filter(function (p) { return words.stopWords.indexOf(p) < 0; });
    if (meaningful.length) parts = meaningful;
    var out = [];
    for (var i = 0; i < parts.length;) {
      var length = 1, group = -1;
      for (var n = Math.min(LONGEST_SYNONYM_PIECES, parts.length - i); n >= 1; n--) {
        var key = parts.slice(i, i + n).join("");
        if (Object.prototype.hasOwnProperty.call(synonymIndex, key)) { length = n; group = synonymIndex[key]; break; }
      }
      var text = parts.slice(i, i + length).join("");
      var alternatives = [text];
      if (group >= 0) {
        /* The group's words as written (folded, spaces kept), the one typed first. */
        var members = words.synonyms[group].map(fold);
        var typed = members.filter(function (m) { return synonymKey(m) === text; })[0];
        text = typed || text;
        alternatives = [text].concat(members.filter(function (m) { return m !== text; }));
      }
      if (!out.some(function (w) { return w.text === text; })) {
        out.push({ text: text, alternatives: alternatives, substantial: Array.from(text).length >= 2 || alternatives.length > 1 });
      }
      i += length;
    }
    return out;
  }

  /* Every token a query needs, for loading shards. */
  function queryTokens(ws) {
    var out = [];
    ws.forEach(function (w) { w.alternatives.forEach(function (a) { effectiveTokens(a).forEach(function (t) { if (out.indexOf(t) < 0) out.push(t); }); }); });
    return out;
  }

  /* Documents holding every token of `text`, with their BM25 score: Swift's SearchIndex.scores. */
  function scores(text, meta, shards, tails) {
    var tokens = effectiveTokens(text);
    if (!tokens.length) return new Map();
    var result = null;
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
        if (result === null) next.set(doc, w * weight / 100);
        else if (result.has(doc)) next.set(doc, result.get(doc) + w * weight / 100);
      });
      result = next;
    }
    return result;
  }

  /* doc -> per-word scores (0 where the word is missing). */
  function scoreWords(ws, meta, shards, tails) {
    var scored = new Map();
    ws.forEach(function (word, wi) {
      var best = new Map();
      word.alternatives.forEach(function (a) {
        scores(a, meta, shards, tails).forEach(function (v, doc) { if (v > (best.get(doc) || 0)) best.set(doc, v); });
      });
      best.forEach(function (v, doc) {
        if (!scored.has(doc)) scored.set(doc, ws.map(function () { return 0; }));
        scored.get(doc)[wi] = v;
      });
    });
    return scored;
  }

  /* ---- the page's layout of the index: pages and runs of kinds ---- */
  var B64 = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
  function pageIndex(meta) {
    if (meta._pages) return meta._pages;
    var out = new Int32Array(meta.documents);
    var page = -1;
    for (var i = 0; i < meta.documents; i++) {
      if ((B64.indexOf(meta.pages.charAt((i / 6) | 0)) >> (i % 6)) & 1) page++;
      out[i] = page;
    }
    meta._pages = out;
    return out;
  }
  function runOf(doc, meta) {
    var runs = meta.runs, lo = 0, hi = runs.length - 1;
    while (lo < hi) { var mid = (lo + hi + 1) >> 1; if (runs[mid][0] <= doc) lo = mid; else hi = mid - 1; }
    return runs[lo];
  }

  var SECTIONS_PER_PAGE = 3, NAMED_SERVICES = 3;
  function sum(a) { return a.reduce(function (x, y) { return x + y; }, 0); }
  function eligible(missing, ws) {
    return missing.length === 0 || ws.some(function (w, i) { return missing.indexOf(i) < 0 && w.substantial; });
  }
  function byTotal(scored) {
    return function (a, b) { return sum(scored.get(b)) - sum(scored.get(a)) || a - b; };
  }

  /* Services worth checking for a name the query spells out: the best four. */
  function serviceCandidates(ws, scored, meta) {
    var members = registryMembers(ws, scored, meta);
    return members.slice(0, NAMED_SERVICES + 1);
  }
  function registryMembers(ws, scored, meta) {
    var full = [], partial = [];
    Array.from(scored.keys()).sort(function (a, b) { return a - b; }).forEach(function (doc) {
      if (runOf(doc, meta)[1] !== "service") return;
      var per = scored.get(doc);
      var missing = [];
      per.forEach(function (v, i) { if (v === 0) missing.push(i); });
      if (missing.length === 0) full.push(doc);
      if (eligible(missing, ws)) partial.push(doc);
    });
    return (full.length ? full : partial).sort(byTotal(scored));
  }

  /* Results, best first: Swift's SearchRanking.rank, step for step. `docOf(id)` gives the
   * loaded documents of `serviceCandidates` (their names are checked against the query). */
  function group(ws, scored, meta, docOf) {
    if (!ws.length) return [];
    var pages = pageIndex(meta);
    var byPage = new Map();
    Array.from(scored.keys()).sort(function (a, b) { return a - b; }).forEach(function (doc) {
      if (runOf(doc, meta)[1] === "service") return;
      var p = pages[doc];
      if (!byPage.has(p)) byPage.set(p, []);
      byPage.get(p).push(doc);
    });
    var results = [];
    byPage.forEach(function (docs) {
      var per = ws.map(function (w, i) { return Math.max.apply(null, docs.map(function (d) { return scored.get(d)[i]; })); });
      var ordered = docs.slice().sort(byTotal(scored));
      var missing = [];
      per.forEach(function (v, i) { if (v === 0) missing.push(i); });
      if (!eligible(missing, ws)) return;
      results.push({ kind: "page", pageKey: pages[docs[0]], documents: ordered.slice(0, SECTIONS_PER_PAGE), score: sum(per),
                     missing: missing.map(function (i) { return ws[i].text; }), reference: runOf(docs[0], meta)[1] === "term" });
    });
    /* The registry result opens the registry's own page: one result for both. */
    registryResults(ws, scored, meta, docOf).forEach(function (registry) {
      if (registry.kind === "registry") {
        var i = meta.registry >= 0 ? results.findIndex(function (r) { return r.pageKey === pages[meta.registry]; }) : -1;
        if (i >= 0) {
          if (results[i].missing.length <= registry.missing.length) registry.score = Math.max(registry.score, results[i].score);
          results.splice(i, 1);
        }
      }
      results.push(registry);
    });
    /* A page about the topic outranks the rows and glossary entries that mention it (SearchRanking.rank). */
    function isPage(r) { return r.kind === "page" && !r.reference; }
    results.forEach(function (r) {
      if (isPage(r)) return;
      var best = -1;
      results.forEach(function (p) { if (isPage(p) && p.missing.length === r.missing.length && p.score > best) best = p.score; });
      if (best >= 0 && r.score >= best) r.score = best - best * 1e-9;
    });
    results.sort(order);
    return results;
  }

  function order(a, b) {
    return a.missing.length - b.missing.length || b.score - a.score || a.documents[0] - b.documents[0];
  }

  /* Most of a name (three fifths or more), not a word many names share: SearchRanking.spellsOut. */
  function spellsOut(phrase, name) {
    return phrase.length > 0 && name.indexOf(phrase) >= 0 && Array.from(phrase).length * 5 >= Array.from(name).length * 3;
  }

  function registryResults(ws, scored, meta, docOf) {
    var ranked = registryMembers(ws, scored, meta);
    if (!ranked.length) return [];
    function missingOf(docs) {
      return ws.filter(function (w, i) { return docs.every(function (d) { return scored.get(d)[i] === 0; }); }).map(function (w) { return w.text; });
    }
    var phrase = synonymKey(ws.map(function (w) { return w.text; }).join(""));
    var named = ranked.slice(0, NAMED_SERVICES + 1).filter(function (doc) {
      var d = docOf(doc);
      if (!d) return false;
      var crumbs = d.breadcrumb.split(" › ");
      return spellsOut(phrase, synonymKey(d.title)) || spellsOut(phrase, synonymKey(crumbs[crumbs.length - 1]));
    });
    var out = [];
    var rest = ranked;
    if (named.length && named.length <= NAMED_SERVICES) {
      named.forEach(function (doc) { out.push({ kind: "service", documents: [doc], score: sum(scored.get(doc)), missing: missingOf([doc]) }); });
      rest = ranked.filter(function (d) { return named.indexOf(d) < 0; });
    }
    if (rest.length) {
      var counts = [];
      rest.slice().sort(function (a, b) { return a - b; }).forEach(function (doc) {
        var run = runOf(doc, meta);
        var last = counts[counts.length - 1];
        if (last && last.category === run[2]) last.count++; else counts.push({ category: run[2], label: run[3] || run[2], count: 1 });
      });
      out.push({ kind: "registry", count: rest.length, byCategory: counts, documents: rest.slice(0, SECTIONS_PER_PAGE),
                 score: sum(scored.get(rest[0])), missing: missingOf(rest) });
    }
    return out;
  }

  /* Chunk starts arrive as base-36 gaps ("0,7,8"). */
  function decodeStarts(text) {
    var at = 0;
    return String(text).split(",").map(function (g) { at += parseInt(g, 36); return at; });
  }

  function chunkOf(doc, starts) {
    var lo = 0, hi = starts.length - 1;
    while (lo < hi) {
      var mid = (lo + hi + 1) >> 1;
      if (starts[mid] <= doc) lo = mid; else hi = mid - 1;
    }
    return lo;
  }

  /* What to mark for a query: every alternative of every word, in pieces without spaces. */
  function marksOf(query) {
    var out = [];
    queryWords(query).forEach(function (w) {
      w.alternatives.forEach(function (a) { tokensRuns(a).forEach(function (r) { if (out.indexOf(r) < 0) out.push(r); }); });
    });
    return out;
  }

  /* Splits `text` into pieces [{text, mark}] around the query's words and their synonyms
   * (folded matching), windowed to about `width` characters around the first hit. `query` is
   * the query, or the list of marks (see marksOf). */
  function snippet(text, query, width) {
    width = width || 110;
    var words = typeof query === "string" ? marksOf(query) : query;
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

  /* ---- inflating the compressed search files ---- */
  /* A zlib stream (RFC 1950/1951) inflated synchronously, after zlib's own puff.c: document
   * chunks are a few kilobytes, and DecompressionStream's asynchronous hops cost more than the
   * decoding itself (about 50 ms on a first query of 13 chunks, measured in Chromium). Throws on a
   * damaged stream. */
  var LBASE = [3, 4, 5, 6, 7, 8, 9, 10, 11, 13, 15, 17, 19, 23, 27, 31, 35, 43, 51, 59, 67, 83, 99, 115, 131, 163, 195, 227, 258];
  var LEXT = [0, 0, 0, 0, 0, 0, 0, 0, 1, 1, 1, 1, 2, 2, 2, 2, 3, 3, 3, 3, 4, 4, 4, 4, 5, 5, 5, 5, 0];
  var DBASE = [1, 2, 3, 4, 5, 7, 9, 13, 17, 25, 33, 49, 65, 97, 129, 193, 257, 385, 513, 769, 1025, 1537, 2049, 3073, 4097, 6145,
    8193, 12289, 16385, 24577];
  var DEXT = [0, 0, 0, 0, 1, 1, 2, 2, 3, 3, 4, 4, 5, 5, 6, 6, 7, 7, 8, 8, 9, 9, 10, 10, 11, 11, 12, 12, 13, 13];
  var CLORDER = [16, 17, 18, 0, 8, 7, 9, 6, 10, 5, 11, 4, 12, 3, 13, 2, 14, 1, 15];
  function huffman(lengths, n) {
    var counts = new Uint16Array(16), offsets = new Uint16Array(16), symbols = new Uint16Array(n), i;
    for (i = 0; i < n; i++) counts[lengths[i]]++;
    counts[0] = 0;
    for (i = 1; i < 16; i++) offsets[i] = offsets[i - 1] + counts[i - 1];
    for (i = 0; i < n; i++) if (lengths[i]) symbols[offsets[lengths[i]]++] = i;
    return { counts: counts, symbols: symbols };
  }
  var fixedCodes = null;
  function inflate(input) {
    if (input.length < 6 || (input[0] & 15) !== 8 || ((input[0] << 8) | input[1]) % 31 !== 0 || (input[1] & 32)) throw new Error("not a zlib stream");
    var pos = 2, bitBuffer = 0, bitCount = 0;
    var out = new Uint8Array(Math.max(1024, input.length * 4)), length = 0;
    function bits(n) {
      while (bitCount < n) {
        if (pos >= input.length) throw new Error("zlib stream cut short");
        bitBuffer |= input[pos++] << bitCount;
        bitCount += 8;
      }
      var v = bitBuffer & ((1 << n) - 1);
      bitBuffer >>>= n;
      bitCount -= n;
      return v;
    }
    function room(n) {
      if (length + n <= out.length) return;
      var bigger = new Uint8Array(Math.max(out.length * 2, length + n));
      bigger.set(out.subarray(0, length));
      out = bigger;
    }
    function decode(h) {
      var code = 0, first = 0, index = 0, counts = h.counts;
      for (var len = 1; len < 16; len++) {
        /* bits(1), inlined: this loop is where inflating spends its time. */
        if (bitCount === 0) {
          if (pos >= input.length) throw new Error("zlib stream cut short");
          bitBuffer = input[pos++];
          bitCount = 8;
        }
        code |= bitBuffer & 1;
        bitBuffer >>>= 1;
        bitCount--;
        var count = counts[len];
        if (code - count < first) return h.symbols[index + (code - first)];
        index += count;
        first = (first + count) << 1;
        code <<= 1;
      }
      throw new Error("bad Huffman code");
    }
    function codes(lit, dist) {
      for (;;) {
        var sym = decode(lit);
        if (sym < 256) { room(1); out[length++] = sym; continue; }
        if (sym === 256) return;
        sym -= 257;
        if (sym >= 29) throw new Error("bad length code");
        var n = LBASE[sym] + bits(LEXT[sym]);
        var d = decode(dist);
        if (d >= 30) throw new Error("bad distance code");
        var back = DBASE[d] + bits(DEXT[d]);
        if (back > length) throw new Error("distance too far back");
        room(n);
        for (var k = 0; k < n; k++, length++) out[length] = out[length - back];
      }
    }
    var last;
    do {
      last = bits(1);
      var type = bits(2), i;
      if (type === 0) {
        bitBuffer = 0; bitCount = 0;
        if (pos + 4 > input.length) throw new Error("zlib stream cut short");
        var len = input[pos] | (input[pos + 1] << 8), nlen = input[pos + 2] | (input[pos + 3] << 8);
        if (len !== (~nlen & 0xffff) || pos + 4 + len > input.length) throw new Error("bad stored block");
        room(len);
        out.set(input.subarray(pos + 4, pos + 4 + len), length);
        length += len;
        pos += 4 + len;
      } else if (type === 1) {
        if (!fixedCodes) {
          var fixed = new Uint8Array(288);
          for (i = 0; i < 288; i++) fixed[i] = i < 144 ? 8 : i < 256 ? 9 : i < 280 ? 7 : 8;
          var fd = new Uint8Array(30).fill(5);
          fixedCodes = [huffman(fixed, 288), huffman(fd, 30)];
        }
        codes(fixedCodes[0], fixedCodes[1]);
      } else if (type === 2) {
        var nlit = bits(5) + 257, ndist = bits(5) + 1, ncode = bits(4) + 4;
        if (nlit > 286 || ndist > 30) throw new Error("bad counts");
        var lengths = new Uint8Array(320);
        for (i = 0; i < ncode; i++) lengths[CLORDER[i]] = bits(3);
        var lencode = huffman(lengths, 19);
        lengths = new Uint8Array(nlit + ndist);
        for (i = 0; i < nlit + ndist;) {
          var sym = decode(lencode);
          if (sym < 16) { lengths[i++] = sym; continue; }
          var repeat, value = 0;
          if (sym === 16) {
            if (i === 0) throw new Error("repeat with no length");
            value = lengths[i - 1];
            repeat = 3 + bits(2);
          } else {
            repeat = sym === 17 ? 3 + bits(3) : 11 + bits(7);
          }
          if (i + repeat > nlit + ndist) throw new Error("too many lengths");
          while (repeat--) lengths[i++] = value;
        }
        codes(huffman(lengths.subarray(0, nlit), nlit), huffman(lengths.subarray(nlit), ndist));
      } else {
        throw new Error("bad block type");
      }
    } while (!last);
    /* The Adler-32 of what came out, after the last block's byte. */
    if (pos + 4 > input.length) throw new Error("zlib stream cut short");
    var a = 1, b = 0;
    for (var at = 0; at < length;) {
      for (var end = Math.min(length, at + 5552); at < end; at++) { a += out[at]; b += a; }
      a %= 65521; b %= 65521;
    }
    var expected = ((input[pos] << 24) | (input[pos + 1] << 16) | (input[pos + 2] << 8) | input[pos + 3]) >>> 0;
    if ((((b << 16) | a) >>> 0) !== expected) throw new Error("zlib checksum mismatch");
    return out.subarray(0, length);
  }
  /* The JSON a compressed search file carries: base64 → zlib → UTF-8 → value. */
  function inflateJSON(b64) {
    var bin = atob(b64), bytes = new Uint8Array(bin.length);
    for (var i = 0; i < bin.length; i++) bytes[i] = bin.charCodeAt(i);
    return JSON.parse(new TextDecoder("utf-8").decode(inflate(bytes)));
  }

  var api = {
    fold: fold, tokenize: tokenize, tokensOfNormalized: tokensOfNormalized, effectiveTokens: effectiveTokens,
    decodePostings: decodePostings, decodeEntry: decodeEntry, tailShards: tailShards, tailPostings: tailPostings, shardOf: shardOf,
    chunkOf: chunkOf, decodeStarts: decodeStarts, snippet: snippet, marksOf: marksOf, setWords: setWords, pieces: pieces, queryWords: queryWords,
    queryTokens: queryTokens, scores: scores, scoreWords: scoreWords, group: group, serviceCandidates: serviceCandidates,
    pageIndex: pageIndex, runOf: runOf, synonymKey: synonymKey, inflate: inflate, inflateJSON: inflateJSON
  };
  root.PortalSearch = api;
  if (typeof module !== "undefined" && module.exports) module.exports = api;
  if (typeof document === "undefined") return;

  /* ---- loading shards with classic scripts ---- */
  var script = document.currentScript;
  var base = script ? script.src.replace(/assets\/search\.js(?:[?#].*)?$/, "") : "";
  var store = { meta: null, terms: {}, tails: {}, docs: {}, waiting: {} };
  root.PortalSearchData = {
    meta: function (m) { m.chunks = decodeStarts(m.chunks); store.meta = m; done("meta"); },
    terms: function (i, t) { store.terms[i] = t; done("terms-" + i); },
    tails: function (i, z) { inflated("tails-" + i, z, function (t) { store.tails[i] = t; }); },
    docs: function (i, z) { inflated("docs-" + i, z, function (d) { store.docs[i] = d; }); }
  };
  function done(name, error) {
    var w = store.waiting[name];
    if (w) { if (error) w.reject(error); else w.resolve(); }
  }
  /* Document chunks and tails arrive deflated, as base64 (the build's SearchIndexFiles): about
   * a third of their bytes. They are inflated here, synchronously; nothing is fetched. */
  function inflated(name, b64, keep) {
    try {
      keep(inflateJSON(b64));
      done(name);
    } catch (e) {
      done(name, e instanceof Error ? e : new Error("could not read " + name));
    }
  }
  function load(name) {
    if (store.waiting[name]) return store.waiting[name].promise;
    var entry = {};
    entry.promise = new Promise(function (resolve, reject) {
      entry.resolve = resolve;
      entry.reject = reject;
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
    return { id: id, type: r[0], title: r[1], breadcrumb: r[2], url: r[3], text: r[4], category: r[5], pageTitle: r[6] };
  }

  /* Runs a query: loads the term shards it needs, ranks and groups, loads the documents to
   * show. With `everything`, the tails of common terms are fetched whatever their size. */
  function search(query, limit, everything) {
    return load("meta").then(function () {
      var meta = store.meta;
      var ws = queryWords(query);
      var tokens = queryTokens(ws);
      var needed = {};
      tokens.forEach(function (t) { needed[shardOf(t, meta.shards)] = true; });
      var loadChunks = function (ids) {
        var chunks = {};
        ids.forEach(function (id) { chunks[chunkOf(id, meta.chunks)] = true; });
        return Promise.all(Object.keys(chunks).map(function (c) { return load("docs-" + c); }));
      };
      return Promise.all(Object.keys(needed).map(function (i) { return load("terms-" + i); })).then(function () {
        /* The heads gave too few: fetch the rest of the postings of the terms that have more,
         * unless that is a lot of data (very common words) and the reader has not asked. */
        var counts = tailPostings(tokens, meta, store.terms);
        var more = Object.keys(counts).map(Number).filter(function (i) { return !store.tails[i]; });
        var bytes = more.reduce(function (total, i) { return total + counts[i] * TAIL_BYTES_PER_POSTING; }, 0);
        var scored = scoreWords(ws, meta, store.terms, store.tails);
        if (!more.length || (scored.size >= limit * 4 && !everything) || (!everything && bytes > TAIL_BUDGET_BYTES)) return scored;
        return Promise.all(more.map(function (i) { return load("tails-" + i); })).then(function () {
          return scoreWords(ws, meta, store.terms, store.tails);
        });
      }).then(function (scored) {
        /* Services that may be named by the query are looked at before grouping. */
        return loadChunks(serviceCandidates(ws, scored, meta)).then(function () {
          var results = group(ws, scored, meta, docOf);
          var top = results.slice(0, limit);
          var ids = [];
          top.forEach(function (r) { ids = ids.concat(r.documents); });
          return loadChunks(ids).then(function () {
            var missing = tailPostings(tokens, meta, store.terms);
            var unloaded = Object.keys(missing).filter(function (i) { return !store.tails[i]; });
            return {
              total: results.length, partial: unloaded.length > 0,
              remainingBytes: unloaded.reduce(function (total, i) { return total + missing[i] * TAIL_BYTES_PER_POSTING; }, 0),
              results: top, words: ws, marks: marksOf(query), labels: meta.labels
            };
          });
        });
      });
    });
  }
  api.search = search;

  function withHighlight(url, query) {
    var hash = url.indexOf("#");
    var path = hash >= 0 ? url.slice(0, hash) : url;
    var fragment = hash >= 0 ? url.slice(hash) : "";
    return base + path + "?hl=" + encodeURIComponent(query) + fragment;
  }

  function renderSnippet(el, text, marks, width) {
    snippet(text, marks, width).forEach(function (p) {
      if (p.mark) {
        var m = document.createElement("mark");
        m.textContent = p.text;
        el.appendChild(m);
      } else {
        el.appendChild(document.createTextNode(p.text));
      }
    });
  }

  function span(className, text) {
    var el = document.createElement("span");
    el.className = className;
    if (text != null) el.textContent = text;
    return el;
  }

  /* The page a result belongs to, relative to the portal root (tests and benchmarks read it). */
  function pageOf(url) { var h = url.indexOf("#"); return h >= 0 ? url.slice(0, h) : url; }

  /* One result: a page with up to three matching sections under it, the registry's matching
   * services counted by category, or one service the query names. */
  function resultItem(result, r, query, tag, width) {
    var item = document.createElement(tag);
    item.className = "search-result";
    var first = docOf(result.documents[0]);
    var a = document.createElement("a");
    var type, title, crumb = "", text = "", page;
    if (result.kind === "registry") {
      page = "services/index.html";
      /* The list filters on every word it is given: a word no service holds (フォレンジック 費用)
       * would open it empty, so it gets only the words these services matched. */
      var matched = (r.words || []).map(function (w) { return w.text; }).filter(function (t) { return result.missing.indexOf(t) < 0; });
      a.href = base + page + "#q=" + encodeURIComponent(matched.length ? matched.join(" ") : query);
      type = "service";
      /* When common words were searched only in part, every count here is a lower bound; the
       * list the link opens filters all rows, so say so rather than print a number it will not show. */
      title = "登録サービス " + result.count + (r.partial ? "件以上（" : "件（") + result.byCategory.map(function (c) {
        return r.partial ? c.label : c.label + " " + c.count + "件";
      }).join("、") + "）";
      crumb = r.labels.service + "一覧 › キーワードで絞り込んだ一覧を開く";
    } else {
      page = pageOf(first.url);
      a.href = withHighlight(first.url, query);
      type = first.type;
      title = result.kind === "service" ? first.title : first.pageTitle;
      crumb = first.breadcrumb;
      text = first.text;
    }
    item.setAttribute("data-page", page);
    item.setAttribute("data-kind", result.kind);
    a.appendChild(span("search-type search-type-" + type, r.labels[type] || type));
    var t = span("search-title");
    renderSnippet(t, title, r.marks, 200);
    a.appendChild(t);
    item.appendChild(a);
    if (crumb) item.appendChild(span("search-breadcrumb", crumb));
    if (result.missing.length) {
      item.classList.add("search-partial");
      item.appendChild(span("search-missing", "一部の語に一致（含まれない語：" + result.missing.join("、") + "）"));
    }
    if (text) {
      var snip = span("search-snippet");
      renderSnippet(snip, text, r.marks, width);
      item.appendChild(snip);
    }
    var sections = result.kind === "page" ? result.documents.map(docOf).filter(function (d) { return d && d.url.indexOf("#") >= 0; }) : [];
    if (sections.length && !(sections.length === 1 && sections[0].id === first.id && first.title === first.pageTitle)) {
      var list = document.createElement("ul");
      list.className = "search-sections";
      sections.forEach(function (d) {
        var li = document.createElement("li");
        /* A section from another part of the page than the result's own (a contact in another
         * group, a question in another FAQ group) says which: 警察庁's number for questions about
         * the request must not read as one of the reporting desks above it. */
        if (d.breadcrumb && d.breadcrumb !== first.breadcrumb) {
          var crumbs = d.breadcrumb.split(" › ");
          li.appendChild(span("search-section-group", crumbs[crumbs.length - 1]));
        }
        var link = document.createElement("a");
        link.href = withHighlight(d.url, query);
        renderSnippet(link, d.title, r.marks, 120);
        li.appendChild(link);
        if (d.id !== first.id) {  /* the best section's snippet is the result's own */
          var sn = span("search-snippet");
          renderSnippet(sn, d.text, r.marks, Math.min(width, 80));
          li.appendChild(sn);
        }
        list.appendChild(li);
      });
      item.appendChild(list);
    }
    return item;
  }

  function notFound(query) { return "「" + query + "」に一致するページは見つかりませんでした。"; }

  /* `said`: the not-found sentence is already in the page's status line (search.html, where a
   * screen reader announces it); the header box says it here. */
  function noResults(container, query, said) {
    var p = document.createElement("p");
    p.className = "search-empty";
    p.textContent = (said ? "" : notFound(query)) + "言葉を短くするか、別の言い方（例：ランサムウェア、通報、VPN）で試してください。";
    container.appendChild(p);
    /* Someone searching in a hurry may be in the middle of an incident: the pages for that,
     * where this portal has them (its navigation links them), come before the site map. */
    var urgent = Array.prototype.filter.call(document.querySelectorAll(".site-nav a"), function (a) {
      return /(^|\/)(incident|contacts)\.html$/.test(a.getAttribute("href") || "");
    });
    if (said && urgent.length) {
      var help = document.createElement("p");
      help.className = "search-empty-help";
      help.appendChild(document.createTextNode("被害が起きている・疑われるときは："));
      urgent.forEach(function (a, i) {
        if (i) help.appendChild(document.createTextNode("、"));
        var link = document.createElement("a");
        link.href = a.href;
        link.textContent = a.textContent;
        help.appendChild(link);
      });
      container.appendChild(help);
    }
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
          r.results.forEach(function (result, i) {
            var li = resultItem(result, r, q, "li", 60);
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
        popup.setAttribute("data-query", q);
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
        status.removeAttribute("data-state");
        return search(query, limit, everything).then(function (r) {
          status.textContent = r.total ? "「" + query + "」の検索結果：" + r.total + (r.partial ? "件以上" : "件") : notFound(query);
          if (empty) { empty.remove(); empty = null; }
          if (!r.results.length) {
            empty = status.parentNode.insertBefore(document.createElement("div"), resultsList);
            noResults(empty, query, true);
          }
          r.results.slice(shown).forEach(function (result) { resultsList.appendChild(resultItem(result, r, query, "li", 160)); });
          shown = r.results.length;
          status.setAttribute("data-state", "done");
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
      page(10).catch(function () { status.textContent = "検索データを読み込めませんでした。"; status.setAttribute("data-state", "done"); });
    } else {
      status.textContent = "キーワードを入力してください。";
    }
  }

  /* ---- the page a result opened: highlight the words ---- */
  var hl = new URLSearchParams(location.search).get("hl");
  var main = document.getElementById("main");
  if (hl && main) {
    var marks = marksOf(hl);
    var walker = document.createTreeWalker(main, NodeFilter.SHOW_TEXT, null);
    var nodes = [];
    while (walker.nextNode()) nodes.push(walker.currentNode);
    nodes.forEach(function (node) {
      if (!node.nodeValue.trim() || (node.parentNode && /^(SCRIPT|STYLE|MARK)$/.test(node.parentNode.nodeName))) return;
      var pieces = snippet(node.nodeValue, marks, Infinity);
      if (!pieces.some(function (p) { return p.mark; })) return;
      var frag = document.createDocumentFragment();
      pieces.forEach(function (p) {
        if (p.mark) { var m = document.createElement("mark"); m.className = "search-highlight"; m.textContent = p.text; frag.appendChild(m); }
        else frag.appendChild(document.createTextNode(p.text));
      });
      node.parentNode.replaceChild(frag, node);
    });
  }
})(typeof window !== "undefined" ? window : globalThis);
