import Testing

/// `json.encode` and `json.pretty`: numbers, strings, tables, and errors
/// that name the path of the value at fault.
@Suite struct JSONEncodeTests {
    let lua = LuaRunner()

    @Test(arguments: [
        ("1566123362161725441", "1566123362161725441"),
        ("math.maxinteger", "9223372036854775807"),
        ("math.mininteger", "-9223372036854775808"),
        ("0", "0"),
        ("-42", "-42"),
        ("1.5", "1.5"),
        ("2.0", "2.0"),
        ("-0.0", "-0.0"),
        ("0.1", "0.1"),
        ("1/3", "0.3333333333333333"),
        ("0.1 + 0.2", "0.30000000000000004"),
        ("1e300", "1e+300"),
        ("2^63", "9.223372036854776e+18"),
        ("5e-324", "4.94065645841247e-324"),
        ("true", "true"),
        ("false", "false"),
        ("nil", "null"),
        ("json.null", "null"),
    ])
    func scalars(expression: String, text: String) throws {
        #expect(try lua.run("return json.encode(\(expression))") == text)
    }

    @Test func floatsReadBackExactlyAndStayFloats() throws {
        let result = try lua.run(
            #"""
            local values = {0.1, 1/3, 2^-1074, 1.7976931348623157e308, 123456.789, 2.0, -1e-7}
            local same = 0
            for _, v in ipairs(values) do
                local back = json.decode(json.encode(v))
                if back == v and math.type(back) == "float" then same = same + 1 end
            end
            return same
            """#)
        #expect(result == "7")
    }

    @Test func notANumberAndInfinityAreErrors() {
        #expect(
            lua.failure("return json.encode(0/0)") == "snippet:1: json.encode: cannot encode NaN")
        #expect(
            lua.failure("return json.encode({a = {1, math.huge}})")
                == "snippet:1: json.encode: cannot encode inf at .a[2]")
        #expect(
            lua.failure("return json.encode({-math.huge})")
                == "snippet:1: json.encode: cannot encode -inf at [1]")
    }

    @Test func controlCharactersAreEscaped() throws {
        let result = try lua.run(#"return json.encode("a\0b\1\31\"\\/\n\r\t\b\f\127")"#)
        #expect(result == #""a\u0000b\u0001\u001f\"\\/\n\r\t\b\f\#u{7F}""#)
    }

    @Test func nulBytesRoundTrip() throws {
        let result = try lua.run(
            #"""
            local s = "x\0y\0"
            return json.encode(s), json.decode(json.encode(s)) == s
            """#)
        #expect(result == #""x\u0000y\u0000"\#ttrue"#)
    }

    @Test func utf8PassesThroughAndInvalidUTF8IsAnError() throws {
        #expect(try lua.run(#"return json.encode("café 😀")"#) == "\"café 😀\"")
        #expect(
            lua.failure(#"return json.encode({name = "ab\xff"})"#)
                == "snippet:1: json.encode: invalid UTF-8 at byte 3 of string at .name")
        #expect(
            lua.failure(#"return json.encode("\xed\xa0\x80")"#)
                == "snippet:1: json.encode: invalid UTF-8 at byte 1 of string")
    }

    @Test func sequencesAndMarkedTablesAreArrays() throws {
        let result = try lua.run(
            #"""
            return json.encode({1, "two", {3}}), json.encode(json.array{}),
                json.encode(json.array{1, json.null, 3}), json.encode({[1] = "a", [2] = "b"})
            """#)
        #expect(result == "[1,\"two\",[3]]\t[]\t[1,null,3]\t[\"a\",\"b\"]")
    }

    @Test func stringKeyedTablesAreObjectsAndEmptyOnesStayObjects() throws {
        let result = try lua.run(
            #"""
            local text = json.encode({id = 1566123362161725441, tags = json.array(), meta = {}})
            local back = json.decode(text)
            return json.encode({a = 1}), json.encode({}), #text, back.id, json.encode(back.tags),
                json.encode(back.meta)
            """#)
        #expect(result == "{\"a\":1}\t{}\t46\t1566123362161725441\t[]\t{}")
    }

    @Test(arguments: [
        ("{1, 2, x = 3}", ""),
        ("{x = 3, 1, 2}", ""),
        ("{[1] = 1, [3] = 3}", ""),
        ("{[0] = 0}", ""),
        ("{[1.5] = 1}", ""),
        ("{[true] = 1}", ""),
        ("{list = {[2] = 1}}", " at .list"),
        ("{a = {b = {x = 1, [10] = 2}}}", " at .a.b"),
        ("json.array{1, 2, x = 3}", ""),
        ("{json.array{[0] = 1}}", " at [1]"),
    ])
    func mixedSparseAndOtherKeysAreErrors(table: String, path: String) {
        #expect(
            lua.failure("return json.encode(\(table))")
                == "snippet:1: json.encode: cannot encode a table whose keys are neither "
                + "1..n nor all strings" + path)
    }

    @Test(arguments: [
        ("{threads = {1, 2, {fn = print}}}", "function at .threads[3].fn"),
        ("print", "function"),
        ("{io.stdout}", "userdata at [1]"),
        ("{co = coroutine.create(print)}", "thread at .co"),
        (#"{["a b"] = {print}}"#, #"function at ["a b"][1]"#),
        ("{_x9 = {print}}", "function at ._x9[1]"),
    ])
    func valuesJSONCannotHoldAreErrorsNamingThePath(value: String, message: String) {
        #expect(
            lua.failure("return json.encode(\(value))")
                == "snippet:1: json.encode: cannot encode " + message)
    }

    @Test func cyclesAreErrorsButSharedTablesAreNot() throws {
        #expect(
            lua.failure("local t = {}; t.self = t; return json.encode({a = {b = t}})")
                == "snippet:1: json.encode: table contains itself at .a.b.self")
        #expect(
            lua.failure("local t = json.array(); t[1] = {t}; return json.encode(t)")
                == "snippet:1: json.encode: table contains itself at [1][1]")
        #expect(try lua.run("local s = {1}; return json.encode({s, s})") == "[[1],[1]]")
    }

    @Test func nestingDeeperThanTheLimitIsAnError() throws {
        func nested(_ levels: Int) -> String {
            "local t = {}; local inner = t; for _ = 2, \(levels) do inner[1] = {}; "
                + "inner = inner[1] end; "
        }
        #expect(try lua.run(nested(1000) + "return #json.encode(t)") == "2000")
        #expect(
            lua.failure(nested(1001) + "return json.encode(t)")
                == "snippet:1: json.encode: nesting deeper than 1000 levels at "
                + "[1][1][1][1][1][1]...[1][1][1][1][1][1]")
    }

    @Test func prettyIndentsAndSortsKeys() throws {
        let result = try lua.run(
            #"""
            return json.pretty({b = {1, {z = true, y = json.null}}, a = {}, c = json.array(),
                ["é"] = "x", B = 2})
            """#)
        #expect(
            result == """
                {
                  "B": 2,
                  "a": {},
                  "b": [
                    1,
                    {
                      "y": null,
                      "z": true
                    }
                  ],
                  "c": [],
                  "é": "x"
                }
                """)
    }

    @Test func prettyTakesAnIndentWidth() throws {
        #expect(
            try lua.run("return json.pretty({k = {1}}, 4)")
                == "{\n    \"k\": [\n        1\n    ]\n}")
        #expect(try lua.run("return json.pretty(5), json.pretty({})") == "5\t{}")
    }

    @Test func prettyReportsMixedKeysLikeEncode() {
        #expect(
            lua.failure("return json.pretty({x = {a = 1, [2] = 2}})")
                == "snippet:1: json.encode: cannot encode a table whose keys are neither "
                + "1..n nor all strings at .x")
    }
}
