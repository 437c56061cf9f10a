import Linear
import Testing

@Suite struct NormalEquationsAccumulatorTests {
    static let names = RandomDesign.columnNames

    @Test func accumulatedSumsOfASmallDesign() throws {
        // X = [1 1; 1 2; 1 3], y = (1, 2, 2): XᵀX = [3 6; 6 14], Xᵀy = (5, 1 + 4 + 6) = (5, 11),
        // yᵀy = 1 + 4 + 4 = 9, Σy = 5, n = 3. (The shift by the first chunk's means is undone
        // exactly up to rounding.)
        var accumulator = try NormalEquationsAccumulator(columnNames: ["(Intercept)", "x"], weighted: false)
        try accumulator.add(chunk: Matrix(rowMajor: [[1, 1], [1, 2]]), response: [1, 2])
        try accumulator.add(chunk: Matrix(rowMajor: [[1, 3]]), response: [2])
        let crossProducts = try accumulator.crossProducts()
        expectClose(crossProducts.elements, [3, 6, 6, 14], relative: 1e-14)
        expectClose(try accumulator.crossProductsWithResponse(), [5, 11], relative: 1e-14)
        expectClose(try accumulator.responseSumOfSquares(), 9, relative: 1e-14)
        expectClose(try accumulator.responseSum(), 5, relative: 1e-14)
        #expect(accumulator.sumOfWeights == 3 && accumulator.n == 3 && accumulator.rowsAdded == 3)
    }

    @Test func crossProductsEqualTheBLASProductOfTheWholeDesign() throws {
        let data = RandomDesign(rows: 300, seed: 11)
        var accumulator = try NormalEquationsAccumulator(columnNames: Self.names, weighted: false)
        for range in [0..<7, 7..<200, 200..<300] {
            let part = data.rows(range)
            try accumulator.add(chunk: part.design, response: part.response)
        }
        let expected = try BLAS.product(data.design, .transposed, data.design, .notTransposed)
        expectClose(try accumulator.crossProducts().elements, expected.elements, relative: 1e-12)
        expectClose(try accumulator.crossProductsWithResponse(), try BLAS.product(data.design, .transposed, data.response),
                    relative: 1e-12)
    }

    @Test func streamedFitEqualsDenseQRFitInUnevenChunks() throws {
        let data = RandomDesign(rows: 1_000, seed: 1)
        let dense = try LeastSquares.ordinary(design: data.design, response: data.response, columnNames: Self.names)
        var accumulator = try NormalEquationsAccumulator(columnNames: Self.names, weighted: false)
        // Chunks of 1, 17, 0, 300 and 682 rows, through the three ways of adding a chunk.
        let first = data.rows(0..<1)
        try accumulator.add(chunk: first.design, response: first.response)
        try data.design.withUnsafeBufferPointer { design in
            try data.response.withUnsafeBufferPointer { response in
                for range in [1..<18, 18..<18] {
                    try accumulator.add(
                        columnMajor: UnsafeBufferPointer(rebasing: design[range.lowerBound...]), rows: range.count,
                        leadingDimension: data.design.rows, response: UnsafeBufferPointer(rebasing: response[range]))
                }
            }
        }
        let rowMajor = data.rowMajor(18..<318)
        try rowMajor.withUnsafeBufferPointer { design in
            try data.response.withUnsafeBufferPointer { response in
                try accumulator.add(rowMajor: design, rows: 300, response: UnsafeBufferPointer(rebasing: response[18..<318]))
            }
        }
        let last = data.rows(318..<1_000)
        try accumulator.add(chunk: last.design, response: last.response)
        let streamed = try accumulator.solve()
        #expect(streamed.n == 1_000 && streamed.p == 5)
        expectClose(streamed.coefficients, dense.coefficients, relative: 1e-10, "coefficient")
        expectClose(streamed.standardErrors, dense.standardErrors, relative: 1e-10, "standard error")
        expectClose(streamed.residualSumOfSquares, dense.residualSumOfSquares, relative: 1e-10, "RSS")
        expectClose(streamed.rSquared ?? .nan, dense.rSquared ?? .nan, relative: 1e-12, "R²")
        expectClose(streamed.adjustedRSquared ?? .nan, dense.adjustedRSquared ?? .nan, relative: 1e-12, "adjusted R²")
        expectClose(streamed.unscaledCovariance.elements, dense.unscaledCovariance.elements, relative: 1e-9, "(XᵀX)⁻¹")
    }

