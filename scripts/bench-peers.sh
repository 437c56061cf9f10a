#!/usr/bin/env bash
# Ours against polars and DuckDB on the same files (a benchmark, not part of the tests).
#
#   bash scripts/bench-peers.sh                 # England scale, every workload, 3 interleaved runs
#   SCALE=consortium bash scripts/bench-peers.sh   # the small Exampleshire scale, to check the harness
#   WORKLOADS=dsr,rate CORES=one REPEATS=5 bash scripts/bench-peers.sh
#
# 1. a virtual environment .venv-peers/ with polars, duckdb, numpy and scipy (installed if missing);
# 2. `swift build -c release --product consortium`;
# 3. the inputs, made once into .build-peers/<scale>/: `consortium synth --scale <scale> --seed 1`
#    (indicators.csv: about 5.9 million rows at England scale) and, from it,
#    proportion_input.csv, rate_input.csv (the proportion and count indicators), benchmark_counts.csv
#    and benchmark_indicators.csv (per practice, for `benchmark`): scripts/peers/prepare_benchmark_inputs.py;
# 4. scripts/peers/run_peers.py: every workload (dsr, proportion, rate, benchmark) on all cores and on
#    one core (taskset -c 0; POLARS_MAX_THREADS=1, DuckDB SET threads=1, ours --threads 1 when the
#    option exists), ours and each peer in turn, REPEATS times; prints the medians of wall time, CPU
#    time and peak memory with the ratio to ours, then checks the outputs agree to 1e-9 relative.
# Outputs and results.tsv are left in .build-peers/<scale>/out/. Exit status 1 if a run failed or
# an output disagreed.
set -euo pipefail
cd "$(dirname "$0")/.."
SCALE="${SCALE:-england}"
SEED="${SEED:-1}"
REPEATS="${REPEATS:-3}"
WORKLOADS="${WORKLOADS:-dsr,proportion,rate,benchmark}"
CORES="${CORES:-all,one}"
VENV=.venv-peers
CACHE=".build-peers/$SCALE"

if ! "$VENV/bin/python" -c 'import polars, duckdb, numpy, scipy' 2>/dev/null; then
  echo "== installing polars, duckdb, numpy, scipy into $VENV" >&2
  python3 -m venv "$VENV"
  "$VENV/bin/pip" install --quiet --upgrade pip
  "$VENV/bin/pip" install --quiet polars duckdb numpy scipy
fi
command -v taskset >/dev/null || { echo "taskset (util-linux) is needed for the one-core runs" >&2; exit 1; }

echo "== swift build -c release --product consortium" >&2
swift build -c release --product consortium 2>&1 | tail -3 >&2
OURS="$(swift build -c release --show-bin-path)/consortium"

if [ ! -f "$CACHE/.complete" ]; then
  echo "== consortium synth --scale $SCALE --seed $SEED into $CACHE" >&2
  rm -rf "$CACHE" && mkdir -p "$CACHE"
  "$OURS" synth --scale "$SCALE" --seed "$SEED" --out-dir "$CACHE" >&2
  "$VENV/bin/python" scripts/peers/prepare_benchmark_inputs.py "$CACHE" "$CACHE"
  touch "$CACHE/.complete"
fi

"$VENV/bin/python" -c 'import sys, polars, duckdb, numpy, scipy, platform; print(f"python {platform.python_version()}, polars {polars.__version__}, duckdb {duckdb.__version__}, numpy {numpy.__version__}, scipy {scipy.__version__}")'
echo "$(date -u '+%Y-%m-%d %H:%M UTC'); $(nproc) processors ($(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ //')); load $(cut -d' ' -f1-3 /proc/loadavg); input $CACHE/indicators.csv, $(($(wc -l < "$CACHE/indicators.csv") - 1)) rows, $(du -m "$CACHE/indicators.csv" | cut -f1) MB"
exec "$VENV/bin/python" scripts/peers/run_peers.py --ours "$OURS" --data "$CACHE" --out "$CACHE/out" \
  --repeats "$REPEATS" --workloads "$WORKLOADS" --cores "$CORES"
