import Linear
import Testing
import TestSupport

/// Dense least squares against fits worked by hand (arithmetic in the comments) and against
/// statsmodels (Reference/make_small_references.py).
@Suite struct LeastSquaresTests {
    // Five points (1,2), (2,4), (3,5), (4,4), (5,5).
    static let fivePointDesign = try! Matrix(columns: [[1, 1, 1, 1, 1], [1, 2, 3, 4, 5]])
    static let fivePointResponse: [Double] = [2, 4, 5, 4, 5]

    @Test func simpleRegressionOfFivePoints() throws {
        let fit = try LeastSquares.ordinary(
            design: Self.fivePointDesign, response: Self.fivePointResponse, columnNames: ["(Intercept)", "x"])
        // x̄ = 3, ȳ = 4, Sxx = 4 + 1 + 0 + 1 + 4 = 10,
        // Sxy = (−2)(−2) + (−1)(0) + 0·1 + 1·0 + 2·1 = 6; slope = 0.6, intercept = 4 − 0.6·3 = 2.2.
        expectClose(fit.coefficients, [2.2, 0.6], relative: 1e-14)
        // Fitted 2.8, 3.4, 4.0, 4.6, 5.2; residuals −0.8, 0.6, 1, −0.6, −0.2;
        // RSS = 0.64 + 0.36 + 1 + 0.36 + 0.04 = 2.4; σ̂² = 2.4/3 = 0.8.
        expectClose(fit.residualSumOfSquares, 2.4, relative: 1e-14)
        expectClose(fit.residualVariance, 0.8, relative: 1e-14)
        expectClose(fit.residualStandardError, (0.8).squareRoot(), relative: 1e-14)
        // SE(slope) = √(σ̂²/Sxx) = √0.08; SE(intercept) = √(σ̂²(1/n + x̄²/Sxx)) = √(0.8·1.1) = √0.88.
        expectClose(fit.standardErrors, [(0.88).squareRoot(), (0.08).squareRoot()], relative: 1e-13)
        // TSS = 4 + 0 + 1 + 0 + 1 = 6; R² = 1 − 2.4/6 = 0.6; adjusted 1 − 0.4·4/3 = 7/15.
        expectClose(fit.totalSumOfSquares, 6, relative: 1e-14)
        expectClose(fit.rSquared ?? .nan, 0.6, relative: 1e-14)
        expectClose(fit.adjustedRSquared ?? .nan, 7.0 / 15.0, relative: 1e-14)
        #expect(fit.rSquaredKind == .centred && fit.interceptColumn == 0)
        #expect(fit.n == 5 && fit.p == 2 && fit.degreesOfFreedom == 3)
        // (XᵀX)⁻¹ = [55 −15; −15 5]/50; covariance = 0.8·that.
        expectClose(fit.unscaledCovariance.elements, [1.1, -0.3, -0.3, 0.1], relative: 1e-13)
        expectClose(fit.covariance[0, 1], -0.24, relative: 1e-13)
        expectClose(fit.coefficient(named: "x") ?? .nan, 0.6, relative: 1e-14)
        #expect(fit.coefficient(named: "missing") == nil)
        expectClose(try fit.predictions(for: Self.fivePointDesign), [2.8, 3.4, 4.0, 4.6, 5.2], relative: 1e-14)
    }

    @Test func interceptNeedNotBeTheFirstColumn() throws {
        let design = try Matrix(columns: [[1, 2, 3, 4, 5], [1, 1, 1, 1, 1]])
        let fit = try LeastSquares.ordinary(design: design, response: Self.fivePointResponse, columnNames: ["x", "one"])
        // The same line as above, columns swapped.
        expectClose(fit.coefficients, [0.6, 2.2], relative: 1e-14)
        expectClose(fit.standardErrors, [(0.08).squareRoot(), (0.88).squareRoot()], relative: 1e-13)
        #expect(fit.interceptColumn == 1)
        expectClose(fit.rSquared ?? .nan, 0.6, relative: 1e-14)
    }

