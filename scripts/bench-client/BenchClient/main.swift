import Foundation
import HTTPServer
import InboxClient
import InboxNetworking

// Benchmarks the Inbox client against a short Python/httpx script doing the same work in
// the same run: decoding ~10 MB of v2 thread pages into the model, and paging 10,000
// threads from a loopback server. Usage: BenchClient <python> <bench.py> <work dir>.

let arguments = CommandLine.arguments
guard arguments.count == 4 else {
    FileHandle.standardError.write(Data("usage: BenchClient PYTHON BENCH_PY WORKDIR\n".utf8))
    exit(64)
}
let (python, script, workDirectory) = (arguments[1], arguments[2], arguments[3])
let rounds = 5

// MARK: - Decoding a stream of pages

let pages = PageGenerator.stream(bytes: 10 << 20)
let streamPath = workDirectory + "/thread-pages.jsonl"
try pages.joined(separator: "\n").appending("\n").write(toFile: streamPath, atomically: true,
    encoding: .utf8)
let pageData = pages.map { Data($0.utf8) }
let streamBytes = pageData.reduce(0) { $0 + $1.count }

func decodeStream() throws -> Int {
    var count = 0
    for data in pageData {
        let json = try JSONValue.parse(data)
        for item in json["data"]?.arrayValue ?? [] {
            let thread = try Thread(json: item)
            if let contact = item["contact"] { _ = try Contact(json: contact) }
            count += thread.id.isEmpty ? 0 : 1
        }
    }
    return count
}

func best(_ work: () throws -> Int) rethrows -> (seconds: Double, count: Int) {
    var bestTime = Double.infinity
    var count = 0
    for _ in 0..<rounds {
        let start = DispatchTime.now().uptimeNanoseconds
        count = try work()
        bestTime = min(bestTime, Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9)
    }
    return (bestTime, count)
}

let decoding = try best(decodeStream)

// MARK: - Paging over loopback HTTP

let totalThreads = 10_000
let pageSize = 100
var bodies: [String: [UInt8]] = [:]
for first in stride(from: 0, to: totalThreads, by: pageSize) {
    let next = first + pageSize < totalThreads ? "c\(first + pageSize)" : nil
    bodies[first == 0 ? "" : "c\(first)"] = Array(PageGenerator.page(first: first,
        count: pageSize, next: next, expanded: false).utf8)
}
let servedBodies = bodies
let server = try HTTPServer { request in
    guard let body = servedBodies[request.queryValue("cursor") ?? ""] else {
        return .respond(.json(400, Array(#"{"code":"invalidCursor","message":"bad"}"#.utf8)))
    }
    return .respond(.json(200, body))
}
let baseURL = server.baseURL + "/api/v2"
let client = InboxV2Client(
    configuration: InboxConfiguration(baseURL: baseURL, token: "bench", rateLimits: []),
    transport: URLSessionTransport())
let paging = try best {
    try client.allThreads(ThreadQuery(limit: pageSize)).collect().count
}

// MARK: - Python, same run

let process = Process()
process.executableURL = URL(fileURLWithPath: python)
process.arguments = [script, streamPath, baseURL, String(pageSize), String(rounds)]
let output = Pipe()
process.standardOutput = output
try process.run()
let pythonOutput = output.fileHandleForReading.readDataToEndOfFile()
process.waitUntilExit()
server.stop()
guard process.terminationStatus == 0,
    let figures = try JSONSerialization.jsonObject(with: pythonOutput) as? [String: Double]
else {
    FileHandle.standardError.write(Data("bench-client: the Python side failed\n".utf8))
    exit(1)
}

func row(_ name: String, _ swift: (seconds: Double, count: Int), _ pythonSeconds: Double) {
    let ratio = pythonSeconds / swift.seconds
    print(String(format: "%@  swift %.3f s  python %.3f s  ratio %.2fx  (%d threads)%@", name,
        swift.seconds, pythonSeconds, ratio, swift.count, ratio >= 1.5 ? "" : "  BELOW 1.5x"))
}

print(String(format: "bench-client: best of %d rounds; stream %.1f MB in %d pages", rounds,
    Double(streamBytes) / 1_048_576, pages.count))
row("decode 10 MB of v2 thread pages  ", decoding, figures["decode"] ?? .nan)
row("page 10,000 threads over loopback", paging, figures["paging"] ?? .nan)
