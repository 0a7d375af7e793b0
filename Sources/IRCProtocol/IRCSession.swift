/// One IRC connection's protocol logic, with no socket: feed it what the server sends,
/// take from it the lines to send.
///
/// The shape follows Limnoria's `Irc.feedMsg`/`takeMsg`: ``start(now:)`` when the
/// connection opens, ``receive(_:now:)`` for every line read, ``tick(now:)`` now and
/// then for timers, ``takeLine(now:)`` for the next line the flood control lets out.
/// Time is passed in as seconds on a monotonic clock, so every timer is testable.
/// ``takeEvents()`` returns what happened, for the adapter to log.
public struct IRCSession {
    /// A question put to the bot.
    public struct Question: Sendable, Equatable {
        /// The asker's nick.
        public var asker: String
        /// The question, without the bot's nick or command prefix.
        public var text: String
        /// The channel it was asked in; nil for a private message.
        public var channel: String?

        /// A question from `asker`, in `channel` or privately.
        public init(asker: String, text: String, channel: String?) {
            self.asker = asker
            self.text = text
            self.channel = channel
        }
    }

    /// What the bot says to a question.
    public struct Reply: Sendable, Equatable {
        /// The reply text (split to fit lines as needed).
        public var text: String { parts.joined(separator: " ") }
        /// The reply in parts that each carry their own source: lines break between parts
        /// where they can (``ReplySplitter/split(parts:budget:)``).
        public var parts: [String]
        /// True for a decline or small talk: kept to one line, never a `more`.
        public var isBrief: Bool
        /// Questions the reply offers ("did you mean", a topic's): the asker may answer
        /// with a number to ask one.
        public var choices: [String]

        /// A reply; `isBrief` keeps it to one line.
        public init(_ text: String, isBrief: Bool = false, choices: [String] = []) {
            self.init(parts: [text], isBrief: isBrief, choices: choices)
        }

        /// A reply in parts, each with its own source.
        public init(parts: [String], isBrief: Bool = false, choices: [String] = []) {
            self.parts = parts
            self.isBrief = isBrief
            self.choices = choices
        }
    }

    /// Turns a question into a reply (the answerer, for the bot).
    public typealias Responder = (Question) -> Reply

    /// Where the session is.
    public enum Phase: Sendable, Equatable {
        /// Sent NICK/USER (and CAP), waiting for 001.
        case registering
        /// Registered: joins channels, answers questions.
        case registered
        /// Done with this connection; the adapter closes it (and reconnects unless quitting).
        case closed(reason: String)
    }

    /// Something worth a log line.
    public enum Event: Sendable, Equatable {
        case capabilities([String])
        case saslSucceeded(account: String)
        case saslFailed(String)
        /// A plain connection was told to use TLS on this port (STS): reconnect there now.
        case stsUpgrade(port: Int)
        /// A TLS connection advertised an STS policy of this many seconds (0: forget it).
        case stsPolicy(duration: Int)
        case registered(nick: String)
        case nickInUse(taken: String, trying: String)
        case nickRegained(String)
        case joined(String)
        /// The server refused a JOIN with `reason`; it is tried again in `retryIn` seconds,
        /// or never (nil) when trying again cannot help (no such channel, too many channels).
        case joinFailed(channel: String, reason: String, retryIn: Double?)
        /// The server sent the bot to another channel instead (470): the bot answers there
        /// once the server has joined it.
        case joinForwarded(from: String, to: String, reason: String)
        case kicked(channel: String, by: String, reason: String)
        case question(Question)
        case rateLimited(user: String)
        case rateLimitedQuietly(user: String)
        case overloaded(user: String)
        case closed(String)
    }

    let settings: IRCSettings
    let secrets: Secrets
    let crypto: (any SCRAMCrypto)?
    let version: String
    let respond: Responder

    /// Where the session is.
    public internal(set) var phase: Phase = .registering
    /// True when the session closed for a reason a reconnect cannot mend (SASL failed with
    /// `sasl_required`): the adapter stops instead of reconnecting.
    public internal(set) var isFatal = false
    /// The nick the server knows us by.
    public internal(set) var nick: String
    /// Channels joined now (names folded by the server's case mapping).
    public internal(set) var joinedChannels: Set<String> = []
    /// What the server said about itself (005): case mapping, nick length, channel types.
    public internal(set) var serverSupport = ServerSupport()

