import COpenSSL
import Glibc
import IRCProtocol
import Logging

/// The IRC adapter: one `poll` loop around an ``IRCSession``. It connects (TLS when
/// configured), feeds the session what the server sends, writes what the session lets
/// out, reconnects with backoff when the link drops, and QUITs on SIGINT/SIGTERM.
public final class IRCClient {
    /// The settings, with the port and TLS an STS policy imposes.
    var settings: IRCSettings
    let secrets: Secrets
    let crypto: any SCRAMCrypto
    let stsStore: (any STSPolicyStore)?
    let version: String
    let logger: Logger
    let respond: IRCSession.Responder
    var backoff: Backoff
    var random = SystemRandomNumberGenerator()
    /// Replies still queued when a connection ended, for the next one.
    var carried: [String] = []
    /// What the last server said about itself (005), assumed until the next one says.
    var serverSupport = ServerSupport()

    /// A client that answers with `respond`, logging to `logger`; STS policies are kept in
    /// `stsStore` (none kept without one).
    public init(
        settings: IRCSettings, secrets: Secrets, version: String, logger: Logger, stsStore: (any STSPolicyStore)? = nil,
        respond: @escaping IRCSession.Responder
    ) {
        self.settings = settings
        self.secrets = secrets
        self.crypto = OpenSSLCrypto()
        self.stsStore = stsStore
        self.version = version
        self.logger = logger
        self.respond = respond
        self.backoff = Backoff(initial: 0.25, maximum: settings.reconnectMaxDelay)
    }

