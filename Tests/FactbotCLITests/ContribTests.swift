import Foundation
import Testing

/// contrib/: the systemd units and the cron example stay in step with what factbot accepts,
/// and with each other.
@Suite("contrib/: systemd units and the cron example")
struct ContribTests {
    static let contrib = FactbotProcess.root.appendingPathComponent("contrib")
    static let units = ["factbot.service", "factbot-refresh.service", "factbot-refresh.timer"]
    /// Where the units expect the binary; the systemd-analyze test points it at the built one.
    static let installedBinary = "/usr/local/bin/factbot"

    /// A unit file's settings as (section, key, value), in order; comments and blank lines
    /// dropped, backslash-continued lines joined, as systemd reads them.
    struct UnitFile {
        var entries: [(section: String, key: String, value: String)] = []

        init(_ text: String) {
            var section = ""
            var pending = ""
            for raw in text.split(separator: "\n", omittingEmptySubsequences: false) {
                let line = raw.trimmingCharacters(in: .whitespaces)
                if pending.isEmpty, line.isEmpty || line.hasPrefix("#") || line.hasPrefix(";") { continue }
                if line.hasSuffix("\\") {
                    pending += String(line.dropLast()) + " "
                    continue
                }
                let whole = pending + line
                pending = ""
                if whole.hasPrefix("["), whole.hasSuffix("]") {
                    section = String(whole.dropFirst().dropLast())
                    continue
                }
                guard let equals = whole.firstIndex(of: "=") else { continue }
                entries.append(
                    (
                        section, whole[..<equals].trimmingCharacters(in: .whitespaces),
                        whole[whole.index(after: equals)...].trimmingCharacters(in: .whitespaces)
                    ))
            }
        }

        /// Every value of `key` in `section`, in order (a key may be given more than once).
        func values(_ key: String, in section: String = "Service") -> [String] {
            entries.filter { $0.section == section && $0.key == key }.map(\.value)
        }

        /// The last value of `key` (the one systemd uses for a single-valued setting).
        func value(_ key: String, in section: String = "Service") -> String? { values(key, in: section).last }

        /// ExecStart= as words, without systemd's prefixes (-, @, +, !, :).
        var execStart: [String] {
            let line = value("ExecStart") ?? ""
            return line.drop(while: { "-@+!:".contains($0) }).split(separator: " ").map(String.init)
        }
    }

    static func unit(_ name: String) throws -> UnitFile {
        UnitFile(try String(contentsOf: contrib.appendingPathComponent(name), encoding: .utf8))
    }

    /// The `--options` that `factbot <command> --help` lists.
    static func acceptedOptions(_ command: String) throws -> Set<String> {
        let help = try FactbotProcess.run([command, "--help"])
        #expect(help.status == 0, "\(help.stderr)")
        let options = help.stdout.split(whereSeparator: { " \t\n/,[]<>".contains($0) }).filter { $0.hasPrefix("--") && $0.count > 2 }
        return Set(options.map(String.init))
    }

    /// Checks that a factbot command line (after the binary) names a command and only the
    /// options `factbot <command> --help` lists; returns the command and the --state-dir value.
    static func checkCommandLine(_ arguments: [String], in file: String) throws -> (command: String, stateDirectory: String?) {
        let command = try #require(arguments.first, "\(file): no factbot command")
        let accepted = try acceptedOptions(command)
        #expect(accepted.contains("--state-dir"), "factbot \(command) --help lists no --state-dir: \(accepted.sorted())")
        var stateDirectory: String?
        for (index, word) in arguments.enumerated() where word.hasPrefix("-") {
            let option = String(word.prefix { $0 != "=" })
            #expect(accepted.contains(option), "\(file): factbot \(command) does not accept \(option) (it accepts \(accepted.sorted()))")
            if option == "--state-dir" {
                stateDirectory =
                    word.contains("=")
                    ? String(word.drop { $0 != "=" }.dropFirst())
                    : index + 1 < arguments.count ? arguments[index + 1] : nil
            }
        }
        return (command, stateDirectory)
    }

    /// The sandbox both services share, key by key.
    static let sandbox: [String: String] = [
        "DynamicUser": "yes", "User": "factbot", "StateDirectory": "factbot", "UMask": "0077",
        "NoNewPrivileges": "yes", "CapabilityBoundingSet": "", "ProtectSystem": "strict", "ProtectHome": "yes",
        "PrivateTmp": "yes", "PrivateDevices": "yes", "ProtectKernelTunables": "yes", "ProtectKernelModules": "yes",
        "ProtectKernelLogs": "yes", "ProtectControlGroups": "yes", "RestrictAddressFamilies": "AF_INET AF_INET6 AF_UNIX",
        "RestrictNamespaces": "yes", "LockPersonality": "yes", "MemoryDenyWriteExecute": "yes",
        "SystemCallFilter": "@system-service",
    ]

