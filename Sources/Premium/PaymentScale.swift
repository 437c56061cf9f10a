/// The common scale λ applied to every practice's earned amount before caps and floors.
///
/// With earned amounts eᵢ ≥ 0, floors fᵢ and caps cᵢ (fᵢ ≤ cᵢ, cᵢ = +∞ for no cap), the
/// payments are pᵢ(λ) = clamp(λ·eᵢ, fᵢ, cᵢ) and their total g(λ) = Σ pᵢ(λ) is continuous,
/// piecewise linear and non-decreasing in λ, with g(0) = Σ fᵢ. The scale is
/// λ* = sup{λ ∈ [0, λmax] : g(λ) ≤ T}: the largest scale whose payments fit in the money T
/// (λmax = +∞ when unearned money is redistributed, 1 when it is returned). So
/// - redistribution pays T exactly (λ* ≥ 1 unless floors need more than the unearned money)
///   unless every earning practice reaches its cap first, and then the caps are paid and the rest
///   is returned;
/// - without redistribution practices are paid what they earned, within caps and floors, and
///   λ* < 1 only when floors cannot otherwise be met from the pot.
///
/// Because all practices share λ, a practice whose own eᵢ rises is never paid less: either λ*
/// stays and its pᵢ rises, or λ* falls, every other payment falls or stays, and the total is
/// the same (or larger), so its pᵢ cannot fall.
///
/// The solution is exact, not iterative: the breakpoints fᵢ/eᵢ and cᵢ/eᵢ are sorted, the segment
/// where g crosses T is found, and λ = (T − A)/B on it, where A sums the payments held at a floor
/// or cap and B the earned amounts of the practices in between (both summed in practice order).
/// (The design suggested bisection; the piecewise-linear solve gives the same λ without an
/// iteration count or tolerance.)
public enum PaymentScale {
    /// λ*, as above. Requires finite eᵢ ≥ 0, 0 ≤ fᵢ ≤ cᵢ and Σ fᵢ ≤ `total` (the calculator checks
    /// floors against the pot first).
    public static func solve(earned: [Double], floors: [Double], caps: [Double], total: Double, maximumScale: Double) -> Double {
        precondition(earned.count == floors.count && earned.count == caps.count, "PaymentScale: one earned amount, floor and cap per practice")
        if totalPaid(scale: maximumScale, earned: earned, floors: floors, caps: caps) <= total { return maximumScale }

        // Breakpoints: a practice leaves its floor at fᵢ/eᵢ and reaches its cap at cᵢ/eᵢ.
        var breakpoints: [Double] = [0]
        for index in earned.indices where earned[index] > 0 {
            breakpoints.append(floors[index] / earned[index])
            if caps[index].isFinite { breakpoints.append(caps[index] / earned[index]) }
        }
        breakpoints.sort()
        var lower = 0.0
        for breakpoint in breakpoints where breakpoint > lower {
            if breakpoint >= maximumScale || totalPaid(scale: breakpoint, earned: earned, floors: floors, caps: caps) >= total {
                return crossing(from: lower, to: min(breakpoint, maximumScale), earned: earned, floors: floors, caps: caps, total: total)
            }
            lower = breakpoint
        }
        return crossing(from: lower, to: maximumScale, earned: earned, floors: floors, caps: caps, total: total)
    }

    /// Payments at a scale: clamp(λ·eᵢ, fᵢ, cᵢ); at λ = +∞ an earning practice is paid its cap
    /// and a practice that earned nothing its floor.
    public static func payments(scale: Double, earned: [Double], floors: [Double], caps: [Double]) -> [Double] {
        earned.indices.map { payment(scale: scale, earned: earned[$0], floor: floors[$0], cap: caps[$0]) }
    }

    static func payment(scale: Double, earned: Double, floor: Double, cap: Double) -> Double {
        if earned == 0 { return floor }
        if scale == .infinity { return cap }
        return min(cap, max(floor, scale * earned))
    }

    static func totalPaid(scale: Double, earned: [Double], floors: [Double], caps: [Double]) -> Double {
        var sum = 0.0
        for index in earned.indices {
            sum += payment(scale: scale, earned: earned[index], floor: floors[index], cap: caps[index])
        }
        return sum
    }

    /// The λ in [lower, upper] where g(λ) = total, g being linear there: A + λ·B, with the status
    /// of each practice (floor, free, cap) taken at the middle of the segment.
    private static func crossing(from lower: Double, to upper: Double, earned: [Double], floors: [Double], caps: [Double], total: Double) -> Double {
        let middle = upper.isFinite ? (lower + upper) / 2 : lower + 1
        var held = 0.0
        var free = 0.0
        for index in earned.indices {
            let scaled = middle * earned[index]
            if earned[index] == 0 || scaled <= floors[index] {
                held += floors[index]
            } else if scaled >= caps[index] {
                held += caps[index]
            } else {
                free += earned[index]
            }
        }
        guard free > 0 else { return lower }
        let scale = (total - held) / free
        return min(max(scale, lower), upper)
    }
}
