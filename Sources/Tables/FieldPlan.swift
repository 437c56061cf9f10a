/// What the reader does with one field position of the file: skip it, or convert it into one of
/// the schema's columns. Decided once from the header, then looked up for every field, so that
/// the row loop switches on a small kind instead of calling through a protocol.
struct FieldPlan {
    enum Kind: UInt8 {
        /// A column the schema does not ask for: checked for quoting, not converted.
        case skip
        case text
        case decimal
        case wholeNumber
        case money
    }

    let kind: Kind
    let allowsEmpty: Bool
    /// The index of the column among the store's columns of its storage type (decimal columns
    /// in one numbering, whole-number and money columns in another, text in a third).
    let slot: Int
    /// The index of the column in `ColumnStore.columns` (for messages).
    let column: Int
    /// The smallest accepted value (-∞ when the schema gives none).
    let decimalMinimum: Double
    /// The smallest accepted whole number (`Int.min` when the schema gives none).
    let integerMinimum: Int
    let grouping: DigitGrouping

    static let skipped = FieldPlan(kind: .skip, allowsEmpty: true, slot: 0, column: -1, decimalMinimum: -.infinity,
                                   integerMinimum: .min, grouping: .none)

    init(kind: Kind, allowsEmpty: Bool, slot: Int, column: Int, decimalMinimum: Double, integerMinimum: Int, grouping: DigitGrouping) {
        self.kind = kind
        self.allowsEmpty = allowsEmpty
        self.slot = slot
        self.column = column
        self.decimalMinimum = decimalMinimum
        self.integerMinimum = integerMinimum
        self.grouping = grouping
    }
}