    @Test func theBotServiceHasWhatItNeeds() throws {
        let unit = try Self.unit("factbot.service")
        for (key, expected) in Self.sandbox {
            #expect(unit.value(key) == expected, "factbot.service: \(key)=\(unit.value(key) ?? "(missing)"), expected \(expected)")
        }
        let workingDirectory = try #require(unit.value("WorkingDirectory"))
        #expect(workingDirectory.hasPrefix("/"), "WorkingDirectory=\(workingDirectory)")
        #expect(unit.value("EnvironmentFile") == "-/etc/factbot/env")
        let reload = try #require(unit.value("ExecReload"))
        #expect(reload.contains("kill") && reload.contains("-HUP") && reload.contains("$MAINPID"), "ExecReload=\(reload)")
        #expect(unit.value("KillSignal") == "SIGTERM")
        #expect(unit.value("Restart") == "on-failure")
        let prevented = unit.values("RestartPreventExitStatus").flatMap { $0.split(separator: " ") }
        #expect(prevented.contains("2"), "exit status 2 (bad configuration) must not restart-loop: \(prevented)")
        #expect(unit.value("WantedBy", in: "Install") == "multi-user.target")
        #expect(unit.execStart.first == Self.installedBinary, "ExecStart=\(unit.execStart)")
    }

    @Test func theRefreshServiceAndTimerMatchTheBot() throws {
        let bot = try Self.unit("factbot.service")
        let refresh = try Self.unit("factbot-refresh.service")
        let timer = try Self.unit("factbot-refresh.timer")
        for (key, expected) in Self.sandbox {
            #expect(refresh.value(key) == expected, "factbot-refresh.service: \(key)=\(refresh.value(key) ?? "(missing)"), expected \(expected)")
        }
        // everything the bot's sandbox says, the refresh's says too
        let sandboxKeys = bot.entries.filter {
            $0.section == "Service"
                && !["Type", "ExecStart", "ExecReload", "KillSignal", "TimeoutStopSec", "Restart", "RestartSec", "RestartPreventExitStatus", "EnvironmentFile"]
                    .contains($0.key)
        }
        for entry in sandboxKeys {
            #expect(
                refresh.values(entry.key) == bot.values(entry.key),
                "factbot-refresh.service: \(entry.key)=\(refresh.values(entry.key)), factbot.service has \(bot.values(entry.key))")
        }
        #expect(refresh.value("Type") == "oneshot")
        #expect(refresh.execStart.first == Self.installedBinary, "ExecStart=\(refresh.execStart)")
        #expect(refresh.execStart.dropFirst().first == "refresh", "ExecStart=\(refresh.execStart)")

