import Foundation
import Indicators
import Population
import Tables

/// `indicators-dsr`: directly standardised rates for England-scale input, CSV in to CSV out.
///
/// The input is the `indicators.csv` of `consortium synth --scale england` (Population's
/// `SyntheticDataset`, seeded): 6,500 practices × 50 indicators × up to 19 age bands (about 5.9
/// million rows of indicator_id, org_code, period, age_band, numerator, denominator), written to a
/// temporary folder. Measured in the same run: the time to merely read the file with the
/// indicators schema, and the time of the whole path of `consortium indicators --statistic dsr
/// --confidence 95,99.8` (read ahead on a second thread while grouping, standardise, write the
/// CSV), as wall-clock and processor medians. Targets: under 3 s end to end, and no more than 2× the read time.
///
/// With `--compact`, the input is instead written by `CompactDSRInput` from the seed: 6,500
/// practices × 50 indicators × all 19 bands (6,175,000 rows, short ids, no period column), to
/// separate the engine's costs from those of reading long text fields.
///
/// Options: `--repetitions N` (5), `--seed N` (1), `--compact`, `--keep` (leave the generated files
/// in place).
let indicatorsDSRBenchmark = Benchmark(
    name: "indicators-dsr",
    summary: "DSR (Dobson, ESP 2013) for England (synth: 6,500 practices x 50 indicators x 19 bands), CSV in to CSV out, vs reading alone"
) { arguments in
    func option(_ name: String, _ fallback: Int) -> Int {
        guard let index = arguments.firstIndex(of: "--\(name)"), index + 1 < arguments.count, let value = Int(arguments[index + 1]) else {
            return fallback
        }
        return value
    }
    let repetitions = option("repetitions", 5)
    let seed = UInt64(option("seed", 1))
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent("indicators-dsr-\(getpid())")
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    defer { if !arguments.contains("--keep") { try? FileManager.default.removeItem(at: folder) } }
    let input: String
    if arguments.contains("--compact") {
        input = folder.appendingPathComponent("dsr-input.csv").path
        let rows = try CompactDSRInput(practices: 6500, indicators: 50, seed: seed).write(to: input)
        let bytes = (try FileManager.default.attributesOfItem(atPath: input)[.size] as? NSNumber)?.doubleValue ?? .nan
        print(String(format: "input: compact generator, seed %llu: %d rows, %.1f MiB", seed, rows, bytes / 1_048_576))
    } else {
        let written = try SyntheticDatasetWriter.write(SyntheticDataset.generate(scale: .england, seed: seed), toFolder: folder.path)
        input = folder.appendingPathComponent("indicators.csv").path
        let rows = written.first { $0.file == "indicators.csv" }?.rows ?? 0
        let bytes = (try FileManager.default.attributesOfItem(atPath: input)[.size] as? NSNumber)?.doubleValue ?? .nan
        print(String(format: "input: synth --scale england --seed %llu: indicators.csv, %d rows, %.1f MiB", seed, rows, bytes / 1_048_576))
    }
    let bytes = (try FileManager.default.attributesOfItem(atPath: input)[.size] as? NSNumber)?.doubleValue ?? .nan
    let output = folder.appendingPathComponent("dsr-output.csv").path

    var rowsRead = 0
    var readCPU = CPUSeconds()
    let read = try Timing.measure(repetitions: repetitions) {
        let started = CPUSeconds.now()
        defer { readCPU.record(since: started) }
        let reader = try TableReader(path: input, schema: IndicatorCounts.schema)
        var rows = 0
        while let chunk = try reader.next(maximumRows: 1 << 16) { rows += chunk.rowCount }
        rowsRead = rows
    }
    var groups = 0
    var endToEndCPU = CPUSeconds()
    // Wall seconds of each stage per repetition: read and group (parsing on worker threads while
    // the chunks are grouped), compute (standardise and limits), write (format and write the CSV,
    // formatting on a second thread).
    var stages: [[Double]] = [[], [], []]
    let threads = ProcessInfo.processInfo.activeProcessorCount
    let endToEnd = try Timing.measure(repetitions: repetitions) {
        let started = CPUSeconds.now()
        defer { endToEndCPU.record(since: started) }
        let request = IndicatorRequest(statistic: .dsr, confidence: [.ninetyFive, .ninetyNinePointEight])
        var computation = try IndicatorComputation(request: request)
        var mark = Date()
        func stage(_ index: Int) {
            stages[index].append(Date().timeIntervalSince(mark))
            mark = Date()
        }
        try computation.add(chunksOf: TableReader(path: input, schema: IndicatorCounts.schema), threads: threads)
        stage(0)
        let results = try computation.finish()
        stage(1)
        let writer = try CSVWriter(path: output, header: results.header(wide: false), formatsInBackground: threads > 1)
        try results.forEachRow(wide: false) { try writer.write($0) }
        try writer.commit()
        stage(2)
        groups = results.results.count
    }
    func median(_ values: [Double]) -> Double {
        let sorted = values.sorted()
        return sorted.isEmpty ? .nan : sorted[sorted.count / 2]
    }
    let outputBytes = (try FileManager.default.attributesOfItem(atPath: output)[.size] as? NSNumber)?.doubleValue ?? .nan
    print("read only:   \(read.summary); CPU median \(String(format: "%.3f", readCPU.median)) s; \(rowsRead) rows")
    print("end to end:  \(endToEnd.summary); CPU median \(String(format: "%.3f", endToEndCPU.median)) s; \(groups) DSRs, " +
          "\(groups * 2) output rows (\(String(format: "%.1f", outputBytes / 1_048_576)) MiB)")
    print(String(format: "stages:      read and group %.3f s, compute %.3f s, write %.3f s (wall medians, %d threads)",
                 median(stages[0]), median(stages[1]), median(stages[2]), threads))
    print(String(format: "throughput:  %.2f million rows/s end to end, %.1f MiB/s; read only %.2f million rows/s (wall medians)",
                 Double(rowsRead) / endToEnd.median / 1e6, bytes / 1_048_576 / endToEnd.median, Double(rowsRead) / read.median / 1e6))
    print(String(format: "ratio:       end to end / read only = %.2f wall, %.2f CPU (target <= 2); end to end %.3f s wall, %.3f s CPU (target < 3 s)",
                 endToEnd.median / read.median, endToEndCPU.median / readCPU.median, endToEnd.median, endToEndCPU.median))
    print(String(format: "load:        1-minute load average %.2f on %d cores (wall times include waiting for the CPU)",
                 CPUSeconds.loadAverage(), ProcessInfo.processInfo.activeProcessorCount))
    print(String(format: "peak memory: %.0f MiB resident", peakResidentMemoryMiB()))
}

