import Allocation
import Reports

/// The charts of a budget step.
struct BudgetCharts {
    let result: BudgetResult
    let formulaName: String?

    var unit: String { result.level == .practice ? "practice" : "consortium" }
    var units: String { result.level == .practice ? "practices" : "consortia" }

    /// Budget per head (budget / registered patients) against the need index, one point per
    /// line, with the target line: target per head = need index × total / Σ registered patients
    /// (the need index is target per head over the average). Points off the line are budgets a
    /// pace-of-change rule holds away from target. The three lowest and highest needs are named.
    func perHead() -> Chart {
        let lines = result.lines.filter { $0.registeredPatients > 0 && $0.needIndex != nil }
        let patients = result.lines.reduce(0) { $0 + $1.registeredPatients }
        let average = patients > 0 ? Double(result.totalPence) / 100 / patients : 0
        let ranked = lines.sorted { ($0.needIndex!, $0.code) < ($1.needIndex!, $1.code) }
        let named = Set(ranked.prefix(3).map(\.code) + ranked.suffix(3).map(\.code))
        let points = lines.map { line in
            ChartPoint(x: line.needIndex!, y: Double(line.budget) / 100 / line.registeredPatients,
                       label: named.contains(line.code) ? line.code : nil,
                       tooltip: "\(line.code): need index \(NumberFormat(decimals: 3).text(line.needIndex!)), \(NumberFormat.pounds(decimals: 2).text(Double(line.budget) / 100 / line.registeredPatients)) per head")
        }
        let needs = lines.map { $0.needIndex! }
        let low = needs.min() ?? 1, high = needs.max() ?? 1
        let targetLine = LineLayer(points: [ChartCoordinate(low, low * average), ChartCoordinate(high, high * average)],
                                   colour: Palette.vermillion, width: 1.5, dashes: [6, 4])
        let moved = result.pace != nil
        let baselinePoints = lines.compactMap { line -> ChartPoint? in
            guard let baseline = line.baseline else { return nil }
            return ChartPoint(x: line.needIndex!, y: Double(baseline) / 100 / line.registeredPatients,
                              tooltip: "\(line.code): baseline \(NumberFormat.pounds(decimals: 2).text(Double(baseline) / 100 / line.registeredPatients)) per head")
        }
        var subtitle = "\(lines.count) \(units); \(NumberFormat.pounds().text(Double(result.totalPence) / 100)) for \(NumberFormat().text(patients)) registered patients, \(NumberFormat.pounds(decimals: 2).text(average)) per head on average."
        subtitle += moved ? " Budgets move from baselines towards targets by the pace-of-change rule, so they lie off the target line."
            : " With no pace-of-change rule the budgets are the targets, so they lie on the target line."
        if !baselinePoints.isEmpty { subtitle += " Orange: the baselines, per head." }
        return Chart(
            title: "Budget per head against need index, by \(unit)",
            subtitle: subtitle,
            footnote: "Need index: target per head ÷ average per head (weighted population by age, sex, need and cost, normalised). Formula: \(formulaName ?? "unnamed").",
            xAxis: ChartAxis(title: "need index (1 = average)", format: NumberFormat(decimals: 2)),
            yAxis: ChartAxis(title: "budget per registered patient", format: .pounds()),
            layers: (baselinePoints.isEmpty ? [] : [.points(PointLayer(points: baselinePoints, colour: Palette.orange, radius: lines.count > 200 ? 2 : 3, fillOpacity: 0.8))])
                + [.line(targetLine), .points(PointLayer(points: points, colour: Palette.blue, radius: lines.count > 200 ? 2.5 : 4))],
            legend: [LegendEntry("budget, per \(unit)", colour: Palette.blue, symbol: .point)]
                + (baselinePoints.isEmpty ? [] : [LegendEntry("baseline", colour: Palette.orange, symbol: .point)])
                + [LegendEntry("target per head (need index × average)", colour: Palette.vermillion, symbol: .line(dashes: [6, 4]))])
    }

    /// Distance from target, (baseline − target) / target, as bars sorted from furthest under to
    /// furthest over; nil without baselines.
    func distanceFromTarget() -> Chart? {
        let lines = result.lines.compactMap { line in line.distanceFromTarget.map { (code: line.code, distance: $0) } }
        guard !lines.isEmpty else { return nil }
        let sorted = lines.sorted { ($0.distance, $0.code) < ($1.distance, $1.code) }
        let bars = sorted.enumerated().map { index, line in
            BarLayer.Bar(x: Double(index), value: line.distance, colour: line.distance < 0 ? Palette.blue : Palette.orange,
                         tooltip: "\(line.code): \(NumberFormat.percentOfFraction(decimals: 1).text(line.distance))")
        }
        let within = lines.filter { abs($0.distance) <= 0.02 }.count
        let under = sorted.first!, over = sorted.last!
        let percent = NumberFormat.percentOfFraction(decimals: 1)
        return Chart(
            title: "Distance from target, by \(unit)",
            subtitle: "(baseline − target) ÷ target. \(within) of \(lines.count) \(units) within ±2%; furthest under \(under.code) (\(percent.text(under.distance))), furthest over \(over.code) (\(percent.text(over.distance))).",
            footnote: "Bars below zero: the baseline is under the target; above zero: over it. Sorted from furthest under to furthest over.",
            xAxis: ChartAxis(title: "\(units), sorted by distance from target", categories: sorted.map(\.code)),
            yAxis: ChartAxis(title: "distance from target", format: .percentOfFraction(), includesZero: true),
            layers: [
                .bars(BarLayer(bars: bars, barWidth: 0.8)),
                .rule(ReferenceLine(.horizontal(y: 0.02), colour: Palette.neutral, dashes: [3, 3], label: "+2%")),
                .rule(ReferenceLine(.horizontal(y: -0.02), colour: Palette.neutral, dashes: [3, 3], label: "−2%")),
            ],
            legend: [LegendEntry("under target", colour: Palette.blue, symbol: .bar), LegendEntry("over target", colour: Palette.orange, symbol: .bar)])
    }
}
