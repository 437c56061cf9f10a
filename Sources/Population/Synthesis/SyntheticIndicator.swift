/// An indicator of the synthetic data and the true model its counts are drawn from.
///
/// For practice p and band b inside `bands`, with nₚᵦ registered persons and practice deprivation
/// zₚ (the patient-weighted mean of its areas' latent deprivation, about standard normal across
/// England):
/// - `count`: numerator ~ Poisson(nₚᵦ · rateᵦ · exp(γ zₚ + σ εₚ)), denominator nₚᵦ
///   (events per person-year, as deaths or admissions);
/// - `proportion`: numerator ~ Binomial(nₚᵦ, logistic(logit(rateᵦ) + γ zₚ + σ εₚ)),
///   denominator nₚᵦ (people on a register, as smokers or diabetics);
/// with γ = `deprivationEffect`, σ = `practiceVariation` and εₚ standard normal, one per
/// practice and indicator (over-dispersion between practices).
public struct SyntheticIndicator: Sendable {
    public enum Kind: String, Sendable {
        case count
        case proportion
    }

    public let id: String
    public let name: String
    public let kind: Kind
    /// The statistic an analyst would compute: `dsr`, `rate` or `proportion`.
    public let statistic: String
    /// 100,000 for rates, 100 for percentages.
    public let multiplier: Double
    /// `lower_is_better`, `higher_is_better` or `not_applicable`.
    public let polarity: String
    /// Positions (in the nineteen bands) of the first and last band the indicator covers.
    public let bands: ClosedRange<Int>
    /// Events per person-year (`count`) or probability (`proportion`) in each of the nineteen
    /// bands; 0 outside `bands`.
    public let bandRates: [Double]
    public let deprivationEffect: Double
    public let practiceVariation: Double
}

extension SyntheticIndicator {
    /// The twelve named indicators. Band rates are rounded England-like shapes chosen for the
    /// generator (e.g. deaths under 75 give a DSR near 340 per 100,000 with the ESP 2013, smoking
    /// prevalence about 15% of patients aged 15+), not official figures.
    public static let named: [SyntheticIndicator] = [
        SyntheticIndicator(
            id: "deaths_under_75", name: "Deaths under 75 (all causes)", kind: .count, statistic: "dsr", multiplier: 100_000,
            polarity: "lower_is_better", bands: 0...14,
            bandRates: [0.00055, 0.00008, 0.0001, 0.00025, 0.00045, 0.0006, 0.0008, 0.0011, 0.0016, 0.0024, 0.0036, 0.0053, 0.0078,
                        0.0118, 0.018, 0, 0, 0, 0],
            deprivationEffect: 0.3, practiceVariation: 0.06),
        SyntheticIndicator(
            id: "smoking_prevalence", name: "Smoking prevalence, patients aged 15+", kind: .proportion, statistic: "proportion",
            multiplier: 100, polarity: "lower_is_better", bands: 3...18,
            bandRates: [0, 0, 0, 0.07, 0.16, 0.19, 0.19, 0.18, 0.17, 0.16, 0.16, 0.155, 0.14, 0.12, 0.1, 0.08, 0.06, 0.045, 0.035],
            deprivationEffect: 0.35, practiceVariation: 0.15),
        SyntheticIndicator(
            id: "emergency_admissions", name: "Emergency hospital admissions", kind: .count, statistic: "dsr", multiplier: 100_000,
            polarity: "lower_is_better", bands: 0...18,
            bandRates: [0.13, 0.05, 0.045, 0.07, 0.075, 0.075, 0.075, 0.075, 0.08, 0.085, 0.095, 0.11, 0.13, 0.16, 0.2, 0.27, 0.36, 0.48, 0.6],
            deprivationEffect: 0.22, practiceVariation: 0.1),
        SyntheticIndicator(
            id: "diabetes_prevalence", name: "Diabetes prevalence, patients aged 17+ (15+ bands)", kind: .proportion,
            statistic: "proportion", multiplier: 100, polarity: "not_applicable", bands: 3...18,
            bandRates: [0, 0, 0, 0.003, 0.006, 0.01, 0.015, 0.024, 0.035, 0.05, 0.068, 0.09, 0.115, 0.14, 0.16, 0.175, 0.175, 0.16, 0.13],
            deprivationEffect: 0.18, practiceVariation: 0.08),
        SyntheticIndicator(
            id: "hypertension_prevalence", name: "Hypertension prevalence, patients aged 15+", kind: .proportion,
            statistic: "proportion", multiplier: 100, polarity: "not_applicable", bands: 3...18,
            bandRates: [0, 0, 0, 0.002, 0.006, 0.012, 0.02, 0.035, 0.06, 0.09, 0.14, 0.2, 0.27, 0.35, 0.43, 0.5, 0.56, 0.6, 0.6],
            deprivationEffect: 0.05, practiceVariation: 0.08),
        SyntheticIndicator(
            id: "deaths_all_ages", name: "Deaths, all ages (all causes)", kind: .count, statistic: "dsr", multiplier: 100_000,
            polarity: "lower_is_better", bands: 0...18,
            bandRates: [0.00055, 0.00008, 0.0001, 0.00025, 0.00045, 0.0006, 0.0008, 0.0011, 0.0016, 0.0024, 0.0036, 0.0053, 0.0078,
                        0.0118, 0.018, 0.029, 0.05, 0.09, 0.19],
            deprivationEffect: 0.22, practiceVariation: 0.05),
        SyntheticIndicator(
            id: "copd_prevalence", name: "COPD prevalence, patients aged 35+", kind: .proportion, statistic: "proportion",
            multiplier: 100, polarity: "not_applicable", bands: 7...18,
            bandRates: [0, 0, 0, 0, 0, 0, 0, 0.002, 0.004, 0.007, 0.012, 0.02, 0.03, 0.045, 0.06, 0.075, 0.085, 0.085, 0.08],
            deprivationEffect: 0.4, practiceVariation: 0.12),
        SyntheticIndicator(
            id: "asthma_prevalence", name: "Asthma prevalence, patients aged 5+", kind: .proportion, statistic: "proportion",
            multiplier: 100, polarity: "not_applicable", bands: 1...18,
            bandRates: [0, 0.05, 0.08, 0.085, 0.07, 0.065, 0.065, 0.065, 0.065, 0.065, 0.065, 0.065, 0.065, 0.07, 0.07, 0.07, 0.065, 0.06, 0.05],
            deprivationEffect: 0.08, practiceVariation: 0.1),
        SyntheticIndicator(
            id: "depression_prevalence", name: "Depression prevalence, patients aged 18+ (20+ bands)", kind: .proportion,
            statistic: "proportion", multiplier: 100, polarity: "not_applicable", bands: 4...18,
            bandRates: [0, 0, 0, 0, 0.09, 0.13, 0.14, 0.14, 0.14, 0.14, 0.14, 0.14, 0.13, 0.12, 0.1, 0.09, 0.09, 0.09, 0.09],
            deprivationEffect: 0.12, practiceVariation: 0.15),
        SyntheticIndicator(
            id: "ae_attendances", name: "A&E attendances", kind: .count, statistic: "rate", multiplier: 100_000,
            polarity: "lower_is_better", bands: 0...18,
            bandRates: [0.45, 0.25, 0.25, 0.35, 0.4, 0.38, 0.35, 0.32, 0.3, 0.28, 0.28, 0.28, 0.28, 0.3, 0.33, 0.4, 0.5, 0.65, 0.8],
            deprivationEffect: 0.18, practiceVariation: 0.12),
        SyntheticIndicator(
            id: "falls_admissions_65_plus", name: "Emergency admissions for falls, aged 65+", kind: .count, statistic: "dsr",
            multiplier: 100_000, polarity: "lower_is_better", bands: 13...18,
            bandRates: [0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0.008, 0.012, 0.02, 0.035, 0.06, 0.09],
            deprivationEffect: 0.1, practiceVariation: 0.1),
        SyntheticIndicator(
            id: "cancer_diagnoses", name: "New cancer diagnoses", kind: .count, statistic: "rate", multiplier: 100_000,
            polarity: "not_applicable", bands: 0...18,
            bandRates: [0.0002, 0.0001, 0.0001, 0.0002, 0.0003, 0.0005, 0.0008, 0.0012, 0.002, 0.003, 0.0045, 0.0065, 0.009, 0.012,
                        0.015, 0.018, 0.02, 0.021, 0.02],
            deprivationEffect: 0.05, practiceVariation: 0.06),
    ]

