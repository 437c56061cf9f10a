/// Sex as recorded on GP registered lists. Written `M` and `F`; on input `male`, `female`
/// (any letter case, as NHS Digital's `MALE`, `FEMALE`) are accepted as well.
public enum Sex: String, CaseIterable, Hashable, Sendable, CustomStringConvertible {
    case male = "M"
    case female = "F"

    /// `M`, `F`, or `male` / `female` in any letter case; nil otherwise (including NHS Digital's
    /// `ALL`, which is a total rather than a sex).
    public init?(label: String) {
        switch label {
        case "M": self = .male
        case "F": self = .female
        default:
            switch label.lowercased() {
            case "male": self = .male
            case "female": self = .female
            default: return nil
            }
        }
    }

    /// The label written in output: `M` or `F`.
    public var label: String { rawValue }

    public var description: String { rawValue }

    /// 0 for male, 1 for female: the position of the sex in `RegisteredList` storage.
    public var index: Int { self == .male ? 0 : 1 }
}
