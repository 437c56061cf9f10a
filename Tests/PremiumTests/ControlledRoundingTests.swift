import Testing
import Premium

// Hand-worked tables for the split of payments across measures.

@Test func wholeCellsAreKeptAndFractionsGoUpByLargestFraction() {
    // Row 0: 1.5 + 2.5 = 4 (target 4): both halves tie; the earlier column goes up first → 2, 2.
    // Row 1: 3 + 0.25 + … targets: 0.75 + 3.25 = 4 → fractions .75 and .25; one unit to .75 → 1, 3.
    let cells = [[1.5, 2.5], [0.75, 3.25]]
    let units = ControlledRounding.round(cells, rowTotals: [4, 4], columnLimits: [3, 6], columnCeilings: [3, 6])
    #expect(units == [[2, 2], [1, 3]])
}

@Test func aFullColumnSendsTheUnitElsewhereThroughAnAugmentingPath() {
    // Column 0 may hold 1 unit. Row 0 (0.9, 0.1 → total 1) takes column 0 greedily (largest
    // fraction 0.9); row 1 (0.6, 0.4 → total 1) then finds column 0 full and takes column 1.
    let cells = [[0.9, 0.1], [0.6, 0.4]]
    let units = ControlledRounding.round(cells, rowTotals: [1, 1], columnLimits: [1, 1], columnCeilings: [1, 1])
    #expect(units == [[1, 0], [0, 1]])
    // Row 1 first by rank: it takes column 0 (0.6 is its largest fraction, but 0.9 of row 0 is
    // larger and comes first in the greedy order); same result.
    #expect(ControlledRounding.round(cells, rowTotals: [1, 1], columnLimits: [1, 1], columnCeilings: [1, 1], rowRanks: [1, 0]) == [[1, 0], [0, 1]])
}

@Test func augmentingPathMovesAnEarlierUnit() {
    // Row 0 has fractions in both columns (0.5, 0.5); row 1 only in column 0 (0.5, and a whole 1
    // in column 1). Column limits 1 and 2 leave room for one unit in each column. Greedy (equal
    // fractions: earlier row, then earlier column) gives row 0 column 0, leaving column 0 full
    // for row 1; the augmenting path moves row 0's unit to column 1 and gives column 0 to row 1.
    let cells = [[0.5, 0.5], [0.5, 1.0]]
    let units = ControlledRounding.round(cells, rowTotals: [1, 2], columnLimits: [1, 2], columnCeilings: [1, 2])
    #expect(units == [[0, 1], [1, 1]])
}

@Test func whenNoFractionCanTakeItTheFallbackStillAddsUp() {
    // Row 0 needs 2 but has only one fractional cell: the second unit goes to a whole cell whose
    // column has room within the ceilings (column 1: limit 0, ceiling 5).
    let cells = [[0.5, 0.0]]
    let units = ControlledRounding.round(cells, rowTotals: [2], columnLimits: [1, 0], columnCeilings: [1, 5])
    #expect(units == [[1, 1]])
}
