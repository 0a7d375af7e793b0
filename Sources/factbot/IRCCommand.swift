import ArgumentParser
import FactbotConfig
import FactbotCore
import FactbotIRC
import FactbotLoader
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
        let (bot, logger) = try irc.prepare(options)
        try irc.run(bot: bot, logger: logger)
    }
}

/// The IRC options `irc` and `run` share, and how they become settings.
struct IRCOptions: ParsableArguments {
    static let discussion = """
        Settings come from the [irc] section of bot.conf; these options override them.

        In a channel the bot answers lines addressed to it ("factbot: how much are they paid?", \
        "factbot, ...", "factbot ...") or starting with the command prefix ("!ask ..."); every \
        private message is a question. "more" shows the rest of a long answer.

        Passwords are never read from the command line or bot.conf: the server password comes \
        from $FACTBOT_SERVER_PASSWORD and the SASL password from $FACTBOT_SASL_PASSWORD (names \
        configurable in bot.conf).

        SIGINT or SIGTERM sends QUIT and exits 0. SIGHUP reloads bot.conf's [answer] settings, \
        the knowledge and the stored sources without leaving any channel; a broken file keeps \
        the old ones and logs each problem. [irc] settings take effect at the next start.
        """

    @Option(help: ArgumentHelp("Server host name or address.", valueName: "host"))
    var server: String?

    @Option(help: ArgumentHelp("Server port (6667 plain, 6697 TLS by convention).", valueName: "n"))
    var port: Int?

    @Option(help: ArgumentHelp("Nick to use.", valueName: "nick"))
    var nick: String?

    @Option(
        name: .customLong("channel"),
        help: ArgumentHelp("Channel to join; repeat for more. '#chan,key' for a keyed channel. Replaces the configured list.", valueName: "#chan"))
    var channels: [String] = []

    @Flag(name: .long, inversion: .prefixedNo, help: "Speak TLS (certificate and host name verified).")
    var tls: Bool?

    @Option(name: .customLong("tls-ca-file"), help: ArgumentHelp("PEM file of CA certificates to trust, for a private server.", valueName: "file"))
    var caFile: String?

    @Option(
        name: .customLong("tls-fingerprint"),
        help: ArgumentHelp(
            "Accept only the server certificate (or public key) with this SHA-256 fingerprint, whatever its chain, names or dates.",
            valueName: "sha256:AB:CD:…"))
    var fingerprint: String?

    @Option(name: .customLong("tls-client-cert"), help: ArgumentHelp("PEM file with a client certificate, for SASL EXTERNAL or CertFP.", valueName: "file"))
    var clientCert: String?

    @Option(name: .customLong("tls-client-key"), help: ArgumentHelp("PEM file with the client certificate's private key.", valueName: "file"))
    var clientKey: String?

    @Flag(name: .customLong("tls-no-verify"), help: "Do not verify the server's certificate (testing only).")
    var noVerify = false

    @Option(name: .customLong("sasl-account"), help: ArgumentHelp("Log in with SASL as this account (password from the environment).", valueName: "name"))
    var saslAccount: String?

    @Option(
        name: .customLong("sasl-mechanism"),
        help: ArgumentHelp("auto (the default), EXTERNAL, SCRAM-SHA-256, SCRAM-SHA-1 or PLAIN.", valueName: "name"))
    var saslMechanism: String?

    @Flag(name: .customLong("sasl-required"), help: "Stop (exit 1) when the SASL login fails, instead of going on unauthenticated.")
    var saslRequired = false

    @Flag(name: .shortAndLong, help: "Log every line sent and received (secrets masked).")
    var verbose = false

