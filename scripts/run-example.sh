#!/usr/bin/env bash
# The main job on the bundled synthetic consortium: installs what is missing, builds in release
# mode and runs the whole pipeline of datasets/exampleshire/pipeline.toml (budgets, needs,
# indicators, inequality, benchmark, premium, …) into out/exampleshire: each step's CSV, the SVG
# charts, manifest.json, timings.json and the notebook report.ipynb.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
swift build -c release --product consortium
out=${1:-out/exampleshire}
mkdir -p "$(dirname "$out")"
.build/release/consortium run datasets/exampleshire/pipeline.toml --out "$out" --force
echo "wrote $out: $(ls "$out" | wc -l) files (open $out/report.ipynb, or the .svg charts)"
