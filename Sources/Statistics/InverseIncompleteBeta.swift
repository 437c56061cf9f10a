import Foundation

extension SpecialFunctions {
    /// The `x` in `[0, 1]` with `I_x(a, b) = p`. For an upper-tail target `1 − p` smaller than about
    /// 1e-3 use ``inverseRegularizedBetaComplement(_:_:_:)`` to keep full relative accuracy.
    public static func inverseRegularizedBeta(_ p: Double, _ a: Double, _ b: Double) -> Double {
        inverseIncompleteBeta(a, b, lower: p, upper: 1 - p).x
    }

    /// The `x` in `[0, 1]` with `1 − I_x(a, b) = q`, solved on the upper tail itself.
    public static func inverseRegularizedBetaComplement(_ q: Double, _ a: Double, _ b: Double) -> Double {
        inverseIncompleteBeta(a, b, lower: 1 - q, upper: q).x
    }

    /// Solves `I_x(a, b) = lower` (equivalently `1 − I_x(a, b) = upper`), returning `x` and `y = 1 − x`
    /// each to relative accuracy (so `y` is accurate when `x` is close to 1).
    ///
    /// Method: Newton's method in the logit `u = log(x / (1 − x))` on `h(u) = log T − log target`,
    /// `T` the smaller tail. The density of `u`, `∝ e^(a u) / (1 + eᵘ)^(a+b)`, is log-concave for all
    /// `a, b > 0`, hence so are both tails, and the iteration converges monotonically after its first
    /// step; `h'(u) = ±(x^a y^b / B(a, b)) / T`. The state `(x, y)` is updated without forming `u`:
    /// `x ← x/(x + y e^(−Δu))`, `y ← y e^(−Δu)/(x + y e^(−Δu))`. Starting value: the normal/Cornish–
    /// Fisher-type approximation of Majumder & Bhattacharjee's AS 64 / Cran, Martin & Thomas' AS 109
    /// (Applied Statistics 1973, 1977), with the exact normal quantile.
    static func inverseIncompleteBeta(_ a: Double, _ b: Double, lower: Double, upper: Double) -> (x: Double, y: Double) {
        if a.isNaN || b.isNaN || lower.isNaN || upper.isNaN || a <= 0 || b <= 0 || lower < 0 || upper < 0 {
            return (.nan, .nan)
        }
        if lower == 0 { return (0, 1) }
        if upper == 0 { return (1, 0) }
        let matchesLowerTail = lower <= upper
        let target = matchesLowerTail ? lower : upper
        var x: Double
        var y: Double
        if matchesLowerTail {
            x = betaQuantileGuess(a, b, lowerTail: lower)
            y = 1 - x
        } else {
            y = betaQuantileGuess(b, a, lowerTail: upper)
            x = 1 - y
        }
        if !(x > 0 && y > 0) || !x.isFinite || !y.isFinite {
            x = a / (a + b)
            y = b / (a + b)
        }
        let meanX = a / (a + b)
        let meanY = b / (a + b)
        for _ in 0..<200 {
            let value = incompleteBeta(a, b, x: x, y: y)
            let tail = matchesLowerTail ? value.lower : value.upper
            if !(tail > 0) || !(value.prefix > 0) {
                // Underflow far out in the tail being matched: move half-way to the mean.
                x = 0.5 * (x + meanX)
                y = 0.5 * (y + meanY)
                continue
            }
            let logRatio = log(tail / target)
            let slope = value.prefix / tail
            var step = matchesLowerTail ? -logRatio / slope : logRatio / slope
            step = min(max(step, -50), 50)
            let weightY = y * exp(-step)
            let normaliser = x + weightY
            x /= normaliser
            y = weightY / normaliser
            if abs(step) < 1e-12 { break }
        }
        return (x, y)
    }

    /// Approximate `x` with `I_x(a, b) = alpha`, `alpha ≤ ½` (AS 109's starting value).
    static func betaQuantileGuess(_ a: Double, _ b: Double, lowerTail alpha: Double) -> Double {
        let deviate = Normal.quantile(upperTail: alpha)
        if a > 1 && b > 1 {
            let r = (deviate * deviate - 3) / 6
            let s = 1 / (2 * a - 1)
            let t = 1 / (2 * b - 1)
            let h = 2 / (s + t)
            let w = deviate * (h + r).squareRoot() / h - (t - s) * (r + 5.0 / 6 - 2 / (3 * h))
            return a / (a + b * exp(2 * w))
        }
        let logBeta = logGamma(a) + logGamma(b) - logGamma(a + b)
        let r = 2 * b
        let inverseNineB = 1 / (9 * b)
        let base = 1 - inverseNineB + deviate * inverseNineB.squareRoot()
        let chiSquare = r * base * base * base
        if chiSquare <= 0 {
            return 1 - exp((log1p(-alpha) + log(b) + logBeta) / b)
        }
        let ratio = (4 * a + r - 2) / chiSquare
        if ratio <= 1 {
            return exp((log(alpha * a) + logBeta) / a)
        }
        return 1 - 2 / (ratio + 1)
    }
}
