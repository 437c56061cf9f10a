import Foundation
import Indicators
import Statistics
import Tables
import Testing

/// `IndicatorComputation.add(chunksOf:)`, which parses blocks of a file on worker threads: the
/// same results as feeding the chunks one by one, whatever the threads and block size, and errors
/// (of the data or of the file) surface with their location without leaving a worker behind.
@Suite struct ReadingAheadTests {
    /// A reader of `text` from a file on disk, as the CLI reads (the workers reopen it by path, so
    /// it stays in the temporary folder until the process ends).
    static func fileReader(_ text: String) throws -> TableReader {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("reading-ahead-\(UUID().uuidString).csv")
        try Data(text.utf8).write(to: url)
        return try TableReader(path: url.path, schema: IndicatorCounts.schema)
    }

    static func csv(rows: Int) -> String {
        var text = "indicator_id,org_code,period,numerator,denominator\n"
        for index in 0..<rows { text += "1,P\(index % 37),\(index % 3),\(index % 11),\(20 + index % 13)\n" }
        return text
    }

    @Test func sameResultsAsChunkByChunk() throws {
        let text = Self.csv(rows: 2000)
        let request = IndicatorRequest(statistic: .rate, confidence: levels, grouping: [.indicatorID, .orgCode])
        let oneByOne = try compute(text, request, chunkRows: 64)
        for (threads, blockBytes) in [(1, 64), (2, 7), (2, 64), (3, 500), (2, 1 << 20)] {
            var computation = try IndicatorComputation(request: request)
            try computation.add(chunksOf: Self.fileReader(text), threads: threads, blockBytes: blockBytes)
            let ahead = try computation.finish()
            #expect(ahead.results == oneByOne.results)
            #expect(ahead.results.count == 37)
        }
    }

    @Test func aDataErrorStopsTheReader() throws {
        var text = Self.csv(rows: 500)
        text += "1,P1,0,-4,20\n" + Self.csv(rows: 500).split(separator: "\n").dropFirst().joined(separator: "\n") + "\n"
        var computation = try IndicatorComputation(request: IndicatorRequest(statistic: .rate, grouping: [.indicatorID, .orgCode]))
        let error = dataError {
            try computation.add(chunksOf: Self.fileReader(text), threads: 2, blockBytes: 256)
        }
        #expect(error?.location.line == 502)
        #expect(error?.description.hasSuffix(":502:4: numerator: expected a count >= 0, found -4") == true)
    }

    @Test func aReadingErrorComesAfterTheRowsBeforeIt() throws {
        let text = Self.csv(rows: 300) + "1,P1,0,3\n"
        var computation = try IndicatorComputation(request: IndicatorRequest(statistic: .rate, grouping: [.indicatorID, .orgCode]))
        let error = dataError {
            try computation.add(chunksOf: Self.fileReader(text), threads: 2, blockBytes: 128)
        }
        #expect(error?.location.line == 302)
        #expect(error?.message.hasPrefix("expected 5 fields as in the header, found 4") == true)
    }
}
