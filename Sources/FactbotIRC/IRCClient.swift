import COpenSSL
import Glibc
import IRCProtocol
import Logging

/// The IRC adapter: one `poll` loop around an ``IRCSession``. It connects (TLS when
/// configured), feeds the session what the server sends, writes what the session lets
/// out, reconnects with backoff when the link drops, and QUITs on SIGINT/SIGTERM.
public final class IRCClient {
    let settings: IRCSettings
    let secrets: Secrets
    let version: String
    let logger: Logger
    let respond: IRCSession.Responder
    var backoff: Backoff
    var random = SystemRandomNumberGenerator()
    /// Replies still queued when a connection ended, for the next one.
    var carried: [String] = []

    /// A client that answers with `respond`, logging to `logger`.
    public init(
        settings: IRCSettings, secrets: Secrets, version: String, logger: Logger,
        respond: @escaping IRCSession.Responder
    ) {
        self.settings = settings
        self.secrets = secrets
        self.version = version
        self.logger = logger
        self.respond = respond
        self.backoff = Backoff(initial: 0.25, maximum: settings.reconnectMaxDelay)
    }

    /// Runs until `stop` (a descriptor such as ``ShutdownSignal/install()``) turns readable.
    public func run(stop: Int32) {
        while true {
            let started = Monotonic.now
            var registeredFor = 0.0
            switch connectOnce(stop: stop, registeredFor: &registeredFor) {
            case .stopped:
                return
            case .lost(let reason):
                logger.warning("disconnected: \(reason)", metadata: ["irc.server": "\(settings.server):\(settings.port)"])
            }
            if registeredFor >= 30 { backoff.reset() }
            let delay = backoff.nextDelay(random: Double.random(in: 0..<1, using: &random))
            logger.info(
                "reconnecting in \(String(format1: delay)) s",
                metadata: ["irc.attempt": "\(backoff.attempts)", "irc.connected_for": "\(Int(Monotonic.now - started)) s"])
            if wait(for: stop, Int32(POLLIN), stop: stop, timeout: delay) != .timedOut {
                logger.info("shutting down while waiting to reconnect")
                return
            }
        }
    }

    enum Outcome {
        case stopped
        case lost(String)
    }

