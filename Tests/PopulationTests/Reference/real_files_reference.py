"""Independent figures for the real-file tests of PopulationTests (PaymentsFileTests,
FingertipsExportTests, DeprivationFileTests, EnglandCalibrationTests), computed with pandas from
datasets/england-2022-23. Run from the package root: python3 Tests/PopulationTests/Reference/real_files_reference.py
"""
from decimal import Decimal
from pathlib import Path

import numpy as np
import pandas as pd

folder = Path(__file__).resolve().parents[3] / "datasets" / "england-2022-23"

# NHS Payments to General Practice 2022-23.
payments = pd.read_csv(folder / "nhs-payments-to-general-practice-2022-23.csv", encoding="utf-8-sig", dtype=str)
registered = payments["Number of Registered Patients (Last Known Figure)"].astype(float)
weighted = payments["Number of Weighted Patients (Last Known Figure)"].astype(float)
print("practices", len(payments), "PCNs (column Code)", payments["Code"].nunique(),
      "sub-ICBs", payments["CCG Code"].nunique(), "regions", payments["NHS England (Region) code"].nunique())
print("registered", registered.sum(), "weighted", weighted.sum(), "zero lists", (registered == 0).sum())
total = payments["Total NHS Payments to General Practice"].map(Decimal)
deductions = payments["Deductions for Pensions, Levies and Prescription Charge Income"].map(Decimal)
net = payments["Total NHS Payments to General Practice Minus Deductions"].map(Decimal)
print("total payments", total.sum(), "net mismatches", (total + deductions != net).sum())
print(payments.iloc[0, :8].tolist(), payments.iloc[0][["Global Sum", "Total NHS Payments to General Practice"]].tolist())

nonzero = np.sort(registered[registered > 0].to_numpy())
print("list-size percentiles", [(q, round(np.percentile(nonzero, q), 1))
                                 for q in [1, 2.5, 5, 10, 20, 30, 40, 50, 60, 70, 80, 90, 95, 97.5, 99, 99.5, 99.9, 100]])
sizes = payments.groupby("Code").size()
print("PCN sizes 1..12, 13+", [int((sizes == k).sum()) for k in range(1, 13)] + [int((sizes >= 13).sum())])

# Fingertips exports.
smoking = pd.read_csv(folder / "fingertips-smoking-prevalence-qof-2022-23.csv", dtype=str, keep_default_na=False)
print("smoking rows", len(smoking), smoking["Area Type"].value_counts().to_dict())
deprivation = pd.read_csv(folder / "fingertips-practice-imd-score.csv", encoding="utf-8-sig")
print("IMD score rows", len(deprivation), deprivation.groupby("Year").size().to_dict())
scores2019 = deprivation[deprivation.Year == 2019].set_index("AreaCode").Value
print("practice IMD 2019 percentiles", [(q, round(np.percentile(scores2019, q), 2)) for q in [5, 10, 25, 50, 75, 90, 95]])
frame = payments.assign(registered=registered).set_index("Practice Code").join(scores2019, how="inner")
for code, group in frame.groupby("NHS England (Region) code"):
    print("region", code, len(payments[payments["NHS England (Region) code"] == code]),
          "mean practice IMD", round(np.average(group.Value, weights=group.registered), 2))

# IMD 2019 files, with thousands separators.
ranks = pd.read_csv(folder / "imd2019-lsoa-rank-decile.csv", encoding="utf-8-sig", thousands=",")
rank = ranks["Index of Multiple Deprivation (IMD) Rank"]
print("LSOAs", len(ranks), "distinct ranks", rank.nunique(), "deciles", ranks.iloc[:, 5].value_counts().sort_index().tolist())
populations = pd.read_csv(folder / "imd2019-lsoa-population.csv", encoding="utf-8-sig", thousands=",")
print("population sums", populations.iloc[:, 4:].sum().tolist())