    /// The 50 indicators of the England scale: the twelve named ones, then 38 generic ones
    /// (`synthetic_indicator_13` … `_50`), alternately counts and proportions over all ages.
    /// Their band rates follow exp(a + b·(age − 50)) for counts and logistic(a + b·(age − 50))
    /// for proportions, with a, b, γ and σ drawn once from a fixed generator (seed 13,
    /// stream 0), so the catalogue is the same whatever seed the data set uses.
    public static let england: [SyntheticIndicator] = {
        var random = SyntheticRandom(seed: 13)
        var catalogue = named
        for number in (named.count + 1)...50 {
            let isCount = number % 2 == 1
            let level = isCount ? -6 + 4 * random.nextUnit() : -4 + 3.5 * random.nextUnit()
            let slope = -0.02 + 0.08 * random.nextUnit()
            let gradient = -0.1 + 0.5 * random.nextUnit()
            let variation = 0.04 + 0.16 * random.nextUnit()
            let rates = (0..<19).map { band -> Double in
                let age = band == 18 ? 92.5 : Double(band * 5) + 2.5
                let linear = level + slope * (age - 50)
                return isCount ? PortableMath.exp(linear) : PortableMath.logistic(linear)
            }
            catalogue.append(SyntheticIndicator(
                id: "synthetic_indicator_\(number)", name: "Synthetic indicator \(number) (\(isCount ? "rate" : "proportion"), all ages)",
                kind: isCount ? .count : .proportion, statistic: isCount ? "rate" : "proportion",
                multiplier: isCount ? 100_000 : 100, polarity: gradient > 0 ? "lower_is_better" : "higher_is_better", bands: 0...18,
                bandRates: rates, deprivationEffect: gradient, practiceVariation: variation))
        }
        return catalogue
    }()
}
