// swift-tools-version:6.0
import PackageDescription

/// The language mode of every target. The `JetEmailClient` library takes only this: SwiftPM
/// refuses a dependency whose targets carry unsafe flags, and the client is meant to be used by
/// other packages.
let language: [SwiftSetting] = [.swiftLanguageMode(.v6)]

/// The program's own targets, which no other package builds, add a start-up flag: generic types
/// such as [String: [String]] get their metadata through accessors that are handed the
/// conformances at compile time, instead of by mangled name, which makes the runtime look each
/// conformance up (a scan of all 6,000 conformance records in the binary) on the way to the first frame.
let strict: [SwiftSetting] = language + [
    .unsafeFlags(["-Xfrontend", "-disable-concrete-type-metadata-mangled-name-accessors"]),
]

let package = Package(
    name: "jetemail-webhooks",
    platforms: [.macOS(.v14)],
    products: [
        .executable(name: "jetemail-webhooks", targets: ["jetemail-webhooks"]),
        .library(name: "JetEmailClient", targets: ["JetEmailClient", "JetEmailHTTP"]),
    ],
    dependencies: [
        .package(url: "https://github.com/swift-server/async-http-client.git", exact: "1.37.0"),
        .package(url: "https://github.com/apple/swift-nio.git", exact: "2.101.3"),
        .package(url: "https://github.com/apple/swift-nio-ssl.git", exact: "2.37.6"),
    ],
    targets: [
        // ncursesw through a C module map; the shim header wraps macros and globals Swift cannot import.
        // The libraries are linked statically by TerminalBackend (below), so the module map names none.
        .systemLibrary(
            name: "CNcursesw",
            providers: [.apt(["libncursesw5-dev"])]
        ),
        // Restores the terminal from a fatal-signal handler (async-signal-safe C).
        .target(name: "CTerminalGuard"),
        // Keeps the one-file build runnable on glibc 2.35: an arc4random for the static libstdc++.
        .target(name: "CGlibcCompat"),
        // The shared JetEmail client: models, schema-exact validation, configuration, the API's
        // requests and answers over any `HTTPTransport`. No UI, and no NIO: the pure core uses it.
        .target(name: "JetEmailClient", dependencies: ["PosixSupport", "SafeText"], swiftSettings: language),
        // Text from a server, a file or a paste made safe for a terminal (control characters and
        // bidirectional overrides written as escapes): the client's output and the UI's grid both use it.
        .target(name: "SafeText", swiftSettings: language),
        // Small POSIX helpers every layer needs: writing every byte, reading the environment.
        .target(name: "PosixSupport", swiftSettings: language),
        // A terminal UI kit with no JetEmail knowledge: keys, the cell grid, styles, display width,
        // wrapping, text input. The ncurses backend depends on it alone.
        .target(name: "TerminalUI", dependencies: ["SafeText"], swiftSettings: strict),
        // The transport the program uses: AsyncHTTPClient (SwiftNIO, BoringSSL), deadlines,
        // proxies, a CA file, and whether a request left.
        .target(
            name: "JetEmailHTTP",
            dependencies: [
                "JetEmailClient",
                .product(name: "AsyncHTTPClient", package: "async-http-client"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOHTTP1", package: "swift-nio"),
                .product(name: "NIOPosix", package: "swift-nio"),
                .product(name: "NIOSSL", package: "swift-nio-ssl"),
                .product(name: "NIOTLS", package: "swift-nio"),
            ],
            swiftSettings: language
        ),
        // A local stand-in for the JetEmail API on 127.0.0.1, for the demo and for tests.
        .target(
            name: "JetEmailSandbox",
            dependencies: [
                "JetEmailClient",
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOPosix", package: "swift-nio"),
                .product(name: "NIOHTTP1", package: "swift-nio"),
                .product(name: "NIOConcurrencyHelpers", package: "swift-nio"),
            ],
            swiftSettings: strict
        ),
        // The pure core of the terminal UI: state, update, render to a cell grid. No curses, no I/O.
        .target(
            name: "WebhookTUI",
            dependencies: ["JetEmailClient", "TerminalUI"],
            swiftSettings: strict
        ),
        // The thin ncurses shell: draws a grid, reads keys, handles signals and resizes.
        .target(
            name: "TerminalBackend",
            dependencies: ["CNcursesw", "CTerminalGuard", "TerminalUI", "PosixSupport"],
            swiftSettings: strict,
            // ncurses linked in statically (terminfo is still read from the machine it runs on), so the
            // one-file build needs no libncursesw/libtinfo there. `-l:` takes the archive by file name.
            linkerSettings: [.linkedLibrary(":libncursesw.a"), .linkedLibrary(":libtinfo.a")]
        ),
        .executableTarget(
            name: "jetemail-webhooks",
            dependencies: [
                "JetEmailClient", "JetEmailHTTP", "JetEmailSandbox", "WebhookTUI", "TerminalUI", "TerminalBackend", "PosixSupport",
                "CGlibcCompat",
            ],
            exclude: ["StaticLink"],
            swiftSettings: strict,
            linkerSettings: [
                // Export no symbols from the executable: SwiftPM exports all ~25,000 by default, and
                // the runtime's one dladdr() at start-up then scans them all (0.45 ms of every start).
                .unsafeFlags(["-Xlinker", "--no-export-dynamic"]),
                // Release builds take libstdc++ and libgcc statically and zlib only if used, through
                // the linker scripts in StaticLink/: 0.6-0.9 ms less at every start (no symbol
                // binding against libstdc++.so) and no GLIBCXX version to match on the server.
                // Debug builds load the Swift runtime as shared libraries with their own libstdc++.
                .unsafeFlags(
                    ["-L", Context.packageDirectory + "/Sources/jetemail-webhooks/StaticLink"],
                    .when(configuration: .release)
                ),
            ]
        ),
        // Helpers shared by the test targets: temporary folders, a seeded random generator.
        .target(name: "TestSupport", path: "Tests/TestSupport", swiftSettings: strict),
        .testTarget(
            name: "JetEmailClientTests",
            dependencies: ["JetEmailClient", "JetEmailHTTP", "JetEmailSandbox", "PosixSupport", "TestSupport"],
            swiftSettings: strict
        ),
        .testTarget(
            name: "TerminalUITests",
            dependencies: ["TerminalUI"],
            swiftSettings: strict
        ),
        // The ncurses layer's own logic: decoding the terminal's bytes into keys.
        .testTarget(
            name: "TerminalBackendTests",
            dependencies: ["TerminalBackend", "TerminalUI"],
            swiftSettings: strict
        ),
        .testTarget(
            name: "WebhookTUITests",
            dependencies: ["WebhookTUI", "TerminalUI", "JetEmailClient", "PosixSupport", "TestSupport"],
            exclude: ["Golden"],
            swiftSettings: strict
        ),
        // Runs the built executable as a user would: as a command, and in a real terminal through tmux.
        .testTarget(
            name: "EndToEndTests",
            dependencies: ["jetemail-webhooks", "JetEmailClient", "JetEmailSandbox", "WebhookTUI", "TerminalUI", "TestSupport"],
            swiftSettings: strict
        ),
    ]
)
