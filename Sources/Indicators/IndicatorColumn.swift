import Tables

/// The columns that identify what a row of indicator counts is about. Any of them may be used to
/// group rows; the engine writes them under these canonical names whatever the input layout.
public enum IndicatorColumn: String, CaseIterable, Sendable, Hashable {
    case indicatorID = "indicator_id"
    case orgCode = "org_code"
    case areaType = "area_type"
    case period
    case sex
    case ageBand = "age_band"
    /// The kind of breakdown a row belongs to (Fingertips' `Category Type`: deprivation deciles,
    /// ethnic groups); empty for the all-persons rows beside them.
    case categoryType = "category_type"
    /// The breakdown's value (Fingertips' `Category`, e.g. `Most deprived decile (IMD2019)`).
    case group

    /// The canonical (snake_case) column name.
    public var name: String { rawValue }

    /// The header of the same column in an OHID Fingertips export.
    public var fingertipsName: String {
        switch self {
        case .indicatorID: return "Indicator ID"
        case .orgCode: return "Area Code"
        case .areaType: return "Area Type"
        case .period: return "Time period"
        case .sex: return "Sex"
        case .ageBand: return "Age"
        case .categoryType: return "Category Type"
        case .group: return "Category"
        }
    }

    /// A column named either way (`org_code` or `Area Code`), matched as headers are (letters and
    /// digits, any case: `AreaCode`, `area code`).
    public init?(name: String) {
        let wanted = headerKey(name)
        guard !wanted.isEmpty, let column = IndicatorColumn.allCases.first(where: { headerKey($0.name) == wanted || headerKey($0.fingertipsName) == wanted }) else {
            return nil
        }
        self = column
    }
}
