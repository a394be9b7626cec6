import Testing

@testable import InboxScripting

@Suite struct LogModuleTests {
    @Test func linesAtOrAboveTheLevelReachTheSinkWithSortedFields() throws {
        let fixture = try HostFixture()
        try fixture.run(
            """
            log.debug("hidden")
            log.info("thread assigned", {thread = "abc", member = "Dana Whitfield", n = 3})
            log.warn("odd", {ratio = 0.5, ok = false, tags = {"a", "b"}})
            log.error("failed")
            """)
        #expect(
            fixture.logs == [
                "info: thread assigned member=\"Dana Whitfield\" n=3 thread=abc",
                #"warn: odd ok=false ratio=0.5 tags="[\"a\",\"b\"]""#,
                "error: failed",
            ])
    }

    @Test func aNulInAFieldValueIsEscapedAsLuaWritesIt() throws {
        let fixture = try HostFixture()
        try fixture.run(#"log.info("m", {k = "a\0b", n = "\0" .. "7"}); log.info("x\0y")"#)
        #expect(fixture.logs == [#"info: m k="a\0b" n="\0007""#, "info: x\0y"])
    }

    @Test func scriptsReadAndSetTheLevel() throws {
        let fixture = try HostFixture()
        let output = try fixture.run(
            """
            print(log.level(), log.level("debug"), log.level())
            log.debug("now shown")
            """)
        #expect(output == "info\tinfo\tdebug\n")
        #expect(fixture.logs == ["debug: now shown"])
        #expect(fixture.host.logLevel == .debug)
        #expect(
            fixture.failure("log.level('loud')")
                == "test:1: log.level: unknown level \"loud\"; levels: debug, info, warn, error")
    }

    @Test func theHostLogsThroughTheSameSink() throws {
        let fixture = try HostFixture()
        fixture.host.log(.warn, "from the host", fields: ["script.name": "a b.lua"])
        #expect(fixture.logs == ["warn: from the host script.name=\"a b.lua\""])
    }
}
