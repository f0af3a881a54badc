// Starts the Scalar API reference on /api-docs (kept out of the page so the CSP needs no inline script).
(function () {
  var host = document.getElementById('api-reference');
  Scalar.createApiReference(host, { url: host.getAttribute('data-url'), hideClientButton: true });
})();
