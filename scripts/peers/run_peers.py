"""Times ours and the peers on the same files, interleaved (each repetition runs every workload,
core setting and tool once, in turn), and prints the medians: wall seconds, CPU seconds
(user + system of the process, from wait4) and peak resident memory (maxrss), with the ratio of
each tool's wall time to ours. Then checks that each peer's output agrees with ours
(compare_outputs.py) and that ours is byte-identical on one core and on all cores.
Called by scripts/bench-peers.sh, which prepares the inputs; see there for the options."""
import argparse
import filecmp
import os
import statistics
import subprocess
import sys
import time

here = os.path.dirname(os.path.abspath(__file__))
parser = argparse.ArgumentParser()
parser.add_argument("--ours", required=True, help="the consortium binary")
parser.add_argument("--data", required=True, help="folder with indicators.csv and what prepare_benchmark_inputs.py makes of it")
parser.add_argument("--out", required=True, help="folder for the outputs and results.tsv")
parser.add_argument("--repeats", type=int, default=3)
parser.add_argument("--workloads", default="dsr,proportion,rate,benchmark")
parser.add_argument("--cores", default="all,one")
args = parser.parse_args()
os.makedirs(args.out, exist_ok=True)
python = sys.executable
indicators = os.path.join(args.data, "indicators.csv")
proportions = os.path.join(args.data, "proportion_input.csv")
rates = os.path.join(args.data, "rate_input.csv")
counts = os.path.join(args.data, "benchmark_counts.csv")
metadata = os.path.join(args.data, "benchmark_indicators.csv")
# Which of our commands take --threads (given 1 on one core; absent, they use what they use).
threaded = {name for name in ("indicators", "benchmark")
            if "--threads" in subprocess.run([args.ours, name, "--help"], capture_output=True, text=True).stdout}
grouped = ["--group-by", "indicator_id,org_code,period"]


def ours_indicators(statistic, source, *extra):
    return lambda out: [args.ours, "indicators", "--statistic", statistic, "--input", source, "--confidence", "95,99.8", *extra, "--out", out]


def peer(script, *inputs):
    return lambda out: [python, os.path.join(here, script), *inputs, out]


WORKLOADS = {
    "dsr": (["indicator_id", "org_code", "period", "confidence"],
            {"ours": ours_indicators("dsr", indicators), "polars": peer("dsr_polars.py", indicators), "duckdb": peer("dsr_duckdb.py", indicators)}),
    "proportion": (["indicator_id", "org_code", "period", "confidence"],
                   {"ours": ours_indicators("proportion", proportions, *grouped), "polars": peer("proportion_polars.py", proportions),
                    "duckdb": peer("proportion_duckdb.py", proportions)}),
    "rate": (["indicator_id", "org_code", "period", "confidence"],
             {"ours": ours_indicators("rate", rates, *grouped), "polars": peer("rate_polars.py", rates), "duckdb": peer("rate_duckdb.py", rates)}),
    "benchmark": (["indicator_id", "org_code"],
                  {"ours": lambda out: [args.ours, "benchmark", "--counts", counts, "--indicators", metadata, "--out", out],
                   "polars": peer("benchmark_polars.py", counts, metadata), "duckdb": peer("benchmark_duckdb.py", counts, metadata)}),
}
workloads = args.workloads.split(",")
cores = args.cores.split(",")
processors = os.cpu_count()


def command(workload, core, tool, out):
    argv = WORKLOADS[workload][1][tool](out)
    env = dict(os.environ)
    if core == "one":
        env.update(POLARS_MAX_THREADS="1", DUCKDB_THREADS="1", OMP_NUM_THREADS="1", OPENBLAS_NUM_THREADS="1")
        if tool == "ours" and argv[1] in threaded:
            argv = argv[:2] + ["--threads", "1"] + argv[2:]
        argv = ["taskset", "-c", "0"] + argv
    return argv, env


def run(argv, env, log):
    started = time.perf_counter()
    with open(log, "w") as stderr:
        process = subprocess.Popen(argv, env=env, stdout=subprocess.DEVNULL, stderr=stderr)
        _, status, usage = os.wait4(process.pid, 0)
    wall = time.perf_counter() - started
    code = os.waitstatus_to_exitcode(status)
    return code, wall, usage.ru_utime + usage.ru_stime, usage.ru_maxrss / 1024


