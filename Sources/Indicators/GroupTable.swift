/// The groups met so far, in order of first appearance: their values of the grouping columns and
/// the line of their first row. Rows of one group usually follow each other, so a row is first
/// compared with the previous row's group before the hash table is consulted.
struct GroupTable {
    let width: Int
    /// `width` values per group, group after group.
    private(set) var values: [String] = []
    private(set) var firstLines: [Int] = []
    private var lookup: [[String]: Int] = [:]
    private var last = -1

    init(width: Int) {
        self.width = width
    }

    var count: Int { firstLines.count }

    func values(of group: Int) -> ArraySlice<String> {
        values[(group * width)..<((group + 1) * width)]
    }

    /// The group of `row`, given the grouping columns' values (one array per column); a new group
    /// is added with `line` as its first line. `isNew` tells whether it was added.
    mutating func index(row: Int, columns: [[String]], line: Int) -> (group: Int, isNew: Bool) {
        if last >= 0 {
            let base = last * width
            var same = true
            for column in 0..<width where columns[column][row] != values[base + column] {
                same = false
                break
            }
            if same { return (last, false) }
        }
        var key: [String] = []
        key.reserveCapacity(width)
        for column in 0..<width { key.append(columns[column][row]) }
        if let found = lookup[key] {
            last = found
            return (found, false)
        }
        let group = firstLines.count
        lookup[key] = group
        values.append(contentsOf: key)
        firstLines.append(line)
        last = group
        return (group, true)
    }
}
