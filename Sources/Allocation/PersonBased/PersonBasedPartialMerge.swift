import Linear
import Tables

extension PersonBasedPartial {
    /// The fit of the persons of all `partials` together, from their sums: the normal equations
    /// are added (`NormalEquationsAccumulator.merge`, each site's sums moved to the first site's
    /// shift) and solved as `PersonBasedRegression` solves a single file's, the column totals are
    /// added (compensated), and the rows read are summed. The result equals the fit of the
    /// concatenated persons up to rounding (docs/pbra-model.md, "Fitting across data holders").
    /// It has classical standard errors only (no robust covariance) and no passes over a file.
    ///
    /// - Parameter partials: each partial with the name of its file, for messages.
    /// - Throws: bad-data errors naming the files for a fingerprint that differs from the first
    ///   partial's, for sums whose sizes do not match the model, and, as the fit, for aliased
    ///   terms or no more persons than terms.
    ///
    /// With `robust`, every partial must hold a second round (`PersonBasedRobustRound`) computed
    /// with the same coefficients, which must be those of this merge (to 1e-8 of the larger of
    /// |b| and its standard error: the coefficients file of a merge of the same sites in another
    /// order differs only by rounding); their meats are moved to the merged fit's shift and added,
    /// and the fit gets the HC1 covariance n/(n − p)·(XᵀWX)⁻¹M(XᵀWX)⁻¹.
    public static func merge(_ partials: [(name: String, partial: PersonBasedPartial)], robust: Bool = false,
                             aliasingTolerance: Double = NormalEquationsAccumulator.defaultAliasingTolerance) throws -> PersonBasedFit {
        guard let first = partials.first else {
            preconditionFailure("PersonBasedPartial.merge: no partials")
        }
        for other in partials.dropFirst() where other.partial.fingerprint != first.partial.fingerprint {
            throw DataError(.badData, at: SourceLocation(file: other.name),
                            "expected the model of \(first.name), found a different one: \(Self.difference(first.partial.fingerprint, other.partial.fingerprint)); partials merge only when every site fitted the same model")
        }
        let design = try PersonBasedDesign(model: first.partial.fingerprint.model(location: SourceLocation(file: first.name)))
        var merged = try PersonBasedSums(design: design)
        for (name, partial) in partials {
            try partial.checkShape(design: design, name: name)
            try merged.accumulator.merge(NormalEquationsAccumulator(sums: partial.sums))
            merged.columnSums.add(partial.columnTotals)
            merged.rowsRead += partial.sums.rowsAdded
        }
        let location = SourceLocation(file: partials.map(\.name).joined(separator: ", "))
        let regression = try PersonBasedRegression.solve(merged.accumulator, at: location, tolerance: aliasingTolerance)
        let covariance = robust ? try robustCovariance(partials, regression: regression) : nil
        return try merged.fit(regression: regression, robust: covariance, passes: 0, timings: PersonBasedFitTimings())
    }

    /// HC1 from the partials' second rounds (see `merge`).
    static func robustCovariance(_ partials: [(name: String, partial: PersonBasedPartial)], regression: RegressionFit) throws -> RobustCovariance {
        var accumulator = RobustCovarianceAccumulator(fit: regression)
        var used: (name: String, coefficients: [Double])?
        for (name, partial) in partials {
            let location = SourceLocation(file: name)
            guard let round = partial.robust, let shifts = partial.sums.columnShifts else {
                throw DataError(.badData, at: location,
                                "expected a second-round partial (pbra partial --robust --coefficients), found a first-round one")
            }
            let p = regression.p
            guard round.coefficients.count == p, round.meatLowerRows.count == p,
                  round.meatLowerRows.enumerated().allSatisfy({ $0.element.count == $0.offset + 1 }) else {
                throw DataError(.badData, at: location, "expected \(p) coefficients and \(p) rows of meat sums")
            }
            if let used, used.coefficients != round.coefficients {
                throw DataError(.badData, at: location,
                                "expected the coefficients of \(used.name)'s second round, found others: every site's second round must use the same merged coefficients")
            }
            used = (name, round.coefficients)
            for j in 0..<p {
                let scale = max(abs(regression.coefficients[j]), regression.standardErrors[j])
                guard abs(round.coefficients[j] - regression.coefficients[j]) <= 1e-8 * scale else {
                    throw DataError(.badData, at: location,
                                    "expected the coefficient of \(regression.columnNames[j]) merged from these partials, \(regression.coefficients[j]), found \(round.coefficients[j]): the second round must use the coefficients of the first round's merge")
                }
            }
            try accumulator.add(meat: round.meatLowerRows, columnShifts: shifts, n: partial.sums.n, rowsAdded: partial.sums.rowsAdded)
        }
        return try accumulator.hc1()
    }

    /// Checks that the sums have the sizes of `design` (a file edited by hand, or written by
    /// another version, might not).
    func checkShape(design: PersonBasedDesign, name: String) throws {
        let location = SourceLocation(file: name)
        guard sums.columnNames == design.termNames else {
            throw DataError(.badData, at: location,
                            "expected sums for the terms \(design.termNames.joined(separator: ", ")), found \(sums.columnNames.joined(separator: ", "))")
        }
        guard sums.isWeighted == (fingerprint.weights != nil) else {
            throw DataError(.badData, at: location, "expected \(fingerprint.weights == nil ? "unweighted" : "weighted") sums, as the model")
        }
        guard columnTotals.count == design.termCount else {
            throw DataError(.badData, at: location, "expected \(design.termCount) column totals, found \(columnTotals.count)")
        }
        for (variable, counts) in zip(fingerprint.categorical, levelCounts) where counts.count != variable.levels.count {
            throw DataError(.badData, at: location,
                            "expected \(variable.levels.count) level counts of \(variable.variable), found \(counts.count)")
        }
        guard levelCounts.count == fingerprint.categorical.count else {
            throw DataError(.badData, at: location,
                            "expected level counts of \(fingerprint.categorical.count) categorical variables, found \(levelCounts.count)")
        }
    }

    /// The first way two fingerprints differ, in words.
    static func difference(_ a: PersonBasedModelFingerprint, _ b: PersonBasedModelFingerprint) -> String {
        func list(_ names: [String]) -> String { names.isEmpty ? "none" : names.map { DataError.quoted($0) }.joined(separator: ", ") }
        if a.response != b.response { return "response \(DataError.quoted(b.response)) instead of \(DataError.quoted(a.response))" }
        if a.intercept != b.intercept { return "intercept = \(b.intercept) instead of \(a.intercept)" }
        if a.weights != b.weights { return "weights \(list(b.weights.map { [$0] } ?? [])) instead of \(list(a.weights.map { [$0] } ?? []))" }
        if a.need != b.need { return "need \(list(b.need)) instead of \(list(a.need))" }
        if a.supply != b.supply { return "supply \(list(b.supply)) instead of \(list(a.supply))" }
        if a.categorical.map(\.variable) != b.categorical.map(\.variable) {
            return "categorical variables \(list(b.categorical.map(\.variable))) instead of \(list(a.categorical.map(\.variable)))"
        }
        for (x, y) in zip(a.categorical, b.categorical) where x != y {
            if x.role != y.role { return "\(x.variable) is \(y.role.rawValue) instead of \(x.role.rawValue)" }
            if x.reference != y.reference {
                return "reference level of \(x.variable) \(list(y.reference.map { [$0] } ?? [])) instead of \(list(x.reference.map { [$0] } ?? []))"
            }
            return "levels of \(x.variable) \(list(y.levels)) instead of \(list(x.levels))"
        }
        return "none found"
    }
}