    func validate() throws {
        if let nick, !Nickname.isValid(nick) { throw ValidationError("--nick: \"\(nick)\" is not a valid nick") }
        if let port, !(1...65535).contains(port) { throw ValidationError("--port: expected 1 to 65535, got \(port)") }
        if let saslMechanism, SASLMechanism.parseChoice(saslMechanism) == nil {
            throw ValidationError("--sasl-mechanism: expected auto, EXTERNAL, SCRAM-SHA-256, SCRAM-SHA-1 or PLAIN, got \"\(saslMechanism)\"")
        }
        if let fingerprint, TLSFingerprint(parsing: fingerprint) == nil {
            throw ValidationError("--tls-fingerprint: \(TLSFingerprint.expectedForm), got \"\(fingerprint)\"")
        }
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
        if let fingerprint { settings.tlsFingerprint = fingerprint }
        if let clientCert { settings.tlsClientCert = clientCert }
        if let clientKey { settings.tlsClientKey = clientKey }
        if let saslAccount { settings.saslAccount = saslAccount }
        if let saslMechanism, let choice = SASLMechanism.parseChoice(saslMechanism) { settings.saslMechanism = choice }
        if saslRequired { settings.saslRequired = true }
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

    /// Loads everything, checks the settings and starts logging: what `irc` and `run`
    /// share. SIGHUP is caught from here on, so one sent during start-up is not fatal, and
    /// so are SIGINT and SIGTERM: the client sees them as soon as it runs and stops.
    func prepare(_ options: GlobalOptions) throws -> (Bot, Logger) {
        ReloadSignal.install()
        _ = ShutdownSignal.install()
        let bot = try options.bot()
        try check(bot.loaded.config)
        return (bot, makeLogger(bot.loaded.config))
    }

    /// Reloads `bot`, logging what changed or every problem that kept the old state.
    static func reload(_ bot: Bot, logger: Logger, why: String) {
        let before = bot.loaded
        switch bot.reload() {
        case .success(let fresh):
            for warning in fresh.warnings { logger.warning("\(why): \(warning)") }
            let curated = fresh.knowledge.facts.filter { !$0.isAboutSource }.count
            logger.info(
                "\(why): answering from \(curated) facts, \(fresh.knowledge.sources.count) sources, \(fresh.answerer.quotedSentences) quotable sentences")
            if fresh.config.irc != before.config.irc {
                logger.warning("\(why): the [irc] settings changed; they take effect at the next start")
            }
        case .failure(let error):
            logger.error("\(why): nothing changed, still answering as before:\n\(error.description)")
        }
    }

    /// Settings that can never connect are errors now, not a reconnect loop later.
    func check(_ config: BotConfig) throws {
        let settings = settings(config)
        if settings.tls, !settings.tlsCAFile.isEmpty, !FileManager.default.isReadableFile(atPath: settings.tlsCAFile) {
            FactbotTerminal.Console.error("tls_ca_file: cannot read \(settings.tlsCAFile)")
            throw ExitCode(2)
        }
        if let problem = Self.saslProblem(settings, password: ProcessInfo.processInfo.environment[settings.saslPasswordVariable]) {
            FactbotTerminal.Console.error(problem)
            throw ExitCode(2)
        }
        if !settings.tlsClientKey.isEmpty, settings.tlsClientCert.isEmpty {
            FactbotTerminal.Console.error("tls_client_key is set but tls_client_cert is not")
            throw ExitCode(2)
        }
        if !settings.tlsClientCert.isEmpty, !settings.tls {
            FactbotTerminal.Console.error("tls_client_cert is set but tls is off: a client certificate needs TLS")
            throw ExitCode(2)
        }
        do {
            try IRCClient.checkClientCertificate(settings)
        } catch {
            FactbotTerminal.Console.error(error.description)
            throw ExitCode(2)
        }
    }

    /// SASL settings that can never log in, when `sasl_required` makes that fatal, or a
    /// SCRAM choice the password cannot be used with.
    static func saslProblem(_ settings: IRCSettings, password: String?) -> String? {
        let hasPassword = !(password ?? "").isEmpty
        if settings.saslRequired {
            if settings.saslAccount.isEmpty, !settings.hasClientCertificate {
                return "sasl_required = true needs sasl_account, or a TLS client certificate (tls_client_cert) for EXTERNAL"
            }
            if settings.saslAccount.isEmpty, let mechanism = settings.saslMechanism, mechanism != .external {
                return "sasl_required = true with sasl_mechanism = \(mechanism.name) needs sasl_account"
            }
            if !hasPassword && !settings.hasClientCertificate && settings.saslMechanism != .external {
                return "sasl_required = true, but $\(settings.saslPasswordVariable) is empty and no client certificate is configured"
            }
        }
        if settings.saslMechanism?.scramHash != nil, let password, hasPassword, !SCRAMClient.canPrepare(password, crypto: OpenSSLCrypto()) {
            return "sasl_mechanism = \(settings.saslMechanism?.name ?? ""): \(SCRAMClient.Failure.unpreparablePassword)"
        }
        return nil
    }

    /// Connects and answers until SIGINT/SIGTERM, reloading on SIGHUP; exits 1 when SASL
    /// fails with `sasl_required`.
    func run(bot: Bot, logger: Logger) throws {
        ReloadSignal.onEachSignal { Self.reload(bot, logger: logger, why: "reload (SIGHUP)") }
        let settings = settings(bot.loaded.config)
        let environment = ProcessInfo.processInfo.environment
        let secrets = Secrets(
            serverPassword: environment[settings.serverPasswordVariable],
            saslPassword: environment[settings.saslPasswordVariable])
        if !settings.saslAccount.isEmpty, (secrets.saslPassword ?? "").isEmpty, !settings.hasClientCertificate, settings.saslMechanism != .external {
            logger.warning("sasl_account is set but $\(settings.saslPasswordVariable) is empty: connecting without SASL")
        }
        let stsStore = STSFile(stateDirectory: bot.loaded.stateDirectory)
        let client = IRCClient(settings: settings, secrets: secrets, version: Factbot.version, logger: logger, stsStore: stsStore) { question in
            let answer = bot.answerer.answer(question.text)
            return IRCSession.Reply(parts: answer.replyParts, isBrief: !answer.answered && answer.kind != .topics, choices: answer.suggestions)
        }
        do {
            try client.run(stop: ShutdownSignal.install())
        } catch {
            logger.critical("stopping: \(error.reason)")
            throw ExitCode(1)
        }
    }
}
