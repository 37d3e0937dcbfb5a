// Line chart of the chosen indicator. Points have distinct shapes and values are printed
// in the table below, so the chart does not rely on colour alone.
(function () {
  "use strict";
  var bron = document.getElementById("sturing-grafiek-data");
  var canvas = document.getElementById("sturing-grafiek");
  if (!bron || !canvas || typeof Chart === "undefined") return;
  var data = JSON.parse(bron.textContent);
  var sets = [{
    label: data.titel,
    data: data.waarden,
    borderColor: "#01689b",
    backgroundColor: "#01689b",
    pointStyle: "rectRot",
    pointRadius: 6,
    borderWidth: 3,
    spanGaps: true,
  }];
  if (data.streef !== null) {
    sets.push({
      label: "Streefwaarde",
      data: data.labels.map(function () { return data.streef; }),
      borderColor: "#000000",
      borderDash: [8, 6],
      pointRadius: 0,
      borderWidth: 2,
    });
  }
  new Chart(canvas, {
    type: "line",
    data: { labels: data.labels, datasets: sets },
    options: {
      animation: false,
      responsive: true,
      scales: { y: { beginAtZero: true } },
      plugins: { legend: { labels: { usePointStyle: true } } },
    },
  });
})();
