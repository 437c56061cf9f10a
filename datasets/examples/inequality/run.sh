#!/bin/sh
# Inequality across practice deprivation deciles, England 2022/23, from the bundled real files.
# Run from the repository root after `swift build`: sh datasets/examples/inequality/run.sh
set -e
consortium=${CONSORTIUM:-.build/debug/consortium}
data=datasets/england-2022-23
out=${OUT:-datasets/examples/inequality}

# 1. Population-weighted national deciles of practices: the Fingertips practice IMD 2019 score,
#    registered patients from the payments file (practices in both files; the others are counted).
"$consortium" needs \
  --scores "$data/fingertips-practice-imd-score.csv" --year 2019 \
  --population "$data/nhs-payments-to-general-practice-2022-23.csv" \
  --groups 10 --on-unusable skip --out "$out/practice-deciles.csv"

# 2. Smoking prevalence (QOF, 15+) across the deciles: Count / Denominator per practice.
"$consortium" inequality \
  --indicator "$data/fingertips-smoking-prevalence-qof-2022-23.csv" --area-type GPs \
  --deprivation "$out/practice-deciles.csv" --decompose-by consortium_code --groups 10 \
  --statistic proportion --multiplier 100 \
  --interval simulation,analytic --confidence 95,99.8 --reps 10000 --seed 1 \
  --on-unusable skip --groups-out "$out/smoking-groups.csv" --out "$out/smoking-inequality.csv"

# 3. Total NHS payments per weighted patient across the deciles: a ratio of sums.
"$consortium" inequality \
  --indicator "$data/nhs-payments-to-general-practice-2022-23.csv" \
  --organisation-column "Practice Code" \
  --numerator-column "Total NHS Payments to General Practice" \
  --denominator-column "Number of Weighted Patients (Last Known Figure)" \
  --deprivation "$out/practice-deciles.csv" --decompose-by consortium_code --groups 10 \
  --statistic ratio \
  --interval simulation,analytic --confidence 95,99.8 --reps 10000 --seed 1 \
  --on-unusable skip --groups-out "$out/payments-groups.csv" --out "$out/payments-inequality.csv"
