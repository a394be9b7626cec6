import Foundation
import HTTPServer
import InboxClient
import InboxEmulator

/// A fresh demo team for one test, reachable in process (through the router,
/// no sockets) or over HTTP on an ephemeral loopback port. Every exchange is
/// recorded for the conformance check.
public final class EmulatorHarness: Sendable {
    /// The bearer token the harness's router and servers accept.
    public static let token = "ibt_test_harness"

    /// The team.
    public let store: EmulatorStore
    /// The in-process router.
    public let router: EmulatorRouter

    /// A demo team in memory (or at `path`), optionally rate limited.
    public init(
        path: String = EmulatorStore.inMemory, rateLimits: RateLimits? = nil,
        clock: @escaping @Sendable () -> Int64 = EmulatorStore.systemClock
    ) throws {
        store = try EmulatorStore(path: path, clock: clock)
        router = EmulatorRouter(
            store: store, token: Self.token, rateLimits: rateLimits,
            observer: ConformanceLog.observer)
    }

    /// Serves the same team over HTTP; stop it (or drop it) when done.
    public func serve(rateLimits: RateLimits? = nil, maxBodyBytes: Int = 1 << 20) throws
        -> EmulatorServer
    {
        try EmulatorServer(
            store: store, token: Self.token, rateLimits: rateLimits, maxBodyBytes: maxBodyBytes,
            observer: ConformanceLog.observer)
    }

    /// Sends one request to the router in process, authorised unless
    /// `token` says otherwise, and returns status, parsed body and headers.
    public func call(
        _ method: String, _ path: String, query: String = "", body: String? = nil,
        headers: [String: String] = [:], token: String? = EmulatorHarness.token
    ) -> EmulatorReply {
        var allHeaders = headers
        if let token { allHeaders["authorization"] = "Bearer \(token)" }
        let response = router.handle(
            HTTPRequest(
                method: method, path: path, rawQuery: query, headers: allHeaders,
                body: Array((body ?? "").utf8)))
        return EmulatorReply(response)
    }
}

/// A response as tests inspect it.
public struct EmulatorReply: Sendable {
    /// The status code.
    public let status: Int
    /// The parsed JSON body, nil when empty or not JSON.
    public let json: JSONValue?
    /// Header values by lowercased name.
    public let headers: [String: String]
    /// The body as text.
    public let text: String

    /// Wraps a router response.
    public init(_ response: HTTPResponse) {
        status = response.status
        json = try? JSONValue.parse(Data(response.body))
        text = String(decoding: response.body, as: UTF8.self)
        headers = Dictionary(
            response.headers.map { ($0.name.lowercased(), $0.value) }, uniquingKeysWith: { $1 })
    }

    /// Wraps a response fetched over HTTP.
    public init(_ fetched: FetchedResponse) {
        status = fetched.status
        json = try? JSONValue.parse(fetched.body)
        text = fetched.text
        headers = fetched.headers
    }

    /// v2 `code` or v1 `error.code`, when the body is an error.
    public var errorCode: String? {
        json?["code"]?.stringValue ?? json?["error"]?["code"]?.stringValue
    }
}

/// The built `inbox-lua` executable, for end-to-end tests of the command line.
public enum InboxLuaBinary {
    /// Its path: next to the test bundle, where SwiftPM puts the products.
    public static var path: String {
        URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()
            .appendingPathComponent("inbox-lua").path
    }

    /// Runs it with `arguments`; returns the exit status, stdout and stderr.
    public static func run(_ arguments: [String], stdin: Data? = nil) throws -> (
        status: Int32, stdout: String, stderr: String
    ) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: path)
        process.arguments = arguments
        let output = Pipe()
        let errors = Pipe()
        process.standardOutput = output
        process.standardError = errors
        let input = Pipe()
        process.standardInput = input
        try process.run()
        if let stdin { input.fileHandleForWriting.write(stdin) }
        try input.fileHandleForWriting.close()
        let out = output.fileHandleForReading.readDataToEndOfFile()
        let err = errors.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (
            process.terminationStatus, String(decoding: out, as: UTF8.self),
            String(decoding: err, as: UTF8.self)
        )
    }
}
