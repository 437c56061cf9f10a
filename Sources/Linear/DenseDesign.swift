/// A dense design prepared for the QR fit: the rows with positive weight, their √wᵢ, the shifted
/// coordinates (weighted means when there is an intercept) and the raw weighted column norms.
///
/// The design itself is not copied here; `scaledColumns` builds the matrix the factorization needs.
struct DenseDesign {
    let design: Matrix
    let response: [Double]
    /// Indices of the rows with positive weight (all rows when unweighted).
    let rows: [Int]
    /// √wᵢ for those rows (1 when unweighted).
    let rootWeights: [Double]
    let coordinates: ShiftedCoordinates
    /// ‖√w·xⱼ‖ over those rows.
    let rawNorms: [Double]

    init(design: Matrix, response: [Double], weights: [Double]?, onesColumns: [Bool]) {
        self.design = design
        self.response = response
        let selectedRows = weights.map { weights in weights.indices.filter { weights[$0] > 0 } } ?? Array(0..<design.rows)
        rows = selectedRows
        let selectedWeights = weights.map { weights in selectedRows.map { weights[$0] } }
            ?? [Double](repeating: 1, count: selectedRows.count)
        let roots = selectedWeights.map { $0.squareRoot() }
        rootWeights = roots
        let columnCount = design.columns
        let intercept = onesColumns.firstIndex(of: true)
        let sumOfWeights = selectedWeights.reduce(0, +)
        var shifts = [Double](repeating: 0, count: columnCount)
        var norms = [Double](repeating: 0, count: columnCount)
        var responseShift = 0.0
        design.withUnsafeBufferPointer { buffer in
            selectedRows.withUnsafeBufferPointer { rowIndices in
                selectedWeights.withUnsafeBufferPointer { weightValues in
                    roots.withUnsafeBufferPointer { rootValues in
                        let count = rowIndices.count
                        for j in 0..<columnCount {
                            let column = buffer.baseAddress! + j * design.rows
                            var weightedSum = 0.0
                            var largest = 0.0
                            for position in 0..<count {
                                let value = column[rowIndices[position]]
                                weightedSum += weightValues[position] * value
                                largest = max(largest, abs(value) * rootValues[position])
                            }
                            if intercept != nil && j != intercept {
                                shifts[j] = weightedSum / sumOfWeights
                            }
                            // ‖v‖ = m·‖v/m‖ with m = max|vᵢ|, which cannot overflow.
                            if largest > 0 {
                                var scaledSquares = 0.0
                                for position in 0..<count {
                                    let scaled = column[rowIndices[position]] * rootValues[position] / largest
                                    scaledSquares += scaled * scaled
                                }
                                norms[j] = largest * scaledSquares.squareRoot()
                            }
                        }
                    }
                }
            }
        }
        if intercept != nil {
            var weightedSum = 0.0
            for position in selectedRows.indices { weightedSum += selectedWeights[position] * response[selectedRows[position]] }
            responseShift = weightedSum / sumOfWeights
        }
        coordinates = ShiftedCoordinates(interceptColumn: intercept, columnShifts: shifts, responseShift: responseShift)
        rawNorms = norms
    }

    /// Columns `columns` of √w·(X − 1sᵀ), each divided by its raw norm, over the selected rows.
    func scaledColumns(_ columns: [Int]) -> Matrix {
        let count = rows.count
        var result = Matrix(rows: count, columns: columns.count)
        design.withUnsafeBufferPointer { buffer in
            result.withUnsafeMutableBufferPointer { output in
                rows.withUnsafeBufferPointer { rowIndices in
                    rootWeights.withUnsafeBufferPointer { rootValues in
                        for (position, j) in columns.enumerated() {
                            let column = buffer.baseAddress! + j * design.rows
                            let target = output.baseAddress! + position * count
                            let shift = coordinates.columnShifts[j]
                            let norm = rawNorms[j]
                            for index in 0..<count {
                                target[index] = rootValues[index] * (column[rowIndices[index]] - shift) / norm
                            }
                        }
                    }
                }
            }
        }
        return result
    }

    /// √w·(y − t) over the selected rows.
    func shiftedWeightedResponse() -> [Double] {
        rows.indices.map { rootWeights[$0] * (response[rows[$0]] - coordinates.responseShift) }
    }
}
