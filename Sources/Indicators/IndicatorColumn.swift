/// The columns that identify what a row of indicator counts is about. Any of them may be used to
/// group rows; the engine writes them under these canonical names whatever the input layout.
public enum IndicatorColumn: String, CaseIterable, Sendable, Hashable {
    case indicatorID = "indicator_id"
    case orgCode = "org_code"
    case areaType = "area_type"
    case period
    case sex
    case ageBand = "age_band"
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
        case .group: return "Category"
        }
    }

    /// A column named either way (`org_code` or `Area Code`), after white-space normalisation.
    public init?(name: String) {
        let wanted = name.split(whereSeparator: { $0 == " " || $0 == "\t" }).joined(separator: " ")
        guard let column = IndicatorColumn.allCases.first(where: { $0.name == wanted || $0.fingertipsName == wanted }) else {
            return nil
        }
        self = column
    }
}
