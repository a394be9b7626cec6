import Foundation
import TestSupport
import Testing

@testable import InboxClient

@Suite struct JSONWriterTests {
    static let examples = [
        "v1-account-links-list.json", "v1-error-not-found.json", "v1-events-page.json",
        "v1-list-messages-response.json", "v1-prospect-context-update-request.json",
        "v1-prospect.json", "v1-quick-send-response.json", "v1-send-message-response.json",
        "v1-team.json", "v1-thread-lookup-by-username.json", "v1-thread.json",
        "v1-threads-list-page.json", "v1-webhook-message-created.json",
        "v2-account-link-page.json", "v2-contact.json", "v2-error-rate-limited.json",
        "v2-event.json", "v2-send-request.json", "v2-send-result.json",
        "v2-thread-page-expanded.json", "v2-thread.json",
    ]

    /// Every example body, parsed and written back, is its own text minus the whitespace
    /// between tokens: same members, same order, same numbers, byte for byte.
    @Test(arguments: examples)
    func examplesRoundTripByteForByte(name: String) throws {
        let data = try ContractExamples.data(name)
        #expect(try JSONValue.parse(data).jsonText == Self.compact(data))
    }

    @Test func escapesControlCharactersAndKeepsSlashes() {
        let value: JSONValue = ["a/b": "tab\there\u{1F}"]
        #expect(value.jsonText == #"{"a/b":"tab\there\u001f"}"#)
    }

    @Test func doublesKeepAFractionMark() {
        #expect(
            JSONValue.array([.double(2500), .double(0.1), .integer(2500)]).jsonText
                == "[2500.0,0.1,2500]")
    }

    /// Drops whitespace outside strings.
    static func compact(_ data: Data) -> String {
        var output: [UInt8] = []
        var inString = false
        var escaped = false
        for byte in data {
            if inString {
                output.append(byte)
                if escaped {
                    escaped = false
                } else if byte == UInt8(ascii: "\\") {
                    escaped = true
                } else if byte == UInt8(ascii: "\"") {
                    inString = false
                }
            } else if byte == UInt8(ascii: "\"") {
                inString = true
                output.append(byte)
            } else if ![0x20, 0x0A, 0x0D, 0x09].contains(byte) {
                output.append(byte)
            }
        }
        return String(decoding: output, as: UTF8.self)
    }
}
