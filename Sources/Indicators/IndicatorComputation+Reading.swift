import Tables

extension IndicatorComputation {
    /// Adds every remaining row of `reader` (opened with `IndicatorCounts.schema`), parsing blocks
    /// of about `blockBytes` on `threads` worker threads (`ParallelChunkReader`) while the chunks
    /// already parsed are grouped here, in file order. The first error in file order (of reading
    /// or of the data) is thrown, and the workers have stopped when this returns. The result is
    /// the same as calling `add(_:)` with each chunk of a single reader in turn, whatever
    /// `threads` and `blockBytes` are.
    public mutating func add(chunksOf reader: TableReader, threads: Int = 2, blockBytes: Int = 4 << 20) throws {
        let chunks = ParallelChunkReader(reader: reader, threads: max(1, threads), blockBytes: max(1, blockBytes))
        defer { chunks.stop() }
        while let chunk = try chunks.next() {
            try add(IndicatorCounts(table: chunk))
        }
        try addHeader(of: reader)
    }

    /// Takes the columns of a file with a header and no rows (`reader` gave no chunk), so that the
    /// results have the grouping columns the header names, and a missing column is an error as it
    /// is for a file with rows. Does nothing once a chunk was added.
    public mutating func addHeader(of reader: TableReader) throws {
        if setup == nil { try add(IndicatorCounts(table: reader.emptyTable())) }
    }
}
