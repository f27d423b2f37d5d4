import PortalMarkdown

/// The build cache's file format for any `Codable` value, so what the cache stores of a page is
/// written once (the types' stored properties) and never again by hand.
///
/// Every value is a 4-byte little-endian length and its bytes (length 0xFFFF_FFFF: nil), so a
/// reader can find any field by its key and skip what it does not ask for. A struct is its fields
/// as key and value; an array, its elements; a string, its UTF-8 bytes; an integer, a zig-zag
/// LEB128 varint. Lengths are patched in place once a value is written, so nothing is copied.
/// Reading never traps: anything malformed throws, and the cache is then ignored.
enum CacheCoder {
    struct Malformed: Error {}

    /// `shortcuts`: the hand-written writers of the commonest types (`Sink.document`), which
    /// write the same bytes as their Codable conformances; off only for the tests that check so.
    static func encode<T: Encodable>(_ value: T, capacity: Int = 1 << 16, shortcuts: Bool = true) -> [UInt8] {
        let sink = Sink(shortcuts: shortcuts)
        sink.bytes.reserveCapacity(capacity)
        sink.value(value, codingPath: [])
        return sink.bytes
    }

    static func decode<T: Decodable>(_ type: T.Type, from bytes: [UInt8]) throws -> T {
        let source = Source(bytes)
        guard let range = try source.value(at: 0), range.upperBound == bytes.count else { throw Malformed() }
        return try T(from: Reader(source: source, range: range, codingPath: []))
    }

    /// Values written one after another (each `encode`d on its own), found without decoding them:
    /// a file of many values can then be decoded on every core.
    struct Values: Sendable {
        fileprivate let source: Source
        fileprivate let payloads: [Range<Int>]

        init(_ bytes: [UInt8]) throws {
            source = Source(bytes)
            payloads = try source.values(in: 0..<bytes.count).map { entry in
                guard let payload = entry.payload else { throw Malformed() }
                return payload
            }
        }

        var count: Int { payloads.count }

        /// The value at `index` as it is in the bytes, length included.
        func encoded(at index: Int) -> ArraySlice<UInt8> { source.bytes[(payloads[index].lowerBound - 4)..<payloads[index].upperBound] }

        func decode<T: Decodable>(_ type: T.Type, at index: Int) throws -> T {
            try T(from: Reader(source: source, range: payloads[index], codingPath: []))
        }
    }

    static let nilLength: UInt32 = 0xFFFF_FFFF
}

// MARK: Writing

extension CacheCoder {
    final class Sink {
        var bytes: [UInt8] = []
        let shortcuts: Bool

        init(shortcuts: Bool = true) { self.shortcuts = shortcuts }

        func value<T: Encodable>(_ value: T, codingPath: [any CodingKey]) {
            let slot = openSlot()
            // A page's parse is most of the page cache, and the Codable path boxes a container
            // for each of its headings, links and sections; a type check is all it costs here.
            if shortcuts, T.self == MarkdownDocument.self {
                document(value as! MarkdownDocument)
            } else {
                try? value.encode(to: Writer(sink: self, codingPath: codingPath))
            }
            closeSlot(slot)
        }

        /// An integer's payload, as `value` writes it through a single-value container.
        func integer(_ value: Int) {
            let slot = openSlot()
            signed(Int64(value))
            closeSlot(slot)
        }

        /// A Bool's payload, as `value` writes it through a single-value container.
        func bool(_ value: Bool) {
            let slot = openSlot()
            bytes.append(value ? 1 : 0)
            closeSlot(slot)
        }

        /// Zig-zag, so small negative numbers stay short.
        func signed(_ v: Int64) { varint(UInt64(bitPattern: (v << 1) ^ (v >> 63))) }

        func null() { for _ in 0..<4 { bytes.append(0xFF) } }

        func raw<S: Sequence<UInt8>>(_ payload: S) {
            let slot = openSlot()
            bytes.append(contentsOf: payload)
            closeSlot(slot)
        }

