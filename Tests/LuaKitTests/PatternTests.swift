import LuaKit
import Testing

/// The deadline-aware matcher of the sandbox (CLua/lua_patterns.h) against stock Lua's.
@Suite struct PatternTests {
    static let cases: [String] = [
        "string.find('hello world', 'o w')",
        "string.find('hello world', 'l+')",
        "string.find('hello', 'l', 1, true)",
        "string.find('a.b', '.', 1, true)",
        "string.find('abc', 'b', -1)",
        "string.find('abc', '', 10)",
        "string.find('abc', '', 4)",
        "string.match('key = value', '(%w+)%s*=%s*(%w+)')",
        "string.match('2024-01-02', '(%d+)-(%d+)-(%d+)')",
        "string.match('  trim  ', '^%s*(.-)%s*$')",
        "string.match('hello', '()ll()')",
        "string.match('[[nested]]', '%b[]')",
        "string.match('THE (quick) fox', '%f[%a]%a+')",
        "string.match('abcabc', '(abc)%1')",
        "string.match('x = [a-z]', '[%]%[a-]+')",
        "string.match('a]b', '[]]')",
        "string.match('^caret', '^^c')",
        "string.match('hello', '[^aeiou]+')",
        "string.match('end$', 'd%$$')",
        "string.match('aaa', 'a-b')",
        "string.match('aaab', 'a-b')",
        "string.match('', 'x*')",
        "string.match('0x1F', '%x+', 3)",
        "string.gsub('hello world', 'o', '0')",
        "string.gsub('hello world', '(o)', '[%1%0%%]')",
        "string.gsub('abc', '', '-')",
        "string.gsub('hello world', '%w+', {hello = 'HI', world = false})",
        "string.gsub('abc', '%w', function(c) return c:upper() .. '.' end)",
        "string.gsub('abc def', '^%w+', 'X')",
        "string.gsub('one two three', '%a+', '<%0>', 2)",
        "string.gsub('x1y22', '%d+', function() end)",
        "(function() local t = {} for k, v in string.gmatch('a=1, b=2', '(%w+)=(%w+)') do"
            + " t[#t+1] = k .. v end return table.concat(t, ';') end)()",
        "(function() local t = {} for w in string.gmatch('one two', '%a*') do"
            + " t[#t+1] = '<' .. w .. '>' end return table.concat(t) end)()",
        "(function() local t = {} for w in string.gmatch('abcd', '.', 3) do t[#t+1] = w end"
            + " return table.concat(t) end)()",
        "pcall(string.match, 'x', '%')",
        "pcall(string.match, 'x', '[a')",
        "pcall(string.match, 'x', '(x')",
        "pcall(string.match, 'x', 'x)')",
        "pcall(string.match, 'x', '%1')",
        "pcall(string.gsub, 'x', 'x', '%2')",
        "pcall(string.gsub, 'x', 'x', '%z')",
        "pcall(string.gsub, 'x', 'x', {x = {}})",
        "pcall(function() return string.gsub('x', 'x', true) end)",
        "pcall(string.find, 'x', '%f')",
        "pcall(string.find, 'x', '%bx')",
        "string.gsub('hello', '^h', 'H')",
        "string.find('abc', '^b', 2)",
        "string.find('a+b', '+', 1, true)",
        "string.match('x', '()')",
        "pcall(string.gsub, 'abc', '.', {a = 1, b = true})",
        "(function() local n = 0 for w in string.gmatch('^a^a', '^a') do n = n + 1 end"
            + " return n end)()",
    ]

    /// Random subjects and patterns from a small alphabet, the same for every run.
    @Test func randomPatternsMatchStockLua() throws {
        let stock = try LuaState(profile: .full)
        let ours = try LuaState(profile: .sandbox)
        let pieces = [
            "a", "b", ".", "%a", "%d", "[ab]", "[^a]", "[a-c]", "*", "+", "-", "?", "(", ")",
            "()", "%1", "^", "$", "%b()", "%f[a]", "%%", "1",
        ]
        let letters: [Character] = ["a", "b", "c", "(", ")", "1", " "]
        var generator = SplitMix(seed: 2026)
        for _ in 0..<3000 {
            let pattern = (0..<Int(generator.next() % 6 + 1))
                .map { _ in pieces[Int(generator.next() % UInt64(pieces.count))] }.joined()
            let subject = String(
                (0..<Int(generator.next() % 10)).map { _ in
                    letters[Int(generator.next() % UInt64(letters.count))]
                })
            let code = """
                local s, p = ...
                local function all(...) return select('#', ...), ... end
                return table.concat({tostring(pcall(string.find, s, p))}, ','),
                    table.concat({tostring(select(2, pcall(string.gsub, s, p, '<%0>')))}, ','),
                    (function() local ok, e = pcall(function()
                        local t = {}
                        for a, b in string.gmatch(s, p) do
                          t[#t+1] = tostring(a) .. tostring(b)
                        end
                        return table.concat(t, '|') end) return tostring(ok) .. tostring(e) end)()
                """
            let arguments: [LuaValue] = [.string(subject), .string(pattern)]
            let expected = try stock.run(code, name: "=r", arguments: arguments)
            let actual = try ours.run(code, name: "=r", arguments: arguments)
            #expect(actual == expected, "subject \(subject) pattern \(pattern)")
        }
    }

    @Test(arguments: cases) func matchesStockLua(_ expression: String) throws {
        let stock = try LuaState(profile: .full)
        let ours = try LuaState(profile: .sandbox)
        let code = "return " + expression
        #expect(try ours.run(code, name: "=p") == stock.run(code, name: "=p"))
    }
}

/// A small deterministic generator (SplitMix64), so that failures reproduce.
private struct SplitMix {
    var state: UInt64

    init(seed: UInt64) {
        state = seed
    }

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
