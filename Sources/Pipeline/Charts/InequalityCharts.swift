import Inequality
import Reports

/// The deprivation gradient of an inequality step: each group's value with its 95% limits at the
/// midpoint of its cumulative population share (most deprived first), and the SII line — the
/// weighted least-squares line the SII is read from (Inequality's `SlopeIndexOfInequality`,
/// refitted here on the same groups, populations and weights).
struct InequalityCharts {
    let options: InequalityStepOptions
    let title: String

    /// One chart, or small multiples when the step has several analyses (`by`).
    func gradient(_ analyses: [(key: [String], result: InequalityResult)], identifier: String) -> String {
        if analyses.count == 1 {
            return chart(analyses[0].result, title: title, width: 760, height: 480, legend: true).svg(identifier: identifier)
        }
        let panels = analyses.map { chart($0.result, title: $0.key.joined(separator: " · "), width: 420, height: 320, legend: false) }
        return ChartGrid(
            title: title,
            subtitle: "Values \(yTitle). Each group's value with its 95% confidence limits (blue) at the midpoint of its share of the population, most deprived on the left; the line is the population-weighted least-squares fit whose ends give the slope index of inequality (SII).",
            panels: panels, columns: 3).svg(identifier: identifier)
    }

    func fit(_ result: InequalityResult) -> SlopeIndexOfInequality {
        let multiplier = options.multiplier
        let weights: [Double]? = options.weights == .inverseVariance
            ? result.groups.map { group in
                let standardError = group.naturalStandardError * multiplier
                return 1 / (standardError * standardError)
            }
            : nil
        return SlopeIndexOfInequality(orderedValues: result.groups.map { $0.value * multiplier }, populations: result.groups.map(\.population),
                                      inverseVarianceWeights: weights, direction: options.direction)
    }

    /// The SII with its first 95% limits, and the RII, in words.
    static func siiText(_ result: InequalityResult, decimals: Int) -> String {
        let format = NumberFormat(decimals: decimals, groupsThousands: true)
        var parts: [String] = []
        if let sii = result.estimates.first(where: { $0.measure == "sii" && ($0.confidence ?? 0.95) == 0.95 }), let value = sii.value {
            var text = "SII \(format.text(value))"
            if let limits = sii.limits { text += " (95% \(format.text(limits.lower)) to \(format.text(limits.upper)))" }
            parts.append(text)
        }
        if let rii = result.estimates.first(where: { $0.measure == "rii" }), let value = rii.value {
            parts.append("RII \(NumberFormat(decimals: 3).text(value))")
        }
        return parts.joined(separator: "; ")
    }

    /// Decimals that show differences between groups: about three significant digits of the
    /// largest value.
    static func decimals(for values: [Double]) -> Int {
        let largest = values.map(abs).max() ?? 1
        if largest >= 100 { return 1 }
        if largest >= 10 { return 2 }
        if largest >= 1 { return 2 }
        return 3
    }

    func chart(_ result: InequalityResult, title: String, width: Double, height: Double, legend: Bool) -> Chart {
        let multiplier = options.multiplier
        let line = fit(result)
        let values = result.groups.map { $0.value * multiplier }
        let decimals = Self.decimals(for: values)
        let points = zip(result.groups, line.ranks).map { group, rank in
            ChartPoint(x: rank, y: group.value * multiplier,
                       tooltip: "group \(group.group): \(NumberFormat(decimals: decimals).text(group.value * multiplier)), population \(NumberFormat().text(group.population))")
        }
        let intervals = zip(result.groups, line.ranks).map { group, rank in
            let limits = group.limits(confidence: 0.95)
            return IntervalLayer.Interval(x: rank, lower: limits.lower * multiplier, upper: limits.upper * multiplier)
        }
        let labels = zip(result.groups, intervals).map { group, interval in
            TextLabel(x: interval.x, y: max(interval.upper, interval.lower), text: String(group.group), dy: -7,
                      style: .init(size: 10.5, colour: Palette.mutedInk, anchor: .middle, halo: true))
        }
        let fitted = LineLayer(points: [ChartCoordinate(0, line.fit.intercept), ChartCoordinate(1, line.fit.intercept + line.fit.slope)],
                               colour: Palette.vermillion, width: 2)
        let siiText = Self.siiText(result, decimals: decimals)
        let first = result.groups.first!, last = result.groups.last!
        let ends = "Group \(first.group) (most deprived) \(NumberFormat(decimals: decimals).text(first.value * multiplier)), group \(last.group) (least deprived) \(NumberFormat(decimals: decimals).text(last.value * multiplier))"
        return Chart(
            title: title,
            subtitle: legend ? "\(siiText). \(ends)." : siiText,
            footnote: legend ? "Groups: population-weighted deprivation groups, 1 = most deprived, each at the midpoint of its cumulative population share. SII: fitted most deprived minus fitted least deprived\(options.direction == .mostMinusLeast ? "" : " (sign reversed: least minus most)"); RII: SII ÷ mean." : nil,
            width: width, height: height,
            xAxis: ChartAxis(title: legend ? "cumulative share of the population, most deprived first" : "", format: .percentOfFraction(),
                             fixedRange: 0...1, tickCount: legend ? 6 : 3, endNotes: legend ? ("most deprived", "least deprived") : nil),
            yAxis: ChartAxis(title: legend ? yTitle : "", format: NumberFormat(decimals: 0), tickCount: legend ? 6 : 4),
            layers: [.line(fitted), .intervals(IntervalLayer(intervals: intervals, colour: Palette.blue, width: 1.5, capHalfWidth: legend ? 5 : 3)),
                     .points(PointLayer(points: points, colour: Palette.blue, radius: legend ? 4.5 : 3.5, fillOpacity: 1)), .labels(labels)],
            legend: legend ? [LegendEntry("group value with 95% limits", colour: Palette.blue, symbol: .interval),
                              LegendEntry("SII line (population-weighted fit)", colour: Palette.vermillion, symbol: .line(dashes: nil))] : [])
    }

    var yTitle: String {
        switch (options.statistic, options.multiplier) {
        case (.proportion, 100): return "per cent"
        case (.proportion, 1): return "proportion"
        case (.rate, _): return "per \(NumberFormat().text(options.multiplier))"
        case (.ratio, _): return options.multiplier == 1 ? "ratio (numerator ÷ denominator)" : "ratio × \(NumberFormat().text(options.multiplier))"
        default: return options.multiplier == 1 ? "value" : "value × \(NumberFormat().text(options.multiplier))"
        }
    }
}