    @Test func weightedStreamedFitEqualsWeightedDenseFit() throws {
        let data = RandomDesign(rows: 800, seed: 2)
        #expect(data.weights.contains(0))
        let dense = try LeastSquares.weighted(
            design: data.design, response: data.response, weights: data.weights, columnNames: Self.names)
        var accumulator = try NormalEquationsAccumulator(columnNames: Self.names, weighted: true)
        for range in [0..<3, 3..<450, 450..<800] {
            let part = data.rows(range)
            try accumulator.add(chunk: part.design, response: part.response, weights: part.weights)
        }
        let streamed = try accumulator.solve()
        #expect(streamed.n == dense.n && dense.n == data.weights.filter { $0 > 0 }.count)
        expectClose(streamed.coefficients, dense.coefficients, relative: 1e-10, "coefficient")
        expectClose(streamed.standardErrors, dense.standardErrors, relative: 1e-10, "standard error")
        expectClose(streamed.rSquared ?? .nan, dense.rSquared ?? .nan, relative: 1e-12, "R²")
    }

    @Test func mergedAccumulatorsEqualOneAccumulator() throws {
        let data = RandomDesign(rows: 600, seed: 3)
        var single = try NormalEquationsAccumulator(columnNames: Self.names, weighted: true)
        var left = try NormalEquationsAccumulator(columnNames: Self.names, weighted: true)
        var right = try NormalEquationsAccumulator(columnNames: Self.names, weighted: true)
        for (index, range) in [0..<100, 100..<250, 250..<251, 251..<600].enumerated() {
            let part = data.rows(range)
            try single.add(chunk: part.design, response: part.response, weights: part.weights)
            // Chunks alternate between two "threads", whose first chunks (and shifts) differ.
            if index % 2 == 0 {
                try left.add(chunk: part.design, response: part.response, weights: part.weights)
            } else {
                try right.add(chunk: part.design, response: part.response, weights: part.weights)
            }
        }
        var merged = left
        try merged.merge(right)
        #expect(merged.n == single.n && merged.rowsAdded == 600)
        let expected = try single.solve()
        let fit = try merged.solve()
        expectClose(fit.coefficients, expected.coefficients, relative: 1e-11, "coefficient")
        expectClose(fit.standardErrors, expected.standardErrors, relative: 1e-11, "standard error")
        expectClose(fit.residualSumOfSquares, expected.residualSumOfSquares, relative: 1e-11, "RSS")
        expectClose(try merged.crossProducts().elements, try single.crossProducts().elements, relative: 1e-12)
    }

    @Test func mergingIntoAnEmptyAccumulatorAdoptsTheOther() throws {
        let data = RandomDesign(rows: 50, seed: 4)
        var filled = try NormalEquationsAccumulator(columnNames: Self.names, weighted: false)
        try filled.add(chunk: data.design, response: data.response)
        var empty = try NormalEquationsAccumulator(columnNames: Self.names, weighted: false)
        try empty.merge(filled)
        try filled.merge(NormalEquationsAccumulator(columnNames: Self.names, weighted: false))
        #expect(try empty.solve().coefficients == filled.solve().coefficients)
    }

