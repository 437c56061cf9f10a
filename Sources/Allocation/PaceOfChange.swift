import Apportionment
import Tables

/// The result of a pace-of-change solve.
public struct PaceOfChangeSolution: Sendable {
    /// θ: the common growth that makes the budgets add up to the total (see `PaceOfChangeRule`).
    /// Where a range of θ gives the same budgets, the smallest.
    public var commonGrowth: Double
    /// Budgets in pence, summing exactly to the total.
    public var budgets: [Int]
    /// Bisection steps taken.
    public var iterations: Int
}

/// Moves baselines towards targets without breaking the total (design/methods.md, "Pace of
/// change"): every party moves by the rule of `PaceOfChangeRule`, and the one free parameter, the
/// common growth θ, is solved so that the budgets add up to the total.
///
/// Σₚ budgetₚ(θ) is continuous and non-decreasing in θ (each budget is a maximum of
/// non-decreasing piecewise-linear functions of θ), so bisection on S(θ) − total converges to the
/// smallest θ with S(θ) ≥ total. The bracket starts at [−1, max(m, c, 0.1)] and is widened by
/// doubling until it holds the root; a total below S(−∞) (every party at its minimum growth) or
/// above what the cap allows is an error stating the feasible range. Bisection stops when the
/// bracket no longer shrinks in double precision, so S(θ) matches the total to far below a
/// penny; the real budgets are then rounded to pence by the largest-remainder method, ties by
/// code, so they sum to the total exactly.
public enum PaceOfChange {
    /// `baselines` and `targets` in pence (one per party), `total` in pence, `tieRank` from
    /// `LargestRemainder.ranks(ofCodes:)`. Baselines must be >= 0.
    public static func solve(baselines: [Int], targets: [Int], total: Int, rule: PaceOfChangeRule, tieRank: [Int],
                             codes: [String], baselineLocation: (Int) -> SourceLocation) throws -> PaceOfChangeSolution {
        let count = baselines.count
        precondition(targets.count == count && tieRank.count == count && codes.count == count, "PaceOfChange: one target per baseline")
        let place = rule.location ?? SourceLocation(file: "formula")
        for index in 0..<count where baselines[index] < 0 {
            throw DataError(.badData, at: baselineLocation(index),
                            "baseline of \(codes[index]) is negative (\(formatPounds(baselines[index]))); pace of change needs baselines >= 0")
        }
        let baseline = baselines.map(Double.init)
        let target = targets.map(Double.init)
        let goal = Double(total)
        func budgets(_ growth: Double) -> [Double] {
            (0..<count).map { budget(baseline: baseline[$0], target: target[$0], growth: growth, rule: rule) }
        }
        func sum(_ growth: Double) -> Double { budgets(growth).reduce(0, +) }

        // As θ → −∞ every budget falls to its floor bₚ(1 + m), except that with f = 1 those under
        // target always reach their target.
        let leastSum = (0..<count).reduce(0.0) { partial, index in
            let floor = baseline[index] * (1 + rule.minimumGrowth)
            let reachesTarget = rule.gapClosure == 1 && baseline[index] < target[index]
            return partial + (reachesTarget ? max(floor, target[index]) : floor)
        }
        if goal < leastSum {
            throw DataError(.badData, at: place,
                            "pace of change: the total \(formatPounds(total)) is less than the rule's least possible sum \(formatPounds(Int(leastSum.rounded(.up)))) (every budget at its minimum growth \(rule.minimumGrowth))")
        }
        var low = -1.0
        var lowSum = sum(low)
        while lowSum > goal && low > -1e15 {
            low *= 2
            lowSum = sum(low)
        }
        var high = max(rule.minimumGrowth, rule.maximumGrowthOverTarget ?? 0, 0.1)
        var highSum = sum(high)
        while highSum < goal {
            if high > 1e6 {
                throw DataError(.badData, at: place,
                                "pace of change: the total \(formatPounds(total)) is more than the rule can hand out (\(formatPounds(Int(highSum.rounded(.down)))) with growth capped at \(rule.maximumGrowthOverTarget.map { "\($0)" } ?? "none") for those over target and nobody under target)")
            }
            high *= 2
            highSum = sum(high)
        }
        // Invariant: S(low) < goal <= S(high), or S(low) == goal at the start.
        var iterations = 0
        if lowSum == goal {
            high = low
        } else {
            while iterations < 2000 {
                let middle = low + (high - low) / 2
                if middle <= low || middle >= high { break }
                if sum(middle) < goal { low = middle } else { high = middle }
                iterations += 1
            }
        }
        let exact = budgets(high)
        let pence = LargestRemainder.apportion(quotas: exact, total: total, tieRank: tieRank)
        return PaceOfChangeSolution(commonGrowth: high, budgets: pence, iterations: iterations)
    }

    /// One party's budget for common growth θ under the rule (see `PaceOfChangeRule`).
    public static func budget(baseline: Double, target: Double, growth: Double, rule: PaceOfChangeRule) -> Double {
        let floor = baseline * (1 + rule.minimumGrowth)
        if baseline < target {
            let uplifted = baseline * (1 + growth)
            return max(floor, uplifted + rule.gapClosure * max(0, target - uplifted))
        }
        let capped = rule.maximumGrowthOverTarget.map { min(growth, $0) } ?? growth
        return baseline * (1 + max(rule.minimumGrowth, capped))
    }

    static func formatPounds(_ pence: Int) -> String {
        "£" + CSVWriter.format(.pence(pence))
    }
}
