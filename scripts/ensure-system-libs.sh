#!/usr/bin/env bash
# WeasyPrint (PDF letters and reports) needs Pango from the system, and the letter tests
# open the PDFs with poppler (pdftoppm, pdftotext); install them when missing.
set -euo pipefail
libs=$(ldconfig -p 2>/dev/null || true)
if grep -q "libpangoft2-1.0.so.0" <<<"$libs" && command -v pdftoppm >/dev/null; then exit 0; fi
sudo=""
if [ "$(id -u)" != "0" ]; then sudo="sudo"; fi
echo "Pango of poppler ontbreekt (nodig voor PDF's): installeren met apt-get ..."
$sudo apt-get update -qq
DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq libpango-1.0-0 libpangoft2-1.0-0 fonts-dejavu-core poppler-utils >/dev/null
