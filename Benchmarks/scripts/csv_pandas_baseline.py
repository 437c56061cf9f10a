#!/usr/bin/env python3
"""Times pandas.read_csv (C engine, which is single-threaded) reading a numeric CSV into float64
columns, for the `csv-read` benchmark of ConsortiumBench, which runs this script in the same
session as its own timings.

Prints one JSON object: median and fastest seconds over the repetitions, the processor time per
run (user + system, which a busy machine does not inflate), the row count, and with
--checksum, for every column, the wrapping 64-bit sum of the IEEE bit patterns of its values as
parsed by pandas (whose default float parser is its precise one), so that the benchmark can
check that it read exactly the same numbers.
"""
import argparse
import json
import statistics
import time

import numpy as np
import pandas as pd


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("file")
    parser.add_argument("--repetitions", type=int, default=3)
    parser.add_argument("--checksum", action="store_true")
    arguments = parser.parse_args()

    seconds = []
    rows = 0
    processor_start = time.process_time()
    for _ in range(max(1, arguments.repetitions)):
        start = time.perf_counter()
        frame = pd.read_csv(arguments.file, engine="c", dtype=np.float64)
        seconds.append(time.perf_counter() - start)
        rows = len(frame)
        del frame
    result = {
        "pandas_version": pd.__version__,
        "seconds_median": statistics.median(seconds),
        "seconds_fastest": min(seconds),
        "processor_seconds_per_run": (time.process_time() - processor_start) / len(seconds),
        "rows": rows,
    }
    if arguments.checksum:
        frame = pd.read_csv(arguments.file, engine="c", dtype=np.float64)
        result["columns"] = list(frame.columns)
        result["checksums"] = [
            int(frame[name].to_numpy().view(np.uint64).sum(dtype=np.uint64)) for name in frame.columns
        ]
    print(json.dumps(result))


if __name__ == "__main__":
    main()
