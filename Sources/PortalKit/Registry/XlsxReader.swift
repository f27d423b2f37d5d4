import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif

/// Reads the first sheet (or the one named) of an .xlsx workbook as rows of text, as the list
/// IPA publishes comes: a ZIP of XML parts (`ZipReader`), read with Foundation's XMLParser. Shared strings, inline strings, numbers (dates stay
/// day numbers: `RegistryColumns.date` reads them), booleans; a formula's last computed value,
/// flagged. Merged cells are reported (a merged heading hides which column it names). Anything
/// that is not a readable workbook (password-protected files are not ZIPs) is an error.
enum XlsxReader {
    struct Failure: Error, Equatable { var message: Message }

    struct Sheet {
        var name: String
        /// Row number (1-based) → cells by column index (0-based).
        var rows: [(number: Int, cells: [Int: String], formulas: Set<Int>)]
        var merged: [String]
    }

    static func read(_ data: Data, sheet wanted: String? = nil) throws(Failure) -> Sheet {
        let zip: ZipReader
        do {
            zip = try ZipReader(data)
        } catch {
            throw Failure(message: .workbookUnreadable)
        }
        func part(_ path: String) throws(Failure) -> Data? {
            let bytes: [UInt8]?
            do {
                bytes = try zip.part(path)
            } catch {
                throw Failure(message: .workbookPartUnreadable(path))
            }
            guard let bytes else { return nil }
            // Foundation's XMLParser traps on text that is not UTF-8 (found by make fuzz).
            guard String(validating: bytes, as: UTF8.self) != nil else { throw Failure(message: .workbookPartNotUTF8(path)) }
            return Data(bytes)
        }
        guard let workbook = try part("xl/workbook.xml") else {
            throw Failure(message: .notWorkbook)
        }
        let sheets = Elements(workbook, names: ["sheet"]).items.map { ($0["name"] ?? "", $0["r:id"] ?? "") }
        guard !sheets.isEmpty else { throw Failure(message: .noSheets) }
        let chosen: (String, String)
        if let wanted {
            guard let s = sheets.first(where: { $0.0 == wanted }) else {
                throw Failure(message: .noSuchSheet(wanted, sheets: sheets.map(\.0)))
            }
            chosen = s
        } else {
            chosen = sheets[0]
        }
        var target = "xl/worksheets/sheet1.xml"
        if let rels = try part("xl/_rels/workbook.xml.rels"),
           let rel = Elements(rels, names: ["Relationship"]).items.first(where: { $0["Id"] == chosen.1 }), let t = rel["Target"] {
            target = t.hasPrefix("/") ? String(t.dropFirst()) : "xl/" + t
        }
        guard let sheetXML = try part(target) else { throw Failure(message: .sheetMissing(chosen.0)) }
        let shared = try part("xl/sharedStrings.xml").map(SharedStrings.parse) ?? []
        let parser = SheetParser(shared: shared)
        let xml = XMLParser(data: sheetXML)
        xml.delegate = parser
        guard xml.parse() else { throw Failure(message: .sheetNotXML(chosen.0)) }
        if let problem = parser.problem { throw Failure(message: problem) }
        return Sheet(name: chosen.0, rows: parser.rows, merged: parser.merged)
    }

    /// "C12" → (column 2, row 12).
    static func position(_ ref: String) -> (column: Int, row: Int)? {
        var column = 0
        var digits = ""
        for ch in ref.uppercased() {
            if let a = ch.asciiValue, (65...90).contains(a), digits.isEmpty {
                column = column * 26 + Int(a - 64)
            } else if ch.isASCII, ch.isNumber {
                digits.append(ch)
            } else {
                return nil
            }
        }
        guard column > 0, let row = Int(digits), row > 0 else { return nil }
        return (column - 1, row)
    }
}

/// The attributes of every element with one of `names`.
private final class Elements: NSObject, XMLParserDelegate {
    var items: [[String: String]] = []
    let names: Set<String>

