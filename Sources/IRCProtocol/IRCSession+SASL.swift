/// Capability negotiation (CAP LS 302, cap-notify's NEW and DEL), SASL (EXTERNAL,
/// SCRAM-SHA-256, SCRAM-SHA-1, PLAIN) and the `sts` capability.
extension IRCSession {
    /// Where SASL is on this connection.
    struct SASLProgress {
        /// The mechanisms the server lists (`sasl=...` or 908); nil when it did not say.
        var serverMechanisms: [String]?
        /// `CAP REQ sasl` sent, not yet answered or used.
        var requested = false
        /// The mechanism being tried, if any.
        var mechanism: SASLMechanism?
        /// Every mechanism tried on this connection.
        var tried: [SASLMechanism] = []
        /// An AUTHENTICATE payload arriving in 400-byte pieces.
        var incoming = ""
        /// The SCRAM exchange under way.
        var scram: SCRAMClient?
        /// True once the server's SCRAM signature verified.
        var serverVerified = false
        /// Set when we sent `AUTHENTICATE *`: why, for when the server confirms.
        var abortReason: String?
        /// The server's last refusal, for the message when nothing is left to try.
        var lastRefusal: String?
        /// Logged in, or given up, on this connection.
        var finished = false
        /// Logged in on this connection.
        var loggedIn = false
        /// The account 900 named, for a login that configured none (EXTERNAL).
        var account: String?
    }

    var hasPassword: Bool { !(secrets.saslPassword ?? "").isEmpty }

    /// There is SCRAM support and SASLprep accepts the password.
    var canPrepareForSCRAM: Bool {
        guard let crypto else { return false }
        return SCRAMClient.canPrepare(secrets.saslPassword ?? "", crypto: crypto)
    }

    /// An account is configured and there is something to log in with, or a client
    /// certificate is, which names its account itself (EXTERNAL with no account).
    var wantsSASL: Bool {
        guard !settings.saslAccount.isEmpty else {
            return settings.hasClientCertificate && (settings.saslMechanism ?? .external) == .external
        }
        // EXTERNAL needs no password: the certificate (or, configured by hand, the one the
        // TLS settings load) is the credential.
        return hasPassword || settings.hasClientCertificate || settings.saslMechanism == .external
    }

    mutating func handleCapability(_ message: IRCMessage) {
        let subcommand = message[parameter: 1].uppercased()
        let list = message.parameters.last?.split(separator: " ").map(String.init) ?? []
        switch subcommand {
        case "LS":
            // `CAP * LS * :caps` continues; `CAP * LS :caps` is the last line.
            let continues = message.parameters.count >= 4 && message[parameter: 2] == "*"
            capabilityLines.append(message.parameters.last ?? "")
            guard !continues, !capabilitiesEnded else { return }
            let offered = capabilityLines.joined(separator: " ").split(separator: " ").map(String.init)
            capabilityLines.removeAll()
            events.append(.capabilities(offered))
            learnCapabilities(offered)
            if let sts = offeredCapabilities["sts"], followSTS(sts) { return }
            if wantsSASL || settings.saslRequired {
                if offeredCapabilities["sasl"] != nil {
                    requestSASL()
                } else {
                    giveUpSASL("the server does not offer SASL")
                }
            } else {
                endCapabilities()
            }
        case "NEW":
            learnCapabilities(list)
            if list.contains(where: { $0 == "sts" || $0.hasPrefix("sts=") }), let sts = offeredCapabilities["sts"], followSTS(sts) { return }
            // sasl offered anew (services back): a fresh try, even after registration.
            if list.contains(where: { $0 == "sasl" || $0.hasPrefix("sasl=") }), wantsSASL, !sasl.loggedIn, sasl.mechanism == nil, !sasl.requested {
                sasl.tried.removeAll()
                sasl.lastRefusal = nil
                sasl.abortReason = nil
                sasl.finished = false
                requestSASL()
            }
        case "DEL":
            for name in list { offeredCapabilities[name] = nil }
            guard list.contains("sasl") else { return }
            sasl.serverMechanisms = nil
            if sasl.mechanism != nil || sasl.requested {
                giveUpSASL("the server withdrew SASL (CAP DEL) during the login")
            }
        case "ACK":
            guard list.contains("sasl"), sasl.requested else {
                if !sasl.requested, sasl.mechanism == nil { endCapabilities() }
                return
            }
            sasl.requested = false
            tryNextMechanism()
        case "NAK":
            guard sasl.requested else { return }
            sasl.requested = false
            giveUpSASL("the server refused the sasl capability")
        default:
            break
        }
    }

