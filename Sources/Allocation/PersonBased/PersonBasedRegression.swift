import Dispatch
import Linear
import Tables

/// How a person-based fit streams its file.
public struct PersonBasedFitOptions: Sendable {
    /// HC1 robust standard errors, by a second pass over the file.
    public var robust: Bool
    /// Rows per chunk: memory is about (chunk rows × p) doubles three times (the parsed chunk, the
    /// design block and the accumulator's shifted copy), plus p² for the sums.
    public var chunkRows: Int
    /// See `NormalEquationsAccumulator.defaultAliasingTolerance`.
    public var aliasingTolerance: Double
    /// Parse the next chunks on a second thread while the current one is accumulated
    /// (Tables' `ChunkReadAhead`); false reads and accumulates in turn on the calling thread.
    public var readAhead: Bool

    public init(robust: Bool = false, chunkRows: Int = 1_024,
                aliasingTolerance: Double = NormalEquationsAccumulator.defaultAliasingTolerance, readAhead: Bool = true) {
        precondition(chunkRows > 0, "PersonBasedFitOptions: chunkRows must be positive")
        self.robust = robust
        self.chunkRows = chunkRows
        self.aliasingTolerance = aliasingTolerance
        self.readAhead = readAhead
    }
}

/// Fits a person-based model to a persons file of any length by streaming it in chunks
/// (design/methods.md, "Person-based resource allocation").
///
/// Passes over the file, each reading only the model's columns:
/// 1. when a categorical variable has no declared levels, a levels pass (`CategoryLevels`);
/// 2. the fit: each chunk of rows (`TableReader.next(maximumRows:)`, read ahead on a second thread
///    by `ChunkReadAhead` so parsing overlaps the arithmetic) is written into one reusable
///    column-major block (`DesignChunkFiller`) and added to a `NormalEquationsAccumulator`
///    (`dsyrk` on the block; XᵀWX, XᵀWy, yᵀWy in O(p²)), which is then solved by Cholesky with
///    aliased columns detected and named;
/// 3. with `robust`, a second pass accumulating the HC1 sandwich's meat Σ wᵢ²eᵢ²xᵢxᵢᵀ
///    (`RobustCovarianceAccumulator`).
/// Memory is O(p²) plus a few chunks (those read ahead, the design block and the accumulator's
/// copy), whatever the number of persons. While reading ahead, BLAS runs on one thread
/// (`SingleThreadedBLAS`): the parser has the other core.
public enum PersonBasedRegression {
    /// Chunks parsed ahead of the accumulation when reading ahead: a little slack so that a slow
    /// chunk on either side does not stall the other; memory is that many chunks of `chunkRows`.
    static let readAheadDepth = 3

    /// Fits `model` to the persons of `persons`.
    ///
    /// - Throws: `DataError` (bad data, exit 65) for a missing column, a value that is not a number
    ///   or a negative cost or weight (at its file, line and column), an unknown level of a declared
    ///   categorical variable, aliased design columns (named), or no more persons than terms.
    public static func fit(persons: PersonsSource, model: PersonBasedModel, options: PersonBasedFitOptions = PersonBasedFitOptions()) throws -> PersonBasedFit {
        if options.readAhead {
            return try SingleThreadedBLAS.run { try streamingFit(persons: persons, model: model, options: options) }
        }
        return try streamingFit(persons: persons, model: model, options: options)
    }