    init(_ data: Data, names: Set<String>) {
        self.names = names
        super.init()
        let parser = XMLParser(data: data)
        parser.delegate = self
        parser.parse()
    }

    func parser(_ parser: XMLParser, didStartElement name: String, namespaceURI: String?, qualifiedName: String?, attributes: [String: String] = [:]) {
        if names.contains(name) { items.append(attributes) }
    }
}

/// `xl/sharedStrings.xml`: each `<si>`'s text, rich-text runs joined.
private final class SharedStrings: NSObject, XMLParserDelegate {
    var strings: [String] = []
    private var current: String? = nil
    private var inText = false
    private var inPhonetic = false

    static func parse(_ data: Data) -> [String] {
        let s = SharedStrings()
        let parser = XMLParser(data: data)
        parser.delegate = s
        parser.parse()
        return s.strings
    }

    func parser(_ parser: XMLParser, didStartElement name: String, namespaceURI: String?, qualifiedName: String?, attributes: [String: String] = [:]) {
        switch name {
        case "si": current = ""
        case "rPh": inPhonetic = true  // furigana runs are not the text
        case "t": inText = !inPhonetic
        default: break
        }
    }

    func parser(_ parser: XMLParser, foundCharacters string: String) {
        if inText { current? += string }
    }

    func parser(_ parser: XMLParser, didEndElement name: String, namespaceURI: String?, qualifiedName: String?) {
        switch name {
        case "si": strings.append(current ?? ""); current = nil
        case "rPh": inPhonetic = false
        case "t": inText = false
        default: break
        }
    }
}

/// A worksheet's cells: `<row r><c r t><v>…</v><f>…</f><is><t>…</t></is></c></row>`.
private final class SheetParser: NSObject, XMLParserDelegate {
    let shared: [String]
    var rows: [(number: Int, cells: [Int: String], formulas: Set<Int>)] = []
    var merged: [String] = []
    var problem: Message?
    private var cellRef: String?
    private var cellType: String?
    private var value = ""
    private var inValue = false
    private var hasFormula = false
    private var rowNumber = 0
    private var cells: [Int: String] = [:]
    private var formulas: Set<Int> = []
    private var nextColumn = 0

    init(shared: [String]) { self.shared = shared }

    func parser(_ parser: XMLParser, didStartElement name: String, namespaceURI: String?, qualifiedName: String?, attributes: [String: String] = [:]) {
        switch name {
        case "row":
            rowNumber = attributes["r"].flatMap(Int.init) ?? rowNumber + 1
            cells = [:]
            formulas = []
            nextColumn = 0
        case "c":
            cellRef = attributes["r"]
            cellType = attributes["t"]
            value = ""
            hasFormula = false
        case "v", "t": inValue = true
        case "f": hasFormula = true
        case "mergeCell": if let ref = attributes["ref"] { merged.append(ref) }
        default: break
        }
    }

    func parser(_ parser: XMLParser, foundCharacters string: String) {
        if inValue { value += string }
    }

    func parser(_ parser: XMLParser, didEndElement name: String, namespaceURI: String?, qualifiedName: String?) {
        switch name {
        case "v", "t": inValue = false
        case "c":
            let column = cellRef.flatMap(XlsxReader.position)?.column ?? nextColumn
            nextColumn = column + 1
            var text = value
            switch cellType {
            case "s":
                guard let i = Int(value), i >= 0, i < shared.count else {
                    problem = .missingSharedString(cellRef ?? "?")
                    return
                }
                text = shared[i]
            case "b": text = value == "1" ? "true" : "false"
            case "e": text = ""
            default: break
            }
            // Whole numbers as Excel shows them: 45638.0 is the day 45638.
            if cellType == nil || cellType == "n", let d = Double(text), d == d.rounded(), abs(d) < 1e15 { text = String(Int(d)) }
            cells[column] = text
            if hasFormula { formulas.insert(column) }
        case "row":
            rows.append((rowNumber, cells, formulas))
        default: break
        }
    }
}
