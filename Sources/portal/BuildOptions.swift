import ArgumentParser

/// The options every command that builds shares (`build` now, `watch` and `serve` later).
struct BuildOptions: ParsableArguments {
    @Option(help: "The content folder.")
    var content: String = "content"

    @Option(help: "The templates folder (Mustache layouts and assets/).")
    var templates: String = "templates"

    @Option(help: "Where the portal is written. Replaced as a whole, only when the build succeeds.")
    var output: String = "output"

    @Flag(help: "Treat warnings as errors.")
    var strict = false

    @Flag(help: "Print only errors and warnings.")
    var quiet = false

    @Flag(help: "Print how long each phase took.")
    var timings = false

    @Flag(help: "Neither read nor write the build cache (.portal-cache/ beside the output folder).")
    var noCache = false
}
