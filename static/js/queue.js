// The comment queue works without this script (its Select all link
// reloads the page with every comment ticked); with it, the link ticks or
// clears them in place.
(function () {
  "use strict";
  var link = document.querySelector("a[data-select-all]");
  if (!link) { return; }
  var boxes = document.querySelectorAll(".queue input[type=checkbox][name=id]");
  function allTicked() {
    for (var i = 0; i < boxes.length; i++) { if (!boxes[i].checked) { return false; } }
    return boxes.length > 0;
  }
  function label() { link.textContent = allTicked() ? "Clear the selection" : "Select all on this page"; }
  link.addEventListener("click", function (ev) {
    ev.preventDefault();
    var tick = !allTicked();
    for (var i = 0; i < boxes.length; i++) { boxes[i].checked = tick; }
    label();
  });
  for (var i = 0; i < boxes.length; i++) { boxes[i].addEventListener("change", label); }
})();
