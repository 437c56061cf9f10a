"""Makes the inputs of the proportion, rate and benchmark workloads from a `consortium synth`
folder (not timed): proportion_input.csv and rate_input.csv, the rows of indicators.csv whose
indicator is of kind proportion, and of kind count (indicator_definitions.csv), as they are;
benchmark_counts.csv, one row per indicator x practice (indicator_id, org_code, parent_code,
period, numerator, denominator: the age bands of indicators.csv added up, parent_code the
practice's consortium from practices.csv), and benchmark_indicators.csv (indicator_id, polarity,
statistic, multiplier) from indicator_definitions.csv: proportions stay proportions (x100), counts
become rates (per 100,000); polarity not_applicable becomes no_judgement.
Usage: prepare_benchmark_inputs.py SYNTH_FOLDER OUTPUT_FOLDER"""
import sys
import polars as pl

folder, out = sys.argv[1], sys.argv[2]
counts = pl.read_csv(f"{folder}/indicators.csv", schema_overrides={"numerator": pl.Int64, "denominator": pl.Int64})
definitions = pl.read_csv(f"{folder}/indicator_definitions.csv")
for kind, name in (("proportion", "proportion_input"), ("count", "rate_input")):
    chosen = definitions.filter(pl.col("kind") == kind)["indicator_id"]
    counts.filter(pl.col("indicator_id").is_in(chosen.implode())).write_csv(f"{out}/{name}.csv")
practices = pl.read_csv(f"{folder}/practices.csv", columns=["practice_code", "consortium_code"])
(counts.group_by(["indicator_id", "org_code", "period"], maintain_order=True)
 .agg(pl.col("numerator").sum(), pl.col("denominator").sum())
 .join(practices.rename({"practice_code": "org_code", "consortium_code": "parent_code"}), on="org_code", how="left", maintain_order="left")
 .select("indicator_id", "org_code", "parent_code", "period", "numerator", "denominator")
 .write_csv(f"{out}/benchmark_counts.csv"))
(definitions.select(
    "indicator_id",
    polarity=pl.col("polarity").replace({"not_applicable": "no_judgement"}),
    statistic=pl.when(pl.col("kind") == "proportion").then(pl.lit("proportion")).otherwise(pl.lit("rate")),
    multiplier=pl.when(pl.col("kind") == "proportion").then(100).otherwise(100000))
 .write_csv(f"{out}/benchmark_indicators.csv"))
