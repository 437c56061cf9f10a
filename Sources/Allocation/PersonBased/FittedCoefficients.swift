import Tables

/// What a prediction needs from a fit: each term with its coefficient and national mean.
///
/// Built from a `PersonBasedFit` in memory, or read back from the coefficients CSV that
/// `consortium pbra fit` writes (columns `term`, `variable`, `level`, `role`, `coefficient`,
/// `national_mean`; other columns such as the standard errors are not needed and not read).
public struct FittedCoefficients: Sendable {
    public var terms: [DesignTerm]
    public var coefficients: [Double]
    /// Weighted mean of each term's column in the fitting data.
    public var nationalMeans: [Double]
    /// Where each term is written (a coefficients file's row), for messages.
    public var locations: [SourceLocation]
    /// The coefficients file, or a description of where the fit came from.
    public var source: String

    public init(terms: [DesignTerm], coefficients: [Double], nationalMeans: [Double], locations: [SourceLocation], source: String) {
        precondition(coefficients.count == terms.count && nationalMeans.count == terms.count && locations.count == terms.count,
                     "FittedCoefficients: one coefficient, mean and location per term")
        self.terms = terms
        self.coefficients = coefficients
        self.nationalMeans = nationalMeans
        self.locations = locations
        self.source = source
    }

    /// The coefficients of a fit held in memory.
    public init(_ fit: PersonBasedFit, source: String = "the fit") {
        self.init(terms: fit.terms, coefficients: fit.regression.coefficients, nationalMeans: fit.nationalMeans,
                  locations: fit.terms.map { _ in SourceLocation(file: source) }, source: source)
    }

    /// The levels of each categorical variable of `model` as the fit used them: the reference
    /// first (when there is one), then the levels of the indicator terms in their order.
    public func levels(for model: PersonBasedModel) -> [String: [String]] {
        var levels: [String: [String]] = [:]
        for variable in model.categorical {
            let indicated = terms.filter { $0.variable == variable.variable }.compactMap(\.level)
            levels[variable.variable] = (variable.reference.map { [$0] } ?? []) + indicated.filter { $0 != variable.reference }
        }
        return levels
    }

    /// Checks that these coefficients are of `design` (the same terms in the same order).
    ///
    /// - Throws: a bad-data error at the first term that differs.
    public func check(against design: PersonBasedDesign) throws {
        for (index, term) in design.terms.enumerated() {
            guard index < terms.count else {
                throw DataError(.badData, at: SourceLocation(file: source),
                                "the coefficients stop after \(terms.count) terms, but the model has \(design.termCount) (next: \(DataError.quoted(term.name)))")
            }
            guard terms[index].name == term.name, terms[index].role == term.role else {
                throw DataError(.badData, at: locations[index],
                                "term \(index + 1): expected \(DataError.quoted(term.name)) (\(term.role.rawValue)) as the model says, found \(DataError.quoted(terms[index].name)) (\(terms[index].role.rawValue))")
            }
        }
        if terms.count > design.termCount {
            throw DataError(.badData, at: locations[design.termCount],
                            "the term \(DataError.quoted(terms[design.termCount].name)) is not in the model, which has \(design.termCount) terms")
        }
    }
}

/// Reads the coefficients CSV written by `consortium pbra fit` (see `PersonBasedCSV`).
public enum FittedCoefficientsFile {
    public static func read(path: String) throws -> FittedCoefficients {
        let schema = Schema([
            ColumnSpec("term"), ColumnSpec("variable", allowsEmpty: true), ColumnSpec("level", allowsEmpty: true),
            ColumnSpec("role"), ColumnSpec("coefficient", .decimal()), ColumnSpec("national_mean", .decimal()),
        ])
        let table = try TableReader.read(path: path, schema: schema)
        let names = table.text("term"), variables = table.text("variable"), levels = table.text("level"), roles = table.text("role")
        var terms: [DesignTerm] = []
        for row in 0..<table.rowCount {
            guard let role = TermRole(rawValue: roles[row]) else {
                throw table.error(row: row, column: "role", "expected intercept, need or supply, found \(DataError.quoted(roles[row]))")
            }
            let kind: DesignTerm.Kind
            if role == .intercept {
                kind = .intercept
            } else if levels[row].isEmpty {
                kind = .numeric
            } else {
                kind = .indicator(level: levels[row])
            }
            if role != .intercept && variables[row].isEmpty {
                throw table.error(row: row, column: "variable", "expected the column the term is made from, found an empty field")
            }
            terms.append(DesignTerm(name: names[row], variable: variables[row], role: role, kind: kind))
        }
        guard !terms.isEmpty else {
            throw DataError(.badData, at: SourceLocation(file: path, line: 2), "expected a row per term, found none")
        }
        return FittedCoefficients(terms: terms, coefficients: table.decimals("coefficient"), nationalMeans: table.decimals("national_mean"),
                                  locations: (0..<table.rowCount).map { table.location(row: $0, column: "term") }, source: path)
    }
}
