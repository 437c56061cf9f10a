import Testing
@testable import Benchmarking

@Suite struct QuantileGroupsTests {
    // Values, quintiles and deciles from Reference/benchmarking_reference.py ("quintiles and deciles
    // with ties"), computed there with pandas rank(method="min") and ⌊g(r − 1)/I⌋ + 1.
    let values: [Double] = [3, 1, 4, 1, 5, 9, 2, 6, 5, 3, 5, 8, 9, 7, 9, 3, 2, 3]

    @Test func quintilesWithTiesMatchTheReference() {
        #expect(QuantileGroups.assign(values: values, groupCount: 5) == [2, 1, 3, 1, 3, 5, 1, 4, 3, 2, 3, 4, 5, 4, 5, 2, 1, 2])
    }

    @Test func decilesWithTiesMatchTheReference() {
        #expect(QuantileGroups.assign(values: values, groupCount: 10) == [3, 1, 5, 1, 6, 9, 2, 7, 6, 3, 6, 8, 9, 8, 9, 3, 2, 3])
    }

    @Test func tenDistinctValuesFallTwoToAQuintile() {
        // Hand calculation: ranks 1…10, group ⌊5(r − 1)/10⌋ + 1 = 1,1,2,2,3,3,4,4,5,5.
        let shuffled: [Double] = [7, 2, 9, 1, 5, 10, 3, 8, 4, 6]
        #expect(QuantileGroups.assign(values: shuffled, groupCount: 5) == [4, 1, 5, 1, 3, 5, 2, 4, 2, 3])
    }

    @Test func allTiedValuesShareTheFirstGroup() {
        #expect(QuantileGroups.assign(values: [4, 4, 4, 4], groupCount: 5) == [1, 1, 1, 1])
    }

    @Test func theResultDoesNotDependOnInputOrder() {
        let reversed = Array(values.reversed())
        #expect(QuantileGroups.assign(values: reversed, groupCount: 5) == Array(QuantileGroups.assign(values: values, groupCount: 5).reversed()))
    }

    @Test func emptyInputGivesNoGroups() {
        #expect(QuantileGroups.assign(values: [], groupCount: 5).isEmpty)
    }
}
