import Testing

/// `json.decode`: values, numbers, strings, and errors with byte offsets.
@Suite struct JSONDecodeTests {
    let lua = LuaRunner()

    @Test func sixtyFourBitIntegersStayExact() throws {
        let result = try lua.run(
            #"""
            local id = json.decode('{"id":1566123362161725441}').id
            local t = json.decode('[9223372036854775807,-9223372036854775808,0,-7]')
            return id, math.type(id), id == 1566123362161725441,
                t[1] == math.maxinteger, t[2] == math.mininteger, t[3], t[4]
            """#)
        #expect(result == "1566123362161725441\tinteger\ttrue\ttrue\ttrue\t0\t-7")
    }

    @Test func integersBeyondSixtyFourBitsBecomeFloats() throws {
        let result = try lua.run(
            #"""
            local big = json.decode('9223372036854775808')
            local huge = json.decode('-123456789012345678901234567890')
            return math.type(big), big == 2^63, math.type(huge), huge == -1.2345678901234568e29
            """#)
        #expect(result == "float\ttrue\tfloat\ttrue")
    }

    @Test func fractionsAndExponentsAreFloats() throws {
        let result = try lua.run(
            #"""
            local t = json.decode('[1.5,0.1,1e2,-0.0,2.5E-3,1.0,123456.789e3,1e-400,'
              .. '0.30000000000000004]')
            local parts = {}
            for i, v in ipairs(t) do parts[i] = math.type(v) .. " " .. ("%.17g"):format(v) end
            return table.concat(parts, ", ")
            """#)
        #expect(
            result
                == "float 1.5, float 0.10000000000000001, float 100, float -0, "
                + "float 0.0025000000000000001, float 1, float 123456789, float 0, "
                + "float 0.30000000000000004")
    }

    @Test func emptyArraysAndObjectsStayApart() throws {
        let result = try lua.run(
            #"""
            local t = json.decode('{"a":[],"o":{},"n":[[]]}')
            local mark = getmetatable(json.array())
            return getmetatable(t.a) == mark, #t.a, getmetatable(t.o), next(t.o),
                getmetatable(t.n[1]) == mark, getmetatable(t), json.encode(t.a), json.encode(t.o)
            """#)
        #expect(result == "true\t0\tnil\tnil\ttrue\tnil\t[]\t{}")
    }

    @Test func nullIsTheSentinelInArraysAndObjects() throws {
        let result = try lua.run(
            #"""
            local t = json.decode('[1,null,3,{"k":null}]')
            return #t, t[2] == json.null, t[4].k == json.null, t[4].missing
            """#)
        #expect(result == "4\ttrue\ttrue\tnil")
    }

    @Test func largeContainersKeepEveryMember() throws {
        let result = try lua.run(
            #"""
            local items, members = {}, {}
            for i = 1, 1000 do
                items[i] = tostring(i)
                members[i] = ('"k%d":%d'):format(i, i)
            end
            local a = json.decode("[" .. table.concat(items, ",") .. "]")
            local o = json.decode("{" .. table.concat(members, ",") .. "}")
            local count = 0
            for _ in pairs(o) do count = count + 1 end
            return #a, a[1], a[129], a[1000], count, o.k1, o.k300, o.k1000
            """#)
        #expect(result == "1000\t1\t129\t1000\t1000\t1\t300\t1000")
    }

    @Test func laterDuplicateKeysWin() throws {
        #expect(try lua.run(#"return json.decode('{"a":1,"a":2}').a"#) == "2")
    }

    @Test func literalsAndWhiteSpace() throws {
        let result = try lua.run(
            "return json.decode(' \\t\\r\\n[true , false,null ] \\n')[1], "
                + "json.decode('false'), json.decode(' \"x\" ')")
        #expect(result == "true\tfalse\tx")
    }

    @Test func escapesDecodeToTheirBytes() throws {
        let result = try lua.run(
            #"""
            return hex(json.decode([["a\"b\\c\/d\b\f\n\r\t"]]))
            """#)
        #expect(result == "6122625c632f64080c0a0d09")
    }

    @Test func unicodeEscapesIncludingSurrogatePairs() throws {
        let result = try lua.run(
            #"""
            return hex(json.decode([["\u00e9\u00E9\u20ac\ud83d\ude00\u0041"]])),
                json.decode([["caf\u00e9 \ud83d\ude00"]]) == "café 😀"
            """#)
        #expect(result == "c3a9c3a9e282acf09f988041\ttrue")
    }

    @Test func nulBytesComeBackFromEscapes() throws {
        let result = try lua.run(
            #"""
            local s = json.decode([["a\u0000b"]])
            return #s, hex(s)
            """#)
        #expect(result == "3\t610062")
    }

    @Test func rawUTF8PassesThrough() throws {
        let result = try lua.run(#"return hex(json.decode('"é€😀"'))"#)
        #expect(result == "c3a9e282acf09f9880")
    }

    @Test(arguments: [
        (#"json.decode('{"a":1,}')"#, "unexpected character '}' at byte 8"),
        (#"json.decode('[1, 2 x')"#, "unexpected character 'x' at byte 7"),
        (#"json.decode('')"#, "unexpected end of input at byte 1"),
        (#"json.decode('  ')"#, "unexpected end of input at byte 3"),
        (#"json.decode('[1,2')"#, "unexpected end of input at byte 5"),
        (#"json.decode('1 2')"#, "unexpected character '2' at byte 3"),
        (#"json.decode('01')"#, "unexpected character '1' at byte 2"),
        (#"json.decode('-x')"#, "unexpected character 'x' at byte 2"),
        (#"json.decode('1.')"#, "unexpected end of input at byte 3"),
        (#"json.decode('1e+')"#, "unexpected end of input at byte 4"),
        (#"json.decode('tru')"#, "unexpected character 't' at byte 1"),
        (#"json.decode("[\1]")"#, "unexpected byte 0x01 at byte 2"),
        (#"json.decode('{1:2}')"#, "unexpected character '1' at byte 2"),
        (#"json.decode('{"a" 1}')"#, "unexpected character '1' at byte 6"),
        (#"json.decode('"abc')"#, "unterminated string starting at byte 1"),
        (#"json.decode('["a\\')"#, "unterminated string starting at byte 2"),
        (#"json.decode('"a\nb"')"#, "unescaped control character at byte 3"),
        (#"json.decode([["\q"]])"#, "invalid escape '\\q' at byte 2"),
        (#"json.decode([["\u12"]])"#, "invalid \\u escape at byte 2"),
        (#"json.decode([["\u00zz"]])"#, "invalid \\u escape at byte 2"),
        (#"json.decode('[1, -1e400]')"#, "number out of range at byte 5"),
    ])
    func syntaxErrorsGiveTheByteOffset(chunk: String, message: String) {
        #expect(lua.failure("return " + chunk) == "snippet:1: json.decode: " + message)
    }

    @Test(arguments: [
        (#""\"ab\xff\"""#, "invalid UTF-8 at byte 4"),
        (#""\"\xc0\xaf\"""#, "invalid UTF-8 at byte 2"),
        (#""\"x\xed\xa0\x80\"""#, "invalid UTF-8 at byte 3"),
        (#""\"\xe2\x82\"""#, "invalid UTF-8 at byte 2"),
        (#""\"\xf4\x90\x80\x80\"""#, "invalid UTF-8 at byte 2"),
        (#""\"\x80\"""#, "invalid UTF-8 at byte 2"),
        (#"[["x\ud800"]]"#, "lone surrogate at byte 3"),
        (#"[["\udc00"]]"#, "lone surrogate at byte 2"),
        (#"[["\ud800\u0041"]]"#, "lone surrogate at byte 2"),
        (#"[=[["\ud83d x"]]=]"#, "lone surrogate at byte 3"),
    ])
    func invalidUTF8AndLoneSurrogatesGiveTheByteOffset(text: String, message: String) {
        #expect(
            lua.failure("return json.decode(\(text))") == "snippet:1: json.decode: " + message)
    }

    @Test func nestingDeeperThanTheLimitIsAnError() throws {
        #expect(
            try lua.run(
                #"""
                local ok = json.decode(("["):rep(1000) .. ("]"):rep(1000))
                local depth = 0
                while ok[1] do ok, depth = ok[1], depth + 1 end
                return depth
                """#) == "999")
        #expect(
            lua.failure(#"return json.decode(("["):rep(1001) .. ("]"):rep(1001))"#)
                == "snippet:1: json.decode: nesting deeper than 1000 levels at byte 1001")
        #expect(
            lua.failure(#"return json.decode(('{"a":'):rep(2000))"#)
                == "snippet:1: json.decode: nesting deeper than 1000 levels at byte 5001")
    }
}