        /// A string's payload, as `value` writes it through a single-value container.
        func string(_ value: String) {
            var value = value
            let slot = openSlot()
            value.withUTF8 { bytes.append(contentsOf: $0) }
            closeSlot(slot)
        }

        /// Four bytes for a length filled in by `closeSlot`. (Appended one by one: an array
        /// literal here was an allocation for every value of every cached page.)
        @inline(__always)
        func openSlot() -> Int {
            let slot = bytes.count
            for _ in 0..<4 { bytes.append(0) }
            return slot
        }

        @inline(__always)
        func closeSlot(_ slot: Int) {
            let length = UInt32(bytes.count - slot - 4)
            for i in 0..<4 { bytes[slot + i] = UInt8(truncatingIfNeeded: length >> (8 * UInt32(i))) }
        }

        func varint(_ value: UInt64) {
            var v = value
            while v >= 0x80 {
                bytes.append(UInt8(v & 0x7F) | 0x80)
                v >>= 7
            }
            bytes.append(UInt8(v))
        }
    }

    fileprivate struct Writer: Encoder {
        let sink: Sink
        var codingPath: [any CodingKey]
        var userInfo: [CodingUserInfoKey: Any] { [:] }

        func container<Key: CodingKey>(keyedBy type: Key.Type) -> KeyedEncodingContainer<Key> {
            KeyedEncodingContainer(KeyedWriter(sink: sink, codingPath: codingPath))
        }

        func unkeyedContainer() -> any UnkeyedEncodingContainer { UnkeyedWriter(sink: sink, codingPath: codingPath) }
        func singleValueContainer() -> any SingleValueEncodingContainer { SingleWriter(sink: sink, codingPath: codingPath) }
    }

    fileprivate struct KeyedWriter<Key: CodingKey>: KeyedEncodingContainerProtocol {
        let sink: Sink
        var codingPath: [any CodingKey]

        private func key(_ key: Key) { sink.raw(key.stringValue.utf8) }

        mutating func encodeNil(forKey key: Key) throws {
            self.key(key)
            sink.null()
        }

        // The writer reports no errors, so the coding path stays empty: appending each key
        // was an array allocated for every field of every cached page.
        mutating func encode<T: Encodable>(_ value: T, forKey key: Key) throws {
            self.key(key)
            sink.value(value, codingPath: codingPath)
        }

        // The commonest fields written as the generic path writes them, without the encoder and
        // the boxed single-value container it would make for each.
        mutating func encode(_ value: String, forKey key: Key) throws {
            self.key(key)
            sink.string(value)
        }

        mutating func encode(_ value: Int, forKey key: Key) throws {
            self.key(key)
            sink.integer(value)
        }

        mutating func encode(_ value: Bool, forKey key: Key) throws {
            self.key(key)
            sink.bool(value)
        }

        mutating func nestedContainer<NestedKey: CodingKey>(keyedBy keyType: NestedKey.Type, forKey key: Key) -> KeyedEncodingContainer<NestedKey> {
            fatalError("nested containers are not used by the cached types")
        }

        mutating func nestedUnkeyedContainer(forKey key: Key) -> any UnkeyedEncodingContainer {
            fatalError("nested containers are not used by the cached types")
        }

        mutating func superEncoder() -> any Encoder { fatalError("class inheritance is not cached") }
        mutating func superEncoder(forKey key: Key) -> any Encoder { fatalError("class inheritance is not cached") }
    }

    fileprivate struct UnkeyedWriter: UnkeyedEncodingContainer {
        let sink: Sink
        var codingPath: [any CodingKey]
        var count = 0

        mutating func encodeNil() throws {
            sink.null()
            count += 1
        }

        mutating func encode<T: Encodable>(_ value: T) throws {
            sink.value(value, codingPath: codingPath)
            count += 1
        }

        mutating func encode(_ value: String) throws {
            sink.string(value)
            count += 1
        }

        mutating func encode(_ value: Int) throws {
            sink.integer(value)
            count += 1
        }

        mutating func nestedContainer<NestedKey: CodingKey>(keyedBy keyType: NestedKey.Type) -> KeyedEncodingContainer<NestedKey> {
            fatalError("nested containers are not used by the cached types")
        }

        mutating func nestedUnkeyedContainer() -> any UnkeyedEncodingContainer {
            fatalError("nested containers are not used by the cached types")
        }

        mutating func superEncoder() -> any Encoder { fatalError("class inheritance is not cached") }
    }

