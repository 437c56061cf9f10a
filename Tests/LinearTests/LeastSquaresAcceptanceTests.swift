import Linear
import Testing

/// The acceptance test of the Linear module: a 200,000 × 40 least-squares problem generated from a
/// seed (GeneratedRegressionProblem, Reference/make_lstsq_reference.py) fitted by the dense QR path
/// and by the streaming normal equations, against numpy and statsmodels (LstsqReference).
@Suite struct LeastSquaresAcceptanceTests {
    let problem = GeneratedRegressionProblem.acceptance

    @Test func generatedDataMatchThePythonGeneratorBitForBit() {
        for sample in LstsqReference.designSamples {
            #expect(problem.design[sample.row, sample.column] == sample.value, "X[\(sample.row), \(sample.column)]")
        }
        for sample in LstsqReference.responseSamples {
            #expect(problem.response[sample.row] == sample.value, "y[\(sample.row)]")
        }
    }

    @Test func denseFitAgreesWithNumpyLstsqOnEveryCoefficient() throws {
        let fit = try LeastSquares.ordinary(
            design: problem.design, response: problem.response, columnNames: problem.columnNames)
        expectClose(fit.coefficients, LstsqReference.coefficients, relative: 1e-9, "coefficient")
        expectClose(fit.standardErrors, LstsqReference.standardErrors, relative: 1e-9, "standard error")
        expectClose(fit.residualSumOfSquares, LstsqReference.residualSumOfSquares, relative: 1e-9, "RSS")
        expectClose(fit.rSquared ?? .nan, LstsqReference.rSquared, relative: 1e-12, "R²")
        #expect(fit.n == 200_000 && fit.p == 40 && fit.degreesOfFreedom == 199_960)
        #expect(fit.interceptColumn == 0 && fit.rSquaredKind == .centred)
    }

    @Test func streamingAccumulatorInUnevenChunksAgreesWithNumpyLstsq() throws {
        let rows = problem.design.rows
        var accumulator = try NormalEquationsAccumulator(columnNames: problem.columnNames, weighted: false)
        // Uneven chunks, one of them empty, read in place from the column-major design.
        let chunkSizes = [1, 65_536, 33_333, 0, rows - 1 - 65_536 - 33_333]
        try problem.design.withUnsafeBufferPointer { design in
            try problem.response.withUnsafeBufferPointer { response in
                var start = 0
                for size in chunkSizes {
                    try accumulator.add(
                        columnMajor: UnsafeBufferPointer(rebasing: design[start...]), rows: size, leadingDimension: rows,
                        response: UnsafeBufferPointer(rebasing: response[start..<(start + size)]))
                    start += size
                }
            }
        }
        #expect(accumulator.n == rows)
        let fit = try accumulator.solve()
        expectClose(fit.coefficients, LstsqReference.coefficients, relative: 1e-9, "coefficient")
        expectClose(fit.standardErrors, LstsqReference.standardErrors, relative: 1e-9, "standard error")
        expectClose(fit.residualSumOfSquares, LstsqReference.residualSumOfSquares, relative: 1e-9, "RSS")
    }

    @Test func robustStandardErrorsAgreeWithStatsmodelsHC1() throws {
        let fit = try LeastSquares.ordinary(
            design: problem.design, response: problem.response, columnNames: problem.columnNames)
        let robust = try LeastSquares.robustCovariance(of: fit, design: problem.design, response: problem.response)
        expectClose(robust.standardErrors, LstsqReference.hc1StandardErrors, relative: 1e-9, "HC1 standard error")
    }
}
