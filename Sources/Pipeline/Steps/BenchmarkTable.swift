import Benchmarking
import Tables

/// The CSV layout of `consortium benchmark`'s outputs: column names and the values of a row, in
/// the order of the design's contract (README, Core outputs: benchmark). No formulas here.
enum BenchmarkTable {
    /// `breakdown`: the input's identity columns besides indicator, organisation and period
    /// (`BenchmarkInput.breakdownColumns` it has), written after `period`.
    static func header(withChange: Bool, breakdown: [String]) -> [String] {
        var columns = [
            "indicator_id", "org_code", "value", "lowercl", "uppercl", "comparator", "comparator_value", "z", "significance",
            "funnel_lower_95", "funnel_upper_95", "funnel_lower_998", "funnel_upper_998", "quintile",
            "decile", "period"] + breakdown + ["parent_code", "numerator", "denominator", "confidence", "statistic", "method", "multiplier",
            "comparator_code", "comparator_organisations", "lowercl_998", "uppercl_998", "significance_998", "funnel_method",
            "phi", "tau2", "dispersion_model", "adjusted_lower_95", "adjusted_upper_95", "adjusted_lower_998", "adjusted_upper_998",
            "z_adjusted", "funnel_flag", "funnel_significance",
        ]
        if withChange {
            columns += ["previous_period", "previous_value", "change", "change_lowercl", "change_uppercl", "change_measure", "change_significance"]
        }
        columns.append("notes")
        return columns
    }

    static func values(_ row: OrganisationBenchmark, of result: IndicatorBenchmark, withChange: Bool) -> [CSVValue] {
        func number(_ value: Double?) -> CSVValue { value.map { .number($0) } ?? .missing }
        func text(_ value: String?) -> CSVValue { value.map { .text($0) } ?? .missing }
        var values: [CSVValue] = [
            .text(result.indicatorId), .text(row.organisationCode), .number(row.value), .number(row.lower95), .number(row.upper95),
            .text(result.comparatorName), number(row.comparatorValue), number(row.z), text(row.significance95?.rawValue),
            number(row.funnel?.lower95), number(row.funnel?.upper95), number(row.funnel?.lower998), number(row.funnel?.upper998),
            .wholeNumber(row.quintile),
            .wholeNumber(row.decile), text(result.period)] + result.breakdown.values.map { CSVValue.text($0) } + [text(row.parentCode), .number(row.numerator), .number(row.denominator),
            .text("95%"), .text(result.statistic.rawValue), .text(row.intervalMethod), .number(result.multiplier),
            text(row.comparator.code), .wholeNumber(row.comparator.organisations), .number(row.lower998), .number(row.upper998),
            text(row.significance998?.rawValue), .text(result.funnelMethod.rawValue),
            number(result.dispersion.phi), .number(result.dispersion.tauSquared * result.multiplier * result.multiplier),
            .text(result.dispersion.model.rawValue),
            number(row.adjusted?.lower95), number(row.adjusted?.upper95), number(row.adjusted?.lower998), number(row.adjusted?.upper998),
            number(row.adjustedZ), text(row.position?.rawValue), text(row.funnelSignificance?.rawValue),
        ]
        if withChange {
            values += [
                text(result.previousPeriod), number(row.change?.previousValue), number(row.change?.change), number(row.change?.lower),
                number(row.change?.upper), text(row.change?.measure.rawValue), text(row.change?.significance.rawValue),
            ]
        }
        values.append(.text(row.notes.joined(separator: "; ")))
        return values
    }

    /// A row of an organisation without counts (missing-value policy `pass`): what identifies it,
    /// the comparator's name and value when the group has one, and the reason in `notes`.
    static func suppressedValues(_ row: SuppressedOrganisation, of result: IndicatorBenchmark, withChange: Bool) -> [CSVValue] {
        let names = header(withChange: withChange, breakdown: result.breakdown.columns)
        var values = [CSVValue](repeating: .missing, count: names.count)
        func set(_ name: String, _ value: CSVValue) { values[names.firstIndex(of: name)!] = value }
        set("indicator_id", .text(result.indicatorId))
        set("org_code", .text(row.organisationCode))
        set("comparator", .text(result.comparatorName))
        let targets = Set(result.rows.compactMap(\.comparatorValue))
        if targets.count == 1, result.comparatorName == ComparatorChoice.england.name {
            set("comparator_value", .number(targets.first!))
            if let code = result.rows.first?.comparator.code { set("comparator_code", .text(code)) }
        }
        if let period = result.period { set("period", .text(period)) }
        for (column, value) in zip(result.breakdown.columns, result.breakdown.values) { set(column, .text(value)) }
        if let parent = row.parentCode { set("parent_code", .text(parent)) }
        set("statistic", .text(result.statistic.rawValue))
        set("multiplier", .number(result.multiplier))
        set("funnel_method", .text(result.funnelMethod.rawValue))
        set("notes", .text(row.reason))
        return values
    }

    static func summaryHeader(breakdown: [String]) -> [String] {
        ["indicator_id", "period"] + breakdown + summaryMeasures
    }

    static let summaryMeasures = [
        "statistic", "multiplier", "comparator", "organisations", "comparator_value", "winsorise_percent",
        "winsorised_lower_z", "winsorised_upper_z", "phi", "phi_threshold", "tau2", "dispersion_model", "dispersion_reason",
        "outside_95", "outside_998", "outside_998_unadjusted",
    ]