    /// A primitive is the whole payload of its value (its length is already written).
    fileprivate struct SingleWriter: SingleValueEncodingContainer {
        let sink: Sink
        var codingPath: [any CodingKey]

        mutating func encodeNil() throws { throw Malformed() }  // optionals are keyed fields here
        mutating func encode(_ value: Bool) throws { sink.bytes.append(value ? 1 : 0) }
        mutating func encode(_ value: String) throws { sink.bytes.append(contentsOf: value.utf8) }
        mutating func encode(_ value: Double) throws { sink.varint(value.bitPattern) }
        mutating func encode(_ value: Float) throws { sink.varint(UInt64(value.bitPattern)) }
        mutating func encode(_ value: Int) throws { sink.signed(Int64(value)) }
        mutating func encode(_ value: Int8) throws { sink.signed(Int64(value)) }
        mutating func encode(_ value: Int16) throws { sink.signed(Int64(value)) }
        mutating func encode(_ value: Int32) throws { sink.signed(Int64(value)) }
        mutating func encode(_ value: Int64) throws { sink.signed(value) }
        mutating func encode(_ value: UInt) throws { sink.varint(UInt64(value)) }
        mutating func encode(_ value: UInt8) throws { sink.varint(UInt64(value)) }
        mutating func encode(_ value: UInt16) throws { sink.varint(UInt64(value)) }
        mutating func encode(_ value: UInt32) throws { sink.varint(UInt64(value)) }
        mutating func encode(_ value: UInt64) throws { sink.varint(value) }

        mutating func encode<T: Encodable>(_ value: T) throws {
            // A wrapper (a raw-value enum, a struct with a single value) goes on in place.
            try value.encode(to: Writer(sink: sink, codingPath: codingPath))
        }
    }
}

// MARK: Reading

extension CacheCoder {
    fileprivate final class Source: Sendable {
        let bytes: [UInt8]
        init(_ bytes: [UInt8]) { self.bytes = bytes }

        /// The payload of the value whose length is at `offset`; nil for a nil value.
        func value(at offset: Int) throws(Malformed) -> Range<Int>? {
            guard offset >= 0, offset + 4 <= bytes.count else { throw Malformed() }
            var length: UInt32 = 0
            for i in 0..<4 { length |= UInt32(bytes[offset + i]) << (8 * UInt32(i)) }
            if length == CacheCoder.nilLength { return nil }
            let start = offset + 4, end = start + Int(length)
            guard end <= bytes.count else { throw Malformed() }
            return start..<end
        }

        enum Read { case value(Range<Int>?) }

        /// `value(at:)` without throwing: nil when malformed, `.value(nil)` for a nil value.
        func read(at offset: Int) -> Read? {
            do { return .value(try value(at: offset)) } catch { return nil }
        }

        /// The values one after another in `range`, as (start of the length, payload).
        func values(in range: Range<Int>) throws(Malformed) -> [(next: Int, payload: Range<Int>?)] {
            var out: [(next: Int, payload: Range<Int>?)] = []
            var offset = range.lowerBound
            while offset < range.upperBound {
                let payload = try value(at: offset)
                let next = payload?.upperBound ?? offset + 4
                guard next <= range.upperBound else { throw Malformed() }
                out.append((next, payload))
                offset = next
            }
            return out
        }

        func varint(_ range: Range<Int>) throws(Malformed) -> UInt64 {
            var value: UInt64 = 0
            var shift: UInt64 = 0
            for i in range {
                guard shift < 64 else { throw Malformed() }
                value |= UInt64(bytes[i] & 0x7F) << shift
                if bytes[i] < 0x80 {
                    guard i == range.upperBound - 1 else { throw Malformed() }
                    return value
                }
                shift += 7
            }
            throw Malformed()
        }
    }

