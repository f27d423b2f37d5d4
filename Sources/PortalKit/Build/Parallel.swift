/// Maps over independent values on every core, keeping the input order in the result.
/// Work is chunked so that small items do not drown in task overhead.
func parallelMap<T: Sendable, R: Sendable>(_ items: [T], _ transform: @escaping @Sendable (T) -> R) async -> [R] {
    let cores = max(ProcessInfoCores.count, 1)
    guard items.count > 1, cores > 1 else { return items.map(transform) }
    let chunkSize = max(1, (items.count + cores * 4 - 1) / (cores * 4))
    return await withTaskGroup(of: (Int, [R]).self) { group in
        for start in stride(from: 0, to: items.count, by: chunkSize) {
            let chunk = Array(items[start..<min(start + chunkSize, items.count)])
            group.addTask { (start, chunk.map(transform)) }
        }
        var parts: [(Int, [R])] = []
        for await part in group { parts.append(part) }
        return parts.sorted { $0.0 < $1.0 }.flatMap(\.1)
    }
}

import Foundation

enum ProcessInfoCores {
    static var count: Int { ProcessInfo.processInfo.activeProcessorCount }
}