# The fixed cost in every peer's figures: starting Python and importing its libraries (an analyst
# working in a notebook pays it once, not per run), measured in the same interleaving.
STARTUP = {"polars": "import numpy, polars, scipy.stats", "duckdb": "import duckdb, numpy, scipy.stats"}
results = {}
failures = []
for repeat in range(args.repeats):
    for tool, imports in STARTUP.items():
        code, wall, cpu, rss = run([python, "-c", imports], dict(os.environ), os.devnull)
        results.setdefault(("startup", "all", tool), []).append((wall, cpu, rss))
    for workload in workloads:
        for core in cores:
            for tool in WORKLOADS[workload][1]:
                out = os.path.join(args.out, f"{workload}-{core}-{tool}.csv")
                argv, env = command(workload, core, tool, out)
                code, wall, cpu, rss = run(argv, env, out + ".log")
                if code != 0:
                    failures.append(f"{workload} {core} {tool} exited {code}: see {out}.log")
                    print(failures[-1], file=sys.stderr)
                    continue
                results.setdefault((workload, core, tool), []).append((wall, cpu, rss))
                print(f"  run {repeat + 1}: {workload:10} {core:3} {tool:6} {wall:7.3f} s wall {cpu:7.3f} s CPU {rss:7.0f} MiB", file=sys.stderr, flush=True)

lines = [f"{'workload':10} {'tool':7} {'threads':>7} {'wall s':>8} {'CPU s':>8} {'peak MiB':>9} {'wall / ours':>11}"]
tsv = ["workload\ttool\tthreads\twall_s\tcpu_s\tpeak_mib\twall_ratio_vs_ours\truns"]
for workload in workloads:
    for core in cores:
        threads = processors if core == "all" else 1
        ours = results.get((workload, core, "ours"))
        ours_wall = statistics.median(r[0] for r in ours) if ours else float("nan")
        for tool in WORKLOADS[workload][1]:
            runs = results.get((workload, core, tool))
            if not runs:
                lines.append(f"{workload:10} {tool:7} {threads:>7} {'failed':>8}")
                continue
            wall, cpu, rss = (statistics.median(r[i] for r in runs) for i in range(3))
            lines.append(f"{workload:10} {tool:7} {threads:>7} {wall:8.3f} {cpu:8.3f} {rss:9.0f} {wall / ours_wall:11.2f}")
            tsv.append(f"{workload}\t{tool}\t{threads}\t{wall:.4f}\t{cpu:.4f}\t{rss:.1f}\t{wall / ours_wall:.4f}\t{len(runs)}")
print(f"median of {args.repeats} interleaved runs; {processors} processors; ours --threads on {', '.join(sorted(threaded)) or 'no command'}; "
      f"one core = taskset -c 0, POLARS_MAX_THREADS=1, DuckDB SET threads=1{', ours --threads 1' if threaded else ''}")
print("\n".join(lines))
print("python start + imports (included above): " + "; ".join(
    f"{tool} {statistics.median(r[0] for r in results[('startup', 'all', tool)]):.3f} s wall, "
    f"{statistics.median(r[1] for r in results[('startup', 'all', tool)]):.3f} s CPU" for tool in STARTUP))
for tool in STARTUP:
    runs = results[("startup", "all", tool)]
    tsv.append(f"startup\t{tool}\t{processors}\t{statistics.median(r[0] for r in runs):.4f}\t{statistics.median(r[1] for r in runs):.4f}"
               f"\t{statistics.median(r[2] for r in runs):.1f}\t\t{len(runs)}")
with open(os.path.join(args.out, "results.tsv"), "w") as handle:
    handle.write("\n".join(tsv) + "\n")

print("\nagreement (relative 1e-9):")
disagreements = 0
for workload in workloads:
    keys, tools = WORKLOADS[workload]
    for core in cores:
        ours = os.path.join(args.out, f"{workload}-{core}-ours.csv")
        for tool in tools:
            if tool == "ours" or (workload, core, tool) not in results or (workload, core, "ours") not in results:
                continue
            check = subprocess.run([python, os.path.join(here, "compare_outputs.py"), ours, os.path.join(args.out, f"{workload}-{core}-{tool}.csv"),
                                    "--keys", ",".join(keys)], capture_output=True, text=True)
            disagreements += check.returncode != 0
            print(f"  {workload} {core} {tool}: {(check.stdout + check.stderr).strip()}")
    if len(cores) > 1 and all((workload, core, "ours") in results for core in cores):
        files = [os.path.join(args.out, f"{workload}-{core}-ours.csv") for core in cores]
        same = all(filecmp.cmp(files[0], other, shallow=False) for other in files[1:])
        disagreements += not same
        print(f"  {workload} ours: output {'byte-identical' if same else 'DIFFERS'} on {' and '.join(cores)} cores")
for failure in failures:
    print(f"  failed: {failure}")
sys.exit(1 if disagreements or failures else 0)
