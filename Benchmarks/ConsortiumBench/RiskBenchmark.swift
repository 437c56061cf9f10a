import Dispatch
import Foundation
import Population
import Risk

/// `risk-england`: `consortium risk` on England-scale lists — the registered lists of
/// `consortium synth --scale england` (6,500 practices in 106 consortia, about 62 million
/// patients, nineteen bands × two sexes, generated in memory from `--seed`) with the
/// illustrative lognormal cost model of datasets/risk, 10,000 replications on 2 threads.
/// Also times the gamma-tail model (exact gamma sums) and one thread, and reports the expected
/// exact draws and the largest Berry–Esseen bound. Options: `--reps R`, `--threads T`,
/// `--seed S`, `--repetitions N` (timed runs, median reported; default 1 after a warm-up).
let riskEnglandBenchmark = Benchmark(
    name: "risk-england",
    summary: "Monte Carlo spend of ~106 consortia, ~62M patients, 10,000 replications; target < 60 s on 2 cores"
) { options in
    func option(_ name: String, _ fallback: Int) -> Int {
        guard let index = options.firstIndex(of: "--\(name)"), index + 1 < options.count, let value = Int(options[index + 1]) else { return fallback }
        return value
    }
    let replications = option("reps", 10_000)
    let threads = option("threads", 2)
    let seed = UInt64(option("seed", 1))
    let repetitions = option("repetitions", 1)
    let datasets = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("datasets/risk")

    let generationStart = DispatchTime.now().uptimeNanoseconds
    let england = SyntheticDataset.generate(scale: .england, seed: seed)
    let generationSeconds = Double(DispatchTime.now().uptimeNanoseconds - generationStart) / 1e9
    let mapping = ConsortiumMapping(frame: try england.frame())
    let lists = try england.lists.aggregated(by: mapping)
    print(String(format: "lists: %d consortia, %d patients (synthetic England, seed %d, generated in %.1f s)",
                 lists.count, lists.total, seed, generationSeconds))

    for (label, file) in [("lognormal tails", "illustrative-costs-lognormal.toml"), ("gamma tails", "illustrative-costs-gamma.toml")] {
        let model = try CostSpecificationReader.read(path: datasets.appendingPathComponent(file).path)
        let population = try GroupPopulation(lists: lists, model: model)
        let settings = SimulationSettings(replications: replications, seed: seed, threads: threads)
        let request = RiskRequest(model: model, population: population, budgets: .expectedSpendWithMargin(0.01), settings: settings)
        var result: RiskResult?
        let cpuBefore = cpuSeconds()
        let timing = Timing.measure(repetitions: repetitions) { result = RiskAnalysis.run(request) }
        // CPU seconds per run (warm-up included): on a shared machine the wall clock includes
        // waiting for a core; CPU time / wall time shows how much of the run was parallel.
        let cpuPerRun = (cpuSeconds() - cpuBefore) / Double(repetitions + 1)
        let plans = result!.plans
        let draws = plans.map(\.expectedExactDraws).reduce(0, +)
        let worstBound = plans.map(\.approximationBound).max() ?? 0
        let meanProbability = result!.rows.map(\.simulated.probabilityOfOverspend).reduce(0, +) / Double(result!.rows.count)
        print("\(label): \(replications) replications, \(threads) threads: \(timing.summary)")
        print(String(format: "  exact draws per replication %.0f (%.2e in all); largest Berry-Esseen bound %.4f; mean P(overspend at +1%%) %.4f",
                     draws, draws * Double(replications), worstBound, meanProbability))
        print(String(format: "  CPU time per run %.3f s; CPU / wall %.2f; time / 60 s target: %.3f", cpuPerRun, cpuPerRun / timing.median, timing.median / 60))
        if threads > 1 {
            var single = settings
            single.threads = 1
            let one = RiskRequest(model: model, population: population, budgets: .expectedSpendWithMargin(0.01), settings: single)
            let singleTiming = Timing.measure(repetitions: 1, warmUp: false) { _ = RiskAnalysis.run(one) }
            print(String(format: "  1 thread: %.3f s; speed-up with %d threads: %.2f", singleTiming.median, threads, singleTiming.median / timing.median))
        }
    }
    print(String(format: "peak resident memory: %.0f MiB", peakResidentMemoryMiB()))
}

/// CPU time used by this process so far (user + system, all threads), in seconds.
private func cpuSeconds() -> Double {
    var time = timespec()
    clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &time)
    return Double(time.tv_sec) + Double(time.tv_nsec) / 1e9
}