/// A seeded DSR input with short fields: for each indicator and practice, 19 bands with a
/// population of 20-1,500 (a practice-specific size times an age profile) and a count drawn from
/// a Poisson distribution whose rate rises with age.
struct CompactDSRInput {
    let practices: Int
    let indicators: Int
    let seed: UInt64

    /// SplitMix64 (Steele, Lea & Flood 2014): a small, fast, well-mixed seeded generator.
    struct SplitMix64 {
        var state: UInt64
        mutating func next() -> UInt64 {
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return z ^ (z >> 31)
        }
        /// Uniform in [0, 1).
        mutating func uniform() -> Double { Double(next() >> 11) * 0x1p-53 }
        /// Poisson variate by inversion (means here are below 60).
        mutating func poisson(_ mean: Double) -> Int {
            var count = 0
            var probability = exp(-mean)
            var cumulative = probability
            let target = uniform()
            while target > cumulative && count < 1000 {
                count += 1
                probability *= mean / Double(count)
                cumulative += probability
            }
            return count
        }
    }

    static let bands = stride(from: 0, to: 90, by: 5).map { "\($0)-\($0 + 4)" } + ["90+"]
    /// Relative size of each band in a practice list (roughly England's registered population).
    static let profile: [Double] = [5.4, 5.9, 6.1, 5.6, 6.0, 6.6, 7.3, 7.4, 7.0, 6.5, 6.4, 6.9, 6.7, 5.8, 5.0, 4.6, 3.2, 2.0, 1.0]

    /// Writes the file; returns the number of data rows.
    func write(to path: String) throws -> Int {
        guard let file = fopen(path, "w") else { throw CocoaError(.fileWriteUnknown) }
        defer { fclose(file) }
        var random = SplitMix64(state: seed)
        var buffer: [UInt8] = []
        buffer.reserveCapacity(1 << 23)
        buffer.append(contentsOf: Array("indicator_id,org_code,age_band,numerator,denominator\n".utf8))
        let sizes = (0..<practices).map { _ in 0.3 + 2.2 * random.uniform() }
        let codes = (0..<practices).map { index -> [UInt8] in
            let letter = UInt8(ascii: "A") + UInt8(index / 1000 % 26)
            return [letter] + Array(String(format: "%05d", 81000 + index % 1000 + (index / 26_000) * 1000).utf8)
        }
        let bandBytes = Self.bands.map { Array($0.utf8) }
        var rows = 0
        for indicator in 0..<indicators {
            let indicatorBytes = Array(String(90000 + indicator).utf8)
            let baseRate = 0.0005 + 0.004 * random.uniform()
            for practice in 0..<practices {
                for band in 0..<19 {
                    let population = max(20, Int((sizes[practice] * Self.profile[band] * 100 * (0.8 + 0.4 * random.uniform())).rounded()))
                    let rate = baseRate * exp(0.12 * Double(band * 5 - 45))
                    let count = random.poisson(min(60, Double(population) * rate))
                    buffer.append(contentsOf: indicatorBytes)
                    buffer.append(44)
                    buffer.append(contentsOf: codes[practice])
                    buffer.append(44)
                    buffer.append(contentsOf: bandBytes[band])
                    buffer.append(44)
                    buffer.append(contentsOf: String(count).utf8)
                    buffer.append(44)
                    buffer.append(contentsOf: String(population).utf8)
                    buffer.append(10)
                    rows += 1
                }
                if buffer.count > (1 << 23) - 4096 {
                    fwrite(buffer, 1, buffer.count, file)
                    buffer.removeAll(keepingCapacity: true)
                }
            }
        }
        fwrite(buffer, 1, buffer.count, file)
        return rows
    }
}

/// CPU time (user + system) of this process, recorded per timed run, excluding the warm-up; the
/// wall-clock medians of `Timing` include time spent waiting for a busy machine's CPU, these do not.
struct CPUSeconds {
    private var runs: [Double] = []

    static func now() -> Double {
        var usage = rusage()
        getrusage(RUSAGE_SELF.rawValue, &usage)
        return Double(usage.ru_utime.tv_sec) + Double(usage.ru_utime.tv_usec) / 1e6
            + Double(usage.ru_stime.tv_sec) + Double(usage.ru_stime.tv_usec) / 1e6
    }

    mutating func record(since start: Double) {
        runs.append(CPUSeconds.now() - start)
    }

    /// The median of the timed runs (the first run, Timing's warm-up, is left out).
    var median: Double {
        let timed = runs.dropFirst().sorted()
        return timed.isEmpty ? .nan : timed[timed.count / 2]
    }

    static func loadAverage() -> Double {
        var loads = [Double](repeating: 0, count: 3)
        return getloadavg(&loads, 3) > 0 ? loads[0] : .nan
    }
}
