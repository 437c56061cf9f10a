/// Elementary functions computed only with IEEE 754 operations that are correctly rounded
/// (+, −, ×, ÷), so that they return the same bits on every machine and C library — the
/// system `exp` and `log` may differ in the last bit between platforms, which would change
/// synthetic data drawn through them.
///
/// Accuracy: within a few units in the last place over the ranges used (checked against the
/// system functions in the tests to 1e-15 relative).
public enum PortableMath {
    // ln 2 split so that k × ln2High is exact for |k| < 2¹¹ (Cody and Waite's reduction).
    static let ln2High = 6.93147180369123816490e-01
    static let ln2Low = 1.90821492927058770002e-10

    /// eˣ: x = k ln 2 + r with |r| ≤ ln2/2, eʳ by its Taylor series to r¹⁴/14! (truncation
    /// below 4e-18 relative), then scaled by 2ᵏ exactly. Overflow gives +∞, underflow 0.
    public static func exp(_ x: Double) -> Double {
        if x.isNaN { return x }
        if x > 709.782712893384 { return .infinity }
        if x < -745.1332191019412 { return 0 }
        let k = (x / 0.6931471805599453).rounded()
        let r = (x - k * ln2High) - k * ln2Low
        var sum = 1.0
        var term = 1.0
        for n in 1...14 {
            term = term * r / Double(n)
            sum += term
        }
        return scaleByPowerOfTwo(sum, Int(k))
    }

    /// ln x for x > 0 (0 gives −∞, negative or NaN gives NaN): x = m · 2ᵉ with √½ ≤ m < √2,
    /// ln m = 2 atanh(f) with f = (m − 1)/(m + 1), |f| ≤ 0.1716, summed to f²⁵/25 (truncation
    /// below 1e-19), plus e ln 2.
    public static func log(_ x: Double) -> Double {
        if x.isNaN || x < 0 { return .nan }
        if x == 0 { return -.infinity }
        if x == .infinity { return x }
        var exponent = Int(x.exponent)
        var mantissa = x.significand
        if mantissa > 1.4142135623730951 {
            mantissa /= 2
            exponent += 1
        }
        let f = (mantissa - 1) / (mantissa + 1)
        let square = f * f
        var series = 0.0
        var odd = 25.0
        while odd >= 3 {
            series = (series + 1 / odd) * square
            odd -= 2
        }
        let logMantissa = 2 * f + 2 * f * series
        let e = Double(exponent)
        return e * ln2High + (e * ln2Low + logMantissa)
    }

    /// ln(k!) for k ≥ 0: the sum of logarithms for k < 16, else Stirling's series
    /// ln Γ(n) = (n − ½) ln n − n + ½ ln 2π + 1/(12n) − 1/(360n³) + 1/(1260n⁵) − 1/(1680n⁷) with
    /// n = k + 1 (error below 1e-14 for n ≥ 17; Abramowitz and Stegun 6.1.41).
    public static func logFactorial(_ k: Int) -> Double {
        precondition(k >= 0)
        if k < 16 { return smallLogFactorials[k] }
        let n = Double(k + 1)
        let inverse = 1 / n
        let square = inverse * inverse
        let tail = inverse * (1.0 / 12 - square * (1.0 / 360 - square * (1.0 / 1260 - square / 1680)))
        return (n - 0.5) * log(n) - n + 0.91893853320467274178 + tail
    }

    private static let smallLogFactorials: [Double] = {
        var values = [0.0]
        for k in 1..<16 { values.append(values[k - 1] + log(Double(k))) }
        return values
    }()

    /// 1 / (1 + e⁻ˣ).
    public static func logistic(_ x: Double) -> Double {
        1 / (1 + exp(-x))
    }

    /// The standard normal distribution function Φ(x), by Abramowitz and Stegun 26.2.17
    /// (|error| < 7.5e-8): enough to turn a deprivation score into an England-equivalent rank.
    public static func normalDistribution(_ x: Double) -> Double {
        let t = 1 / (1 + 0.2316419 * abs(x))
        let polynomial = t * (0.319381530 + t * (-0.356563782 + t * (1.781477937 + t * (-1.821255978 + t * 1.330274429))))
        let upper = 0.3989422804014327 * exp(-x * x / 2) * polynomial
        return x >= 0 ? 1 - upper : upper
    }

    /// The standard normal quantile Φ⁻¹(p) for 0 < p < 1, by Acklam's rational approximations
    /// (central region |p − ½| ≤ 0.47575, tails in √(−2 ln q)); relative error below 1.15e-9.
    public static func normalQuantile(_ p: Double) -> Double {
        precondition(p > 0 && p < 1, "normalQuantile: p = \(p)")
        let a = [-3.969683028665376e+01, 2.209460984245205e+02, -2.759285104469687e+02, 1.383577518672690e+02, -3.066479806614716e+01, 2.506628277459239e+00]
        let b = [-5.447609879822406e+01, 1.615858368580409e+02, -1.556989798598866e+02, 6.680131188771972e+01, -1.328068155288572e+01]
        let c = [-7.784894002430293e-03, -3.223964580411365e-01, -2.400758277161838e+00, -2.549732539343734e+00, 4.374664141464968e+00, 2.938163982698783e+00]
        let d = [7.784695709041462e-03, 3.224671290700398e-01, 2.445134137142996e+00, 3.754408661907416e+00]
        let low = 0.02425
        if p < low || p > 1 - low {
            let q = (-2 * log(p < low ? p : 1 - p)).squareRoot()
            let x = (((((c[0] * q + c[1]) * q + c[2]) * q + c[3]) * q + c[4]) * q + c[5]) / ((((d[0] * q + d[1]) * q + d[2]) * q + d[3]) * q + 1)
            return p < low ? x : -x
        }
        let q = p - 0.5
        let r = q * q
        return (((((a[0] * r + a[1]) * r + a[2]) * r + a[3]) * r + a[4]) * r + a[5]) * q
            / (((((b[0] * r + b[1]) * r + b[2]) * r + b[3]) * r + b[4]) * r + 1)
    }

    /// value × 2ⁿ exactly (when the result is a normal number), in at most three steps so that
    /// 2ⁿ itself never overflows or underflows.
    static func scaleByPowerOfTwo(_ value: Double, _ n: Int) -> Double {
        var result = value
        var remaining = n
        while remaining > 1000 {
            result *= 0x1.0p1000
            remaining -= 1000
        }
        while remaining < -1000 {
            result *= 0x1.0p-1000
            remaining += 1000
        }
        return result * Double(sign: .plus, exponent: remaining, significand: 1)
    }
}
