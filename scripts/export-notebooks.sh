#!/usr/bin/env bash
# Regenerates notebooks-export/ from the bundled example runs: for each pipeline below, the run
# folder (CSV outputs, SVG charts, manifest.json) and the notebook that tells it.
#   bash scripts/export-notebooks.sh            # into notebooks-export/
#   OUT=/tmp/x bash scripts/export-notebooks.sh # elsewhere (scripts/check-notebooks-export.sh)
# Uses CONSORTIUM (default: .build/debug/consortium, built if missing). The exported folders
# leave out the run's timings.json (the one file that differs between runs) and its own
# report.ipynb (the exported notebook replaces it), so a regeneration is byte-identical.
set -euo pipefail
cd "$(dirname "$0")/.."
out=${OUT:-notebooks-export}
consortium=${CONSORTIUM:-.build/debug/consortium}
if [ ! -x "$consortium" ]; then swift build --product consortium >&2; fi

export_run() {
  local name=$1 pipeline=$2
  "$consortium" run "$pipeline" --out "$out/$name" --force
  rm -f "$out/$name/timings.json" "$out/$name/report.ipynb"
  "$consortium" notebook "$out/$name" --out "$out/$name.ipynb"
}

mkdir -p "$out"
export_run exampleshire datasets/exampleshire/pipeline.toml
export_run england-2022-23 datasets/england-2022-23/pipeline.toml
