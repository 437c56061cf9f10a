import Layouts
import Tables

/// A chunk of indicator input rows as read from a file (canonical layout or a Fingertips export),
/// with the typed columns the statistics use and the table kept for error locations.
///
/// Read a file with `TableReader(path:schema: IndicatorCounts.schema)` (whole or in chunks) and
/// wrap each `Table` in `IndicatorCounts(table:)`.
public struct IndicatorCounts: Sendable {
    /// The columns taken from either layout: the identity columns (text; `org_code` and
    /// `indicator_id` required and non-empty), and `numerator`, `denominator`, `value` as numbers
    /// that may be empty (Fingertips leaves a cell empty where a figure is missing; what to do with
    /// such rows is the caller's `MissingValuePolicy`).
    public static let schema = Schema([
        // Optional to the reader so that a file of neither layout is told what each layout needs
        // (`IndicatorLayout.detect`); every layout has both.
        ColumnSpec(IndicatorColumn.indicatorID.name, aliases: [IndicatorColumn.indicatorID.fingertipsName], optional: true),
        ColumnSpec(IndicatorColumn.orgCode.name, aliases: [IndicatorColumn.orgCode.fingertipsName, PHEIndicatorMethodsColumns.area.name],
                   optional: true),
        ColumnSpec(IndicatorColumn.areaType.name, aliases: [IndicatorColumn.areaType.fingertipsName], optional: true, allowsEmpty: true),
        ColumnSpec(IndicatorColumn.period.name, aliases: [IndicatorColumn.period.fingertipsName], optional: true, allowsEmpty: true),
        ColumnSpec(IndicatorColumn.sex.name, aliases: [IndicatorColumn.sex.fingertipsName], optional: true, allowsEmpty: true),
        ColumnSpec(IndicatorColumn.ageBand.name, aliases: [IndicatorColumn.ageBand.fingertipsName], optional: true, allowsEmpty: true),
        ColumnSpec(IndicatorColumn.categoryType.name, aliases: [IndicatorColumn.categoryType.fingertipsName], optional: true, allowsEmpty: true),
        ColumnSpec(IndicatorColumn.group.name, aliases: [IndicatorColumn.group.fingertipsName], optional: true, allowsEmpty: true),
        // PHEindicatormethods' names too (x, deaths, obs; n, population, pop), so a data frame
        // written for phe_proportion, phe_rate or phe_life_expectancy runs unchanged.
        ColumnSpec("numerator", .decimal(), aliases: ["Count"] + PHEIndicatorMethodsColumns.numerator.headers, optional: true, allowsEmpty: true),
        ColumnSpec("denominator", .decimal(), aliases: ["Denominator"] + PHEIndicatorMethodsColumns.denominator.headers, optional: true, allowsEmpty: true),
        ColumnSpec("value", .decimal(), aliases: ["Value"], optional: true, allowsEmpty: true),
    ])

    /// The schema to read with when published figures are compared: `schema` with the value and
    /// the published limits read as text (`published_value`, `published_lower95`, …; Fingertips'
    /// `Value`, `Lower CI 95.0 limit`, …), keeping the decimals they were written to.
    public static let comparingSchema = Schema(
        schema.columns.filter { $0.name != "value" } + PublishedFigures.columns.map { $0.spec(optional: true, allowsEmpty: true) })

    /// The schema for a request: `comparingSchema` when it compares published figures.
    public static func schema(for request: IndicatorRequest) -> Schema {
        request.comparesPublished ? comparingSchema : schema
    }

    public let table: Table
    public let layout: IndicatorLayout

    /// Wraps a table read with `schema`; recognises its layout from the header.
    public init(table: Table) throws {
        self.table = table
        layout = try IndicatorLayout.detect(header: table.header, source: table.source)
    }

    public var rowCount: Int { table.rowCount }

    /// Whether the input has the identity column.
    public func has(_ column: IndicatorColumn) -> Bool { table.has(column.name) }

    /// The values of an identity column, `sex` normalised to `M`/`F` where it names one
    /// (`male`, `Female`, …); other values (`Persons`) are kept as written.
    public func text(_ column: IndicatorColumn) -> [String] {
        let values = table.text(column.name)
        return column == .sex ? values.map(IndicatorCounts.normalisedSex) : values
    }

    /// The same values coded (`CodedText`), `sex` normalised over the distinct values only.
    public func coded(_ column: IndicatorColumn) -> CodedText {
        let coded = table.codedText(column.name)
        return column == .sex ? CodedText(codes: coded.codes, values: coded.values.map(IndicatorCounts.normalisedSex)) : coded
    }

    /// `M` for male, `F` for female (any letter case, or the word); anything else unchanged.
    public static func normalisedSex(_ label: String) -> String {
        switch label {
        case "M", "F": return label
        default:
            switch label.lowercased() {
            case "m", "male": return "M"
            case "f", "female": return "F"
            default: return label
            }
        }
    }

    /// The header name of a column in this input's layout, for messages.
    public func headerName(of column: String) -> String {
        guard layout == .fingertips else { return column }
        if let identity = IndicatorColumn(rawValue: column) { return identity.fingertipsName }
        switch column {
        case "numerator": return "Count"
        case "denominator": return "Denominator"
        case "value": return "Value"
        default: return column
        }
    }
}

/// What to do with a row whose numerator, denominator or value is empty.
public enum MissingValuePolicy: String, Sendable, CaseIterable {
    /// For a proportion or a rate: the group is written with an empty value and limits and the
    /// reason in `suppressed`, as Fingertips publishes suppressed or not-calculable figures, and
    /// the rows are counted (`IndicatorResults.passedRows`). The other statistics need every
    /// figure, so for them an empty one is an error, as with `error`. The CLI's default.
    case pass
    /// Stop with an error naming the file, line and column.
    case error
    /// Leave the row out and count it (`IndicatorResults.skippedRows`).
    case skip
}