    var events: [Event] = []
    var urgent: [String] = []
    var normal: [String] = []
    var flood: FloodControl
    var rateLimit: QuestionRateLimit
    /// CTCP requests' own allowance, the same size: they never use up a user's questions.
    var ctcpLimit: QuestionRateLimit

    // Registration.
    var registrationStarted = 0.0
    var nickAttempt = 0
    var shortNumberedNicks = false
    var capabilityLines: [String] = []
    var capabilitiesEnded = false
    /// What the server offers (`name` → value, "" for none), kept up to date by CAP NEW/DEL.
    var offeredCapabilities: [String: String] = [:]
    var sasl = SASLProgress()
    // Who the server says we are, for the 512-byte budget.
    var selfUser: String?
    var selfHost: String?
    // Liveness.
    var lastReceived = 0.0
    var pingSent: Double?
    var lastRegainAttempt = 0.0
    var nextPeriodicRegain = 0.0
    // Channels to join again, with when.
    var rejoinAt: [String: Double] = [:]
    // Channels the server refused to let us join, by folded name: each refusal doubles the wait.
    var joinRetries: [String: Backoff] = [:]
    // Channels the server forwarded us to (470), which the bot keeps as if configured.
    var forwardedTo: Set<String> = []
    // Replies carried over from the previous connection.
    var carried: [String] = []
    // Text kept back for `more`, by folded "target nick".
    var moreText: [String: [String]] = [:]
    /// Questions the last reply to each asker offered, by the same key: a bare number picks one.
    var offered: [String: [String]] = [:]

    /// A session for one connection; `crypto` enables SCRAM.
    public init(
        settings: IRCSettings, secrets: Secrets = Secrets(), crypto: (any SCRAMCrypto)? = nil, version: String, respond: @escaping Responder
    ) {
        self.settings = settings
        self.secrets = secrets
        self.crypto = crypto
        self.version = version
        self.respond = respond
        self.nick = settings.nick
        self.flood = FloodControl(burst: settings.floodBurst, interval: settings.floodInterval)
        self.rateLimit = QuestionRateLimit(limit: settings.userQuestions, window: settings.userWindow)
        self.ctcpLimit = rateLimit
    }

    // MARK: Driving the session

    /// The connection is open: queue registration.
    public mutating func start(now: Double) {
        phase = .registering
        registrationStarted = now
        lastReceived = now
        if let password = secrets.serverPassword, !password.isEmpty {
            sendNow(IRCMessage("PASS", [password]))
        }
        sendNow(IRCMessage("CAP", ["LS", "302"]))
        sendNow(IRCMessage("NICK", [nick]))
        sendNow(IRCMessage("USER", [settings.username, "0", "*", settings.realname]))
    }

    /// One line from the server (without CRLF).
    public mutating func receive(_ line: String, now: Double) {
        lastReceived = now
        pingSent = nil
        if case .closed = phase { return }
        guard let message = IRCMessage(parsing: line) else { return }
        handle(message, now: now)
    }

    /// Runs the timers: registration timeout, our own PING and its timeout, rejoins, nick regain.
    public mutating func tick(now: Double) {
        switch phase {
        case .closed:
            return
        case .registering:
            if now - registrationStarted > settings.registrationTimeout {
                close("registration did not finish within \(Int(settings.registrationTimeout)) s")
                return
            }
        case .registered:
            for (channel, at) in rejoinAt where at <= now {
                rejoinAt[channel] = nil
                join(channel)
            }
            if !same(nick, settings.nick), now >= nextPeriodicRegain {
                nextPeriodicRegain = now + 60
                regainNick(now: now)
            }
        }
        if let sent = pingSent {
            if now - sent > settings.pingTimeout {
                close("no reply from the server for \(Int(now - lastReceived)) s")
            }
        } else if now - lastReceived > settings.pingInterval {
            pingSent = now
            sendNow(IRCMessage("PING", ["factbot"]))
        }
    }

    /// Says goodbye: QUIT goes out ahead of anything else queued.
    public mutating func quit(now: Double) {
        normal.removeAll()
        urgent.append(IRCMessage("QUIT", [settings.quitMessage]).line)
        if case .closed = phase {} else { phase = .closed(reason: "quit") }
    }

