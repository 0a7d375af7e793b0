// swift-tools-version: 6.0
import PackageDescription

let package = Package(
    name: "factbot",
    products: [
        .executable(name: "factbot", targets: ["factbot"]),
        .executable(name: "factbot-fuzz", targets: ["factbot-fuzz"]),
        .library(name: "FactbotCore", targets: ["FactbotCore"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
        .package(url: "https://github.com/jpsim/Yams", from: "6.0.0"),
        .package(url: "https://github.com/apple/swift-log", from: "1.6.0"),
    ],
    targets: [
        // C libraries from Debian, wrapped as system library targets.
        .systemLibrary(name: "CStemmer", providers: [.apt(["libstemmer-dev"])]),
        .systemLibrary(name: "CEdit", pkgConfig: "libedit", providers: [.apt(["libedit-dev"])]),
        .systemLibrary(name: "COpenSSL", pkgConfig: "openssl", providers: [.apt(["libssl-dev"])]),
        .systemLibrary(name: "CIDN", pkgConfig: "libidn", providers: [.apt(["libidn-dev"])]),  // SASLprep for SCRAM
        .systemLibrary(name: "CCurl", providers: [.apt(["libcurl4-openssl-dev"])]),  // dlopen'ed: see its shim.h
        .systemLibrary(name: "CXML2", providers: [.apt(["libxml2-dev"])]),  // dlopen'ed: see its shim.h

        // A reader of the WordNet database's documented file format (wndb(5)), handed the
        // files' bytes. No I/O.
        .target(name: "WordNet"),

        // The core: knowledge parsing, normalising, stemming, indexing, answering. No I/O.
        .target(name: "FactbotCore", dependencies: ["CStemmer", "Yams", "WordNet"]),

        // Terminal adapter: REPL (libedit when interactive), `ask` replies, JSON lines.
        .target(name: "FactbotTerminal", dependencies: ["FactbotCore", "CEdit"]),

        // IRC protocol as pure code: messages, session state machine, flood control,
        // line splitting. No sockets, no clock: fed lines and times, it returns lines.
        .target(name: "IRCProtocol"),

        // IRC adapter: the poll loop over a POSIX socket (TLS through OpenSSL) around IRCSession.
        .target(
            name: "FactbotIRC",
            dependencies: [
                "IRCProtocol", "COpenSSL", "CIDN", .product(name: "Logging", package: "swift-log"),
            ]),

        // Article text from fetched pages: libxml2's HTML parser, paragraphs, sentences. No I/O.
        .target(
            name: "SourceText", dependencies: ["CXML2"],
            swiftSettings: [.unsafeFlags(["-Xcc", "-I/usr/include/libxml2"])]),

        // Source refresh: libcurl fetches, atomic storage under the state folder, drift checks.
        .target(name: "FactbotRefresh", dependencies: ["FactbotCore", "SourceText", "CCurl"]),

        // bot.conf: one schema for every section, read into the settings of core and adapters.
        .target(name: "FactbotConfig", dependencies: ["FactbotCore", "IRCProtocol"]),

        // factbot's files: the one place bot.conf, the knowledge folder and the state folder
        // are read (sizes checked first), the caches kept, and everything reloaded.
        .target(name: "FactbotLoader", dependencies: ["FactbotCore", "FactbotConfig", "FactbotRefresh", "WordNet"]),

        // The thin executable: one argument-parser command per job, reads files, wires adapters.
        .executableTarget(
            name: "factbot",
            dependencies: [
                "FactbotCore", "FactbotConfig", "FactbotLoader", "FactbotTerminal", "FactbotIRC", "IRCProtocol", "FactbotRefresh",
                .product(name: "Logging", package: "swift-log"),
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),

        // Fuzzing: what strangers' bytes reach, as targets; libFuzzer's entry or a corpus replayer.
        .target(name: "FuzzTargets", dependencies: ["FactbotCore", "FactbotConfig", "IRCProtocol", "SourceText"]),
        .executableTarget(name: "factbot-fuzz", dependencies: ["FuzzTargets", "FactbotCore"]),

        .testTarget(name: "FactbotCoreTests", dependencies: ["FactbotCore", "FactbotConfig", "IRCProtocol", "WordNet"]),
        .testTarget(name: "FactbotTerminalTests", dependencies: ["FactbotTerminal"]),
        .testTarget(name: "IRCProtocolTests", dependencies: ["IRCProtocol", "FactbotIRC", "Yams"]),  // FactbotIRC: SCRAM through OpenSSL, the poll wait
        .testTarget(name: "SourceTextTests", dependencies: ["SourceText"]),
        .testTarget(name: "FuzzCorpusTests", dependencies: ["FuzzTargets"]),
        // Source refresh against a real HTTP server on loopback (Tests/Servers/http_server.py).
        .testTarget(name: "RefreshTests", dependencies: ["factbot", "FactbotCore", "FactbotRefresh", "SourceText"]),
        .testTarget(name: "FactbotCLITests", dependencies: ["factbot"], exclude: ["Fixtures"]),
        // The loader against real files in a temporary folder: reload, symlinks, sizes, modes.
        .testTarget(name: "LoaderTests", dependencies: ["FactbotLoader", "FactbotCore", "FactbotRefresh"]),
        // The IRC adapter end to end: real ngircd and InspIRCd + Atheme on loopback.
        .testTarget(name: "IRCEndToEndTests", dependencies: ["factbot"]),
    ]
)
