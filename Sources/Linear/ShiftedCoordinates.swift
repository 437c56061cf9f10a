/// The reparametrisation in which the fits are computed when the design has an intercept.
///
/// With an intercept column c (every observation equal to 1) each other column j is shifted by a
/// constant sⱼ (s_c = 0) and the response by t: x̃ⱼ = xⱼ − sⱼ, ỹ = y − t. Then X = X̃·S with
/// S = I + e_c·sᵀ, so the column space is unchanged and y = X·b + e is y − t = X̃·b̃ + e with
///
///     b = T·b̃ + t·e_c,   T = S⁻¹ = I − e_c·sᵀ   (that is bⱼ = b̃ⱼ for j ≠ c, b_c = b̃_c − sᵀb̃ + t),
///     (XᵀWX)⁻¹ = T·(X̃ᵀWX̃)⁻¹·Tᵀ,
///
/// and the residuals are identical. With s and t near the (weighted) means, X̃ᵀWX̃ holds centred
/// sums of squares instead of sums dominated by n·mean², which removes the cancellation that makes
/// raw normal equations lose about log₁₀(mean²/variance) digits (Chan, Golub & LeVeque, "Algorithms
/// for computing the sample variance", *The American Statistician* 37, 1983). Without an intercept
/// s = 0 and t = 0: the fit is computed in raw coordinates.
struct ShiftedCoordinates: Sendable, Equatable {
    /// Index of the intercept column, if the design has one.
    let interceptColumn: Int?
    /// sⱼ for every column; zero for the intercept and everywhere when there is no intercept.
    let columnShifts: [Double]
    /// t; zero when there is no intercept.
    let responseShift: Double

    static func unshifted(columnCount: Int) -> ShiftedCoordinates {
        ShiftedCoordinates(interceptColumn: nil, columnShifts: [Double](repeating: 0, count: columnCount), responseShift: 0)
    }

    /// b = T·b̃ + t·e_c.
    func rawCoefficients(fromShifted shifted: [Double]) -> [Double] {
        guard let intercept = interceptColumn else { return shifted }
        var raw = shifted
        var shiftedSum = 0.0
        for (index, shift) in columnShifts.enumerated() { shiftedSum += shift * shifted[index] }
        raw[intercept] = shifted[intercept] - shiftedSum + responseShift
        return raw
    }

    /// T·V·Tᵀ for a symmetric V in shifted coordinates; only row and column c change:
    /// with r = V·s, (TVTᵀ)_cj = V_cj − rⱼ (j ≠ c) and (TVTᵀ)_cc = V_cc − 2r_c + sᵀr.
    func rawCovariance(fromShifted shifted: Matrix) -> Matrix {
        guard let intercept = interceptColumn else { return shifted }
        let size = shifted.rows
        var product = [Double](repeating: 0, count: size)
        for j in 0..<size {
            var sum = 0.0
            for k in 0..<size { sum += shifted[j, k] * columnShifts[k] }
            product[j] = sum
        }
        var quadratic = 0.0
        for k in 0..<size { quadratic += columnShifts[k] * product[k] }
        var raw = shifted
        for j in 0..<size where j != intercept {
            raw[intercept, j] -= product[j]
            raw[j, intercept] -= product[j]
        }
        raw[intercept, intercept] += quadratic - 2 * product[intercept]
        return raw
    }
}
