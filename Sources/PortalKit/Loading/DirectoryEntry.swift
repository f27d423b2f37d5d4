import Foundation

extension dirent {
    /// The entry's name (readdir gives it as a fixed-size C array).
    var name: String {
        withUnsafeBytes(of: d_name) { String(decoding: $0.prefix { $0 != 0 }, as: UTF8.self) }
    }
}
