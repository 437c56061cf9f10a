import Foundation
import Tables

/// `csv-read`: our reader against pandas on a large numeric CSV (20 columns of doubles).
///
/// Options: `--size-mb N` (default 1024), `--seed S` (default 2024), `--repetitions R` (default 3),
/// `--no-pandas`, `--write` (also time `CSVWriter` writing the table back, and the share of that
/// time spent in Swift's shortest-digits `description` of the numbers). The file is generated once from the seed into /tmp and reused. Prints MB/s for
/// our reader on 1 and 2 threads and for `pandas.read_csv` (C engine, one thread), measured in
/// the same run, their ratios, and whether every value agrees bit for bit with pandas's
/// correctly rounded parse.
let csvReadBenchmark = Benchmark(
    name: "csv-read",
    summary: "read a numeric CSV (20 double columns, default 1 GB) on 1 and 2 threads vs pandas.read_csv"
) { options in
    let sizeMB = Int(CSVReadOptions.value("--size-mb", in: options) ?? "1024") ?? 1024
    let seed = UInt64(CSVReadOptions.value("--seed", in: options) ?? "2024") ?? 2024
    let repetitions = Int(CSVReadOptions.value("--repetitions", in: options) ?? "3") ?? 3
    let runPandas = !options.contains("--no-pandas")
    let runWriter = options.contains("--write")

    let path = "/tmp/consortium-csv-read-\(sizeMB)mb-seed\(seed).csv"
    try NumericCSVGenerator.ensureFile(path: path, bytes: sizeMB << 20, seed: seed)
    let bytes = Double((try FileManager.default.attributesOfItem(atPath: path)[.size] as? NSNumber)?.intValue ?? 0)
    let megabytes = bytes / 1e6
    print(String(format: "file %@: %.1f MB", path, megabytes))

    let schema = Schema((1...NumericCSVGenerator.columnCount).map { ColumnSpec(NumericCSVGenerator.columnName($0), .decimal()) })
    var rows = 0
    var checksumsOneThread: [UInt64] = []
    var checksumsTwoThreads: [UInt64] = []
    // Processor time per run (user + system, all threads) is printed too: on a machine shared
    // with other work it shows what the wall-clock figures would be without the competition.
    var cpuStart = CSVReadOptions.processorSeconds()
    let single = try Timing.measure(repetitions: repetitions) {
        let table = try TableReader.read(path: path, schema: schema, threads: 1)
        rows = table.rowCount
        checksumsOneThread = CSVReadOptions.checksums(table)
    }
    let singleProcessor = (CSVReadOptions.processorSeconds() - cpuStart) / Double(repetitions + 1)
    let oneThread = megabytes / single.median
    print(String(format: "ours, 1 thread:  %7.0f MB/s  %@, processor %.3f s/run  (%d rows)", oneThread, single.summary, singleProcessor, rows))
    cpuStart = CSVReadOptions.processorSeconds()
    let double = try Timing.measure(repetitions: repetitions) {
        let table = try TableReader.read(path: path, schema: schema, threads: 2)
        checksumsTwoThreads = CSVReadOptions.checksums(table)
    }
    let doubleProcessor = (CSVReadOptions.processorSeconds() - cpuStart) / Double(repetitions + 1)
    let twoThreads = megabytes / double.median
    print(String(format: "ours, 2 threads: %7.0f MB/s  %@, processor %.3f s/run", twoThreads, double.summary, doubleProcessor))
    print("1 and 2 threads give the same values: \(checksumsOneThread == checksumsTwoThreads ? "yes" : "NO")")
    print(String(format: "peak resident memory: %.0f MiB", peakResidentMemoryMiB()))

    if runWriter {
        let table = try TableReader.read(path: path, schema: schema, threads: 2)
        let columns = (1...NumericCSVGenerator.columnCount).map { table.decimals(NumericCSVGenerator.columnName($0)) }
        let output = "/tmp/consortium-csv-write-\(sizeMB)mb.csv"
        let writing = try Timing.measure(repetitions: 1, warmUp: false) {
            let writer = try CSVWriter(path: output, header: (1...NumericCSVGenerator.columnCount).map(NumericCSVGenerator.columnName))
            var row = [CSVValue](repeating: .missing, count: columns.count)
            for index in 0..<table.rowCount {
                for column in columns.indices { row[column] = .number(columns[column][index]) }
                try writer.write(row)
            }
            try writer.commit()
        }
        let written = Double((try FileManager.default.attributesOfItem(atPath: output)[.size] as? NSNumber)?.intValue ?? 0) / 1e6
        var characters = 0
        let formatting = Timing.measure(repetitions: 1, warmUp: false) {
            for column in columns {
                for value in column { characters &+= Table.formatNumber(value).utf8.count }
            }
        }
        print(String(format: "writer: %.0f MB/s (%.1f MB in %.2f s); formatting the numbers alone takes %.2f s (%.0f%%)",
                     written / writing.median, written, writing.median, formatting.median, 100 * formatting.median / writing.median))
        unlink(output)
    }

    guard runPandas else { return }
    let script = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("scripts/csv_pandas_baseline.py").path
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
    // pandas 3 on this machine spends about 1.2 processor-seconds per wall second when left
    // free (its parse is single-threaded, the rest is not), so it is pinned to one core with
    // taskset for the single-threaded comparison the target names.
    let pinned = FileManager.default.isExecutableFile(atPath: "/usr/bin/taskset")
    process.arguments = (pinned ? ["taskset", "-c", "0"] : []) + ["python3", script, path, "--repetitions", String(repetitions), "--checksum"]
    let output = Pipe()
    process.standardOutput = output
    try process.run()
    let data = output.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    guard process.terminationStatus == 0,
          let report = try JSONSerialization.jsonObject(with: data) as? [String: Any],
          let pandasSeconds = report["seconds_median"] as? Double else {
        print("pandas baseline failed (exit \(process.terminationStatus))")
        return
    }
    let pandas = megabytes / pandasSeconds
    print(String(format: "pandas %@ read_csv (C engine, pinned to 1 core): %7.0f MB/s  median %.3f s (fastest %.3f), processor %.3f s/run",
                 report["pandas_version"] as? String ?? "?", pandas, pandasSeconds, report["seconds_fastest"] as? Double ?? .nan,
                 report["processor_seconds_per_run"] as? Double ?? .nan))
    print(String(format: "ratio ours/pandas: 1 thread %.2fx, 2 threads %.2fx", oneThread / pandas, twoThreads / pandas))
    if let sums = report["checksums"] as? [NSNumber] {
        let theirs = sums.map { $0.uint64Value }
        print("values bit-identical to pandas's: \(theirs == checksumsOneThread ? "yes" : "NO")")
    }
}

