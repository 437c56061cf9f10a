import Inequality
import Tables

/// A finished inequality step.
public struct InequalityStepResult {
    public var options: InequalityStepOptions
    /// One analysis per combination of the `--by` values, in file order.
    public var analyses: [(key: [String], result: InequalityResult)]
    /// What was skipped, with counts.
    public var notes: [String]
    /// Sentences about rows read differently (repeats read once, rows of other area types,
    /// periods or breakdowns left out, one analysis per period), for standard error.
    public var readingNotes: [String]
    /// The columns of each analysis' key: the --by columns, then those found to vary.
    public var keyColumns: [String]
    /// The --by columns, measure, value, lowercl, uppercl, confidence, method.
    public var estimates: StepTable
    /// The --by columns, deprivation_group, population, organisations, numerator, denominator,
    /// value, lowercl, uppercl (95%).
    public var groups: StepTable
}

/// `consortium inequality` and a run's inequality step: read the indicator file, join
/// organisations to their deprivation groups, and analyse each `--by` key with Inequality's
/// `InequalityAnalysis`.
public enum InequalityStep {
    public static func run(_ options: InequalityStepOptions) throws -> InequalityStepResult {
        try options.validate()
        let analysisOptions = try options.analysisOptions()
        let input = try InequalityInput.read(options)
        var analyses: [(key: [String], result: InequalityResult)] = []
        for analysis in input.analyses {
            analyses.append((analysis.key, try InequalityAnalysis.analyse(analysis.observations, options: analysisOptions)))
        }
        let byColumns = input.keyColumns
        let multiplier = options.multiplier
        let estimates = StepTable(header: byColumns + ["measure", "value", "lowercl", "uppercl", "confidence", "method"]) { emit in
            for analysis in analyses {
                let key = analysis.key.map(CSVValue.text)
                for estimate in analysis.result.estimates {
                    try emit(key + [
                        .text(estimate.measure), number(estimate.value), number(estimate.limits?.lower), number(estimate.limits?.upper),
                        estimate.confidence.map { .text(Table.formatNumber($0 * 100) + "%") } ?? .missing, .text(estimate.method),
                    ])
                }
            }
        }
        let groups = StepTable(header: byColumns + ["deprivation_group", "population", "organisations", "numerator", "denominator", "value", "lowercl", "uppercl"]) { emit in
            for analysis in analyses {
                let key = analysis.key.map(CSVValue.text)
                for group in analysis.result.groups {
                    let limits = group.limits(confidence: 0.95)
                    try emit(key + [
                        .wholeNumber(group.group), .number(group.population), .wholeNumber(group.organisationCount),
                        number(group.numerator), number(group.denominator), .number(group.value * multiplier),
                        .number(limits.lower * multiplier), .number(limits.upper * multiplier),
                    ])
                }
            }
        }
        return InequalityStepResult(options: options, analyses: analyses, notes: input.notes, readingNotes: input.readingNotes,
                                    keyColumns: input.keyColumns, estimates: estimates, groups: groups)
    }

    static func number(_ value: Double?) -> CSVValue {
        value.map(CSVValue.number) ?? .missing
    }
}
