// The article editor works without this script; with it, a picture goes in
// where the cursor was, a dropped picture uploads at once, and the publish
// button says Schedule as soon as a future time is chosen.
(function () {
  "use strict";
  var form = document.querySelector("form.editor");
  if (!form) { return; }
  var body = form.querySelector("#body");
  var cursor = form.querySelector("#cursor");
  var when = form.querySelector("#publish_at");
  var publish = form.querySelector("button[data-schedule-label]");
  var upload = form.querySelector("button[value=picture]");
  var file = form.querySelector("#picture");

  function keepCursor() { if (body && cursor) { cursor.value = String(body.selectionStart); } }
  if (body) {
    ["keyup", "click", "select", "blur"].forEach(function (ev) { body.addEventListener(ev, keepCursor); });
  }

  function label() {
    if (!publish || !when) { return; }
    var t = when.value ? new Date(when.value) : null;
    publish.textContent = t && t.getTime() > Date.now() ? publish.dataset.scheduleLabel : publish.dataset.publishLabel;
  }
  if (when) { when.addEventListener("input", label); when.addEventListener("change", label); label(); }

  if (body && file && upload && window.DataTransfer) {
    body.addEventListener("dragover", function (e) { e.preventDefault(); body.classList.add("dropping"); });
    body.addEventListener("dragleave", function () { body.classList.remove("dropping"); });
    body.addEventListener("drop", function (e) {
      if (!e.dataTransfer || !e.dataTransfer.files.length) { return; }
      e.preventDefault();
      body.classList.remove("dropping");
      keepCursor();
      file.files = e.dataTransfer.files;
      var alt = form.querySelector("#picture_alt");
      if (alt && !alt.value) { alt.focus(); alt.setAttribute("aria-invalid", "true"); return; }
      form.requestSubmit ? form.requestSubmit(upload) : upload.click();
    });
  }
})();
