"use strict";
const test = require("node:test");
const assert = require("node:assert/strict");
const path = require("node:path");
const fs = require("node:fs");
const S = require("../../templates/assets/search.js");

const vectors = JSON.parse(fs.readFileSync(path.join(__dirname, "../Shared/search-vectors.json"), "utf8")).vectors;

for (const v of vectors) {
  test(`text rule: ${JSON.stringify(v.input)}`, () => {
    assert.equal(S.fold(v.input), v.normalized);
    assert.deepEqual(S.tokenize(v.input), v.tokens);
  });
}

test("effective query tokens drop the implied last character and repeats", () => {
  assert.deepEqual(S.effectiveTokens("通報"), ["通報"]);
  assert.deepEqual(S.effectiveTokens("鍵"), ["鍵"]);
  assert.deepEqual(S.effectiveTokens("vpn VPN"), ["vpn"]);
});

test("postings decode from base-36 gaps", () => {
  assert.deepEqual(S.decodePostings("3:2s,11:7"), [[3, 100], [40, 7]]);
  assert.deepEqual(S.decodePostings(""), []);
});

test("rank: all tokens must match, prefixes for words and single characters, higher weights first", () => {
  const meta = { documents: 4, shards: 1 };
  const shards = { 0: {
    "vpn": "0:64,2:1e",
    "vpnx": "3:a",
    "通報": "1:50,1:28",
    "報": "1:50,1:28",
    "警察": "1:28",
  } };
  assert.deepEqual(S.rank("VP", meta, shards), [0, 2, 3]);
  assert.deepEqual(S.rank("ＶＰＮ", meta, shards), [0, 2, 3]);
  assert.deepEqual(S.rank("通報", meta, shards), [1, 2]);
  assert.deepEqual(S.rank("警察 通報", meta, shards), [1]);
  assert.deepEqual(S.rank("報", meta, shards), [1, 2]);
  assert.deepEqual(S.rank("vpn 通報", meta, shards), [2]);
  assert.deepEqual(S.rank("nothing", meta, shards), []);
});

test("phrase matches move up, otherwise the order stays", () => {
  const docs = { 1: { title: "a", text: "事業と継続" }, 2: { title: "b", text: "事業継続計画" }, 3: { title: "c", text: "x" } };
  assert.deepEqual(S.phraseFirst([1, 3, 2], "事業継続", (id) => docs[id]), [2, 1, 3]);
});

test("snippets mark folded matches and never carry markup", () => {
  const pieces = S.snippet("VPN機器の<script>ＶＰＮ</script>", "vpn");
  assert.deepEqual(pieces.filter((p) => p.mark).map((p) => p.text), ["VPN", "ＶＰＮ"]);
  assert.equal(pieces.map((p) => p.text).join(""), "VPN機器の<script>ＶＰＮ</script>");
});

test("shard entries: heads carry the document frequency; tails add postings when loaded", () => {
  assert.deepEqual(S.decodeEntry("5|0:a,2:b"), { df: 5, postings: [[0, 10], [2, 11]] });
  const meta = { documents: 10, shards: 1 };
  const shards = { 0: { "vpn": "3|0:a" } };
  assert.deepEqual(S.tailShards("vpn", meta, shards), [0]);
  assert.deepEqual(S.rank("vpn", meta, shards), [0]);
  assert.deepEqual(S.rank("vpn", meta, shards, { 0: { "vpn": "4:5,1:3" } }), [0, 4, 5]);
  assert.deepEqual(S.tailShards("vpn", meta, { 0: { "vpn": "1|0:a" } }), []);
  assert.deepEqual(S.tailPostings("vpn", meta, shards), { 0: 2 });
});

test("chunk lookup by document number", () => {
  assert.equal(S.chunkOf(0, [0, 31, 66]), 0);
  assert.equal(S.chunkOf(31, [0, 31, 66]), 1);
  assert.equal(S.chunkOf(100, [0, 31, 66]), 2);
});
