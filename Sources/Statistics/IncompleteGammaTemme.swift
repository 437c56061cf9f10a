import Foundation

extension SpecialFunctions {
    /// Temme's uniform asymptotic expansion (Temme 1979, SIAM J. Math. Anal. 10:757; Temme,
    /// *Special Functions* 1996, §11.2.4; used by DiDonato & Morris 1986 for large `a`):
    ///
    ///     λ = x/a,  η = sign(λ − 1) · sqrt(2 D),  D = λ − 1 − log λ
    ///     Q(a, x) = ½ erfc(η sqrt(a/2)) + R,   P(a, x) = ½ erfc(−η sqrt(a/2)) − R
    ///     R = exp(−a D) / sqrt(2πa) · Σ_k C_k(η) a^(−k)
    ///
    /// with the `C_k` as power series in `η` (coefficients in `temmeGammaCoefficients`). Used for
    /// `a ≥ 20`, `|λ − 1| ≤ 0.3`, where 12 terms give a truncation error below 1e-18 and fewer are
    /// needed as `a` grows.
    static func incompleteGammaTemme(_ a: Double, _ x: Double) -> IncompleteGammaValue {
        let relativeDistance = (x - a) / a
        let deviance = -log1pmx(relativeDistance)
        let scaledRoot = (a * deviance).squareRoot()
        let eta = relativeDistance < 0 ? -(2 * deviance).squareRoot() : (2 * deviance).squareRoot()
        // Terms needed: |C_k| a^-k below ~1e-17 with |C_k| ≲ 1e-3.
        let functionCount = min(temmeGammaFunctionCount, Int(14 / log10(a)) + 1)
        let termCount = temmeGammaTermCount
        let inverseA = 1 / a
        var sum = 0.0
        temmeGammaCoefficients.withUnsafeBufferPointer { coefficients in
            var k = functionCount - 1
            while k >= 0 {
                let rowStart = k * termCount
                var functionValue = 0.0
                var n = termCount - 1
                while n >= 0 {
                    functionValue = functionValue * eta + coefficients[rowStart + n]
                    n -= 1
                }
                sum = sum * inverseA + functionValue
                k -= 1
            }
        }
        let exponential = exp(-a * deviance)
        let remainder = exponential / (2 * Double.pi * a).squareRoot() * sum
        let prefix = (a / (2 * Double.pi)).squareRoot() * exp(-a * deviance - stirlingCorrection(a))
        if relativeDistance >= 0 {
            let upper = 0.5 * erfc(scaledRoot) + remainder
            return IncompleteGammaValue(lower: 1 - upper, upper: upper, prefix: prefix)
        }
        let lower = 0.5 * erfc(scaledRoot) - remainder
        return IncompleteGammaValue(lower: lower, upper: 1 - lower, prefix: prefix)
    }
}