    @Test func incompatibleAccumulatorsAreNotMerged() throws {
        var accumulator = try NormalEquationsAccumulator(columnNames: ["a", "b"], weighted: false)
        #expect(throws: LinearAlgebraError.self) {
            try accumulator.merge(NormalEquationsAccumulator(columnNames: ["a", "c"], weighted: false))
        }
        #expect(throws: LinearAlgebraError.self) {
            try accumulator.merge(NormalEquationsAccumulator(columnNames: ["a", "b"], weighted: true))
        }
    }

    @Test func interceptDisprovedByALaterChunkFallsBackToRawSums() throws {
        // Column "a" is 1 throughout the first chunk (so the accumulator shifts the others) but 2
        // in the second: the design has no intercept and the fit must equal the dense one.
        let design = try Matrix(rowMajor: [[1, 0.5], [1, 1.5], [1, 2.0], [2, 3.0], [2, 4.5], [2, 5.0]])
        let response: [Double] = [1, 2, 2.5, 5, 6, 7.5]
        let dense = try LeastSquares.ordinary(design: design, response: response, columnNames: ["a", "x"])
        var accumulator = try NormalEquationsAccumulator(columnNames: ["a", "x"], weighted: false)
        try accumulator.add(chunk: Matrix(rowMajor: [[1, 0.5], [1, 1.5], [1, 2.0]]), response: [1, 2, 2.5])
        try accumulator.add(chunk: Matrix(rowMajor: [[2, 3.0], [2, 4.5], [2, 5.0]]), response: [5, 6, 7.5])
        let streamed = try accumulator.solve()
        #expect(streamed.interceptColumn == nil && streamed.rSquaredKind == .uncentred)
        expectClose(streamed.coefficients, dense.coefficients, relative: 1e-12)
        expectClose(streamed.standardErrors, dense.standardErrors, relative: 1e-12)
        expectClose(streamed.rSquared ?? .nan, dense.rSquared ?? .nan, relative: 1e-12)
    }

    @Test func largeColumnMeansKeepFullAccuracy() throws {
        // The five points (1,2), (2,4), (3,5), (4,4), (5,5) with x shifted by 10⁴: slope 0.6,
        // SE(slope) = √(0.8/10), intercept 2.2 − 0.6·10⁴, RSS 2.4 (LeastSquaresTests works these
        // by hand). Raw normal equations have κ(XᵀX) ≈ 10¹⁰ here; the shift by the first chunk's
        // means removes it.
        let shift = 1e4
        var accumulator = try NormalEquationsAccumulator(columnNames: ["(Intercept)", "x"], weighted: false)
        try accumulator.add(chunk: Matrix(columns: [[1, 1], [1 + shift, 2 + shift]]), response: [2, 4])
        try accumulator.add(chunk: Matrix(columns: [[1, 1, 1], [3 + shift, 4 + shift, 5 + shift]]), response: [5, 4, 5])
        let fit = try accumulator.solve()
        expectClose(fit.coefficients, [2.2 - 0.6 * shift, 0.6], relative: 1e-12)
        expectClose(fit.standardErrors[1], (0.08).squareRoot(), relative: 1e-12)
        expectClose(fit.residualSumOfSquares, 2.4, relative: 1e-12)
        expectClose(fit.rSquared ?? .nan, 0.6, relative: 1e-12)
    }

    @Test func observationNumbersInErrorsCountAcrossChunks() throws {
        var accumulator = try NormalEquationsAccumulator(columnNames: ["(Intercept)", "x"], weighted: false)
        try accumulator.add(chunk: Matrix(columns: [[1, 1, 1], [1, 2, 3]]), response: [1, 2, 3])
        let error = #expect(throws: LinearAlgebraError.self) {
            try accumulator.add(chunk: Matrix(columns: [[1, 1], [4, .infinity]]), response: [4, 5])
        }
        #expect(error == .nonFiniteValue(
            operation: "NormalEquationsAccumulator.add", observation: 4, variable: "x", value: .infinity))
    }

    @Test func weightsMustMatchTheAccumulator() throws {
        var unweighted = try NormalEquationsAccumulator(columnNames: ["x"], weighted: false)
        #expect(throws: LinearAlgebraError.weightsMismatch(operation: "NormalEquationsAccumulator.add", expectedWeights: false)) {
            try unweighted.add(chunk: Matrix(columns: [[1, 2]]), response: [1, 2], weights: [1, 1])
        }
        var weighted = try NormalEquationsAccumulator(columnNames: ["x"], weighted: true)
        #expect(throws: LinearAlgebraError.weightsMismatch(operation: "NormalEquationsAccumulator.add", expectedWeights: true)) {
            try weighted.add(chunk: Matrix(columns: [[1, 2]]), response: [1, 2])
        }
        #expect(throws: LinearAlgebraError.negativeWeight(operation: "NormalEquationsAccumulator.add", observation: 1, value: -2)) {
            try weighted.add(chunk: Matrix(columns: [[1, 2]]), response: [1, 2], weights: [1, -2])
        }
    }

    @Test func shapesAndBuffersAreChecked() throws {
        var accumulator = try NormalEquationsAccumulator(columnNames: ["a", "b"], weighted: false)
        #expect(throws: LinearAlgebraError.self) {
            try accumulator.add(chunk: Matrix(rows: 2, columns: 3), response: [1, 2])
        }
        #expect(throws: LinearAlgebraError.self) {
            try accumulator.add(chunk: Matrix(rows: 2, columns: 2), response: [1])
        }
        let tooShort: [Double] = [1, 2, 3]
        #expect(throws: LinearAlgebraError.self) {
            try tooShort.withUnsafeBufferPointer { design in
                try [1.0, 2.0].withUnsafeBufferPointer { response in
                    try accumulator.add(columnMajor: design, rows: 2, response: response)
                }
            }
        }
        #expect(throws: LinearAlgebraError.duplicateColumnName("a")) {
            try NormalEquationsAccumulator(columnNames: ["a", "a"], weighted: false)
        }
    }

    @Test func emptyAccumulatorHasTooFewObservations() throws {
        let accumulator = try NormalEquationsAccumulator(columnNames: ["a", "b"], weighted: false)
        #expect(throws: LinearAlgebraError.tooFewObservations(observations: 0, parameters: 2)) {
            try accumulator.solve()
        }
    }
}
