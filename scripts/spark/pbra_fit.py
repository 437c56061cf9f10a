"""Fits a person-based model on a persons data set partitioned across a Spark cluster, without
pooling persons: each partition runs `consortium pbra partial` on its own rows (its sufficient
statistics, with the disclosure checks), the driver collects the partial files and runs
`consortium pbra merge`, which gives the coefficients `pbra fit` gives on all persons at once
(docs/pbra-model.md, "Fitting across data holders"). With --robust a second round writes each
partition's HC1 meat with the merged coefficients and merges those.

Usage:
  spark-submit scripts/spark/pbra_fit.py --persons persons.csv --model model.toml \\
      --consortium .build/release/consortium --partitions 4 --out coefficients.csv [--summary s.csv] [--robust]
or with pyspark installed, `python scripts/spark/pbra_fit.py ...` (local[*] unless --master is given).

On a cluster, the binary and the model are shipped to the executors with SparkContext.addFile; the
executors must be Linux x86-64 machines with the libraries the binary links (libopenblas0,
liblapacke). --persons may be any path Spark reads (HDFS, S3, a local file in local mode)."""
import argparse
import csv
import io
import os
import subprocess
import tempfile

from pyspark import SparkFiles
from pyspark.sql import SparkSession


def partial_of_partition(rows, columns, binary, model, robust_coefficients, extra):
    """Runs `consortium pbra partial` on one partition's rows; yields the partial file's text."""
    rows = list(rows)
    if not rows:
        return
    with tempfile.TemporaryDirectory() as folder:
        persons = os.path.join(folder, "persons.csv")
        with open(persons, "w", newline="") as handle:
            writer = csv.writer(handle, lineterminator="\n")
            writer.writerow(columns)
            for row in rows:
                writer.writerow(["" if value is None else value for value in row])
        part = os.path.join(folder, "site.pbra-partial")
        command = [SparkFiles.get(binary), "pbra", "partial", "--persons", persons, "--model", SparkFiles.get(model), "--out", part] + extra
        if robust_coefficients:
            command += ["--robust", "--coefficients", SparkFiles.get(robust_coefficients)]
        done = subprocess.run(command, capture_output=True, text=True)
        if done.returncode != 0:
            raise RuntimeError(f"pbra partial failed (exit {done.returncode}) on a partition of {len(rows)} persons: {done.stderr.strip()}")
        with open(part) as handle:
            yield handle.read()


def merge(binary, partials, out, summary, robust):
    """Writes the partials to a folder and runs `consortium pbra merge` on them."""
    with tempfile.TemporaryDirectory() as folder:
        paths = []
        for index, text in enumerate(partials):
            path = os.path.join(folder, f"partition-{index:05d}.pbra-partial")
            with open(path, "w") as handle:
                handle.write(text)
            paths.append(path)
        command = [binary, "pbra", "merge", *paths, "--out", out] + (["--summary", summary] if summary else []) + (["--robust"] if robust else [])
        subprocess.run(command, check=True)


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--persons", required=True)
    parser.add_argument("--model", required=True)
    parser.add_argument("--consortium", required=True, help="the consortium binary (shipped to the executors)")
    parser.add_argument("--partitions", type=int, default=4)
    parser.add_argument("--out", required=True, help="coefficients CSV")
    parser.add_argument("--summary")
    parser.add_argument("--robust", action="store_true", help="a second round for HC1 standard errors")
    parser.add_argument("--minimum-persons", type=int)
    parser.add_argument("--minimum-cell", type=int)
    parser.add_argument("--master", default=os.environ.get("SPARK_MASTER", "local[*]"))
    arguments = parser.parse_args()
    extra = []
    if arguments.minimum_persons is not None:
        extra += ["--minimum-persons", str(arguments.minimum_persons)]
    if arguments.minimum_cell is not None:
        extra += ["--minimum-cell", str(arguments.minimum_cell)]

    spark = SparkSession.builder.master(arguments.master).appName("consortium pbra fit").getOrCreate()
    context = spark.sparkContext
    binary = os.path.abspath(arguments.consortium)
    model = os.path.abspath(arguments.model)
    context.addFile(binary)
    context.addFile(model)
    binary_name, model_name = os.path.basename(binary), os.path.basename(model)
    # Every column as text, as written: the engine parses and checks the numbers itself.
    persons = spark.read.csv(arguments.persons, header=True, inferSchema=False).repartition(arguments.partitions)
    columns = persons.columns
    rdd = persons.rdd.map(tuple)

    first = rdd.mapPartitions(lambda rows: partial_of_partition(rows, columns, binary_name, model_name, None, extra)).collect()
    print(f"pbra_fit: {len(first)} partial files from {arguments.partitions} partitions")
    if not arguments.robust:
        merge(binary, first, arguments.out, arguments.summary, robust=False)
    else:
        with tempfile.TemporaryDirectory() as folder:
            round_one = os.path.join(folder, "round-one-coefficients.csv")
            merge(binary, first, round_one, None, robust=False)
            context.addFile(round_one)
            second = rdd.mapPartitions(
                lambda rows: partial_of_partition(rows, columns, binary_name, model_name, "round-one-coefficients.csv", extra)).collect()
            merge(binary, second, arguments.out, arguments.summary, robust=True)
    spark.stop()


if __name__ == "__main__":
    main()
