import Allocation
import Tables

/// The options of `consortium pbra merge`.
public struct PbraMergeOptions: Sendable {
    /// Partial files written by `pbra partial`, one per site.
    public var partials: [String]
    /// HC1 standard errors from second-round partials (`pbra partial --robust`).
    public var robust: Bool

    public init(partials: [String], robust: Bool = false) {
        self.partials = partials
        self.robust = robust
    }

    /// Checks that the options fit together.
    public func validate() throws {
        guard !partials.isEmpty else { throw OptionError("expected at least one partial file") }
    }
}

/// `consortium pbra merge`: the fit of every site's persons from the sites' partials, laid out as
/// `pbra fit` lays out its coefficients and summary.
public enum PbraMergeStep {
    public static func run(_ options: PbraMergeOptions) throws -> PbraFitStepResult {
        try options.validate()
        var read: [(name: String, partial: PersonBasedPartial)] = []
        var seen: [String: String] = [:]
        for path in options.partials {
            let contents = try PbraPartialFile.read(path: path)
            if let earlier = seen[contents.bodyDigest] {
                throw DataError(.badData, at: SourceLocation(file: path),
                                "the same partial as \(earlier) (SHA-256 \(contents.bodyDigest)): a site merged twice would count its persons twice")
            }
            seen[contents.bodyDigest] = path
            read.append((path, contents.partial))
        }
        let fit = try PersonBasedPartial.merge(read, robust: options.robust)
        let coefficients = StepTable(header: PersonBasedCSV.coefficientsHeader(robust: options.robust)) { emit in
            for row in PersonBasedCSV.coefficientRows(fit) { try emit(row) }
        }
        let summary = StepTable(header: PersonBasedCSV.summaryHeader) { emit in
            for row in PersonBasedCSV.summaryRows(fit) { try emit(row) }
        }
        let note = "pbra merge: \(fit.regression.n) persons, \(fit.regression.p) terms from \(read.count) partial\(read.count == 1 ? "" : "s")"
        return PbraFitStepResult(model: fit.design.model, fit: fit, coefficients: coefficients, summary: summary, note: note)
    }
}
