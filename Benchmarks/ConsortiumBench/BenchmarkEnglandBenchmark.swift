import Benchmarking
import Foundation

/// `benchmark-england`: the statistics of `consortium benchmark` and `consortium peers` at England
/// scale, on data generated from a seed: 6,500 practices × 50 indicators (40 proportions, 5 rates,
/// 5 ratios, over-dispersed around their targets) with exact funnel limits, over-dispersion,
/// significance, quintiles and deciles; and peer groups (k = 10) from 20 correlated features.
///
/// Options: `--practices N` (6500), `--indicators N` (50), `--features N` (20), `--peer-count K`
/// (10), `--seed S` (20250901), `--repetitions R` (5), `--only statistics|peers` (both by default). Prints the median times, the time per
/// organisation-indicator, the processor seconds per run (all threads; they do not depend on what
/// else the machine is doing), exact against normal funnel limits and Mahalanobis against Euclidean
/// peers as ratios measured in the same run, and the peak resident memory.
let benchmarkEnglandBenchmark = Benchmark(
    name: "benchmark-england",
    summary: "6,500 practices x 50 indicators: exact funnels, over-dispersion, significance, quintiles; peers k=10 from 20 features"
) { options in
    let practices = Int(BenchmarkEnglandOptions.value("--practices", in: options) ?? "6500") ?? 6500
    let indicatorCount = Int(BenchmarkEnglandOptions.value("--indicators", in: options) ?? "50") ?? 50
    let featureCount = Int(BenchmarkEnglandOptions.value("--features", in: options) ?? "20") ?? 20
    let peerCount = Int(BenchmarkEnglandOptions.value("--peer-count", in: options) ?? "10") ?? 10
    let seed = UInt64(BenchmarkEnglandOptions.value("--seed", in: options) ?? "20250901") ?? 20250901
    let repetitions = Int(BenchmarkEnglandOptions.value("--repetitions", in: options) ?? "5") ?? 5
    let only = BenchmarkEnglandOptions.value("--only", in: options)

    let generated = BenchmarkEnglandData(practices: practices, indicators: indicatorCount, features: featureCount, seed: seed)
    let cells = practices * indicatorCount
    print("\(practices) practices x \(indicatorCount) indicators = \(cells) organisation-indicators; \(featureCount) features; seed \(seed)")

    var exactMedian = 0.0
    var peersMedian = 0.0
    var processorSeconds = 0.0
    if only != "peers" {
    var outliers = 0
    var phiAbove = 0
    let (exact, exactCPU) = try measuredWithProcessorTime(repetitions: repetitions) {
        outliers = 0
        phiAbove = 0
        for counts in generated.indicators {
            let result = try IndicatorBenchmark.run(counts, settings: BenchmarkSettings())
            outliers += result.rows.filter { $0.position?.isBeyond998 == true }.count
            if result.dispersion.model != .none { phiAbove += 1 }
        }
    }
    print("statistics, exact funnels:  \(exact.summary); \(String(format: "%.2f", exact.median / Double(cells) * 1e6)) µs per organisation-indicator; processor \(String(format: "%.3f", exactCPU)) s per run")
    print("  \(phiAbove) of \(indicatorCount) indicators over-dispersed; \(outliers) organisation-indicators outside the adjusted 99.8% limits")
    let (normal, normalCPU) = try measuredWithProcessorTime(repetitions: repetitions) {
        for counts in generated.indicators {
            _ = try IndicatorBenchmark.run(counts, settings: BenchmarkSettings(funnelMethod: .normal))
        }
    }
    print("statistics, normal funnels: \(normal.summary); processor \(String(format: "%.3f", normalCPU)) s per run")
    print(String(format: "  exact / normal: %.2fx", exact.median / normal.median))
    exactMedian = exact.median
    processorSeconds += exactCPU
    }
    if only != "statistics" {

    var peerRows = 0
    let (mahalanobis, mahalanobisCPU) = try measuredWithProcessorTime(repetitions: repetitions) {
        peerRows = try PeerGroups.nearest(features: generated.features, metric: .mahalanobis, count: peerCount).count
    }
    print("peers (Mahalanobis, k = \(peerCount)): \(mahalanobis.summary); processor \(String(format: "%.3f", mahalanobisCPU)) s per run; \(peerRows) rows")
    let (euclidean, euclideanCPU) = try measuredWithProcessorTime(repetitions: repetitions) {
        _ = try PeerGroups.nearest(features: generated.features, metric: .euclidean, count: peerCount)
    }
    print("peers (Euclidean):   \(euclidean.summary); processor \(String(format: "%.3f", euclideanCPU)) s per run")
    print(String(format: "  Mahalanobis / Euclidean: %.2fx", mahalanobis.median / euclidean.median))
    peersMedian = mahalanobis.median
    processorSeconds += mahalanobisCPU
    }
    if only == nil {
        print(String(format: "statistics + peers: %.3f s wall (median each), %.3f processor seconds", exactMedian + peersMedian, processorSeconds))
    }
    print(String(format: "peak resident memory: %.0f MiB", peakResidentMemoryMiB()))
}

