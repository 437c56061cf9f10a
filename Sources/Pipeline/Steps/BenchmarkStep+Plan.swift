import Benchmarking
import Indicators
import Reports

extension BenchmarkStep {
    /// Plans a `kind = "benchmark"` step. Outputs `<name>.csv`, `<name>-summary.csv` and, with
    /// England or consortium comparators, `<name>-curve.csv` and one funnel plot per indicator
    /// (`<name>-<indicator>_<period>.svg`).
    static func plan(_ section: StepSection) throws -> StepPlan {
        let counts = try section.requiredFile("counts")
        let statistic = try section.choice("statistic", default: BenchmarkStatistic.proportion)
        let multiplier = try section.number("multiplier")
        let polarity = try section.choice("polarity", default: Polarity.noJudgement)
        let indicators = try section.file("indicators")
        let comparator = try section.text("comparator", default: "england")!
        let england = try section.text("england", default: "pooled")!
        let englandCode = try section.text("england-code", default: "E92000001")!
        let peers = try section.file("peers")
        let areaType = try section.text("area-type")
        let period = try section.text("period")
        let changeFrom = try section.text("change-from")
        // `missing = "pass" | "skip" | "error"` as in the indicators step; the older flag
        // `skip-missing = true` still means `skip`.
        let skipMissing = try section.flag("skip-missing")
        let missingChoice = try section.choice("missing", default: MissingValuePolicy.pass)
        let funnel = try section.choice("funnel", default: FunnelMethod.exact)
        let winsorise = try section.number("winsorise", default: 10)!
        let dispersionModel = try section.choice("dispersion-model", default: DispersionModel.additive)
        let dispersionTest = try section.choice("dispersion-test", default: DispersionTest.chiSquare)
        let labelOutliers = try section.integer("label-outliers", default: 12)!
        try section.finish()
        let missing = skipMissing ? MissingValuePolicy.skip : missingChoice
        let template = BenchmarkOptions(counts: counts.name, statistic: statistic, multiplier: multiplier, polarity: polarity,
                                        indicators: indicators?.name, comparator: comparator, england: england, englandCode: englandCode,
                                        peers: peers?.name, areaType: areaType, period: period, changeFrom: changeFrom, missing: missing,
                                        funnel: funnel, winsorise: winsorise, dispersionModel: dispersionModel, dispersionTest: dispersionTest)
        try section.check {
            if skipMissing && section.section.table["missing"] != nil && missingChoice != .skip {
                throw OptionError("skip-missing = true contradicts missing = \"\(missingChoice.rawValue)\"; give only missing")
            }
            try template.validate()
            if labelOutliers < 0 { throw OptionError("--label-outliers must be 0 or more") }
        }
        let name = section.name
        let outputs = ["\(name).csv", "\(name)-summary.csv"] + (template.hasFunnels ? ["\(name)-curve.csv"] : [])
        return StepPlan(name: name, kind: section.kind, options: section.options, reads: section.reads, outputs: outputs) { context in
            var options = template
            options.counts = context.path(counts)
            options.indicators = indicators.map(context.path)
            options.peers = peers.map(context.path)
            let result = try BenchmarkStep.run(options)
            for note in result.notes { context.note(note) }
            var tables: [(table: StepTable, file: String)] = [(result.table, "\(name).csv"), (result.summary, "\(name)-summary.csv")]
            if options.hasFunnels { tables.append((result.curveTable(), "\(name)-curve.csv")) }
            try context.write(tables)
            if options.hasFunnels {
                for plot in result.funnelPlots(labelOutliers: labelOutliers) {
                    try context.writeChart(plot.svg, file: "\(name)-\(plot.file)", title: "Funnel plot: \(plot.title)")
                }
            }
            context.summarise("indicators", .array(result.results.map { indicator in
                let dispersion = indicator.dispersion
                let outside95 = indicator.rows.filter { $0.position?.isBeyond95 == true }.count
                let outside998 = indicator.rows.filter { $0.position?.isBeyond998 == true }.count
                var counts: [String: Int] = [:]
                for row in indicator.rows { if let label = row.significance95?.rawValue { counts[label, default: 0] += 1 } }
                return .object([
                    ("indicator_id", .string(indicator.indicatorId)), ("name", .text(indicator.name)), ("period", .text(indicator.period)),
                    ("breakdown", .object(zip(indicator.breakdown.columns, indicator.breakdown.values).map { ($0, .string($1)) })),
                    ("organisations", .integer(indicator.rows.count)), ("comparator", .string(indicator.comparatorName)),
                    ("comparator_value", .number(Set(indicator.rows.compactMap(\.comparatorValue)).count == 1 ? indicator.rows.first?.comparatorValue : nil)),
                    ("phi", .number(dispersion.phi)), ("tau2", .number(dispersion.tauSquared * indicator.multiplier * indicator.multiplier)),
                    ("dispersion_model", .string(dispersion.model.rawValue)), ("dispersion_reason", .string(dispersion.reason)),
                    ("outside_95", .integer(outside95)), ("outside_998", .integer(outside998)),
                    ("significance", .object(counts.keys.sorted().map { ($0, .integer(counts[$0]!)) })),
                ])
            }))
        }
    }
}
