import Layouts
import Tables

/// The layouts of indicator input the engine reads, recognised from the header.
///
/// - `canonical`: the design's indicator counts: `indicator_id`, `org_code`, `numerator`,
///   `denominator`, optional `period`, `sex`, `age_band`, `group` (and `value` for means); also
///   a PHEindicatormethods data frame (`area` for `org_code`, `x`/`deaths` for the numerator,
///   `n`/`population` for the denominator, `indicator_id` optional when the counts are there).
/// - `fingertips`: an OHID Fingertips export as downloaded: `Indicator ID`, `Area Code`,
///   `Area Type`, `Time period`, `Sex`, `Age`, `Category`, `Count`, `Denominator`, `Value`, …,
///   with rows for many area types in one file and empty cells where a figure is missing.
public enum IndicatorLayout: String, Sendable {
    case canonical
    case fingertips

    /// The canonical layout as a `FileLayout`, for detection and messages.
    public static let canonicalLayout = FileLayout(
        id: "indicator-counts", name: "indicator counts",
        identifying: [[KnownColumn("indicator_id")], [KnownColumn("org_code")], [KnownColumn("numerator"), KnownColumn("value")]],
        documentation: "docs/layouts/indicators.md")

    /// Recognises the layout from a header, matching names as headers are matched (letters and
    /// digits, any case, so `AreaCode` and `Area Code` are the same): Fingertips when it has
    /// `Area Code` (and `Indicator ID`), canonical when it has `org_code`. A header with both is
    /// an error; one with neither is an error naming the columns each layout needs and the
    /// closest layout.
    public static func detect(header: [String], source: String) throws -> IndicatorLayout {
        let keys = HeaderKeys(header)
        let fingertips = keys.contains("Area Code") && keys.contains("Indicator ID")
        // Indicator counts: org_code (or PHEindicatormethods' area) with indicator_id, or, as a
        // PHEindicatormethods data frame has, without it but with the counts (x and n, …).
        let organisation = keys.contains("org_code") || keys.contains(PHEIndicatorMethodsColumns.area.name)
        let counts = keys.contains(KnownColumn("numerator", headers: PHEIndicatorMethodsColumns.numerator.headers))
            || keys.contains("value")
        let canonical = organisation && (keys.contains("indicator_id") || counts)
        switch (canonical, fingertips) {
        case (true, false): return .canonical
        case (false, true): return .fingertips
        case (true, true):
            throw DataError(.badData, at: SourceLocation(file: source, line: 1),
                            "the header has both org_code and Area Code; expected either indicator counts (org_code) or a Fingertips export (Area Code), not both")
        case (false, false):
            throw LayoutDetection.unrecognised(keys, source: source, among: [canonicalLayout, FingertipsColumns.export],
                                               reading: "indicator counts")
        }
    }
}
