import Tables

/// One row of an OHID Fingertips export: an indicator's value for one area and period, with the
/// published count, denominator, confidence limits and comparison with England. A field that is
/// empty in the file (missing or suppressed) is nil; a column the export lacks is nil too.
public struct FingertipsRow: Hashable, Sendable {
    public var indicatorID: Int
    public var indicatorName: String?
    public var parentCode: String?
    public var parentName: String?
    public var areaCode: String
    public var areaName: String
    /// `GPs`, `England`, `ICBs`, `ICB sub-locations`, `UA`, `District`, …
    public var areaType: String?
    /// `Persons`, `Male`, `Female`.
    public var sex: String?
    /// As published, e.g. `15+ yrs`.
    public var age: String?
    public var categoryType: String?
    public var category: String?
    /// `2022/23`, or the year (`2019`) in exports that call the column `Year`.
    public var timePeriod: String
    public var value: Double?
    public var lower95: Double?
    public var upper95: Double?
    public var lower998: Double?
    public var upper998: Double?
    public var count: Double?
    public var denominator: Double?
    /// `Better`, `Similar`, `Worse`, `Lower`, `Higher`, `Not compared`, …
    public var comparedToEngland: String?
    /// Whether the area still exists (exports with `IsAreaCurrent`).
    public var isAreaCurrent: Bool?
}

/// An OHID Fingertips export read as published: the *Download data* layout (`Indicator ID`,
/// `Area Code`, `Area Name`, `Area Type`, `Time period`, `Value`, `Lower CI 95.0 limit`, …,
/// `Count`, `Denominator`, `Compared to England value or percentiles`) and the compact API
/// layout (`IndicatorID`, `Year`, `AreaCode`, `AreaName`, `IsAreaCurrent`, `Value`).
///
/// Empty cells are missing values (nil), never zero. Rows of every area type are kept; select
/// with `rows(areaType:)`. A row repeating an earlier one exactly is read once (`repeatedRows`);
/// a repeated key (indicator, area, period, sex, age, category) with other figures is an error.
public struct FingertipsExport: Sendable {
    public let source: String
    public let rows: [FingertipsRow]
    /// Rows read once because they repeat an earlier row exactly (England under each parent).
    public var repeatedRows = 0

    public init(source: String, rows: [FingertipsRow]) {
        self.source = source
        self.rows = rows
    }

    /// Rows whose `Area Type` is `areaType` (`GPs` for practices).
    public func rows(areaType: String) -> [FingertipsRow] {
        rows.filter { $0.areaType == areaType }
    }

    /// Rows for one area code.
    public func rows(areaCode: String) -> [FingertipsRow] {
        rows.filter { $0.areaCode == areaCode }
    }

    /// The England row (area type `England`), the comparator of `Compared to England …`; nil when
    /// the export has none or several.
    public var england: FingertipsRow? {
        let found = rows.filter { $0.areaType == "England" }
        return found.count == 1 ? found[0] : nil
    }

    static let schema = Schema([
        ColumnSpec("Indicator ID", .wholeNumber(), aliases: ["IndicatorID"]),
        ColumnSpec("Indicator Name", optional: true, allowsEmpty: true),
        ColumnSpec("Parent Code", optional: true, allowsEmpty: true),
        ColumnSpec("Parent Name", optional: true, allowsEmpty: true),
        ColumnSpec("Area Code", aliases: ["AreaCode"]),
        ColumnSpec("Area Name", aliases: ["AreaName"], allowsEmpty: true),
        ColumnSpec("Area Type", optional: true, allowsEmpty: true),
        ColumnSpec("Sex", optional: true, allowsEmpty: true),
        ColumnSpec("Age", optional: true, allowsEmpty: true),
        ColumnSpec("Category Type", optional: true, allowsEmpty: true),
        ColumnSpec("Category", optional: true, allowsEmpty: true),
        ColumnSpec("Time period", aliases: ["Year"]),
        ColumnSpec("Value", .decimal(), allowsEmpty: true),
        ColumnSpec("Lower CI 95.0 limit", .decimal(), optional: true, allowsEmpty: true),
        ColumnSpec("Upper CI 95.0 limit", .decimal(), optional: true, allowsEmpty: true),
        ColumnSpec("Lower CI 99.8 limit", .decimal(), optional: true, allowsEmpty: true),
        ColumnSpec("Upper CI 99.8 limit", .decimal(), optional: true, allowsEmpty: true),
        ColumnSpec("Count", .decimal(minimum: 0), optional: true, allowsEmpty: true),
        ColumnSpec("Denominator", .decimal(minimum: 0), optional: true, allowsEmpty: true),
        ColumnSpec("Compared to England value or percentiles", optional: true, allowsEmpty: true),
        ColumnSpec("IsAreaCurrent", .wholeNumber(minimum: 0), optional: true),
    ])

