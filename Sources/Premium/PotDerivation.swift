/// How the pot was reached, step by step, in whole pence.
///
/// base = the fixed sum, or round(rate per head × registered patients) (to the nearest penny,
/// half away from zero); after standards = round(base × (1 − min(1, failed × reduction% / 100)));
/// pot = after standards, or 0 when the gateway withholds, or
/// round(after standards × (1 − gateway reduction% / 100)) when it reduces. Each step is rounded
/// to the penny so the explanation's lines add up as printed.
public struct PotDerivation: Sendable, Equatable {
    public var registeredPatients: Int
    public var basePence: Int
    public var failedStandards: [String]
    public var reductionPercent: Double
    public var afterStandardsPence: Int
    public var gateway: FinancialGateway?
    public var potPence: Int

    public init(scheme: PremiumScheme, registeredPatients: Int) {
        self.registeredPatients = registeredPatients
        switch scheme.pot {
        case .fixed(let pence):
            basePence = pence
        case .perHead(let pounds):
            basePence = PotDerivation.roundPence(pounds * 100 * Double(registeredPatients))
        }
        failedStandards = scheme.standards.filter { !$0.met }.map(\.name)
        reductionPercent = min(100, scheme.reductionPerFailedStandard * Double(failedStandards.count))
        afterStandardsPence = PotDerivation.roundPence(Double(basePence) * (1 - reductionPercent / 100))
        gateway = scheme.gateway
        if let gateway, gateway.overspent {
            switch gateway.consequence {
            case .withhold:
                potPence = 0
            case .reduce(let percent):
                potPence = PotDerivation.roundPence(Double(afterStandardsPence) * (1 - percent / 100))
            }
        } else {
            potPence = afterStandardsPence
        }
    }

    /// Rounds to the nearest whole penny, half away from zero. A value within 10⁻⁶ p of a whole or
    /// half penny is taken as that value first, so that binary floating point does not turn a
    /// half penny written in decimal (£1.005 × 100 = 100.49999999999999 p) into a round-down.
    static func roundPence(_ pence: Double) -> Int {
        let halves = (pence * 2).rounded()
        if abs(pence * 2 - halves) < 2e-6 { return Int((halves / 2).rounded(.toNearestOrAwayFromZero)) }
        return Int(pence.rounded(.toNearestOrAwayFromZero))
    }
}