    /// `name` or `name=value` items into ``offeredCapabilities``; a `sasl=` list is noted.
    mutating func learnCapabilities(_ items: [String]) {
        for item in items {
            let pair = item.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            let name = String(pair[0])
            offeredCapabilities[name] = pair.count == 2 ? String(pair[1]) : ""
            if name == "sasl", pair.count == 2, !pair[1].isEmpty {
                sasl.serverMechanisms = pair[1].split(separator: ",").map { $0.uppercased() }
            }
        }
    }

    mutating func requestSASL() {
        sasl.requested = true
        sendNow(IRCMessage("CAP", ["REQ", "sasl"]))
    }

    /// The mechanisms to try, best first: the configured one, or (auto) EXTERNAL when a
    /// client certificate is configured, then the strongest password mechanism; only those
    /// the server lists (when it lists any), never one already tried.
    var mechanismsLeft: [SASLMechanism] {
        let usable = SASLMechanism.strongestFirst.filter { mechanism in
            switch mechanism {
            case .external: settings.hasClientCertificate || settings.saslMechanism == .external
            case .plain: hasPassword && !settings.saslAccount.isEmpty
            case .scramSHA256, .scramSHA1: hasPassword && !settings.saslAccount.isEmpty && canPrepareForSCRAM
            }
        }
        let wanted = settings.saslMechanism.map { usable.contains($0) ? [$0] : [] } ?? usable
        return wanted.filter { mechanism in
            !sasl.tried.contains(mechanism) && (sasl.serverMechanisms?.contains(mechanism.name) ?? true)
        }
    }

    /// Starts the next mechanism, or gives up when none is left.
    mutating func tryNextMechanism() {
        sasl.mechanism = nil
        sasl.scram = nil
        sasl.serverVerified = false
        sasl.incoming = ""
        guard let next = mechanismsLeft.first else { return giveUpSASL(nothingLeftReason) }
        sasl.mechanism = next
        sasl.tried.append(next)
        sendNow(IRCMessage("AUTHENTICATE", [next.name]))
    }

    /// Why no mechanism is left, in words a configuration can be fixed from.
    var nothingLeftReason: String {
        if let refusal = sasl.lastRefusal { return refusal }
        let listed = sasl.serverMechanisms.map { "the server offers SASL \($0.joined(separator: ","))" } ?? "the server offers SASL"
        if let configured = settings.saslMechanism {
            if configured.scramHash != nil, hasPassword, crypto != nil, !canPrepareForSCRAM {
                return SCRAMClient.Failure.unpreparablePassword.description
            }
            if configured == .external, !settings.hasClientCertificate { return "\(listed); EXTERNAL needs a TLS client certificate" }
            return "\(listed), not \(configured.name) (sasl_mechanism)"
        }
        if !hasPassword, !settings.hasClientCertificate { return "\(listed), but there is no password and no client certificate" }
        return "\(listed); none of them fits (factbot has \(settings.hasClientCertificate ? "a client certificate" : "a password"))"
    }

    /// SASL will not log us in on this connection: stop when `sasl_required`, else go on
    /// unauthenticated.
    mutating func giveUpSASL(_ reason: String) {
        sasl.mechanism = nil
        sasl.scram = nil
        sasl.requested = false
        sasl.finished = true
        if settings.saslRequired {
            events.append(.saslFailed(reason + "; sasl_required is set, so factbot stops"))
            sendNow(IRCMessage("QUIT", ["SASL login failed"]))
            isFatal = true
            close("SASL login failed and sasl_required is set: \(reason)")
        } else {
            events.append(.saslFailed(reason + "; continuing without logging in"))
            endCapabilities()
        }
    }

    /// Sends `AUTHENTICATE *`; the server confirms with 906 (or 904) and ``giveUpSASL(_:)``
    /// follows. Nothing else is tried: a server that could not prove itself gets no password.
    mutating func abortSASL(_ reason: String) {
        sasl.abortReason = reason
        sasl.scram = nil
        sendNow(IRCMessage("AUTHENTICATE", ["*"]))
    }

    mutating func handleAuthenticate(_ message: IRCMessage) {
        guard let mechanism = sasl.mechanism, sasl.abortReason == nil else { return }
        let piece = message[parameter: 0]
        // A payload comes in 400-byte pieces; a shorter piece (or "+") ends it.
        if piece != "+" { sasl.incoming += piece }
        if piece.utf8.count == 400 { return }
        let text = sasl.incoming
        sasl.incoming = ""
        guard let payload = Base64.decode(text) else { return abortSASL("the server's AUTHENTICATE payload is not base64") }
        switch mechanism {
        case .plain:
            guard let password = secrets.saslPassword else { return abortSASL("no password") }
            let account = Array(settings.saslAccount.utf8)
            sendAuthentication(account + [0] + account + [0] + Array(password.utf8))
        case .external:
            sendAuthentication([])  // the certificate says who we are: an empty response
        case .scramSHA256, .scramSHA1:
            continueSCRAM(mechanism, String(decoding: payload, as: UTF8.self))
        }
    }

