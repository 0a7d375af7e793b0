#if !FUZZING
    import FuzzTargets
    import Foundation

    /// Without libFuzzer: `factbot-fuzz TARGET FILE-OR-DIR...` runs the target over saved
    /// inputs (a corpus, or a crash file to reproduce it).
    @main
    struct Replay {
        static func main() {
            let arguments = CommandLine.arguments.dropFirst()
            guard let name = arguments.first, let target = FuzzTarget(rawValue: name) else {
                print("usage: factbot-fuzz TARGET FILE-OR-DIR...   targets: \(FuzzTarget.allCases.map(\.rawValue).joined(separator: ", "))")
                exit(2)
            }
            let answerer = target == .answerer ? ShippedAnswerer.load() : nil
            var count = 0
            for path in arguments.dropFirst() {
                var isFolder: ObjCBool = false
                guard FileManager.default.fileExists(atPath: path, isDirectory: &isFolder) else { continue }
                let files =
                    isFolder.boolValue
                    ? ((try? FileManager.default.contentsOfDirectory(atPath: path)) ?? []).sorted().map { "\(path)/\($0)" }
                    : [path]
                for file in files {
                    guard let data = FileManager.default.contents(atPath: file) else { continue }
                    target.run(Array(data), answerer: answerer)
                    count += 1
                }
            }
            print("\(name): \(count) inputs, no crash")
        }
    }
#endif
