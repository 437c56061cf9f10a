import Indicators
import Statistics
import Tables
import Testing

/// `IndicatorComputation.add(chunksOf:)`, which reads the next chunk on a second thread: the same
/// results as feeding the chunks one by one, and errors (of the data or of the file) surface with
/// their location without leaving the reading thread behind.
@Suite struct ReadingAheadTests {
    static func csv(rows: Int) -> String {
        var text = "indicator_id,org_code,period,numerator,denominator\n"
        for index in 0..<rows { text += "1,P\(index % 37),\(index % 3),\(index % 11),\(20 + index % 13)\n" }
        return text
    }

    @Test func sameResultsAsChunkByChunk() throws {
        let text = Self.csv(rows: 2000)
        let request = IndicatorRequest(statistic: .rate, confidence: levels, grouping: [.indicatorID, .orgCode])
        let oneByOne = try compute(text, request, chunkRows: 64)
        for (rows, ahead) in [(1, 1), (7, 2), (64, 3), (5000, 2)] {
            var computation = try IndicatorComputation(request: request)
            try computation.add(chunksOf: TableReader(bytes: Array(text.utf8), name: "input.csv", schema: IndicatorCounts.schema),
                                chunkRows: rows, chunksAhead: ahead)
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
            try computation.add(chunksOf: TableReader(bytes: Array(text.utf8), name: "input.csv", schema: IndicatorCounts.schema),
                                chunkRows: 16, chunksAhead: 1)
        }
        #expect(error?.description == "input.csv:502:4: numerator: expected a count >= 0, found -4")
    }

    @Test func aReadingErrorComesAfterTheRowsBeforeIt() throws {
        let text = Self.csv(rows: 300) + "1,P1,0,3\n"
        var computation = try IndicatorComputation(request: IndicatorRequest(statistic: .rate, grouping: [.indicatorID, .orgCode]))
        let error = dataError {
            try computation.add(chunksOf: TableReader(bytes: Array(text.utf8), name: "input.csv", schema: IndicatorCounts.schema),
                                chunkRows: 32)
        }
        #expect(error?.location.line == 302)
        #expect(error?.message.hasPrefix("expected 5 fields as in the header, found 4") == true)
    }
}
