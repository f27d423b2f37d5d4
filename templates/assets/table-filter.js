/* Filters the rows of a table by <select> boxes whose data-filter-column names a data-*
 * attribute of the rows. The table is complete without JavaScript; this only hides rows. */
(function (root) {
  "use strict";

  /* Which rows stay: every chosen value must equal the row's value. */
  function matches(rowValues, chosen) {
    return Object.keys(chosen).every(function (k) { return !chosen[k] || rowValues[k] === chosen[k]; });
  }

  var api = { matches: matches };
  root.PortalTableFilter = api;
  if (typeof module !== "undefined" && module.exports) module.exports = api;
  if (typeof document === "undefined") return;

  Array.prototype.forEach.call(document.querySelectorAll("table[data-filter-form]"), function (table) {
    var form = document.getElementById(table.getAttribute("data-filter-form"));
    var count = document.getElementById(table.getAttribute("data-filter-count"));
    if (!form) return;
    var selects = Array.prototype.slice.call(form.querySelectorAll("select[data-filter-column]"));
    var rows = Array.prototype.slice.call(table.tBodies[0].rows);
    function apply() {
      var chosen = {};
      selects.forEach(function (s) { chosen[s.getAttribute("data-filter-column")] = s.value; });
      var shown = 0;
      rows.forEach(function (r) {
        var values = {};
        Object.keys(chosen).forEach(function (k) { values[k] = r.getAttribute("data-" + k); });
        var keep = matches(values, chosen);
        r.hidden = !keep;
        if (keep) shown++;
      });
      if (count) count.textContent = rows.length + "件中 " + shown + "件";
    }
    form.addEventListener("change", apply);
    form.hidden = false;
    apply();
  });
})(typeof window !== "undefined" ? window : globalThis);
