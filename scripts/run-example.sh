#!/usr/bin/env bash
# The main job on the bundled synthetic consortium: installs what is missing, builds in release
# mode and runs the engine on datasets/exampleshire into out/exampleshire.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
swift build -c release --product consortium
consortium=.build/release/consortium
data=datasets/exampleshire
out=${1:-out/exampleshire}
mkdir -p "$out"

# Practice budgets: needs-weighted capitation for a total of £60m.
"$consortium" budgets --practices "$data/practices.csv" --population "$data/population.csv" \
  --attribution "$data/attribution.csv" --areas "$data/areas.csv" \
  --formula "$data/formula.toml" --total 60000000 --out "$out/budgets.csv"

# Practice deprivation attributed from small areas, population-weighted quintiles.
"$consortium" needs --attribution "$data/attribution.csv" --areas "$data/areas.csv" \
  --groups 5 --out "$out/practice-quintiles.csv"

echo "wrote: $(ls "$out" | tr '\n' ' ')"
