#!/usr/bin/env bash
# Fits a person-based model on local Spark with 4 partitions (scripts/spark/pbra_fit.py: each
# partition runs `consortium pbra partial`, the driver `pbra merge`) and checks that the
# coefficients, standard errors and HC1 errors equal `consortium pbra fit` on the same persons to
# 1e-10 relative. Not part of the unit tests. Needs Java 17 (on this machine) and pyspark from
# PyPI, installed into .venv-spark/ when missing.
#   bash scripts/test-spark.sh            # 40,000 synthetic persons
#   PERSONS=200000 bash scripts/test-spark.sh
set -euo pipefail
cd "$(dirname "$0")/.."
PERSONS="${PERSONS:-40000}"
VENV=.venv-spark
command -v java >/dev/null || { echo "test-spark: java (17 or later) is needed for Spark" >&2; exit 1; }
if ! "$VENV/bin/python" -c 'import pyspark' 2>/dev/null; then
  echo "== installing pyspark into $VENV" >&2
  python3 -m venv "$VENV"
  "$VENV/bin/pip" install --quiet pyspark
fi
echo "== swift build -c release --product consortium" >&2
swift build -c release --product consortium 2>&1 | tail -1 >&2
OURS="$(swift build -c release --show-bin-path)/consortium"
WORK="$(mktemp -d)"
trap 'rm -rf "$WORK"' EXIT
"$OURS" synth --scale consortium --seed 1 --persons "$PERSONS" --out-dir "$WORK/data" >/dev/null 2>&1
cat > "$WORK/model.toml" <<'MODEL'
response = "cost"
need = ["diabetes", "hypertension", "copd", "asthma", "depression", "area_imd_score"]

[[categorical]]
variable = "age_band"
reference = "40-44"
levels = ["0-4", "5-9", "10-14", "15-19", "20-24", "25-29", "30-34", "35-39", "40-44",
          "45-49", "50-54", "55-59", "60-64", "65-69", "70-74", "75-79", "80-84", "85-89", "90+"]

[[categorical]]
variable = "sex"
reference = "F"
levels = ["F", "M"]
MODEL
echo "== pbra fit on all $PERSONS persons" >&2
"$OURS" pbra fit --persons "$WORK/data/persons.csv" --model "$WORK/model.toml" --robust --out "$WORK/single.csv" --summary "$WORK/single-summary.csv"
echo "== Spark, 4 partitions: pbra partial per partition, pbra merge" >&2
PYSPARK_PYTHON="$PWD/$VENV/bin/python" "$VENV/bin/python" scripts/spark/pbra_fit.py --master "local[4]" --partitions 4 \
  --persons "$WORK/data/persons.csv" --model "$WORK/model.toml" --consortium "$OURS" --robust \
  --out "$WORK/spark.csv" --summary "$WORK/spark-summary.csv" 2> "$WORK/spark.log" || { tail -30 "$WORK/spark.log" >&2; exit 1; }
python3 - "$WORK/single.csv" "$WORK/spark.csv" <<'CHECK'
import csv, sys
single = list(csv.DictReader(open(sys.argv[1])))
spark = list(csv.DictReader(open(sys.argv[2])))
assert len(single) == len(spark) and [r["term"] for r in single] == [r["term"] for r in spark], "terms differ"
worst = 0.0
columns = [c for c in single[0] if c != "term"]
for a, b in zip(single, spark):
    for column in columns:
        x, y = a[column], b[column]
        if x == y:
            continue
        try:
            x, y = float(x), float(y)
        except ValueError:
            sys.exit(f"{a['term']} {column}: {x!r} vs {y!r}")
        worst = max(worst, abs(x - y) / max(abs(x), 1e-300))
print(f"test-spark: {len(single)} terms, columns {', '.join(columns)}; largest relative difference {worst:.2e}")
sys.exit(0 if worst <= 1e-10 else 1)
CHECK
