import Linear
import Testing

/// Aliased (collinear) columns are reported by name, by the dense QR fit and by the streaming
/// normal equations alike, never as NaN coefficients.
@Suite struct AliasedColumnTests {
    /// Eight observations of two unrelated covariates (hand-picked, not collinear with the intercept).
    static let x1: [Double] = [1, 4, 2, 8, 5, 7, 3, 6]
    static let x2: [Double] = [3, 1, 4, 1, 5, 9, 2, 6]
    static let ones = [Double](repeating: 1, count: 8)
    static let response: [Double] = [2, 7, 3, 9, 8, 12, 4, 10]

    /// The error of both the dense fit and the accumulator, which must agree.
    static func aliasingError(columns: [[Double]], names: [String]) throws -> [AliasedColumn] {
        let design = try Matrix(columns: columns)
        let denseError = #expect(throws: LinearAlgebraError.self) {
            try LeastSquares.ordinary(design: design, response: response, columnNames: names)
        }
        var accumulator = try NormalEquationsAccumulator(columnNames: names, weighted: false)
        try accumulator.add(chunk: design, response: response)
        let streamingError = #expect(throws: LinearAlgebraError.self) { try accumulator.solve() }
        #expect(denseError == streamingError, "dense and streaming paths disagree")
        guard case .aliasedColumns(let columns)? = denseError else {
            Issue.record("expected aliasedColumns, got \(String(describing: denseError))")
            return []
        }
        return columns
    }

    @Test func duplicateColumnIsNamedWithItsOriginal() throws {
        let aliased = try Self.aliasingError(
            columns: [Self.ones, Self.x1, Self.x2, Self.x1], names: ["(Intercept)", "x1", "x2", "x1 again"])
        #expect(aliased == [AliasedColumn(name: "x1 again", dependsOn: ["x1"])])
    }

    @Test func linearCombinationIsNamedWithItsIngredients() throws {
        // x3 = 2·x1 − x2 + 3: depends on the intercept, x1 and x2.
        let x3 = (0..<8).map { 2 * Self.x1[$0] - Self.x2[$0] + 3 }
        let aliased = try Self.aliasingError(
            columns: [Self.ones, Self.x1, Self.x2, x3], names: ["(Intercept)", "x1", "x2", "x3"])
        #expect(aliased == [AliasedColumn(name: "x3", dependsOn: ["(Intercept)", "x1", "x2"])])
    }

    @Test func zeroColumnIsAliasedWithNothing() throws {
        let aliased = try Self.aliasingError(
            columns: [Self.ones, Self.x1, [Double](repeating: 0, count: 8), Self.x2], names: ["(Intercept)", "x1", "z", "x2"])
        #expect(aliased == [AliasedColumn(name: "z", dependsOn: [])])
        #expect(LinearAlgebraError.aliasedColumns(aliased).description
            == "aliased (collinear) design columns, coefficients not identifiable: \"z\" is zero in every observation")
    }

    @Test func constantColumnIsAliasedWithTheIntercept() throws {
        let aliased = try Self.aliasingError(
            columns: [Self.ones, Self.x1, [Double](repeating: 5, count: 8)], names: ["(Intercept)", "x1", "five"])
        #expect(aliased == [AliasedColumn(name: "five", dependsOn: ["(Intercept)"])])
    }

    @Test func theLaterOfTwoCollinearColumnsIsReported() throws {
        // x1 + 10 then x1: the second is aliased on the first and the intercept, whatever their norms.
        let shifted = Self.x1.map { $0 + 10 }
        let aliased = try Self.aliasingError(
            columns: [Self.ones, shifted, Self.x1], names: ["(Intercept)", "x1 + 10", "x1"])
        #expect(aliased == [AliasedColumn(name: "x1", dependsOn: ["(Intercept)", "x1 + 10"])])
    }

    @Test func severalAliasedColumnsAreListedInDesignOrder() throws {
        let sum = (0..<8).map { Self.x1[$0] + Self.x2[$0] }
        let aliased = try Self.aliasingError(
            columns: [Self.ones, Self.x1, [Double](repeating: 0, count: 8), Self.x2, sum, Self.x2],
            names: ["(Intercept)", "x1", "zero", "x2", "x1 + x2", "x2 copy"])
        #expect(aliased == [
            AliasedColumn(name: "zero", dependsOn: []),
            AliasedColumn(name: "x1 + x2", dependsOn: ["x1", "x2"]),
            AliasedColumn(name: "x2 copy", dependsOn: ["x2"]),
        ])
    }

    @Test func aliasingWithoutAnInterceptIsDetected() throws {
        let sum = (0..<8).map { Self.x1[$0] + Self.x2[$0] }
        let aliased = try Self.aliasingError(columns: [Self.x1, Self.x2, sum], names: ["x1", "x2", "x1 + x2"])
        #expect(aliased == [AliasedColumn(name: "x1 + x2", dependsOn: ["x1", "x2"])])
    }

    @Test func twoInterceptColumnsAreAliased() throws {
        let aliased = try Self.aliasingError(
            columns: [Self.ones, Self.x1, Self.ones], names: ["(Intercept)", "x1", "one"])
        #expect(aliased == [AliasedColumn(name: "one", dependsOn: ["(Intercept)"])])
    }

    @Test func columnVaryingBelowTheToleranceIsAliasedWithTheIntercept() throws {
        // x = 10⁸ + (1, …, 8): the part of x not explained by the intercept has relative norm
        // ‖x − x̄‖/‖x‖ = √42/‖x‖ ≈ 2.3·10⁻⁸ < 10⁻⁷, so x is aliased, as R's lm would find.
        let aliased = try Self.aliasingError(
            columns: [Self.ones, (1...8).map { 1e8 + Double($0) }], names: ["(Intercept)", "x"])
        #expect(aliased == [AliasedColumn(name: "x", dependsOn: ["(Intercept)"])])
    }

    @Test func nearlyCollinearButDistinctColumnIsKept() throws {
        // x1 plus a perturbation of relative size about 10⁻³: √d ≈ 10⁻³, above both tolerances.
        let perturbed = (0..<8).map { Self.x1[$0] + 0.01 * Self.x2[$0] }
        let design = try Matrix(columns: [Self.ones, Self.x1, perturbed])
        let names = ["(Intercept)", "x1", "x1 perturbed"]
        let dense = try LeastSquares.ordinary(design: design, response: Self.response, columnNames: names)
        var accumulator = try NormalEquationsAccumulator(columnNames: names, weighted: false)
        try accumulator.add(chunk: design, response: Self.response)
        let streamed = try accumulator.solve()
        expectClose(streamed.coefficients, dense.coefficients, relative: 1e-9)
    }

    @Test func aliasingIsJudgedOnPositiveWeightRowsOnly() throws {
        // x2 equals x1 on the rows with positive weight and differs only where the weight is 0.
        var x2 = Self.x1
        x2[7] = 100
        let weights: [Double] = [1, 2, 1, 1, 2, 1, 1, 0]
        let names = ["(Intercept)", "x1", "x2"]
        let error = #expect(throws: LinearAlgebraError.self) {
            try LeastSquares.weighted(design: Matrix(columns: [Self.ones, Self.x1, x2]), response: Self.response,
                                      weights: weights, columnNames: names)
        }
        #expect(error?.aliasedColumnNames == ["x2"])
    }

    @Test func aliasingMessageNamesTheColumns() {
        let error = LinearAlgebraError.aliasedColumns([AliasedColumn(name: "x3", dependsOn: ["x1", "x2"])])
        #expect(error.description
            == "aliased (collinear) design columns, coefficients not identifiable: \"x3\" is a linear combination of \"x1\", \"x2\"")
    }
}
