import Tables

/// Which variables are held at their national mean when need is predicted.
public enum Neutralisation: String, Sendable, CaseIterable {
    /// Every supply term at its national mean: need, not access, drives the prediction.
    case supply
    /// Nothing held: each person's fitted cost with their own supply variables.
    case none
}

/// One practice's predicted need.
public struct PracticeNeed: Sendable, Equatable {
    public var practiceCode: String
    /// Persons of the file registered with the practice.
    public var patients: Int
    /// Σ of its persons' predicted costs, in pounds.
    public var predictedCost: Double
    /// predicted cost / Σ over all practices: the practice's share of need (the shares add up to 1).
    public var needShare: Double
}

/// Predicted need of every practice, from persons and a fitted model.
public struct NeedPrediction: Sendable {
    /// In byte order of the practice code.
    public var practices: [PracticeNeed]
    /// Σ of all persons' predicted costs.
    public var totalPredictedCost: Double
    public var persons: Int
    /// c = Σ_supply bₖ·m̄ₖ, the part of every person's prediction that the neutralised terms add.
    public var neutralisedContribution: Double
}

/// The predictions of one chunk of persons, for a per-person output.
public struct PersonPredictions {
    public var personIDs: [String]
    public var practiceCodes: [String]
    public var predictedCosts: [Double]
}

/// Predicts each person's cost from a fitted person-based model with the supply variables set to
/// their national means, and sums the predictions to practices (design/methods.md, "Person-based
/// resource allocation": "predict with the supply variables set to their national mean so supply
/// does not drive need"):
///
///     ŷᵢ = Σ_{j ∉ supply} bⱼ xᵢⱼ + Σ_{k ∈ supply} bₖ m̄ₖ,
///     predicted costₚ = Σ_{i ∈ p} ŷᵢ,   need shareₚ = predicted costₚ / Σ_q predicted cost_q,
///
/// m̄ₖ the weighted national mean of supply term k in the fitting data (the `national_mean` of the
/// coefficients; the same m̄ for every file predicted, so years and areas are comparable). Every
/// person counts once: the fit's weights (if any) are not read, and a prediction is a full year's
/// expected cost. A categorical supply variable is neutralised through its indicators' means
/// (the national proportions of its levels). With neutralisation the supply columns need not be
/// in the persons file.
public enum NeedPredictor {
    /// Streams `persons` once (memory: one chunk plus one entry per practice).
    ///
    /// - Parameter eachChunk: receives each chunk's per-person predictions (for `--persons-out`);
    ///   `person_id` is read only when it is given.
    /// - Throws: bad-data errors for a missing column, a value that is not a number, a level the
    ///   fit did not have (file, line, column), coefficients that do not match the model, or a
    ///   practice or total with a predicted cost ≤ 0 (no share can be formed).
    public static func predict(
        persons: PersonsSource, model: PersonBasedModel, coefficients: FittedCoefficients, neutralise: Neutralisation,
        chunkRows: Int = 1_024, eachChunk: ((PersonPredictions) throws -> Void)? = nil
    ) throws -> NeedPrediction {
        let design = try PersonBasedDesign(model: model, collectedLevels: coefficients.levels(for: model))
        try coefficients.check(against: design)
        let neutralisedRoles: Set<TermRole> = neutralise == .supply ? [.supply] : []
        let kept = design.terms.indices.filter { !neutralisedRoles.contains(design.terms[$0].role) }
        var constant = 0.0
        for index in design.terms.indices where neutralisedRoles.contains(design.terms[index].role) {
            constant += coefficients.coefficients[index] * coefficients.nationalMeans[index]
        }
        let readRoles: Set<VariableRole> = neutralise == .supply ? [.need] : [.need, .supply]
        let categoricals = design.categoricalVariables(roles: readRoles)
        let practiceColumn = "practice_code"
        let schema = design.schema(terms: kept, categoricalVariables: categoricals, response: false, weights: false,
                                   text: [practiceColumn] + (eachChunk != nil ? ["person_id"] : []))
        var filler = DesignChunkFiller(design: design, selected: kept, categoricalVariables: categoricals, capacity: chunkRows,
                                       levelSource: "the levels of the fit (\(coefficients.source))")
        let keptCoefficients = kept.map { coefficients.coefficients[$0] }
        var practiceIndex: [String: Int] = [:]
        var codes: [String] = [], counts: [Int] = [], sums: [Double] = [], firstLines: [Int] = []
        var predictions = [Double](repeating: 0, count: chunkRows)
        var personCount = 0
        let reader = try persons.reader(schema: schema)
        let chunks = ChunkReadAhead(reader: reader, chunkRows: chunkRows, depth: PersonBasedRegression.readAheadDepth)
        defer { chunks.stop() }
        while let table = try chunks.next() {
            try filler.fill(table)
            let rows = table.rowCount
            filler.withBlock { block in
                predictions.withUnsafeMutableBufferPointer { output in
                    for i in 0..<rows { output[i] = constant }
                    for (column, coefficient) in keptCoefficients.enumerated() {
                        let values = block.baseAddress! + column * filler.capacity
                        for i in 0..<rows { output[i] += coefficient * values[i] }
                    }
                }
            }
            let practiceCodes = table.text(practiceColumn)
            for row in 0..<rows {
                let code = practiceCodes[row]
                let index: Int
                if let known = practiceIndex[code] {
                    index = known
                } else {
                    index = codes.count
                    practiceIndex[code] = index
                    codes.append(code)
                    counts.append(0)
                    sums.append(0)
                    firstLines.append(table.lineNumbers[row])
                }
                counts[index] += 1
                sums[index] += predictions[row]
            }
            if let eachChunk {
                try eachChunk(PersonPredictions(personIDs: table.text("person_id"), practiceCodes: practiceCodes,
                                                predictedCosts: Array(predictions.prefix(rows))))
            }
            personCount += rows
        }
        guard personCount > 0 else {
            throw PersonBasedRegression.noPersons(persons)
        }
        let total = sums.reduce(0, +)
        let order = codes.indices.sorted { codes[$0].utf8.lexicographicallyPrecedes(codes[$1].utf8) }
        for index in order where !(sums[index] > 0) {
            throw DataError(.badData, at: SourceLocation(file: reader.source, line: firstLines[index], columnName: practiceColumn),
                            "practice \(codes[index]) has a predicted cost of \(sums[index]) over its \(counts[index]) persons; a share of need must come from a positive cost (check the model's signs)")
        }
        let practices = order.map { index in
            PracticeNeed(practiceCode: codes[index], patients: counts[index], predictedCost: sums[index], needShare: sums[index] / total)
        }
        return NeedPrediction(practices: practices, totalPredictedCost: total, persons: personCount, neutralisedContribution: constant)
    }
}
