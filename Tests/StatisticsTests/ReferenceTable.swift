import Foundation
import Testing
@testable import Statistics

/// One row of Reference/distributions.csv, written by Reference/make_reference.py (mpmath at 45+
/// digits; see the script for how each function's value is obtained).
struct ReferenceRow: Sendable {
    let line: Int
    let function: String
    let a: Double
    let b: Double
    let x: Double
    let expected: Double
}

enum ReferenceTable {
    /// The rows of distributions.csv, loaded once.
    static let rows: [ReferenceRow] = load()

    static func load() -> [ReferenceRow] {
        guard let url = Bundle.module.url(forResource: "distributions", withExtension: "csv", subdirectory: "Reference"),
              let text = try? String(contentsOf: url, encoding: .utf8)
        else { return [] }
        var rows: [ReferenceRow] = []
        for (index, line) in text.split(separator: "\n").enumerated() where index > 0 {
            let fields = line.split(separator: ",", omittingEmptySubsequences: false).map(String.init)
            guard fields.count == 5, let x = Double(fields[3]), let expected = Double(fields[4]) else {
                rows.append(ReferenceRow(line: index + 1, function: "malformed", a: .nan, b: .nan, x: .nan, expected: .nan))
                continue
            }
            rows.append(ReferenceRow(
                line: index + 1, function: fields[0],
                a: Double(fields[1]) ?? .nan, b: Double(fields[2]) ?? .nan, x: x, expected: expected))
        }
        return rows
    }

    /// The tolerance rule of the reference tests: relative 1e-12, i.e.
    /// `|computed − expected| ≤ 1e-12 · max(|expected|, 1e-300)`. Below 1e-300 (only the normal
    /// tail beyond |x| ≈ 37, where doubles become subnormal and carry fewer digits) this is an absolute
    /// tolerance of 1e-312; an expected 0 must be met to within 1e-312.
    static func agrees(_ computed: Double, _ expected: Double) -> Bool {
        abs(computed - expected) <= 1e-12 * max(abs(expected), 1e-300)
    }

    /// Evaluates the Statistics function a row names (see FUNCTIONS in make_reference.py).
    static func evaluate(_ row: ReferenceRow) -> Double {
        let (a, b, x) = (row.a, row.b, row.x)
        switch row.function {
        case "normal_cdf": return Normal.cdf(x)
        case "normal_ccdf": return Normal.complementaryCDF(x)
        case "normal_density": return Normal.density(x)
        case "normal_quantile": return Normal.quantile(x)
        case "normal_quantile_upper": return Normal.quantile(upperTail: x)
        case "gamma_p": return SpecialFunctions.regularizedGammaP(a, x)
        case "gamma_q": return SpecialFunctions.regularizedGammaQ(a, x)
        case "gamma_p_inverse": return SpecialFunctions.inverseRegularizedGammaP(a, x)
        case "gamma_q_inverse": return SpecialFunctions.inverseRegularizedGammaQ(a, x)
        case "chisq_quantile": return ChiSquared(degreesOfFreedom: a).quantile(x)
        case "chisq_quantile_upper": return ChiSquared(degreesOfFreedom: a).quantile(upperTail: x)
        case "beta_cdf": return BetaDistribution(alpha: a, beta: b).cdf(x)
        case "beta_ccdf": return BetaDistribution(alpha: a, beta: b).complementaryCDF(x)
        case "beta_quantile": return BetaDistribution(alpha: a, beta: b).quantile(x)
        case "beta_quantile_upper": return BetaDistribution(alpha: a, beta: b).quantile(upperTail: x)
        case "t_cdf": return StudentT(degreesOfFreedom: a).cdf(x)
        case "t_quantile": return StudentT(degreesOfFreedom: a).quantile(x)
        case "poisson_pmf": return Poisson(mean: a).pmf(Int(x))
        case "poisson_cdf": return Poisson(mean: a).cdf(Int(x))
        case "poisson_sf": return Poisson(mean: a).complementaryCDF(Int(x))
        case "poisson_quantile": return Double(Poisson(mean: a).quantile(x))
        case "binomial_pmf": return Binomial(trials: Int(a), probability: b).pmf(Int(x))
        case "binomial_cdf": return Binomial(trials: Int(a), probability: b).cdf(Int(x))
        case "binomial_sf": return Binomial(trials: Int(a), probability: b).complementaryCDF(Int(x))
        case "binomial_quantile": return Double(Binomial(trials: Int(a), probability: b).quantile(x))
        case "wilson_lower":
            return ConfidenceInterval.wilson(successes: a, trials: b, confidence: ConfidenceLevel(percent: x)).lower
        case "wilson_upper":
            return ConfidenceInterval.wilson(successes: a, trials: b, confidence: ConfidenceLevel(percent: x)).upper
        case "exact_binomial_lower":
            return ConfidenceInterval.exactBinomial(successes: a, trials: b, confidence: ConfidenceLevel(percent: x)).lower
        case "exact_binomial_upper":
            return ConfidenceInterval.exactBinomial(successes: a, trials: b, confidence: ConfidenceLevel(percent: x)).upper
        case "byar_lower": return ConfidenceInterval.byar(observed: a, confidence: ConfidenceLevel(percent: x)).lower
        case "byar_upper": return ConfidenceInterval.byar(observed: a, confidence: ConfidenceLevel(percent: x)).upper
        case "exact_poisson_lower":
            return ConfidenceInterval.exactPoisson(observed: a, confidence: ConfidenceLevel(percent: x)).lower
        case "exact_poisson_upper":
            return ConfidenceInterval.exactPoisson(observed: a, confidence: ConfidenceLevel(percent: x)).upper
        case "student_t_mean_half_width":
            let interval = ConfidenceInterval.studentTMean(mean: 0, sd: b, n: a, confidence: ConfidenceLevel(percent: x))
            return interval.upper
        default: return .nan
        }
    }
}