    static func summaryValues(_ result: IndicatorBenchmark) -> [CSVValue] {
        let dispersion = result.dispersion
        let targets = Set(result.rows.compactMap(\.comparatorValue))
        return [
            .text(result.indicatorId), result.period.map { .text($0) } ?? .missing] + result.breakdown.values.map { CSVValue.text($0) } + [
            .text(result.statistic.rawValue), .number(result.multiplier),
            .text(result.comparatorName), .wholeNumber(result.rows.count), targets.count == 1 ? .number(targets.first!) : .missing,
            dispersion.winsorisation.map { .number($0.percent) } ?? .missing,
            dispersion.winsorisation.map { .number($0.lowerCut) } ?? .missing, dispersion.winsorisation.map { .number($0.upperCut) } ?? .missing,
            .number(dispersion.phi), .number(dispersion.phiThreshold), .number(dispersion.tauSquared * result.multiplier * result.multiplier),
            .text(dispersion.model.rawValue), .text(dispersion.reason),
            .wholeNumber(result.rows.filter { $0.position?.isBeyond95 == true }.count),
            .wholeNumber(result.rows.filter { $0.position?.isBeyond998 == true }.count),
            .wholeNumber(result.rows.filter { row in row.funnel.map { $0.position(of: row.value).isBeyond998 } ?? false }.count),
        ]
    }

    static func curveHeader(breakdown: [String]) -> [String] {
        ["indicator_id", "period"] + breakdown + curveMeasures
    }

    static let curveMeasures = [
        "comparator", "comparator_code", "target", "denominator",
        "funnel_lower_998", "funnel_lower_95", "funnel_upper_95", "funnel_upper_998",
        "adjusted_lower_998", "adjusted_lower_95", "adjusted_upper_95", "adjusted_upper_998", "dispersion_model",
    ]

    static func curveValues(_ point: FunnelCurvePoint, curve: FunnelCurve, of result: IndicatorBenchmark) -> [CSVValue] {
        [
            .text(result.indicatorId), result.period.map { .text($0) } ?? .missing] + result.breakdown.values.map { CSVValue.text($0) } + [
            .text(result.comparatorName),
            curve.comparatorCode.map { .text($0) } ?? .missing, .number(curve.target), .number(point.denominator),
            .number(point.funnel.lower998), .number(point.funnel.lower95), .number(point.funnel.upper95), .number(point.funnel.upper998),
            .number(point.adjusted.lower998), .number(point.adjusted.lower95), .number(point.adjusted.upper95), .number(point.adjusted.upper998),
            .text(result.dispersion.model.rawValue),
        ]
    }

    static func chartTitle(_ result: IndicatorBenchmark, distinguishing: [String] = []) -> String {
        let title = (result.name ?? "Indicator \(result.indicatorId)") + (result.name != nil ? " (\(result.indicatorId))" : "")
        let shown = distinguishing.filter { !$0.isEmpty }
        return shown.isEmpty ? title : title + ", " + shown.joined(separator: ", ")
    }

    /// For each result, the values of the breakdown columns that differ among the results of the
    /// same indicator and period (empty when the group is the only one), to tell their plots apart.
    static func distinguishingValues(_ results: [IndicatorBenchmark]) -> [[String]] {
        var byKey: [[String]: [Int]] = [:]
        for (index, result) in results.enumerated() { byKey[[result.indicatorId, result.period ?? ""], default: []].append(index) }
        return results.map { result in
            let siblings = byKey[[result.indicatorId, result.period ?? ""]]!.map { results[$0] }
            guard siblings.count > 1 else { return [] }
            return result.breakdown.values.indices.filter { column in Set(siblings.map { $0.breakdown.values[column] }).count > 1 }
                .map { result.breakdown.values[$0] }
        }
    }

    static func xAxisTitle(_ result: IndicatorBenchmark) -> String {
        switch result.statistic {
        case .proportion: return "Denominator"
        case .rate: return "Denominator (person-time or population)"
        case .ratio: return "Expected count"
        }
    }

    static func yAxisTitle(_ result: IndicatorBenchmark) -> String {
        switch (result.statistic, result.multiplier) {
        case (.proportion, 100): return "Value (%)"
        case (.proportion, 1): return "Proportion"
        case (.ratio, 1): return "Ratio (observed / expected)"
        default:
            let multiplier = result.multiplier
            guard multiplier >= 1, multiplier == multiplier.rounded(), multiplier < 1e15 else { return "Value × \(Table.formatNumber(multiplier))" }
            var digits = String(Int64(multiplier))
            var grouped = ""
            while digits.count > 3 {
                grouped = "," + digits.suffix(3) + grouped
                digits.removeLast(3)
            }
            return "Value per " + digits + grouped
        }
    }

    /// `<indicator>[_<period>][_<breakdown values>][_<comparator code>].svg`, with characters
    /// other than letters, digits, `-` and `_` replaced by `-`; `distinguishing` are the values of
    /// the breakdown columns that tell this group from the indicator's other groups of the period.
    static func svgFileName(_ result: IndicatorBenchmark, curve: FunnelCurve, several: Bool, distinguishing: [String] = []) -> String {
        var parts = [result.indicatorId]
        if let period = result.period { parts.append(period) }
        parts += distinguishing.map { $0.isEmpty ? "all" : $0 }
        if several, let code = curve.comparatorCode { parts.append(code) }
        let name = parts.joined(separator: "_")
        let safe = String(name.map { $0.isLetter || $0.isNumber || $0 == "-" || $0 == "_" ? $0 : "-" })
        return safe + ".svg"
    }
}
