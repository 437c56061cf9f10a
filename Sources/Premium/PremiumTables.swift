import Tables

/// The premium's output tables as CSV rows.
///
/// Practices: `practice_code`, `payment` (pounds), `share` (payment / total distributed), then
/// per measure `<id>_achievement` (percent; empty when the denominator after exceptions is 0),
/// for improvement measures `<id>_baseline_achievement` and `<id>_improvement` (percentage
/// points), `<id>_score` (0–1; empty when not eligible), `<id>_payment` (pounds; the payment split
/// across measures exactly), then `registered_patients`, `earned` (before caps, floors and
/// redistribution, to the nearest penny), `floor` and `cap` (empty when none).
///
/// Summary: one row per measure and a `total` row: `measure_id`, `available`, `earned`,
/// `unearned`, `cut`, `redistributed`, `returned`, `paid` (pounds, see `MeasureAccount`),
/// `eligible_practices`.
public enum PremiumTables {
    /// The payments table's column names.
    public static func practiceHeader(_ distribution: PremiumDistribution) -> [String] {
        var header = ["practice_code", "payment", "share"]
        for measure in distribution.scheme.measures {
            header.append("\(measure.id)_achievement")
            if measure.scoring == .improvement {
                header += ["\(measure.id)_baseline_achievement", "\(measure.id)_improvement"]
            }
            header += ["\(measure.id)_score", "\(measure.id)_payment"]
        }
        return header + ["registered_patients", "earned", "floor", "cap"]
    }

    /// One row per member practice, in input order.
    public static func practiceRows(_ distribution: PremiumDistribution) -> [[CSVValue]] {
        distribution.practices.map { practice in
            var row: [CSVValue] = [.text(practice.code), .pence(practice.paymentPence), practice.share.map { .number($0) } ?? .missing]
            for (index, measure) in distribution.scheme.measures.enumerated() {
                let result = practice.measures[index]
                row.append(result.achievement.map { .number($0) } ?? .missing)
                if measure.scoring == .improvement {
                    row.append(result.baselineAchievement.map { .number($0) } ?? .missing)
                    row.append(result.improvement.map { .number($0) } ?? .missing)
                }
                row.append(result.score.map { .number($0) } ?? .missing)
                row.append(.pence(result.paymentPence))
            }
            row += [.wholeNumber(practice.registeredPatients), .money(practice.earned / 100),
                    distribution.scheme.limits.floor == nil ? .missing : .pence(practice.floorPence),
                    practice.capPence.map { .pence($0) } ?? .missing]
            return row
        }
    }

    /// The summary table's column names.
    public static let summaryHeader = [
        "measure_id", "available", "earned", "unearned", "cut", "redistributed", "returned", "paid", "eligible_practices",
    ]

    /// One row per measure, then the total row.
    public static func summaryRows(_ distribution: PremiumDistribution) -> [[CSVValue]] {
        (distribution.accounts + [distribution.total]).map { account in
            [.text(account.measureID), .pence(account.available), .pence(account.earned), .pence(account.unearned), .pence(account.cut),
             .pence(account.redistributed), .pence(account.returned), .pence(account.paid), .wholeNumber(account.eligiblePractices)]
        }
    }
}
