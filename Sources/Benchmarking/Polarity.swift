/// Which direction of an indicator is good, as declared in an indicators metadata file.
///
/// The three values are the public-health convention used by OHID Fingertips ("Compared to England
/// value": Better / Similar / Worse when an indicator has a polarity, Higher / Similar / Lower when
/// it has none).
public enum Polarity: String, Sendable, CaseIterable {
    /// A higher value is better (e.g. screening coverage).
    case higherIsBetter = "higher_is_better"
    /// A lower value is better (e.g. smoking prevalence).
    case lowerIsBetter = "lower_is_better"
    /// No judgement: significance is reported as lower / similar / higher.
    case noJudgement = "no_judgement"

    /// The spellings accepted in a metadata file, as said in error messages.
    public static var accepted: String {
        allCases.map(\.rawValue).joined(separator: ", ")
    }
}
