import Linear
import TestSupport

/// The regression problem of the acceptance test, generated exactly as
/// Reference/make_lstsq_reference.py generates it (the two must stay in step; see the script's
/// docstring for the specification). 200,000 rows, an intercept and 39 correlated covariates.
struct GeneratedRegressionProblem: Sendable {
    static let seed: UInt64 = 20_240_601
    static let covariateCount = 39

    let design: Matrix
    let response: [Double]
    let trueCoefficients: [Double]

    var columnNames: [String] { ["(Intercept)"] + (1...Self.covariateCount).map { "x\($0)" } }

    /// Generated once and shared by the tests that use it.
    static let acceptance = GeneratedRegressionProblem(rows: 200_000)

    init(rows: Int) {
        let columns = Self.covariateCount + 1
        var generator = SplitMix64(seed: Self.seed)
        var factor = [Double](repeating: 0, count: rows)
        for i in 0..<rows { factor[i] = generator.nextUniform() - 0.5 }
        var elements = [Double](repeating: 1, count: rows * columns)
        elements.withUnsafeMutableBufferPointer { buffer in
            for j in 1..<columns {
                let shift = Double(j % 7) - 3.0
                let scale = 0.5 + 0.25 * Double(j % 5)
                for i in 0..<rows {
                    let first = generator.nextUniform()
                    let second = generator.nextUniform()
                    buffer[j * rows + i] = shift + scale * (((first + second) - 1.0) + 0.5 * factor[i])
                }
            }
        }
        let coefficients = [1.5] + (1..<columns).map { (Double((37 * $0) % 23) - 11.5) / 4.0 }
        var response = [Double](repeating: 0, count: rows)
        elements.withUnsafeBufferPointer { buffer in
            for i in 0..<rows {
                let first = generator.nextUniform()
                let second = generator.nextUniform()
                let third = generator.nextUniform()
                let noise = 2.0 * (((first + second) + third) - 1.5)
                var sum = coefficients[0] * buffer[i]
                for j in 1..<columns { sum = sum + coefficients[j] * buffer[j * rows + i] }
                response[i] = sum + noise
            }
        }
        design = try! Matrix(rows: rows, columns: columns, columnMajor: elements)
        self.response = response
        trueCoefficients = coefficients
    }
}
