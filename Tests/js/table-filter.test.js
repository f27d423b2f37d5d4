"use strict";
const test = require("node:test");
const assert = require("node:assert/strict");
const F = require("../../templates/assets/table-filter.js");

test("a row stays when every chosen value matches; empty choices match all", () => {
  assert.equal(F.matches({ category: "A", system: "PC" }, { category: "", system: "" }), true);
  assert.equal(F.matches({ category: "A", system: "PC" }, { category: "A", system: "" }), true);
  assert.equal(F.matches({ category: "A", system: "PC" }, { category: "A", system: "サーバ" }), false);
});
