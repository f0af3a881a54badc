// Vakka – the Kaikukortti ticket desk and today view. Progressive enhancement only: every form posts and every
// page works without this script. With it, answers come as fragments at once, the ID field keeps the focus for
// the next scan, the camera reads QR codes, and the today view refreshes itself.
(function () {
  'use strict';

  var FRAGMENT = 'X-Desk-Fragment';

  function initDesk() {
    var root = document.querySelector('[data-testid="desk"]');
    if (!root) return;
    var code = document.getElementById('desk-code');
    var lookup = document.getElementById('desk-lookup');
    var method = document.getElementById('desk-method');
    var status = document.getElementById('desk-status');
    var body = document.getElementById('desk-body');
    var recent = document.getElementById('desk-recent');
    var eventSelect = document.getElementById('desk-event');
    var busy = false;
    var keyTimes = [];

    function focusCode() { code.focus({ preventScroll: false }); }

    // A USB or Bluetooth scanner "types" the ID much faster than a person: tell the two apart for the statistics.
    code.addEventListener('keydown', function (e) {
      if (e.key && e.key.length === 1) keyTimes.push(performance.now());
    });
    code.addEventListener('input', function () { if (code.value === '') keyTimes = []; });
    function detectMethod() {
      if (method.value === 'Camera') return 'Camera';
      var n = keyTimes.length;
      if (n >= 4 && (keyTimes[n - 1] - keyTimes[0]) / (n - 1) < 35) return 'Scanner';
      return 'Typed';
    }

    function enhance(scope) {
      scope.querySelectorAll('.stepper-button').forEach(function (b) { b.hidden = false; });
    }

    function apply(html) {
      var t = document.createElement('template');
      t.innerHTML = html;
      function part(name) { return t.content.querySelector('[data-part="' + name + '"]'); }
      var s = part('status'), b = part('body'), r = part('recent'), ev = part('events');
      if (s) status.innerHTML = s.innerHTML;
      if (b) body.innerHTML = b.innerHTML;
      if (r) recent.innerHTML = r.innerHTML;
      if (ev && eventSelect) {
        var chosen = eventSelect.value;
        eventSelect.innerHTML = ev.innerHTML;
        eventSelect.value = chosen;
        if (eventSelect.value !== chosen) eventSelect.value = '';
      }
      enhance(body);
      code.value = '';
      keyTimes = [];
      method.value = 'Typed';
      focusCode();
    }

    function send(form) {
      if (busy) return;
      busy = true;
      fetch(form.action, { method: 'POST', body: new FormData(form), headers: { 'X-Desk-Fragment': '1' }, credentials: 'same-origin' })
        .then(function (response) {
          if (!response.ok || response.headers.get(FRAGMENT) !== '1') {
            // Signed out, forbidden or a fault: let the browser show the full answer.
            busy = false;
            form.submit();
            return null;
          }
          return response.text();
        })
        .then(function (html) { if (html !== null) apply(html); })
        .catch(function () { busy = false; form.submit(); })
        .finally(function () { busy = false; });
    }

    document.addEventListener('submit', function (e) {
      var form = e.target;
      if (!(form instanceof HTMLFormElement) || !root.contains(form) || form.method.toLowerCase() !== 'post') return;
      if (form === lookup) method.value = detectMethod();
      e.preventDefault();
      send(form);
    });

    // − and + beside the counts. A pointer click gives the focus back to the ID field; keyboard users keep theirs.
    root.addEventListener('click', function (e) {
      var dont = e.target.closest('.desk-dont');
      if (dont) {
        e.preventDefault();
        status.innerHTML = '';
        body.innerHTML = '';
        focusCode();
        return;
      }
      var button = e.target.closest('.stepper-button');
      if (!button) return;
      var input = document.getElementById(button.getAttribute('data-for'));
      if (!input) return;
      var min = parseInt(input.min || '0', 10);
      var max = parseInt(input.max || '999', 10);
      var value = parseInt(input.value || '0', 10);
      if (isNaN(value)) value = 0;
      input.value = String(Math.min(max, Math.max(min, value + parseInt(button.getAttribute('data-step'), 10))));
      input.dispatchEvent(new Event('change', { bubbles: true }));
      if (e.detail > 0) focusCode();
    });

    // A scan that starts while the focus is on a button or elsewhere still lands in the ID field.
    document.addEventListener('keydown', function (e) {
      if (e.ctrlKey || e.metaKey || e.altKey || !/^[0-9A-Za-z]$/.test(e.key || '')) return;
      var active = document.activeElement;
      if (active === code) return;
      if (active && (active.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(active.tagName))) return;
      focusCode();
    }, true);

    initCamera(code, method, lookup, focusCode);
    enhance(root);
    focusCode();
  }

  function loadScript(src) {
    return new Promise(function (resolve, reject) {
      if (document.querySelector('script[data-loaded="' + src + '"]')) { resolve(); return; }
      var s = document.createElement('script');
      s.src = src;
      s.setAttribute('data-loaded', src);
      s.onload = function () { resolve(); };
      s.onerror = function () { reject(new Error('could not load ' + src)); };
      document.head.appendChild(s);
    });
  }

  // The camera reads the QR code on the card with ZXing, loaded only when the camera is asked for.
  function initCamera(code, method, lookup, focusCode) {
    var button = document.getElementById('desk-camera');
    var view = document.getElementById('desk-camera-view');
    var video = document.getElementById('desk-video');
    var message = document.getElementById('desk-camera-message');
    var stop = document.getElementById('desk-camera-stop');
    if (!button || !navigator.mediaDevices || !navigator.mediaDevices.getUserMedia) return;
    button.hidden = false;
    var controls = null;
    var running = false;

    function close() {
      if (controls) { try { controls.stop(); } catch (e) { /* already stopped */ } }
      controls = null;
      running = false;
      view.hidden = true;
      button.setAttribute('aria-pressed', 'false');
    }

    button.setAttribute('aria-pressed', 'false');
    button.addEventListener('click', function () {
      if (running) { close(); focusCode(); return; }
      running = true;
      var found = false;
      view.hidden = false;
      button.setAttribute('aria-pressed', 'true');
      message.textContent = message.getAttribute('data-starting');
      loadScript(button.getAttribute('data-lib'))
        .then(function () { return loadScript(button.getAttribute('data-browser')); })
        .then(function () {
          var hints;
          if (window.ZXing && ZXing.DecodeHintType && ZXing.BarcodeFormat) {
            hints = new Map();
            hints.set(ZXing.DecodeHintType.POSSIBLE_FORMATS, [ZXing.BarcodeFormat.QR_CODE]);
          }
          var reader = new ZXingBrowser.BrowserMultiFormatReader(hints);
          return reader.decodeFromVideoDevice(undefined, video, function (result, error, c) {
            if (!result || found) return;
            found = true;
            controls = c;
            close();
            code.value = result.getText();
            method.value = 'Camera';
            lookup.requestSubmit();
          });
        })
        .then(function (c) {
          if (found) { try { c.stop(); } catch (e) { /* stopped */ } return; }
          controls = c;
          message.textContent = message.getAttribute('data-reading');
        })
        .catch(function () {
          message.textContent = message.getAttribute('data-failed');
          controls = null;
          running = false;
          button.setAttribute('aria-pressed', 'false');
          focusCode();
        });
      focusCode();
    });
    stop.addEventListener('click', function () { close(); focusCode(); });
  }

  // The today view: the counts refresh every few seconds while the page is visible.
  function initToday() {
    var box = document.getElementById('today-counts');
    if (!box) return;
    var url = box.getAttribute('data-refresh');
    function refresh() {
      if (document.hidden) return;
      fetch(url, { credentials: 'same-origin', headers: { 'X-Desk-Fragment': '1' } })
        .then(function (r) { return r.ok && !r.redirected ? r.text() : null; })
        .then(function (html) { if (html) box.innerHTML = html; })
        .catch(function () { /* the next round tries again */ });
    }
    setInterval(refresh, 4000);
    document.addEventListener('visibilitychange', refresh);
  }

  initDesk();
  initToday();
}());
