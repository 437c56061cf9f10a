import Tables

extension PracticeFrame {
    /// Text columns of the canonical practices file that are read when present.
    public static let optionalTextColumns = [
        "practice_name", "consortium_name", "pcn_code", "pcn_name", "region_code", "region_name", "locality",
    ]

    /// Numeric columns of the canonical practices file that are read when present, into
    /// `Practice.attributes`.
    public static let optionalNumericColumns = ["market_forces_factor", "imd_score"]

    /// Reads the design's practices file: `practice_code`, `consortium_code` (required), the
    /// optional text columns above (an empty cell is a missing value), `market_forces_factor`
    /// and `imd_score` when present, every column named in `attributes` (required numbers) and
    /// every column named in `labels` (required text, kept in `Practice.labels`).
    ///
    /// Errors (file, line, column): a repeated practice code; an empty code; a market forces
    /// factor that is not > 0; an IMD score below 0; an empty or non-numeric attribute.
    public static func read(path: String, name: String? = nil, attributes: [String] = [], labels: [String] = []) throws -> PracticeFrame {
        let reader = try TableReader(path: path, schema: schema(attributes: attributes, labels: labels), name: name)
        return try frame(from: reader.readAll(), attributes: attributes, labels: labels)
    }

    /// The same as `read(path:…)` for CSV bytes held in memory.
    public static func read(bytes: [UInt8], name: String, attributes: [String] = [], labels: [String] = []) throws -> PracticeFrame {
        let table = try TableReader.read(bytes: bytes, name: name, schema: schema(attributes: attributes, labels: labels))
        return try frame(from: table, attributes: attributes, labels: labels)
    }

    static func schema(attributes: [String], labels: [String]) -> Schema {
        var columns = [ColumnSpec("practice_code"), ColumnSpec("consortium_code")]
        columns += optionalTextColumns.map { ColumnSpec($0, optional: true, allowsEmpty: true) }
        columns += optionalNumericColumns.filter { !attributes.contains($0) }.map { ColumnSpec($0, .decimal(), optional: true) }
        columns += attributes.map { ColumnSpec($0, .decimal()) }
        columns += labels.map { ColumnSpec($0) }
        return Schema(columns)
    }

    static func frame(from table: Table, attributes: [String], labels: [String]) throws -> PracticeFrame {
        let codes = table.text("practice_code")
        let consortia = table.text("consortium_code")
        var optionalText: [String: [String]] = [:]
        for column in optionalTextColumns where table.has(column) { optionalText[column] = table.text(column) }
        var numeric: [String: [Double]] = [:]
        for column in Set(optionalNumericColumns + attributes) where table.has(column) { numeric[column] = table.decimals(column) }
        let labelValues = labels.map { table.text($0) }
        func text(_ column: String, _ row: Int) -> String? {
            guard let value = optionalText[column]?[row], !value.isEmpty else { return nil }
            return value
        }
        var seen: [String: Int] = [:]
        var practices: [Practice] = []
        practices.reserveCapacity(table.rowCount)
        for row in 0..<table.rowCount {
            if let first = seen[codes[row]] {
                throw table.error(row: row, column: "practice_code",
                                  "the practice \(DataError.quoted(codes[row])) appears twice (also line \(table.lineNumbers[first]))")
            }
            seen[codes[row]] = row
            if let factors = numeric["market_forces_factor"], !(factors[row] > 0) {
                throw table.error(row: row, column: "market_forces_factor", "expected a factor > 0, found \(Table.formatNumber(factors[row]))")
            }
            if let scores = numeric["imd_score"], scores[row] < 0 {
                throw table.error(row: row, column: "imd_score", "expected a score >= 0, found \(Table.formatNumber(scores[row]))")
            }
            var practiceAttributes: [String: Double] = [:]
            for (column, values) in numeric { practiceAttributes[column] = values[row] }
            var practiceLabels: [String: String] = [:]
            for (column, values) in zip(labels, labelValues) { practiceLabels[column] = values[row] }
            practices.append(Practice(
                code: codes[row], consortiumCode: consortia[row], name: text("practice_name", row),
                consortiumName: text("consortium_name", row), pcnCode: text("pcn_code", row), pcnName: text("pcn_name", row),
                regionCode: text("region_code", row), regionName: text("region_name", row), locality: text("locality", row),
                attributes: practiceAttributes, labels: practiceLabels))
        }
        return try PracticeFrame(practices: practices, source: table.source)
    }
}
