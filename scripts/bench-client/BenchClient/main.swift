import Foundation
import HTTPServer
import InboxClient
import InboxNetworking

// Benchmarks the Inbox client against a short Python/httpx script doing the same work in
// the same run: decoding ~10 MB of v2 thread pages into the model, and paging 10,000
// threads from a loopback server. Rounds alternate between Swift and Python so that a busy
// machine slows both alike; the best round of each counts.
// Usage: BenchClient <python> <bench.py> <work dir>.

let arguments = CommandLine.arguments
guard arguments.count == 4 else {
    FileHandle.standardError.write(Data("usage: BenchClient PYTHON BENCH_PY WORKDIR\n".utf8))
    exit(64)
}
let (pythonPath, script, workDirectory) = (arguments[1], arguments[2], arguments[3])
let rounds = 7

// MARK: - Decoding a stream of pages

let pages = PageGenerator.stream(bytes: 10 << 20)
let streamPath = workDirectory + "/thread-pages.jsonl"
try pages.joined(separator: "\n").appending("\n").write(
    toFile: streamPath, atomically: true, encoding: .utf8)
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

// MARK: - Paging over loopback HTTP

// TODO: page from the emulator's own server once it can seed 10,000 threads (its demo team
// has 400); until then a server on loopback serves generated v2 pages of the same shape.

let totalThreads = 10_000
let pageSize = 100
var bodies: [String: [UInt8]] = [:]
for first in stride(from: 0, to: totalThreads, by: pageSize) {
    let next = first + pageSize < totalThreads ? "c\(first + pageSize)" : nil
    bodies[first == 0 ? "" : "c\(first)"] = Array(
        PageGenerator.page(first: first, count: pageSize, next: next, expanded: false).utf8)
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
    transport: StandardTransport())

func pageAll() throws -> Int {
    try client.allThreads(ThreadQuery(limit: pageSize)).collect().count
}

// MARK: - Rounds, interleaved with Python's

let python = try PythonSide(
    python: pythonPath, script: script, arguments: [streamPath, baseURL, String(pageSize)])
var decoding = (seconds: Double.infinity, count: 0)
var paging = (seconds: Double.infinity, count: 0)
var pythonDecode = Double.infinity
var pythonPaging = Double.infinity
for _ in 0..<rounds {
    decoding = try timed(decodeStream, best: decoding, cpu: true)
    pythonDecode = min(pythonDecode, try python.run("decode"))
    paging = try timed(pageAll, best: paging)
    pythonPaging = min(pythonPaging, try python.run("paging"))
}
python.finish()
server.stop()

func row(_ name: String, _ swift: (seconds: Double, count: Int), _ pythonSeconds: Double) {
    let ratio = pythonSeconds / swift.seconds
    print(
        String(
            format: "%@  swift %.3f s  python %.3f s  ratio %.2fx  (%d threads)%@", name,
            swift.seconds, pythonSeconds, ratio, swift.count, ratio >= 1.5 ? "" : "  BELOW 1.5x"))
}

print(
    String(
        format: "bench-client: best of %d interleaved rounds; stream %.1f MB in %d pages",
        rounds, Double(streamBytes) / 1_048_576, pages.count))
row("decode 10 MB of v2 thread pages (CPU time)", decoding, pythonDecode)
row("page 10,000 threads over loopback (wall)  ", paging, pythonPaging)
