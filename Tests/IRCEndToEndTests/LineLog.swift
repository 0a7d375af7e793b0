import Foundation

/// Lines read from a pipe on a background thread, kept for the test to wait on.
final class LineLog: @unchecked Sendable {
    private let lock = NSLock()
    private var lines: [String] = []
    private var ended = false

    /// Starts reading `handle` until end of file.
    init(reading handle: FileHandle) {
        let thread = Thread { [self] in
            var pending = Data()
            while true {
                let chunk = handle.availableData
                if chunk.isEmpty { break }
                pending.append(chunk)
                while let newline = pending.firstIndex(of: 0x0A) {
                    let line = String(decoding: pending[pending.startIndex..<newline], as: UTF8.self)
                    pending.removeSubrange(pending.startIndex...newline)
                    lock.withLock { lines.append(line) }
                }
            }
            lock.withLock { ended = true }
        }
        thread.start()
    }

    /// Everything read so far.
    var all: [String] { lock.withLock { lines } }

    /// Waits up to `timeout` seconds for a line after index `from` matching `predicate`;
    /// returns the line and its index.
    @discardableResult
    func wait(from: Int = 0, timeout: Double, _ predicate: (String) -> Bool) -> (line: String, index: Int)? {
        let deadline = Date().addingTimeInterval(timeout)
        var checked = from
        while true {
            let (snapshot, done) = lock.withLock { (lines, ended) }
            while checked < snapshot.count {
                if predicate(snapshot[checked]) { return (snapshot[checked], checked) }
                checked += 1
            }
            if done || Date() >= deadline { return nil }
            Thread.sleep(forTimeInterval: 0.02)
        }
    }

    /// Waits for the line `containing` text.
    @discardableResult
    func wait(from: Int = 0, timeout: Double, containing text: String) -> String? {
        wait(from: from, timeout: timeout) { $0.contains(text) }?.line
    }
}
