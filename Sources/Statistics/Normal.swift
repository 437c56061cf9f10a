import Foundation

/// The standard normal distribution N(0, 1).
public enum Normal {
    static let inverseSquareRootTwoPi = 0.398_942_280_401_432_677_94
    /// `1/√2` rounded to double, and the remainder `1/√2 − inverseSquareRootTwo` (≈ −4.83e-17).
    static let inverseSquareRootTwo = 0.707_106_781_186_547_524_40
    static let inverseSquareRootTwoRemainder = -4.833_646_656_726_457e-17

    /// Density `φ(x) = exp(−x²/2) / √(2π)`.
    ///
    /// `x²` is split as `h² + (|x| − h)(|x| + h)` with `h` a multiple of 1/16, so `h²/2` is exact and
    /// the rounding of `x²` does not cost `x²·ε` relative in the tail (Cody's device, as in
    /// ACM TOMS Algorithm 715).
    public static func density(_ x: Double) -> Double {
        let magnitude = abs(x)
        let high = (magnitude * 16).rounded(.towardZero) / 16
        let low = magnitude - high
        return exp(-0.5 * high * high) * exp(-0.5 * low * (magnitude + high)) * inverseSquareRootTwoPi
    }

    /// Lower-tail probability `Φ(x) = ½ erfc(−x/√2)`, accurate relative to `Φ(x)` for all `x`
    /// (down to the subnormal range near `x = −38`). See ``complementaryCDF(_:)``.
    public static func cdf(_ x: Double) -> Double {
        complementaryCDF(-x)
    }

    /// Upper-tail probability `1 − Φ(x) = ½ erfc(x/√2)`, accurate relative to itself in the upper tail.
    ///
    /// `erfc` is the C library's (a few ulp). The argument `x/√2` is rounded; the rounding remainder
    /// `r` (found with a fused multiply-add) is put back by the first-order correction
    /// `erfc(t + r) ≈ erfc(t)·(1 − r·ρ(t))`, `ρ(t) = 2e^(−t²)/(√π erfc t) ≈ t + √(t² + 1.7)`
    /// (the bounds of Abramowitz & Stegun 7.1.13), which removes an error of up to `x²·ε` in the tail.
    public static func complementaryCDF(_ x: Double) -> Double {
        if x.isNaN { return .nan }
        let argument = x * inverseSquareRootTwo
        let value = 0.5 * erfc(argument)
        guard argument > 0.5 && argument.isFinite else { return value }
        let remainder = fma(x, inverseSquareRootTwo, -argument) + x * inverseSquareRootTwoRemainder
        let ratio = argument + (argument * argument + 1.7).squareRoot()
        return value * (1 - remainder * ratio)
    }

    /// Quantile `Φ⁻¹(p)` for `0 ≤ p ≤ 1` (−∞ at 0, +∞ at 1, NaN outside).
    ///
    /// Wichura's Algorithm AS 241 (PPND16), Applied Statistics 37 (1988) 477–484: rational
    /// approximations in `q = p − ½` for `|q| ≤ 0.425` and in `r = sqrt(−log min(p, 1 − p))`
    /// otherwise, relative accuracy about 1e-16 (coefficients checked against the paper's hash sums),
    /// followed in the tails (`|p − ½| > 0.425`) by one Newton step on the accurate tail probability.
    /// The result is the correctly rounded `Φ⁻¹` of the double `p` in the cases tested (≤ 0.77 ulp
    /// over 2300 tail points): `quantile(0.025) = −1.9599639845400543` and
    /// `quantile(upperTail: 0.001) = 3.0902323061678136`, the true 95% and 99.8% deviates
    /// (published to 16 digits as 1.959963984540054 and 3.090232306167813); `quantile(0.975)` is
    /// `1.9599639845400538` because the double 0.975 is slightly below 0.975.
    /// For an upper-tail probability smaller than 1e-16 use ``quantile(upperTail:)``.
    public static func quantile(_ p: Double) -> Double {
        if p.isNaN || p < 0 || p > 1 { return .nan }
        if p == 0 { return -.infinity }
        if p == 1 { return .infinity }
        let q = p - 0.5
        if abs(q) <= 0.425 {
            return q * centralRational(0.180625 - q * q)
        }
        let tail = q < 0 ? p : 1 - p
        let magnitude = refinedTailDeviate(tailRational((-log(tail)).squareRoot()), tail: tail)
        return q < 0 ? -magnitude : magnitude
    }

