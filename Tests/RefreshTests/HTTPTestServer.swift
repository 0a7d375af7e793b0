import Foundation

/// `Tests/Servers/http_server.py` on a free loopback port, serving files from a fresh folder.
final class HTTPTestServer: @unchecked Sendable {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    let process = Process()
    let input = Pipe()
    let folder: URL
    let port: Int

    init() throws {
        folder = FileManager.default.temporaryDirectory.appendingPathComponent("factbot-http-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", Self.root.appendingPathComponent("Tests/Servers/http_server.py").path, folder.path]
        let output = Pipe()
        process.standardInput = input
        process.standardOutput = output
        process.standardError = FileHandle.nullDevice
        try process.run()
        var line = Data()
        let deadline = Date().addingTimeInterval(15)
        while !line.contains(0x0A), Date() < deadline {
            let chunk = output.fileHandleForReading.availableData
            if chunk.isEmpty { break }
            line += chunk
        }
        struct Ready: Decodable { var port: Int }
        port = try JSONDecoder().decode(Ready.self, from: line).port
    }

    /// A URL on this server.
    func url(_ path: String) -> String { "http://127.0.0.1:\(port)\(path)" }

    /// Writes a file the server serves under /files/NAME.
    func put(_ name: String, _ text: String, modified: Date = Date().addingTimeInterval(-60)) throws {
        let file = folder.appendingPathComponent(name)
        try text.write(to: file, atomically: true, encoding: .utf8)
        try FileManager.default.setAttributes([.modificationDate: modified], ofItemAtPath: file.path)
    }

    /// The request headers the server has seen, oldest first.
    func requests() throws -> [(path: String, headers: [String: String])] {
        let data = try Data(contentsOf: folder.appendingPathComponent("_requests.json"))
        let list = try JSONSerialization.jsonObject(with: data) as? [[String: Any]] ?? []
        return list.map { ($0["path"] as? String ?? "", $0["headers"] as? [String: String] ?? [:]) }
    }

    deinit {
        try? input.fileHandleForWriting.close()
        let deadline = Date().addingTimeInterval(5)
        while process.isRunning && Date() < deadline { Thread.sleep(forTimeInterval: 0.02) }
        if process.isRunning { process.terminate() }
        try? FileManager.default.removeItem(at: folder)
    }
}

/// Pages written for these tests.
enum Pages {
    static let harbour = page(
        title: "Harbour backlog",
        paragraphs: [
            "The harbour authority said on Monday that 1,240 containers had been held at the north quay since March.",
            "Port workers told reporters the delays cost shippers about 2.5 million euros a week, according to the union.",
            "A spokesperson for the ministry said the backlog would be cleared within weeks, without giving a date.",
        ])

    static func page(title: String, paragraphs: [String]) -> String {
        """
        <!doctype html><html><head><title>\(title)</title><meta name="author" content="Ada Quill">
        <meta property="article:published_time" content="2026-03-02T09:00:00Z"></head>
        <body><nav><a href="/">Home</a></nav><article><h1>\(title)</h1>
        \(paragraphs.map { "<p>\($0)</p>" }.joined(separator: "\n"))
        </article><footer>© Test Gazette</footer></body></html>
        """
    }
}
