import Linear
import Tables

/// Disclosure control of a partial: the smallest site, and the smallest non-empty categorical
/// cell, whose sums may leave the site (docs/pbra-model.md, "Fitting across data holders").
public struct DisclosureLimits: Sendable, Equatable {
    /// Fewest persons with positive weight a site must have (default 1,000).
    public var minimumPersons: Int
    /// Fewest persons with positive weight at any level that occurs in the site (default 10).
    /// A level with no person at all discloses nothing about anyone and is allowed.
    public var minimumCell: Int

    public static let defaultMinimumPersons = 1_000
    public static let defaultMinimumCell = 10

    public init(minimumPersons: Int = defaultMinimumPersons, minimumCell: Int = defaultMinimumCell) {
        self.minimumPersons = minimumPersons
        self.minimumCell = minimumCell
    }
}

/// One site's sufficient statistics for a person-based model (a "partial"), to be merged with
/// other sites' partials into the fit of all their persons without moving person-level records.
///
/// It holds the model's fingerprint, the disclosure limits it was checked against, the normal
/// equations about the site's own shift (`NormalEquationsAccumulator.Sums`: XᵀWX, XᵀWy, yᵀWy,
/// Σwy, Σw, n, rows), each term's column total Σ wᵢxᵢⱼ, and each categorical level's count of
/// persons with positive weight. Merging adds the sums (`NormalEquationsAccumulator.merge`),
/// which is exact apart from rounding: OLS depends on the data only through these sums.
public struct PersonBasedPartial: Sendable, Equatable {
    public var fingerprint: PersonBasedModelFingerprint
    public var limits: DisclosureLimits
    public var sums: NormalEquationsAccumulator.Sums
    /// Σ wᵢxᵢⱼ for each term, in design order.
    public var columnTotals: [Double]
    /// For each categorical variable (fingerprint order), the persons with positive weight at
    /// each of its levels (level order).
    public var levelCounts: [[Int]]
    /// The second round for HC1, when computed: the merged coefficients and the meat with them.
    public var robust: PersonBasedRobustRound?

    public init(fingerprint: PersonBasedModelFingerprint, limits: DisclosureLimits, sums: NormalEquationsAccumulator.Sums,
                columnTotals: [Double], levelCounts: [[Int]], robust: PersonBasedRobustRound? = nil) {
        self.fingerprint = fingerprint
        self.limits = limits
        self.sums = sums
        self.columnTotals = columnTotals
        self.levelCounts = levelCounts
        self.robust = robust
    }

    /// Computes the partial of `persons` for `model` in one pass (the fit pass of
    /// `PersonBasedRegression`), and applies the disclosure limits.
    ///
    /// - Throws: bad-data errors for a model whose categorical levels are not declared, for the
    ///   persons (as the fit), for fewer persons than `limits.minimumPersons`, and for a level
    ///   with at least one and fewer than `limits.minimumCell` persons.
    /// With `robustCoefficients` (the coefficients merged from every site's first-round partial,
    /// in design order), a second pass adds the HC1 meat Σ wᵢ²eᵢ²x̂ᵢx̂ᵢᵀ with eᵢ = yᵢ − xᵢᵀb, about
    /// the partial's own shifts (`PersonBasedRobustRound`).
    public static func compute(persons: PersonsSource, model: PersonBasedModel, limits: DisclosureLimits,
                               options: PersonBasedFitOptions = PersonBasedFitOptions(),
                               robustCoefficients: [Double]? = nil) throws -> PersonBasedPartial {
        let fingerprint = try PersonBasedModelFingerprint(model: model)
        let design = try PersonBasedDesign(model: model)
        var filler = DesignChunkFiller(design: design, selected: Array(0..<design.termCount),
                                       categoricalVariables: model.categorical.map(\.variable),
                                       capacity: options.chunkRows, levelSource: "the levels of \(model.location.file)")
        var timings = PersonBasedFitTimings()
        let work = {
            try PersonBasedRegression.accumulate(persons: persons, design: design, filler: &filler, options: options,
                                                 countingLevels: true, timings: &timings)
        }
        let sums = options.readAhead ? try SingleThreadedBLAS.run(work) : try work()
        let counts = fingerprint.categorical.map { variable in
            variable.levels.map { sums.levelCounts[variable.variable]?[$0] ?? 0 }
        }
        var partial = PersonBasedPartial(fingerprint: fingerprint, limits: limits, sums: sums.accumulator.sums,
                                         columnTotals: sums.columnSums.totals, levelCounts: counts)
        try partial.checkDisclosure(at: persons.location())
        if let coefficients = robustCoefficients, let shifts = partial.sums.columnShifts {
            let intercept = (0..<shifts.count).first { partial.sums.onesColumns[$0] && shifts[$0] == 0 }
            var meat = try RobustCovarianceAccumulator(columnNames: design.termNames, isWeighted: model.weights != nil,
                                                       coefficients: coefficients, columnShifts: shifts, interceptColumn: intercept)
            let pass = {
                try PersonBasedRegression.addMeat(into: &meat, design: design, persons: persons, schema: PersonBasedRegression.fitSchema(design),
                                                  filler: &filler, chunkRows: options.chunkRows, readAhead: options.readAhead)
            }
            try options.readAhead ? SingleThreadedBLAS.run(pass) : pass()
            guard meat.n == partial.n else {
                throw DataError(.badData, at: persons.location(),
                                "the file changed between passes: the sums read \(partial.n) persons with positive weight, the robust pass \(meat.n)")
            }
            partial.robust = PersonBasedRobustRound(coefficients: coefficients, meatLowerRows: meat.meatLowerRows)
        }
        return partial
    }

    /// n, the persons with positive weight.
    public var n: Int { sums.n }

    /// Refuses a partial that breaks its limits.
    func checkDisclosure(at location: SourceLocation) throws {
        guard n >= limits.minimumPersons else {
            throw DataError(.badData, at: location,
                            "expected at least \(limits.minimumPersons) persons with positive weight for a partial (--minimum-persons), found \(n): sums of so few persons could disclose individuals")
        }
        for (variable, counts) in zip(fingerprint.categorical, levelCounts) {
            let small = zip(variable.levels, counts).filter { $0.1 > 0 && $0.1 < limits.minimumCell }
            guard small.isEmpty else {
                let cells = small.map { "\(DataError.quoted($0.0)) (\($0.1))" }.joined(separator: ", ")
                throw DataError(.badData, at: location,
                                "expected at least \(limits.minimumCell) persons with positive weight at each level of \(variable.variable) that occurs (--minimum-cell), found \(cells): sums of so few persons could disclose individuals; merge the level with another in the model or pool sites")
            }
        }
    }
}

/// A site's second round for HC1 standard errors across data holders: the coefficients merged
/// from every site's first round, and the meat M̂ = Σ wᵢ²eᵢ²x̂ᵢx̂ᵢᵀ of the site's persons with
/// eᵢ = yᵢ − xᵢᵀb, about the partial's own shifts x̂ = x − ŝ. The meats of all sites, moved to
/// one shift and added, are the meat of the single-file HC1 (`RobustCovariance`).
public struct PersonBasedRobustRound: Sendable, Equatable {
    /// b, in design order.
    public var coefficients: [Double]
    /// Row i holds M̂[i, 0...i].
    public var meatLowerRows: [[Double]]

    public init(coefficients: [Double], meatLowerRows: [[Double]]) {
        self.coefficients = coefficients
        self.meatLowerRows = meatLowerRows
    }
}
