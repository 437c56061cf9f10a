import Linear
import TestSupport

/// A moderately sized test design drawn from SplitMix64: an intercept, a covariate with a large
/// mean, a 0/1 dummy, two uniform covariates, a response with noise, and positive weights with
/// some zeros. Used to compare the dense and streaming paths with each other.
struct RandomDesign {
    static let columnNames = ["(Intercept)", "age", "female", "u", "v"]

    let design: Matrix
    let response: [Double]
    let weights: [Double]

    init(rows: Int, seed: UInt64) {
        var generator = SplitMix64(seed: seed)
        var columns: [[Double]] = [[Double](repeating: 1, count: rows), [], [], [], []]
        var response: [Double] = []
        var weights: [Double] = []
        for _ in 0..<rows {
            let age = 40 + 30 * generator.nextUniform()
            let female: Double = generator.nextUniform() < 0.5 ? 1 : 0
            let u = generator.nextUniform()
            let v = generator.nextUniform() + 0.3 * u
            columns[1].append(age)
            columns[2].append(female)
            columns[3].append(u)
            columns[4].append(v)
            response.append(100 + 2.5 * age - 7 * female + 20 * u - 11 * v + 10 * (generator.nextUniform() - 0.5))
            let draw = generator.nextUniform()
            weights.append(draw < 0.05 ? 0 : 0.2 + 3 * draw)
        }
        design = try! Matrix(columns: columns)
        self.response = response
        self.weights = weights
    }

    /// Rows `range` of the design, response and weights.
    func rows(_ range: Range<Int>) -> (design: Matrix, response: [Double], weights: [Double]) {
        let columns = (0..<design.columns).map { Array(design.column($0)[range]) }
        return (try! Matrix(columns: columns), Array(response[range]), Array(weights[range]))
    }

    /// The design rows `range` as a row-major array.
    func rowMajor(_ range: Range<Int>) -> [Double] {
        range.flatMap { design.row($0) }
    }
}
