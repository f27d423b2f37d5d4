import PortalMarkdown

extension String {
    /// Without leading and trailing white space: PortalMarkdown's rule, shared.
    func trimmed() -> String { trimmingSpaces() }
}
