import Foundation

extension SpecialFunctions {
    /// The `x ≥ 0` with `P(a, x) = p` (`a > 0`, `0 ≤ p ≤ 1`). Accurate also in the upper tail when
    /// `1 − p` is exactly representable; for tiny upper tails use ``inverseRegularizedGammaQ(_:_:)``.
    public static func inverseRegularizedGammaP(_ a: Double, _ p: Double) -> Double {
        inverseIncompleteGamma(a, lower: p, upper: 1 - p)
    }

    /// The `x ≥ 0` with `Q(a, x) = q`, solved on `Q` itself so that tiny `q` keep full accuracy.
    public static func inverseRegularizedGammaQ(_ a: Double, _ q: Double) -> Double {
        inverseIncompleteGamma(a, lower: 1 - q, upper: q)
    }

    /// Solves `P(a, x) = lower` (equivalently `Q(a, x) = upper`, `lower + upper = 1`), targeting the
    /// smaller of the two so the result has relative accuracy in both tails.
    ///
    /// Method: Newton's method on `h(u) = log T(a, eᵘ) − log target`, `u = log x`, with `T` the tail
    /// being matched. `P(a, eᵘ)` and `Q(a, eᵘ)` are log-concave in `u` (the log-gamma density
    /// `∝ exp(a u − eᵘ)` is log-concave), so after the first step the iterates approach the root
    /// monotonically from one side; `h'(u) = ±(x^a e^(−x)/Γ(a)) / T`. The state is kept as `x`,
    /// updated by `x ← x·exp(Δu)`. Start: the larger of the Wilson–Hilferty approximation
    /// `a (1 − 1/(9a) + z/(3√a))³` and the lower bound `(p Γ(a + 1))^(1/a)` (from
    /// `P(a, x) ≤ x^a / Γ(a + 1)`) in the lower tail, Wilson–Hilferty in the upper tail.
    static func inverseIncompleteGamma(_ a: Double, lower: Double, upper: Double) -> Double {
        if a.isNaN || lower.isNaN || upper.isNaN || a <= 0 || lower < 0 || upper < 0 { return .nan }
        if lower == 0 { return 0 }
        if upper == 0 { return .infinity }
        let matchesLowerTail = lower <= upper
        let target = matchesLowerTail ? lower : upper
        let z = matchesLowerTail ? Normal.quantile(lower) : Normal.quantile(upperTail: upper)
        let cubeRoot = 1 - 1 / (9 * a) + z / (3 * a.squareRoot())
        var x = cubeRoot > 0 ? a * cubeRoot * cubeRoot * cubeRoot : 0
        if matchesLowerTail {
            let lowerBound = exp((log(lower) + logGamma(a + 1)) / a)
            if lowerBound.isFinite { x = max(x, lowerBound) }
        }
        if !(x > 0) || !x.isFinite { x = a }
        for _ in 0..<200 {
            let value = incompleteGamma(a, x)
            let tail = matchesLowerTail ? value.lower : value.upper
            if !(tail > 0) || !(value.prefix > 0) {
                // Underflow far out in the tail being matched: move towards the bulk.
                x = matchesLowerTail ? max(x * 2, x + 1) : x / 2
                continue
            }
            let logRatio = log(tail / target)
            let slope = value.prefix / tail
            var step = matchesLowerTail ? -logRatio / slope : logRatio / slope
            step = min(max(step, -50), 50)
            x *= exp(step)
            if abs(step) < 1e-12 { break }
        }
        return x
    }
}
