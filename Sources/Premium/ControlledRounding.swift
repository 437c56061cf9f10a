/// Rounds a table of non-negative amounts to whole units so that every row adds up to a given
/// whole total and no column exceeds a given limit: the split of each practice's payment (a row)
/// across measures (columns) in whole pence, with no measure paid more than its pot.
///
/// Controlled rounding (Bacharach 1966; Cox & Ernst 1982, "Controlled rounding", INFOR 20)
/// moves every cell to the whole unit below or above it while keeping the margins. Here the row
/// totals are fixed beforehand (the practices' payments, already rounded by largest remainder)
/// and each column may take at most `columnLimits[m]` (the smaller of its pot and its real total
/// rounded up).
///
/// Method: every cell starts at ⌊xᵢₘ⌋; a row short of its total takes one more unit in the cells
/// with the largest fractions first (ties: the smaller row rank — callers pass the rank of the
/// practice code — then the earlier column) while its column has
/// room; a row still short then takes a unit through an augmenting path (Ford–Fulkerson on the
/// bipartite graph of rows and columns: a row takes a unit from a column with no room and that
/// column's unit moves, through another row, to a column with room). Only cells with a fraction
/// may go up, so every cell is ⌊xᵢₘ⌋ or ⌈xᵢₘ⌉. In the rare table where that is impossible, units
/// go to any cell of the row whose column has room within `columnCeilings` (cells then move by
/// more than their fraction, still summing exactly).
public enum ControlledRounding {
    /// Whole cells: row sums equal `rowTotals`, column sums at most `columnLimits` (or, in the rare
    /// fallback, `columnCeilings`). Requires non-negative cells, Σ rowTotals ≤ Σ columnCeilings
    /// and each row total at least the sum of its cells' floors.
    public static func round(_ cells: [[Double]], rowTotals: [Int], columnLimits: [Int], columnCeilings: [Int],
                             rowRanks: [Int]? = nil) -> [[Int]] {
        let rowCount = cells.count
        let columnCount = columnLimits.count
        precondition(rowTotals.count == rowCount && columnCeilings.count == columnCount, "ControlledRounding: margins do not match the table")
        let ranks = rowRanks ?? Array(0..<rowCount)
        var units = [[Int]](repeating: [Int](repeating: 0, count: columnCount), count: rowCount)
        var fractions = [[Double]](repeating: [Double](repeating: 0, count: columnCount), count: rowCount)
        var need = rowTotals
        var columnSums = [Int](repeating: 0, count: columnCount)
        for row in 0..<rowCount {
            precondition(cells[row].count == columnCount, "ControlledRounding: a row of the wrong width")
            for column in 0..<columnCount {
                var value = max(0, cells[row][column])
                let nearest = value.rounded()
                if abs(value - nearest) < 1e-7 { value = nearest }
                let whole = value.rounded(.down)
                units[row][column] = Int(whole)
                fractions[row][column] = value - whole
                need[row] -= Int(whole)
                columnSums[column] += Int(whole)
            }
            precondition(need[row] >= 0, "ControlledRounding: row \(row) total is below the sum of its floors")
        }
        var room = (0..<columnCount).map { columnLimits[$0] - columnSums[$0] }

        // Greedy: largest fractions first.
        var candidates: [(row: Int, column: Int, fraction: Double)] = []
        for row in 0..<rowCount where need[row] > 0 {
            for column in 0..<columnCount where fractions[row][column] > 0 {
                candidates.append((row, column, fractions[row][column]))
            }
        }
        candidates.sort { left, right in
            if left.fraction != right.fraction { return left.fraction > right.fraction }
            if left.row != right.row { return ranks[left.row] < ranks[right.row] }
            return left.column < right.column
        }
        var raised = [[Bool]](repeating: [Bool](repeating: false, count: columnCount), count: rowCount)
        for candidate in candidates where need[candidate.row] > 0 && room[candidate.column] > 0 {
            raise(candidate.row, candidate.column, units: &units, raised: &raised, need: &need, room: &room)
        }

        // Augmenting paths for rows still short.
        for row in 0..<rowCount {
            while need[row] > 0 {
                guard augment(from: row, fractions: fractions, units: &units, raised: &raised, need: &need, room: &room) else { break }
            }
        }

        // Fallback: any cell of a short row, within the column ceilings.
        for column in 0..<columnCount { room[column] += columnCeilings[column] - columnLimits[column] }
        for row in 0..<rowCount where need[row] > 0 {
            for column in 0..<columnCount where need[row] > 0 && room[column] > 0 {
                let step = min(need[row], room[column])
                units[row][column] += step
                need[row] -= step
                room[column] -= step
            }
            precondition(need[row] == 0, "ControlledRounding: the column ceilings cannot hold the row totals")
        }
        return units
    }

    private static func raise(_ row: Int, _ column: Int, units: inout [[Int]], raised: inout [[Bool]], need: inout [Int], room: inout [Int]) {
        units[row][column] += 1
        raised[row][column] = true
        need[row] -= 1
        room[column] -= 1
    }

    /// Breadth-first search from a short row: row → column through a cell with a fraction not yet
    /// raised; column → row through a raised cell (that row gives its unit up and looks for
    /// another column). Ends at a column with room; the path is then flipped.
    private static func augment(from start: Int, fractions: [[Double]], units: inout [[Int]], raised: inout [[Bool]],
                                need: inout [Int], room: inout [Int]) -> Bool {
        let rowCount = fractions.count
        let columnCount = room.count
        var columnParent = [Int](repeating: -1, count: columnCount)  // the row that reached the column
        var rowParent = [Int](repeating: -1, count: rowCount)  // the column through which the row was reached
        var rowSeen = [Bool](repeating: false, count: rowCount)
        var queue = [start]
        rowSeen[start] = true
        var head = 0
        while head < queue.count {
            let row = queue[head]
            head += 1
            for column in 0..<columnCount where columnParent[column] < 0 && fractions[row][column] > 0 && !raised[row][column] {
                columnParent[column] = row
                if room[column] > 0 {
                    // Flip the path back to the start.
                    var current = column
                    while true {
                        let owner = columnParent[current]
                        units[owner][current] += 1
                        raised[owner][current] = true
                        if owner == start { break }
                        let previous = rowParent[owner]
                        units[owner][previous] -= 1
                        raised[owner][previous] = false
                        current = previous
                    }
                    need[start] -= 1
                    room[column] -= 1
                    return true
                }
                for other in 0..<rowCount where !rowSeen[other] && raised[other][column] {
                    rowSeen[other] = true
                    rowParent[other] = column
                    queue.append(other)
                }
            }
        }
        return false
    }
}
