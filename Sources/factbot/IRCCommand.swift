import ArgumentParser
import FactbotConfig
import FactbotCore
import FactbotIRC
import FactbotTerminal
import Foundation
import IRCProtocol
import Logging

/// `factbot irc`: joins IRC channels and answers questions there and in private.
struct IRCCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "irc",
        abstract: "Connect to an IRC server and answer questions in channels and private messages.",
        discussion: IRCOptions.discussion
    )

    @OptionGroup var options: GlobalOptions
    @OptionGroup var irc: IRCOptions

    func run() throws {
        let (loaded, answerer, logger) = try irc.prepare(options)
        irc.run(config: loaded.config, answerer: answerer, logger: logger)
    }
}

/// The answerer in use, swapped whole when a refresh brings new source text; reading it
/// never waits for a refresh.
final class AnswererBox: @unchecked Sendable {
    private let lock = NSLock()
    private var answerer: Answerer
    init(_ answerer: Answerer) { self.answerer = answerer }
    var current: Answerer { lock.withLock { answerer } }
    func replace(with answerer: Answerer) { lock.withLock { self.answerer = answerer } }
}

/// The IRC options `irc` and `run` share, and how they become settings.
struct IRCOptions: ParsableArguments {
    static let discussion = """
        Settings come from the [irc] section of bot.conf; these options override them.
        In a channel the bot answers lines addressed to it ("factbot: how much are they paid?",
        "factbot, ...", "factbot ...") or starting with the command prefix ("!ask ..."); every
        private message is a question. "more" shows the rest of a long answer.
        Passwords are never read from the command line or bot.conf: the server password
        comes from $FACTBOT_SERVER_PASSWORD and the SASL password from $FACTBOT_SASL_PASSWORD
        (names configurable in bot.conf). SIGINT or SIGTERM sends QUIT and exits 0.
        """

    @Option(help: ArgumentHelp("Server host name or address.", valueName: "host"))
    var server: String?

    @Option(help: ArgumentHelp("Server port (6667 plain, 6697 TLS by convention).", valueName: "n"))
    var port: Int?

    @Option(help: ArgumentHelp("Nick to use.", valueName: "nick"))
    var nick: String?

    @Option(name: .customLong("channel"), help: ArgumentHelp("Channel to join; repeat for more. '#chan,key' for a keyed channel. Replaces the configured list.", valueName: "#chan"))
    var channels: [String] = []

    @Flag(name: .long, inversion: .prefixedNo, help: "Speak TLS (certificate and host name verified).")
    var tls: Bool?

    @Option(name: .customLong("tls-ca-file"), help: ArgumentHelp("PEM file of CA certificates to trust, for a private server.", valueName: "file"))
    var caFile: String?

    @Flag(name: .customLong("tls-no-verify"), help: "Do not verify the server's certificate (testing only).")
    var noVerify = false

    @Option(name: .customLong("sasl-account"), help: ArgumentHelp("Log in with SASL PLAIN as this account (password from the environment).", valueName: "name"))
    var saslAccount: String?

    @Flag(name: .shortAndLong, help: "Log every line sent and received (secrets masked).")
    var verbose = false

    func validate() throws {
        if let nick, !Nickname.isValid(nick) { throw ValidationError("--nick: \"\(nick)\" is not a valid nick") }
        if let port, !(1...65535).contains(port) { throw ValidationError("--port: expected 1 to 65535, got \(port)") }
        for channel in channels where Channel(parsing: channel) == nil {
            throw ValidationError("--channel: \"\(channel)\" is not a channel (write '#name' or '#name,key')")
        }
    }

    /// The [irc] settings with the command line applied.
    func settings(_ config: BotConfig) -> IRCSettings {
        var settings = config.irc
        if let server { settings.server = server }
        if let port { settings.port = port }
        if let nick { settings.nick = nick }
        if !channels.isEmpty { settings.channels = channels.compactMap(Channel.init(parsing:)) }
        if let tls { settings.tls = tls }
        if let caFile { settings.tlsCAFile = caFile }
        if noVerify { settings.tlsVerify = false }
        if let saslAccount { settings.saslAccount = saslAccount }
        return settings
    }

    /// Logging to standard error (trace with --verbose), once per process.
    func makeLogger(_ config: BotConfig) -> Logger {
        let verbose = self.verbose
        LoggingSystem.bootstrap { label in
            var handler = StreamLogHandler.standardError(label: label)
            handler.logLevel = verbose ? .trace : .info
            return handler
        }
        var logger = Logger(label: "factbot")
        logger[metadataKey: "irc.nick"] = "\(settings(config).nick)"
        return logger
    }

    /// Loads everything, checks the settings and starts logging: what `irc` and `run` share.
    func prepare(_ options: GlobalOptions) throws -> (GlobalOptions.Loaded, AnswererBox, Logger) {
        let loaded = try options.load()
        try check(loaded.config)
        return (loaded, AnswererBox(loaded.answerer), makeLogger(loaded.config))
    }

    /// Settings that can never connect are errors now, not a reconnect loop later.
    func check(_ config: BotConfig) throws {
        let settings = settings(config)
        if settings.tls, !settings.tlsCAFile.isEmpty, !FileManager.default.isReadableFile(atPath: settings.tlsCAFile) {
            FactbotTerminal.Console.error("tls_ca_file: cannot read \(settings.tlsCAFile)")
            throw ExitCode(2)
        }
    }

    /// Connects and answers until SIGINT/SIGTERM.
    func run(config: BotConfig, answerer: AnswererBox, logger: Logger) {
        let settings = settings(config)
        let environment = ProcessInfo.processInfo.environment
        let secrets = Secrets(serverPassword: environment[settings.serverPasswordVariable],
                              saslPassword: environment[settings.saslPasswordVariable])
        if !settings.saslAccount.isEmpty, (secrets.saslPassword ?? "").isEmpty {
            logger.warning("sasl_account is set but $\(settings.saslPasswordVariable) is empty: connecting without SASL")
        }
        let client = IRCClient(settings: settings, secrets: secrets, version: Factbot.version, logger: logger) { question in
            let answer = answerer.current.answer(question.text)
            return IRCSession.Reply(parts: answer.replyParts, isBrief: !answer.answered && answer.kind != .topics, choices: answer.suggestions)
        }
        client.run(stop: ShutdownSignal.install())
    }
}
