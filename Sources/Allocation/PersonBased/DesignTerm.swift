/// What a design column stands for in a person-based model.
public enum TermRole: String, Sendable, Equatable {
    case intercept
    case need
    case supply
}

/// One column of a person-based design: the intercept, a numeric variable, or the indicator of
/// one level of a categorical variable.
public struct DesignTerm: Sendable, Equatable {
    public enum Kind: Sendable, Equatable {
        /// 1 for every person.
        case intercept
        /// The variable's value.
        case numeric
        /// 1 when the variable's value is `level`, 0 otherwise.
        case indicator(level: String)
    }

    /// The term's name in outputs: `intercept`, the column name, or `variable=level`.
    public var name: String
    /// The column of the persons file; empty for the intercept.
    public var variable: String
    public var role: TermRole
    public var kind: Kind

    public init(name: String, variable: String, role: TermRole, kind: Kind) {
        self.name = name
        self.variable = variable
        self.role = role
        self.kind = kind
    }

    /// The level of an indicator term, or nil.
    public var level: String? {
        if case .indicator(let level) = kind { return level }
        return nil
    }

    /// The name of the indicator of `level` of `variable`.
    public static func indicatorName(variable: String, level: String) -> String {
        "\(variable)=\(level)"
    }
}
