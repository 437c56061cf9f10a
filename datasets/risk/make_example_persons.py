"""Writes example-persons.csv: 20,000 invented persons with an annual cost, for trying
`consortium risk --persons`. Not data about anyone: sexes and age bands are drawn with the
shares of Exampleshire's registered lists (datasets/exampleshire/population.csv), and each cost
from the band's distribution in illustrative-costs-lognormal.toml (zero with the band's
probability, else lognormal), rounded to pence. numpy's PCG64 with seed 2024.

Run from this folder: python3 make_example_persons.py
"""
import csv
import tomllib
import numpy as np

rng = np.random.Generator(np.random.PCG64(2024))
spec = tomllib.load(open("illustrative-costs-lognormal.toml", "rb"))["band"]

def model_band(sex, label):
    lower = int(label.replace("+", "-").split("-")[0])
    for band in spec:
        low, _, high = band["age_band"].partition("-")
        low = int(low.rstrip("+"))
        upper = int(high) if high else 200
        if band["sex"] == sex and low <= lower <= upper:
            return band
    raise ValueError((sex, label))

cells, weights = [], []
for row in csv.DictReader(open("../exampleshire/population.csv")):
    cells.append((row["sex"], row["age_band"]))
    weights.append(int(row["patients"]))
totals = {}
for cell, weight in zip(cells, weights):
    totals[cell] = totals.get(cell, 0) + weight
keys = sorted(totals)
shares = np.array([totals[k] for k in keys], dtype=float)
shares /= shares.sum()

with open("example-persons.csv", "w", newline="") as out:
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(["sex", "age_band", "cost"])
    for index in rng.choice(len(keys), size=20_000, p=shares):
        sex, label = keys[index]
        band = model_band(sex, label)
        if rng.random() < band["zero_probability"]:
            cost = 0.0
        else:
            cost = float(np.exp(band["log_mean"] + band["log_sd"] * rng.standard_normal()))
        writer.writerow([sex, label, f"{cost:.2f}"])
