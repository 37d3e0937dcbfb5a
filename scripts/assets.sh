#!/usr/bin/env bash
# Install the front-end packages from the npm registry and copy what the pages
# need into the static files (no CDN at run time).
set -euo pipefail
cd "$(dirname "$0")/.."
npm ci --no-audit --no-fund --loglevel=error
dest=src/openwmo/static/vendor
rm -rf "$dest"
mkdir -p "$dest/utrecht" "$dest/htmx" "$dest/chartjs" "$dest/leaflet"
cp node_modules/@utrecht/component-library-css/dist/index.css "$dest/utrecht/component-library.css"
cp node_modules/@utrecht/design-tokens/dist/index.css "$dest/utrecht/design-tokens.css"
cp node_modules/htmx.org/dist/htmx.min.js "$dest/htmx/htmx.min.js"
cp node_modules/chart.js/dist/chart.umd.min.js "$dest/chartjs/chart.umd.min.js"
cp node_modules/leaflet/dist/leaflet.js node_modules/leaflet/dist/leaflet.css "$dest/leaflet/"
cp -r node_modules/leaflet/dist/images "$dest/leaflet/images"
