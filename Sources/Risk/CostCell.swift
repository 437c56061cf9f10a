import Population

/// One cell of a cost model: the persons of one sex, in one band of ages and, where the model
/// has them, one need group (e.g. a morbidity group), who share one cost distribution.
public struct CostCell: Hashable, Sendable, CustomStringConvertible {
    public let sex: Sex
    public let ages: AgeBand
    /// The need group, or nil in a model by age and sex only.
    public let needGroup: String?

    public init(sex: Sex, ages: AgeBand, needGroup: String? = nil) {
        self.sex = sex
        self.ages = ages
        self.needGroup = needGroup
    }

    /// `F 65-74` or `F 65-74 diabetes`.
    public var description: String {
        "\(sex.label) \(ages.label)" + (needGroup.map { " \($0)" } ?? "")
    }
}
