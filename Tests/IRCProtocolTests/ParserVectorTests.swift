import Foundation
import Testing
import Yams

@testable import IRCProtocol

/// The public IRC parser test vectors (PyPI `irc-parser-tests` 0.0.4), installed by
/// `make test-vectors` into `.build-vectors/` and read here, so the parser is held to
/// vectors written by other people, not by us.
@Suite struct ParserVectorTests {
    static let folder = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent(".build-vectors/parser_tests/data")

    static func tests(_ file: String) throws -> [[String: Any]] {
        let url = folder.appendingPathComponent(file)
        guard let text = try? String(contentsOf: url, encoding: .utf8) else {
            Issue.record("missing \(url.path): run `make test-vectors` (pip installs irc-parser-tests)")
            return []
        }
        let document = try Yams.load(yaml: text) as? [String: Any]
        return document?["tests"] as? [[String: Any]] ?? []
    }

    static func tags(_ atoms: [String: Any]) -> [String: String] {
        (atoms["tags"] as? [String: Any] ?? [:]).mapValues { "\($0 is NSNull ? "" : $0)" }
    }

    @Test func splitsEveryMessageLikeTheVectors() throws {
        let cases = try Self.tests("msg-split.yaml")
        #expect(cases.count > 30)
        for test in cases {
            let input = try #require(test["input"] as? String)
            let atoms = try #require(test["atoms"] as? [String: Any])
            let message = try #require(IRCMessage(parsing: input), "\(input)")
            #expect(message.command == atoms["verb"] as? String, "\(input)")
            #expect(message.source == atoms["source"] as? String, "\(input)")
            #expect(message.parameters == (atoms["params"] as? [String] ?? []), "\(input)")
            let parsedTags = Dictionary(message.tags.map { ($0.key, $0.value) }, uniquingKeysWith: { _, last in last })
            #expect(parsedTags == Self.tags(atoms), "\(input)")
        }
    }

    @Test func joinsEveryMessageLikeTheVectors() throws {
        let cases = try Self.tests("msg-join.yaml")
        #expect(cases.count > 10)
        for test in cases {
            let atoms = try #require(test["atoms"] as? [String: Any])
            let matches = try #require(test["matches"] as? [String])
            let tags = Self.tags(atoms).sorted { $0.key < $1.key }.map { IRCMessage.Tag($0.key, $0.value) }
            let message = IRCMessage(
                tags: tags, source: atoms["source"] as? String,
                try #require(atoms["verb"] as? String), atoms["params"] as? [String] ?? [])
            #expect(matches.contains(message.line), "\(message.line) not in \(matches)")
            // And what we write reads back as the same message.
            #expect(IRCMessage(parsing: message.line) == message)
        }
    }

    @Test func splitsSourcesLikeTheVectors() throws {
        let cases = try Self.tests("userhost-split.yaml")
        #expect(!cases.isEmpty)
        for test in cases {
            let source = try #require(test["source"] as? String)
            let atoms = try #require(test["atoms"] as? [String: Any])
            let mask = Hostmask(source)
            #expect(mask.nick == (atoms["nick"] as? String ?? ""), "\(source)")
            #expect((mask.user ?? "") == (atoms["user"] as? String ?? ""), "\(source)")
            #expect((mask.host ?? "") == (atoms["host"] as? String ?? ""), "\(source)")
        }
    }

    @Test func matchesMasksLikeTheVectors() throws {
        let cases = try Self.tests("mask-match.yaml")
        #expect(!cases.isEmpty)
        for test in cases {
            let mask = try #require(test["mask"] as? String)
            for source in test["matches"] as? [String] ?? [] {
                #expect(Wildcard.matches(mask, source), "\(mask) should match \(source)")
            }
            for source in test["fails"] as? [String] ?? [] {
                #expect(!Wildcard.matches(mask, source), "\(mask) should not match \(source)")
            }
        }
    }
}
