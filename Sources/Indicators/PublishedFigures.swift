import Foundation
import Layouts
import Statistics
import Tables

/// A figure as a publisher wrote it: its value and the decimals it was written to, so that a
/// computed figure can be judged against the published one's rounding (Fingertips has published
/// some years to 5 decimals, others to 8 or to full precision).
public struct PublishedFigure: Sendable, Equatable {
    public var value: Double
    /// Digits after the decimal point as written (`14.22242703` has 8; `1.5e-3` has 4; `12` has 0).
    public var decimals: Int

    public init(value: Double, decimals: Int) {
        self.value = value
        self.decimals = decimals
    }

    /// Reads a decimal number as written (`14.22242703`, `-0.5`, `1.5E-3`); nil for anything else.
    /// The value is parsed by the table reader's number parser.
    public init?(text: String) {
        var bytes = Array(text.utf8)
        guard !bytes.isEmpty, let value = bytes.withUnsafeMutableBufferPointer({ buffer in
            NumberParsing.parseDecimal(UnsafePointer(buffer.baseAddress!), buffer.count)
        }), value.isFinite else { return nil }
        var fraction = 0
        var exponent = 0
        if let point = bytes.firstIndex(of: UInt8(ascii: ".")) {
            var index = point + 1
            while index < bytes.count, bytes[index] >= 0x30, bytes[index] <= 0x39 { fraction += 1; index += 1 }
        }
        if let mark = bytes.firstIndex(where: { $0 == UInt8(ascii: "e") || $0 == UInt8(ascii: "E") }) {
            exponent = Int(String(decoding: bytes[(mark + 1)...], as: UTF8.self)) ?? 0
        }
        bytes.removeAll()
        self.init(value: value, decimals: max(0, fraction - exponent))
    }

    /// Half a unit in the last decimal written, 0.5 × 10^−decimals: how far the unrounded figure
    /// can be from the published one.
    public var roundingHalfWidth: Double { 0.5 * pow(10, -Double(decimals)) }

    /// Whether `computed` rounds to this figure: |computed − published| ≤ half a unit in the last
    /// decimal written, widened by 1e-12 of the figure for the binary representation of both
    /// (a published `14.22242703` is reproduced by 14.222427026…, not by 14.222427036).
    public func isReproduced(by computed: Double) -> Bool {
        abs(computed - value) <= roundingHalfWidth * (1 + 1e-9) + 1e-12 * max(abs(value), abs(computed))
    }
}

/// One group's published value and limits, read from its input row (a Fingertips export's
/// `Value`, `Lower CI 95.0 limit`, `Upper CI 95.0 limit`, `Lower CI 99.8 limit`, …).
public struct PublishedFigures: Sendable, Equatable {
    /// The input line the figures were read from.
    public var line: Int
    public var value: PublishedFigure?
    /// One pair per requested confidence level, in the order requested.
    public var limits: [PublishedLimits]

    public init(line: Int, value: PublishedFigure?, limits: [PublishedLimits]) {
        self.line = line
        self.value = value
        self.limits = limits
    }

    /// The columns published figures are read from, as text (to keep the decimals written):
    /// `published_value` (Fingertips `Value`) and the limits at 95% and 99.8%, the levels
    /// Fingertips publishes.
    public static let columns: [KnownColumn] = [
        KnownColumn("published_value", headers: FingertipsColumns.value.headers),
        FingertipsColumns.lower95, FingertipsColumns.upper95, FingertipsColumns.lower998, FingertipsColumns.upper998,
    ]

    /// The published lower and upper limit columns of a level, or nil when no publisher's layout
    /// has limits at that level.
    public static func limitColumns(_ level: ConfidenceLevel) -> (lower: KnownColumn, upper: KnownColumn)? {
        if level == ConfidenceLevel(percent: 95) || (level.percent - 95).magnitude < 1e-9 {
            return (FingertipsColumns.lower95, FingertipsColumns.upper95)
        }
        if (level.percent - 99.8).magnitude < 1e-9 { return (FingertipsColumns.lower998, FingertipsColumns.upper998) }
        return nil
    }
}

/// The published limits at one level; nil where the file has no such column or the cell is empty.
public struct PublishedLimits: Sendable, Equatable {
    public var lower: PublishedFigure?
    public var upper: PublishedFigure?

    public init(lower: PublishedFigure?, upper: PublishedFigure?) {
        self.lower = lower
        self.upper = upper
    }
}

/// A computed figure against the published one.
public struct PublishedDifference: Sendable, Equatable {
    /// The output column (`value`, `lowercl` at 95%, …).
    public var column: String
    public var line: Int
    public var computed: Double
    public var published: Double
    /// |computed − published| beyond the published rounding (0 when reproduced).
    public var excess: Double
}

/// How a run's computed figures compare with the published ones.
public struct PublishedAgreement: Sendable, Equatable {
    /// Groups with at least one published figure and a computed value.
    public var compared = 0
    /// Of those, groups whose value and every limit round to the published figures.
    public var reproduced = 0
    /// Groups with a published figure where the engine has none (or the reverse).
    public var oneSided = 0
    /// Groups without any published figure.
    public var unpublished = 0
    /// The largest difference relative to the rounding allowed: the figure, its line, ours and the
    /// published figure.
    public var largest: PublishedDifference?

    public init() {}

    /// The note for standard error: how many groups reproduce, and where they differ most.
    public func note(source: String) -> String {
        var text = "compared with the figures published in \(source): \(reproduced) of \(compared) group\(compared == 1 ? "" : "s") reproduce the value and limits to the published rounding"
        if let largest, reproduced < compared {
            text += "; the largest difference is \(largest.column) at line \(largest.line): computed \(largest.computed), published \(largest.published)"
        }
        if oneSided > 0 { text += "; \(oneSided) group\(oneSided == 1 ? " has" : "s have") a published figure on one side only" }
        if unpublished > 0 { text += "; \(unpublished) group\(unpublished == 1 ? " has" : "s have") no published figure" }
        return text
    }
}
