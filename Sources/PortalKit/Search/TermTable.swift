/// A hash table from terms to integers for the indexer's two hot loops (counting a document's
/// terms, collecting postings). Packed keys use open addressing with a multiplicative hash;
/// Swift's Dictionary seeds SipHash for every lookup, which cost more than the tokenising.
/// The few terms longer than eight bytes go to an ordinary dictionary.
///
/// The slots are buffers the table owns, not arrays: every store into an array asked whether
/// it was shared and checked its bounds, 3 % of a build's CPU in these loops. Noncopyable, so
/// no copy can share (or free) them.
struct TermTable: ~Copyable {
    /// 0 marks an empty slot: a packed term is never empty, so its key is never 0.
    private var keys: UnsafeMutableBufferPointer<UInt64>
    private var values: UnsafeMutableBufferPointer<Int>
    private var mask: Int
    private var long: [String: Int] = [:]
    private(set) var count = 0

    init(capacity: Int = 64) {
        var size = 16
        while size < capacity * 2 { size <<= 1 }
        (keys, values) = Self.allocate(size)
        mask = size - 1
    }

    deinit {
        keys.deallocate()
        values.deallocate()
    }

    private static func allocate(_ size: Int) -> (UnsafeMutableBufferPointer<UInt64>, UnsafeMutableBufferPointer<Int>) {
        let keys = UnsafeMutableBufferPointer<UInt64>.allocate(capacity: size)
        keys.initialize(repeating: 0)
        let values = UnsafeMutableBufferPointer<Int>.allocate(capacity: size)
        values.initialize(repeating: 0)
        return (keys, values)
    }

    /// Adds `amount` to the term's value (0 when new).
    mutating func add(_ term: TermKey, _ amount: Int) {
        switch term {
        case .packed(let key):
            let slot = findOrInsert(key, initial: 0)
            values[slot] += amount
        case .long(let text):
            if let v = long[text] {
                long[text] = v + amount
            } else {
                long[text] = amount
                count += 1
            }
        }
    }

    /// The term's value, inserting `make()` first when the term is new.
    mutating func value(_ term: TermKey, orInsert make: () -> Int) -> Int {
        switch term {
        case .packed(let key):
            let before = count
            let slot = findOrInsert(key, initial: 0)
            if count != before { values[slot] = make() }
            return values[slot]
        case .long(let text):
            if let v = long[text] { return v }
            let v = make()
            long[text] = v
            count += 1
            return v
        }
    }

    /// Every term with its value, in no particular order.
    func forEach(_ body: (TermKey, Int) -> Void) {
        var i = 0
        while i < keys.count {
            if keys[i] != 0 { body(.packed(keys[i]), values[i]) }
            i += 1
        }
        for (text, v) in long { body(.long(text), v) }
    }

    // The slot index is always masked, so it is in bounds: the buffers' own checks (debug
    // builds only) are all that is left.
    private mutating func findOrInsert(_ key: UInt64, initial: Int) -> Int {
        var slot = Self.hash(key) & mask
        while true {
            let k = keys[slot]
            if k == key { return slot }
            if k == 0 { break }
            slot = (slot + 1) & mask
        }
        keys[slot] = key
        values[slot] = initial
        count += 1
        if count * 2 > keys.count {
            grow()
            return find(key)
        }
        return slot
    }

    private func find(_ key: UInt64) -> Int {
        var slot = Self.hash(key) & mask
        while keys[slot] != key { slot = (slot + 1) & mask }
        return slot
    }

    private mutating func grow() {
        let (oldKeys, oldValues) = (keys, values)
        (keys, values) = Self.allocate(oldKeys.count * 2)
        mask = keys.count - 1
        var i = 0
        while i < oldKeys.count {
            if oldKeys[i] != 0 {
                var slot = Self.hash(oldKeys[i]) & mask
                while keys[slot] != 0 { slot = (slot + 1) & mask }
                keys[slot] = oldKeys[i]
                values[slot] = oldValues[i]
            }
            i += 1
        }
        oldKeys.deallocate()
        oldValues.deallocate()
    }

    @inline(__always)
    private static func hash(_ key: UInt64) -> Int {
        Int(truncatingIfNeeded: (key &* 0x9E37_79B9_7F4A_7C15) >> 32)
    }
}

/// A document's weighted term counts, as a compact list (read once, in order, by the assembler).
struct TermFrequencies: Sendable {
    var terms: [TermKey] = []
    var counts: [Int] = []

    var length: Int { counts.reduce(0, +) }
}
