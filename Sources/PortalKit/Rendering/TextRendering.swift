import Mustache

/// Text renders as itself. swift-mustache prints a value it knows nothing about through
/// `String(describing:)`, after asking whether it is an Optional in disguise; each `{{x}}` of
/// a page cost two failed protocol casts and the generic print's own casts, which contend on
/// the runtime's conformance cache when both cores render. Known as renderable, a string takes the
/// library's own short path: escaped (or not, for `{{{x}}}`) and written. Sections are as before:
/// a string is never null, so `{{#x}}` shows for any text left in the context.
extension String: @retroactive MustacheCustomRenderable {
    public var renderText: String { self }
    public var isNull: Bool { false }
}
