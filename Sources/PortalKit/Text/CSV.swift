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
    /// Parses the whole text. Blank lines between records are skipped. Byte by byte: the
    /// delimiters are ASCII, and no byte of a multi-byte UTF-8 sequence is ASCII, so a field's
    /// bytes are its text's (scalar by scalar, this was most of a ```table block's cost).
    public static func parse(_ text: String, firstLine: Int = 1) throws(CSVError) -> [CSVRecord] {
        let quote = UInt8(ascii: "\""), comma = UInt8(ascii: ","), cr = UInt8(ascii: "\r"), lf = UInt8(ascii: "\n")
        let bytes = Array(text.utf8)
        var records: [CSVRecord] = []
        var fields: [String] = []
        var field: [UInt8] = []
        var line = firstLine
        var recordLine = firstLine
        var inQuotes = false
        var quotedFieldEnded = false
        var atFieldStart = true

        func endField() {
            fields.append(String(decoding: field, as: UTF8.self))
            field.removeAll(keepingCapacity: true)
        }

        func endRecord() {
            endField()
            if !(fields.count == 1 && fields[0].isEmpty && !quotedFieldEnded) {
                records.append(CSVRecord(fields: fields, line: recordLine))
            }
            fields = []
            atFieldStart = true
            quotedFieldEnded = false
        }

        var i = 0
        while i < bytes.count {
            let byte = bytes[i]
            i += 1
            if inQuotes {
                if byte == quote {
                    // A doubled quote is one quote; any other byte after a quote is read outside.
                    if i < bytes.count, bytes[i] == quote {
                        field.append(quote)
                        i += 1
                    } else {
                        inQuotes = false
                        quotedFieldEnded = true
                    }
                } else {
                    if byte == lf { line += 1 }
                    if byte == cr { continue }
                    field.append(byte)
                }
                continue
            }
            switch byte {
            case quote where atFieldStart:
                inQuotes = true
                atFieldStart = false
            case quote:
                throw CSVError(line: line, problem: .quoteInUnquotedField)
            case comma:
                endField()
                atFieldStart = true
                quotedFieldEnded = false
            case cr:
                continue
            case lf:
                endRecord()
                line += 1
                recordLine = line
            default:
                if quotedFieldEnded {
                    throw CSVError(line: line, problem: .textAfterClosingQuote)
                }
                atFieldStart = false
                field.append(byte)
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
