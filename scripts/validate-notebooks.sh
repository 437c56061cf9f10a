#!/usr/bin/env bash
# Validates notebooks against the nbformat 4 schema with the nbformat package (installed with pip
# when missing), and checks that they read without running: every code cell has outputs, tables
# carry text/html and text/plain, charts image/svg+xml.
#   bash scripts/validate-notebooks.sh [notebook.ipynb ...]   (default: notebooks-export/*.ipynb)
set -euo pipefail
cd "$(dirname "$0")/.."
if ! python3 -c "import nbformat" 2>/dev/null; then
  python3 -m pip install --quiet nbformat >&2
fi
if [ "$#" -eq 0 ]; then set -- notebooks-export/*.ipynb; fi
python3 scripts/validate_notebooks.py "$@"
