/// A series of builds in one process (`portal watch`, `portal serve`): each successful build
/// leaves what the next one may reuse, so a one-page edit re-does one page's work. A value: the
/// caller owns it and hands it to each build in turn (`Builder.build(_:session:)`, inout), so no
/// two builds can share it.
public struct BuildSession: Sendable {
    var state: BuildState?
    /// The watcher's latest scan of the content folder, set before each build: the loader takes
    /// pages' stamps from it instead of asking the disk for each file again.
    public var snapshot: FileSnapshot?

    public init() {}
}

/// Everything a successful build knows that the next one can reuse.
struct BuildState: Sendable {
    /// Guidance pages as loaded, by content path, with their files' stamps.
    var pages: [String: LoadedPageMemo]
    var render: RenderMemo
    var index: SearchIndexState
    var output: OutputRecord
}

/// What this process last put into the output folder, and the stamp of the folder's marker
/// file then: if the marker changed (another build swapped the folder, someone deleted it), the
/// record no longer describes the folder and the next build stages and swaps in full.
struct OutputRecord: Sendable {
    /// In the order the build gave them.
    var files: [OutputFile]
    var marker: FileStamp
}
