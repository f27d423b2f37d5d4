import Foundation
import Synchronization

/// `items.map(transform)` on every core. Workers take the next few items from a shared counter
/// rather than fixed slices, so one long item (a list page of the whole site) cannot leave a core
/// idle at the end.
func parallelMap<T: Sendable, R: Sendable>(_ items: [T], _ transform: @escaping @Sendable (T) -> R) async -> [R] {
    let cores = max(ProcessInfoCores.count, 1)
    guard items.count > 1, cores > 1 else { return items.map(transform) }
    let batch = max(1, min(16, items.count / (cores * 16)))
    let results = ResultSlots<R>(count: items.count)
    await withTaskGroup(of: Void.self) { group in
        for _ in 0..<min(cores, items.count) {
            group.addTask {
                while true {
                    let start = results.claim(batch)
                    if start >= items.count { return }
                    for i in start..<min(start + batch, items.count) { results.set(i, transform(items[i])) }
                }
            }
        }
    }
    return results.collect()
}

/// One slot per item, each written once by exactly one worker; read only after all finished.
private final class ResultSlots<R>: @unchecked Sendable {
    private let slots: UnsafeMutablePointer<R>
    private let count: Int
    private let next = Atomic<Int>(0)

    init(count: Int) {
        self.count = count
        slots = .allocate(capacity: count)
    }

    /// The first index of the next `n` items nobody has taken yet.
    func claim(_ n: Int) -> Int { next.add(n, ordering: .relaxed).oldValue }

    func set(_ i: Int, _ value: R) { (slots + i).initialize(to: value) }

    /// Moves the values out; the slots are then empty.
    func collect() -> [R] {
        let out = Array(UnsafeBufferPointer(start: slots, count: count))
        slots.deinitialize(count: count)
        return out
    }

    deinit { slots.deallocate() }
}

enum ProcessInfoCores {
    static var count: Int { ProcessInfo.processInfo.activeProcessorCount }
}