    fileprivate struct Reader: Decoder {
        let source: Source
        let range: Range<Int>
        var codingPath: [any CodingKey]
        var userInfo: [CodingUserInfoKey: Any] { [:] }

        func container<Key: CodingKey>(keyedBy type: Key.Type) throws -> KeyedDecodingContainer<Key> {
            KeyedDecodingContainer(try KeyedReader<Key>(source: source, range: range, codingPath: codingPath))
        }

        func unkeyedContainer() throws -> any UnkeyedDecodingContainer {
            UnkeyedReader(source: source, values: try source.values(in: range).map(\.payload), codingPath: codingPath)
        }

        func singleValueContainer() throws -> any SingleValueDecodingContainer {
            SingleReader(source: source, range: range, codingPath: codingPath)
        }
    }

    /// Where the next field is expected: decoders ask for fields in the order they were written,
    /// so each is found where the last one ended, and only a field asked for out of order (or
    /// left out, as a nil optional is) costs a scan.
    fileprivate final class Cursor {
        var offset: Int
        init(_ offset: Int) { self.offset = offset }
    }

    fileprivate struct KeyedReader<Key: CodingKey>: KeyedDecodingContainerProtocol {
        let source: Source
        let range: Range<Int>
        var codingPath: [any CodingKey]
        private let cursor: Cursor

        init(source: Source, range: Range<Int>, codingPath: [any CodingKey]) throws(Malformed) {
            self.source = source
            self.range = range
            self.codingPath = codingPath
            cursor = Cursor(range.lowerBound)
        }

        /// The field at `offset`: its key bytes, its payload (nil: a nil value) and where the next starts.
        private func entry(at offset: Int) -> (key: Range<Int>, payload: Range<Int>?, next: Int)? {
            guard offset < range.upperBound, case .value(let key)? = source.read(at: offset), let key, key.upperBound < range.upperBound,
                  case .value(let payload)? = source.read(at: key.upperBound) else { return nil }
            let next = payload?.upperBound ?? key.upperBound + 4
            return next <= range.upperBound ? (key, payload, next) : nil
        }

        private func field(_ key: Key) -> (key: Range<Int>, payload: Range<Int>?)? {
            let name = key.stringValue.utf8
            if let e = entry(at: cursor.offset), name.elementsEqual(source.bytes[e.key]) {
                cursor.offset = e.next
                return (e.key, e.payload)
            }
            var offset = range.lowerBound
            while let e = entry(at: offset) {
                if name.elementsEqual(source.bytes[e.key]) {
                    cursor.offset = e.next
                    return (e.key, e.payload)
                }
                offset = e.next
            }
            return nil
        }

        var allKeys: [Key] {
            var keys: [Key] = []
            var offset = range.lowerBound
            while let e = entry(at: offset) {
                if let name = String(validating: source.bytes[e.key], as: UTF8.self), let key = Key(stringValue: name) { keys.append(key) }
                offset = e.next
            }
            return keys
        }

        func contains(_ key: Key) -> Bool {
            let saved = cursor.offset
            defer { cursor.offset = saved }
            return field(key) != nil
        }

        func decodeNil(forKey key: Key) throws -> Bool {
            let saved = cursor.offset
            guard let f = field(key) else { throw Malformed() }
            // Only a nil is consumed here; a value is read by the decode that follows.
            if f.payload != nil { cursor.offset = saved }
            return f.payload == nil
        }

        func decode<T: Decodable>(_ type: T.Type, forKey key: Key) throws -> T {
            guard let payload = field(key)?.payload else { throw Malformed() }
            return try T(from: Reader(source: source, range: payload, codingPath: codingPath + [key]))
        }

        func nestedContainer<NestedKey: CodingKey>(keyedBy type: NestedKey.Type, forKey key: Key) throws -> KeyedDecodingContainer<NestedKey> {
            throw Malformed()
        }

        func nestedUnkeyedContainer(forKey key: Key) throws -> any UnkeyedDecodingContainer { throw Malformed() }
        func superDecoder() throws -> any Decoder { throw Malformed() }
        func superDecoder(forKey key: Key) throws -> any Decoder { throw Malformed() }
    }

