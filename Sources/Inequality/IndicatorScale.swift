import Population

/// The scale on which a group's value is treated as normally distributed when its uncertainty is
/// simulated or its limits are rebuilt at another confidence level.
///
/// PHEindicatormethods' `phe_sii` (value_type 0, 1, 2) uses the same three: no transformation for
/// values with symmetric limits, the natural logarithm for rates, the logit for proportions,
/// because the limits of a rate or proportion are not symmetric about the value.
///
/// Logarithms and exponentials are `PortableMath`'s, which return the same bits on every machine,
/// so simulated limits do not depend on the platform's C library.
public enum IndicatorScale: String, Sendable, CaseIterable {
    /// t(v) = v; any real value.
    case identity
    /// t(v) = ln v; values > 0 (rates, ratios).
    case log
    /// t(v) = ln(v / (1 − v)); values in (0, 1) (proportions as fractions).
    case logit

    /// The transformed value t(v); NaN outside the domain (callers check `contains` first).
    public func transform(_ value: Double) -> Double {
        switch self {
        case .identity: return value
        case .log: return naturalLogarithm(value)
        case .logit: return naturalLogarithm(value / (1 - value))
        }
    }

    /// The inverse t⁻¹(s): s, eˢ, or eˢ / (1 + eˢ) (computed as 1 / (1 + e⁻ˢ) so that large s
    /// does not overflow).
    public func inverse(_ transformed: Double) -> Double {
        switch self {
        case .identity: return transformed
        case .log: return PortableMath.exp(transformed)
        case .logit: return 1 / (1 + PortableMath.exp(-transformed))
        }
    }

    /// The derivative dt⁻¹/ds at t(v), used to carry a standard error from the transformed scale
    /// back to the value's own scale (delta method): 1, v, v(1 − v).
    public func inverseSlope(atValue value: Double) -> Double {
        switch self {
        case .identity: return 1
        case .log: return value
        case .logit: return value * (1 - value)
        }
    }

    /// Whether t(v) is finite: any finite v; v > 0; 0 < v < 1.
    public func contains(_ value: Double) -> Bool {
        guard value.isFinite else { return false }
        switch self {
        case .identity: return true
        case .log: return value > 0
        case .logit: return value > 0 && value < 1
        }
    }

    /// What the scale needs, as said in error messages.
    public var domainDescription: String {
        switch self {
        case .identity: return "a finite number"
        case .log: return "a value above 0"
        case .logit: return "a proportion strictly between 0 and 1"
        }
    }
}

/// ln x, outside the enum so that the name does not clash with the `.log` case.
private func naturalLogarithm(_ value: Double) -> Double {
    PortableMath.log(value)
}