/// Times `work` with `Timing.measure` and also returns the processor seconds per run (the warm-up
/// run included in the average).
private func measuredWithProcessorTime(repetitions: Int, _ work: () throws -> Void) rethrows -> (Timing, Double) {
    let before = processCPUSeconds()
    let timing = try Timing.measure(repetitions: repetitions, work)
    return (timing, (processCPUSeconds() - before) / Double(max(1, repetitions) + 1))
}

private enum BenchmarkEnglandOptions {
    static func value(_ name: String, in options: [String]) -> String? {
        guard let index = options.firstIndex(of: name), index + 1 < options.count else { return nil }
        return options[index + 1]
    }
}

/// Generated England-like data: list sizes log-normal around 9,000 patients; each indicator has a
/// target and an eligible share of the list; organisations' true values vary around the target
/// (log-normal, sd 0.25, so the data are over-dispersed as real practice data are); counts are drawn
/// by a normal approximation to the binomial or Poisson, rounded and kept in range.
private struct BenchmarkEnglandData {
    let indicators: [IndicatorCounts]
    let features: PeerFeatures

    init(practices: Int, indicators indicatorCount: Int, features featureCount: Int, seed: UInt64) {
        var random = SplitMix64(seed: seed)
        let codes = (0..<practices).map { "P" + String(100_000 + $0) }
        let lists = (0..<practices).map { _ in min(60_000, max(600, (9.0 + 0.5 * random.normal()).exponential)) }
        var indicators: [IndicatorCounts] = []
        for index in 0..<indicatorCount {
            let statistic: BenchmarkStatistic = index < indicatorCount * 4 / 5 ? .proportion : (index % 2 == 0 ? .rate : .ratio)
            let target = statistic == .proportion ? 0.02 + 0.5 * random.uniform() : (statistic == .rate ? 0.002 + 0.02 * random.uniform() : 1)
            let share = 0.1 + 0.9 * random.uniform()
            var organisations: [OrganisationCounts] = []
            organisations.reserveCapacity(practices)
            for practice in 0..<practices {
                let denominator: Double
                switch statistic {
                case .proportion: denominator = max(1, (lists[practice] * share).rounded())
                case .rate: denominator = lists[practice] * share
                case .ratio: denominator = lists[practice] * share * 0.01
                }
                let truth = min(0.98, target * (0.25 * random.normal()).exponential)
                let mean = truth * denominator
                let spread = statistic == .proportion ? (mean * (1 - truth)).squareRoot() : mean.squareRoot()
                var count = max(0, (mean + spread * random.normal()).rounded())
                if statistic == .proportion { count = min(count, denominator) }
                organisations.append(OrganisationCounts(organisationCode: codes[practice], numerator: count, denominator: denominator))
            }
            indicators.append(IndicatorCounts(indicatorId: "I\(index + 1)", statistic: statistic, organisations: organisations))
        }
        self.indicators = indicators
        // Features: five latent traits mixed into `featureCount` correlated columns, plus noise.
        let latent = (0..<practices).map { _ in (0..<5).map { _ in random.normal() } }
        let mixing = (0..<featureCount).map { _ in (0..<5).map { _ in random.normal() } }
        let columns = (0..<featureCount).map { feature in
            (0..<practices).map { practice in
                zip(mixing[feature], latent[practice]).reduce(0) { $0 + $1.0 * $1.1 } + 0.5 * random.normal()
            }
        }
        features = PeerFeatures(organisationCodes: codes, featureNames: (1...featureCount).map { "feature_\($0)" }, columns: columns, source: "generated")
    }
}

/// Steele, Lea and Flood's SplitMix64 generator (2014): small, fast and fully determined by its seed.
private struct SplitMix64 {
    var state: UInt64

    init(seed: UInt64) { state = seed }

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    /// Uniform on [0, 1) with 53 random bits.
    mutating func uniform() -> Double {
        Double(next() >> 11) * 0x1.0p-53
    }

    /// Standard normal by the Box–Muller transform.
    mutating func normal() -> Double {
        let u = max(uniform(), 0x1.0p-60)
        return (-2 * log(u)).squareRoot() * cos(2 * Double.pi * uniform())
    }
}

private extension Double {
    var exponential: Double { exp(self) }
}
