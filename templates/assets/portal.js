/* Site-wide behaviour, progressive enhancement only: FAQ entries open when their anchor is
 * visited, an "expand all" button, and every <details> opens before printing. */
(function () {
  "use strict";

  function openTarget() {
    var id = decodeURIComponent(location.hash.slice(1));
    if (!id) return;
    var el = document.getElementById(id);
    if (el && el.tagName === "DETAILS") el.open = true;
  }

  function allDetails(root) {
    return Array.prototype.slice.call((root || document).querySelectorAll("details"));
  }

  Array.prototype.forEach.call(document.querySelectorAll("[data-expand-target]"), function (button) {
    var target = document.getElementById(button.getAttribute("data-expand-target"));
    if (!target) return;
    button.hidden = false;
    button.setAttribute("aria-controls", target.id);
    function label() {
      var open = allDetails(target).every(function (d) { return d.open; });
      button.textContent = open ? "すべて閉じる" : "すべて開く";
      button.setAttribute("aria-expanded", open ? "true" : "false");
    }
    button.addEventListener("click", function () {
      var open = !allDetails(target).every(function (d) { return d.open; });
      allDetails(target).forEach(function (d) { d.open = open; });
      label();
    });
    target.addEventListener("toggle", label, true);
    label();
  });

  var openedForPrint = [];
  window.addEventListener("beforeprint", function () {
    openedForPrint = allDetails().filter(function (d) { return !d.open; });
    openedForPrint.forEach(function (d) { d.open = true; });
  });
  window.addEventListener("afterprint", function () {
    openedForPrint.forEach(function (d) { d.open = false; });
    openedForPrint = [];
  });
  window.addEventListener("hashchange", openTarget);
  openTarget();
})();