    mutating func continueSCRAM(_ mechanism: SASLMechanism, _ challenge: String) {
        guard let hash = mechanism.scramHash, let crypto else { return abortSASL("no SCRAM support") }
        do {
            if var client = sasl.scram {
                if sasl.serverVerified { return abortSASL("the server sent more after its SCRAM signature") }
                if client.serverSignature == nil {
                    let final = try client.clientFinal(serverFirst: challenge)
                    sasl.scram = client
                    sendAuthentication(Array(final.utf8))
                } else {
                    try client.verify(serverFinal: challenge)
                    sasl.serverVerified = true
                    sendAuthentication([])
                }
            } else {
                let nonce = Base64.encode(crypto.randomBytes(18))
                let password = secrets.saslPassword ?? ""
                guard let client = SCRAMClient(hash, username: settings.saslAccount, password: password, nonce: nonce, crypto: crypto) else {
                    return abortSASL(SCRAMClient.Failure.unpreparablePassword.description)
                }
                sasl.scram = client
                sendAuthentication(Array(client.clientFirst.utf8))
            }
        } catch {
            abortSASL("\(mechanism.name): \(error.description)")
        }
    }

    /// A response in base64, in 400-byte AUTHENTICATE lines; an empty one, or one of an
    /// exact multiple of 400, ends with `AUTHENTICATE +`.
    mutating func sendAuthentication(_ bytes: [UInt8]) {
        var rest = Substring(Base64.encode(bytes))
        while !rest.isEmpty {
            sendNow(IRCMessage("AUTHENTICATE", [String(rest.prefix(400))]))
            if rest.count == 400 { sendNow(IRCMessage("AUTHENTICATE", ["+"])) }
            rest = rest.dropFirst(400)
        }
        if bytes.isEmpty { sendNow(IRCMessage("AUTHENTICATE", ["+"])) }
    }

    /// 902-908: the outcome of a login.
    mutating func handleSASLNumeric(_ code: Int, _ message: IRCMessage) {
        let text = "\(message.parameters.last ?? "") (\(message.command))"
        switch code {
        case Numeric.saslSuccess:
            guard !sasl.finished else { return }
            if sasl.mechanism?.scramHash != nil, !sasl.serverVerified {
                return giveUpSASL("the server said the SCRAM login succeeded without proving it knows the password (possibly an impostor)")
            }
            sasl.mechanism = nil
            sasl.finished = true
            sasl.loggedIn = true
            events.append(.saslSucceeded(account: settings.saslAccount.isEmpty ? sasl.account ?? "the certificate's account" : settings.saslAccount))
            endCapabilities()
        case Numeric.saslFail:
            guard sasl.mechanism != nil, !sasl.finished else { return }
            if let reason = sasl.abortReason { return giveUpSASL(reason) }
            sasl.lastRefusal = "\(sasl.mechanism?.name ?? "SASL"): \(text)"
            if settings.saslMechanism == nil, !mechanismsLeft.isEmpty { return tryNextMechanism() }
            giveUpSASL(sasl.lastRefusal ?? text)
        case Numeric.saslAborted:
            guard !sasl.finished else { return }
            giveUpSASL(sasl.abortReason ?? text)
        case Numeric.saslTooLong, Numeric.nickLocked:
            guard !sasl.finished else { return }
            giveUpSASL(text)
        case Numeric.saslAlready:
            sasl.finished = true
            sasl.loggedIn = true
            endCapabilities()
        case Numeric.saslMechanisms:
            sasl.serverMechanisms = message[parameter: 1].split(separator: ",").map { $0.uppercased() }
        default:
            break
        }
    }

    /// The `sts` capability: on a plain connection with a port, the session closes so the
    /// adapter reconnects with TLS at once (true); on TLS a duration is a policy to keep.
    mutating func followSTS(_ value: String) -> Bool {
        let advertised = STSAdvertisement(value)
        if !settings.tls {
            guard let port = advertised.port else { return false }
            events.append(.stsUpgrade(port: port))
            close("the server requires TLS (STS): reconnecting with TLS to port \(port)")
            return true
        }
        if let duration = advertised.duration { events.append(.stsPolicy(duration: duration)) }
        return false
    }
}