    /// The next line to send, if flood control lets one go at `now`.
    public mutating func takeLine(now: Double) -> String? {
        if !urgent.isEmpty {
            flood.charge(now: now)
            return urgent.removeFirst()
        }
        guard !normal.isEmpty, flood.take(now: now) else { return nil }
        return normal.removeFirst()
    }

    /// When the next queued line may go; nil when nothing is queued.
    public mutating func nextSendTime(now: Double) -> Double? {
        if !urgent.isEmpty { return now }
        return normal.isEmpty ? nil : flood.nextSendTime(now: now)
    }

    /// Lines waiting for flood control.
    public var queuedLineCount: Int { urgent.count + normal.count }

    /// Replies (PRIVMSG and NOTICE) still waiting when the connection ends: the adapter
    /// hands them to the next session with ``resume(_:)`` so no accepted question goes
    /// unanswered because the server went away.
    public var unsentReplies: [String] {
        // Those carried in and not yet released (the connection ended before 001) too.
        carried + normal.filter { $0.hasPrefix("PRIVMSG ") || $0.hasPrefix("NOTICE ") }
    }

    /// Replies from the previous connection, sent once this one has joined its channels.
    public mutating func resume(_ replies: [String]) {
        carried = Array(replies.suffix(Self.maximumQueuedLines))
    }

    /// What the previous connection's server said about itself (``serverSupport``), held
    /// until this server's 005: so that the nicks tried while registering fit its NICKLEN
    /// and configured channels of a type it does not have are not joined.
    public mutating func assume(_ support: ServerSupport) {
        serverSupport = support
    }

    /// What happened since the last call.
    public mutating func takeEvents() -> [Event] {
        defer { events.removeAll() }
        return events
    }

    // MARK: Sending

    /// Queues a line that must not wait (registration, PONG, QUIT).
    mutating func sendNow(_ message: IRCMessage) { urgent.append(Self.fitted(message.line)) }

    /// Queues a line behind flood control.
    mutating func send(_ message: IRCMessage) { normal.append(Self.fitted(message.line)) }

    /// The last guard: a line over 510 bytes (512 with CRLF) is cut at a character
    /// boundary. The budgets above keep replies well inside; this holds for anything else.
    static func fitted(_ line: String) -> String {
        guard line.utf8.count > 510 else { return line }
        var out = String.UnicodeScalarView()
        var bytes = 0
        for scalar in line.unicodeScalars {
            let size = String(scalar).utf8.count
            if bytes + size > 510 { break }
            out.append(scalar)
            bytes += size
        }
        return String(out)
    }

    mutating func close(_ reason: String) {
        phase = .closed(reason: reason)
        events.append(.closed(reason))
    }

    /// `name` folded by the server's case mapping.
    func fold(_ name: String) -> String { serverSupport.caseMapping.fold(name) }

    /// True when two nicks or channel names are the same to the server.
    func same(_ a: String, _ b: String) -> Bool { serverSupport.caseMapping.same(a, b) }

    mutating func join(_ folded: String) {
        let channel = settings.channels.first { fold($0.name) == folded } ?? Channel(folded)
        send(IRCMessage("JOIN", channel.key.map { [channel.name, $0] } ?? [channel.name]))
    }

    // MARK: Dispatch

    mutating func handle(_ message: IRCMessage, now: Double) {
        switch message.verb {
        case "PING":
            sendNow(IRCMessage("PONG", message.parameters.isEmpty ? ["factbot"] : message.parameters))
        case "CAP":
            handleCapability(message)
        case "AUTHENTICATE":
            handleAuthenticate(message)
        case "ERROR":
            close("server closed the link: \(message[parameter: 0])")
        case "NICK":
            handleNickChange(message, now: now)
        case "QUIT":
            if let who = message.sourceNick, same(who, settings.nick), !same(nick, settings.nick) {
                regainNick(now: now)
            }
        case "JOIN":
            handleJoin(message)
        case "PART":
            if let who = message.sourceNick, same(who, nick) {
                joinedChannels.remove(fold(message[parameter: 0]))
            }
        case "KICK":
            handleKick(message, now: now)
        case "PRIVMSG":
            handlePrivateMessage(message, now: now)
        default:
            if let code = message.numeric { handleNumeric(code, message, now: now) }
        }
    }
}
