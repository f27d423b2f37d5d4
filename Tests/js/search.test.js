"use strict";
const test = require("node:test");
const assert = require("node:assert/strict");
const path = require("node:path");
const fs = require("node:fs");
const S = require("../../templates/assets/search.js");

const shared = JSON.parse(fs.readFileSync(path.join(__dirname, "../Shared/search-vectors.json"), "utf8"));
S.setWords(shared.words);

for (const v of shared.vectors) {
  test(`text rule: ${JSON.stringify(v.input)}`, () => {
    assert.equal(S.fold(v.input), v.normalized);
    assert.deepEqual(S.tokenize(v.input), v.tokens);
  });
}

for (const q of shared.queries) {
  test(`query words: ${JSON.stringify(q.query)}`, () => {
    assert.deepEqual(S.queryWords(q.query).map((w) => w.alternatives), q.words);
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

/* A tiny index: docs 0-1 are page A (intro, a section), 2 is page B, 3-5 are services in two
 * categories; doc 6 is the registry's own page. */
const meta = {
  documents: 7, shards: 1,
  pages: (function () { const starts = [1, 0, 1, 1, 1, 1, 1]; let v = 0; starts.forEach((b, i) => { v |= b << i; }); return "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_"[v & 63] + "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_"[v >> 6]; })(),
  runs: [[0, "guidance", "", ""], [3, "service", "vuln", "脆弱性診断"], [5, "service", "audit", "監査"], [6, "page", "", ""]],
  registry: 6,
};
const shards = { 0: {
  "vpn": "0:64,1:1e,2:a,1:b",
  "vpnx": "5:a",
  "通報": "1:50,1:28",
  "報": "1:50,1:28",
  "警察": "1:28",
  "一覧": "6:20",
} };

test("scores: every token of an alternative must match; words and single characters match as prefixes", () => {
  assert.deepEqual([...S.scores("VP", meta, shards).keys()], [0, 1, 3, 4, 5]);
  assert.deepEqual([...S.scores("通報", meta, shards).keys()], [1, 2]);
  assert.deepEqual([...S.scores("報", meta, shards).keys()], [1, 2]);
  assert.deepEqual([...S.scores("nothing", meta, shards).keys()], []);
});

test("pages decode from the bit string; runs give kinds and categories", () => {
  assert.deepEqual(Array.from(S.pageIndex(meta)), [0, 0, 1, 2, 3, 4, 5]);
  assert.equal(S.runOf(4, meta)[2], "vuln");
  assert.equal(S.runOf(5, meta)[1], "service");
});

test("group: one result per page, full matches first, partial ones naming what is missing, services counted by category", () => {
  const ws = S.queryWords("vpn 通報");
  const scored = S.scoreWords(ws, meta, shards);
  const results = S.group(ws, scored, meta, () => null);
  assert.deepEqual(results.map((r) => [r.kind, r.documents[0], r.missing]),
    [["page", 1, []], ["page", 2, ["vpn"]], ["registry", 4, ["通報"]]]);
  const registry = results[2];
  assert.equal(registry.count, 3);
  assert.deepEqual(registry.byCategory.map((c) => [c.label, c.count]), [["脆弱性診断", 2], ["監査", 1]]);
  assert.deepEqual(S.group(S.queryWords("zzz"), S.scoreWords(S.queryWords("zzz"), meta, shards), meta, () => null), []);
});

test("group: a service the query names is shown by itself; the registry's page and its result are one", () => {
  const ws = S.queryWords("vpnx");
  const scored = S.scoreWords(ws, meta, shards);
  const named = S.group(ws, scored, meta, (id) => id === 5 ? { title: "VPNX", breadcrumb: "基準適合サービス › 監査 › 例示社" } : null);
  assert.deepEqual(named.map((r) => [r.kind, r.documents]), [["service", [5]]]);
  const both = S.queryWords("vpn 一覧");
  const merged = S.group(both, S.scoreWords(both, meta, shards), meta, () => null);
  assert.equal(merged.filter((r) => r.kind === "registry").length, 1);
  assert.ok(!merged.some((r) => r.kind === "page" && r.documents[0] === 6));
});

test("a lone character carries no partial match", () => {
  const ws = S.queryWords("報 zzzz");
  assert.deepEqual(ws.map((w) => w.substantial), [false, true]);
  assert.deepEqual(S.group(ws, S.scoreWords(ws, meta, shards), meta, () => null), []);
});

test("snippets mark folded matches and never carry markup", () => {
  const pieces = S.snippet("VPN機器の<script>ＶＰＮ</script>", "vpn");
  assert.deepEqual(pieces.filter((p) => p.mark).map((p) => p.text), ["VPN", "ＶＰＮ"]);
  assert.equal(pieces.map((p) => p.text).join(""), "VPN機器の<script>ＶＰＮ</script>");
  const synonyms = S.snippet("ランサムウェアの被害", "身代金");
  assert.deepEqual(synonyms.filter((p) => p.mark).map((p) => p.text), ["ランサムウェア"]);
});

test("shard entries: heads carry the document frequency; tails add postings when loaded", () => {
  assert.deepEqual(S.decodeEntry("5|0:a,2:b"), { df: 5, postings: [[0, 10], [2, 11]] });
  const meta = { documents: 10, shards: 1 };
  const shards = { 0: { "vpn": "3|0:a" } };
  assert.deepEqual(S.tailShards(["vpn"], meta, shards), [0]);
  assert.deepEqual([...S.scores("vpn", meta, shards).keys()], [0]);
  assert.deepEqual([...S.scores("vpn", meta, shards, { 0: { "vpn": "4:5,1:3" } }).keys()], [0, 4, 5]);
  assert.deepEqual(S.tailShards(["vpn"], meta, { 0: { "vpn": "1|0:a" } }), []);
  assert.deepEqual(S.tailPostings(["vpn"], meta, shards), { 0: 2 });
});

test("chunk lookup by document number; starts arrive as base-36 gaps", () => {
  assert.deepEqual(S.decodeStarts("0,v,z"), [0, 31, 66]);
  assert.equal(S.chunkOf(0, [0, 31, 66]), 0);
  assert.equal(S.chunkOf(31, [0, 31, 66]), 1);
  assert.equal(S.chunkOf(100, [0, 31, 66]), 2);
});

/* ---- inflate: the compressed search files ---- */
const zlib = require("node:zlib");

/* A fixed sequence (xorshift32), so that a failure can be replayed; the seed is in the test name. */
function seeded(seed) {
  let x = seed >>> 0 || 1;
  return () => { x ^= x << 13; x >>>= 0; x ^= x >>> 17; x ^= x << 5; x >>>= 0; return x / 4294967296; };
}

function samples(seed) {
  const random = seeded(seed);
  const words = ["ランサムウェア", "脆弱性", "通報", "VPN", "バックアップ", "警察", "、", "。", " ", "0123", "\n"];
  const text = Array.from({ length: 4000 }, () => words[Math.floor(random() * words.length)]).join("");
  const noise = Buffer.from(Array.from({ length: 3000 }, () => Math.floor(random() * 256)));
  return [Buffer.alloc(0), Buffer.from("a"), Buffer.from(text), noise, Buffer.concat([noise, Buffer.from(text), noise]),
    Buffer.from(JSON.stringify([["guidance", "通報", "ガイダンス", "a.html#x", text.slice(0, 500), "", "通報"]]))];
}

for (const seed of [1, 20261204]) {
  test(`inflate agrees with zlib at every level and strategy (seed ${seed})`, () => {
    const strategies = [zlib.constants.Z_DEFAULT_STRATEGY, zlib.constants.Z_FIXED, zlib.constants.Z_HUFFMAN_ONLY, zlib.constants.Z_RLE, zlib.constants.Z_FILTERED];
    for (const input of samples(seed)) {
      for (let level = 0; level <= 9; level++) {
        for (const strategy of strategies) {
          const z = zlib.deflateSync(input, { level, strategy });
          const out = S.inflate(new Uint8Array(z));
          assert.ok(Buffer.from(out).equals(input), `level ${level}, strategy ${strategy}, ${input.length} bytes`);
        }
      }
    }
  });
}

test("inflate reads a stream joined from parts deflated on their own, as the tail files are", () => {
  // Raw deflate parts ending in a sync flush, then a final part: what Deflate.stream joins.
  const random = seeded(7);
  const parts = ["{", "\"通報\":[[1,2],[3,4]]", "", ",\"警察\":" + JSON.stringify(Array.from({ length: 2000 }, () => Math.floor(random() * 1000))), "}"]
    .map((p) => Buffer.from(p));
  const body = parts.map((p, i) => zlib.deflateRawSync(p, { level: 3, finishFlush: i + 1 < parts.length ? zlib.constants.Z_SYNC_FLUSH : zlib.constants.Z_FINISH }));
  const whole = Buffer.concat(parts);
  let a = 1, b = 0;
  for (const byte of whole) { a = (a + byte) % 65521; b = (b + a) % 65521; }
  const sum = Buffer.alloc(4); sum.writeUInt32BE(((b << 16) | a) >>> 0);
  const stream = new Uint8Array(Buffer.concat([Buffer.from([0x78, 0x5e]), ...body, sum]));
  assert.ok(Buffer.from(S.inflate(stream)).equals(whole));
  stream[stream.length - 1] ^= 1;
  assert.throws(() => S.inflate(stream), /checksum/);
});

test("inflate refuses damaged streams instead of returning wrong bytes", () => {
  const input = Buffer.from("被害に気づいたら、まず警察に通報します。".repeat(50));
  const z = new Uint8Array(zlib.deflateSync(input));
  assert.throws(() => S.inflate(z.subarray(0, z.length - 5)));
  assert.throws(() => S.inflate(new Uint8Array([0x78])));
  const header = z.slice(); header[0] = 0x79;
  assert.throws(() => S.inflate(header));
  const sum = z.slice(); sum[sum.length - 1] ^= 1;
  assert.throws(() => S.inflate(sum), /checksum/);
});

test("inflateJSON reads what the build writes: base64 of deflated JSON", () => {
  const rows = [["guidance", "通報する", "ガイダンス › 初動", "guidance/a.html#report", "警察へ通報します。", "", "初動"]];
  const b64 = zlib.deflateSync(Buffer.from(JSON.stringify(rows)), { level: 6 }).toString("base64");
  assert.deepEqual(S.inflateJSON(b64), rows);
});
