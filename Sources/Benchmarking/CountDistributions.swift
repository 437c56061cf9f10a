import Statistics

/// R ~ Binomial(n, θ) for `DiscreteControlLimit`, with the Statistics module's tails and
/// probability function and the ratio P(R = r + 1)/P(R = r) = (n − r)/(r + 1) · θ/(1 − θ).
struct BinomialCounts: CountDistribution {
    let binomial: Binomial
    let trials: Double
    let odds: Double

    init(trials: Int, probability: Double) {
        binomial = Binomial(trials: trials, probability: probability)
        self.trials = Double(trials)
        odds = probability / (1 - probability)
    }

    func cumulative(_ count: Int) -> Double { binomial.cdf(count) }
    func survival(_ count: Int) -> Double { binomial.complementaryCDF(count) }
    func mass(_ count: Int) -> Double { binomial.pmf(count) }
    func ratioUp(_ count: Int) -> Double { (trials - Double(count)) / Double(count + 1) * odds }
    func ratioDown(_ count: Int) -> Double { Double(count) / (trials - Double(count) + 1) / odds }
    var largest: Int? { binomial.trials }
}

/// R ~ Poisson(μ) for `DiscreteControlLimit`, with P(R = r + 1)/P(R = r) = μ/(r + 1).
struct PoissonCounts: CountDistribution {
    let poisson: Poisson
    let mean: Double

    init(mean: Double) {
        poisson = Poisson(mean: mean)
        self.mean = mean
    }

    func cumulative(_ count: Int) -> Double { poisson.cdf(count) }
    func survival(_ count: Int) -> Double { poisson.complementaryCDF(count) }
    func mass(_ count: Int) -> Double { poisson.pmf(count) }
    func ratioUp(_ count: Int) -> Double { mean / Double(count + 1) }
    func ratioDown(_ count: Int) -> Double { Double(count) / mean }
    var largest: Int? { nil }
}
