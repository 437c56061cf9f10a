import Foundation
import Population

/// `synth-england`: generates the England-scale synthetic data set (6,500 practices, 32,844
/// areas, ~6 million indicator rows) and writes its files, as `consortium synth --scale england`
/// does. Reports generation, writing and the whole, the row rate, and peak memory.
/// Options: `--repetitions N` (default 3), `--seed N` (default 1).
let synthBenchmark = Benchmark(
    name: "synth-england",
    summary: "England-scale synthetic data set: generate + write all files (goal: under 60 s on 2 cores)"
) { options in
    func option(_ name: String, _ fallback: Int) -> Int {
        guard let index = options.firstIndex(of: name), index + 1 < options.count, let value = Int(options[index + 1]) else { return fallback }
        return value
    }
    let repetitions = option("--repetitions", 3)
    let seed = UInt64(option("--seed", 1))
    let folder = NSTemporaryDirectory() + "consortium-bench-synth-\(getpid())"
    try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(atPath: folder) }

    var dataset = SyntheticDataset.generate(scale: .england, seed: seed)
    let generation = Timing.measure(repetitions: repetitions, warmUp: false) {
        dataset = SyntheticDataset.generate(scale: .england, seed: seed)
    }
    var written: [(file: String, rows: Int)] = []
    let writing = try Timing.measure(repetitions: repetitions, warmUp: false) {
        written = try SyntheticDatasetWriter.write(dataset, toFolder: folder)
    }
    var bytes = 0
    for file in SyntheticDatasetWriter.fileNames {
        bytes += ((try? FileManager.default.attributesOfItem(atPath: folder + "/" + file)[.size]) as? NSNumber)?.intValue ?? 0
    }
    let whole = try Timing.measure(repetitions: repetitions, warmUp: false) {
        try SyntheticDatasetWriter.write(SyntheticDataset.generate(scale: .england, seed: seed), toFolder: folder)
    }
    let small = try Timing.measure(repetitions: repetitions) {
        try SyntheticDatasetWriter.write(SyntheticDataset.generate(scale: .consortium, seed: seed), toFolder: folder)
    }
    let rows = written.reduce(0) { $0 + $1.rows }
    let indicatorRows = written.first { $0.file == "indicators.csv" }?.rows ?? 0
    print("practices \(dataset.practices.count), areas \(dataset.areas.count), patients \(dataset.lists.total), indicator rows \(indicatorRows), all rows \(rows), \(String(format: "%.0f", Double(bytes) / 1_048_576)) MiB")
    print("generate (structure, lists, attribution): \(generation.summary)")
    print("write all files (draws indicator and achievement counts): \(writing.summary)")
    print("generate + write: \(whole.summary)")
    print(String(format: "rows per second (generate + write): %.2f million; writing share of the whole: %.2f", Double(rows) / whole.median / 1e6, writing.median / whole.median))
    print(String(format: "consortium scale (Exampleshire) generate + write: %.3f s; England / consortium time ratio: %.0f", small.median, whole.median / small.median))
    print(String(format: "peak resident memory: %.0f MiB", peakResidentMemoryMiB()))
}
