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
        var filler = DesignChunkFiller(design: design, selected: Array(0..<design.termCount),
                                       categoricalVariables: model.categorical.map(\.variable),
                                       capacity: options.chunkRows, levelSource: "the levels of \(model.location.file)")
        let sums = try accumulate(persons: persons, design: design, filler: &filler, options: options,
                                  countingLevels: false, timings: &timings)
        passes += 1
        started = now()
        let regression = try solve(sums.accumulator, at: persons.location(), tolerance: options.aliasingTolerance)
        timings.accumulating += now() - started
        var robust: RobustCovariance?
        if options.robust {
            started = now()
            robust = try robustCovariance(regression, design: design, persons: persons, schema: fitSchema(design), filler: &filler,
                                          chunkRows: options.chunkRows, readAhead: options.readAhead)
            passes += 1
            timings.robust = now() - started
        }
        return try sums.fit(regression: regression, robust: robust, passes: passes, timings: timings)
    }

    /// The columns the fit reads: every term's variable, the response and the weights.
    static func fitSchema(_ design: PersonBasedDesign) -> Schema {
        design.schema(terms: Array(0..<design.termCount), categoricalVariables: design.model.categorical.map(\.variable),
                      response: true, weights: true)
    }

    /// The fit pass: streams `persons` through `filler` into the normal equations and the column
    /// sums, and with `countingLevels` counts the persons with positive weight at each level of
    /// each categorical variable.
    ///
    /// - Throws: `noPersons` for a file without rows, and the bad-data errors of the fit.
    static func accumulate(persons: PersonsSource, design: PersonBasedDesign, filler: inout DesignChunkFiller,
                           options: PersonBasedFitOptions, countingLevels: Bool,
                           timings: inout PersonBasedFitTimings) throws -> PersonBasedSums {
        let model = design.model
        let categoricals = model.categorical.map(\.variable)
        var sums = try PersonBasedSums(design: design)
        let chunks = try persons.reader(schema: fitSchema(design)).chunks(maximumRows: options.chunkRows,
                                                                          readAhead: options.readAhead, depth: readAheadDepth)
        defer { chunks.stop() }
        while true {
            var started = now()
            let next = try chunks.next()
            let parsed = now()
            timings.reading += parsed - started
            guard let table = next else { break }
            let response = table.decimals(model.response)
            let weights = model.weights.map { table.decimals($0) }
            sums.columnSums.add(try filler.fill(table, weights: weights, summing: true))
            try filler.withBlock { block in
                try response.withUnsafeBufferPointer { responseBuffer in
                    try withOptionalBuffer(weights) { weightBuffer in
                        try sums.accumulator.add(columnMajor: block, rows: table.rowCount, leadingDimension: filler.capacity,
                                                 response: responseBuffer, weights: weightBuffer)
                    }
                }
            }
            if countingLevels {
                for variable in categoricals {
                    let values = table.text(variable)
                    var counts = sums.levelCounts[variable, default: [:]]
                    for row in 0..<table.rowCount where (weights?[row] ?? 1) > 0 { counts[values[row], default: 0] += 1 }
                    sums.levelCounts[variable] = counts
                }
            }
            sums.rowsRead += table.rowCount
            started = now()
            timings.accumulating += started - parsed
        }
        if sums.rowsRead == 0 { throw noPersons(persons) }
        return sums
    }

    static func noPersons(_ persons: PersonsSource) -> DataError {
        DataError(.badData, at: persons.location(line: 2), "expected a row per person after the header, found none")
    }

    /// Solves the accumulated normal equations, turning aliasing and too few persons into
    /// bad-data errors about the persons file.
    static func solve(_ accumulator: NormalEquationsAccumulator, at location: SourceLocation, tolerance: Double) throws -> RegressionFit {
        do {
            return try accumulator.solve(aliasingTolerance: tolerance)
        } catch let error as LinearAlgebraError {
            switch error {
            case .aliasedColumns:
                throw DataError(.badData, at: location,
                                "\(error.description). Aliased: \(error.aliasedColumnNames.joined(separator: ", ")); drop them from the model or merge them")
            case .tooFewObservations(let observations, let parameters):
                throw DataError(.badData, at: location,
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
        try addMeat(into: &accumulator, design: design, persons: persons, schema: schema, filler: &filler, chunkRows: chunkRows, readAhead: readAhead)
        do {
            return try accumulator.hc1()
        } catch LinearAlgebraError.incompleteSecondPass(let expected, let found) {
            throw DataError(.badData, at: persons.location(),
                            "the file changed between passes: the fit read \(expected) persons with positive weight, the robust pass \(found)")
        }
    }

    /// A pass over the persons adding each chunk's rows to the meat of `accumulator`.
    static func addMeat(into accumulator: inout RobustCovarianceAccumulator, design: PersonBasedDesign, persons: PersonsSource, schema: Schema,
                        filler: inout DesignChunkFiller, chunkRows: Int, readAhead: Bool) throws {
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
