/// The Berry–Esseen bound for a sum of independent, not necessarily identically distributed,
/// summands Xᵢ with variances σᵢ² and third absolute central moments ρᵢ:
///
///   sup_x |P(ΣXᵢ ≤ x) − Φ((x − Σμᵢ)/√Σσᵢ²)| ≤ C₀ · Σρᵢ / (Σσᵢ²)^(3/2),  C₀ = 0.5600
///
/// (Shevtsova, *An improvement of convergence rate estimates in the Lyapunov theorem*, Doklady
/// Mathematics 82(3), 2010). For n identical summands this is C₀ρ/(σ³√n).
public enum BerryEsseenBound {
    /// Shevtsova's constant for non-identically distributed summands.
    public static let constant = 0.5600

    /// C₀ · Σρ / (Σσ²)^(3/2), from the sums; 0 when the variance is 0 (nothing approximated),
    /// capped at 1 (a Kolmogorov distance never exceeds 1).
    public static func bound(sumOfThirdAbsoluteMoments: Double, sumOfVariances: Double) -> Double {
        guard sumOfVariances > 0 else { return 0 }
        return min(1, constant * sumOfThirdAbsoluteMoments / (sumOfVariances * sumOfVariances.squareRoot()))
    }
}
