import Foundation

/// Plain POSIX writes: Foundation's `Data.write` also syncs every file, which cost more than the
/// whole render at 10,000 pages.
enum FileWriting {
    /// Writes all of `bytes` from the file's start; nil on success, else the errno.
    static func writeAll(_ fd: Int32, _ bytes: [UInt8]) -> Int32? {
        bytes.withUnsafeBytes { writeAll(fd, $0, at: 0) }
    }

    /// Writes all of `buffer` at byte `start` of the file; nil on success, else the errno.
    static func writeAll(_ fd: Int32, _ buffer: UnsafeRawBufferPointer, at start: Int) -> Int32? {
        var done = 0
        while done < buffer.count {
            let n = pwrite(fd, buffer.baseAddress! + done, buffer.count - done, off_t(start + done))
            if n < 0 {
                if errno == EINTR { continue }
                return errno
            }
            done += n
        }
        return nil
    }
}
