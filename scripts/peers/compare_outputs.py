"""Checks that two CSV outputs agree: rows are matched by the identity columns (--keys), every
column the two files share is compared, numbers to a relative tolerance (|a - b| <= rel * max(|a|,
|b|) + abs; empty equals empty), text exactly. Prints one line when they agree, otherwise the
columns that differ with the number of rows, the largest difference and a few example rows.
Exit status 0 when they agree, 1 when not. Usage:
compare_outputs.py OURS PEER --keys indicator_id,org_code [--rel 1e-9] [--abs 1e-12]"""
import argparse
import sys
import polars as pl

parser = argparse.ArgumentParser()
parser.add_argument("ours")
parser.add_argument("peer")
parser.add_argument("--keys", required=True)
parser.add_argument("--rel", type=float, default=1e-9)
parser.add_argument("--abs", type=float, default=1e-12)
parser.add_argument("--examples", type=int, default=3)
args = parser.parse_args()
keys = args.keys.split(",")

ours = pl.read_csv(args.ours, infer_schema=False)
peer = pl.read_csv(args.peer, infer_schema=False)
problems = []
for name, frame in (("ours", ours), ("peer", peer)):
    duplicated = frame.select(keys).is_duplicated().sum()
    if duplicated:
        problems.append(f"{name}: {duplicated} rows share their identity ({', '.join(keys)})")
common = [c for c in ours.columns if c in peer.columns and c not in keys]
if ours.height != peer.height:
    problems.append(f"row counts differ: ours {ours.height}, peer {peer.height}")
matched = ours.join(peer, on=keys, how="inner", suffix="_peer", nulls_equal=True)
if matched.height != ours.height or matched.height != peer.height:
    problems.append(f"{ours.height - matched.height} of our rows and {peer.height - matched.height} of the peer's have no partner")
compared = []
for column in common:
    a, b = pl.col(column), pl.col(f"{column}_peer")
    numeric = ours[column].cast(pl.Float64, strict=False).null_count() == ours[column].null_count()
    if numeric:
        x, y = a.cast(pl.Float64, strict=False), b.cast(pl.Float64, strict=False)
        scale = pl.max_horizontal(x.abs(), y.abs())
        difference = (x - y).abs()
        bad = (x.is_null() != y.is_null()) | ((x != y) & (difference > args.rel * scale + args.abs)).fill_null(False)
        relative = pl.when(x == y).then(0.0).otherwise(difference / scale)
        frame = matched.with_columns(_bad=bad, _relative=relative)
        worst = frame["_relative"].max()
        compared.append(f"{column} (max rel {worst:.1e})" if worst else column)
    else:
        frame = matched.with_columns(_bad=(a.fill_null("") != b.fill_null("")))
        compared.append(column)
    failing = frame.filter(pl.col("_bad"))
    if failing.height:
        worst = "" if not numeric else f", largest relative difference {failing['_relative'].max():.3e}"
        problems.append(f"column {column}: {failing.height} of {matched.height} rows differ{worst}; e.g.\n"
                        + "\n".join(f"    {dict((k, r[k]) for k in keys)}: ours {r[column]!r}, peer {r[column + '_peer']!r}"
                                    for r in failing.head(args.examples).iter_rows(named=True)))
if problems:
    print(f"DISAGREE {args.peer} vs {args.ours}:\n  " + "\n  ".join(problems))
    sys.exit(1)
print(f"agree: {matched.height} rows; compared {', '.join(compared)}")