/// Every function family of the reference table; each is one test case so a failure names it.
let referenceFunctions = [
    "normal_cdf", "normal_ccdf", "normal_density", "normal_quantile", "normal_quantile_upper",
    "gamma_p", "gamma_q", "gamma_p_inverse", "gamma_q_inverse", "chisq_quantile", "chisq_quantile_upper",
    "beta_cdf", "beta_ccdf", "beta_quantile", "beta_quantile_upper", "t_cdf", "t_quantile",
    "poisson_pmf", "poisson_cdf", "poisson_sf", "poisson_quantile",
    "binomial_pmf", "binomial_cdf", "binomial_sf", "binomial_quantile",
    "wilson_lower", "wilson_upper", "exact_binomial_lower", "exact_binomial_upper",
    "byar_lower", "byar_upper", "exact_poisson_lower", "exact_poisson_upper", "student_t_mean_half_width",
]

@Suite("Reference table (mpmath values from Reference/make_reference.py)")
struct ReferenceTableTests {
    @Test("The table loads, is well formed and names only known functions")
    func tableIsWellFormed() {
        let rows = ReferenceTable.rows
        #expect(rows.count > 2000)
        let unknown = rows.filter { !referenceFunctions.contains($0.function) }
        #expect(unknown.isEmpty, "unknown or malformed rows at lines \(unknown.prefix(5).map(\.line))")
    }

    @Test("Every row agrees to 1e-12 relative", arguments: referenceFunctions)
    func rowsAgree(function: String) {
        let rows = ReferenceTable.rows.filter { $0.function == function }
        #expect(!rows.isEmpty, "no reference rows for \(function)")
        var failures: [String] = []
        for row in rows {
            let computed = ReferenceTable.evaluate(row)
            if !ReferenceTable.agrees(computed, row.expected) {
                let relative = abs(computed / row.expected - 1)
                failures.append("line \(row.line) \(function)(a: \(row.a), b: \(row.b), x: \(row.x)) = \(computed), expected \(row.expected), relative error \(relative)")
            }
        }
        #expect(failures.isEmpty, "\(failures.count) of \(rows.count) rows disagree:\n\(failures.prefix(25).joined(separator: "\n"))")
    }
}