    @Test func largeColumnMeansKeepFullAccuracy() throws {
        // The five points with x shifted by 10⁶: the slope (0.6), its SE (√0.08), RSS (2.4) and R²
        // are unchanged and the intercept is 2.2 − 0.6·10⁶; SE(intercept)² = 0.8·(1/5 + (10⁶ + 3)²/10).
        // κ(X) ≈ 10⁶ before centring. (√d for x is ‖x − x̄‖/‖x‖ ≈ 6·10⁻⁷, above the 10⁻⁷ tolerance;
        // at 10⁸ the column would be aliased, as in R's lm.)
        let shift = 1e6
        let design = try Matrix(columns: [[1, 1, 1, 1, 1], [1, 2, 3, 4, 5].map { $0 + shift }])
        let fit = try LeastSquares.ordinary(design: design, response: Self.fivePointResponse, columnNames: ["(Intercept)", "x"])
        expectClose(fit.coefficients, [2.2 - 0.6 * shift, 0.6], relative: 1e-10)
        expectClose(fit.standardErrors, [(0.8 * (0.2 + (shift + 3) * (shift + 3) / 10)).squareRoot(), (0.08).squareRoot()],
                    relative: 1e-10)
        expectClose(fit.residualSumOfSquares, 2.4, relative: 1e-10)
        expectClose(fit.rSquared ?? .nan, 0.6, relative: 1e-10)
    }

    @Test func regressionThroughTheOriginUsesUncentredRSquared() throws {
        // y = b·x through (1,1), (2,3), (3,2): b = Σxy/Σx² = (1 + 6 + 6)/14 = 13/14;
        // RSS = Σy² − b·Σxy = 14 − 169/14 = 27/14; σ̂² = (27/14)/2 = 27/28; SE = √(σ̂²/Σx²) = √(27/392).
        // Uncentred R² = 1 − RSS/Σy² = 1 − 27/196 = 169/196; adjusted 1 − (27/196)·3/2 = 311/392.
        let fit = try LeastSquares.ordinary(
            design: Matrix(columns: [[1, 2, 3]]), response: [1, 3, 2], columnNames: ["x"])
        expectClose(fit.coefficients, [13.0 / 14.0], relative: 1e-14)
        expectClose(fit.residualSumOfSquares, 27.0 / 14.0, relative: 1e-14)
        expectClose(fit.standardErrors, [(27.0 / 392.0).squareRoot()], relative: 1e-14)
        #expect(fit.rSquaredKind == .uncentred && fit.interceptColumn == nil)
        expectClose(fit.rSquared ?? .nan, 169.0 / 196.0, relative: 1e-14)
        expectClose(fit.adjustedRSquared ?? .nan, 311.0 / 392.0, relative: 1e-14)
    }

    @Test func weightedRegressionOfThreePoints() throws {
        // Points (0,1), (1,3), (2,2) with weights 1, 2, 1: Σw = 4, x̄_w = (0 + 2 + 2)/4 = 1,
        // ȳ_w = (1 + 6 + 2)/4 = 2.25; Sxx = 1 + 0 + 1 = 2, Sxy = (−1)(−1.25) + 0 + (1)(−0.25) = 1;
        // slope 0.5, intercept 2.25 − 0.5 = 1.75. Residuals −0.75, 0.75, −0.75;
        // RSS = 0.5625·(1 + 2 + 1) = 2.25, n − p = 1, σ̂² = 2.25.
        // SE(slope) = √(2.25/2); SE(intercept) = √(2.25·(1/4 + 1/2)).
        // TSS = 1·1.5625 + 2·0.5625 + 1·0.0625 = 2.75; R² = 1 − 2.25/2.75 = 2/11; adjusted 1 − (9/11)·2/1 = −7/11.
        let fit = try LeastSquares.weighted(
            design: Matrix(columns: [[1, 1, 1], [0, 1, 2]]), response: [1, 3, 2], weights: [1, 2, 1],
            columnNames: ["(Intercept)", "x"])
        expectClose(fit.coefficients, [1.75, 0.5], relative: 1e-14)
        expectClose(fit.residualSumOfSquares, 2.25, relative: 1e-14)
        expectClose(fit.standardErrors, [(2.25 * 0.75).squareRoot(), (1.125).squareRoot()], relative: 1e-14)
        expectClose(fit.rSquared ?? .nan, 2.0 / 11.0, relative: 1e-13)
        expectClose(fit.adjustedRSquared ?? .nan, -7.0 / 11.0, relative: 1e-13)
        #expect(fit.isWeighted && fit.n == 3)
    }

