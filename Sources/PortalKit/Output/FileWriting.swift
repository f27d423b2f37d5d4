import Foundation

/// Plain POSIX writes: Foundation's `Data.write` also syncs every file, which cost more than the
/// whole render at 10,000 pages.
enum FileWriting {
    /// Writes all of `bytes` from the file's start; nil on success, else the errno.
    static func writeAll(_ fd: Int32, _ bytes: [UInt8]) -> Int32? {
        bytes.withUnsafeBytes { buffer -> Int32? in
            var offset = 0
            while offset < buffer.count {
                let n = pwrite(fd, buffer.baseAddress! + offset, buffer.count - offset, off_t(offset))
                if n < 0 {
                    if errno == EINTR { continue }
                    return errno
                }
                offset += n
            }
            return nil
        }
    }
}