    /// Reads an export. Errors (file, line, column): a missing required column (`Indicator ID`,
    /// `Area Code`, `Area Name`, `Time period`/`Year`, `Value`), an empty area code or period, a
    /// badly formed number, a negative count or denominator, `IsAreaCurrent` other than 0 or 1,
    /// a repeated key with other figures (both lines).
    public static func read(path: String, name: String? = nil) throws -> FingertipsExport {
        try export(from: TableReader.read(path: path, schema: schema, name: name))
    }

    /// The same as `read(path:…)` for CSV bytes held in memory.
    public static func read(bytes: [UInt8], name: String) throws -> FingertipsExport {
        try export(from: TableReader.read(bytes: bytes, name: name, schema: schema))
    }

    static func export(from read: Table) throws -> FingertipsExport {
        // England repeats under every parent area: exact repeats are one row; the same identity
        // with other figures is an error naming both lines.
        let collapsed = try read.collapsingRepeats(
            identity: ["Indicator ID", "Area Code", "Area Type", "Time period", "Sex", "Age", "Category Type", "Category"],
            figures: ["Value", "Lower CI 95.0 limit", "Upper CI 95.0 limit", "Lower CI 99.8 limit", "Upper CI 99.8 limit",
                      "Count", "Denominator"], headerNames: true)
        let table = collapsed.table
        func text(_ column: String) -> [String]? { table.has(column) ? table.text(column) : nil }
        func numbers(_ column: String) -> [Double?]? { table.has(column) ? table.optionalDecimals(column) : nil }
        func present(_ values: [String]?, _ row: Int) -> String? {
            guard let value = values?[row], !value.isEmpty else { return nil }
            return value
        }
        let ids = table.wholeNumbers("Indicator ID")
        let names = text("Indicator Name"), parentCodes = text("Parent Code"), parentNames = text("Parent Name")
        let areaCodes = table.text("Area Code"), areaNames = table.text("Area Name")
        let areaTypes = text("Area Type"), sexes = text("Sex"), ages = text("Age")
        let categoryTypes = text("Category Type"), categories = text("Category")
        let periods = table.text("Time period")
        let values = table.optionalDecimals("Value")
        let lower95 = numbers("Lower CI 95.0 limit"), upper95 = numbers("Upper CI 95.0 limit")
        let lower998 = numbers("Lower CI 99.8 limit"), upper998 = numbers("Upper CI 99.8 limit")
        let counts = numbers("Count"), denominators = numbers("Denominator")
        let compared = text("Compared to England value or percentiles")
        let current = table.has("IsAreaCurrent") ? table.wholeNumbers("IsAreaCurrent") : nil

        struct Key: Hashable { let id: Int; let area, period: String; let sex, age, category: String? }
        var seen: [Key: Int] = [:]
        var rows: [FingertipsRow] = []
        rows.reserveCapacity(table.rowCount)
        for row in 0..<table.rowCount {
            if let current, current[row] > 1 {
                throw table.error(row: row, column: "IsAreaCurrent", "expected 0 or 1, found \(current[row])")
            }
            let key = Key(id: ids[row], area: areaCodes[row], period: periods[row], sex: present(sexes, row), age: present(ages, row),
                          category: present(categories, row))
            if let first = seen.updateValue(row, forKey: key) {
                throw table.error(row: row, column: "Area Code",
                                  "the area \(areaCodes[row]) has two rows for indicator \(ids[row]), \(periods[row]) (also line \(table.lineNumbers[first]))")
            }
            rows.append(FingertipsRow(
                indicatorID: ids[row], indicatorName: present(names, row), parentCode: present(parentCodes, row),
                parentName: present(parentNames, row), areaCode: areaCodes[row], areaName: areaNames[row],
                areaType: present(areaTypes, row), sex: present(sexes, row), age: present(ages, row),
                categoryType: present(categoryTypes, row), category: present(categories, row), timePeriod: periods[row],
                value: values[row], lower95: lower95?[row] ?? nil, upper95: upper95?[row] ?? nil,
                lower998: lower998?[row] ?? nil, upper998: upper998?[row] ?? nil,
                count: counts?[row] ?? nil, denominator: denominators?[row] ?? nil,
                comparedToEngland: present(compared, row), isAreaCurrent: current.map { $0[row] == 1 }))
        }
        var export = FingertipsExport(source: table.source, rows: rows)
        export.repeatedRows = collapsed.repeats
        return export
    }
}
