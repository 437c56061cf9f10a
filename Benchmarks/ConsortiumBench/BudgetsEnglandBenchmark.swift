import Allocation
import Foundation
import Population
import Tables

/// `budgets-england`: the consortium allocation preset on an England-sized synthetic input,
/// CSV in to CSV out: 6,500 practices in 42 consortia, registered lists in NHS Digital's layout
/// (20 bands × 2 sexes), 32,844 small areas with two need variables, about 1.1 million
/// attribution rows, baselines and pace of change. Inputs are generated from a seed into a
/// temporary folder (`consortium synth --scale england` is not used, so the benchmark stands
/// alone). Options: `--practices N`, `--areas N`, `--seed S`, `--repetitions R`.
let budgetsEnglandBenchmark = Benchmark(
    name: "budgets-england",
    summary: "consortium budgets on 6,500 practices, 20x2 list cells, 32,844 areas, ~1.1M attribution rows; target < 2 s"
) { options in
    func option(_ name: String, _ fallback: Int) -> Int {
        guard let index = options.firstIndex(of: "--\(name)"), index + 1 < options.count, let value = Int(options[index + 1]) else { return fallback }
        return value
    }
    let practiceCount = option("practices", 6_500)
    let areaCount = option("areas", 32_844)
    let seed = UInt64(option("seed", 1))
    let repetitions = option("repetitions", 5)
    let folder = NSTemporaryDirectory() + "budgets-england-\(getpid())"
    try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(atPath: folder) }

    let generationStart = DispatchTime.now().uptimeNanoseconds
    let sizes = try BudgetsEnglandInputs.write(to: folder, practices: practiceCount, areas: areaCount, seed: seed)
    let generationSeconds = Double(DispatchTime.now().uptimeNanoseconds - generationStart) / 1e9
    print(String(format: "inputs: %d practices, %d list rows, %d areas, %d attribution rows (%.1f MiB of CSV, generated in %.2f s)",
                 practiceCount, sizes.listRows, areaCount, sizes.attributionRows, Double(sizes.bytes) / 1_048_576, generationSeconds))

    let formulaPath = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("datasets/formulas/consortium-allocation-structure-illustrative.toml").path
    let formula = try FormulaReader.read(path: formulaPath)
    let files = BudgetInputFiles(practices: folder + "/practices.csv", population: folder + "/lists.csv",
                                 attribution: folder + "/attribution.csv", areas: folder + "/areas.csv", baseline: folder + "/baseline.csv")
    let request = BudgetRequest(files: files, formula: formula, total: .pence(sizes.totalPence), level: .practice)
    let output = folder + "/budgets.csv"

    var commonGrowth = Double.nan
    let cpuBefore = processCPUSeconds()
    let whole = try Timing.measure(repetitions: repetitions) {
        let outcome = try BudgetPipeline.run(request)
        let writer = try CSVWriter(path: output, header: BudgetCSV.header(result: outcome.result, runningCosts: false))
        try BudgetCSV.write(outcome, to: writer)
        try writer.commit()
        commonGrowth = outcome.result.pace?.commonGrowth ?? .nan
    }
    // CPU seconds per run (warm-up included): on a machine shared with other work, wall-clock
    // medians include time spent waiting for a core; CPU time does not.
    let cpuPerRun = (processCPUSeconds() - cpuBefore) / Double(repetitions + 1)
    let loading = try Timing.measure(repetitions: repetitions) {
        _ = try BudgetInputLoader.load(files: files, formula: formula)
    }
    let loaded = try BudgetInputLoader.load(files: files, formula: formula)
    let arithmetic = try Timing.measure(repetitions: repetitions) {
        let targets = try CapitationModel.targets(input: loaded.input, formula: formula)
        _ = try BudgetCalculator.budgets(input: loaded.input, targets: targets, formula: formula, totalPence: sizes.totalPence,
                                         baselines: loaded.baselines, level: .practice, paceRule: formula.paceOfChange)
    }
    print("CSV in to CSV out:      \(whole.summary)")
    print("  reading the inputs:   \(loading.summary)")
    print("  targets, pace, pence: \(arithmetic.summary)")
    print(String(format: "CPU time per run: %.3f s (wall-clock median / CPU time: %.2f)", cpuPerRun, whole.median / cpuPerRun))
    print(String(format: "share of the run spent reading: %.2f; run time / 2 s target: %.2f (CPU time / 2 s: %.2f)",
                 loading.median / whole.median, whole.median / 2, cpuPerRun / 2))
    print(String(format: "pace of change common growth: %.6f", commonGrowth))
    print(String(format: "peak resident memory: %.0f MiB", peakResidentMemoryMiB()))
}

