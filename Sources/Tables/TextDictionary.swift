#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The distinct values of one text column met by a reader, each with a number (its code, from 0
/// in order of first appearance), so that a field is stored as a 4-byte code and its `String` is
/// made once per distinct value rather than once per row.
///
/// Lookup: the field's bytes are hashed (64-bit multiply–xorshift over 8-byte words) into an
/// open-addressing table of codes (linear probing, at most half full); a candidate is confirmed
/// by comparing its length and bytes with the copy kept in one byte arena. The field of the
/// previous row of the column is tried first, which is most fields in files sorted by
/// organisation or indicator.
///
/// Memory is managed by hand (no Swift arrays in the lookup path) so that the row loop pays no
/// exclusivity or uniqueness checks; the `String`s are kept in `values`, appended only when a new
/// value is met.
final class TextDictionary {
    /// The value of each code, in code order.
    private(set) var values: [String] = []
    private var arena: UnsafeMutablePointer<UInt8>
    private var arenaCapacity: Int
    private var arenaCount = 0
    /// Per code: start in the arena, length, hash.
    private var starts: UnsafeMutablePointer<Int>
    private var lengths: UnsafeMutablePointer<Int>
    private var hashes: UnsafeMutablePointer<UInt64>
    private var codeCapacity: Int
    /// Codes by slot, `UInt32.max` for an empty slot; the count is a power of two.
    private var slots: UnsafeMutablePointer<UInt32>
    private var slotCount: Int
    private var lastCode: UInt32 = .max

    var count: Int { values.count }

    init() {
        arenaCapacity = 4096
        arena = .allocate(capacity: arenaCapacity)
        codeCapacity = 64
        starts = .allocate(capacity: codeCapacity)
        lengths = .allocate(capacity: codeCapacity)
        hashes = .allocate(capacity: codeCapacity)
        slotCount = 128
        slots = .allocate(capacity: slotCount)
        slots.initialize(repeating: .max, count: slotCount)
    }

    deinit {
        arena.deallocate()
        starts.deallocate()
        lengths.deallocate()
        hashes.deallocate()
        slots.deallocate()
    }

    /// The code of the value spelled by `count` bytes at `bytes`, adding it when new; nil (and
    /// nothing added) when a new value is not valid UTF-8.
    @inline(__always)
    func code(_ bytes: UnsafePointer<UInt8>, _ count: Int) -> UInt32? {
        let last = lastCode
        if last != .max && lengths[Int(last)] == count && memcmp(arena + starts[Int(last)], bytes, count) == 0 {
            return last
        }
        let hash = Self.hash(bytes, count)
        let mask = slotCount - 1
        var slot = Int(truncatingIfNeeded: hash) & mask
        while true {
            let code = slots[slot]
            if code == .max { break }
            let index = Int(code)
            if hashes[index] == hash && lengths[index] == count && memcmp(arena + starts[index], bytes, count) == 0 {
                lastCode = code
                return code
            }
            slot = (slot + 1) & mask
        }
        guard let text = String(validating: UnsafeBufferPointer(start: bytes, count: count), as: UTF8.self) else { return nil }
        let code = insert(bytes, count, hash: hash, text: text, slot: slot)
        lastCode = code
        return code
    }

    /// Adds a value known to be new, at `slot` (the empty slot its probe ended on).
    private func insert(_ bytes: UnsafePointer<UInt8>, _ count: Int, hash: UInt64, text: String, slot: Int) -> UInt32 {
        let code = values.count
        if code == codeCapacity {
            codeCapacity *= 2
            starts = Self.grown(starts, from: code, to: codeCapacity)
            lengths = Self.grown(lengths, from: code, to: codeCapacity)
            hashes = Self.grown(hashes, from: code, to: codeCapacity)
        }
        if arenaCount + count > arenaCapacity {
            arenaCapacity = max(arenaCapacity * 2, arenaCount + count)
            arena = Self.grown(arena, from: arenaCount, to: arenaCapacity)
        }
        (arena + arenaCount).update(from: bytes, count: count)
        starts[code] = arenaCount
        lengths[code] = count
        hashes[code] = hash
        arenaCount += count
        values.append(text)
        slots[slot] = UInt32(code)
        if 2 * values.count > slotCount { rehash() }
        return UInt32(code)
    }

    private func rehash() {
        slots.deallocate()
        slotCount *= 2
        slots = .allocate(capacity: slotCount)
        slots.initialize(repeating: .max, count: slotCount)
        let mask = slotCount - 1
        for code in 0..<values.count {
            var slot = Int(truncatingIfNeeded: hashes[code]) & mask
            while slots[slot] != .max { slot = (slot + 1) & mask }
            slots[slot] = UInt32(code)
        }
    }

    private static func grown<T>(_ old: UnsafeMutablePointer<T>, from count: Int, to capacity: Int) -> UnsafeMutablePointer<T> {
        let new = UnsafeMutablePointer<T>.allocate(capacity: capacity)
        new.moveInitialize(from: old, count: count)
        old.deallocate()
        return new
    }

    /// A 64-bit hash of a byte string: each 8-byte word (the last one padded with zeros) is mixed
    /// in by a multiply and a xor-shift, then the length; the result's low bits pick the slot.
    @inline(__always)
    static func hash(_ bytes: UnsafePointer<UInt8>, _ count: Int) -> UInt64 {
        var hash: UInt64 = 0x9E37_79B9_7F4A_7C15 ^ UInt64(truncatingIfNeeded: count)
        var offset = 0
        let raw = UnsafeRawPointer(bytes)
        while offset + 8 <= count {
            let word = raw.loadUnaligned(fromByteOffset: offset, as: UInt64.self)
            hash = (hash ^ word) &* 0xFF51_AFD7_ED55_8CCD
            hash ^= hash >> 32
            offset += 8
        }
        if offset < count {
            var word: UInt64 = 0
            var shift: UInt64 = 0
            while offset < count {
                word |= UInt64(bytes[offset]) << shift
                shift += 8
                offset += 1
            }
            hash = (hash ^ word) &* 0xFF51_AFD7_ED55_8CCD
            hash ^= hash >> 32
        }
        hash = (hash ^ (hash >> 29)) &* 0xC4CE_B9FE_1A85_EC53
        return hash ^ (hash >> 32)
    }
}
