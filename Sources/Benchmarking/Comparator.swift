import Tables

/// What each organisation is compared with (`methods.md`, Benchmarking).
public enum ComparatorChoice: Sendable {
    /// England: by `IndicatorCounts.england` (pooled over the input, England's own row, or a value).
    case england
    /// The organisation's consortium: the pooled value Σ numerator / Σ denominator over every
    /// organisation with the same parent code, the organisation included (as a consortium's own
    /// published value includes its practices).
    case consortium
    /// The organisation's peer group: the pooled value over its peers that have counts for the
    /// indicator (the organisation itself excluded), i.e. the denominator-weighted mean of the
    /// peers' values.
    case peers(PeerAssignments)

    /// The name written in the `comparator` column.
    public var name: String {
        switch self {
        case .england: return "England"
        case .consortium: return "consortium"
        case .peers: return "peers"
        }
    }
}

/// The comparator found for one organisation.
public struct ResolvedComparator: Sendable, Equatable {
    /// The comparator's code: England's code when its row was given, the consortium code, or nil.
    public var code: String?
    /// θ on the natural scale, or nil when no organisation contributes (e.g. none of the peers
    /// has counts for the indicator).
    public var target: Double?
    /// How many organisations' counts make the comparator value (0 for a supplied value).
    public var organisations: Int

    /// A comparator with its code, its θ (natural scale) and the organisations that make it.
    public init(code: String?, target: Double?, organisations: Int) {
        self.code = code
        self.target = target
        self.organisations = organisations
    }
}

/// Each organisation's peers, as written by `consortium peers` (or by hand).
public struct PeerAssignments: Sendable {
    /// Peer codes by organisation code, nearest first.
    public let peers: [String: [String]]
    /// The file the peers came from, for messages.
    public let source: String

    /// Peers held in memory; `source` names them in messages.
    public init(peers: [String: [String]], source: String = "peers") {
        self.peers = peers
        self.source = source
    }

    /// The schema of a peers file: `org_code`, `peer_code`, and `peer_rank` when present.
    public static let schema = Schema([
        ColumnSpec("org_code"), ColumnSpec("peer_code"), ColumnSpec("peer_rank", .wholeNumber(minimum: 1), optional: true),
    ])

    /// Reads a peers table. An organisation listed as its own peer, or the same pair twice, is an
    /// error. Peers are kept by `peer_rank` when the column is present, else in file order.
    public init(table: Table) throws {
        let codes = table.text("org_code")
        let peerCodes = table.text("peer_code")
        let ranks = table.has("peer_rank") ? table.wholeNumbers("peer_rank") : Array(0..<table.rowCount)
        var grouped: [String: [(rank: Int, code: String)]] = [:]
        var seen: Set<[String]> = []
        for row in 0..<table.rowCount {
            let code = codes[row]
            let peer = peerCodes[row]
            if code.isEmpty { throw table.error(row: row, column: "org_code", "expected an organisation code, found an empty field") }
            if peer.isEmpty { throw table.error(row: row, column: "peer_code", "expected a peer's code, found an empty field") }
            if peer == code { throw table.error(row: row, column: "peer_code", "an organisation cannot be its own peer (\(DataError.quoted(code)))") }
            if !seen.insert([code, peer]).inserted {
                throw table.error(row: row, column: "peer_code", "the pair \(DataError.quoted(code)), \(DataError.quoted(peer)) appears twice")
            }
            grouped[code, default: []].append((ranks[row], peer))
        }
        var peers: [String: [String]] = [:]
        for (code, list) in grouped {
            peers[code] = list.sorted { $0.rank < $1.rank || ($0.rank == $1.rank && $0.code < $1.code) }.map(\.code)
        }
        self.peers = peers
        source = table.source
    }
}
