import Statistics

/// The results of a computation kept column by column rather than as one `IndicatorResult` per
/// group: the group's number (its grouping values stay in the one table of groups), the numbers
/// (measures, value, then lower and upper limit per level) in one flat array, and the labels as
/// shared strings.
///
/// At England scale (325,000 DSRs at two levels; resident memory before and after `finish()`)
/// an array of `IndicatorResult`s took about 420 bytes a result in four heap blocks (grouping
/// values, measures, limits, the optional published figures inline); this takes about 160, with
/// no block per result, so the peak of `consortium indicators` fell from 310 to 228 MiB.
struct IndicatorResultStore: Sendable {
    /// The grouping values of every group, `width` per group (`GroupTable.values`).
    let groupValues: [String]
    let width: Int
    let levels: [ConfidenceLevel]
    let measureCount: Int
    private(set) var groupOfResult: [Int32] = []
    /// Per result: `measureCount` measures, the value, then lower and upper per level.
    private(set) var numbers: [Double?] = []
    private(set) var statistics: [String] = []
    private(set) var methods: [String] = []
    private(set) var suppressions: [String?] = []
    /// Per result when the published figures are compared; empty otherwise.
    private(set) var published: [PublishedFigures?] = []
    private let keepsPublished: Bool

    init(groupValues: [String], width: Int, levels: [ConfidenceLevel], measureCount: Int, keepsPublished: Bool) {
        self.groupValues = groupValues
        self.width = width
        self.levels = levels
        self.measureCount = measureCount
        self.keepsPublished = keepsPublished
    }

    var count: Int { groupOfResult.count }

    private var numbersPerResult: Int { measureCount + 1 + 2 * levels.count }

    mutating func reserve(_ results: Int) {
        groupOfResult.reserveCapacity(results)
        numbers.reserveCapacity(results * numbersPerResult)
        statistics.reserveCapacity(results)
        methods.reserveCapacity(results)
        suppressions.reserveCapacity(results)
        if keepsPublished { published.reserveCapacity(results) }
    }

    /// Keeps the result of `group`. Its grouping values are the group's; its measures and limits
    /// must number `measureCount` and one per level, in the levels' order (every statistic
    /// returns them so).
    mutating func append(group: Int, measures: [Double?], statistic: String, estimate: IndicatorEstimate,
                         published: PublishedFigures?) {
        precondition(measures.count == measureCount && estimate.limits.count == levels.count,
                     "a result with \(measures.count) measures and \(estimate.limits.count) levels, where \(measureCount) and \(levels.count) were expected")
        groupOfResult.append(Int32(group))
        numbers.append(contentsOf: measures)
        numbers.append(estimate.value)
        for limits in estimate.limits {
            numbers.append(limits.lower)
            numbers.append(limits.upper)
        }
        statistics.append(statistic)
        methods.append(estimate.method)
        suppressions.append(estimate.suppression)
        if keepsPublished { self.published.append(published) }
    }

    /// The grouping values of result `index`.
    func groupValues(of index: Int) -> ArraySlice<String> {
        let base = Int(groupOfResult[index]) * width
        return groupValues[base..<(base + width)]
    }

    /// The numbers of result `index`: measures, value, then lower and upper per level.
    func numbers(of index: Int) -> ArraySlice<Double?> {
        let base = index * numbersPerResult
        return numbers[base..<(base + numbersPerResult)]
    }

    /// Result `index` as one value.
    func result(_ index: Int) -> IndicatorResult {
        let figures = numbers(of: index)
        let start = figures.startIndex
        let limits = levels.indices.map { level in
            ConfidenceLimits(level: levels[level], lower: figures[start + measureCount + 1 + 2 * level],
                             upper: figures[start + measureCount + 2 + 2 * level])
        }
        let estimate = IndicatorEstimate(value: figures[start + measureCount], limits: limits, method: methods[index],
                                         suppression: suppressions[index])
        return IndicatorResult(groupValues: Array(groupValues(of: index)), measures: Array(figures[start..<(start + measureCount)]),
                               statistic: statistics[index], estimate: estimate,
                               published: keepsPublished ? published[index] : nil)
    }
}
