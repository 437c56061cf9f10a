import Tables

/// National need shares from the practice outputs of `pbra predict` run at each site with the
/// merged coefficients (`pbra merge`): each site's file holds its practices' predicted costs, and
///
///     national need shareₚ = predicted costₚ / Σ over every site's practices of predicted cost,
///
/// which is the share `pbra predict` would give on all sites' persons at once (every prediction
/// uses the same coefficients and national means). A practice in two sites' files is an error
/// naming both (its persons would be counted twice, or the sites split a practice); the result
/// is in byte order of the practice code and does not depend on the order of the files.
public enum NeedCombination {
    /// The columns read: those `pbra predict` writes (`PersonBasedCSV.practicesHeader`); the
    /// site's own `need_share` is not used.
    public static let schema = Schema([
        ColumnSpec("practice_code"),
        ColumnSpec("patients", .wholeNumber(minimum: 0)),
        ColumnSpec("predicted_cost", .decimal()),
        ColumnSpec("need_share", .decimal(), optional: true),
    ])

    /// One site's practices, read with `schema`.
    public struct Site: Sendable {
        public let source: String
        public let practices: [PracticeNeed]
        /// The line of each practice, for messages.
        public let lines: [Int]

        public init(table: Table) {
            source = table.source
            let codes = table.text("practice_code")
            let patients = table.wholeNumbers("patients")
            let costs = table.decimals("predicted_cost")
            practices = codes.indices.map { PracticeNeed(practiceCode: codes[$0], patients: patients[$0], predictedCost: costs[$0], needShare: 0) }
            lines = table.lineNumbers
        }
    }

    /// Combines the sites; errors: a practice in two files (both named with their lines), no
    /// practice at all, or a national total of predicted cost that is not positive.
    public static func combine(_ sites: [Site]) throws -> [PracticeNeed] {
        var located: [(practice: PracticeNeed, source: String, line: Int)] = []
        for site in sites {
            for (index, practice) in site.practices.enumerated() { located.append((practice, site.source, site.lines[index])) }
        }
        located.sort { Array($0.practice.practiceCode.utf8).lexicographicallyPrecedes(Array($1.practice.practiceCode.utf8)) }
        for index in located.indices.dropFirst() where located[index].practice.practiceCode == located[index - 1].practice.practiceCode {
            let (first, second) = (located[index - 1], located[index])
            throw DataError(.badData, at: SourceLocation(file: second.source, line: second.line, columnName: "practice_code"),
                            "the practice \(DataError.quoted(second.practice.practiceCode)) is also in \(first.source) (line \(first.line)); each practice's persons belong to one site")
        }
        guard !located.isEmpty else {
            throw DataError(.badData, at: SourceLocation(file: sites.first?.source ?? "input"), "no practice in the sites' files")
        }
        // Summed in practice-code order, so the total does not depend on the order of the files.
        var total = 0.0
        for entry in located { total += entry.practice.predictedCost }
        guard total > 0 && total.isFinite else {
            throw DataError(.badData, at: SourceLocation(file: sites[0].source, columnName: "predicted_cost"),
                            "the sites' predicted costs add up to \(total); need shares need a positive total")
        }
        return located.map { entry -> PracticeNeed in
            var practice = entry.practice
            practice.needShare = practice.predictedCost / total
            return practice
        }
    }
}