    @Test func zeroWeightRowsAreLeftOutAndNotCounted() throws {
        // The three weighted points above plus a wild point with weight 0: the same fit, n = 3.
        let fit = try LeastSquares.weighted(
            design: Matrix(columns: [[1, 1, 1, 1], [0, 1, 2, 50]]), response: [1, 3, 2, -1000], weights: [1, 2, 1, 0],
            columnNames: ["(Intercept)", "x"])
        expectClose(fit.coefficients, [1.75, 0.5], relative: 1e-14)
        expectClose(fit.standardErrors, [(2.25 * 0.75).squareRoot(), (1.125).squareRoot()], relative: 1e-14)
        #expect(fit.n == 3 && fit.degreesOfFreedom == 1)
    }

    @Test func weightedFitEqualsOrdinaryFitOnRowsScaledByRootWeights() throws {
        var generator = SplitMix64(seed: 7)
        let rows = 50
        let x = (0..<rows).map { _ in generator.nextUniform() * 10 }
        let z = (0..<rows).map { _ in generator.nextUniform() - 0.5 }
        let y = (0..<rows).map { 1 + 2 * x[$0] - 3 * z[$0] + generator.nextUniform() }
        let w = (0..<rows).map { _ in 0.5 + generator.nextUniform() * 4 }
        let root = w.map { $0.squareRoot() }
        let weighted = try LeastSquares.weighted(
            design: Matrix(columns: [[Double](repeating: 1, count: rows), x, z]), response: y, weights: w,
            columnNames: ["(Intercept)", "x", "z"])
        // √w·1 is no longer a column of ones, so the scaled fit has no intercept (uncentred R²),
        // but b, its standard errors and the RSS are those of the weighted fit.
        let scaled = try LeastSquares.ordinary(
            design: Matrix(columns: [root, zip(root, x).map(*), zip(root, z).map(*)]),
            response: zip(root, y).map(*), columnNames: ["√w", "√w·x", "√w·z"])
        expectClose(weighted.coefficients, scaled.coefficients, relative: 1e-12)
        expectClose(weighted.standardErrors, scaled.standardErrors, relative: 1e-12)
        expectClose(weighted.residualSumOfSquares, scaled.residualSumOfSquares, relative: 1e-12)
        #expect(weighted.rSquaredKind == .centred && scaled.rSquaredKind == .uncentred)
    }

    @Test func weightedFitAgreesWithStatsmodels() throws {
        // Reference/make_small_references.py: statsmodels WLS on six points.
        let fit = try LeastSquares.weighted(
            design: Matrix(columns: [[1, 1, 1, 1, 1, 1], [1, 2, 3, 4, 5, 6], [2, 1, 4, 3, 6, 5]]),
            response: [1.0, 2.5, 2.0, 4.5, 4.0, 6.5], weights: [1, 2, 1, 3, 2, 1], columnNames: ["(Intercept)", "x", "z"])
        expectClose(fit.coefficients, [0.2761194029850711, 1.522388059701493, -0.6343283582089543], relative: 1e-12)
        expectClose(fit.standardErrors, [0.32623123872230464, 0.14906704742864252, 0.12795841939912106], relative: 1e-12)
        expectClose(fit.residualVariance, 0.1567164179104477, relative: 1e-12)
        expectClose(fit.rSquared ?? .nan, 0.9794694649025615, relative: 1e-12)
        expectClose(fit.adjustedRSquared ?? .nan, 0.9657824415042692, relative: 1e-12)
    }

    @Test func fitThroughTheOriginAgreesWithStatsmodels() throws {
        // Reference/make_small_references.py: statsmodels OLS without a constant (uncentred R²).
        let fit = try LeastSquares.ordinary(
            design: Matrix(columns: [[1, 2, 3, 4, 5, 6], [2, 1, 4, 3, 6, 5]]),
            response: [1.0, 2.5, 2.0, 4.5, 4.0, 6.5], columnNames: ["x", "z"])
        expectClose(fit.coefficients, [1.5623836126629425, -0.6042830540037245], relative: 1e-12)
        expectClose(fit.standardErrors, [0.15281369265496197, 0.15281369265496197], relative: 1e-12)
        expectClose(fit.rSquared ?? .nan, 0.9938583796289092, relative: 1e-12)
        expectClose(fit.adjustedRSquared ?? .nan, 0.9907875694433639, relative: 1e-12)
    }

