import Foundation
import Glibc

/// A plain IRC client for the tests, written apart from the bot's own IRC code: a
/// blocking socket, naive line parsing, automatic PONG. It stands in for the people
/// in the channel.
final class TestClient {
    /// One line from the server, read naively.
    struct Line: CustomStringConvertible {
        var raw: String
        var nick: String  // from ":nick!user@host", or the server name
        var command: String
        var params: [String]  // the trailing one included
        var text: String { params.last ?? "" }
        var description: String { raw }

        init(_ raw: String) {
            self.raw = raw
            var rest = Substring(raw)
            nick = ""
            if rest.hasPrefix(":"), let space = rest.firstIndex(of: " ") {
                nick = String(rest[rest.index(after: rest.startIndex)..<space].prefix { $0 != "!" })
                rest = rest[rest.index(after: space)...]
            }
            var trailing: String?
            if let colon = rest.range(of: " :") {
                trailing = String(rest[colon.upperBound...])
                rest = rest[..<colon.lowerBound]
            }
            var words = rest.split(separator: " ").map(String.init)
            command = words.isEmpty ? "" : words.removeFirst()
            params = words + (trailing.map { [$0] } ?? [])
        }
    }

    let fd: Int32
    let nick: String
    private var pending = [UInt8]()
    private(set) var seen: [Line] = []

    /// Connects to 127.0.0.1:`port` and registers as `nick` (waits for 001).
    init(port: Int, nick: String) throws {
        self.nick = nick
        fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = in_port_t(UInt16(port).bigEndian)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        let status = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { connect(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
        }
        guard status == 0 else {
            close(fd)
            throw ServerError("test client cannot connect to port \(port)")
        }
        send("NICK \(nick)")
        send("USER \(nick) 0 * :test client")
        guard expect(timeout: 10, { $0.command == "001" }) != nil else { throw ServerError("test client \(nick) did not register") }
    }

    deinit { close(fd) }

    /// Sends one raw line.
    func send(_ line: String) {
        let bytes = Array((line + "\r\n").utf8)
        _ = bytes.withUnsafeBytes { Glibc.send(fd, $0.baseAddress, $0.count, Int32(MSG_NOSIGNAL)) }
    }

    /// Joins a channel and waits until the server confirms.
    func join(_ channel: String) throws {
        send("JOIN \(channel)")
        guard expect(timeout: 10, { $0.command == "366" }) != nil else { throw ServerError("\(nick) could not join \(channel)") }
    }

    /// Reads until a line matches (answering PINGs), or `timeout` seconds pass.
    @discardableResult
    func expect(timeout: Double, _ predicate: (Line) -> Bool) -> Line? {
        let deadline = Date().addingTimeInterval(timeout)
        while Date() < deadline {
            while let newline = pending.firstIndex(of: 0x0A) {
                var bytes = Array(pending[..<newline])
                pending.removeSubrange(...newline)
                if bytes.last == 0x0D { bytes.removeLast() }
                let line = Line(String(decoding: bytes, as: UTF8.self))
                if line.command == "PING" { send("PONG :\(line.text)") }
                seen.append(line)
                if predicate(line) { return line }
            }
            var entry = pollfd(fd: fd, events: Int16(POLLIN), revents: 0)
            let wait = Int32(max(1, min(200, deadline.timeIntervalSinceNow * 1000)))
            guard poll(&entry, 1, wait) > 0 else { continue }
            var buffer = [UInt8](repeating: 0, count: 8192)
            let count = read(fd, &buffer, buffer.count)
            if count <= 0 { return nil }
            pending += buffer[0..<count]
        }
        return nil
    }

    /// Every line read until `seconds` pass.
    func collect(for seconds: Double) -> [Line] {
        let start = seen.count
        _ = expect(timeout: seconds) { _ in false }
        return Array(seen[start...])
    }
}
