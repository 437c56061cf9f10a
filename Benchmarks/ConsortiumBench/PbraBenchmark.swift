import Allocation
import CLapack
import Foundation
import Population
import Tables

/// Person-based regression at England scale, from CSV: 10 million persons × 150 terms by default.
///
/// The persons file is generated once into /tmp (seeded, about 350 bytes a person) and reused.
/// OpenBLAS runs on one thread. The machine is shared, so every ratio is formed from two
/// measurements taken one right after the other, in each of `--repetitions` rounds:
/// - fit phase: the machine's single-thread `dsyrk` rate on the fit's chunk shape (chunk rows × p,
///   n·p·(p+1) flops; median of 5), then `PersonBasedRegression.fit` reading and accumulating in
///   turn on one thread, whose fit phase (design blocks, accumulation, solve; the time outside
///   `TableReader.next`) gives a flop rate: fit-phase rate / dsyrk rate (target ≥ 0.70);
/// - end to end: the time to parse the file with the fit's schema (`TableReader.next`, the
///   reading the fit cannot avoid), then the fit as the CLI runs it (chunks read ahead on a
///   second thread): its time / the parse time (target ≤ 1.5);
/// - the peak resident memory of the read-ahead fit (VmHWM reset before it; target < 1 GiB).
/// Also printed: the raw read rate of the file and the load average before and after.
let pbraBenchmark = Benchmark(
    name: "pbra",
    summary: "person-based fit from CSV: 10M persons x 150 terms vs dsyrk rate and parse time (--persons 10000000 --chunk-rows 1024 --repetitions 1)"
) { options in
    let persons = intOption(options, "--persons", default: 10_000_000)
    let chunkRows = intOption(options, "--chunk-rows", default: 1_024)
    let repetitions = max(1, intOption(options, "--repetitions", default: 1))
    openblas_set_num_threads(1)
    let path = "/tmp/consortium-pbra-bench-\(persons).csv"
    func loadAverage() -> String {
        (try? String(contentsOfFile: "/proc/loadavg", encoding: .utf8))?.split(separator: " ").prefix(3).joined(separator: " ") ?? "?"
    }
    print("persons: \(persons), chunk rows: \(chunkRows), OpenBLAS threads: 1, load average at start: \(loadAverage())")

    let bytes = try PbraBenchmarkData.ensureFile(path: path, persons: persons)
    print(String(format: "file: %@, %.2f GB", path, Double(bytes) / 1e9))
    let model = try PersonBasedModelReader.read(text: PbraBenchmarkData.modelText, name: "bench-model.toml")
    let source = PersonsSource.file(path: path)
    let design = try PersonBasedDesign(model: model)
    let p = design.termCount
    let schema = design.schema(terms: Array(0..<p), categoricalVariables: model.categorical.map(\.variable), response: true, weights: true)

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
        return Double(calls) * Double(chunkRows) * Double(p) * Double(p + 1) / syrk.median / 1e9
    }

    let raw = try Timing.measure(repetitions: 1, warmUp: false) { _ = try PbraBenchmarkData.readBytes(path: path) }
    print(String(format: "raw read: %.1f s, %.0f MB/s", raw.median, Double(bytes) / raw.median / 1e6))

    var phaseRatios: [Double] = []
    var endRatios: [Double] = []
    var peaks: [Double] = []
    var fit: PersonBasedFit?
    for round in 1...repetitions {
        print("round \(round) (load average \(loadAverage())):")
        let syrkRate = measureSyrk()
        let inTurn = try PersonBasedRegression.fit(persons: source, model: model,
                                                   options: PersonBasedFitOptions(chunkRows: chunkRows, readAhead: false))
        let fitPhase = inTurn.timings.accumulating
        let fitRate = Double(inTurn.regression.n) * Double(p) * Double(p + 1) / fitPhase / 1e9
        phaseRatios.append(fitRate / syrkRate)
        print(String(format: "  dsyrk %d x %d, one thread: %.2f GFLOP/s; fit in turn: %.1f s (reading %.1f s, fit phase %.1f s = %.2f GFLOP/s): ratio %.2f",
                     chunkRows, p, syrkRate, inTurn.timings.reading + fitPhase, inTurn.timings.reading, fitPhase, fitRate, fitRate / syrkRate))

        var parsedRows = 0
        let parse = try Timing.measure(repetitions: 1, warmUp: false) {
            let reader = try source.reader(schema: schema)
            while let table = try reader.next(maximumRows: chunkRows) { parsedRows += table.rowCount }
        }
        try? "5".write(toFile: "/proc/self/clear_refs", atomically: false, encoding: .utf8)
        let end = try Timing.measure(repetitions: 1, warmUp: false) {
            fit = try PersonBasedRegression.fit(persons: source, model: model, options: PersonBasedFitOptions(chunkRows: chunkRows))
        }
        peaks.append(peakResidentMemoryMiB())
        endRatios.append(end.median / parse.median)
        print(String(format: "  parse only (%d columns): %.1f s (%.0f MB/s, %.3g rows/s); fit reading ahead: %.1f s (waiting %.1f s, fit phase %.1f s): ratio %.2f",
                     schema.columns.count, parse.median, Double(bytes) / parse.median / 1e6, Double(parsedRows) / parse.median, end.median,
                     fit?.timings.reading ?? .nan, fit?.timings.accumulating ?? .nan, end.median / parse.median))
    }
    func summary(_ values: [Double]) -> String {
        let sorted = values.sorted()
        return String(format: "median %.2f (range %.2f to %.2f over %d rounds)", sorted[sorted.count / 2], sorted.first!, sorted.last!, sorted.count)
    }
    print("fit phase / dsyrk: \(summary(phaseRatios)) (target >= 0.70)")
    print("end to end / parse only: \(summary(endRatios)) (target <= 1.5)")
    print(String(format: "peak resident memory of the fit: %.0f MiB at most (target < 1024)", peaks.max() ?? .nan))
    guard let fit else { return }
    let truth = PbraBenchmarkData.trueCoefficients(design: design)
    let largest = zip(fit.regression.coefficients, truth).enumerated().map { index, pair in
        abs(pair.0 - pair.1) / fit.regression.standardErrors[index]
    }.max() ?? .nan
    print(String(format: "fit check: n = %d, p = %d, R^2 = %.4f, largest |b - truth| / SE = %.2f", fit.regression.n, fit.regression.p,
                 fit.regression.rSquared ?? .nan, largest))
    print("load average at end: \(loadAverage())")
}
