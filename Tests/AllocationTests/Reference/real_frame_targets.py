"""Reference targets on NHS Digital's Payments to General Practice 2022-23, computed independently
of the Swift engine with exact rational arithmetic (fractions), for RealFrameTests.swift.

For each grouping of practices (sub-ICB as published, NHS England region, PCN), the target of a
group is total x (sum of the group's published weighted patients) / (sum over England), rounded
to pence by the largest-remainder method, equal remainders to the smaller code. Two runs:

- all practices, total 4,368,731,529.76 pounds (the sum of the Global Sum column);
- GMS practices only (Contract Type = GMS), total = their Global Sum; the baseline of a sub-ICB is
  the sum of its GMS practices' Global Sum.

Run from the package root:  python3 Tests/AllocationTests/Reference/real_frame_targets.py
It writes Tests/AllocationTests/Reference/real_frame_targets.csv.
"""
import csv
from decimal import Decimal
from fractions import Fraction
from pathlib import Path

ROOT = Path(__file__).resolve().parents[3]
PAYMENTS = ROOT / "datasets/england-2022-23/nhs-payments-to-general-practice-2022-23.csv"
OUT = Path(__file__).with_name("real_frame_targets.csv")


def normalise(name):
    return " ".join(name.split())


def pence(pounds):
    return int(Decimal(pounds) * 100)


def largest_remainder(quotas, total):
    """quotas: {code: Fraction}; returns {code: int} summing to total."""
    floors = {code: q.numerator // q.denominator for code, q in quotas.items()}
    left = total - sum(floors.values())
    order = sorted(quotas, key=lambda code: (-(quotas[code] - floors[code]), code.encode()))
    assert 0 <= left <= len(order)
    for code in order[:left]:
        floors[code] += 1
    return floors


def targets(rows, key, total):
    weighted = {}
    for row in rows:
        weighted[row[key]] = weighted.get(row[key], Fraction(0)) + row["weighted"]
    england = sum(weighted.values())
    return largest_remainder({code: total * w / england for code, w in weighted.items()}, total)


with open(PAYMENTS, encoding="utf-8-sig", newline="") as handle:
    reader = csv.reader(handle)
    header = [normalise(name) for name in next(reader)]
    column = {name: index for index, name in enumerate(header)}
    rows = []
    for record in reader:
        rows.append({
            "practice": record[column["Practice Code"]],
            "sub_icb": record[column["CCG Code"]],
            "pcn": record[column["Code"]],
            "region": record[column["NHS England (Region) code"]],
            "contract": record[column["Contract Type"]],
            "weighted": Fraction(record[column["Number of Weighted Patients (Last Known Figure)"]]),
            "global_sum": pence(record[column["Global Sum"]]),
        })

total_all = sum(row["global_sum"] for row in rows)
assert total_all == 436873152976, total_all
gms = [row for row in rows if row["contract"] == "GMS"]
total_gms = sum(row["global_sum"] for row in gms)

with open(OUT, "w", newline="") as handle:
    writer = csv.writer(handle, lineterminator="\n")
    writer.writerow(["run", "grouping", "code", "target_pence", "baseline_pence"])
    for grouping in ["sub_icb", "region", "pcn"]:
        for code, amount in sorted(targets(rows, grouping, total_all).items()):
            writer.writerow(["all", grouping, code, amount, ""])
    baselines = {}
    for row in gms:
        baselines[row["sub_icb"]] = baselines.get(row["sub_icb"], 0) + row["global_sum"]
    for code, amount in sorted(targets(gms, "sub_icb", total_gms).items()):
        writer.writerow(["gms", "sub_icb", code, amount, baselines[code]])
print(f"wrote {OUT}: all practices total {total_all} pence, GMS total {total_gms} pence")
