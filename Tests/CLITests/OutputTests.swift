import Testing

/// Every write carries its whole text: a NUL byte neither cuts a line nor loses its newline.
@Suite struct OutputTests {
    @Test func logLinesKeepTheirNulsAndNewlines() throws {
        let outcome = try InboxLuaProcess().run([
            "-e", #"log.info("m", {k = "a\0b"}); log.info("x\0y")"#,
        ])
        #expect(outcome.status == 0)
        #expect(outcome.stderr == "info: m k=\"a\\0b\"\ninfo: x\0y\n")
    }

    @Test func anErrorMessageIsWrittenWholeWithItsTraceback() throws {
        let outcome = try InboxLuaProcess().run(["-e", #"error("x\0y")"#])
        #expect(outcome.status == 1)
        #expect(
            outcome.stderr == """
                inbox-lua: (command line):1: x\0y
                stack traceback:
                \t[C]: in function 'error'
                \t(command line):1: in main chunk
                \t[C]: in ?

                """)
    }
}
