extension Duration {
    /// Seconds as a floating-point number, for printing timings.
    public var seconds: Double { Double(components.seconds) + Double(components.attoseconds) / 1e18 }
}
