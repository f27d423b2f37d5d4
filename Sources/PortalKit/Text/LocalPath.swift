/// A link written as a place on the editor's own computer or network, as Windows shows it: a
/// drive (`C:\Users\…`), a shared folder (`\\fileserver\share\…`, which Markdown reads as
/// `\fileserver\…`) or a `file:` address. It opens for the editor and for no one else.
enum LocalPath {
    /// `scheme`: the destination's, as `URLText.scheme(of:)` gives it (the resolver has it already).
    static func isOnThisComputer(_ destination: String, scheme: String?) -> Bool {
        var bytes = destination.utf8.makeIterator()
        guard let first = bytes.next() else { return false }
        if first == UInt8(ascii: "\\") { return true }
        if (UInt8(ascii: "A")...UInt8(ascii: "Z")).contains(first & ~0x20), bytes.next() == UInt8(ascii: ":"),
           let third = bytes.next(), third == UInt8(ascii: "\\") || third == UInt8(ascii: "/") {
            return true
        }
        return scheme == "file"
    }

    /// A relative path written with Windows' separator (`images\flow.png`): the same path with
    /// `/`, or nil when it has no backslash (or is a web, mail or phone address: has a `scheme`).
    static func withSlashes(_ destination: String, scheme: String?) -> String? {
        guard scheme == nil, destination.utf8.contains(UInt8(ascii: "\\")) else { return nil }
        return String(destination.map { $0 == "\\" ? "/" : $0 })
    }
}
