// Draws every <canvas data-chart="ID"> with the Chart.js configuration in <script id="ID"
// type="application/json"> (written by Django's json_script, so no inline script is needed under the CSP).
(function () {
  "use strict";
  function draw(root) {
    if (typeof window.Chart === "undefined") return;
    window.Chart.defaults.maintainAspectRatio = false;
    root.querySelectorAll("canvas[data-chart]").forEach(function (canvas) {
      if (canvas.dataset.drawn) return;
      var source = document.getElementById(canvas.dataset.chart);
      if (!source) return;
      canvas.dataset.drawn = "1";
      new window.Chart(canvas, JSON.parse(source.textContent));
    });
  }
  document.addEventListener("DOMContentLoaded", function () { draw(document); });
  document.addEventListener("htmx:afterSwap", function (event) { draw(event.target); });
})();
