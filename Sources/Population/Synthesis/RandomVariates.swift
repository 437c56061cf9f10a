/// Random variates drawn from `SyntheticRandom` with `PortableMath` only, so that they are the
/// same on every machine.
extension SyntheticRandom {
    /// A standard normal variate by Marsaglia's polar method (*Marsaglia and Bray, A convenient
    /// method for generating normal variables*, SIAM Review 6, 1964): draw (u, v) uniform in the
    /// unit disc, return u·√(−2 ln s / s) with s = u² + v². One of the pair is used.
    public mutating func normal() -> Double {
        while true {
            let u = 2 * nextUnit() - 1
            let v = 2 * nextUnit() - 1
            let s = u * u + v * v
            if s > 0 && s < 1 { return u * (-2 * PortableMath.log(s) / s).squareRoot() }
        }
    }

    /// exp(μ + σZ) with Z standard normal: a log-normal variate with median e^μ.
    public mutating func logNormal(logMedian: Double, sigma: Double) -> Double {
        PortableMath.exp(logMedian + sigma * normal())
    }

    /// A Poisson variate with the given mean (≥ 0).
    ///
    /// Mean below 10: inversion by products of uniforms (Knuth, TAOCP vol. 2, 3.4.1): the count
    /// of uniforms whose running product stays above e^−mean. Mean 10 or more: Hörmann's
    /// transformed rejection with squeeze, PTRS (*The transformed rejection method for generating
    /// Poisson random variables*, Insurance: Mathematics and Economics 12, 1993), accepting k
    /// when ln V + ln(1/α) − ln(a/u_s² + b) ≤ −λ + k ln λ − ln k!.
    public mutating func poisson(mean: Double) -> Int {
        precondition(mean >= 0 && mean.isFinite, "poisson: mean \(mean)")
        if mean == 0 { return 0 }
        if mean < 10 {
            let limit = PortableMath.exp(-mean)
            var product = nextUnit()
            var count = 0
            while product > limit {
                product *= nextUnit()
                count += 1
            }
            return count
        }
        let rootMean = mean.squareRoot()
        let logMean = PortableMath.log(mean)
        let b = 0.931 + 2.53 * rootMean
        let a = -0.059 + 0.02483 * b
        let inverseAlpha = 1.1239 + 1.1328 / (b - 3.4)
        let acceptBelow = 0.9277 - 3.6224 / (b - 2)
        while true {
            let u = nextUnit() - 0.5
            let v = nextUnit()
            let us = 0.5 - abs(u)
            let k = ((2 * a / us + b) * u + mean + 0.43).rounded(.down)
            if us >= 0.07 && v <= acceptBelow { return Int(k) }
            if k < 0 || (us < 0.013 && v > us) { continue }
            let left = PortableMath.log(v) + PortableMath.log(inverseAlpha) - PortableMath.log(a / (us * us) + b)
            let right = -mean + k * logMean - PortableMath.logFactorial(Int(k))
            if left <= right { return Int(k) }
        }
    }

    /// A binomial variate: successes in `trials` independent trials of probability `probability`.
    ///
    /// For p > ½ the draw is trials − Binomial(trials, 1 − p). With n·p < 10: inversion,
    /// stepping the probability function from P(0) = qⁿ by P(k) = P(k−1)·((n+1)/k − 1)·p/q.
    /// Otherwise Hörmann's BTRS (*The generation of binomial random variates*, Journal of
    /// Statistical Computation and Simulation 46, 1993): transformed rejection with squeeze,
    /// accepting k when ln(V·α/(a/u_s² + b)) ≤ ln f(k) − ln f(m), m the mode, evaluated with
    /// `PortableMath.logFactorial`.
    public mutating func binomial(trials: Int, probability: Double) -> Int {
        precondition(trials >= 0 && probability >= 0 && probability <= 1, "binomial: n \(trials), p \(probability)")
        if trials == 0 || probability == 0 { return 0 }
        if probability == 1 { return trials }
        if probability > 0.5 { return trials - binomial(trials: trials, probability: 1 - probability) }
        let n = Double(trials)
        let p = probability
        let q = 1 - p
        if n * p < 10 {
            let ratio = p / q
            var mass = PortableMath.exp(n * PortableMath.log(q))
            var u = nextUnit()
            var k = 0
            while u > mass && k < trials {
                u -= mass
                k += 1
                mass *= ((n + 1) / Double(k) - 1) * ratio
            }
            return k
        }
        let spread = (n * p * q).squareRoot()
        let b = 1.15 + 2.53 * spread
        let a = -0.0873 + 0.0248 * b + 0.01 * p
        let c = n * p + 0.5
        let acceptBelow = 0.92 - 4.2 / b
        let alpha = (2.83 + 5.1 / b) * spread
        let logOdds = PortableMath.log(p / q)
        let mode = Int(((n + 1) * p).rounded(.down))
        let logModeTerms = PortableMath.logFactorial(mode) + PortableMath.logFactorial(trials - mode)
        while true {
            let u = nextUnit() - 0.5
            var v = nextUnit()
            let us = 0.5 - abs(u)
            let k = ((2 * a / us + b) * u + c).rounded(.down)
            if k < 0 || k > n { continue }
            if us >= 0.07 && v <= acceptBelow { return Int(k) }
            v = PortableMath.log(v * alpha / (a / (us * us) + b))
            let successes = Int(k)
            let bound = logModeTerms - PortableMath.logFactorial(successes) - PortableMath.logFactorial(trials - successes)
                + Double(successes - mode) * logOdds
            if v <= bound { return successes }
        }
    }
}
