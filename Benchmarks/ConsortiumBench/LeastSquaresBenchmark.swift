import CLapack
import Foundation
import Linear

/// Streaming least squares against the machine's own BLAS rates, single-threaded:
/// the rate of one `cblas_dsyrk` on a rows × p chunk (n·p·(p+1) flops: the lower triangle of XᵀX),
/// the rate of `cblas_dgemm` on square matrices (2·m³ flops), and the rows per second and
/// GFLOP/s of `NormalEquationsAccumulator.add` on the same chunk shape. The target of the
/// foundation issue: the accumulator reaches at least 70% of the dsyrk rate.
let leastSquaresBenchmark = Benchmark(
    name: "least-squares",
    summary: "streaming normal equations vs single-thread dsyrk and dgemm rates (--rows 100000 --columns 100 --chunks 10)"
) { options in
    let rows = intOption(options, "--rows", default: 100_000)
    let columns = intOption(options, "--columns", default: 100)
    let chunks = intOption(options, "--chunks", default: 10)
    openblas_set_num_threads(1)

    // A deterministic chunk (SplitMix64 uniforms), intercept first.
    var state: UInt64 = 2026
    func uniform() -> Double {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return Double((z ^ (z >> 31)) >> 11) * 0x1p-53
    }
    var design = [Double](repeating: 1, count: rows * columns)
    for index in rows..<(rows * columns) { design[index] = uniform() - 0.5 }
    let response = (0..<rows).map { row in design[rows + row] * 2 + uniform() }

    // dsyrk alone on the same shape.
    var gram = [Double](repeating: 0, count: columns * columns)
    let syrkFlops = Double(rows) * Double(columns) * Double(columns + 1)
    let syrk = Timing.measure(repetitions: 5) {
        for _ in 0..<chunks {
            design.withUnsafeBufferPointer { a in
                gram.withUnsafeMutableBufferPointer { c in
                    cblas_dsyrk(CblasColMajor, CblasLower, CblasTrans, Int32(columns), Int32(rows), 1,
                                a.baseAddress, Int32(rows), 1, c.baseAddress, Int32(columns))
                }
            }
        }
    }
    let syrkRate = syrkFlops * Double(chunks) / syrk.median / 1e9

    // dgemm on square matrices, for the machine's peak.
    let size = 1000
    let square = (0..<(size * size)).map { _ in uniform() }
    var product = [Double](repeating: 0, count: size * size)
    let gemm = Timing.measure(repetitions: 5) {
        square.withUnsafeBufferPointer { a in
            product.withUnsafeMutableBufferPointer { c in
                cblas_dgemm(CblasColMajor, CblasNoTrans, CblasNoTrans, Int32(size), Int32(size), Int32(size), 1,
                            a.baseAddress, Int32(size), a.baseAddress, Int32(size), 0, c.baseAddress, Int32(size))
            }
        }
    }
    let gemmRate = 2 * pow(Double(size), 3) / gemm.median / 1e9

    // The accumulator over the same chunks, then the solve.
    let names = ["intercept"] + (1..<columns).map { "x\($0)" }
    var fit: RegressionFit?
    let accumulate = try Timing.measure(repetitions: 5) {
        var accumulator = try NormalEquationsAccumulator(columnNames: names, weighted: false)
        try design.withUnsafeBufferPointer { x in
            try response.withUnsafeBufferPointer { y in
                for _ in 0..<chunks { try accumulator.add(columnMajor: x, rows: rows, response: y) }
            }
        }
        fit = try accumulator.solve()
    }
    let accumulatorRate = syrkFlops * Double(chunks) / accumulate.median / 1e9
    let rowsPerSecond = Double(rows * chunks) / accumulate.median

    print("chunks: \(chunks) x \(rows) rows x \(columns) columns, OpenBLAS threads: 1")
    print(String(format: "dgemm %dx%d: %.2f GFLOP/s (%@)", size, size, gemmRate, gemm.summary))
    print(String(format: "dsyrk alone: %.2f GFLOP/s (%@)", syrkRate, syrk.summary))
    print(String(format: "accumulator + solve: %.2f GFLOP/s, %.3g rows/s (%@)", accumulatorRate, rowsPerSecond, accumulate.summary))
    print(String(format: "ratio accumulator / dsyrk: %.2f wall, %.2f CPU (target >= 0.70); accumulator / dgemm: %.2f",
                 accumulatorRate / syrkRate, syrk.cpuMedian / accumulate.cpuMedian, accumulatorRate / gemmRate))
    if let fit { print("fit check: p = \(fit.p), n = \(fit.n), R^2 = \(fit.rSquared ?? .nan)") }
}

/// `--name value` as a whole number, or the default.
func intOption(_ options: [String], _ name: String, default value: Int) -> Int {
    guard let index = options.firstIndex(of: name), index + 1 < options.count, let parsed = Int(options[index + 1]) else { return value }
    return parsed
}
