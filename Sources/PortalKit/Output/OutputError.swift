/// Writing the output failed; the previous output is untouched.
public struct OutputError: Error, Sendable, Equatable, CustomStringConvertible {
    public var path: String
    /// In English.
    public var message: String
    /// The message as catalogued, to be printed in the reader's language.
    public var catalogued: Message?

    public init(path: String, message: String) {
        self.path = path
        self.message = message
    }

    init(path: String, _ message: Message) {
        self.init(path: path, message: message.text(.en))
        catalogued = message
    }

    public var description: String { "\(path): error: \(message)" }

    /// As a diagnostic of the write phase.
    public var diagnostic: Diagnostic {
        catalogued.map { Diagnostic(.error, .write, path: path, $0) } ?? Diagnostic(.error, .write, path: path, message)
    }

    /// `path: error: message [E0905]`, in `language`.
    public func text(_ language: MessageLanguage) -> String { diagnostic.text(language) }
}