    fileprivate struct UnkeyedReader: UnkeyedDecodingContainer {
        let source: Source
        let values: [Range<Int>?]
        var codingPath: [any CodingKey]
        var currentIndex = 0

        init(source: Source, values: [Range<Int>?], codingPath: [any CodingKey]) {
            self.source = source
            self.values = values
            self.codingPath = codingPath
        }

        var count: Int? { values.count }
        var isAtEnd: Bool { currentIndex >= values.count }

        mutating func decodeNil() throws -> Bool {
            guard !isAtEnd else { throw Malformed() }
            if values[currentIndex] == nil {
                currentIndex += 1
                return true
            }
            return false
        }

        mutating func decode<T: Decodable>(_ type: T.Type) throws -> T {
            guard !isAtEnd, let payload = values[currentIndex] else { throw Malformed() }
            currentIndex += 1
            return try T(from: Reader(source: source, range: payload, codingPath: codingPath))
        }

        mutating func nestedContainer<NestedKey: CodingKey>(keyedBy type: NestedKey.Type) throws -> KeyedDecodingContainer<NestedKey> {
            throw Malformed()
        }

        mutating func nestedUnkeyedContainer() throws -> any UnkeyedDecodingContainer { throw Malformed() }
        mutating func superDecoder() throws -> any Decoder { throw Malformed() }
    }

    fileprivate struct SingleReader: SingleValueDecodingContainer {
        let source: Source
        let range: Range<Int>
        var codingPath: [any CodingKey]

        private func signed() throws -> Int64 {
            let u = try source.varint(range)
            return Int64(bitPattern: (u >> 1) ^ (0 &- (u & 1)))
        }

        private func integer<T: FixedWidthInteger>(_ value: Int64) throws -> T {
            guard let v = T(exactly: value) else { throw Malformed() }
            return v
        }

        private func unsignedInteger<T: FixedWidthInteger>() throws -> T {
            guard let v = T(exactly: try source.varint(range)) else { throw Malformed() }
            return v
        }

        func decodeNil() -> Bool { false }

        func decode(_ type: Bool.Type) throws -> Bool {
            guard range.count == 1, source.bytes[range.lowerBound] <= 1 else { throw Malformed() }
            return source.bytes[range.lowerBound] == 1
        }

        func decode(_ type: String.Type) throws -> String {
            guard let s = String(validating: source.bytes[range], as: UTF8.self) else { throw Malformed() }
            return s
        }

        func decode(_ type: Double.Type) throws -> Double { Double(bitPattern: try source.varint(range)) }
        func decode(_ type: Float.Type) throws -> Float { Float(bitPattern: try unsignedInteger()) }
        func decode(_ type: Int.Type) throws -> Int { try integer(try signed()) }
        func decode(_ type: Int8.Type) throws -> Int8 { try integer(try signed()) }
        func decode(_ type: Int16.Type) throws -> Int16 { try integer(try signed()) }
        func decode(_ type: Int32.Type) throws -> Int32 { try integer(try signed()) }
        func decode(_ type: Int64.Type) throws -> Int64 { try signed() }
        func decode(_ type: UInt.Type) throws -> UInt { try unsignedInteger() }
        func decode(_ type: UInt8.Type) throws -> UInt8 { try unsignedInteger() }
        func decode(_ type: UInt16.Type) throws -> UInt16 { try unsignedInteger() }
        func decode(_ type: UInt32.Type) throws -> UInt32 { try unsignedInteger() }
        func decode(_ type: UInt64.Type) throws -> UInt64 { try source.varint(range) }

        func decode<T: Decodable>(_ type: T.Type) throws -> T {
            try T(from: Reader(source: source, range: range, codingPath: codingPath))
        }
    }
}
