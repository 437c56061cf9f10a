import Linear
import Testing

@Suite struct RobustCovarianceTests {
    // The five points (1,2), (2,4), (3,5), (4,4), (5,5) of LeastSquaresTests: b = (2.2, 0.6),
    // residuals e = (−0.8, 0.6, 1, −0.6, −0.2), x̄ = 3, Sxx = 10.
    static let design = try! Matrix(columns: [[1, 1, 1, 1, 1], [1, 2, 3, 4, 5]])
    static let response: [Double] = [2, 4, 5, 4, 5]
    static let residuals: [Double] = [-0.8, 0.6, 1, -0.6, -0.2]
    static let names = ["(Intercept)", "x"]

    // Row weights of b: slope cᵢ = (xᵢ − x̄)/Sxx = (−0.2, −0.1, 0, 0.1, 0.2), intercept
    // aᵢ = 1/n − x̄·cᵢ = (0.8, 0.5, 0.2, −0.1, −0.4). HC0 = Σ (weights)·eᵢ²:
    // Var(slope) = 0.04·0.64 + 0.01·0.36 + 0 + 0.01·0.36 + 0.04·0.04 = 0.0344,
    // Var(intercept) = 0.64·0.64 + 0.25·0.36 + 0.04·1 + 0.01·0.36 + 0.16·0.04 = 0.5496,
    // Cov = 0.8(−0.2)0.64 + 0.5(−0.1)0.36 + 0 + (−0.1)(0.1)0.36 + (−0.4)(0.2)0.04 = −0.1272.
    // HC1 = HC0·n/(n − p) = HC0·5/3: 0.9160, 0.057333…, −0.2120.
    static let expectedHC1: [Double] = [0.5496 * 5 / 3, -0.1272 * 5 / 3, -0.1272 * 5 / 3, 0.0344 * 5 / 3]

    @Test func hc1OfFivePointsByHand() throws {
        let fit = try LeastSquares.ordinary(design: Self.design, response: Self.response, columnNames: Self.names)
        let robust = try LeastSquares.robustCovariance(of: fit, design: Self.design, response: Self.response)
        expectClose(robust.covariance.elements, Self.expectedHC1, relative: 1e-12)
        expectClose(robust.standardErrors, [(0.916).squareRoot(), (0.0344 * 5 / 3).squareRoot()], relative: 1e-12)
        #expect(robust.n == 5 && robust.p == 2 && robust.columnNames == Self.names)
    }

    @Test func hc1FromChunksAndFromGivenResiduals() throws {
        var accumulator = try NormalEquationsAccumulator(columnNames: Self.names, weighted: false)
        try accumulator.add(chunk: Self.design, response: Self.response)
        let fit = try accumulator.solve()
        var fromResponse = RobustCovarianceAccumulator(fit: fit)
        try fromResponse.add(chunk: Matrix(columns: [[1, 1], [1, 2]]), response: [2, 4])
        try fromResponse.add(chunk: Matrix(columns: [[1, 1, 1], [3, 4, 5]]), response: [5, 4, 5])
        expectClose(try fromResponse.hc1().covariance.elements, Self.expectedHC1, relative: 1e-12)
        var fromResiduals = RobustCovarianceAccumulator(fit: fit)
        try fromResiduals.add(chunk: Self.design, residuals: Self.residuals)
        expectClose(try fromResiduals.hc1().covariance.elements, Self.expectedHC1, relative: 1e-12)
    }

    @Test func mergedRobustAccumulatorsEqualOne() throws {
        let fit = try LeastSquares.ordinary(design: Self.design, response: Self.response, columnNames: Self.names)
        var left = RobustCovarianceAccumulator(fit: fit)
        var right = RobustCovarianceAccumulator(fit: fit)
        try left.add(chunk: Matrix(columns: [[1, 1, 1], [1, 2, 3]]), response: [2, 4, 5])
        try right.add(chunk: Matrix(columns: [[1, 1], [4, 5]]), response: [4, 5])
        try left.merge(right)
        expectClose(try left.hc1().covariance.elements, Self.expectedHC1, relative: 1e-12)
    }

