import Tables

/// The levels of categorical variables found in a persons file: one streaming pass reading only
/// those text columns (the others are skipped unconverted), memory O(levels) plus one chunk.
///
/// Levels are returned in byte order of their UTF-8 text (so `10-14` sorts before `5-9`); declare
/// `levels` in the model to choose another order and to spare this pass.
public enum CategoryLevels {
    /// The distinct values of each of `variables` in `persons`, in byte order.
    public static func collect(persons: PersonsSource, variables: [String], chunkRows: Int = 65_536) throws -> [String: [String]] {
        guard !variables.isEmpty else { return [:] }
        let reader = try persons.reader(schema: Schema(variables.map { ColumnSpec($0) }))
        var found = [Set<String>](repeating: [], count: variables.count)
        while let table = try reader.next(maximumRows: chunkRows) {
            for (position, variable) in variables.enumerated() {
                for value in table.text(variable) { found[position].insert(value) }
            }
        }
        var levels: [String: [String]] = [:]
        for (position, variable) in variables.enumerated() {
            levels[variable] = found[position].sorted { $0.utf8.lexicographicallyPrecedes($1.utf8) }
        }
        return levels
    }
}
