import Tables

/// Which risk-sharing pool each group belongs to (the file `consortium_code, pool_code`).
public struct PoolMembership: Sendable {
    /// The pool of each group, in the order of the groups.
    public let poolOfGroup: [String]
    /// Pool codes in order of first appearance.
    public let pools: [String]

    public init(poolOfGroup: [String]) {
        self.poolOfGroup = poolOfGroup
        var seen: Set<String> = []
        pools = poolOfGroup.filter { seen.insert($0).inserted }
    }

    /// The groups (positions) of each pool, in the order of `pools`.
    public var members: [[Int]] {
        pools.map { pool in poolOfGroup.indices.filter { poolOfGroup[$0] == pool } }
    }

    /// Reads the pool of every group of `codes`. Errors (file, line, column): a consortium that is
    /// not one of the groups, one given twice; and a group without a pool (at the file) — a
    /// consortium that shares with nobody is given a pool of its own.
    public static func read(path: String, codes: [String], name: String? = nil) throws -> PoolMembership {
        try membership(from: TableReader.read(path: path, schema: schema, name: name), codes: codes)
    }

    public static func read(bytes: [UInt8], name: String, codes: [String]) throws -> PoolMembership {
        try membership(from: TableReader.read(bytes: bytes, name: name, schema: schema), codes: codes)
    }

    public static let schema = Schema([ColumnSpec("consortium_code"), ColumnSpec("pool_code")])

    static func membership(from table: Table, codes: [String]) throws -> PoolMembership {
        var position: [String: Int] = [:]
        for (index, code) in codes.enumerated() { position[code] = index }
        let given = table.text("consortium_code")
        let poolCodes = table.text("pool_code")
        var pools = [String?](repeating: nil, count: codes.count)
        var rowOf: [Int: Int] = [:]
        for row in 0..<table.rowCount {
            guard let group = position[given[row]] else {
                throw table.error(row: row, column: "consortium_code", "\(DataError.quoted(given[row])) is not one of the consortia of the population")
            }
            if let earlier = rowOf[group] {
                throw table.error(row: row, column: "consortium_code", "\(given[row]) is in a pool already (line \(table.lineNumbers[earlier]))")
            }
            rowOf[group] = row
            pools[group] = poolCodes[row]
        }
        if let missing = pools.firstIndex(where: { $0 == nil }) {
            throw DataError(.badData, at: SourceLocation(file: table.source, columnName: "consortium_code"),
                            "no pool for \(codes[missing]) (give a consortium that shares with nobody a pool of its own)")
        }
        return PoolMembership(poolOfGroup: pools.map { $0! })
    }
}
