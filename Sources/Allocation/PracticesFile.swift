import Tables

/// The practices file as the budget needs it: codes, consortia, and the practice variables named
/// by the formula (`practice_code` and `consortium_code` required; codes unique).
struct PracticesFile {
    var file: String
    var codes: [String]
    var consortiumCodes: [String]
    var locations: [SourceLocation]
    var indexByCode: [String: Int]
    /// `registered_patients`, when the column was needed.
    var registeredPatients: [Double]?
    /// The formula's population column, for a column basis.
    var populationColumn: [Double]?
    /// Values of the components read from practice variables, by component name; for a table
    /// form, the category's factor.
    var componentValues: [String: [Double]]

    static func read(path: String, formula: AllocationFormula, needsRegisteredColumn: Bool) throws -> PracticesFile {
        var specs = [ColumnSpec("practice_code"), ColumnSpec("consortium_code")]
        var numeric: Set<String> = []
        var categorical: Set<String> = []
        func addNumeric(_ name: String) {
            if numeric.insert(name).inserted { specs.append(ColumnSpec(name, .decimal())) }
        }
        if needsRegisteredColumn {
            numeric.insert("registered_patients")
            specs.append(ColumnSpec("registered_patients", .decimal(minimum: 0)))
        }
        if case .practiceColumn(let column) = formula.population, !numeric.contains(column) {
            numeric.insert(column)
            specs.append(ColumnSpec(column, .decimal(minimum: 0)))
        }
        let practiceComponents = formula.indexedVariables.filter { $0.source == .practices }
        for component in practiceComponents {
            if component.form.isCategorical {
                if categorical.insert(component.variable).inserted { specs.append(ColumnSpec(component.variable)) }
            } else {
                addNumeric(component.variable)
            }
        }
        if let clash = numeric.intersection(categorical).first {
            throw DataError(.badData, at: formula.location,
                            "the practice variable \(clash) is used both as a category (form = \"table\") and as a number; use two columns")
        }
        let table = try TableReader.read(path: path, schema: Schema(specs))
        let codes = table.text("practice_code")
        var indexByCode: [String: Int] = [:]
        indexByCode.reserveCapacity(codes.count)
        for (row, code) in codes.enumerated() {
            if let first = indexByCode[code] {
                throw table.error(row: row, column: "practice_code",
                                  "duplicate practice code \(DataError.quoted(code)) (first on line \(table.lineNumbers[first]))")
            }
            indexByCode[code] = row
        }
        var componentValues: [String: [Double]] = [:]
        for component in practiceComponents {
            switch component.form {
            case .table(let factors):
                let categories = table.text(component.variable)
                var values: [Double] = []
                values.reserveCapacity(categories.count)
                for (row, category) in categories.enumerated() {
                    guard let factor = factors[category] else {
                        throw table.error(row: row, column: component.variable,
                                          "\(component.name): expected one of the formula's categories (\(factors.keys.sorted().joined(separator: ", "))), found \(DataError.quoted(category))")
                    }
                    values.append(factor)
                }
                componentValues[component.name] = values
            default:
                componentValues[component.name] = table.decimals(component.variable)
            }
        }
        var populationColumn: [Double]?
        if case .practiceColumn(let column) = formula.population {
            populationColumn = table.decimals(column)
            if let row = populationColumn!.firstIndex(where: { $0 < 0 }) {
                throw table.error(row: row, column: column, "expected a population >= 0, found \(populationColumn![row])")
            }
        }
        var registered: [Double]?
        if needsRegisteredColumn {
            registered = table.decimals("registered_patients")
        }
        return PracticesFile(
            file: path, codes: codes, consortiumCodes: table.text("consortium_code"),
            locations: (0..<table.rowCount).map { table.location(row: $0, column: "practice_code") },
            indexByCode: indexByCode, registeredPatients: registered, populationColumn: populationColumn,
            componentValues: componentValues)
    }
}
