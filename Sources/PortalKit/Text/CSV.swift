/// RFC 4180 CSV: quoted fields may hold commas, quotes (doubled) and line breaks; CRLF or LF.
/// Each record remembers the line it starts on, so errors point at the file.
public struct CSVRecord: Sendable, Equatable {
    public var fields: [String]
    public var line: Int
}

public struct CSVError: Error, Sendable, Equatable {
    public enum Problem: Sendable, Equatable {
        case quoteInUnquotedField, textAfterClosingQuote, unclosedQuote
    }

    public var line: Int
    public var problem: Problem

    /// In English, as in services.csv (`Message.csv`).
    public var message: String { Message.csv(problem).text(.en) }
}

public enum CSV {
    /// Parses the whole text. Blank lines between records are skipped.
    public static func parse(_ text: String, firstLine: Int = 1) throws(CSVError) -> [CSVRecord] {
        var records: [CSVRecord] = []
        var fields: [String] = []
        var field = ""
        var line = firstLine
        var recordLine = firstLine
        var inQuotes = false
        var quotedFieldEnded = false
        var atFieldStart = true
        var iterator = text.unicodeScalars.makeIterator()
        var pending: Unicode.Scalar? = nil

        func endRecord() {
            fields.append(field)
            if !(fields.count == 1 && fields[0].isEmpty && !quotedFieldEnded) {
                records.append(CSVRecord(fields: fields, line: recordLine))
            }
            fields = []
            field = ""
            atFieldStart = true
            quotedFieldEnded = false
        }

        while let scalar = pending ?? iterator.next() {
            pending = nil
            if inQuotes {
                if scalar == "\"" {
                    let next = iterator.next()
                    if next == "\"" {
                        field.unicodeScalars.append("\"")
                    } else {
                        inQuotes = false
                        quotedFieldEnded = true
                        pending = next
                    }
                } else {
                    if scalar == "\n" { line += 1 }
                    if scalar == "\r" { continue }
                    field.unicodeScalars.append(scalar)
                }
                continue
            }
            switch scalar {
            case "\"" where atFieldStart:
                inQuotes = true
                atFieldStart = false
            case "\"":
                throw CSVError(line: line, problem: .quoteInUnquotedField)
            case ",":
                fields.append(field)
                field = ""
                atFieldStart = true
                quotedFieldEnded = false
            case "\r":
                continue
            case "\n":
                endRecord()
                line += 1
                recordLine = line
            default:
                if quotedFieldEnded {
                    throw CSVError(line: line, problem: .textAfterClosingQuote)
                }
                atFieldStart = false
                field.unicodeScalars.append(scalar)
            }
        }
        if inQuotes {
            throw CSVError(line: recordLine, problem: .unclosedQuote)
        }
        if !field.isEmpty || !fields.isEmpty || quotedFieldEnded {
            endRecord()
        }
        return records
    }
}
