import Testing

/// Random values through encode and decode, and random damage to JSON text:
/// what goes out comes back equal, and bad input fails with an offset.
@Suite struct JSONRoundTripTests {
    let lua = LuaRunner()

    /// Lua that defines `random_value(depth)` and `same(a, b)`.
    private static let generators = #"""
        local pieces = { "a", "Z", " ", "\0", "\1", "\31", "\"", "\\", "/", "\127",
            "é", "€", "😀", "\n", "\t", "日本", "\u{10FFFF}" }

        function random_string()
            local parts = {}
            for i = 1, math.random(0, 10) do parts[i] = pieces[math.random(#pieces)] end
            return table.concat(parts)
        end

        local function random_float()
            local kind = math.random(4)
            if kind == 1 then
                return (math.random() - 0.5) * 10.0 ^ math.random(-30, 30)
            elseif kind == 2 then
                local bits = string.pack("<i8", math.random(math.mininteger, math.maxinteger))
                local x = string.unpack("<d", bits)
                if x ~= x or x == math.huge or x == -math.huge then return 0.5 end
                return x
            elseif kind == 3 then
                return math.random(-1000, 1000) + 0.0
            end
            return -0.0
        end

        function random_value(depth)
            local kind = math.random(depth > 4 and 6 or 9)
            if kind == 1 then return math.random(math.mininteger, math.maxinteger)
            elseif kind == 2 then return math.random(-100, 100)
            elseif kind == 3 then return random_float()
            elseif kind == 4 then return random_string()
            elseif kind == 5 then return math.random(2) == 1
            elseif kind == 6 then return json.null
            elseif kind <= 8 then
                local t = json.array()
                for i = 1, math.random(0, 6) do t[i] = random_value(depth + 1) end
                return t
            end
            local t = {}
            for _ = 1, math.random(0, 6) do t[random_string()] = random_value(depth + 1) end
            return t
        end

        function same(a, b)
            if type(a) ~= type(b) then return false end
            if type(a) == "number" then
                return math.type(a) == math.type(b) and a == b
                    and (a ~= 0 or 1 / a == 1 / b)
            end
            if type(a) ~= "table" then return rawequal(a, b) end
            if getmetatable(a) ~= getmetatable(b) then return false end
            for k, v in pairs(a) do
                if not same(v, b[k]) then return false end
            end
            for k in pairs(b) do
                if a[k] == nil then return false end
            end
            return true
        end
        """#

    @Test func randomValuesComeBackEqual() throws {
        let result = try lua.run(
            Self.generators + "\n" + #"""
                math.randomseed(20261203)
                for i = 1, 2000 do
                    local value = random_value(0)
                    local compact, indented = json.encode(value), json.pretty(value)
                    if not same(json.decode(compact), value) then return "compact " .. compact end
                    if not same(json.decode(indented), value) then return "pretty " .. indented end
                    if json.pretty(json.decode(indented)) ~= indented then
                        return "unstable " .. indented
                    end
                end
                return "ok"
                """#)
        #expect(result == "ok")
    }

    @Test func damagedTextFailsWithAnOffsetOrDecodes() throws {
        let result = try lua.run(
            Self.generators + "\n" + #"""
                math.randomseed(42)
                local decoded, failed = 0, 0
                for _ = 1, 3000 do
                    local text = json.encode(random_value(0))
                    local at = math.random(#text)
                    local damaged = math.random(2) == 1 and text:sub(1, at - 1)
                        or text:sub(1, at - 1) .. string.char(math.random(0, 255))
                          .. text:sub(at + 1)
                    local ok, message = pcall(json.decode, damaged)
                    if ok then
                        decoded = decoded + 1
                    else
                        local offset = message:match("^json%.decode: [^\n]+ at byte (%d+)$")
                        if not offset or tonumber(offset) > #damaged + 1 then return message end
                        failed = failed + 1
                    end
                end
                return decoded + failed, failed > 1000
                """#)
        #expect(result == "3000\ttrue")
    }
}
