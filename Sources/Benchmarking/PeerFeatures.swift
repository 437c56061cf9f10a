import Tables

/// The characteristics of organisations from which peer groups are found: one row per
/// organisation, one numeric column per feature (list size, age profile, deprivation, rurality, …).
public struct PeerFeatures: Sendable {
    /// The organisations, in file order.
    public let organisationCodes: [String]
    /// The feature columns' names.
    public let featureNames: [String]
    /// One array per feature, aligned with `organisationCodes`.
    public let columns: [[Double]]
    /// Where each feature came from (file, header line, column), for messages about a whole column.
    public let featureLocations: [SourceLocation]
    /// Where each organisation came from (file, line), for messages about a row.
    public let organisationLocations: [SourceLocation]

    /// Features held in memory (tests, generated data). `source` names them in messages.
    public init(organisationCodes: [String], featureNames: [String], columns: [[Double]], source: String = "features") {
        precondition(columns.count == featureNames.count, "PeerFeatures: one column per feature name")
        precondition(columns.allSatisfy { $0.count == organisationCodes.count }, "PeerFeatures: one value per organisation in every column")
        self.organisationCodes = organisationCodes
        self.featureNames = featureNames
        self.columns = columns
        featureLocations = featureNames.map { SourceLocation(file: source, line: 1, columnName: $0) }
        organisationLocations = organisationCodes.indices.map { SourceLocation(file: source, line: $0 + 2) }
    }

    /// The schema of a features file: `org_code` (or `practice_code`) and the named numeric features.
    public static func schema(featureNames: [String]) -> Schema {
        Schema([ColumnSpec("org_code", aliases: ["practice_code", "Area Code"])] + featureNames.map { ColumnSpec($0, .decimal()) })
    }

    /// The columns of a header used as features when none are named: every column except the code
    /// column and the columns whose names end in `_code` or `_name` (labels, not measurements).
    public static func defaultFeatureNames(header: [String]) -> [String] {
        header.filter { name in
            !["org_code", "practice_code", "Area Code"].contains(name) && !name.hasSuffix("_code") && !name.hasSuffix("_name") && !name.isEmpty
        }
    }

    /// Reads a table read with `schema(featureNames:)`. Duplicate organisation codes are errors.
    public init(table: Table, featureNames: [String]) throws {
        guard table.rowCount > 0 else {
            throw DataError(.badData, at: SourceLocation(file: table.source, line: 2), "no organisations (expected one row per organisation)")
        }
        let codes = table.text("org_code")
        var seen: [String: Int] = [:]
        for (row, code) in codes.enumerated() {
            if code.isEmpty { throw table.error(row: row, column: "org_code", "expected an organisation code, found an empty field") }
            if let first = seen[code] {
                throw table.error(row: row, column: "org_code", "the organisation \(DataError.quoted(code)) appears twice (also line \(table.lineNumbers[first]))")
            }
            seen[code] = row
        }
        organisationCodes = codes
        self.featureNames = featureNames
        columns = featureNames.map { table.decimals($0) }
        featureLocations = featureNames.map { name in
            var location = table.location(row: 0, column: name)
            location.line = 1
            return location
        }
        organisationLocations = (0..<table.rowCount).map { table.location(row: $0) }
    }
}