/// CPU time used by this process so far (user + system), in seconds.
/// Writes the benchmark's synthetic inputs (seeded, so every run reads the same files).
enum BudgetsEnglandInputs {
    struct Sizes {
        var listRows = 0
        var attributionRows = 0
        var bytes = 0
        var totalPence = 0
    }

    static func write(to folder: String, practices: Int, areas: Int, seed: UInt64) throws -> Sizes {
        var generator = SyntheticRandom(seed: seed)
        var sizes = Sizes()
        func save(_ name: String, _ text: String) throws {
            try text.write(toFile: folder + "/" + name, atomically: false, encoding: .utf8)
            sizes.bytes += text.utf8.count
        }
        let codes = (0..<practices).map { String(format: "P%05d", $0) }
        let areaCodes = (0..<areas).map { String(format: "E%08d", 1_000_001 + $0) }

        var practiceText = "practice_code,consortium_code,market_forces_factor\n"
        for code in codes {
            practiceText += "\(code),C\(Int.random(in: 1...42, using: &generator)),\(String(format: "%.4f", Double.random(in: 0.92...1.18, using: &generator)))\n"
        }
        try save("practices.csv", practiceText)

        // Lists: an age profile that differs by practice (young urban to old rural lists).
        let bands = stride(from: 0, to: 95, by: 5).map { "\($0)_\($0 + 4)" } + ["95+"]
        var listText = "ORG_CODE,SEX,AGE_GROUP_5,NUMBER_OF_PATIENTS\n"
        listText.reserveCapacity(practices * 40 * 24)
        var registered = [Int](repeating: 0, count: practices)
        for (index, code) in codes.enumerated() {
            let size = Double.random(in: 1_500...20_000, using: &generator)
            let ageing = Double.random(in: -0.5...0.5, using: &generator)
            for sex in ["MALE", "FEMALE"] {
                for (position, band) in bands.enumerated() {
                    let age = Double(position) / 19
                    let profile = max(0.02, 1.2 - age + ageing * (age - 0.4)) * (position >= 18 ? 0.25 : 1)
                    let count = Int(size / 30 * profile * Double.random(in: 0.85...1.15, using: &generator))
                    registered[index] += count
                    listText += "\(code),\(sex),\(band),\(count)\n"
                    sizes.listRows += 1
                }
            }
        }
        try save("lists.csv", listText)

        var areaText = "lsoa_code,imd_score,smr_under_75\n"
        for code in areaCodes {
            let deprivation = Double.random(in: 0...1, using: &generator)
            areaText += "\(code),\(String(format: "%.3f", 2 + 70 * deprivation * deprivation)),\(String(format: "%.1f", 60 + 90 * deprivation + Double.random(in: -10...10, using: &generator)))\n"
        }
        try save("areas.csv", areaText)

        // Attribution: each practice draws its patients from 100-250 areas near a home area.
        var attributionText = "practice_code,lsoa_code,patients\n"
        attributionText.reserveCapacity(practices * 175 * 26)
        for (index, code) in codes.enumerated() {
            let home = Int.random(in: 0..<areas, using: &generator)
            let spread = Int.random(in: 100...250, using: &generator)
            let perArea = max(1, registered[index] / spread)
            for offset in 0..<spread {
                let area = (home + offset * 7) % areas
                attributionText += "\(code),\(areaCodes[area]),\(Int.random(in: 1...(2 * perArea), using: &generator))\n"
                sizes.attributionRows += 1
            }
        }
        try save("attribution.csv", attributionText)

        // Baselines: registered × £150 ± 15% per head; the total is 4% more than their sum.
        var baselineText = "practice_code,baseline\n"
        var baselineTotal = 0
        for (index, code) in codes.enumerated() {
            let pence = Int(Double(registered[index]) * 15_000 * Double.random(in: 0.85...1.15, using: &generator))
            baselineTotal += pence
            baselineText += "\(code),\(CSVWriter.format(.pence(pence)))\n"
        }
        try save("baseline.csv", baselineText)
        sizes.totalPence = baselineTotal * 104 / 100
        return sizes
    }
}