        let calendar = try #require(timer.value("OnCalendar", in: "Timer"))
        #expect(calendar.contains("/6:00"), "every 6 hours: OnCalendar=\(calendar)")
        #expect(timer.value("Persistent", in: "Timer") == "true")
        #expect(timer.value("RandomizedDelaySec", in: "Timer") != nil)
        #expect(timer.value("WantedBy", in: "Install") == "timers.target")
    }

    @Test func commandLinesUseOnlyOptionsFactbotAccepts() throws {
        for name in ["factbot.service", "factbot-refresh.service"] {
            let unit = try Self.unit(name)
            let (command, stateDirectory) = try Self.checkCommandLine(Array(unit.execStart.dropFirst()), in: name)
            #expect(command == (name == "factbot.service" ? "run" : "refresh"), "\(name): factbot \(command)")
            let state = try #require(unit.value("StateDirectory"))
            #expect(
                ["%S/\(state)", "/var/lib/\(state)"].contains(stateDirectory ?? ""),
                "\(name): --state-dir \(stateDirectory ?? "(missing)") is not the StateDirectory=\(state)")
        }

        // crontab.example: one line, every 6 hours, in the units' working directory
        let cron = try String(contentsOf: Self.contrib.appendingPathComponent("crontab.example"), encoding: .utf8)
        let lines = cron.split(separator: "\n").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty && !$0.hasPrefix("#") }
        #expect(lines.count == 1, "\(lines)")
        let words = try #require(lines.first).split(separator: " ", omittingEmptySubsequences: true).map(String.init)
        #expect(words.prefix(5) == ["0", "*/6", "*", "*", "*"], "\(words.prefix(5))")
        let workingDirectory = try Self.unit("factbot.service").value("WorkingDirectory")
        #expect(Array(words.dropFirst(5).prefix(3)) == ["cd", workingDirectory ?? "", "&&"], "\(words)")
        let factbot = try #require(words.firstIndex { $0.hasSuffix("factbot") && $0 != workingDirectory }, "\(words)")
        let (command, stateDirectory) = try Self.checkCommandLine(Array(words[(factbot + 1)...]), in: "crontab.example")
        #expect(command == "refresh")
        #expect(stateDirectory == "/var/lib/factbot")
    }

    static var systemdAnalyze: String? {
        let path = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin"
        return (path.split(separator: ":").map { "\($0)/systemd-analyze" } + ["/usr/bin/systemd-analyze"])
            .first { FileManager.default.isExecutableFile(atPath: $0) }
    }

    /// Runs a program other than factbot; its standard error after its standard output.
    static func execute(_ executable: String, _ arguments: [String], in directory: URL) throws -> (status: Int32, output: String) {
        let result = try FactbotProcess.run(arguments, in: directory, executable: URL(fileURLWithPath: executable))
        return (result.status, result.stdout + result.stderr)
    }

    /// `systemd-analyze verify` on copies of the units whose ExecStart= runs the built factbot
    /// (verify refuses a command that is not there): no unknown keys, no unparsable values,
    /// nothing said about our units. Warnings about units of the system they pull in
    /// (network-online.target...) are not ours: --recursive-errors=no.
    @Test(.enabled(if: ContribTests.systemdAnalyze != nil, "systemd-analyze is not installed"))
    func systemdAnalyzeVerifies() throws {
        let analyze = try #require(Self.systemdAnalyze)
        let folder = try FactbotProcess.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        for name in Self.units {
            let text = try String(contentsOf: Self.contrib.appendingPathComponent(name), encoding: .utf8)
            try text.replacingOccurrences(of: Self.installedBinary, with: FactbotProcess.binary.path)
                .write(to: folder.appendingPathComponent(name), atomically: true, encoding: .utf8)
        }
        let arguments = ["verify", "--man=no", "--generators=no", "--recursive-errors=no"]
        let result = try Self.execute(analyze, arguments + Self.units, in: folder)
        let ours = result.output.split(separator: "\n").filter { line in Self.units.contains { line.contains($0) } }
        #expect(result.status == 0, "systemd-analyze verify: status \(result.status)\n\(result.output)")
        #expect(ours.isEmpty, "systemd-analyze verify:\n\(result.output)")

        // and it does catch a mistake, so the silence above means something
        let broken = try String(contentsOf: folder.appendingPathComponent("factbot.service"), encoding: .utf8)
            .replacingOccurrences(of: "ProtectSystem=strict", with: "ProtectSystem=strict\nProtectSytem=strict")
        try broken.write(to: folder.appendingPathComponent("broken.service"), atomically: true, encoding: .utf8)
        let check = try Self.execute(analyze, arguments + ["broken.service"], in: folder)
        #expect(check.status != 0 && check.output.contains("ProtectSytem"), "a misspelt key went unnoticed: \(check.status)\n\(check.output)")
    }

    /// Runs `arguments` with the kernel's memory-deny-write-execute on (PR_SET_MDWE, Linux
    /// 6.3+, inherited across exec): what MemoryDenyWriteExecute=yes enforces through seccomp.
    static let mdweWrapper = """
        import ctypes, os, sys
        libc = ctypes.CDLL(None, use_errno=True)
        if libc.prctl(65, 1, 0, 0, 0) != 0 or libc.prctl(66, 0, 0, 0, 0) != 1:
            sys.exit("PR_SET_MDWE: errno %d" % ctypes.get_errno())
        if len(sys.argv) > 1: os.execv(sys.argv[1], sys.argv[1:])
        """

    static let mdweAvailable: Bool = {
        guard let status = try? execute("/usr/bin/env", ["python3", "-c", mdweWrapper], in: FactbotProcess.root).status else { return false }
        return status == 0
    }()

    /// factbot does not JIT: fetching (libcurl and libxml2, loaded with dlopen), storing and
    /// answering with quotes all work with no memory both writable and executable.
    @Test(.enabled(if: ContribTests.mdweAvailable, "this kernel has no PR_SET_MDWE (Linux 6.3+) or python3 is missing"), .timeLimit(.minutes(2)))
    func factbotRunsWithMemoryDenyWriteExecute() throws {
        let folder = try FactbotProcess.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let pages = folder.appendingPathComponent("pages")
        let state = folder.appendingPathComponent("state")
        try FileManager.default.copyItem(at: FactbotProcess.root.appendingPathComponent("Tests/FactbotCLITests/Fixtures/multisource"), to: pages)
        let (server, input, port) = try FactbotProcess.httpServer(serving: pages)
        defer {
            try? input.fileHandleForWriting.close()
            server.waitUntilExit()
        }

        let guarded = ["python3", "-c", Self.mdweWrapper, FactbotProcess.binary.path]
        let refresh = try Self.execute(
            "/usr/bin/env",
            guarded + [
                "refresh", "--state-dir", state.path,
                "--source", "gazette=http://127.0.0.1:\(port)/files/gazette.html",
            ], in: FactbotProcess.root)
        #expect(refresh.status == 0 && refresh.output.contains("1 fetched"), "\(refresh.status)\n\(refresh.output)")
        let ask = try Self.execute("/usr/bin/env", guarded + ["ask", "--state-dir", state.path, "how", "much", "are", "they", "paid"], in: FactbotProcess.root)
        #expect(ask.status == 0 && ask.output.contains("18,000 yuan"), "\(ask.status)\n\(ask.output)")
    }
}
