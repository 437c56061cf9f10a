import Layouts
import Tables

/// Readers for MHCLG's *English Indices of Deprivation 2019* LSOA files, read as published
/// (byte-order mark, names such as `LSOA code (2011)`, numbers written with thousands
/// separators inside quotes: `"29,199"`, read under the explicit `.commaThousands` rule).
public enum IndicesOfDeprivation2019 {
    /// The small-area code as the design names it and as MHCLG heads it (2011 LSOAs in the 2019
    /// release; ONS lookups write `LSOA11CD`).
    public static let lsoaCode = KnownColumn("lsoa_code", headers: ["LSOA code (2011)", "LSOA11CD", "LSOA code (2021)", "LSOA21CD"])
    /// The IMD score (higher = more deprived), File 5 and File 7 of the release.
    public static let imdScore = KnownColumn("imd_score", headers: ["Index of Multiple Deprivation (IMD) Score"])
    /// The IMD decile (1 = most deprived tenth), File 1 and (with the explanation) File 7.
    public static let imdDecile = KnownColumn("imd_decile", headers: ["Index of Multiple Deprivation (IMD) Decile",
                                                                     "Index of Multiple Deprivation (IMD) Decile (where 1 is most deprived 10% of LSOAs)"])

    /// File 1 (*index of multiple deprivation*): `LSOA code (2011)`, `LSOA name (2011)`,
    /// `Index of Multiple Deprivation (IMD) Rank`, `Index of Multiple Deprivation (IMD) Decile`,
    /// as areas with variables `imd_rank` (1 = most deprived) and `imd_decile` (1 = most deprived
    /// tenth). Errors (file, line, column): a repeated or empty code, a rank below 1, a decile
    /// outside 1–10, a malformed number (`2,91`).
    ///
    /// The published ranks are not a permutation: areas with equal scores share a rank and the
    /// next rank is skipped (26 such pairs in 2019), so the file is not checked for one.
    public static func readRanks(path: String, name: String? = nil) throws -> SmallAreas {
        let table = try TableReader.read(path: path, schema: Schema([
            ColumnSpec("lsoa_code", aliases: ["LSOA code (2011)"]),
            ColumnSpec("lsoa_name", aliases: ["LSOA name (2011)"]),
            ColumnSpec("imd_rank", .wholeNumber(minimum: 1), aliases: ["Index of Multiple Deprivation (IMD) Rank"], grouping: .commaThousands),
            ColumnSpec("imd_decile", .wholeNumber(minimum: 1), aliases: ["Index of Multiple Deprivation (IMD) Decile"]),
        ]), name: name)
        let codes = table.text("lsoa_code")
        try SmallAreas.checkUniqueCodes(codes, table: table, column: "lsoa_code")
        let deciles = table.wholeNumbers("imd_decile")
        if let row = deciles.firstIndex(where: { $0 > 10 }) {
            throw table.error(row: row, column: "imd_decile", "expected a decile from 1 to 10, found \(deciles[row])")
        }
        return SmallAreas(lsoaCodes: codes, lsoaNames: table.text("lsoa_name"), variables: [
            "imd_rank": table.wholeNumbers("imd_rank").map(Double.init), "imd_decile": deciles.map(Double.init),
        ])
    }

    /// The population columns of File 6 and the variable each becomes.
    public static let populationColumns: [(published: String, variable: String)] = [
        ("Total population: mid 2015 (excluding prisoners)", "population"),
        ("Dependent Children aged 0-15: mid 2015 (excluding prisoners)", "population_0_15"),
        ("Population aged 16-59: mid 2015 (excluding prisoners)", "population_16_59"),
        ("Older population aged 60 and over: mid 2015 (excluding prisoners)", "population_60_plus"),
        ("Working age population 18-59/64: for use with Employment Deprivation Domain (excluding prisoners)", "population_working_age"),
    ]

    /// File 6 (*population denominators*): mid-2015 populations per LSOA as variables
    /// `population`, `population_0_15`, `population_16_59`, `population_60_plus`,
    /// `population_working_age`. Errors (file, line, column): a repeated or empty code, a
    /// negative or malformed count, and a row whose three age groups (0-15, 16-59, 60+) do not
    /// add up to its total.
    public static func readPopulations(path: String, name: String? = nil) throws -> SmallAreas {
        var columns = [ColumnSpec("lsoa_code", aliases: ["LSOA code (2011)"]), ColumnSpec("lsoa_name", aliases: ["LSOA name (2011)"])]
        columns += populationColumns.map { ColumnSpec($0.variable, .wholeNumber(minimum: 0), aliases: [$0.published], grouping: .commaThousands) }
        let table = try TableReader.read(path: path, schema: Schema(columns), name: name)
        let codes = table.text("lsoa_code")
        try SmallAreas.checkUniqueCodes(codes, table: table, column: "lsoa_code")
        let total = table.wholeNumbers("population")
        let children = table.wholeNumbers("population_0_15")
        let middle = table.wholeNumbers("population_16_59")
        let older = table.wholeNumbers("population_60_plus")
        for row in 0..<table.rowCount where children[row] + middle[row] + older[row] != total[row] {
            throw table.error(row: row, column: "population",
                              "expected the sum of the three age groups, \(children[row] + middle[row] + older[row]), found \(total[row])")
        }
        var variables: [String: [Double]] = [:]
        for column in populationColumns { variables[column.variable] = table.wholeNumbers(column.variable).map(Double.init) }
        return SmallAreas(lsoaCodes: codes, lsoaNames: table.text("lsoa_name"), variables: variables)
    }
}
