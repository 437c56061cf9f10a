#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Finds a categorical level's design column from the UTF-8 bytes of a value: an open-addressing
/// table (linear probing, at most a quarter full) keyed by the bytes, hashed with 64-bit FNV-1a
/// (Fowler, Noll and Vo) and compared with `memcmp`. Levels are short texts, so hashing and
/// comparing the bytes directly is several times faster per person than a
/// `Dictionary<String, Int>` lookup, which matters when every person of a large file is looked up.
struct LevelIndex {
    /// The levels' bytes, one after another.
    private var bytes: [UInt8] = []
    /// Per slot: the start of its key in `bytes`, or −1 for an empty slot.
    private var starts: [Int]
    private var lengths: [Int]
    private var columns: [Int]
    private let mask: Int

    /// `columns[level]` for each level: its block column, or −1 for a level without a column.
    init(_ levelColumns: [(level: String, column: Int)]) {
        var capacity = 8
        while capacity < 4 * levelColumns.count { capacity *= 2 }
        mask = capacity - 1
        starts = [Int](repeating: -1, count: capacity)
        lengths = [Int](repeating: 0, count: capacity)
        columns = [Int](repeating: 0, count: capacity)
        for (level, column) in levelColumns { insert(Array(level.utf8), column) }
    }

    private mutating func insert(_ key: [UInt8], _ column: Int) {
        var slot = key.withUnsafeBufferPointer { Self.hash($0) } & mask
        while starts[slot] >= 0 {
            if lengths[slot] == key.count && Array(bytes[starts[slot]..<(starts[slot] + key.count)]) == key {
                columns[slot] = column
                return
            }
            slot = (slot + 1) & mask
        }
        starts[slot] = bytes.count
        lengths[slot] = key.count
        columns[slot] = column
        bytes.append(contentsOf: key)
    }

    /// The column of `value`, or nil when it is not a level.
    func column(of value: String) -> Int? {
        var text = value
        return text.withUTF8 { value -> Int? in
            var slot = Self.hash(value) & mask
            return bytes.withUnsafeBufferPointer { stored -> Int? in
                while starts[slot] >= 0 {
                    if lengths[slot] == value.count
                        && (value.count == 0 || memcmp(stored.baseAddress! + starts[slot], value.baseAddress!, value.count) == 0) {
                        return columns[slot]
                    }
                    slot = (slot + 1) & mask
                }
                return nil
            }
        }
    }

    @inline(__always)
    private static func hash(_ bytes: UnsafeBufferPointer<UInt8>) -> Int {
        var hash: UInt64 = 0xCBF2_9CE4_8422_2325
        for byte in bytes { hash = (hash ^ UInt64(byte)) &* 0x0000_0100_0000_01B3 }
        return Int(truncatingIfNeeded: hash ^ (hash >> 32))
    }
}
