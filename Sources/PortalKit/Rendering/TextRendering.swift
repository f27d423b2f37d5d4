import Mustache

/// Text renders as itself. swift-mustache prints a value it knows nothing about through
/// `String(describing:)`, after asking whether it is an Optional in disguise; each `{{x}}` of
/// a page cost two failed protocol casts and the generic print's own casts, which contend on
/// the runtime's conformance cache when both cores render. Known as renderable, a string takes the
/// library's own short path: escaped (or not, for `{{{x}}}`) and written.
/// Empty text is null: Mustache treats "" as true, so `{{#notes}}…{{/notes}}` would print a
/// label with nothing after it; as null, a section shows only when there is text, and `{{^x}}`
/// when there is none. (The build dropped empty text from every context before rendering
/// instead, a walk of every dictionary with a cast of every value: 2 % of a build.)
extension String: @retroactive MustacheCustomRenderable {
    public var renderText: String { self }
    public var isNull: Bool { isEmpty }
}

/// Text has no named children. A section over text (`{{#summary}}…{{/summary}}`) pushes the text,
/// and every lookup inside it asked the text first: not a dictionary, so swift-mustache built a
/// `Mirror` of it to find no child of that name. Said here, the lookup moves on at once, to the
/// same value as before.
extension String: @retroactive MustacheParent {
    public func child(named: String) -> Any? { nil }
}
