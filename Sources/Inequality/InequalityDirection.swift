/// Which way round absolute and relative inequalities are reported.
///
/// Groups are always numbered from 1 = most deprived, and the SII's relative rank x runs from 0
/// (most deprived end) to 1 (least deprived end). The direction says which end comes first in a
/// difference or a ratio, and so fixes the sign of the SII, the gap and the concentration index.
public enum InequalityDirection: String, Sendable, CaseIterable {
    /// SII = fitted value at the most deprived end minus that at the least deprived end (the
    /// project's convention, design `methods.md`). A positive SII, gap or concentration index
    /// means the indicator is higher among the more deprived.
    case mostMinusLeast = "most-minus-least"
    /// SII = least deprived end minus most deprived end: the slope of the regression on x, as
    /// PHEindicatormethods' `phe_sii` reports it, and RII = fitted(least) / fitted(most) as there.
    /// A positive value means the indicator is higher among the less deprived.
    case leastMinusMost = "least-minus-most"

    /// +1 when the difference is the slope on x (least minus most), −1 otherwise.
    public var slopeSign: Double { self == .leastMinusMost ? 1 : -1 }

    /// How a difference is stated in the output's method column.
    public var differenceText: String {
        switch self {
        case .mostMinusLeast: return "most deprived minus least deprived"
        case .leastMinusMost: return "least deprived minus most deprived"
        }
    }

    /// How a ratio is stated in the output's method column.
    public var ratioText: String {
        switch self {
        case .mostMinusLeast: return "most deprived / least deprived"
        case .leastMinusMost: return "least deprived / most deprived"
        }
    }
}
