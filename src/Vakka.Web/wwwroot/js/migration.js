// Follows a migration run while it works: every 2 s the page asks for the run's counters and updates the progress bar
// and the counts (an aria-live region). When the run's status changes (queued, running, finished), the page reloads to show it and, at the end, the report.
(function () {
  'use strict';
  var section = document.querySelector('[data-progress-url]');
  var url = section && section.getAttribute('data-progress-url');
  if (!url) return; // a finished run (Razor writes data- attributes even when empty)
  var number = new Intl.NumberFormat(document.documentElement.lang || 'fi');
  function set(field, value) {
    var el = section.querySelector('[data-field="' + field + '"]');
    if (el) el.textContent = value;
  }
  function poll() {
    fetch(url, { headers: { Accept: 'application/json' }, credentials: 'same-origin' })
      .then(function (r) { return r.ok ? r.json() : null; })
      .then(function (p) {
        if (!p) return;
        var bar = section.querySelector('[data-field="bar"]');
        if (bar) { bar.value = p.percent; bar.textContent = p.percent + ' %'; }
        set('done', number.format(p.done));
        set('total', number.format(p.total));
        set('percent', p.percent);
        set('archived', number.format(p.archived));
        set('skipped', number.format(p.skipped));
        set('failed', number.format(p.failed));
        if (p.status !== section.getAttribute('data-status')) { window.location.reload(); return; } // queued → running → finished
        window.setTimeout(poll, 2000);
      })
      .catch(function () { window.setTimeout(poll, 5000); });
  }
  window.setTimeout(poll, 2000);
})();
