#!/usr/bin/env bash
# Debian's Chromium for the browser tests (Playwright cannot download browsers here) and a Thai
# font (without one, Thai renders as boxes in screenshots). Installs only what is missing.
set -euo pipefail
missing=()
[ -x /usr/bin/chromium ] || missing+=(chromium)
fc-list 2>/dev/null | grep -qi 'tlwg\|garuda\|loma\|sarabun' || missing+=(fonts-thai-tlwg)
# the printout's browser test reads the PDF back (pdftotext, pdfinfo) and saves its pages as PNG (pdftoppm)
command -v pdftotext >/dev/null && command -v pdftoppm >/dev/null || missing+=(poppler-utils)
if [ ${#missing[@]} -eq 0 ]; then exit 0; fi
echo "installing ${missing[*]} from Debian's packages"
sudo=""
[ "$(id -u)" -eq 0 ] || sudo="sudo"
$sudo apt-get update -qq
DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq "${missing[@]}"
