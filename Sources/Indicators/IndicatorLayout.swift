import Tables

/// The layouts of indicator input the engine reads, recognised from the header.
///
/// - `canonical`: the design's indicator counts: `indicator_id`, `org_code`, `numerator`,
///   `denominator`, optional `period`, `sex`, `age_band`, `group` (and `value` for means).
/// - `fingertips`: an OHID Fingertips export as downloaded: `Indicator ID`, `Area Code`,
///   `Area Type`, `Time period`, `Sex`, `Age`, `Category`, `Count`, `Denominator`, `Value`, …,
///   with rows for many area types in one file and empty cells where a figure is missing.
public enum IndicatorLayout: String, Sendable {
    case canonical
    case fingertips

    /// Recognises the layout from a header: Fingertips when it has `Area Code` and `Indicator ID`,
    /// canonical when it has `org_code`. A header with neither (or both) is an error naming the file.
    public static func detect(header: [String], source: String) throws -> IndicatorLayout {
        let names = Set(header)
        let fingertips = names.contains("Area Code") && names.contains("Indicator ID")
        let canonical = names.contains("org_code")
        switch (canonical, fingertips) {
        case (true, false): return .canonical
        case (false, true): return .fingertips
        case (true, true):
            throw DataError(.badData, at: SourceLocation(file: source, line: 1),
                            "the header has both org_code and Area Code; expected either the canonical layout or a Fingertips export")
        case (false, false):
            throw DataError(.badData, at: SourceLocation(file: source, line: 1),
                            "expected indicator counts (indicator_id, org_code, numerator, denominator, …) or a Fingertips export (Indicator ID, Area Code, Count, Denominator, …); the header has \(header.prefix(10).joined(separator: ", "))\(header.count > 10 ? ", …" : "")")
        }
    }
}
