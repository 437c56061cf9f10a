/// A general practice and where it sits in the commissioning structure: its primary care
/// network (PCN), its consortium (sub-ICB location, formerly CCG) and its NHS England region.
///
/// `attributes` holds numeric characteristics by their column name (`market_forces_factor`,
/// `imd_score`, `registered_patients`, any need variable a formula names); `labels` holds text
/// characteristics (`contract_type`, `rurality`, …). Both are keyed by `snake_case` names.
public struct Practice: Hashable, Sendable {
    /// The practice code (`A81001`); text, leading zeros kept.
    public var code: String
    /// The consortium (sub-ICB location) the practice belongs to (`E38000001`, or `16C`).
    public var consortiumCode: String
    public var name: String?
    public var consortiumName: String?
    public var pcnCode: String?
    public var pcnName: String?
    public var regionCode: String?
    public var regionName: String?
    public var locality: String?
    public var attributes: [String: Double]
    public var labels: [String: String]

    public init(
        code: String, consortiumCode: String, name: String? = nil, consortiumName: String? = nil, pcnCode: String? = nil,
        pcnName: String? = nil, regionCode: String? = nil, regionName: String? = nil, locality: String? = nil,
        attributes: [String: Double] = [:], labels: [String: String] = [:]
    ) {
        self.code = code
        self.consortiumCode = consortiumCode
        self.name = name
        self.consortiumName = consortiumName
        self.pcnCode = pcnCode
        self.pcnName = pcnName
        self.regionCode = regionCode
        self.regionName = regionName
        self.locality = locality
        self.attributes = attributes
        self.labels = labels
    }
}
