/* Registry filter: categories, penetration-testing option, free text, sort, URL hash state and
 * CSV export. Classic script (works from file://). Logic is in pure functions (tested with
 * node --test); the DOM wiring at the bottom is thin. Rows are built with textContent only. */
(function (root) {
  "use strict";

  var PAGE_SIZE = 100;

  /* The site search's rules when its script is on the page (search.js, loaded first): the same
   * folding as the index (ＶＰＮ = vpn, ランサムウエア = ランサムウェア) and the same words
   * (ペンテスト also finds ペネトレーションテスト), so a search result's 「登録サービス N件」
   * opens on those N rows. Without it: NFKC, lower case, words split at spaces. */
  function search() { return root.PortalSearch && root.PortalSearch.queryWords ? root.PortalSearch : null; }

  function fold(text) {
    var s = search();
    return s ? s.fold(text) : String(text == null ? "" : text).normalize("NFKC").toLowerCase();
  }

  /* The query as words, each a list of alternatives, each a list of pieces that must all occur. */
  function terms(query) {
    var s = search();
    var split = function (t) { return fold(t).split(/\s+/).filter(function (x) { return x.length > 0; }); };
    if (!s) return split(query).map(function (t) { return [[t]]; });
    return s.queryWords(query).map(function (w) { return w.alternatives.map(split); });
  }

  function holds(text, word) {
    return word.some(function (pieces) {
      return pieces.every(function (p) { return text.indexOf(p) !== -1; });
    });
  }

  /* Rows from the data script become objects with a folded search text, computed once. */
  function prepare(data) {
    var f = data.fields;
    var idx = {};
    for (var i = 0; i < f.length; i++) idx[f[i]] = i;
    var names = {};
    (data.categories || []).forEach(function (c) { names[c.id] = [c.name, c.label].filter(Boolean).join(" "); });
    var rows = data.rows.map(function (r, order) {
      return {
        order: order,
        id: r[idx.id], name: r[idx.name], provider: r[idx.provider], category: r[idx.category],
        pentest: r[idx.pentest] === "1" ? true : (r[idx.pentest] === "0" ? false : null),
        registeredOn: r[idx.registered_on], registrar: r[idx.registrar], url: r[idx.url], summary: r[idx.summary],
        /* What the row's search document holds: name, provider, summary, category, option. */
        text: fold([r[idx.name], r[idx.provider], r[idx.summary], names[r[idx.category]] || "", "基準適合サービス",
                    r[idx.pentest] === "1" ? "ペネトレーションテスト 侵入試験" : ""].join("\n"))
      };
    });
    return { categories: data.categories, rows: rows };
  }

  function emptyState() {
    return { categories: [], pentest: false, q: "", sort: "" };
  }

  /* Rows in a sort order, computed once per order and kept, with the fields the filter tests laid
   * out as compact arrays in that order: an update then scans memory in sequence (linear, no
   * sorting), which keeps 100,000 rows within a frame. */
  var orderCache = typeof WeakMap !== "undefined" ? new WeakMap() : null;
  function column(list) {
    var codes = {};
    var category = new Uint16Array(list.length);
    var pentest = new Uint8Array(list.length);
    var text = new Array(list.length);
    for (var i = 0; i < list.length; i++) {
      var c = list[i].category;
      if (!(c in codes)) codes[c] = Object.keys(codes).length + 1;
      category[i] = codes[c];
      pentest[i] = list[i].pentest === true ? 1 : 0;
      text[i] = list[i].text;
    }
    return { rows: list, codes: codes, category: category, pentest: pentest, text: text };
  }
  function view(rows, sort) {
    var key = sort || "";
    var byRows = orderCache && orderCache.get(rows);
    if (!byRows) { byRows = {}; if (orderCache) orderCache.set(rows, byRows); }
    if (!byRows[key]) byRows[key] = column(key ? sortRows(rows, key) : rows);
    return byRows[key];
  }
  function ordered(rows, sort) { return view(rows, sort).rows; }

  function filterRows(rows, state) {
    var v = view(rows, state.sort);
    var wanted = null;
    if (state.categories.length) {
      wanted = new Uint8Array(Object.keys(v.codes).length + 2);
      state.categories.forEach(function (c) { if (c in v.codes) wanted[v.codes[c]] = 1; });
    }
    var ts = terms(state.q);
    var out = [];
    var n = v.rows.length;
    for (var i = 0; i < n; i++) {
      if (wanted && !wanted[v.category[i]]) continue;
      if (state.pentest && !v.pentest[i]) continue;
      if (ts.length) {
        var text = v.text[i];
        var ok = true;
        for (var j = 0; j < ts.length; j++) {
          if (!holds(text, ts[j])) { ok = false; break; }
        }
        if (!ok) continue;
      }
      out.push(v.rows[i]);
    }
    return out;
  }

  var collator = typeof Intl !== "undefined" ? new Intl.Collator("ja") : null;
  function compareText(a, b) { return collator ? collator.compare(a, b) : (a < b ? -1 : a > b ? 1 : 0); }

  function sortRows(rows, sort) {
    var sorted = rows.slice();
    if (sort === "name" || sort === "provider") {
      sorted.sort(function (a, b) { return compareText(a[sort], b[sort]) || a.order - b.order; });
    }
    if (sort === "date") sorted.sort(function (a, b) { return a.registeredOn < b.registeredOn ? 1 : a.registeredOn > b.registeredOn ? -1 : a.order - b.order; });
    return sorted;
  }

  /* State <-> URL hash, e.g. #cat=vulnerability&pentest=1&q=vpn&sort=date */
  function encodeHash(state) {
    var parts = [];
    if (state.categories.length) parts.push("cat=" + state.categories.map(encodeURIComponent).join(","));
    if (state.pentest) parts.push("pentest=1");
    if (state.q) parts.push("q=" + encodeURIComponent(state.q));
    if (state.sort) parts.push("sort=" + encodeURIComponent(state.sort));
    return parts.length ? "#" + parts.join("&") : "";
  }

  function decodeHash(hash, validCategories) {
    var state = emptyState();
    var text = String(hash || "").replace(/^#/, "");
    if (!text) return state;
    text.split("&").forEach(function (part) {
      var eq = part.indexOf("=");
      if (eq < 0) return;
      var key = part.slice(0, eq);
      var value;
      try { value = decodeURIComponent(part.slice(eq + 1)); } catch (e) { return; }
      if (key === "cat") {
        state.categories = value.split(",").filter(function (c) { return !validCategories || validCategories.indexOf(c) >= 0; });
      } else if (key === "pentest") {
        state.pentest = value === "1";
      } else if (key === "q") {
        state.q = value;
      } else if (key === "sort" && ["name", "provider", "date"].indexOf(value) >= 0) {
        state.sort = value;
      }
    });
    return state;
  }

  /* A category page's form submits ?cat=…&pentest=1&q=… (query strings work on file:// too):
   * the same state as the hash, which the list then keeps. */
  function searchToHash(search, validCategories) {
    var params = new URLSearchParams(String(search || ""));
    if (!params.has("cat") && !params.has("q") && !params.has("pentest") && !params.has("sort")) return "";
    var state = emptyState();
    state.categories = params.getAll("cat").join(",").split(",").filter(function (c) { return c && (!validCategories || validCategories.indexOf(c) >= 0); });
    state.pentest = params.get("pentest") === "1";
    state.q = (params.get("q") || "").trim();
    var sort = params.get("sort") || "";
    state.sort = ["name", "provider", "date"].indexOf(sort) >= 0 ? sort : "";
    return encodeHash(state);
  }

  function countLabel(total, shown) {
    return total + "件中 " + shown + "件";
  }

  /* RFC 4180 CSV with a BOM so Excel opens the Japanese correctly. Cells that a spreadsheet would
   * read as a formula are prefixed with an apostrophe. */
  function csvCell(value) {
    var s = value == null ? "" : String(value);
    if (/^[=+\-@\t\r]/.test(s)) s = "'" + s;
    if (/[",\r\n]/.test(s)) s = '"' + s.replace(/"/g, '""') + '"';
    return s;
  }

  /* The list's own headings (as IPA publishes it), so the file opens in Excel as people know it
   * and reads back into the portal as it is; `english` gives the tool-friendly columns. */
  var CSV_JA = ["サービス名", "事業者名", "登録年月日", "サービス種別", "審査登録機関", "ペネトレーションテスト", "URL", "概要", "ID"];
  var CSV_EN = ["id", "name", "provider", "category", "pentest", "registered_on", "registrar", "url", "summary"];
  function toCSV(rows, categories, english) {
    var names = {};
    (categories || []).forEach(function (c) { names[c.id] = c.name; });
    var lines = [(english ? CSV_EN : CSV_JA).join(",")];
    rows.forEach(function (r) {
      var category = names[r.category] || r.category;
      var cells = english
        ? [r.id, r.name, r.provider, category, r.pentest === true ? "true" : (r.pentest === false ? "false" : ""),
           r.registeredOn, r.registrar, r.url, r.summary]
        : [r.name, r.provider, String(r.registeredOn || "").replace(/-/g, "/"), category, r.registrar,
           r.pentest === true ? "あり" : (r.pentest === false ? "なし" : ""), r.url, r.summary, r.id];
      lines.push(cells.map(csvCell).join(","));
    });
    return "\uFEFF" + lines.join("\r\n") + "\r\n";
  }

  var api = {
    fold: fold, terms: terms, prepare: prepare, emptyState: emptyState, filterRows: filterRows,
    sortRows: sortRows, ordered: ordered, encodeHash: encodeHash, decodeHash: decodeHash, searchToHash: searchToHash, countLabel: countLabel,
    toCSV: toCSV, PAGE_SIZE: PAGE_SIZE
  };
  root.PortalRegistry = api;
  if (typeof module !== "undefined" && module.exports) module.exports = api;

  /* ---- DOM wiring ---- */
  if (typeof document === "undefined") return;
  var form = document.getElementById("registry-filter");
  var data = root.PortalData && root.PortalData.services;
  if (!form || !data) return;

  var registry = prepare(data);
  var categoryIDs = registry.categories.map(function (c) { return c.id; });
  var labels = {};
  registry.categories.forEach(function (c) { labels[c.id] = c.label; });
  var table = document.querySelector(".services-table");
  var tbody = table.tBodies[0];
  var caption = table.caption;
  var count = document.getElementById("registry-count");
  var more = document.getElementById("registry-more");
  var query = document.getElementById("registry-query");
  var sort = document.getElementById("registry-sort");
  var shown = [];
  var limit = PAGE_SIZE;

  function readForm() {
    var state = emptyState();
    Array.prototype.forEach.call(form.querySelectorAll('input[name="category"]'), function (box) {
      if (box.checked) state.categories.push(box.value);
    });
    state.pentest = form.querySelector('input[name="pentest"]').checked;
    state.q = query.value.trim();
    state.sort = sort.value;
    return state;
  }

  function writeForm(state) {
    Array.prototype.forEach.call(form.querySelectorAll('input[name="category"]'), function (box) {
      box.checked = state.categories.indexOf(box.value) >= 0;
    });
    form.querySelector('input[name="pentest"]').checked = state.pentest;
    if (document.activeElement !== query) query.value = state.q;
    sort.value = state.sort;
  }

  function cell(tag, text) {
    var el = document.createElement(tag);
    el.textContent = text;
    return el;
  }

  /* 2024-12-12 → 2024年12月12日: the one date style of the pages (LocalDate.japanese). */
  function japaneseDate(iso) {
    var p = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso || "");
    return p ? Number(p[1]) + "年" + Number(p[2]) + "月" + Number(p[3]) + "日" : (iso || "");
  }

  function rowElement(r) {
    var tr = document.createElement("tr");
    var th = document.createElement("th");
    th.scope = "row";
    if (/^https?:\/\//i.test(r.url)) {
      var a = document.createElement("a");
      a.className = "external";
      a.href = r.url;
      a.rel = "noopener noreferrer";
      a.textContent = r.name;
      th.appendChild(a);
    } else {
      th.textContent = r.name;
    }
    tr.appendChild(th);
    tr.appendChild(cell("td", r.provider));
    var catCell = document.createElement("td");
    var catLink = document.createElement("a");
    catLink.href = encodeURIComponent(r.category) + ".html";
    catLink.textContent = labels[r.category] || r.category;
    catCell.appendChild(catLink);
    tr.appendChild(catCell);
    tr.appendChild(cell("td", r.pentest === true ? "あり" : (r.pentest === false ? "なし" : "—")));
    var dateCell = document.createElement("td");
    var time = document.createElement("time");
    time.dateTime = r.registeredOn;
    time.textContent = japaneseDate(r.registeredOn);
    dateCell.appendChild(time);
    tr.appendChild(dateCell);
    tr.appendChild(cell("td", r.registrar));
    tr.appendChild(cell("td", r.summary));
    return tr;
  }

  function renderRows() {
    var fragment = document.createDocumentFragment();
    var end = Math.min(limit, shown.length);
    for (var i = 0; i < end; i++) fragment.appendChild(rowElement(shown[i]));
    tbody.textContent = "";
    tbody.appendChild(fragment);
    more.textContent = "";
    if (shown.length > end) {
      var button = document.createElement("button");
      button.type = "button";
      button.textContent = "さらに表示（残り" + (shown.length - end) + "件）";
      button.addEventListener("click", function () { limit += PAGE_SIZE * 5; renderRows(); });
      more.appendChild(button);
    }
  }

  function apply(state) {
    shown = filterRows(registry.rows, state);
    limit = PAGE_SIZE;
    renderRows();
    var label = countLabel(registry.rows.length, shown.length);
    count.textContent = label;
    caption.textContent = "絞り込み結果（" + label + "）";
  }

  function fromHash() {
    if (location.search && !location.hash) {
      var hash = searchToHash(location.search, categoryIDs);
      if (hash) history.replaceState(null, "", location.pathname + hash);
    }
    var state = decodeHash(location.hash, categoryIDs);
    writeForm(state);
    apply(state);
  }

  var typing = null;
  function onChange(immediate) {
    var state = readForm();
    apply(state);
    clearTimeout(typing);
    var update = function () {
      var hash = encodeHash(state);
      if (hash !== location.hash && !(hash === "" && location.hash === "")) {
        history.pushState(null, "", hash || location.pathname + location.search);
      }
    };
    if (immediate) update(); else typing = setTimeout(update, 400);
  }

  form.addEventListener("change", function (e) { if (e.target !== query) onChange(true); });
  query.addEventListener("input", function () { onChange(false); });
  form.addEventListener("submit", function (e) { e.preventDefault(); onChange(true); });
  document.getElementById("registry-clear").addEventListener("click", function () {
    writeForm(emptyState());
    query.value = "";
    onChange(true);
  });
  document.getElementById("registry-csv").addEventListener("click", function () {
    var blob = new Blob([toCSV(shown, registry.categories)], { type: "text/csv;charset=utf-8" });
    var link = document.createElement("a");
    link.href = URL.createObjectURL(blob);
    link.download = "services.csv";
    document.body.appendChild(link);
    link.click();
    setTimeout(function () { URL.revokeObjectURL(link.href); link.remove(); }, 1000);
  });
  window.addEventListener("popstate", fromHash);
  window.addEventListener("hashchange", fromHash);
  api.currentRows = function () { return shown; };
  api.currentCSV = function () { return toCSV(shown, registry.categories); };

  form.hidden = false;
  /* The filter shows every row (with "さらに表示"), so the static page links are not needed. */
  Array.prototype.forEach.call(document.querySelectorAll(".static-pagination"), function (nav) { nav.hidden = true; });
  fromHash();
  /* Sorting 100,000 names by Japanese collation takes a few hundred milliseconds: do it once,
   * while the page is idle, so choosing a sort order later is instant. */
  var idle = window.requestIdleCallback || function (f) { return setTimeout(f, 200); };
  ["date", "name", "provider"].forEach(function (sort) { idle(function () { ordered(registry.rows, sort); }); });
})(typeof window !== "undefined" ? window : globalThis);
