import Foundation

/// Value of the regularised incomplete beta function at one point: both tails and the common factor.
struct IncompleteBetaValue {
    /// `I_x(a, b)`.
    var lower: Double
    /// `1 − I_x(a, b) = I_(1−x)(b, a)`, computed directly in its own tail.
    var upper: Double
    /// `x^a (1 − x)^b / B(a, b)`; the Beta(a, b) density at `x` is `prefix / (x (1 − x))`.
    var prefix: Double
}

extension SpecialFunctions {
    /// Regularised incomplete beta function `I_x(a, b) = B(x; a, b) / B(a, b)`, `a, b > 0`, `0 ≤ x ≤ 1`.
    ///
    /// Method: with `λ = a − (a + b)x` (computed with a fused multiply-add from whichever of `x`,
    /// `1 − x` is exact), the tail on the near side of the mean is
    /// `I_x(a, b) = x^a (1−x)^b / B(a, b) · K(a, b, x, λ)` for `λ ≥ 0`, and symmetrically
    /// `1 − I_x(a, b) = … · K(b, a, 1 − x, −λ)` for `λ < 0`, so each tail is computed directly.
    /// `K` is the continued fraction of DiDonato & Morris (1992, ACM TOMS 18:360, routine BFRAC),
    /// whose terms use `λ` instead of differences of nearly equal numbers and so stay accurate for
    /// parameters up to 1e7 (the plain A&S 26.5.8 fraction loses about `log10(max(a, b))` digits
    /// there). The factor `x^a (1−x)^b / B(a, b)` is computed as
    /// `sqrt(ab / (2π(a+b))) · Γ*(a+b)/(Γ*(a)Γ*(b)) · exp(a·log1pmx(x/x₀ − 1) + b·log1pmx((1−x)/y₀ − 1))`,
    /// `x₀ = a/(a+b)`, `y₀ = b/(a+b)`, which keeps relative accuracy for large `a, b` (the naive form
    /// loses `log10(a + b)` digits). Reference-tested to 1e-12 relative.
    public static func regularizedBeta(_ x: Double, _ a: Double, _ b: Double) -> Double {
        incompleteBeta(a, b, x: x, y: 1 - x).lower
    }

    /// `1 − I_x(a, b)`, accurate relative to itself (computed directly when it is the smaller tail).
    public static func regularizedBetaComplement(_ x: Double, _ a: Double, _ b: Double) -> Double {
        incompleteBeta(a, b, x: x, y: 1 - x).upper
    }

    /// `x^a y^b / B(a, b)` with `y = 1 − x`; see ``regularizedBeta(_:_:_:)``.
    /// The smaller of `x` and `y` is taken as exact.
    static func betaPrefix(_ a: Double, _ b: Double, x: Double, y: Double) -> Double {
        let total = a + b
        // total·(x − a/total) = x·total − a = b − y·total, from whichever of x, y is exact.
        let scaledOffset = x <= y ? fma(x, total, -a) : fma(-y, total, b)
        let relativeX = scaledOffset / a        // x/x₀ − 1
        let relativeY = -scaledOffset / b       // y/y₀ − 1
        let logX = relativeX < -0.5 ? log(x * total / a) - relativeX : log1pmx(relativeX)
        let logY = relativeY < -0.5 ? log(y * total / b) - relativeY : log1pmx(relativeY)
        let exponent = a * logX + b * logY
            + stirlingCorrection(total) - stirlingCorrection(a) - stirlingCorrection(b)
        return (a * b / (2 * Double.pi * total)).squareRoot() * exp(exponent)
    }

    /// Incomplete beta with both `x` and `y = 1 − x` supplied (the smaller one must be exact).
    static func incompleteBeta(_ a: Double, _ b: Double, x: Double, y: Double) -> IncompleteBetaValue {
        if a.isNaN || b.isNaN || x.isNaN || y.isNaN || a <= 0 || b <= 0 || x < 0 || y < 0 {
            return IncompleteBetaValue(lower: .nan, upper: .nan, prefix: .nan)
        }
        if x == 0 { return IncompleteBetaValue(lower: 0, upper: 1, prefix: 0) }
        if y == 0 { return IncompleteBetaValue(lower: 1, upper: 0, prefix: 0) }
        let prefix = betaPrefix(a, b, x: x, y: y)
        let total = a + b
        let lambda = x <= y ? -fma(x, total, -a) : fma(y, total, -b)
        if lambda >= 0 {
            let lower = prefix * betaContinuedFraction(a, b, x: x, y: y, lambda: lambda)
            return IncompleteBetaValue(lower: lower, upper: 1 - lower, prefix: prefix)
        }
        let upper = prefix * betaContinuedFraction(b, a, x: y, y: x, lambda: -lambda)
        return IncompleteBetaValue(lower: 1 - upper, upper: upper, prefix: prefix)
    }

    /// DiDonato & Morris' continued fraction (BFRAC) for `I_x(a, b) / (x^a y^b / B(a, b))` with
    /// `λ = a − (a + b)x ≥ 0`, evaluated by its three-term recurrence with rescaling. With
    /// `n = 1, 2, …`, `t = n/a`, `w = n(b − n)x`, `s = a + 2n − 1`, `p = 1 + (n − 1)/a`:
    /// `αₙ = p (p + b/a) (a/s)² w x`, `βₙ = n + w/s + (1 + t)/(1 + 1/a + 2t) · (1 + λ + n(1 + y))`,
    /// starting from `A₀ = 1`, `B₀ = (1 + λ)/(1 + 1/a)`.
    static func betaContinuedFraction(_ a: Double, _ b: Double, x: Double, y: Double, lambda: Double) -> Double {
        let shiftedLambda = 1 + lambda
        let ratioBA = b / a
        let shiftedInverseA = 1 + 1 / a
        let yPlusOne = y + 1
        var p = 1.0
        var s = a + 1
        var previousNumerator = 0.0
        var previousDenominator = 1.0
        var numerator = 1.0
        var denominator = shiftedLambda / shiftedInverseA
        var value = shiftedInverseA / shiftedLambda
        var index = 0.0
        for _ in 0..<1_000_000 {
            index += 1
            let t = index / a
            let w = index * (b - index) * x
            let scale = a / s
            let alpha = p * (p + ratioBA) * scale * scale * (w * x)
            let weight = (1 + t) / (shiftedInverseA + t + t)
            let beta = index + w / s + weight * (shiftedLambda + index * yPlusOne)
            p = 1 + t
            s += 2
            let nextNumerator = alpha * previousNumerator + beta * numerator
            let nextDenominator = alpha * previousDenominator + beta * denominator
            previousNumerator = numerator
            previousDenominator = denominator
            let previousValue = value
            value = nextNumerator / nextDenominator
            if abs(value - previousValue) <= 4e-16 * value { break }
            previousNumerator /= nextDenominator
            previousDenominator /= nextDenominator
            numerator = value
            denominator = 1
        }
        return value
    }
}