private enum CSVReadOptions {
    /// User plus system processor time of this process so far, in seconds.
    static func processorSeconds() -> Double {
        var usage = rusage()
        getrusage(RUSAGE_SELF.rawValue, &usage)
        return Double(usage.ru_utime.tv_sec + usage.ru_stime.tv_sec) + Double(usage.ru_utime.tv_usec + usage.ru_stime.tv_usec) / 1e6
    }

    static func value(_ name: String, in options: [String]) -> String? {
        guard let index = options.firstIndex(of: name), index + 1 < options.count else { return nil }
        return options[index + 1]
    }

    /// Per column, the wrapping sum of the bit patterns of its values (order-independent, exact).
    static func checksums(_ table: Table) -> [UInt64] {
        (1...NumericCSVGenerator.columnCount).map { column in
            table.decimals(NumericCSVGenerator.columnName(column)).reduce(0) { $0 &+ $1.bitPattern }
        }
    }
}

/// Writes the benchmark's numeric CSV: a header `x01,...,x20`, then rows of values drawn from a
/// seeded SplitMix64 stream — 50 % six-decimal values below 10^5 (`12345.678901`), 25 % small
/// nine-decimal values (`-0.000123456`), 15 % whole numbers, 10 % the shortest text of a random
/// Double (up to 17 significant digits, some with exponents), a third of all values negative.
enum NumericCSVGenerator {
    static let columnCount = 20

    static func columnName(_ column: Int) -> String {
        column < 10 ? "x0\(column)" : "x\(column)"
    }

    static func ensureFile(path: String, bytes target: Int, seed: UInt64) throws {
        if let size = (try? FileManager.default.attributesOfItem(atPath: path)[.size] as? NSNumber)?.intValue, size >= target {
            return
        }
        print("generating \(path) …")
        let temporary = path + ".partial"
        guard let file = fopen(temporary, "w") else { throw CocoaError(.fileWriteUnknown) }
        var random = seed
        func next() -> UInt64 {
            random &+= 0x9E37_79B9_7F4A_7C15
            var mixed = random
            mixed = (mixed ^ (mixed >> 30)) &* 0xBF58_476D_1CE4_E5B9
            mixed = (mixed ^ (mixed >> 27)) &* 0x94D0_49BB_1331_11EB
            return mixed ^ (mixed >> 31)
        }
        var line: [UInt8] = Array((1...columnCount).map(columnName).joined(separator: ",").utf8) + [10]
        var written = 0
        func appendDigits(_ value: UInt64, width: Int, to line: inout [UInt8]) {
            var digits = [UInt8](repeating: 48, count: width)
            var rest = value
            for index in stride(from: width - 1, through: 0, by: -1) {
                digits[index] = UInt8(48 + rest % 10)
                rest /= 10
            }
            line.append(contentsOf: digits)
        }
        while written < target {
            for column in 0..<columnCount {
                if column > 0 { line.append(44) }
                let draw = next()
                let kind = draw % 20
                if (draw >> 8) % 3 == 0 { line.append(45) }
                switch kind {
                case 0..<10:
                    line.append(contentsOf: String((draw >> 16) % 100_000).utf8)
                    line.append(46)
                    appendDigits(next() % 1_000_000, width: 6, to: &line)
                case 10..<15:
                    line.append(contentsOf: "0.".utf8)
                    appendDigits(next() % 1_000_000_000, width: 9, to: &line)
                case 15..<18:
                    line.append(contentsOf: String((draw >> 16) % 1_000_000).utf8)
                default:
                    let magnitude = Double(next() >> 11) / Double(1 << 53) * pow(10, Double(Int((draw >> 16) % 12) - 4))
                    line.append(contentsOf: "\(magnitude)".utf8)
                }
            }
            line.append(10)
            if line.count > 1 << 20 {
                written += fwrite(line, 1, line.count, file)
                line.removeAll(keepingCapacity: true)
            }
        }
        written += fwrite(line, 1, line.count, file)
        fclose(file)
        guard rename(temporary, path) == 0 else { throw CocoaError(.fileWriteUnknown) }
    }
}
