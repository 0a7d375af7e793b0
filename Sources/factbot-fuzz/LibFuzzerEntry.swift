import FactbotCore
import Foundation
import FuzzTargets

// libFuzzer's entry points. Built with `--sanitize=fuzzer -DFUZZING`, libFuzzer supplies
// main(); the target is chosen by $FACTBOT_FUZZ_TARGET (see `make fuzz`).

nonisolated(unsafe) var fuzzTarget = FuzzTarget.ircMessage
nonisolated(unsafe) var fuzzAnswerer: Answerer?

@_cdecl("LLVMFuzzerInitialize")
public func fuzzInitialize(_ argc: UnsafeMutablePointer<Int32>?, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?>?) -> Int32 {
    let name = ProcessInfo.processInfo.environment["FACTBOT_FUZZ_TARGET"] ?? "irc-message"
    guard let target = FuzzTarget(rawValue: name) else {
        FileHandle.standardError.write(
            Data("unknown FACTBOT_FUZZ_TARGET \(name); known: \(FuzzTarget.allCases.map(\.rawValue).joined(separator: ", "))\n".utf8))
        exit(2)
    }
    fuzzTarget = target
    if target == .answerer { fuzzAnswerer = ShippedAnswerer.load() }
    return 0
}

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzOneInput(_ data: UnsafePointer<UInt8>?, _ size: Int) -> Int32 {
    let bytes = data.map { Array(UnsafeBufferPointer(start: $0, count: size)) } ?? []
    fuzzTarget.run(bytes, answerer: fuzzAnswerer)
    return 0
}
