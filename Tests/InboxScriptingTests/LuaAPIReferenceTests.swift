import Foundation
import Testing

@testable import InboxScripting

@Suite struct LuaAPIReferenceTests {
    @Test func docsLuaAPIIsGeneratedFromTheBindings() throws {
        let path = ExampleScriptTests.root.appendingPathComponent("docs/lua-api.md").path
        let generated = LuaAPIReference.markdown()
        if ProcessInfo.processInfo.environment["UPDATE_DOCS"] == "1" {
            try generated.write(toFile: path, atomically: true, encoding: .utf8)
        }
        #expect(try String(contentsOfFile: path, encoding: .utf8) == generated)
    }

    @Test func everyBindingAppearsOnce() {
        let text = LuaAPIReference.markdown()
        for binding in Binding.all {
            #expect(text.components(separatedBy: "### `\(binding.signature)`").count == 2)
        }
    }
}
