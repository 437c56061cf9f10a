/// The sex of a registered-list row or a weight, as written in the design's CSV conventions:
/// `M` or `F`, with `male`, `female`, `MALE`, `FEMALE` (NHS Digital) accepted on input.
enum SexLabel {
    case male
    case female

    init?(_ text: String) {
        switch text.trimmingSpaces.lowercased() {
        case "m", "male": self = .male
        case "f", "female": self = .female
        default: return nil
        }
    }
}
