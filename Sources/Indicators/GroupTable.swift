import Tables

/// The groups met so far, in order of first appearance: their values of the grouping columns and
/// the line of their first row.
///
/// Rows of one group usually follow each other, so a row is first compared with the previous
/// row's group; otherwise its values are hashed (64-bit FNV-1a over their bytes) and looked up in
/// an open-addressing table of group numbers (linear probing, at most half full), which holds no
/// strings of its own and never rehashes them when it grows.
struct GroupTable {
    let width: Int
    /// `width` values per group, group after group.
    private(set) var values: [String] = []
    private(set) var firstLines: [Int] = []
    private var hashes: [UInt64] = []
    /// Group numbers by hash slot; -1 for an empty slot. The count is a power of two.
    private var slots = [Int32](repeating: -1, count: 1024)
    private var last = -1

    init(width: Int) {
        self.width = width
    }

    var count: Int { firstLines.count }

    func values(of group: Int) -> ArraySlice<String> {
        values[(group * width)..<((group + 1) * width)]
    }

    /// The group of each row of a chunk, given the grouping columns' values (coded, one per
    /// column) and the rows' lines; new groups are added in order, with their first line. Rows
    /// marked false in `usable` get -1 and make no group. A row whose codes are those of the row
    /// before it is in that row's group without comparing text.
    mutating func assign(columns: [CodedText], lines: [Int], usable: [Bool]?) -> [Int] {
        var groups = [Int](repeating: -1, count: lines.count)
        var previous = -1
        for row in 0..<lines.count {
            if let usable, !usable[row] { continue }
            if previous >= 0 && sameCodes(columns, row, previous) {
                groups[row] = groups[previous]
                previous = row
                continue
            }
            previous = row
            if last >= 0 && matches(group: last, columns: columns, row: row) {
                groups[row] = last
                continue
            }
            var hash: UInt64 = 0xCBF2_9CE4_8422_2325
            for column in 0..<width {
                for byte in columns[column][row].utf8 {
                    hash = (hash ^ UInt64(byte)) &* 0x0000_0100_0000_01B3
                }
                hash = (hash ^ 0xFF) &* 0x0000_0100_0000_01B3
            }
            let mask = slots.count - 1
            var slot = Int(truncatingIfNeeded: hash) & mask
            while true {
                let group = Int(slots[slot])
                if group < 0 {
                    last = firstLines.count
                    slots[slot] = Int32(last)
                    for column in 0..<width { values.append(columns[column][row]) }
                    firstLines.append(lines[row])
                    hashes.append(hash)
                    if 2 * firstLines.count > slots.count { grow() }
                    break
                }
                if hashes[group] == hash && matches(group: group, columns: columns, row: row) {
                    last = group
                    break
                }
                slot = (slot + 1) & mask
            }
            groups[row] = last
        }
        return groups
    }

    private func sameCodes(_ columns: [CodedText], _ row: Int, _ other: Int) -> Bool {
        for column in columns where column.codes[row] != column.codes[other] { return false }
        return true
    }

    private func matches(group: Int, columns: [CodedText], row: Int) -> Bool {
        let base = group * width
        for column in 0..<width where columns[column][row] != values[base + column] { return false }
        return true
    }

    /// Doubles the slots and reinserts every group by its stored hash.
    private mutating func grow() {
        slots = [Int32](repeating: -1, count: slots.count * 2)
        let mask = slots.count - 1
        for (group, hash) in hashes.enumerated() {
            var slot = Int(truncatingIfNeeded: hash) & mask
            while slots[slot] >= 0 { slot = (slot + 1) & mask }
            slots[slot] = Int32(group)
        }
    }
}
