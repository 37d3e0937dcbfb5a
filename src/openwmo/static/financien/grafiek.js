// Draws a Chart.js chart in every canvas.financien-grafiek from the JSON in its data-bron
// element ({labels, reeksen: [{label, data}]}). The same figures are in a table next to it;
// series differ in colour and in dash/point style, so colour is not the only cue.
(function () {
  "use strict";
  var kleuren = ["#01689b", "#e17000", "#39870c", "#8f1a8a"];
  var streep = [[], [6, 4], [2, 3], [10, 3, 2, 3]];
  var punten = ["circle", "rect", "triangle", "crossRot"];
  function teken(canvas) {
    var bron = document.getElementById(canvas.dataset.bron);
    if (!bron || typeof Chart === "undefined") return;
    var data = JSON.parse(bron.textContent);
    var soort = canvas.dataset.soort || "bar";
    new Chart(canvas, {
      type: soort,
      data: {
        labels: data.labels,
        datasets: data.reeksen.map(function (r, i) {
          return {
            label: r.label,
            data: r.data,
            backgroundColor: kleuren[i % 4],
            borderColor: kleuren[i % 4],
            borderDash: streep[i % 4],
            pointStyle: punten[i % 4],
            borderWidth: soort === "line" ? 2 : 1,
          };
        }),
      },
      options: {
        animation: false,
        responsive: true,
        plugins: { legend: { labels: { usePointStyle: true } } },
      },
    });
  }
  document.querySelectorAll("canvas.financien-grafiek").forEach(teken);
})();
