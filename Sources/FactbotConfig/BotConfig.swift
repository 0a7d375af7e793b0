import FactbotCore
import IRCProtocol

/// The settings in bot.conf. Every key has a default, so a missing file means defaults.
public struct BotConfig: Sendable, Equatable {
    /// The `[answer]` section: how sure the answerer must be, and what it offers when it is not.
    public var answer = Answerer.Settings()
    /// The `[irc]` section: server, nick, channels, pacing, timers.
    public var irc = IRCSettings()
    /// The `[refresh]` section: schedule, state folder, fetch limits.
    public var refresh = RefreshSettings()

    /// Defaults throughout.
    public init() {}

    /// The sections and keys bot.conf may hold, with how each is read (built once: key
    /// paths are not free to make). Key paths are immutable values but not marked
    /// Sendable; the table is never written after it is built.
    nonisolated(unsafe) static let schema: [String: [String: ConfigKey]] = [
        "answer": [
            "min_confidence": .fraction(\.answer.minimumConfidence),
            "suggestions": .count(\.answer.suggestions, 0...5),
            "suggestion_confidence": .fraction(\.answer.suggestionConfidence),
            "unknown_word_weight": .fraction(\.answer.unknownWordWeight),
            "wordnet": .text(\.answer.wordNetFolder, .any),
        ],
        "irc": [
            "server": .text(\.irc.server, .hostName),
            "port": .count(\.irc.port, 1...65535),
            "tls": .flag(\.irc.tls),
            "tls_verify": .flag(\.irc.tlsVerify),
            "tls_ca_file": .text(\.irc.tlsCAFile, .any),
            "tls_fingerprint": .text(\.irc.tlsFingerprint, .fingerprint),
            "tls_client_cert": .text(\.irc.tlsClientCert, .any),
            "tls_client_key": .text(\.irc.tlsClientKey, .any),
            "nick": .text(\.irc.nick, .nick),
            "alternate_nicks": .nicks(\.irc.alternateNicks),
            "username": .text(\.irc.username, .word),
            "realname": .text(\.irc.realname, .line),
            "channels": .channels(\.irc.channels),
            "command_prefix": .text(\.irc.commandPrefix, .wordOrEmpty),
            "ignore": .ignoreMasks(\.irc.ignore),
            "sasl_account": .text(\.irc.saslAccount, .wordOrEmpty),
            "sasl_mechanism": .saslMechanism(\.irc.saslMechanism),
            "sasl_required": .flag(\.irc.saslRequired),
            "sasl_password_env": .text(\.irc.saslPasswordVariable, .variable),
            "server_password_env": .text(\.irc.serverPasswordVariable, .variable),
            "max_lines": .count(\.irc.maxLinesPerAnswer, 1...10),
            "flood_burst": .count(\.irc.floodBurst, 1...20),
            "flood_interval": .seconds(\.irc.floodInterval, 0.1...60),  // 0 would unpace the bot
            "user_questions": .count(\.irc.userQuestions, 1...1000),
            "user_window": .seconds(\.irc.userWindow, 1...3600),
            "rejoin_delay": .seconds(\.irc.rejoinDelay, 0...3600),
            "ping_interval": .seconds(\.irc.pingInterval, 10...3600),
            "ping_timeout": .seconds(\.irc.pingTimeout, 5...3600),
            "reconnect_max_delay": .seconds(\.irc.reconnectMaxDelay, 1...3600),
            "quit_message": .text(\.irc.quitMessage, .line),
        ],
        "refresh": [
            "interval": .seconds(\.refresh.interval, 60...(30 * 86400)),
            "state_dir": .text(\.refresh.stateDirectory, .path),
            "connect_timeout": .seconds(\.refresh.limits.connectTimeout, 1...300),
            "timeout": .seconds(\.refresh.limits.totalTimeout, 1...3600),
            "max_bytes": .count(\.refresh.limits.maxBytes, 1024...(100 * 1024 * 1024)),
            "max_redirects": .count(\.refresh.limits.maxRedirects, 0...20),
            "ca_file": .text(\.refresh.limits.caFile, .any),
        ],
    ]

    /// Reads bot.conf text. Unknown sections or keys and bad values are errors with
    /// file:line and a did-you-mean; all of them are reported at once.
    public static func parse(_ text: String, file: String) throws(Diagnostics) -> BotConfig {
        let ini = try INIFile(text, file: file)
        var config = BotConfig()
        var problems: [Diagnostic] = []
        for section in ini.sections where schema[section.name] == nil {
            let known = schema.keys.sorted()
            problems.append(
                Diagnostic(
                    file: file, line: section.line,
                    "unknown section [\(section.name)]\(Suggestion.didYouMean(section.name, in: known)); known: \(known.map { "[\($0)]" }.joined(separator: ", "))"
                ))
        }
        for value in ini.values {
            guard let keys = schema[value.section] else { continue }
            guard let key = keys[value.key] else {
                problems.append(
                    Diagnostic(
                        file: file, line: value.line,
                        "unknown key \"\(value.key)\" in [\(value.section)]\(Suggestion.didYouMean(value.key, in: keys.keys)); known: \(keys.keys.sorted().joined(separator: ", "))"
                    ))
                continue
            }
            if let problem = key.apply(value.text, to: &config) {
                problems.append(Diagnostic(file: file, line: value.line, "\(value.key): \(problem)"))
            }
        }
        if !problems.isEmpty { throw Diagnostics(problems) }
        return config
    }
}
