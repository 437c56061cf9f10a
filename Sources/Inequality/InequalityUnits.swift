import Tables

/// The units over which the concentration index and the distributional indices are computed:
/// the organisations when the rows are organisations, otherwise the groups. Values are on the
/// reporting scale (× multiplier), weights are populations (denominators).
struct InequalityUnits {
    var values: [Double] = []
    var weights: [Double] = []
    /// Ascending key = ascending concentration rank (see `InequalityAnalysis`).
    var rankKeys: [Double] = []
    /// Per-person variance of the indicator within each unit (reporting scale squared).
    var individualVariances: [Double] = []
    /// Subgroup labels for the Theil decomposition, when the rows carry them.
    var partitions: [String]?
    var partitionCount = 0
    var partitionName = "consortium"
    var rankingDescription = ""
    var unitDescription = ""

    var weightedMean: Double {
        var sum = 0.0, total = 0.0
        for index in values.indices {
            sum += weights[index] * values[index]
            total += weights[index]
        }
        return sum / total
    }

    init(observations: [IndicatorObservation], groups: [GroupEstimate], options: InequalityOptions) throws {
        let multiplier = options.multiplier
        let sign = options.direction == .mostMinusLeast ? 1.0 : -1.0
        let organisationRows = observations.allSatisfy { $0.organisation != nil } && options.statistic != .value
        guard organisationRows else {
            for group in groups {
                values.append(group.value * multiplier)
                weights.append(group.population)
                rankKeys.append(sign * -Double(group.group))
                individualVariances.append(group.individualVariance * multiplier * multiplier)
            }
            rankingDescription = "ranked by deprivation group"
            unitDescription = "the \(groups.count) groups"
            return
        }
        let byScore = observations.allSatisfy { $0.deprivationScore != nil }
        let scoreSign = options.scoreOrder == .higherIsMoreDeprived ? 1.0 : -1.0
        let withPartitions = observations.contains { $0.partition != nil }
        var labels: [String] = []
        for row in observations {
            let value = row.numerator! / row.denominator!
            values.append(value * multiplier)
            weights.append(row.denominator!)
            rankKeys.append(sign * (byScore ? scoreSign * row.deprivationScore! : -Double(row.group)))
            switch options.statistic {
            case .proportion: individualVariances.append(value * (1 - value) * multiplier * multiplier)
            case .rate: individualVariances.append(value * multiplier * multiplier)
            case .ratio, .value: individualVariances.append(0)
            }
            if withPartitions {
                guard let partition = row.partition else {
                    throw DataError(.badData, at: row.location ?? SourceLocation(file: options.source),
                                    "expected a subgroup (consortium) for every organisation, found none")
                }
                labels.append(partition)
            }
        }
        if withPartitions {
            partitions = labels
            partitionCount = Set(labels).count
        }
        rankingDescription = byScore ? "organisations ranked by deprivation score" : "organisations ranked by deprivation group"
        unitDescription = "\(observations.count) organisations"
    }
}
