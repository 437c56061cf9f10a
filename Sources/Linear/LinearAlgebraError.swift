/// Why a linear-algebra operation or a regression could not be carried out.
///
/// Every case says what was expected and what was found, and names the design column when there is
/// one, so that a message can be acted on without a debugger. Observation numbers count from 0 across
/// all the rows given so far (all chunks, for the streaming accumulators).
public enum LinearAlgebraError: Error, Equatable, Sendable, CustomStringConvertible {
    /// Operand shapes or argument lengths do not fit together.
    case dimensionMismatch(operation: String, expected: String, found: String)
    /// A dimension does not fit the 32-bit integers of the BLAS/LAPACK interface.
    case dimensionTooLarge(operation: String, dimension: Int)
    /// A symmetric matrix is not positive definite: the Cholesky pivot of row and column
    /// `pivotIndex` (0-based; LAPACK's leading minor of order `pivotIndex + 1`) is not positive.
    case notPositiveDefinite(operation: String, pivotIndex: Int)
    /// A triangular factor has an exact zero on its diagonal at `index` (0-based).
    case singularTriangularFactor(operation: String, index: Int)
    /// Design columns that are linear combinations of the intercept and earlier columns (or are
    /// identically zero), so their coefficients are not identifiable. Listed in design order.
    case aliasedColumns([AliasedColumn])
    /// A regression needs more observations (rows with positive weight) than parameters, so that
    /// the residual variance RSS / (n − p) is defined.
    case tooFewObservations(observations: Int, parameters: Int)
    /// A value that must be a finite number is NaN or infinite. `variable` is a design column name,
    /// "response", "weight" or "residual".
    case nonFiniteValue(operation: String, observation: Int, variable: String, value: Double)
    /// A weight is negative (weights must be finite and ≥ 0).
    case negativeWeight(operation: String, observation: Int, value: Double)
    /// Two design columns have the same name, so aliasing could not be reported unambiguously.
    case duplicateColumnName(String)
    /// Weights were given to an unweighted fit or accumulator, or left out of a weighted one.
    case weightsMismatch(operation: String, expectedWeights: Bool)
    /// Two accumulators that cannot be merged (different columns, weighting or fit).
    case incompatibleAccumulators(String)
    /// The second pass of a robust covariance saw a different number of observations than the fit.
    case incompleteSecondPass(expectedObservations: Int, foundObservations: Int)
    /// LAPACK rejected an argument (negative `info`); this indicates a defect in this module.
    case lapackFailure(routine: String, info: Int)

    /// The names of the aliased columns, or an empty array for the other cases.
    public var aliasedColumnNames: [String] {
        if case .aliasedColumns(let columns) = self { return columns.map(\.name) }
        return []
    }

    public var description: String {
        switch self {
        case .dimensionMismatch(let operation, let expected, let found):
            return "\(operation): expected \(expected), found \(found)"
        case .dimensionTooLarge(let operation, let dimension):
            return "\(operation): expected dimensions up to \(Int32.max) (32-bit BLAS/LAPACK), found \(dimension)"
        case .notPositiveDefinite(let operation, let pivotIndex):
            return "\(operation): expected a positive definite matrix, found a non-positive Cholesky pivot "
                + "at row and column \(pivotIndex) (leading minor of order \(pivotIndex + 1))"
        case .singularTriangularFactor(let operation, let index):
            return "\(operation): expected a non-singular triangular factor, found a zero diagonal element at \(index)"
        case .aliasedColumns(let columns):
            return "aliased (collinear) design columns, coefficients not identifiable: "
                + columns.map(\.description).joined(separator: "; ")
        case .tooFewObservations(let observations, let parameters):
            return "regression: expected more observations than the \(parameters) parameters, "
                + "found \(observations) observations with positive weight"
        case .nonFiniteValue(let operation, let observation, let variable, let value):
            return "\(operation): \(variable), observation \(observation): expected a finite number, found \(value)"
        case .negativeWeight(let operation, let observation, let value):
            return "\(operation): weight, observation \(observation): expected a weight ≥ 0, found \(value)"
        case .duplicateColumnName(let name):
            return "design columns: expected distinct names, found \"\(name)\" more than once"
        case .weightsMismatch(let operation, let expectedWeights):
            return expectedWeights
                ? "\(operation): expected weights (the fit is weighted), found none"
                : "\(operation): expected no weights (the fit is unweighted), found weights"
        case .incompatibleAccumulators(let reason):
            return "merging accumulators: \(reason)"
        case .incompleteSecondPass(let expected, let found):
            return "robust covariance: expected the second pass to cover the fit's \(expected) observations, found \(found)"
        case .lapackFailure(let routine, let info):
            return "\(routine): LAPACK rejected argument \(-info) (info = \(info))"
        }
    }
}

/// One aliased design column and the columns it is a linear combination of.
///
/// `dependsOn` lists, in design order, the retained columns (the intercept included) whose
/// coefficient in that combination is not negligible: |βₖ|·‖xₖ‖ > 10⁻⁶·‖xⱼ‖, norms weighted and
/// over the rows with positive weight. It is empty when the column is identically zero.
public struct AliasedColumn: Equatable, Sendable, CustomStringConvertible {
    /// Name of the aliased column.
    public let name: String
    /// Names of the retained columns it depends on; empty for a column that is zero throughout.
    public let dependsOn: [String]

    public init(name: String, dependsOn: [String]) {
        self.name = name
        self.dependsOn = dependsOn
    }

    public var description: String {
        dependsOn.isEmpty
            ? "\"\(name)\" is zero in every observation"
            : "\"\(name)\" is a linear combination of " + dependsOn.map { "\"\($0)\"" }.joined(separator: ", ")
    }
}
