import COpenSSL
import Glibc

/// Why a connection could not be made or kept.
public struct ConnectionError: Error, CustomStringConvertible, Sendable {
    /// What went wrong, in words.
    public var description: String
    /// True when the attempt ended because the stop descriptor turned readable.
    public var isStop = false
    init(_ description: String) { self.description = description }
    /// The attempt was abandoned for SIGINT/SIGTERM.
    static let stopped: ConnectionError = {
        var error = ConnectionError("stopped")
        error.isStop = true
        return error
    }()
    static func errno(_ what: String) -> ConnectionError {
        ConnectionError("\(what): \(String(cString: strerror(Glibc.errno)))")
    }
}

/// What one read returned.
enum ReadResult {
    case bytes(Int)
    case wouldBlock
    case closed
}

/// A byte stream to the server: plain TCP, or TLS over it. Non-blocking reads; writes
/// wait (bounded) until everything is sent.
protocol ServerStream: AnyObject {
    /// The socket, for `poll`.
    var descriptor: Int32 { get }
    /// Bytes already decrypted and waiting (TLS), so `poll` must not wait.
    var hasBufferedInput: Bool { get }
    func read(into buffer: UnsafeMutableRawBufferPointer) throws(ConnectionError) -> ReadResult
    func write(_ bytes: [UInt8], timeout: Double) throws(ConnectionError)
    func close()
}

extension ServerStream {
    /// Half-closes and reads until the server closes or `timeout` passes, so the last
    /// lines sent (QUIT) are not lost to a reset from unread input.
    func finish(timeout: Double) {
        shutdown(descriptor, Int32(SHUT_WR))
        let deadline = Monotonic.now + timeout
        var buffer = [UInt8](repeating: 0, count: 4096)
        while Monotonic.now < deadline {
            guard hasBufferedInput || waitFor(descriptor, Int32(POLLIN), timeout: deadline - Monotonic.now) else { return }
            let result = try? buffer.withUnsafeMutableBytes { try read(into: $0) }
            guard case .bytes = result else {
                if case .wouldBlock = result { continue }
                return
            }
        }
    }
}

/// How a wait ended.
enum WaitResult {
    case ready
    case stopped
    case timedOut
}

/// Waits until `fd` is ready for `events`, `stop` turns readable (checked first), or
/// `timeout` seconds pass. A signal interrupting `poll` (EINTR) only shortens the next
/// wait to what is left. A negative `stop` is ignored.
func wait(for fd: Int32, _ events: Int32, stop: Int32, timeout: Double) -> WaitResult {
    let deadline = Monotonic.now + timeout
    while true {
        var entries = [
            pollfd(fd: fd, events: Int16(events), revents: 0),
            pollfd(fd: stop, events: Int16(POLLIN), revents: 0),
        ]
        let remaining = max(0, min(deadline - Monotonic.now, 3600))
        let result = poll(&entries, 2, Int32((remaining * 1000).rounded(.up)))
        if result < 0 {
            guard errno == EINTR else { return .timedOut }
            if Monotonic.now >= deadline { return .timedOut }
            continue
        }
        if stop >= 0, entries[1].revents != 0 { return .stopped }
        if result > 0, entries[0].revents != 0 { return .ready }
        if Monotonic.now >= deadline { return .timedOut }
    }
}

/// Waits until `fd` is ready for `events` or `timeout` seconds pass; true when ready.
func waitFor(_ fd: Int32, _ events: Int32, timeout: Double) -> Bool {
    wait(for: fd, events, stop: -1, timeout: timeout) == .ready
}

/// A plain TCP connection over a POSIX socket.
final class TCPStream: ServerStream {
    let descriptor: Int32
    var hasBufferedInput: Bool { false }

    private init(descriptor: Int32) { self.descriptor = descriptor }

    /// Resolves `host` and connects to the first address that answers within `timeout` seconds;
    /// throws ``ConnectionError/stopped`` as soon as `stop` turns readable.
    static func connect(host: String, port: Int, timeout: Double, stop: Int32 = -1) throws(ConnectionError) -> TCPStream {
        var hints = addrinfo()
        hints.ai_family = AF_UNSPEC
        hints.ai_socktype = Int32(SOCK_STREAM.rawValue)
        var list: UnsafeMutablePointer<addrinfo>?
        let status = getaddrinfo(host, String(port), &hints, &list)
        guard status == 0, let first = list else {
            throw ConnectionError("cannot resolve \(host): \(String(cString: gai_strerror(status)))")
        }
        defer { freeaddrinfo(list) }
        var lastError = ConnectionError("no address for \(host)")
        var entry: UnsafeMutablePointer<addrinfo>? = first
        while let address = entry {
            entry = address.pointee.ai_next
            let fd = socket(address.pointee.ai_family, address.pointee.ai_socktype, address.pointee.ai_protocol)
            guard fd >= 0 else {
                lastError = .errno("socket")
                continue
            }
            _ = factbot_fcntl_cloexec(fd)
            _ = factbot_fcntl_setfl(fd, factbot_fcntl_getfl(fd) | O_NONBLOCK)
            var one: Int32 = 1
            setsockopt(fd, Int32(IPPROTO_TCP), TCP_NODELAY, &one, socklen_t(MemoryLayout<Int32>.size))
            if Glibc.connect(fd, address.pointee.ai_addr, address.pointee.ai_addrlen) == 0 {
                return TCPStream(descriptor: fd)
            }
            guard errno == EINPROGRESS else {
                lastError = .errno("connect to \(host):\(port)")
                Glibc.close(fd)
                continue
            }
            switch wait(for: fd, Int32(POLLOUT), stop: stop, timeout: timeout) {
            case .ready:
                break
            case .stopped:
                Glibc.close(fd)
                throw .stopped
            case .timedOut:
                lastError = ConnectionError("connect to \(host):\(port): timed out after \(Int(timeout)) s")
                Glibc.close(fd)
                continue
            }
            var error: Int32 = 0
            var length = socklen_t(MemoryLayout<Int32>.size)
            getsockopt(fd, SOL_SOCKET, SO_ERROR, &error, &length)
            if error == 0 { return TCPStream(descriptor: fd) }
            lastError = ConnectionError("connect to \(host):\(port): \(String(cString: strerror(error)))")
            Glibc.close(fd)
        }
        throw lastError
    }

    func read(into buffer: UnsafeMutableRawBufferPointer) throws(ConnectionError) -> ReadResult {
        let count = Glibc.read(descriptor, buffer.baseAddress, buffer.count)
        if count > 0 { return .bytes(count) }
        if count == 0 { return .closed }
        if errno == EAGAIN || errno == EWOULDBLOCK || errno == EINTR { return .wouldBlock }
        throw .errno("read")
    }

    func write(_ bytes: [UInt8], timeout: Double) throws(ConnectionError) {
        var offset = 0
        while offset < bytes.count {
            let written = bytes.withUnsafeBytes { Glibc.send(descriptor, $0.baseAddress! + offset, bytes.count - offset, Int32(MSG_NOSIGNAL)) }
            if written > 0 {
                offset += written
                continue
            }
            guard written < 0, errno == EAGAIN || errno == EWOULDBLOCK || errno == EINTR else { throw .errno("write") }
            guard waitFor(descriptor, Int32(POLLOUT), timeout: timeout) else { throw ConnectionError("write: timed out") }
        }
    }

    func close() { Glibc.close(descriptor) }
}
