import Foundation
import Testing

@testable import InboxClient

@Suite struct JSONValueTests {
    @Test func bigIntegersStayExact() throws {
        let value = try JSONValue.parse(#"{"id":1566123362161725441,"n":-9223372036854775808}"#)
        #expect(value["id"] == .integer(1_566_123_362_161_725_441))
        #expect(value["n"] == .integer(Int64.min))
        #expect(value.jsonText == #"{"id":1566123362161725441,"n":-9223372036854775808}"#)
    }

    @Test func fractionsAndExponentsAreDoubles() throws {
        let value = try JSONValue.parse("[2.5, 1e3, -0.125, 18446744073709551616]")
        #expect(
            value
                == .array([
                    .double(2.5), .double(1000), .double(-0.125),
                    .double(18_446_744_073_709_551_616),
                ]))
    }

    @Test func memberOrderAndNullSurviveARoundTrip() throws {
        let text = #"{"z":null,"a":[true,false,{}],"m":"x\"y\\\n\u0001é😀"}"#
        let value = try JSONValue.parse(text)
        #expect(value.objectValue?.keys == ["z", "a", "m"])
        #expect(value["z"] == .null)
        #expect(value["missing"] == nil)
        #expect(value["m"] == .string("x\"y\\\n\u{01}é😀"))
        #expect(value.jsonText == #"{"z":null,"a":[true,false,{}],"m":"x\"y\\\n\u0001é😀"}"#)
    }

    @Test func surrogatePairEscapesDecode() throws {
        #expect(try JSONValue.parse(#""\ud83d\ude00""#) == .string("😀"))
    }

    @Test func truncatedInputFailsWithOffset() {
        #expect(throws: JSONParseError(reason: "unexpected end of input", offset: 14)) {
            try JSONValue.parse(#"{"data":[1,2,3"#)
        }
    }

    @Test func invalidDocumentsFail() {
        for text in ["", "nul", "[1,]", "{\"a\" 1}", "01", "\"\u{01}\"", "[1] x", "\"\\x\""] {
            #expect(throws: JSONParseError.self) { try JSONValue.parse(text) }
        }
    }

    @Test func invalidUTF8Fails() {
        #expect(throws: JSONParseError(reason: "invalid UTF-8 in string", offset: 4)) {
            try JSONValue.parse(Data([0x22, 0x61, 0xFF, 0x62, 0x22]))
        }
    }

    @Test func codableEncodingWritesTheSameJSON() throws {
        let value = try JSONValue.parse(#"{"b":1,"a":[1.5,"s",null]}"#)
        let decoded = try JSONDecoder().decode(
            JSONValue.self,
            from: JSONEncoder().encode(value))
        #expect(decoded["b"] == .integer(1))
        #expect(decoded["a"] == .array([.double(1.5), .string("s"), .null]))
    }
}