    static func streamingFit(persons: PersonsSource, model: PersonBasedModel, options: PersonBasedFitOptions) throws -> PersonBasedFit {
        var timings = PersonBasedFitTimings()
        var passes = 0
        var started = now()
        let undeclared = model.undeclaredCategoricals.map(\.variable)
        var collected: [String: [String]] = [:]
        if !undeclared.isEmpty {
            collected = try CategoryLevels.collect(persons: persons, variables: undeclared)
            passes += 1
            if collected.values.contains(where: \.isEmpty) { throw noPersons(persons) }
        }
        timings.levels = now() - started
        let design = try PersonBasedDesign(model: model, collectedLevels: collected)
        let allTerms = Array(0..<design.termCount)
        let categoricals = model.categorical.map(\.variable)
        let schema = design.schema(terms: allTerms, categoricalVariables: categoricals, response: true, weights: true)
        let levelSource = "the levels of \(model.location.file)"
        var filler = DesignChunkFiller(design: design, selected: allTerms, categoricalVariables: categoricals,
                                       capacity: options.chunkRows, levelSource: levelSource)
        let p = design.termCount
        var accumulator = try NormalEquationsAccumulator(columnNames: design.termNames, weighted: model.weights != nil)
        var columnSums = CompensatedSums(count: p)
        var rowsRead = 0
        let chunks = try persons.reader(schema: schema).chunks(maximumRows: options.chunkRows, readAhead: options.readAhead,
                                                               depth: readAheadDepth)
        defer { chunks.stop() }
        passes += 1
        while true {
            started = now()
            let next = try chunks.next()
            let parsed = now()
            timings.reading += parsed - started
            guard let table = next else { break }
            let response = table.decimals(model.response)
            let weights = model.weights.map { table.decimals($0) }
            columnSums.add(try filler.fill(table, weights: weights, summing: true))
            try filler.withBlock { block in
                try response.withUnsafeBufferPointer { responseBuffer in
                    try withOptionalBuffer(weights) { weightBuffer in
                        try accumulator.add(columnMajor: block, rows: table.rowCount, leadingDimension: filler.capacity,
                                            response: responseBuffer, weights: weightBuffer)
                    }
                }
            }
            rowsRead += table.rowCount
            timings.accumulating += now() - parsed
        }
        if rowsRead == 0 { throw noPersons(persons) }
        started = now()
        let regression = try solve(accumulator, persons: persons, tolerance: options.aliasingTolerance)
        timings.accumulating += now() - started
        let sumOfWeights = accumulator.sumOfWeights
        let means = columnSums.totals.map { $0 / sumOfWeights }
        let responseMean = try accumulator.responseSum() / sumOfWeights
        var robust: RobustCovariance?
        if options.robust {
            started = now()
            robust = try robustCovariance(regression, design: design, persons: persons, schema: schema, filler: &filler,
                                          chunkRows: options.chunkRows, readAhead: options.readAhead)
            passes += 1
            timings.robust = now() - started
        }
        return PersonBasedFit(design: design, regression: regression, robust: robust, nationalMeans: means,
                              sumOfWeights: sumOfWeights, responseMean: responseMean, rowsRead: rowsRead, passes: passes, timings: timings)
    }

    static func noPersons(_ persons: PersonsSource) -> DataError {
        DataError(.badData, at: persons.location(line: 2), "expected a row per person after the header, found none")
    }

    /// Solves the accumulated normal equations, turning aliasing and too few persons into
    /// bad-data errors about the persons file.
    static func solve(_ accumulator: NormalEquationsAccumulator, persons: PersonsSource, tolerance: Double) throws -> RegressionFit {
        do {
            return try accumulator.solve(aliasingTolerance: tolerance)
        } catch let error as LinearAlgebraError {
            switch error {
            case .aliasedColumns:
                throw DataError(.badData, at: persons.location(),
                                "\(error.description). Aliased: \(error.aliasedColumnNames.joined(separator: ", ")); drop them from the model or merge them")
            case .tooFewObservations(let observations, let parameters):
                throw DataError(.badData, at: persons.location(),
                                "expected more persons with positive weight than the model's \(parameters) terms, found \(observations)")
            default:
                throw error
            }
        }
    }

    /// The second pass: HC1 from the residuals of `regression`.
    static func robustCovariance(_ regression: RegressionFit, design: PersonBasedDesign, persons: PersonsSource, schema: Schema,
                                 filler: inout DesignChunkFiller, chunkRows: Int, readAhead: Bool) throws -> RobustCovariance {
        var accumulator = RobustCovarianceAccumulator(fit: regression)
        let chunks = try persons.reader(schema: schema).chunks(maximumRows: chunkRows, readAhead: readAhead, depth: readAheadDepth)
        defer { chunks.stop() }
        while let table = try chunks.next() {
            try filler.fill(table)
            let response = table.decimals(design.model.response)
            let weights = design.model.weights.map { table.decimals($0) }
            try filler.withBlock { block in
                try response.withUnsafeBufferPointer { responseBuffer in
                    try withOptionalBuffer(weights) { weightBuffer in
                        try accumulator.add(columnMajor: block, rows: table.rowCount, leadingDimension: filler.capacity,
                                            response: responseBuffer, weights: weightBuffer)
                    }
                }
            }
        }
        do {
            return try accumulator.hc1()
        } catch LinearAlgebraError.incompleteSecondPass(let expected, let found) {
            throw DataError(.badData, at: persons.location(),
                            "the file changed between passes: the fit read \(expected) persons with positive weight, the robust pass \(found)")
        }
    }

    static func now() -> Double {
        Double(DispatchTime.now().uptimeNanoseconds) / 1e9
    }
}

/// Runs `body` with a buffer of `values`, or with nil.
func withOptionalBuffer<Result>(_ values: [Double]?, _ body: (UnsafeBufferPointer<Double>?) throws -> Result) rethrows -> Result {
    guard let values else { return try body(nil) }
    return try values.withUnsafeBufferPointer { try body($0) }
}
