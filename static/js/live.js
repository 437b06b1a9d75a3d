// Live coverage: new entries arrive over Server-Sent Events and are put at
// the top of the list. A reader who has scrolled down is not moved: a
// button says how many updates wait. Without this script the page shows
// every entry and a reload shows new ones.
(function () {
  'use strict';
  var root = document.querySelector('section.live[data-state="live"]');
  if (!root || !window.EventSource) { return; }
  var list = root.querySelector('.live-entries');
  var announce = root.querySelector('.live-announce');
  var prompt = root.querySelector('.live-new');
  var status = root.querySelector('.live-status');
  var pending = [];

  // Times: the page holds absolute times; the script alone shows them as
  // "3 minutes ago", keeping the absolute time as the title.
  function relative(t) {
    var s = Math.round((Date.now() - t) / 1000);
    if (s < 45) { return 'just now'; }
    var m = Math.round(s / 60);
    if (m < 60) { return m === 1 ? '1 minute ago' : m + ' minutes ago'; }
    var h = Math.round(m / 60);
    if (h < 24) { return h === 1 ? '1 hour ago' : h + ' hours ago'; }
    return null;
  }
  function showTimes(scope) {
    var times = scope.querySelectorAll('.live-when time');
    for (var i = 0; i < times.length; i++) {
      var el = times[i];
      if (!el.title) { el.title = el.textContent; }
      var r = relative(Date.parse(el.getAttribute('datetime')));
      el.textContent = r || el.title;
    }
  }

  function fromHTML(html) {
    var t = document.createElement('template');
    t.innerHTML = html.trim();
    return t.content.firstElementChild;
  }
  // away: the top of the list is above the window, the reader is further down.
  function away() { return list.getBoundingClientRect().top < 0; }
  function insert(el) {
    list.insertBefore(el, list.firstElementChild);
    var none = root.querySelector('.live-empty');
    if (none) { none.remove(); }
  }
  function showPending() {
    while (pending.length) { insert(pending.shift()); }
    prompt.hidden = true;
  }
  prompt.addEventListener('click', function () {
    showPending();
    list.scrollIntoView({ behavior: 'smooth', block: 'start' });
    var first = list.querySelector('a');
    if (first) { first.focus({ preventScroll: true }); }
  });
  window.addEventListener('scroll', function () {
    if (pending.length && !away()) { showPending(); }
  }, { passive: true });

  function textOf(el) {
    var t = el.querySelector('.live-text');
    var s = (t ? t.textContent : '').replace(/\s+/g, ' ').trim();
    return s.length > 140 ? s.slice(0, 140) + '…' : s;
  }

  var url = root.getAttribute('data-stream') + '?after=' + encodeURIComponent(root.getAttribute('data-after') || '0');
  var es = new EventSource(url);
  es.addEventListener('open', function () { root.setAttribute('data-connected', 'yes'); });
  es.addEventListener('entry', function (ev) {
    var d = JSON.parse(ev.data);
    if (document.getElementById('entry-' + d.id)) { return; }
    var el = fromHTML(d.html);
    showTimes(el);
    if (away()) {
      pending.push(el);
      prompt.textContent = pending.length === 1 ? '1 new update' : pending.length + ' new updates';
      prompt.hidden = false;
    } else {
      insert(el);
    }
    announce.textContent = 'New update: ' + textOf(el);
  });
  es.addEventListener('edit', function (ev) {
    var d = JSON.parse(ev.data);
    var old = document.getElementById('entry-' + d.id);
    if (!old) { return; }
    var el = fromHTML(d.html);
    showTimes(el);
    old.replaceWith(el);
  });
  es.addEventListener('remove', function (ev) {
    var d = JSON.parse(ev.data);
    var old = document.getElementById('entry-' + d.id);
    if (old) { old.remove(); }
  });
  es.addEventListener('error', function () {
    // The browser reconnects by itself, sending the last entry id it had;
    // a closed stream means the coverage ended.
    if (es.readyState === EventSource.CLOSED && status) {
      status.textContent = 'Live updates stopped. Reload the page for the newest.';
    }
  });
  if (status) { status.textContent = 'Live: new updates appear here as they are posted.'; }
  showTimes(root);
  setInterval(function () { showTimes(root); }, 30000);
}());