    /// One connection, from connect to close.
    func connectOnce(stop: Int32, registeredFor: inout Double) -> Outcome {
        let target = "\(settings.server):\(settings.port)"
        logger.info("connecting to \(target)\(settings.tls ? " (TLS)" : "")")
        let stream: ServerStream
        do {
            let tcp = try TCPStream.connect(host: settings.server, port: settings.port, timeout: 15, stop: stop)
            if settings.tls {
                let options = TLSStream.Options(
                    host: settings.server, verify: settings.tlsVerify, caFile: settings.tlsCAFile,
                    pinned: TLSFingerprint(parsing: settings.tlsFingerprint),
                    clientCert: settings.tlsClientCert, clientKey: settings.tlsClientKey)
                let tls = try TLSStream(over: tcp, options, timeout: 15, stop: stop)
                logger.info("TLS: \(tls.checkedBy)")
                stream = tls
            } else {
                stream = tcp
            }
        } catch {
            if error.isStop {
                logger.info("shutting down while connecting")
                return .stopped
            }
            return .lost(error.description)
        }
        defer { stream.close() }
        logger.info("connected to \(target)")

        var session = IRCSession(settings: settings, secrets: secrets, version: version, respond: respond)
        session.resume(carried)
        carried = []
        defer {
            carried = session.unsentReplies
            if !carried.isEmpty { logger.info("keeping \(carried.count) unsent replies for the next connection") }
        }
        var framer = LineFramer()
        var buffer = [UInt8](repeating: 0, count: 16 * 1024)
        var registeredAt: Double?
        defer { if let registeredAt { registeredFor = Monotonic.now - registeredAt } }
        session.start(now: Monotonic.now)

        while true {
            // Write what flood control lets out now.
            var now = Monotonic.now
            while let line = session.takeLine(now: now) {
                do { try stream.write(Array((line + "\r\n").utf8), timeout: 10) } catch { return .lost(error.description) }
                logger.trace("→ \(Redaction.printable(Redaction.mask(line, secrets: secrets)))")
            }
            logEvents(&session, registeredAt: &registeredAt, now: now)
            if case .closed(let reason) = session.phase {
                if reason == "quit" {
                    stream.finish(timeout: 1)  // let the QUIT arrive before the socket closes
                    return .stopped
                }
                return .lost(reason)
            }

            // Sleep until the socket, a signal, the next paced line, or the next timer tick.
            var timeout = 1.0
            if let next = session.nextSendTime(now: now) { timeout = min(timeout, max(0, next - now)) }
            if stream.hasBufferedInput { timeout = 0 }
            var fds = [
                pollfd(fd: stream.descriptor, events: Int16(POLLIN), revents: 0),
                pollfd(fd: stop, events: Int16(POLLIN), revents: 0),
            ]
            _ = poll(&fds, 2, Int32((timeout * 1000).rounded(.up)))
            now = Monotonic.now

            if fds[1].revents != 0 {
                logger.info("shutting down: sending QUIT")
                session.quit(now: now)
                continue
            }
            if fds[0].revents != 0 || stream.hasBufferedInput {
                readLoop: while true {
                    let result: ReadResult
                    do {
                        result = try buffer.withUnsafeMutableBytes { pointer in try stream.read(into: pointer) }
                    } catch {
                        return .lost("\(error)")
                    }
                    switch result {
                    case .bytes(let count):
                        for line in framer.feed(buffer[0..<count]) {
                            logger.trace("← \(Redaction.printable(Redaction.mask(line, secrets: secrets)))")
                            session.receive(line, now: now)
                        }
                        if !stream.hasBufferedInput && count < buffer.count { break readLoop }
                    case .wouldBlock:
                        break readLoop
                    case .closed:
                        return .lost("the server closed the connection")
                    }
                }
            }
            session.tick(now: now)
        }
    }

    func logEvents(_ session: inout IRCSession, registeredAt: inout Double?, now: Double) {
        for event in session.takeEvents() {
            switch event {
            case .capabilities(let caps):
                logger.debug("server capabilities: \(caps.joined(separator: " "))")
            case .saslSucceeded(let account):
                logger.info("logged in with SASL as \(account)")
            case .saslFailed(let why):
                logger.error("SASL login failed: \(why)")
            case .registered(let nick):
                registeredAt = now
                logger.info("registered as \(nick)")
            case .nickInUse(let taken, let trying):
                logger.notice("nick \(taken) is taken; trying \(trying)")
            case .nickRegained(let nick):
                logger.notice("took back the nick \(nick)")
            case .joined(let channel):
                logger.info("joined \(channel)")
            case .joinFailed(let channel, let reason):
                logger.warning("cannot join \(Redaction.printable(channel)): \(Redaction.printable(reason))")
            case .kicked(let channel, let by, let reason):
                logger.warning(
                    "kicked from \(Redaction.printable(channel)) by \(Redaction.printable(by)): \(Redaction.printable(reason)); rejoining in \(Int(settings.rejoinDelay)) s"
                )
            case .question(let question):
                logger.debug(
                    "question from \(Redaction.printable(question.asker)) in \(Redaction.printable(question.channel ?? "private")): \(Redaction.printable(question.text))"
                )
            case .rateLimited(let user):
                logger.notice("\(Redaction.printable(user)) is asking too fast: one notice, then quiet for the window")
            case .rateLimitedQuietly(let user):
                logger.debug("still over the limit, not answered: \(Redaction.printable(user))")
            case .overloaded(let user):
                logger.warning("too many answers queued: not answering \(Redaction.printable(user))")
            case .closed(let reason):
                logger.warning("closing the connection: \(Redaction.printable(reason))")
            }
        }
    }
}

extension String {
    /// One decimal place, without Foundation.
    init(format1 value: Double) {
        let tenths = Int((value * 10).rounded())
        self = "\(tenths / 10).\(tenths % 10)"
    }
}
