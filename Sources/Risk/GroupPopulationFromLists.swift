import Population
import Tables

extension GroupPopulation {
    /// Groups from registered lists held in memory (each list a group: aggregate practices into
    /// consortia first with `RegisteredLists.aggregated(by:)`), each band placed in the model cell
    /// that contains it. Errors: a model with need groups (lists have none), a band outside every
    /// model band or straddling two.
    public init(lists: RegisteredLists, model: CostModel) throws {
        let place = SourceLocation(file: "registered lists", columnName: "age_band")
        guard !model.hasNeedGroups else {
            throw DataError(.badData, at: place, "the cost model (\(model.source)) has need groups; registered lists have none")
        }
        var cellOf: [[Int]] = []
        for sex in Sex.allCases {
            var cells: [Int] = []
            for band in lists.bands.bands {
                switch model.placement(sex: sex, ages: band, needGroup: nil) {
                case .cell(let index): cells.append(index)
                case .straddles(let bands):
                    throw DataError(.badData, at: place, "the band \(band.label) straddles the cost model's bands \(bands.map(\.label).joined(separator: " and "))")
                case .unknown:
                    throw DataError(.badData, at: place, "unknown band \(band.label) for sex \(sex.label): the cost model (\(model.source)) does not cover it")
                }
            }
            cellOf.append(cells)
        }
        var counts = [Int](repeating: 0, count: lists.count * model.count)
        for group in 0..<lists.count {
            for sex in Sex.allCases {
                for band in 0..<lists.bands.count {
                    counts[group * model.count + cellOf[sex.index][band]] += lists.patients(practice: group, sex: sex, band: band)
                }
            }
        }
        self.init(codes: lists.practiceCodes, cellCount: model.count, counts: counts)
    }
}
