"use strict";
const test = require("node:test");
const assert = require("node:assert/strict");
const R = require("../../templates/assets/registry.js");

const data = {
  fields: ["id", "name", "provider", "category", "pentest", "registered_on", "registrar", "url", "summary"],
  categories: [
    { id: "audit", label: "監査", name: "情報セキュリティ監査サービス", pentest_option: false },
    { id: "vulnerability", label: "脆弱性診断", name: "脆弱性診断サービス", pentest_option: true },
  ],
  rows: [
    ["s1", "ＶＰＮ機器診断", "例示株式会社", "vulnerability", "1", "2024-01-02", "A", "https://example.com/1", "VPN の診断"],
    ["s2", "Web診断", "サンプル事業者", "vulnerability", "0", "2023-05-06", "B", "", "ウェブアプリ, \"本格\""],
    ["s3", "監査プラン", "あいう監査", "audit", null, "2022-03-04", "C", "https://example.com/3", "=cmd|' /C calc'!A0"],
  ],
};

test("fold: NFKC and lower case, so full-width, half-width and case match alike", () => {
  assert.equal(R.fold("ＶＰＮ"), "vpn");
  assert.equal(R.fold("ｖｐｎ"), "vpn");
  assert.equal(R.fold("Vpn"), "vpn");
  assert.equal(R.fold("ﾗﾝｻﾑｳｪｱ"), "ランサムウェア");
});

test("filter by category, option and text; all terms must match", () => {
  const reg = R.prepare(data);
  const s = R.emptyState();
  assert.equal(R.filterRows(reg.rows, s).length, 3);
  assert.deepEqual(R.filterRows(reg.rows, { ...s, categories: ["vulnerability"] }).map((r) => r.id), ["s1", "s2"]);
  assert.deepEqual(R.filterRows(reg.rows, { ...s, categories: ["vulnerability"], pentest: true }).map((r) => r.id), ["s1"]);
  assert.deepEqual(R.filterRows(reg.rows, { ...s, q: "vpn" }).map((r) => r.id), ["s1"]);
  assert.deepEqual(R.filterRows(reg.rows, { ...s, q: "ＶＰＮ 例示" }).map((r) => r.id), ["s1"]);
  assert.deepEqual(R.filterRows(reg.rows, { ...s, q: "vpn 監査" }).map((r) => r.id), []);
  assert.deepEqual(R.filterRows(reg.rows, { ...s, categories: ["audit", "vulnerability"] }).length, 3);
});

test("sort by name, provider and date (newest first)", () => {
  const reg = R.prepare(data);
  const s = R.emptyState();
  assert.deepEqual(R.filterRows(reg.rows, { ...s, sort: "date" }).map((r) => r.id), ["s1", "s2", "s3"]);
  assert.deepEqual(R.filterRows(reg.rows, { ...s, sort: "" }).map((r) => r.id), ["s1", "s2", "s3"]);
  const byProvider = R.filterRows(reg.rows, { ...s, sort: "provider" }).map((r) => r.provider);
  assert.deepEqual(byProvider, [...byProvider].sort(new Intl.Collator("ja").compare));
});

test("hash round-trips the state and ignores unknown values", () => {
  const state = { categories: ["vulnerability"], pentest: true, q: "VPN 機器&x", sort: "date" };
  const hash = R.encodeHash(state);
  assert.deepEqual(R.decodeHash(hash, ["audit", "vulnerability"]), state);
  assert.equal(R.encodeHash(R.emptyState()), "");
  assert.deepEqual(R.decodeHash("#cat=nope,audit&sort=evil&q=%E0%A4%A", ["audit"]), { categories: ["audit"], pentest: false, q: "", sort: "" });
});

test("CSV export: BOM, the list's Japanese headings, quoting and formula guard; English columns for tools", () => {
  const reg = R.prepare(data);
  const csv = R.toCSV(reg.rows, data.categories);
  assert.ok(csv.startsWith("\uFEFFサービス名,事業者名,登録年月日,サービス種別,審査登録機関,ペネトレーションテスト,URL,概要,ID\r\n"));
  const lines = csv.slice(1).trimEnd().split("\r\n");
  assert.equal(lines.length, 4);
  assert.equal(lines[2], 'Web診断,サンプル事業者,2023/05/06,脆弱性診断サービス,B,なし,,"ウェブアプリ, ""本格""",s2');
  assert.ok(lines[3].includes(",'=cmd|' /C calc'!A0,"));
  const en = R.toCSV(reg.rows, data.categories, true);
  assert.ok(en.startsWith("\uFEFFid,name,provider,category,pentest,registered_on,registrar,url,summary\r\n"));
  assert.equal(en.slice(1).trimEnd().split("\r\n")[2], 's2,Web診断,サンプル事業者,脆弱性診断サービス,false,2023-05-06,B,,"ウェブアプリ, ""本格"""');
});

test("count label reads like the page", () => {
  assert.equal(R.countLabel(339, 12), "339件中 12件");
});

test("filtering 100,000 rows stays well under a frame", () => {
  const rows = [];
  for (let i = 0; i < 100000; i++) rows.push([`s${i}`, `サービス ${i}`, `事業者 ${i % 500}`, i % 2 ? "audit" : "vulnerability", i % 2 ? null : (i % 13 === 0 ? "1" : "0"), "2024-01-01", "A", "", "概要 VPN"]);
  const reg = R.prepare({ ...data, rows });
  // Not a timing assertion (benchmarks live in BENCHMARKS.md): this checks the result is right at scale.
  const out = R.filterRows(reg.rows, { categories: ["vulnerability"], pentest: true, q: "vpn", sort: "" });
  assert.equal(out.length, rows.filter((r, i) => i % 2 === 0 && i % 13 === 0).length);
});

test("a category page's form (?cat=…&pentest=1&q=…) becomes the list's hash; unknown values are dropped", () => {
  assert.equal(R.searchToHash("?cat=vulnerability&pentest=1&q=%20VPN%20", ["audit", "vulnerability"]), "#cat=vulnerability&pentest=1&q=VPN");
  assert.equal(R.searchToHash("?cat=nope&cat=audit&sort=evil", ["audit"]), "#cat=audit");
  assert.equal(R.searchToHash("", ["audit"]), "");
  assert.equal(R.searchToHash("?utm=1", ["audit"]), "");
});
