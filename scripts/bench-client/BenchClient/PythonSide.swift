import Foundation

/// The Python benchmark, kept running so that its rounds interleave with the Swift ones.
final class PythonSide {
    private let process = Process()
    private let input = Pipe()
    private let output = Pipe()
    private var pending = Data()

    init(python: String, script: String, arguments: [String]) throws {
        process.executableURL = URL(fileURLWithPath: python)
        process.arguments = [script] + arguments
        process.standardInput = input
        process.standardOutput = output
        try process.run()
    }

    /// Runs one round of `command` on the Python side and returns its seconds.
    func run(_ command: String) throws -> Double {
        input.fileHandleForWriting.write(Data((command + "\n").utf8))
        while !pending.contains(UInt8(ascii: "\n")) {
            let chunk = output.fileHandleForReading.availableData
            guard !chunk.isEmpty else { throw PythonFailure() }
            pending.append(chunk)
        }
        let newline = pending.firstIndex(of: UInt8(ascii: "\n"))!
        let line = String(decoding: pending[..<newline], as: UTF8.self)
        pending.removeSubrange(...newline)
        guard let seconds = Double(line) else { throw PythonFailure() }
        return seconds
    }

    func finish() {
        try? input.fileHandleForWriting.close()
        process.waitUntilExit()
    }
}

/// The Python side stopped or answered something that is not a duration.
struct PythonFailure: Error {}

/// Runs `work` once and keeps the faster of this round and `best`: wall-clock time, or with
/// `cpu` the calling thread's CPU time (steadier on a machine shared with other jobs).
func timed(_ work: () throws -> Int, best: (seconds: Double, count: Int), cpu: Bool = false)
    rethrows -> (seconds: Double, count: Int)
{
    let start = cpu ? threadCPUSeconds() : wallSeconds()
    let count = try work()
    let seconds = (cpu ? threadCPUSeconds() : wallSeconds()) - start
    return (min(seconds, best.seconds), count)
}

func wallSeconds() -> Double {
    Double(DispatchTime.now().uptimeNanoseconds) / 1e9
}

func threadCPUSeconds() -> Double {
    var time = timespec()
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &time)
    return Double(time.tv_sec) + Double(time.tv_nsec) / 1e9
}
