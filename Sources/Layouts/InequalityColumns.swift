import Tables

/// The columns of inequality input (`consortium inequality --indicator`), under the engine's
/// names, with the headers of the layouts read as they are: the design's canonical layout, an
/// OHID Fingertips export (`FingertipsColumns`) and a data frame prepared for PHEindicatormethods'
/// `phe_sii` (`PHEIndicatorMethodsColumns`), so that a file written for any of them runs
/// unchanged. Headers are matched by `headerKey`. docs/layouts/inequality.md lists them.
public enum InequalityColumns {
    /// A column known by `name` and `headers`, each header key once and none equal to the name's.
    public static func column(_ name: String, _ headers: [String]) -> KnownColumn {
        var seen: Set<String> = [headerKey(name)]
        return KnownColumn(name, headers: headers.filter { seen.insert(headerKey($0)).inserted })
    }

    /// The organisation (practice) of a row, or with group rows the area whose groups they are
    /// (`phe_sii` input has one row per area × deprivation group).
    public static let organisation = column("org_code", ["practice_code", "Practice Code"]
        + FingertipsColumns.orgCode.headers + PHEIndicatorMethodsColumns.area.headers + [PHEIndicatorMethodsColumns.area.name, "GeoCode"])
    /// The deprivation group, 1 the most deprived (`phe_sii`'s `quantile`, often `decile`).
    public static let group = column("deprivation_group", [PHEIndicatorMethodsColumns.quantile.name]
        + PHEIndicatorMethodsColumns.quantile.headers.filter { $0 != "deprivation_group" })
    /// Events or amounts: `numerator`, Fingertips' `Count`, PHEindicatormethods' `x`.
    public static let numerator = column("numerator", FingertipsColumns.count.headers + PHEIndicatorMethodsColumns.numerator.headers)
    /// The base of the numerator: `denominator`, Fingertips' `Denominator`, PHEindicatormethods'
    /// `n` or (in `phe_sii` input) `population`.
    public static let denominator = column("denominator", FingertipsColumns.denominator.headers + PHEIndicatorMethodsColumns.denominator.headers)
    /// A group's value, for `--statistic value`.
    public static let value = column("value", FingertipsColumns.value.headers)
    /// A group's population, for `--statistic value` (`phe_sii`'s `population`).
    public static let population = column("population", ["pop", "Denominator"])
    /// 95% limits of a group's value: `lowercl`, `phe_sii`'s `lower_cl`, Fingertips' `Lower CI 95.0 limit`.
    public static let lower95 = column("lowercl", PHEIndicatorMethodsColumns.lowerLimit.headers + ["lower_cl"] + FingertipsColumns.lower95.headers)
    public static let upper95 = column("uppercl", PHEIndicatorMethodsColumns.upperLimit.headers + ["upper_cl"] + FingertipsColumns.upper95.headers)
    /// The standard error of a group's value (`phe_sii`'s `se`, often `StandardError`).
    public static let standardError = column("se", PHEIndicatorMethodsColumns.standardError.headers)

    /// The same column with its engine name as the first header, so that a layout's message
    /// names it as the canonical layout does (`deprivation_group`, not `quantile`).
    public static func canonical(_ column: KnownColumn) -> KnownColumn {
        KnownColumn(column.name, headers: [column.name] + column.headers)
    }

    /// Organisation rows joined to `--deprivation`: organisation, numerator, denominator.
    public static let organisationCounts = FileLayout(
        id: "inequality-organisations", name: "organisation counts",
        identifying: [[canonical(organisation)], [canonical(numerator)], [canonical(denominator)]], documentation: "docs/layouts/inequality.md")

    /// An OHID Fingertips export of an indicator, its practices joined to `--deprivation`.
    public static let fingertips = FileLayout(
        id: "fingertips", name: "an OHID Fingertips export",
        identifying: [[FingertipsColumns.indicatorID], [FingertipsColumns.orgCode], [FingertipsColumns.period], [FingertipsColumns.count],
                      [FingertipsColumns.denominator]],
        documentation: "docs/layouts/inequality.md")

    /// Counts per deprivation group (or per organisation with its group).
    public static let groupCounts = FileLayout(
        id: "inequality-group-counts", name: "counts by deprivation group",
        identifying: [[canonical(group)], [canonical(numerator)], [canonical(denominator)]], documentation: "docs/layouts/inequality.md")

    /// `phe_sii` input with counts: `quantile`, `population`, `x` (any of their spellings).
    public static let pheCounts = FileLayout(
        id: "phe-sii-counts", name: "a PHEindicatormethods phe_sii data frame with counts",
        identifying: [[KnownColumn("quantile", headers: ["quantile", "decile"])], [KnownColumn("x", headers: ["x"])],
                      [KnownColumn("population", headers: ["population", "n"])]],
        documentation: "docs/layouts/inequality.md")

    /// Values per deprivation group with their population and 95% limits or standard error.
    public static let groupValues = FileLayout(
        id: "inequality-group-values", name: "values by deprivation group",
        identifying: [[canonical(group)], [canonical(value)], [canonical(population)], [canonical(lower95), canonical(standardError)]], documentation: "docs/layouts/inequality.md")

    /// `phe_sii` input with values: `quantile`, `population`, `value`, `lower_cl`/`upper_cl` or `se`.
    public static let pheValues = FileLayout(
        id: "phe-sii-values", name: "a PHEindicatormethods phe_sii data frame with values",
        identifying: [[KnownColumn("quantile", headers: ["quantile", "decile"])], [KnownColumn("population", headers: ["population"])],
                      [KnownColumn("value", headers: ["value"])], [KnownColumn("lower_cl", headers: ["lower_cl"]), KnownColumn("se", headers: ["se"])]],
        documentation: "docs/layouts/inequality.md")
}

/// The columns of practice deprivation scores (`consortium needs --scores`): the design's
/// `practice_code, imd_score` or an OHID Fingertips export of a practice score (indicator 93553
/// *Deprivation score (IMD)*), in the long *Download data* layout or the API's compact one
/// (`IndicatorID, Year, AreaCode, AreaName, IsAreaCurrent, Value`). docs/layouts/needs.md.
public enum PracticeScoreColumns {
    public static let practice = InequalityColumns.column("practice_code", ["Practice Code", "org_code"] + FingertipsColumns.orgCode.headers)
    public static let score = InequalityColumns.column("imd_score", ["score"] + FingertipsColumns.value.headers)

    /// `practice_code, imd_score`, optional `period` (or `year`).
    public static let scores = FileLayout(
        id: "practice-scores", name: "practice scores", identifying: [[InequalityColumns.canonical(practice)], [InequalityColumns.canonical(score)]], documentation: "docs/layouts/needs.md")

    /// A Fingertips export of a practice-level score, long or compact.
    public static let fingertips = FileLayout(
        id: "fingertips", name: "an OHID Fingertips export of a practice score",
        identifying: [[FingertipsColumns.indicatorID], [FingertipsColumns.orgCode], [FingertipsColumns.period], [FingertipsColumns.value]],
        documentation: "docs/layouts/needs.md")
}
