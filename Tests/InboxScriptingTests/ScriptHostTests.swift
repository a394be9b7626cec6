import Foundation
import InboxClient
import LuaKit
import Testing

@testable import InboxScripting

@Suite struct ScriptHostTests {
    @Test func aScriptThatNeverTouchesInboxOpensNothing() throws {
        let fixture = try HostFixture()
        #expect(try fixture.run("print(1 + 1)") == "2\n")
        #expect(fixture.host.isBackendOpen == false)
        #expect(fixture.opened == [])
    }

    @Test func theBackendOpensOnceOnFirstUse() throws {
        let fixture = try HostFixture()
        try fixture.run("local a = inbox.team() local b = inbox.members()")
        try fixture.run("local c = inbox.team()")
        #expect(fixture.host.isBackendOpen)
        #expect(fixture.opened == ["the local emulator (:memory:)"])
    }

    @Test func aBackendThatFailsToOpenIsAnErrorAtTheCallersLine() throws {
        struct Refused: Error, CustomStringConvertible {
            var description: String { "no such team" }
        }
        let host = try ScriptHost(
            options: ScriptHostOptions(
                backend: ScriptBackend(description: "nowhere") { throw Refused() }))
        #expect(throws: LuaError.self) { try host.run(source: "\n inbox.team()", name: "=s") }
        do {
            try host.run(source: "\n inbox.team()", name: "=s")
        } catch let error as LuaError {
            #expect(error.message == "s:2: inbox.team: no such team")
        }
    }

    @Test func runFileSetsArgAndDots() throws {
        let path = FileManager.default.temporaryDirectory
            .appendingPathComponent("scripting-arg-\(UUID().uuidString).lua").path
        try "print(arg[0] == ..., arg[1], select('#', ...), ...)\nreturn 7\n"
            .write(toFile: path, atomically: true, encoding: .utf8)
        defer { try? FileManager.default.removeItem(atPath: path) }
        let fixture = try HostFixture()
        let results = try fixture.host.run(file: path, arguments: ["a", "b"])
        #expect(fixture.output == "false\ta\t2\ta\tb\n")
        #expect(results == [7])
    }

    @Test func jsonLogAndInboxAreGlobalsAndModules() throws {
        let fixture = try HostFixture()
        let output = try fixture.run(
            """
            print(require("inbox") == inbox, require("json") == json, require("log") == log)
            print(type(inbox.threads), type(inbox.threads.get), inbox.contacts == inbox.people)
            """)
        #expect(output == "true\ttrue\ttrue\ntable\tfunction\ttrue\n")
    }

    @Test func printGoesToTheOutputCallback() throws {
        let fixture = try HostFixture()
        #expect(try fixture.run("print('a', nil, 3, 2.5, true)") == "a\tnil\t3\t2.5\ttrue\n")
    }

    @Test func theSandboxKeepsScriptsFromTheMachine() throws {
        let fixture = try HostFixture(sandbox: true)
        #expect(
            try fixture.run("print(io, os.execute, type(inbox.threads.list))")
                == "nil\tnil\tfunction\n")
        #expect(
            fixture.failure("inbox.send = nil")
                == "test:1: attempt to modify a read-only table (key 'send')")
        #expect(
            fixture.failure("inbox.threads.list = print")
                == "test:1: attempt to modify a read-only table (key 'list')")
        let output = try fixture.run(
            """
            local n = 0
            for thread in inbox.threads{max = 2} do n = n + 1 end
            print(n, inbox.contacts == inbox.people, #inbox.threads.list{max = 1})
            """)
        #expect(output == "2\ttrue\t1\n")
    }
}
