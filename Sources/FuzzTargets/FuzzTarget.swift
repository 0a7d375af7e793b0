import FactbotConfig
import FactbotCore
import IRCProtocol
import SourceText

/// The code that reads what strangers send, as fuzz targets: each takes arbitrary bytes
/// and must return without crashing, hanging or leaking, whatever they are. Run under
/// libFuzzer by `factbot-fuzz` (see `make fuzz`) and over the committed corpora by the tests.
public enum FuzzTarget: String, CaseIterable, Sendable {
    /// `IRCMessage(parsing:)` and serialising what it parsed.
    case ircMessage = "irc-message"
    /// A registered `IRCSession` fed the bytes as server lines through `LineFramer`.
    case ircSession = "irc-session"
    /// The fact-file (YAML) and sources-file parsers.
    case knowledge
    /// The bot.conf parser.
    case config
    /// The question normaliser and answerer on the shipped knowledge.
    case answerer
    /// The HTML article extractor and sentence splitter.
    case html

    /// Runs the target on one input. `answerer` is needed by ``answerer`` only.
    public func run(_ bytes: [UInt8], answerer: Answerer?) {
        let text = String(decoding: bytes, as: UTF8.self)
        switch self {
        case .ircMessage:
            for line in text.split(whereSeparator: { $0 == "\n" || $0 == "\r" }) {
                guard let message = IRCMessage(parsing: String(line)) else { continue }
                let written = message.line
                precondition(!written.contains("\r") && !written.contains("\n") && !written.contains("\0"), "serialised a line break")
                _ = IRCMessage(parsing: written)
            }
        case .ircSession:
            var settings = IRCSettings()
            settings.channels = [Channel("#news")]
            settings.saslAccount = "factbot"
            var session = IRCSession(settings: settings, secrets: Secrets(saslPassword: "pw"), crypto: StandInCrypto(), version: "fuzz") { question in
                IRCSession.Reply(String(question.text.reversed()), isBrief: question.text.count % 2 == 0)
            }
            var now = 0.0
            session.start(now: now)
            var framer = LineFramer()
            for line in [":s CAP * LS :sasl", ":s 001 factbot :hi", ":factbot!f@h JOIN #news"] + framer.feed(bytes + [10]) {
                session.receive(line, now: now)
                now += 0.5
                session.tick(now: now)
                while let sent = session.takeLine(now: now + 1000) {
                    precondition(!sent.contains("\r") && !sent.contains("\n") && !sent.contains("\0"), "sent a line break")
                    precondition(sent.utf8.count <= 510, "sent an overlong line")
                }
            }
        case .knowledge:
            _ = try? FactFileParser.parse(text, file: "fuzz.yaml")
            _ = try? SourceFileParser.parse(text, file: "sources.yaml")
        case .config:
            _ = try? BotConfig.parse(text, file: "bot.conf")
        case .answerer:
            _ = answerer?.answer(text).reply
        case .html:
            if case .success(let article) = HTMLExtractor.extract(bytes) { _ = article.sentences }
            _ = Paragraphs.fromPlainText(text).sentences
        }
    }
}

/// Fixed bytes of the right sizes where SCRAM wants hashes: the fuzzer explores how the
/// session handles what servers send during a SCRAM login (the real crypto is OpenSSL's,
/// in FactbotIRC, and is tested against the RFCs' examples).
struct StandInCrypto: SCRAMCrypto {
    func hash(_ algorithm: SCRAMHash, _ data: [UInt8]) -> [UInt8] { [UInt8](repeating: 1, count: algorithm.size) }
    func hmac(_ algorithm: SCRAMHash, key: [UInt8], data: [UInt8]) -> [UInt8] { [UInt8](repeating: 2, count: algorithm.size) }
    func pbkdf2(_ algorithm: SCRAMHash, password: [UInt8], salt: [UInt8], iterations: Int) -> [UInt8] {
        [UInt8](repeating: 3, count: algorithm.size)
    }
    func randomBytes(_ count: Int) -> [UInt8] { [UInt8](repeating: 4, count: count) }
}