    @Test func interceptOnlyHC1EqualsTheClassicalVarianceOfTheMean() throws {
        // With only an intercept, HC1 = n/(n − 1)·Σeᵢ²/n² = s²/n, the classical variance of the mean:
        // y = (2, 4, 5, 4, 5), ȳ = 4, Σe² = 6, s² = 1.5, s²/n = 0.3.
        let ones = try Matrix(columns: [[1, 1, 1, 1, 1]])
        let fit = try LeastSquares.ordinary(design: ones, response: Self.response, columnNames: ["(Intercept)"])
        let robust = try LeastSquares.robustCovariance(of: fit, design: ones, response: Self.response)
        expectClose(robust.covariance[0, 0], 0.3, relative: 1e-13)
        expectClose(fit.standardErrors[0], robust.standardErrors[0], relative: 1e-13)
    }

    @Test func weightedHC1AgreesWithStatsmodels() throws {
        // Reference/make_small_references.py: statsmodels WLS(...).fit(cov_type="HC1").
        let design = try Matrix(columns: [[1, 1, 1, 1, 1, 1], [1, 2, 3, 4, 5, 6], [2, 1, 4, 3, 6, 5]])
        let response = [1.0, 2.5, 2.0, 4.5, 4.0, 6.5]
        let weights: [Double] = [1, 2, 1, 3, 2, 1]
        let names = ["(Intercept)", "x", "z"]
        let fit = try LeastSquares.weighted(design: design, response: response, weights: weights, columnNames: names)
        let robust = try LeastSquares.robustCovariance(of: fit, design: design, response: response, weights: weights)
        expectClose(robust.standardErrors, [0.4204909605648012, 0.17821265349861376, 0.11329268277549705], relative: 1e-12)
        expectClose(robust.covariance[0, 1], -0.06371799055248557, relative: 1e-12)
        // The same from the streaming fit, in two chunks.
        var accumulator = try NormalEquationsAccumulator(columnNames: names, weighted: true)
        try accumulator.add(chunk: Matrix(columns: [[1, 1], [1, 2], [2, 1]]), response: [1.0, 2.5], weights: [1, 2])
        try accumulator.add(chunk: Matrix(columns: [[1, 1, 1, 1], [3, 4, 5, 6], [4, 3, 6, 5]]),
                            response: [2.0, 4.5, 4.0, 6.5], weights: [1, 3, 2, 1])
        var secondPass = RobustCovarianceAccumulator(fit: try accumulator.solve())
        try secondPass.add(chunk: design, response: response, weights: weights)
        expectClose(try secondPass.hc1().standardErrors,
                    [0.4204909605648012, 0.17821265349861376, 0.11329268277549705], relative: 1e-11)
    }

    @Test func incompleteSecondPassIsReported() throws {
        let fit = try LeastSquares.ordinary(design: Self.design, response: Self.response, columnNames: Self.names)
        var accumulator = RobustCovarianceAccumulator(fit: fit)
        try accumulator.add(chunk: Matrix(columns: [[1, 1], [1, 2]]), response: [2, 4])
        #expect(throws: LinearAlgebraError.incompleteSecondPass(expectedObservations: 5, foundObservations: 2)) {
            try accumulator.hc1()
        }
    }

    @Test func weightsMustMatchTheFit() throws {
        let fit = try LeastSquares.ordinary(design: Self.design, response: Self.response, columnNames: Self.names)
        var accumulator = RobustCovarianceAccumulator(fit: fit)
        #expect(throws: LinearAlgebraError.self) {
            try accumulator.add(chunk: Self.design, response: Self.response, weights: [1, 1, 1, 1, 1])
        }
    }
}
