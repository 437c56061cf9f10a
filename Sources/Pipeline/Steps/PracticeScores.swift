import Layouts
import Tables

/// The practice scores of a needs step (`consortium needs --scores`), read from the design's
/// `practice_code, imd_score` or an OHID Fingertips export of a practice score as downloaded
/// (docs/layouts/needs.md).
///
/// In order: the layout is recognised from the header (`PracticeScoreColumns`); rows that
/// repeat an earlier row exactly are read once (England under every parent); rows of another
/// `Area Type` than `GPs` (or `--area-type`) and breakdown rows (a `Category Type`) are left
/// out; one indicator and one period must remain: `--period` chooses it, and a file of several
/// periods without it is an error listing them, since a practice has one decile and scores of
/// different years are not ranked together. Each step is noted on standard error.
enum PracticeScores {
    static let identity: [KnownColumn] = [FingertipsColumns.indicatorID, FingertipsColumns.areaType, FingertipsColumns.period,
                                          FingertipsColumns.sex, FingertipsColumns.age, FingertipsColumns.categoryType,
                                          KnownColumn("category", headers: FingertipsColumns.category.headers)]

    static func read(_ options: NeedsOptions, notes: inout [String], readingNotes: inout [String]) throws -> [NeedsStep.ScoredPractice] {
        let path = options.scores!
        let header = try TableReader(path: path, schema: Schema([])).header
        _ = try LayoutDetection.detect(header: header, source: path, among: [PracticeScoreColumns.scores, PracticeScoreColumns.fingertips],
                                       reading: "practice deprivation scores")
        let practice = PracticeScoreColumns.practice, score = PracticeScoreColumns.score
        let specs = [practice.spec(), score.spec(.decimal(), allowsEmpty: true)] + identity.map { $0.spec(optional: true, allowsEmpty: true) }
        let read = try TableReader.read(path: path, schema: Schema(specs))
        var selection = RowSelection(read)
        try selection.collapseRepeats(identity: [practice.name] + identity.map(\.name), figures: [score.name])
        let areaTypeColumn = FingertipsColumns.areaType.name
        if read.has(areaTypeColumn) {
            let wanted = options.areaType ?? "GPs"
            let found = selection.distinctValues(areaTypeColumn)
            guard found.contains(wanted) else {
                throw DataError(.badData, at: SourceLocation(file: path, line: 1),
                                "no row of Area Type \(DataError.quoted(wanted)); the file has \(ReadingNotes.list(found)) (choose with --area-type)")
            }
            selection.keep(areaTypeColumn, equalTo: wanted, otherwise: "an Area Type other than \(wanted)")
        } else if let wanted = options.areaType {
            throw DataError(.badData, at: SourceLocation(file: path, line: 1), "--area-type \(DataError.quoted(wanted)) needs an Area Type column, and the file has none")
        }
        selection.keepEmpty(FingertipsColumns.categoryType.name,
                            otherwise: "a Category Type (a breakdown such as deprivation deciles, not the all-persons rows)")
        let indicators = selection.distinctValues(FingertipsColumns.indicatorID.name)
        if indicators.count > 1 {
            throw DataError(.badData, at: SourceLocation(file: path, line: 1),
                            "the file holds \(indicators.count) indicators (\(ReadingNotes.list(indicators))); a practice's deprivation comes from one score: keep one indicator's rows")
        }
        let periodColumn = FingertipsColumns.period.name
        var table = selection.table
        readingNotes += selection.notes
        if let period = options.year {
            guard table.has(periodColumn) else {
                throw DataError(.badData, at: SourceLocation(file: path, line: 1), "--period (--year) needs a Year or Time period column, and the file has none")
            }
            let periods = selection.distinctValues(periodColumn)
            guard periods.contains(period) else {
                throw DataError(.badData, at: SourceLocation(file: path, line: 1),
                                "--period \(DataError.quoted(period)): no row of that period; the file has \(ReadingNotes.list(periods))")
            }
            let values = table.text(periodColumn)
            let kept = (0..<table.rowCount).filter { values[$0] == period }
            if kept.count < table.rowCount { notes.append("\(table.rowCount - kept.count) rows of other years") }
            table = table.selecting(rows: kept)
        } else {
            let periods = selection.distinctValues(periodColumn)
            if periods.count > 1 {
                throw DataError(.badData, at: SourceLocation(file: path, line: 1),
                                "the file has scores for \(periods.count) periods (\(ReadingNotes.list(periods))); choose one with --period, since a practice has one deprivation group and scores of different years are not ranked together")
            }
        }
        let codes = table.text(practice.name)
        let scores = table.optionalDecimals(score.name)
        var practices: [NeedsStep.ScoredPractice] = []
        var empty = 0
        for row in 0..<table.rowCount {
            guard let value = scores[row] else {
                if options.onUnusable == .error { throw table.error(row: row, column: score.name, "expected a score, found an empty field") }
                empty += 1
                continue
            }
            practices.append(NeedsStep.ScoredPractice(code: codes[row], score: value, patients: 0, location: table.location(row: row, column: practice.name)))
        }
        if empty > 0 { notes.append("\(empty) practices with an empty score") }
        return practices
    }
}
