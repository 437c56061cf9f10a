import Tables

extension IndicatorComputation {
    /// Adds every remaining row of `reader` (opened with `IndicatorCounts.schema`), reading ahead:
    /// the next chunk of `chunkRows` rows is read on a second thread (`ChunkReadAhead`) while the
    /// current one is grouped, so that on two cores the grouping costs little beyond the reading.
    /// At most `chunksAhead` chunks wait in memory. The first error (of reading or of the data) is
    /// thrown, and the reading thread has stopped when this returns. The result is the same as
    /// calling `add(_:)` with each chunk in turn.
    public mutating func add(chunksOf reader: TableReader, chunkRows: Int = 1 << 16, chunksAhead: Int = 2) throws {
        let chunks = ChunkReadAhead(reader: reader, chunkRows: chunkRows, depth: max(1, chunksAhead))
        defer { chunks.stop() }
        while let chunk = try chunks.next() {
            try add(IndicatorCounts(table: chunk))
        }
    }
}
