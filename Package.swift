// swift-tools-version:6.0
//
// The layers of DESIGN.md, bottom up. A target only depends on the layers
// below it: the Inbox client and the emulator build without Lua, and the Lua
// wrapper knows nothing of Inbox.

import PackageDescription

let package = Package(
    name: "inbox-lua",
    products: [
        .executable(name: "inbox-lua", targets: ["InboxLuaCLI"]),
        .library(name: "LuaKit", targets: ["LuaKit"]),
        .library(name: "InboxClient", targets: ["InboxClient"]),
        .library(name: "InboxNetworking", targets: ["InboxNetworking"]),
        .library(name: "InboxEmulator", targets: ["InboxEmulator"]),
        .library(name: "InboxScripting", targets: ["InboxScripting"]),
    ],
    targets: [
        // MARK: - C libraries (Debian packages)

        // Their headers and libraries sit in Debian's default paths, so no pkg-config: the
        // -L it would add ahead of the release build's Linker/static (see InboxLuaCLI) would
        // pick the shared libraries, which cost every start of inbox-lua their loading.
        .systemLibrary(
            name: "CLua",
            providers: [.apt(["liblua5.4-dev"])]
        ),
        .systemLibrary(
            name: "CSQLite",
            providers: [.apt(["libsqlite3-dev"])]
        ),
        .systemLibrary(
            name: "CEdit",
            providers: [.apt(["libedit-dev"])]
        ),
        // Headers only: the library is loaded on first use by MicroHTTPDLoader.
        .systemLibrary(
            name: "CMicroHTTPD",
            providers: [.apt(["libmicrohttpd-dev"])]
        ),

        // MARK: - Lua wrapper: states, values, functions, errors, limits

        // Lua is linked statically, as Debian's own lua5.4 binary is: calls into
        // the VM are then direct rather than through a shared library's PLT
        // (about 20% of a call from Lua into C). Like lua5.4 (-Wl,-E), the
        // executable exports the Lua API so that C modules (cjson.so) load.
        .target(
            name: "LuaKit",
            dependencies: ["CLua"],
            linkerSettings: [
                .unsafeFlags(["-Xlinker", "-l:liblua5.4.a", "-Xlinker", "--export-dynamic"]),
                .linkedLibrary("m"),
                .linkedLibrary("dl"),
            ]
        ),
        .executableTarget(
            name: "LuaKitBench",
            dependencies: ["LuaKit", "CLua"],
            path: "Benchmarks/LuaKitBench"
        ),

        // MARK: - The json module for Lua, in C: its errors are Lua errors

        .target(
            name: "CLuaJSON",
            dependencies: ["CLua"],
            cSettings: [.headerSearchPath("../CLua")]
        ),

        // MARK: - HTTP server on loopback (libmicrohttpd), for the emulator

        // libmicrohttpd's entry points, forwarded to the library loaded on first use, so that
        // linking the emulator does not load GnuTLS into every process at start-up.
        .target(name: "MicroHTTPDLoader", linkerSettings: [.linkedLibrary("dl")]),
        .target(name: "HTTPServer", dependencies: ["CMicroHTTPD", "MicroHTTPDLoader"]),

        // MARK: - Inbox client: domain model, protocol, v1 and v2 over HTTP

        .target(name: "InboxClient"),
        // URLSession (FoundationNetworking) kept apart, so that a program that only talks
        // to the local emulator does not load it.
        .target(name: "InboxNetworking", dependencies: ["InboxClient"]),

        // MARK: - Inbox emulator: a local team in SQLite, served over HTTP

        .target(
            name: "InboxEmulator",
            dependencies: ["InboxClient", "CSQLite", "HTTPServer"]
        ),

        // MARK: - Scripting: the inbox, json and log modules, and the host facade

        .target(
            name: "InboxScripting",
            dependencies: [
                "LuaKit", "CLua", "CLuaJSON", "InboxClient", "InboxEmulator", "HTTPServer",
            ]
        ),

        // Times a rule called through the facade against pure Lua (scripts/bench-run).
        .executableTarget(name: "InboxScriptingBench", dependencies: ["InboxScripting", "LuaKit"]),

        // MARK: - Command line

        // The REPL's signal handling and libedit input, in C: a signal handler
        // may only call async-signal-safe functions.
        .target(
            name: "CInboxREPL",
            dependencies: ["CLua", "CEdit"],
            cSettings: [.headerSearchPath("../CLua")]
        ),
        .target(name: "InboxREPL", dependencies: ["LuaKit", "CLua", "CEdit", "CInboxREPL"]),
        // The lua5.4 front end's C pieces: warnings, Ctrl-C, os.exit.
        .target(
            name: "CLuaStandalone",
            dependencies: ["CLua"],
            cSettings: [.headerSearchPath("../CLua")]
        ),
        // libcurl for the live API, loaded on first use rather than at start-up.
        .target(name: "CCurlLoader", linkerSettings: [.linkedLibrary("dl")]),
        // Start-up time (scripts/bench-run) shapes how the release build links:
        // - the Swift runtime and FoundationEssentials statically: loading them as shared
        //   libraries took several times lua5.4's whole start. Everything the executable
        //   links uses FoundationEssentials, not Foundation, whose CoreFoundation and ICU
        //   cost start-up time even when unused; only InboxNetworking (URLSession) needs it;
        // - Debian's libstdc++, libsqlite3 and libedit statically too, through the linker
        //   scripts in Linker/static, which answer -lstdc++, -lsqlite3 and -ledit with the
        //   archives: every shared library costs its loading and relocation at each start;
        // - libcurl is loaded by the live API's transport (CurlTransport) when a script
        //   first uses it, and libmicrohttpd by `emulator serve`.
        .executableTarget(
            name: "InboxLuaCLI",
            dependencies: [
                "LuaKit", "CLua", "CLuaStandalone", "CCurlLoader", "InboxScripting",
                "InboxClient", "InboxEmulator", "HTTPServer", "InboxREPL",
            ],
            linkerSettings: [
                .unsafeFlags(
                    [
                        "-static-stdlib", "-use-ld=lld", "-Xclang-linker", "-no-pie",
                        "-Xclang-linker", "-L\(Context.packageDirectory)/Linker/static",
                        // What the static FoundationEssentials needs but does not name.
                        "-l_FoundationCShims", "-l_FoundationCollections",
                    ], .when(configuration: .release))
            ]
        ),

        // MARK: - Benchmarks

        .executableTarget(
            name: "BenchClient",
            dependencies: ["InboxClient", "InboxNetworking", "HTTPServer"],
            path: "scripts/bench-client/BenchClient"
        ),

        // MARK: - Tests

        .target(
            name: "TestSupport",
            dependencies: ["HTTPServer", "InboxEmulator"],
            path: "Tests/TestSupport"
        ),
        // Runs the built inbox-lua as a subprocess; `swift build` first.
        .testTarget(name: "CLITests", dependencies: ["TestSupport", "HTTPServer"]),
        .testTarget(name: "LuaKitTests", dependencies: ["LuaKit", "CLua"]),
        .testTarget(name: "CLuaJSONTests", dependencies: ["CLuaJSON", "CLua", "LuaKit"]),
        .testTarget(
            name: "InboxREPLTests",
            dependencies: ["InboxREPL", "CInboxREPL", "CLuaJSON", "LuaKit", "CLua"]
        ),
        .testTarget(name: "HTTPServerTests", dependencies: ["HTTPServer", "TestSupport"]),
        .testTarget(
            name: "InboxClientTests",
            dependencies: ["InboxClient", "InboxNetworking", "HTTPServer", "TestSupport"]
        ),
        .testTarget(
            name: "InboxScriptingTests",
            dependencies: ["InboxScripting", "LuaKit", "InboxClient", "InboxEmulator"]
        ),
        .testTarget(
            name: "InboxEmulatorTests",
            dependencies: ["InboxEmulator", "InboxClient", "InboxNetworking", "TestSupport"]
        ),
    ]
)