    /// Runs until `stop` (a descriptor such as ``ShutdownSignal/install()``) turns readable;
    /// throws when a reconnect cannot help (SASL failed with `sasl_required`).
    public func run(stop: Int32) throws(Fatal) {
        applyStoredSTSPolicy()
        while true {
            let started = Monotonic.now
            var registeredFor = 0.0
            switch connectOnce(stop: stop, registeredFor: &registeredFor) {
            case .stopped:
                return
            case .fatal(let reason):
                throw Fatal(reason: reason)
            case .upgrade(let port):
                settings.tls = true
                settings.port = port
                continue  // at once: STS says the plain connection must not be used
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

    /// Why the client stopped for good.
    public struct Fatal: Error, CustomStringConvertible {
        /// In words.
        public var reason: String
        public var description: String { reason }
    }

    enum Outcome {
        case stopped
        case lost(String)
        case fatal(String)
        case upgrade(port: Int)
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

        var session = IRCSession(settings: settings, secrets: secrets, crypto: crypto, version: version, respond: respond)
        session.resume(carried)
        session.assume(serverSupport)
        carried = []
        defer {
            serverSupport = session.serverSupport
            carried = session.unsentReplies
            if !carried.isEmpty { logger.info("keeping \(carried.count) unsent replies for the next connection") }
        }
        var framer = LineFramer()
        var buffer = [UInt8](repeating: 0, count: 16 * 1024)
        var registeredAt: Double?
        var upgradePort: Int?
        defer { if let registeredAt { registeredFor = Monotonic.now - registeredAt } }
        session.start(now: Monotonic.now)

        while true {
            // Write what flood control lets out now.
            var now = Monotonic.now
            while let line = session.takeLine(now: now) {
                do { try stream.write(Array((line + "\r\n").utf8), timeout: 10) } catch { return .lost(error.description) }
                logger.trace("→ \(Redaction.printable(Redaction.mask(line, secrets: secrets)))")
            }
            logEvents(&session, registeredAt: &registeredAt, upgradePort: &upgradePort, now: now)
            if case .closed(let reason) = session.phase {
                if reason == "quit" {
                    stream.finish(timeout: 1)  // let the QUIT arrive before the socket closes
                    return .stopped
                }
                if let upgradePort { return .upgrade(port: upgradePort) }
                if session.isFatal {
                    stream.finish(timeout: 2)
                    return .fatal(reason)
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

    func logEvents(_ session: inout IRCSession, registeredAt: inout Double?, upgradePort: inout Int?, now: Double) {
        for event in session.takeEvents() {
            switch event {
            case .capabilities(let caps):
                logger.debug("server capabilities: \(caps.joined(separator: " "))")
            case .saslSucceeded(let account):
                logger.info("logged in with SASL as \(account)")
            case .saslFailed(let why):
                logger.error("SASL login failed: \(Redaction.printable(why))")
            case .stsUpgrade(let port):
                logger.notice("the server requires TLS (STS): reconnecting with TLS to port \(port)")
                upgradePort = port
            case .stsPolicy(let duration):
                recordSTSPolicy(duration: duration)
            case .registered(let nick):
                registeredAt = now
                logger.info("registered as \(nick)")
            case .nickInUse(let taken, let trying):
                logger.notice("nick \(taken) is taken; trying \(trying)")
            case .nickRegained(let nick):
                logger.notice("took back the nick \(nick)")
            case .joined(let channel):
                logger.info("joined \(channel)")
            case .joinFailed(let channel, let reason, let retryIn):
                let next = retryIn.map { "trying again in \(Int($0.rounded())) s" } ?? "not trying again"
                logger.warning("cannot join \(Redaction.printable(channel)): \(Redaction.printable(reason)); \(next)")
            case .joinForwarded(let from, let to, let reason):
                logger.notice("joining \(Redaction.printable(from)) took us to \(Redaction.printable(to)): \(Redaction.printable(reason))")
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

/// Where STS policies are kept between runs (a file under the state folder).
public protocol STSPolicyStore {
    /// The stored policies (none when nothing is stored yet).
    func load() throws -> STSPolicies
    /// Replaces the stored policies.
    func save(_ policies: STSPolicies) throws
}

extension IRCClient {
    /// Seconds since 1970, for STS expiry (which must survive restarts, unlike the monotonic clock).
    static var wallClock: Double { Double(time(nil)) }

    /// `2026-12-28 05:25 UTC`.
    static func utc(_ seconds: Double) -> String {
        var time = time_t(seconds)
        var parts = tm()
        gmtime_r(&time, &parts)
        var buffer = [CChar](repeating: 0, count: 32)
        let count = strftime(&buffer, buffer.count, "%Y-%m-%d %H:%M UTC", &parts)
        return String(decoding: buffer.prefix(count).map { UInt8(bitPattern: $0) }, as: UTF8.self)
    }

    /// A stored policy for the configured host moves a plain configuration to TLS on its port.
    func applyStoredSTSPolicy() {
        guard let stsStore, !settings.tls else { return }
        do {
            guard let policy = try stsStore.load().policy(for: settings.server, now: Self.wallClock) else { return }
            logger.notice(
                "\(settings.server) has an STS policy until \(Self.utc(policy.expires)): connecting with TLS to port \(policy.port)")
            settings.tls = true
            settings.port = policy.port
        } catch {
            logger.warning("cannot read the STS policies: \(error)")
        }
    }

    /// A TLS connection advertised `sts=duration=D`: keep (or, for 0, drop) the policy.
    func recordSTSPolicy(duration: Int) {
        guard let stsStore, settings.tls else { return }
        guard settings.tlsVerify else {
            // A policy is only as good as the certificate it came over: none was checked.
            return logger.notice("STS policy not stored: tls_verify is off, so this server's identity was not checked")
        }
        do {
            var policies = (try? stsStore.load()) ?? STSPolicies()
            policies.record(host: settings.server, port: settings.port, duration: duration, now: Self.wallClock)
            try stsStore.save(policies)
            logger.info(
                duration > 0
                    ? "STS policy stored: TLS to \(settings.server):\(settings.port) for \(duration) s"
                    : "STS policy for \(settings.server) removed (duration=0)")
        } catch {
            logger.warning("cannot store the STS policy: \(error)")
        }
    }
}
