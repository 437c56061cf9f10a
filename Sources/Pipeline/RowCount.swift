import Reports
import Tables

/// The number of data rows (records after the header) of a CSV file, read in chunks with Tables'
/// reader so quoted line breaks count as the reader counts them.
enum RowCount {
    static func csvRows(path: String) throws -> Int {
        let reader = try TableReader(path: path, schema: Schema([]))
        var rows = 0
        while let chunk = try reader.next(maximumRows: 1 << 16) { rows += chunk.rowCount }
        return rows
    }

    /// Whether a path names a CSV file (by its extension).
    static func isCSV(_ path: String) -> Bool {
        path.lowercased().hasSuffix(".csv")
    }

    /// Size, rows (CSV only) and SHA-256 of a file.
    static func record(name: String?, shownAs shown: String, path: String) throws -> FileRecord {
        let digest = try SHA256.digest(ofFile: path)
        return FileRecord(name: name, path: shown, size: digest.size, rows: isCSV(path) ? try csvRows(path: path) : nil, sha256: digest.hex)
    }
}
