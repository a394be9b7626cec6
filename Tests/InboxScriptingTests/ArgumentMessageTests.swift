import Testing

@testable import InboxScripting

/// How argument errors show what the script passed: finite numbers, short excerpts, NULs,
/// invalid UTF-8, and ids of the wrong type.
@Suite struct ArgumentMessageTests {
    private let person = "p3nf8wz2qk6vj9dm4cx7hbt1"

    @Test func nanAndInfinityAreRefusedNotStoredAsNull() throws {
        let fixture = try HostFixture(dryRun: true)
        let prefix = "test:1: inbox.people.update: bad argument 'valuation' (number must be finite"
        #expect(
            fixture.failure("inbox.people.update('\(person)', {valuation = 0/0})")
                == prefix + ", got nan)")
        #expect(
            fixture.failure("inbox.people.update('\(person)', {valuation = math.huge})")
                == prefix + ", got inf)")
        #expect(
            fixture.failure("inbox.people.update('\(person)', {valuation = -math.huge})")
                == prefix + ", got -inf)")
    }

    @Test func aHugeArgumentIsQuotedAsAShortExcerpt() throws {
        let fixture = try HostFixture()
        let sixty = String(repeating: "a", count: 60)
        #expect(
            try withoutRequestId(
                fixture.failure("inbox.threads.get(string.rep('a', 10 * 1024 * 1024))"))
                == "test:1: inbox.threads.get: thread: GET /threads/\(sixty)... -> 404 "
                + "threadNotFound: Thread with ID '\(sixty)...' not found (request req_*)")
        let key = String(repeating: "k", count: 60)
        #expect(
            fixture.failure("inbox.threads.list{[string.rep('k', 100)] = 1}")
                .hasPrefix("test:1: inbox.threads.list: unknown key \"\(key)...\"; known keys: "))
    }

    @Test func aNULInAnIdIsShownEscapedAndTheMessageGoesOn() throws {
        let fixture = try HostFixture()
        #expect(
            try withoutRequestId(fixture.failure("inbox.threads.get('abc\\0def')"))
                == "test:1: inbox.threads.get: thread: GET /threads/abc%00def -> 404 "
                + "threadNotFound: Thread with ID 'abc\\0def' not found (request req_*)")
    }

    /// The message with the emulator's random request id written `req_*`.
    private func withoutRequestId(_ message: String) throws -> String {
        message.replacing(try Regex("req_[0-9a-z]+"), with: "req_*")
    }

    @Test func invalidUTF8IsNamedWithItsByte() throws {
        let fixture = try HostFixture(dryRun: true)
        #expect(
            fixture.failure("inbox.threads.get('ab\\255c')")
                == "test:1: inbox.threads.get: bad argument #1 (thread id expected, got invalid "
                + "UTF-8 (byte 3))")
        #expect(
            fixture.failure("inbox.people.update('\(person)', {notes = 'a\\255'})")
                == "test:1: inbox.people.update: bad argument 'notes' (string or json.null "
                + "expected, got invalid UTF-8 (byte 2))")
    }

    @Test func personIdsOfTheWrongTypeAreArgumentErrors() throws {
        let fixture = try HostFixture()
        let prefix = "test:1: inbox.people.get: bad argument #1 (person id expected, got "
        #expect(
            fixture.failure("inbox.people.get(-1)") == prefix + "number; Inbox ids are strings)")
        #expect(
            fixture.failure("inbox.people.get(42)") == prefix + "number; Inbox ids are strings)")
        #expect(fixture.failure("inbox.people.get('')") == prefix + "an empty string)")
        #expect(
            fixture.failure("inbox.people.update(7, {notes = 'x'})")
                == "test:1: inbox.people.update: bad argument #1 (person id expected, got "
                + "number; Inbox ids are strings)")
        #expect(try fixture.run("print(inbox.people.get('\(person)'))") == "nil\n")
    }
}
