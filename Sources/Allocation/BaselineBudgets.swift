import Tables

/// Current (baseline) budgets, in pence: per practice, or per consortium.
public enum BaselineBudgets: Sendable {
    /// One baseline per practice of the `CapitationInput`, in its order, with where each was read.
    case practices([Int], locations: [SourceLocation]?)
    /// Baselines by consortium code, with where each was read.
    case consortia([String: Int], locations: [String: SourceLocation])
}
