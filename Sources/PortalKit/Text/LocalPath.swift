/// A link written as a place on the editor's own computer or network, as Windows shows it: a
/// drive (`C:\Users\…`), a shared folder (`\\fileserver\share\…`, which Markdown reads as
/// `\fileserver\…`) or a `file:` address. It opens for the editor and for no one else.
enum LocalPath {
    static func isOnThisComputer(_ destination: String) -> Bool {
        let u = Array(destination.utf8.prefix(8))
        guard let first = u.first else { return false }
        if first == UInt8(ascii: "\\") { return true }
        if u.count >= 3, (UInt8(ascii: "A")...UInt8(ascii: "Z")).contains(first & ~0x20), u[1] == UInt8(ascii: ":"),
           u[2] == UInt8(ascii: "\\") || u[2] == UInt8(ascii: "/") {
            return true
        }
        return URLText.scheme(of: destination) == "file"
    }

    /// A relative path written with Windows' separator (`images\flow.png`): the same path with
    /// `/`, or nil when it has no backslash (or is a web, mail or phone address).
    static func withSlashes(_ destination: String) -> String? {
        guard destination.utf8.contains(UInt8(ascii: "\\")), URLText.scheme(of: destination) == nil else { return nil }
        return String(destination.map { $0 == "\\" ? "/" : $0 })
    }
}
