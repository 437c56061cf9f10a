/// One row of the synthetic indicator-counts file: an indicator for one practice and band.
public struct SyntheticIndicatorCount: Sendable {
    /// Position in `SyntheticDataset.indicators`.
    public var indicator: Int
    /// Position in `SyntheticDataset.practices`.
    public var practice: Int
    /// Position in the nineteen bands.
    public var band: Int
    public var numerator: Int
    public var denominator: Int
}

/// One row of the synthetic achievement file.
public struct SyntheticAchievement: Sendable {
    /// Position in `SyntheticDataset.practices`.
    public var practice: Int
    /// Position in `SyntheticDataset.measures`.
    public var measure: Int
    public var numerator: Int
    /// Eligible patients after exceptions.
    public var denominator: Int
    public var exceptions: Int
}

extension SyntheticDataset {
    /// Draws every indicator count (indicator by indicator, then practice, then band) and hands
    /// each to `body` without keeping them, following the true model in `SyntheticIndicator`.
    /// Indicator i uses random stream 30,000 + i, so each indicator's counts do not depend on
    /// the others.
    public func forEachIndicatorCount(_ body: (SyntheticIndicatorCount) throws -> Void) rethrows {
        let bandCount = lists.bands.count
        for (index, indicator) in indicators.enumerated() {
            var random = SyntheticRandom(seed: seed, stream: 30_000 + UInt64(index))
            let logits = indicator.bandRates.map { rate in rate > 0 && rate < 1 ? PortableMath.log(rate / (1 - rate)) : 0 }
            var row = SyntheticIndicatorCount(indicator: index, practice: 0, band: 0, numerator: 0, denominator: 0)
            for practice in practices.indices {
                let effect = indicator.deprivationEffect * practices[practice].deprivation + indicator.practiceVariation * random.normal()
                let relativeRisk = PortableMath.exp(effect)
                let start = practice * 2 * bandCount
                row.practice = practice
                for band in indicator.bands {
                    let persons = lists.counts[start + band] + lists.counts[start + bandCount + band]
                    row.band = band
                    row.denominator = persons
                    switch indicator.kind {
                    case .count:
                        row.numerator = random.poisson(mean: Double(persons) * indicator.bandRates[band] * relativeRisk)
                    case .proportion:
                        row.numerator = random.binomial(trials: persons, probability: PortableMath.logistic(logits[band] + effect))
                    }
                    try body(row)
                }
            }
        }
    }

    /// Draws the achievement of every practice on every measure (practice by practice, then
    /// measure), following the true model in `SyntheticMeasure`; random stream 40,000.
    public func forEachAchievement(_ body: (SyntheticAchievement) throws -> Void) rethrows {
        var random = SyntheticRandom(seed: seed, stream: 40_000)
        let bandCount = lists.bands.count
        let baseLogits = measures.map { PortableMath.log($0.baseAchievement / (1 - $0.baseAchievement)) }
        for practice in practices.indices {
            let quality = 0.35 * random.normal()
            let start = practice * 2 * bandCount
            for (index, measure) in measures.enumerated() {
                var eligible = 0
                for band in 0..<bandCount where measure.prevalence[band] > 0 {
                    let male = lists.counts[start + band]
                    let female = lists.counts[start + bandCount + band]
                    let persons = measure.sex == .female ? female : (measure.sex == .male ? male : male + female)
                    eligible += random.binomial(trials: persons, probability: measure.prevalence[band])
                }
                let exceptions = random.binomial(trials: eligible, probability: measure.exceptionRate)
                let denominator = eligible - exceptions
                let logit = baseLogits[index] + measure.deprivationEffect * practices[practice].deprivation + quality + 0.2 * random.normal()
                let numerator = random.binomial(trials: denominator, probability: PortableMath.logistic(logit))
                try body(SyntheticAchievement(practice: practice, measure: index, numerator: numerator, denominator: denominator,
                                              exceptions: exceptions))
            }
        }
    }
}
