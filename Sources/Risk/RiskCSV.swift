import Tables

/// The CSV layouts of `consortium risk`: one row per group × arrangement, and one row per list
/// size × arrangement for the size curve. Money in pounds with two decimals; probabilities as
/// shortest round-trip numbers; missing values (the normal approximation of risk sharing) empty.
public enum RiskCSV {
    public static let header = [
        "consortium_code", "arrangement", "pool_code", "patients", "budget", "expected_spend", "mean", "standard_deviation", "mean_se",
        "probability_of_overspend", "probability_of_overspend_se", "overspend_p95", "overspend_p99", "break_even_probability", "reserve",
        "normal_standard_deviation", "normal_probability_of_overspend", "normal_overspend_p95", "normal_overspend_p99", "normal_reserve",
        "approximation_bound", "replications", "seed",
    ]

    /// Writes `rows(_:seed:)`.
    public static func write(_ result: RiskResult, seed: UInt64, to writer: CSVWriter) throws {
        for row in rows(result, seed: seed) { try writer.write(row) }
    }

    /// The rows under `header`: one per group and arrangement, in the result's order.
    public static func rows(_ result: RiskResult, seed: UInt64) -> [[CSVValue]] {
        result.rows.map { row in
            let simulated = row.simulated
            var values: [CSVValue] = [
                .text(row.code), .text(row.arrangement.rawValue), row.poolCode.map { .text($0) } ?? .missing, .wholeNumber(row.persons),
                .money(row.budget), .money(row.expectedSpend), .money(simulated.mean), .money(simulated.standardDeviation),
                .money(simulated.meanStandardError), .number(simulated.probabilityOfOverspend),
                .number(simulated.probabilityOfOverspendStandardError), .money(simulated.overspendAt95), .money(simulated.overspendAt99),
                .number(simulated.breakEvenProbability), .money(simulated.reserve),
            ]
            values += normalColumns(row.normal, budget: row.budget, breakEvenProbability: simulated.breakEvenProbability)
            values += [.number(row.approximationBound), .wholeNumber(simulated.replications), .text(String(seed))]
            return values
        }
    }

    static func normalColumns(_ normal: NormalApproximation?, budget: Double, breakEvenProbability: Double) -> [CSVValue] {
        guard let normal else { return Array(repeating: .missing, count: 5) }
        return [
            .money(normal.standardDeviation), .number(normal.probabilityOfOverspend(budget: budget)),
            .money(normal.overspend(atProbability: 0.95, budget: budget)), .money(normal.overspend(atProbability: 0.99, budget: budget)),
            .money(normal.reserve(breakEvenProbability: breakEvenProbability, budget: budget)),
        ]
    }

    public static let sizeCurveHeader = [
        "list_size", "arrangement", "budget", "expected_spend", "expected_spend_per_head", "mean", "standard_deviation",
        "probability_of_overspend", "probability_of_overspend_se", "overspend_p95", "overspend_p99", "break_even_probability",
        "margin_needed_percent", "reserve", "reserve_per_head", "reserve_percent", "normal_probability_of_overspend",
        "normal_margin_needed_percent", "normal_reserve", "normal_reserve_percent",
        "approximation_bound", "replications", "seed",
    ]

    /// reserve_percent = 100 × reserve / expected spend; margin_needed_percent = 100 × (Q(π) − E[S]) / E[S].
    public static func writeSizeCurve(_ points: [SizeCurvePoint], seed: UInt64, to writer: CSVWriter) throws {
        for row in sizeCurveRows(points, seed: seed) { try writer.write(row) }
    }

    /// The rows under `sizeCurveHeader`: one per list size and arrangement, in the points' order.
    public static func sizeCurveRows(_ points: [SizeCurvePoint], seed: UInt64) -> [[CSVValue]] {
        points.map { point in
            let simulated = point.simulated
            let size = Double(point.listSize)
            let normalReserve = point.normal.reserve(breakEvenProbability: simulated.breakEvenProbability, budget: point.budget)
            return [
                .wholeNumber(point.listSize), .text(point.arrangement.rawValue), .money(point.budget), .money(point.expectedSpend),
                .money(point.expectedSpend / size), .money(simulated.mean), .money(simulated.standardDeviation),
                .number(simulated.probabilityOfOverspend), .number(simulated.probabilityOfOverspendStandardError),
                .money(simulated.overspendAt95), .money(simulated.overspendAt99), .number(simulated.breakEvenProbability),
                .number(rounded(100 * point.marginNeeded)), .money(simulated.reserve), .money(simulated.reserve / size),
                .number(percent(simulated.reserve, of: point.expectedSpend)), .number(point.normal.probabilityOfOverspend(budget: point.budget)),
                .number(rounded(100 * point.normalMarginNeeded)), .money(normalReserve),
                .number(percent(normalReserve, of: point.expectedSpend)), .number(point.approximationBound),
                .wholeNumber(simulated.replications), .text(String(seed)),
            ]
        }
    }

    /// 100·part/whole rounded to 1e-6 (percentages of a reserve need no more digits); 0 when whole is 0.
    static func percent(_ part: Double, of whole: Double) -> Double {
        guard whole > 0 else { return 0 }
        return rounded(100 * part / whole)
    }

    static func rounded(_ value: Double) -> Double { (value * 1e6).rounded() / 1e6 }
}