    @Test func exactFitHasZeroResidualsAndStandardErrors() throws {
        // y = 1 + 2x exactly: RSS = 0 up to rounding, SEs ≈ 0, R² ≈ 1.
        let fit = try LeastSquares.ordinary(
            design: Matrix(columns: [[1, 1, 1, 1], [0, 1, 2, 3]]), response: [1, 3, 5, 7], columnNames: ["(Intercept)", "x"])
        expectClose(fit.coefficients, [1, 2], relative: 1e-14)
        expectNear(fit.residualSumOfSquares, 0, absolute: 1e-24)
        expectNear(fit.rSquared ?? .nan, 1, absolute: 1e-14)
    }

    @Test func constantResponseHasNoRSquared() throws {
        // y ≡ 3 around its mean: TSS = 0, so R² is undefined (nil), not NaN.
        let fit = try LeastSquares.ordinary(
            design: Matrix(columns: [[1, 1, 1], [0, 1, 2]]), response: [3, 3, 3], columnNames: ["(Intercept)", "x"])
        expectClose(fit.coefficients[0], 3, relative: 1e-14)
        expectNear(fit.coefficients[1], 0, absolute: 1e-14)
        #expect(fit.rSquared == nil && fit.adjustedRSquared == nil)
    }

    @Test func tooFewObservationsAreRejected() {
        // Two points, two parameters: n − p = 0 leaves σ̂² undefined.
        #expect(throws: LinearAlgebraError.tooFewObservations(observations: 2, parameters: 2)) {
            try LeastSquares.ordinary(design: Matrix(columns: [[1, 1], [0, 1]]), response: [1, 2], columnNames: ["a", "b"])
        }
        // Four rows but only two with positive weight.
        #expect(throws: LinearAlgebraError.tooFewObservations(observations: 2, parameters: 2)) {
            try LeastSquares.weighted(design: Matrix(columns: [[1, 1, 1, 1], [0, 1, 2, 3]]), response: [1, 2, 3, 4],
                                      weights: [1, 0, 1, 0], columnNames: ["a", "b"])
        }
    }

    @Test func badInputsAreNamed() {
        let design = try! Matrix(columns: [[1, 1, 1], [0, .nan, 2]])
        let nanError = #expect(throws: LinearAlgebraError.self) {
            try LeastSquares.ordinary(design: design, response: [1, 2, 3], columnNames: ["one", "x"])
        }
        guard case .nonFiniteValue(_, let observation, let variable, let value)? = nanError else {
            Issue.record("expected nonFiniteValue, got \(String(describing: nanError))")
            return
        }
        #expect(observation == 1 && variable == "x" && value.isNaN)
        let good = try! Matrix(columns: [[1, 1, 1], [0, 1, 2]])
        #expect(throws: LinearAlgebraError.nonFiniteValue(
            operation: "LeastSquares.ordinary", observation: 2, variable: "response", value: .infinity)) {
            try LeastSquares.ordinary(design: good, response: [1, 2, .infinity], columnNames: ["one", "x"])
        }
        #expect(throws: LinearAlgebraError.negativeWeight(operation: "LeastSquares.weighted", observation: 0, value: -1)) {
            try LeastSquares.weighted(design: good, response: [1, 2, 3], weights: [-1, 1, 1], columnNames: ["one", "x"])
        }
        #expect(throws: LinearAlgebraError.duplicateColumnName("x")) {
            try LeastSquares.ordinary(design: good, response: [1, 2, 3], columnNames: ["x", "x"])
        }
        #expect(throws: LinearAlgebraError.self) {
            try LeastSquares.ordinary(design: good, response: [1, 2], columnNames: ["one", "x"])
        }
        #expect(throws: LinearAlgebraError.self) {
            try LeastSquares.ordinary(design: good, response: [1, 2, 3], columnNames: ["one"])
        }
    }
}
