import Allocation
import CLapack
import Foundation
import Population
import Tables

/// Person-based regression at England scale, from CSV: 10 million persons × 150 terms by default.
///
/// The persons file is generated once into /tmp (seeded, about 360 bytes a person) and reused.
/// Figures, all in this run, with OpenBLAS on one thread:
/// - the machine's single-thread `dsyrk` rate on the fit's chunk shape (rows × p, n·p·(p+1) flops);
/// - the time to read the file: raw bytes (`read` in 8 MiB blocks), and parsed with the fit's
///   schema by `TableReader.next(maximumRows:)` (the parsing the fit cannot avoid);
/// - `PersonBasedRegression.fit` reading and accumulating in turn on one thread, split into its
///   reading phase (inside `TableReader.next`) and its fit phase (design blocks, accumulation,
///   solve): fit-phase flop rate / dsyrk rate (target ≥ 0.70);
/// - the fit as the CLI runs it (chunks read ahead on a second thread), end to end: its time /
///   the parse-only time (target ≤ 1.5), and its peak resident memory (target < 1 GiB; VmHWM
///   reset first).
let pbraBenchmark = Benchmark(
    name: "pbra",
    summary: "person-based fit from CSV: 10M persons x 150 terms vs dsyrk rate and read time (--persons 10000000 --chunk-rows 1024 --repetitions 1)"
) { options in
    let persons = intOption(options, "--persons", default: 10_000_000)
    let chunkRows = intOption(options, "--chunk-rows", default: 1_024)
    let repetitions = intOption(options, "--repetitions", default: 1)
    openblas_set_num_threads(1)
    let path = "/tmp/consortium-pbra-bench-\(persons).csv"
    let load = (try? String(contentsOfFile: "/proc/loadavg", encoding: .utf8))?.split(separator: " ").prefix(3).joined(separator: " ") ?? "?"
    print("persons: \(persons), chunk rows: \(chunkRows), OpenBLAS threads: 1, load average at start: \(load)")

    let bytes = try PbraBenchmarkData.ensureFile(path: path, persons: persons)
    print(String(format: "file: %@, %.2f GB", path, Double(bytes) / 1e9))
    let model = try PersonBasedModelReader.read(text: PbraBenchmarkData.modelText, name: "bench-model.toml")
    let source = PersonsSource.file(path: path)
    let design = try PersonBasedDesign(model: model)
    let p = design.termCount

    // The machine's single-thread dsyrk on the fit's chunk shape, measured before and after the
    // in-turn fit; the faster of the two is the yardstick (the machine is shared).
    var block = [Double](repeating: 0, count: chunkRows * p)
    var random = SyntheticRandom(seed: 7)
    for index in block.indices { block[index] = random.nextUnit() }
    var gram = [Double](repeating: 0, count: p * p)
    let calls = 200
    func measureSyrk() -> Double {
        let syrk = Timing.measure(repetitions: 5) {
            for _ in 0..<calls {
                block.withUnsafeBufferPointer { a in
                    gram.withUnsafeMutableBufferPointer { c in
                        cblas_dsyrk(CblasColMajor, CblasLower, CblasTrans, Int32(p), Int32(chunkRows), 1, a.baseAddress, Int32(chunkRows), 1,
                                    c.baseAddress, Int32(p))
                    }
                }
            }
        }
        let rate = Double(calls) * Double(chunkRows) * Double(p) * Double(p + 1) / syrk.median / 1e9
        print(String(format: "dsyrk %d x %d, one thread: %.2f GFLOP/s (%@)", chunkRows, p, rate, syrk.summary))
        return rate
    }
    let syrkBefore = measureSyrk()

    // Reading: raw bytes, then parsed with the fit's schema.
    let raw = try Timing.measure(repetitions: repetitions, warmUp: false) { _ = try PbraBenchmarkData.readBytes(path: path) }
    print(String(format: "raw read: %.1f s, %.0f MB/s", raw.median, Double(bytes) / raw.median / 1e6))
    let schema = design.schema(terms: Array(0..<p), categoricalVariables: model.categorical.map(\.variable), response: true, weights: true)
    var parsedRows = 0
    let parse = try Timing.measure(repetitions: repetitions, warmUp: false) {
        parsedRows = 0
        let reader = try source.reader(schema: schema)
        while let table = try reader.next(maximumRows: chunkRows) { parsedRows += table.rowCount }
    }
    print(String(format: "parse only (TableReader, %d columns): %.1f s, %.0f MB/s, %.3g rows/s", schema.columns.count, parse.median,
                 Double(bytes) / parse.median / 1e6, Double(parsedRows) / parse.median))

    // The fit phase alone: chunks read and accumulated in turn on one thread, so the arithmetic
    // is timed without a parser competing for the processor and its caches.
    let inTurn = try PersonBasedRegression.fit(persons: source, model: model,
                                               options: PersonBasedFitOptions(chunkRows: chunkRows, readAhead: false))
    let fitPhase = inTurn.timings.accumulating
    let fitRate = Double(inTurn.regression.n) * Double(p) * Double(p + 1) / fitPhase / 1e9
    print(String(format: "fit in turn (one thread): %.1f s (reading %.1f s, fit phase %.1f s)",
                 inTurn.timings.reading + fitPhase, inTurn.timings.reading, fitPhase))
    let syrkRate = max(syrkBefore, measureSyrk())
    print(String(format: "fit phase: %.2f GFLOP/s = %.2f of dsyrk (target >= 0.70)", fitRate, fitRate / syrkRate))

    // The fit as the CLI runs it (reading ahead on a second thread), end to end; peak memory.
    try? "5".write(toFile: "/proc/self/clear_refs", atomically: false, encoding: .utf8)
    let before = peakResidentMemoryMiB()
    var fitted: PersonBasedFit?
    let end = try Timing.measure(repetitions: repetitions, warmUp: false) {
        fitted = try PersonBasedRegression.fit(persons: source, model: model, options: PersonBasedFitOptions(chunkRows: chunkRows))
    }
    let peak = peakResidentMemoryMiB()
    guard let fit = fitted else { return }
    print(String(format: "fit reading ahead, end to end: %.1f s (waiting for chunks %.1f s, fit phase %.1f s)",
                 end.median, fit.timings.reading, fit.timings.accumulating))
    print(String(format: "end to end / parse only: %.2f (target <= 1.5); in turn / parse only: %.2f", end.median / parse.median,
                 (inTurn.timings.reading + fitPhase) / parse.median))
    print(String(format: "peak resident memory of the fit: %.0f MiB (before: %.0f MiB; target < 1024)", peak, before))
    let truth = PbraBenchmarkData.trueCoefficients(design: design)
    let largest = zip(fit.regression.coefficients, truth).enumerated().map { index, pair in
        abs(pair.0 - pair.1) / fit.regression.standardErrors[index]
    }.max() ?? .nan
    print(String(format: "fit check: n = %d, p = %d, R^2 = %.4f, largest |b - truth| / SE = %.2f", fit.regression.n, fit.regression.p,
                 fit.regression.rSquared ?? .nan, largest))
    let loadAfter = (try? String(contentsOfFile: "/proc/loadavg", encoding: .utf8))?.split(separator: " ").prefix(3).joined(separator: " ") ?? "?"
    print("load average at end: \(loadAfter)")
}
