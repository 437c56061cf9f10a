import Foundation
import Inequality
import Population
import Tables

/// `inequality-england`: England-scale inequality analysis. 6,500 practices (scores, registered
/// patients) and 50 proportion indicators (Count/Denominator per practice, prevalence rising with
/// deprivation), generated from a seed; a long CSV of 325,000 indicator rows is written once to
/// /tmp. Timed: reading that CSV, forming population-weighted national deciles, joining every
/// indicator to the deciles and computing all measures (SII/RII with 10,000-repetition simulated
/// and analytic limits at 95% and 99.8%, gaps, concentration index, Gini, Theil with the
/// between/within-consortium split, Atkinson). Options: `--practices N`, `--indicators K`,
/// `--reps R`, `--seed S`, `--repetitions T`.
let inequalityEnglandBenchmark = Benchmark(
    name: "inequality-england",
    summary: "6,500 practices x 50 indicators into deciles: read, group, join, SII/RII (10,000 simulations), concentration, Gini, Theil, Atkinson"
) { options in
    func option(_ name: String, _ fallback: Int) -> Int {
        guard let index = options.firstIndex(of: name), index + 1 < options.count, let value = Int(options[index + 1]) else { return fallback }
        return value
    }
    let practiceCount = option("--practices", 6500)
    let indicatorCount = option("--indicators", 50)
    let repetitions = option("--reps", 10_000)
    let seed = UInt64(option("--seed", 2025))
    let timedRuns = option("--repetitions", 3)

    let generated = InequalityBenchmarkData(practices: practiceCount, indicators: indicatorCount, seed: seed)
    let path = "/tmp/consortium-inequality-\(practiceCount)x\(indicatorCount)-seed\(seed).csv"
    try generated.writeIndicators(path: path)
    print("\(practiceCount) practices, \(indicatorCount) indicators, \(practiceCount * indicatorCount) rows in \(path)")

    let schema = Schema([ColumnSpec("indicator_id"), ColumnSpec("org_code"),
                         ColumnSpec("numerator", .decimal(minimum: 0)), ColumnSpec("denominator", .decimal(minimum: 0))])
    /// Timing.measure plus the process CPU seconds per run (warm-up included), which the wall
    /// clock hides when other work shares the machine's cores.
    func measured(_ work: () throws -> Void) rethrows -> (timing: Timing, cpuSeconds: Double) {
        let start = processCPUSeconds()
        let timing = try Timing.measure(repetitions: timedRuns, work)
        return (timing, (processCPUSeconds() - start) / Double(timedRuns + 1))
    }
    var table = try TableReader.read(path: path, schema: schema)
    let read = try measured { table = try TableReader.read(path: path, schema: schema) }

    var deciles: [DeprivationGroupAssignment] = []
    let grouping = try measured {
        deciles = try PopulationWeightedGroups.assign(generated.units, groupCount: 10, order: .higherIsMoreDeprived)
    }
    let deprivation = try DeprivationLookup(deciles.map {
        OrganisationDeprivation(code: $0.code, group: $0.group, score: $0.score, partition: generated.consortium[$0.code])
    }, name: "deciles")

    func analyseAll(methods: [SlopeIndexIntervalMethod]) throws -> Int {
        let ids = table.text("indicator_id"), codes = table.text("org_code")
        let numerators = table.decimals("numerator"), denominators = table.decimals("denominator")
        var rowsByIndicator: [String: [OrganisationCounts]] = [:]
        for row in 0..<table.rowCount {
            rowsByIndicator[ids[row], default: []].append(OrganisationCounts(
                organisation: codes[row], numerator: numerators[row], denominator: denominators[row], location: nil))
        }
        let analysisOptions = InequalityOptions(statistic: .proportion, multiplier: 100, confidences: [0.95, 0.998],
                                                intervalMethods: methods, repetitions: repetitions, seed: 1, expectedGroupCount: 10)
        var estimates = 0
        for id in rowsByIndicator.keys.sorted() {
            let joined = try DeprivationJoin.attach(rowsByIndicator[id]!, to: deprivation, policy: .error)
            estimates += try InequalityAnalysis.analyse(joined.observations, options: analysisOptions).estimates.count
        }
        return estimates
    }
    var estimateCount = 0
    let full = try measured { estimateCount = try analyseAll(methods: [.simulation, .analytic]) }
    let analyticOnly = try measured { _ = try analyseAll(methods: [.analytic]) }

    func line(_ label: String, _ result: (timing: Timing, cpuSeconds: Double)) -> String {
        String(format: "%@ %@; CPU %.3f s per run", label, result.timing.summary, result.cpuSeconds)
    }
    print(line("read CSV:                        ", read))
    print(line("national deciles:                ", grouping))
    print(line("join + all measures:             ", full) + " (\(estimateCount) output rows)")
    print(line("  same, analytic limits only:    ", analyticOnly))
    let total = read.timing.median + grouping.timing.median + full.timing.median
    let totalCPU = read.cpuSeconds + grouping.cpuSeconds + full.cpuSeconds
    print(String(format: "end to end: %.3f s wall (%.3f s CPU); %.1f ms wall per indicator", total, totalCPU, 1000 * total / Double(indicatorCount)))
    print(String(format: "the %d-repetition simulation takes %.0f%% of the analysis CPU (%.2fx analytic-only); reading %.0f%%, grouping %.1f%% of the end-to-end CPU",
                 repetitions, 100 * (full.cpuSeconds - analyticOnly.cpuSeconds) / full.cpuSeconds, full.cpuSeconds / analyticOnly.cpuSeconds,
                 100 * read.cpuSeconds / totalCPU, 100 * grouping.cpuSeconds / totalCPU))
    print(String(format: "peak resident memory: %.0f MiB", peakResidentMemoryMiB()))
}

