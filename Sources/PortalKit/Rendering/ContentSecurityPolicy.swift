/// The policy every page carries in a `<meta>`: scripts, styles, fonts and data only from the
/// portal's own files, no inline script, no `eval`, no plugins, no frames, nothing from the
/// network. Should content ever slip markup through, the browser still refuses to run it.
/// `'self'` covers the portal's folder on file:// as on a web server (checked in Chromium).
enum ContentSecurityPolicy {
    static func policy(for config: SiteConfig) -> String {
        let images = config.allowRemoteImages ? "'self' data: https: http:" : "'self' data:"
        return [
            "default-src 'self'",
            "script-src 'self'",
            "style-src 'self'",
            "img-src \(images)",
            "font-src 'self'",
            "connect-src 'self'",
            "object-src 'none'",
            "frame-src 'none'",
            "base-uri 'none'",
            "form-action 'self'",
        ].joined(separator: "; ")
    }
}
