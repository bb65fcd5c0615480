#!/usr/bin/env bash
# Installs Python's openpyxl (the independent .xlsx reader and writer of the workbook tests) when it is missing.
# Quiet; pip's "externally managed environment" refusal (Debian's Python) is retried with --break-system-packages.
set -euo pipefail

command -v python3 >/dev/null 2>&1 || { echo "ensure-openpyxl: python3 is missing: install it (apt-get install python3)" >&2; exit 1; }
python3 -c "import openpyxl" 2>/dev/null && exit 0

echo "ensure-openpyxl: installing openpyxl with pip" >&2
pip() { python3 -m pip install --quiet --disable-pip-version-check "$@" openpyxl; }
if ! python3 -m pip --version >/dev/null 2>&1; then
  echo "ensure-openpyxl: pip is missing: install python3-pip (or python3-openpyxl) with apt-get" >&2
  exit 1
fi
pip 2>/dev/null || pip --break-system-packages
python3 -c "import openpyxl" || { echo "ensure-openpyxl: pip finished but openpyxl cannot be imported" >&2; exit 1; }
