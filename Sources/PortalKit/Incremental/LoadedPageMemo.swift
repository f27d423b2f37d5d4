/// A guidance page as the last build loaded it, reused while its file's stamp is unchanged.
struct LoadedPageMemo: Sendable, Codable {
    var stamp: FileStamp
    var page: GuidancePage?
    var diagnostics: [Diagnostic]
}