/// The benchmark's synthetic England: practices in 106 consortia with IMD-like scores (gamma-like
/// spread, 5 to 90) and registered lists (log-normal, median 8,000), and indicators whose
/// prevalence rises with the score.
struct InequalityBenchmarkData {
    var units: [DeprivationRankingUnit] = []
    var consortium: [String: String] = [:]
    var denominators: [[Double]] = []
    var numerators: [[Double]] = []
    let codes: [String]

    init(practices: Int, indicators: Int, seed: UInt64) {
        var random = SyntheticRandom(seed: seed, stream: 1)
        codes = (0..<practices).map { "P\(String(100_000 + $0).dropFirst())" }
        var scores: [Double] = []
        for code in codes {
            let score = min(90, 5 + 20 * random.logNormal(logMedian: 0, sigma: 0.6))
            let patients = Double(Int(random.logNormal(logMedian: 8.99, sigma: 0.55)))
            scores.append(score)
            consortium[code] = "C\(random.nextInt(below: 106))"
            units.append(DeprivationRankingUnit(code: code, score: score, population: patients))
        }
        for indicator in 0..<indicators {
            var indicatorRandom = SyntheticRandom(seed: seed, stream: UInt64(100 + indicator))
            let base = 0.02 + 0.2 * indicatorRandom.nextUnit()
            let slope = 0.002 * indicatorRandom.nextUnit()
            var nums: [Double] = [], dens: [Double] = []
            for (index, unit) in units.enumerated() {
                let denominator = max(1, Int(unit.population * (0.5 + 0.4 * indicatorRandom.nextUnit())))
                let probability = min(0.95, base + slope * scores[index])
                dens.append(Double(denominator))
                nums.append(Double(indicatorRandom.binomial(trials: denominator, probability: probability)))
            }
            denominators.append(dens)
            numerators.append(nums)
        }
    }

    /// indicator_id, org_code, numerator, denominator: one row per indicator × practice.
    func writeIndicators(path: String) throws {
        let writer = try CSVWriter(path: path, header: ["indicator_id", "org_code", "numerator", "denominator"])
        for indicator in numerators.indices {
            for (index, code) in codes.enumerated() {
                try writer.write([.text("I\(indicator + 1)"), .text(code), .number(numerators[indicator][index]), .number(denominators[indicator][index])])
            }
        }
        try writer.commit()
    }
}

