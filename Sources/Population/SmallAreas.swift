import Layouts
import Tables

/// Small areas (LSOAs) with numeric need variables: IMD score, rank and decile, populations, or
/// any variable a formula names. Every area has a value for every variable.
public struct SmallAreas: Sendable {
    /// Area codes (`E01000001`), unique, in file order.
    public let lsoaCodes: [String]
    /// Area names when the source had them (the IMD files do), else nil.
    public let lsoaNames: [String]?
    /// Values by variable name, each array in `lsoaCodes` order.
    public let variables: [String: [Double]]
    private let positions: [String: Int]

    /// Areas from their parts. Requires unique codes and one value per area for each variable.
    public init(lsoaCodes: [String], lsoaNames: [String]? = nil, variables: [String: [Double]]) {
        var positions: [String: Int] = [:]
        positions.reserveCapacity(lsoaCodes.count)
        for (index, code) in lsoaCodes.enumerated() {
            precondition(positions.updateValue(index, forKey: code) == nil, "SmallAreas: area \(code) twice")
        }
        precondition(variables.values.allSatisfy { $0.count == lsoaCodes.count }, "SmallAreas: one value per area")
        precondition(lsoaNames.map { $0.count == lsoaCodes.count } ?? true, "SmallAreas: one name per area")
        self.lsoaCodes = lsoaCodes
        self.lsoaNames = lsoaNames
        self.variables = variables
        self.positions = positions
    }

    public var count: Int { lsoaCodes.count }

    public func index(of lsoaCode: String) -> Int? { positions[lsoaCode] }

    /// The values of one variable, in `lsoaCodes` order.
    public func values(_ variable: String) -> [Double]? { variables[variable] }

    /// Variable names, sorted (dictionary order is not stable between runs).
    public var variableNames: [String] { variables.keys.sorted() }

    /// The variables of both, joined on the area code. Both must hold the same set of areas, and
    /// no variable may be in both; otherwise a `badData` error naming `other`'s source.
    public func merged(with other: SmallAreas, otherSource: String = "small areas") throws -> SmallAreas {
        guard other.count == count, other.lsoaCodes.allSatisfy({ positions[$0] != nil }) else {
            let missing = other.lsoaCodes.first { positions[$0] == nil } ?? lsoaCodes.first { other.positions[$0] == nil } ?? ""
            throw DataError(.badData, at: SourceLocation(file: otherSource, columnName: "lsoa_code"),
                            "expected the same areas in both files, found \(DataError.quoted(missing)) in only one")
        }
        var joined = variables
        for name in other.variableNames {
            if joined[name] != nil {
                throw DataError(.badData, at: SourceLocation(file: otherSource, columnName: name), "the variable \(name) is in both files")
            }
            let values = other.variables[name]!
            var aligned = Array(repeating: 0.0, count: count)
            for (index, code) in other.lsoaCodes.enumerated() { aligned[positions[code]!] = values[index] }
            joined[name] = aligned
        }
        var names = lsoaNames
        if names == nil, let otherNames = other.lsoaNames {
            var aligned = Array(repeating: "", count: count)
            for (index, code) in other.lsoaCodes.enumerated() { aligned[positions[code]!] = otherNames[index] }
            names = aligned
        }
        return SmallAreas(lsoaCodes: lsoaCodes, lsoaNames: names, variables: joined)
    }

    /// Reads the design's areas file: `lsoa_code` (required), `imd_score` (a number >= 0) and
    /// `imd_decile` (a whole number 1–10) when present, also under MHCLG's headers
    /// (`LSOA code (2011)`, `Index of Multiple Deprivation (IMD) Score`, … of `IndicesOfDeprivation2019`), and every column named in `variables`
    /// (required numbers). Errors (file, line, column): a repeated or empty code, a value out of
    /// range, an empty or non-numeric value.
    public static func read(path: String, name: String? = nil, variables: [String] = []) throws -> SmallAreas {
        try areas(from: TableReader.read(path: path, schema: schema(variables), name: name), variables: variables)
    }

    /// The same as `read(path:…)` for CSV bytes held in memory.
    public static func read(bytes: [UInt8], name: String, variables: [String] = []) throws -> SmallAreas {
        try areas(from: TableReader.read(bytes: bytes, name: name, schema: schema(variables)), variables: variables)
    }

    static func schema(_ variables: [String]) -> Schema {
        var columns = [IndicesOfDeprivation2019.lsoaCode.spec()]
        if !variables.contains("imd_score") { columns.append(IndicesOfDeprivation2019.imdScore.spec(.decimal(minimum: 0), optional: true)) }
        if !variables.contains("imd_decile") { columns.append(IndicesOfDeprivation2019.imdDecile.spec(.wholeNumber(minimum: 1), optional: true)) }
        columns += variables.map { ColumnSpec($0, .decimal()) }
        return Schema(columns)
    }

    static func areas(from table: Table, variables: [String]) throws -> SmallAreas {
        let codes = table.text("lsoa_code")
        try checkUniqueCodes(codes, table: table, column: "lsoa_code")
        var values: [String: [Double]] = [:]
        for variable in variables { values[variable] = table.decimals(variable) }
        if table.has("imd_score"), values["imd_score"] == nil { values["imd_score"] = table.decimals("imd_score") }
        if table.has("imd_decile"), values["imd_decile"] == nil {
            let deciles = table.wholeNumbers("imd_decile")
            if let row = deciles.firstIndex(where: { $0 > 10 }) {
                throw table.error(row: row, column: "imd_decile", "expected a decile from 1 to 10, found \(deciles[row])")
            }
            values["imd_decile"] = deciles.map(Double.init)
        }
        return SmallAreas(lsoaCodes: codes, variables: values)
    }

    static func checkUniqueCodes(_ codes: [String], table: Table, column: String) throws {
        var seen: [String: Int] = [:]
        seen.reserveCapacity(codes.count)
        for (row, code) in codes.enumerated() {
            if let first = seen.updateValue(row, forKey: code) {
                throw table.error(row: row, column: column, "the area \(DataError.quoted(code)) appears twice (also line \(table.lineNumbers[first]))")
            }
        }
    }
}
