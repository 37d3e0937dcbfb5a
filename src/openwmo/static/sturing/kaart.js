// Neighbourhood map without tiles: the wijk shapes (GeoJSON shipped with the app) with the
// value printed as a label on each wijk; darker fill = higher value (the text carries it).
(function () {
  "use strict";
  var el = document.getElementById("sturing-kaart");
  var bron = document.getElementById("sturing-kaart-data");
  if (!el || !bron || typeof L === "undefined") return;
  var data = JSON.parse(bron.textContent);
  var perCode = {};
  var max = 0;
  data.wijken.forEach(function (w) {
    perCode[w.code] = w;
    if (w.waarde !== null && w.waarde > max) max = w.waarde;
  });
  var kaart = L.map(el, { attributionControl: false, zoomSnap: 0.25 });
  fetch(el.dataset.geojson)
    .then(function (r) { return r.json(); })
    .then(function (geo) {
      geo.features = geo.features.filter(function (f) { return perCode[f.properties.code]; });
      var laag = L.geoJSON(geo, {
        style: function (f) {
          var w = perCode[f.properties.code];
          var aandeel = w.waarde === null || max === 0 ? 0 : w.waarde / max;
          return {
            color: "#000000",
            weight: 1,
            fillColor: "#01689b",
            fillOpacity: 0.1 + 0.6 * aandeel,
            dashArray: w.waarde === null ? "4 4" : null,
          };
        },
        onEachFeature: function (f, layer) {
          var w = perCode[f.properties.code];
          layer.bindTooltip(w.wijk + ": " + w.tekst, {
            permanent: true,
            direction: "center",
            className: "ow-sturing-label",
          });
        },
      }).addTo(kaart);
      if (laag.getLayers().length) kaart.fitBounds(laag.getBounds());
      else kaart.setView([52.47, 6.3], 12);
    });
})();
