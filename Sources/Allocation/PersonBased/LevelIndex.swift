/// Finds a categorical level's design column from the UTF-8 bytes of a value: an open-addressing
/// table (linear probing, at most a quarter full) keyed by the bytes, hashed with 64-bit FNV-1a
/// (Fowler, Noll and Vo). Levels are short texts, so hashing and comparing the bytes directly is
/// several times faster per person than a `Dictionary<String, Int>` lookup, which matters when
/// every person of a large file is looked up.
struct LevelIndex {
    private var keys: [[UInt8]]
    private var columns: [Int]
    private var occupied: [Bool]
    private let mask: Int

    /// `columns[level]` for each level: its block column, or −1 for a level without a column.
    init(_ levelColumns: [(level: String, column: Int)]) {
        var capacity = 8
        while capacity < 4 * levelColumns.count { capacity *= 2 }
        mask = capacity - 1
        keys = [[UInt8]](repeating: [], count: capacity)
        columns = [Int](repeating: 0, count: capacity)
        occupied = [Bool](repeating: false, count: capacity)
        for (level, column) in levelColumns { insert(Array(level.utf8), column) }
    }

    private mutating func insert(_ key: [UInt8], _ column: Int) {
        var slot = key.withUnsafeBufferPointer { Self.hash($0) } & mask
        while occupied[slot] {
            if keys[slot] == key {
                columns[slot] = column
                return
            }
            slot = (slot + 1) & mask
        }
        keys[slot] = key
        columns[slot] = column
        occupied[slot] = true
    }

    /// The column of `value`, or nil when it is not a level.
    func column(of value: String) -> Int? {
        var text = value
        return text.withUTF8 { bytes -> Int? in
            var slot = Self.hash(bytes) & mask
            while occupied[slot] {
                if keys[slot].elementsEqual(bytes) { return columns[slot] }
                slot = (slot + 1) & mask
            }
            return nil
        }
    }

    @inline(__always)
    private static func hash(_ bytes: UnsafeBufferPointer<UInt8>) -> Int {
        var hash: UInt64 = 0xCBF2_9CE4_8422_2325
        for byte in bytes { hash = (hash ^ UInt64(byte)) &* 0x0000_0100_0000_01B3 }
        return Int(truncatingIfNeeded: hash ^ (hash >> 32))
    }
}