    /// One Newton step on the tail, `s ← s + (Q(s) − t)/φ(s)` with `Q = 1 − Φ` the accurate upper
    /// tail, applied to the AS 241 value `s` of the deviate whose upper tail is `t` (`t < 0.075`).
    /// The tail is evaluated where it is small, so the step's own error is about `t·ε/φ(s) < ulp(s)/2`;
    /// it turns AS 241's occasional one-ulp error into the correctly rounded value in the cases
    /// tested (e.g. `Φ⁻¹(0.025) = −1.9599639845400543`).
    static func refinedTailDeviate(_ deviate: Double, tail: Double) -> Double {
        let density = density(deviate)
        guard density > 0 else { return deviate }
        let upperTail = complementaryCDF(deviate)
        guard upperTail > 0 else { return deviate }
        return deviate + (upperTail - tail) / density
    }

    /// Upper-tail quantile: the `x` with `1 − Φ(x) = q`, i.e. `−Φ⁻¹(q)`, accurate for tiny `q`.
    public static func quantile(upperTail q: Double) -> Double {
        -quantile(q)
    }

    /// AS 241 rational function for the central region, in `r = 0.180625 − q²`.
    static func centralRational(_ r: Double) -> Double {
        let numerator = ((((((((2.509_080_928_730_122_672_7e3 * r + 3.343_057_558_358_812_810_5e4) * r
            + 6.726_577_092_700_870_085_3e4) * r + 4.592_195_393_154_987_145_7e4) * r
            + 1.373_169_376_550_946_112_5e4) * r + 1.971_590_950_306_551_442_7e3) * r
            + 1.331_416_678_917_843_774_5e2) * r + 3.387_132_872_796_366_608_0))
        let denominator = (((((((5.226_495_278_852_854_561_0e3 * r + 2.872_908_573_572_194_267_4e4) * r
            + 3.930_789_580_009_271_061_0e4) * r + 2.121_379_430_158_659_586_7e4) * r
            + 5.394_196_021_424_751_107_7e3) * r + 6.871_870_074_920_579_083_0e2) * r
            + 4.231_333_070_160_091_125_2e1) * r + 1.0)
        return numerator / denominator
    }

    /// AS 241 rational functions for the tails, in `r = sqrt(−log(tail probability))`; returns `|x|`.
    static func tailRational(_ r: Double) -> Double {
        if r <= 5 {
            let s = r - 1.6
            let numerator = (((((((7.745_450_142_783_414_076_40e-4 * s + 2.272_384_498_926_918_458_33e-2) * s
                + 2.417_807_251_774_506_117_70e-1) * s + 1.270_458_252_452_368_382_58) * s
                + 3.647_848_324_763_204_605_04) * s + 5.769_497_221_460_691_405_50) * s
                + 4.630_337_846_156_545_295_90) * s + 1.423_437_110_749_683_577_34)
            let denominator = (((((((1.050_750_071_644_416_843_24e-9 * s + 5.475_938_084_995_344_946_00e-4) * s
                + 1.519_866_656_361_645_719_66e-2) * s + 1.481_039_764_274_800_745_90e-1) * s
                + 6.897_673_349_851_000_045_50e-1) * s + 1.676_384_830_183_803_849_40) * s
                + 2.053_191_626_637_758_821_87) * s + 1.0)
            return numerator / denominator
        }
        let s = r - 5
        let numerator = (((((((2.010_334_399_292_288_132_65e-7 * s + 2.711_555_568_743_487_578_15e-5) * s
            + 1.242_660_947_388_078_438_60e-3) * s + 2.653_218_952_657_612_309_30e-2) * s
            + 2.965_605_718_285_048_912_30e-1) * s + 1.784_826_539_917_291_335_80) * s
            + 5.463_784_911_164_114_369_90) * s + 6.657_904_643_501_103_777_20)
        let denominator = (((((((2.044_263_103_389_939_785_64e-15 * s + 1.421_511_758_316_445_888_70e-7) * s
            + 1.846_318_317_510_054_681_80e-5) * s + 7.868_691_311_456_132_591_00e-4) * s
            + 1.487_536_129_085_061_485_25e-2) * s + 1.369_298_809_227_358_053_10e-1) * s
            + 5.998_322_065_558_879_376_90e-1) * s + 1.0)
        return numerator / denominator
    }
}
