import Tables

/// Small-area need variables: `lsoa_code` (unique) and the columns the formula's area components
/// name. Holds each component's value per area: the variable, or its table factor.
struct AreasFile {
    var file: String
    var indexByCode: [String: Int]
    var values: [String: [Double]]

    static func read(path: String, components: [IndexComponent]) throws -> AreasFile {
        var specs = [ColumnSpec("lsoa_code")]
        var names: Set<String> = ["lsoa_code"]
        for component in components where names.insert(component.variable).inserted {
            specs.append(component.form.isCategorical ? ColumnSpec(component.variable) : ColumnSpec(component.variable, .decimal()))
        }
        let table = try TableReader.read(path: path, schema: Schema(specs))
        let codes = table.text("lsoa_code")
        var indexByCode: [String: Int] = [:]
        indexByCode.reserveCapacity(codes.count)
        for (row, code) in codes.enumerated() {
            if let first = indexByCode[code] {
                throw table.error(row: row, column: "lsoa_code", "duplicate area code \(DataError.quoted(code)) (first on line \(table.lineNumbers[first]))")
            }
            indexByCode[code] = row
        }
        var values: [String: [Double]] = [:]
        for component in components {
            if case .table(let factors) = component.form {
                let categories = table.text(component.variable)
                var column: [Double] = []
                column.reserveCapacity(categories.count)
                for (row, category) in categories.enumerated() {
                    guard let factor = factors[category] else {
                        throw table.error(row: row, column: component.variable,
                                          "\(component.name): expected one of the formula's categories (\(factors.keys.sorted().joined(separator: ", "))), found \(DataError.quoted(category))")
                    }
                    column.append(factor)
                }
                values[component.name] = column
            } else {
                values[component.name] = table.decimals(component.variable)
            }
        }
        return AreasFile(file: path, indexByCode: indexByCode, values: values)
    }
}
