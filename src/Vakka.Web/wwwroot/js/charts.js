// Draws the statistics charts from the data attributes of each canvas (no inline script: the CSP forbids it).
(function () {
  'use strict';
  var palette = ['#0b3d91', '#b26b00', '#2e7d32', '#8c1d18', '#5c6675', '#6a1b9a', '#00695c', '#ad1457'];
  function draw(canvas) {
    var kind = canvas.getAttribute('data-chart');
    var labels = JSON.parse(canvas.getAttribute('data-labels') || '[]');
    var series = JSON.parse(canvas.getAttribute('data-series') || '[]');
    var datasets = series.map(function (s, i) {
      var colour = palette[i % palette.length];
      return {
        label: s.label,
        data: s.data.map(function (v) { return v === null ? 0 : v; }),
        backgroundColor: kind === 'doughnut' ? palette : colour,
        borderColor: colour,
        fill: false,
        tension: 0.2
      };
    });
    if (kind === 'doughnut') datasets = datasets.slice(0, 1);
    var reduce = window.matchMedia && window.matchMedia('(prefers-reduced-motion: reduce)').matches;
    new Chart(canvas, {
      type: kind,
      data: { labels: labels, datasets: datasets },
      // Numbers on the axes and in tooltips as the page's language writes them (20 000, not 20,000, in Finnish).
      options: { locale: document.documentElement.lang || undefined, responsive: true, maintainAspectRatio: false, animation: reduce ? false : undefined,
                 plugins: { legend: { position: 'bottom' } } }
    });
  }
  function start() {
    if (typeof Chart === 'undefined') return;
    document.querySelectorAll('canvas[data-chart]').forEach(draw);
  }
  if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', start); else start();
})();
