/// A quality measure of the synthetic achievement file and its true model.
///
/// For practice p: eligible = Σᵦ Binomial(nₚᵦ, prevalenceᵦ) over the measure's sex and bands;
/// exceptions ~ Binomial(eligible, `exceptionRate`); denominator = eligible − exceptions;
/// numerator ~ Binomial(denominator, logistic(logit(`baseAchievement`) + δ zₚ + qₚ + 0.2 εₚₘ))
/// with δ = `deprivationEffect`, qₚ ~ Normal(0, 0.35²) a practice's overall quality (shared by
/// its measures) and εₚₘ standard normal.
public struct SyntheticMeasure: Sendable {
    public let id: String
    public let name: String
    /// Who is eligible, in words.
    public let eligibility: String
    /// Probability of being eligible in each of the nineteen bands (0 outside the measure).
    public let prevalence: [Double]
    /// nil for both sexes.
    public let sex: Sex?
    public let baseAchievement: Double
    public let exceptionRate: Double
    public let deprivationEffect: Double

    /// Eight measures in the manner of QOF indicators.
    public static let catalogue: [SyntheticMeasure] = {
        func rates(of id: String) -> [Double] { SyntheticIndicator.named.first { $0.id == id }!.bandRates }
        let women25to64 = (0..<19).map { (5...12).contains($0) ? 0.97 : 0 }
        let aged65Plus = (0..<19).map { $0 >= 13 ? 1.0 : 0 }
        let dementia: [Double] = [0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0.0005, 0.002, 0.006, 0.014, 0.03, 0.06, 0.12, 0.2]
        return [
            SyntheticMeasure(id: "hypertension_bp_control", name: "Hypertension: blood pressure controlled",
                             eligibility: "patients on the hypertension register (hypertension_prevalence band rates)", prevalence: rates(of: "hypertension_prevalence"),
                             sex: nil, baseAchievement: 0.70, exceptionRate: 0.04, deprivationEffect: -0.12),
            SyntheticMeasure(id: "diabetes_hba1c_control", name: "Diabetes: HbA1c controlled",
                             eligibility: "patients on the diabetes register (diabetes_prevalence band rates)", prevalence: rates(of: "diabetes_prevalence"),
                             sex: nil, baseAchievement: 0.62, exceptionRate: 0.08, deprivationEffect: -0.15),
            SyntheticMeasure(id: "asthma_annual_review", name: "Asthma: annual review",
                             eligibility: "patients on the asthma register (asthma_prevalence band rates)", prevalence: rates(of: "asthma_prevalence"),
                             sex: nil, baseAchievement: 0.60, exceptionRate: 0.07, deprivationEffect: -0.10),
            SyntheticMeasure(id: "copd_annual_review", name: "COPD: annual review",
                             eligibility: "patients on the COPD register (copd_prevalence band rates)", prevalence: rates(of: "copd_prevalence"),
                             sex: nil, baseAchievement: 0.75, exceptionRate: 0.09, deprivationEffect: -0.10),
            SyntheticMeasure(id: "smoking_cessation_support", name: "Smokers offered support to stop",
                             eligibility: "current smokers (smoking_prevalence band rates)", prevalence: rates(of: "smoking_prevalence"),
                             sex: nil, baseAchievement: 0.88, exceptionRate: 0.01, deprivationEffect: -0.05),
            SyntheticMeasure(id: "cervical_screening_25_64", name: "Cervical screening, women 25-64",
                             eligibility: "women aged 25-64, 97% of them eligible", prevalence: women25to64,
                             sex: .female, baseAchievement: 0.70, exceptionRate: 0.03, deprivationEffect: -0.30),
            SyntheticMeasure(id: "flu_vaccination_65_plus", name: "Flu vaccination, aged 65+",
                             eligibility: "all patients aged 65+", prevalence: aged65Plus,
                             sex: nil, baseAchievement: 0.78, exceptionRate: 0.02, deprivationEffect: -0.25),
            SyntheticMeasure(id: "dementia_care_review", name: "Dementia: care plan reviewed",
                             eligibility: "patients with dementia: 0.05% at 55-59, 0.2%, 0.6%, 1.4%, 3%, 6%, 12%, 20% at 90+", prevalence: dementia,
                             sex: nil, baseAchievement: 0.66, exceptionRate: 0.12, deprivationEffect: -0.10),
        ]
    }()
}
