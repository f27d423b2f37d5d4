/// One row of the registry's table, from services.csv (with its line) or from a workbook (with
/// the sheet's name and row number, so a mistake is reported at its cell: `Sheet1!C12`).
struct RegistryRow: Sendable {
    var fields: [String]
    /// The line in a CSV file.
    var line: Int?
    /// In a workbook: the row's number and sheet name.
    var number: Int = 0
    var sheet: String? = nil
    /// Columns (0-based) whose cells hold a formula.
    var formulaColumns: Set<Int> = []

    init(fields: [String], line: Int) {
        self.fields = fields
        self.line = line
    }

    init(cells fields: [String], number: Int, sheet: String, formulaColumns: Set<Int> = []) {
        self.fields = fields
        self.number = number
        self.sheet = sheet
        self.formulaColumns = formulaColumns
    }

    var cellPath: String? { sheet }

    /// Every field empty: rows left blank between data are skipped, not errors.
    var isBlank: Bool { fields.allSatisfy { $0.trimmed().isEmpty } }

    /// `A`, `B`, …, `Z`, `AA`: a spreadsheet's column name.
    static func columnName(_ index: Int) -> String {
        var n = index + 1
        var out = ""
        while n > 0 {
            let r = (n - 1) % 26
            out = String(UnicodeScalar(UInt8(65 + r))) + out
            n = (n - 1) / 26
        }
        return out
    }

    /// A diagnostic at this row: `services.csv:12:1`, or `services.xlsx:Sheet1!C12` at a cell
    /// (`Sheet1!12` when no column is known).
    func diagnostic(_ severity: Diagnostic.Severity, path: String, column: Int?, _ message: Message) -> Diagnostic {
        if let sheet {
            return Diagnostic(severity, .load, path: "\(path):\(sheet)!\(column.map(Self.columnName) ?? "")\(number)", message)
        }
        return Diagnostic(severity, .load, path: path, line: line ?? 1, column: 1, message)
    }
}
