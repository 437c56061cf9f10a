/// The values of the columns taken from a file while it is read.
///
/// Numbers of the current batch of rows are written into fixed scratch buffers (one run of
/// `batchCapacity` slots per column), which the row loop addresses by pointer without any
/// bounds or uniqueness checks; a full batch is appended to the typed column arrays in one copy
/// per column. Text is kept as codes into each column's `TextDictionary` (one per reader, so the
/// codes of consecutive chunks agree). A row becomes part of the table only when `commitRow` is
/// called, so a record abandoned half-way leaves nothing behind in the scratch.
final class ColumnStore {
    struct Column {
        let spec: ColumnSpec
        /// 1-based field position in the file.
        let position: Int
        let kind: FieldPlan.Kind
        let slot: Int
    }

    let columns: [Column]
    let batchCapacity: Int
    let decimalCount: Int
    let integerCount: Int
    let textCount: Int

    /// Scratch of the current batch: `decimalValues[slot * batchCapacity + row]` and so on;
    /// the `Present` flags are 0 for an empty field of a column that allows it.
    let decimalValues: UnsafeMutablePointer<Double>
    let decimalPresent: UnsafeMutablePointer<UInt8>
    let integerValues: UnsafeMutablePointer<Int>
    let integerPresent: UnsafeMutablePointer<UInt8>
    let lineValues: UnsafeMutablePointer<Int>
    /// Text codes of the current batch: `codeValues[slot * batchCapacity + row]`.
    let codeValues: UnsafeMutablePointer<UInt32>
    /// The distinct values of each text column, by slot.
    let dictionaries: [TextDictionary]
    /// Rows of the current batch held in the scratch.
    var batchRows = 0

    private var decimals: [[Double]]
    private var optionalDecimals: [[Double?]]
    private var integers: [[Int]]
    private var optionalIntegers: [[Int?]]
    private var codes: [[UInt32]]
    private var lineNumbers: [Int] = []
    /// Rows taken since the last `take`, batch included.
    private(set) var rowCount = 0

    init(columns: [Column], batchCapacity: Int = 512) {
        self.columns = columns
        self.batchCapacity = batchCapacity
        decimalCount = columns.filter { $0.kind == .decimal }.count
        integerCount = columns.filter { $0.kind == .wholeNumber || $0.kind == .money }.count
        textCount = columns.filter { $0.kind == .text }.count
        decimalValues = .allocate(capacity: max(1, decimalCount * batchCapacity))
        decimalPresent = .allocate(capacity: max(1, decimalCount * batchCapacity))
        integerValues = .allocate(capacity: max(1, integerCount * batchCapacity))
        integerPresent = .allocate(capacity: max(1, integerCount * batchCapacity))
        lineValues = .allocate(capacity: batchCapacity)
        codeValues = .allocate(capacity: max(1, textCount * batchCapacity))
        dictionaries = (0..<textCount).map { _ in TextDictionary() }
        decimals = Array(repeating: [], count: decimalCount)
        optionalDecimals = Array(repeating: [], count: decimalCount)
        integers = Array(repeating: [], count: integerCount)
        optionalIntegers = Array(repeating: [], count: integerCount)
        codes = Array(repeating: [], count: textCount)
    }

    deinit {
        decimalValues.deallocate()
        decimalPresent.deallocate()
        integerValues.deallocate()
        integerPresent.deallocate()
        lineValues.deallocate()
        codeValues.deallocate()
    }

    /// Makes the row in the scratch part of the table.
    @inline(__always)
    func commitRow(line: Int) {
        lineValues[batchRows] = line
        batchRows += 1
        rowCount += 1
        if batchRows == batchCapacity { flush() }
    }

    /// Appends the scratch batch to the column arrays.
    func flush() {
        let rows = batchRows
        if rows == 0 { return }
        for column in columns {
            let base = column.slot * batchCapacity
            switch column.kind {
            case .decimal:
                if column.spec.allowsEmpty {
                    for row in 0..<rows {
                        optionalDecimals[column.slot].append(decimalPresent[base + row] != 0 ? decimalValues[base + row] : nil)
                    }
                } else {
                    decimals[column.slot].append(contentsOf: UnsafeBufferPointer(start: decimalValues + base, count: rows))
                }
            case .wholeNumber, .money:
                if column.spec.allowsEmpty {
                    for row in 0..<rows {
                        optionalIntegers[column.slot].append(integerPresent[base + row] != 0 ? integerValues[base + row] : nil)
                    }
                } else {
                    integers[column.slot].append(contentsOf: UnsafeBufferPointer(start: integerValues + base, count: rows))
                }
            case .text:
                codes[column.slot].append(contentsOf: UnsafeBufferPointer(start: codeValues + base, count: rows))
            case .skip:
                break
            }
        }
        lineNumbers.append(contentsOf: UnsafeBufferPointer(start: lineValues, count: rows))
        batchRows = 0
    }

    /// Reserves room for `rows` more rows in every column (a size estimate for whole files).
    func reserve(rows: Int) {
        for column in columns {
            switch column.kind {
            case .decimal:
                if column.spec.allowsEmpty {
                    optionalDecimals[column.slot].reserveCapacity(optionalDecimals[column.slot].count + rows)
                } else {
                    decimals[column.slot].reserveCapacity(decimals[column.slot].count + rows)
                }
            case .wholeNumber, .money:
                if column.spec.allowsEmpty {
                    optionalIntegers[column.slot].reserveCapacity(optionalIntegers[column.slot].count + rows)
                } else {
                    integers[column.slot].reserveCapacity(integers[column.slot].count + rows)
                }
            case .text:
                codes[column.slot].reserveCapacity(codes[column.slot].count + rows)
            case .skip:
                break
            }
        }
        lineNumbers.reserveCapacity(lineNumbers.count + rows)
    }

    /// Hands over the rows taken since the last call as a table.
    func take(source: String, header: [String]) -> Table {
        flush()
        var values: [String: ColumnValues] = [:]
        var positions: [String: Int] = [:]
        for column in columns {
            let name = column.spec.name
            positions[name] = column.position
            switch column.kind {
            case .decimal:
                values[name] = column.spec.allowsEmpty ? .optionalDecimals(optionalDecimals[column.slot]) : .decimals(decimals[column.slot])
                decimals[column.slot] = []
                optionalDecimals[column.slot] = []
            case .wholeNumber:
                values[name] = column.spec.allowsEmpty ? .optionalWholeNumbers(optionalIntegers[column.slot]) : .wholeNumbers(integers[column.slot])
                integers[column.slot] = []
                optionalIntegers[column.slot] = []
            case .money:
                values[name] = column.spec.allowsEmpty ? .optionalPence(optionalIntegers[column.slot]) : .pence(integers[column.slot])
                integers[column.slot] = []
                optionalIntegers[column.slot] = []
            case .text:
                values[name] = .codedText(CodedText(codes: codes[column.slot], values: dictionaries[column.slot].values))
                codes[column.slot] = []
            case .skip:
                break
            }
        }
        let table = Table(source: source, header: header, rowCount: rowCount, lineNumbers: lineNumbers, values: values, positions: positions)
        lineNumbers = []
        rowCount = 0
        return table
    }
}
