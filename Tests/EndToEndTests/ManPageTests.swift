import Foundation
import Testing

/// The manual page is made from the same option tables as `--help`: every subcommand has its
/// section, and every option its help lists is in that section; roff's special characters are
/// escaped, and `man` renders it without a warning.
@Suite struct ManPageTests {
    static let subcommands = ["create", "list", "get", "update", "delete", "query", "replay", "recover", "stats", "send-example",
                              "verify", "doctor", "sandbox"]

    @Test func everySubcommandsOptionsFromItsHelpAreInTheManual() async throws {
        let man = try await BuiltProgram.run(["man"])
        #expect(man.status == 0 && man.stdout.hasPrefix(".TH JETEMAIL\\-WEBHOOKS 1"))
        let sections = man.stdout.components(separatedBy: "\n.SS ")
        for name in Self.subcommands {
            let help = try await BuiltProgram.run(["help", name])
            #expect(help.status == 0)
            // Every `--option` the help names, in its table or its prose (punctuation around it dropped).
            let options = Set(help.stdout.split(whereSeparator: { !($0.isLetter || $0.isNumber || $0 == "-") })
                .filter { $0.hasPrefix("--") && $0.count > 2 && $0.dropFirst(2).first?.isLetter == true }.map(String.init))
            #expect(!options.isEmpty, "\(name) lists options")
            let escapedName = name.replacingOccurrences(of: "-", with: "\\-")
            guard let section = sections.first(where: { $0.hasPrefix(escapedName + "\n") || $0.hasPrefix(escapedName + " ") }) else {
                Issue.record("no section for \(name)")
                continue
            }
            for option in options where option != "--help" && option != "--version" {
                #expect(section.contains("\\fB" + option.replacingOccurrences(of: "-", with: "\\-") + "\\fR"), "\(name): \(option) is not in the manual")
            }
        }
        // Nothing outside ASCII reaches roff raw, and no text line starts with a dot it did not mean.
        #expect(man.stdout.unicodeScalars.allSatisfy { $0.isASCII })
    }

    @Test func manRendersItWithoutWarnings() async throws {
        guard FileManager.default.isExecutableFile(atPath: "/usr/bin/groff") else { return }
        let man = try await BuiltProgram.run(["man"])
        let path = NSTemporaryDirectory() + "jetemail-webhooks-\(getpid()).1"
        try man.stdout.write(toFile: path, atomically: true, encoding: .utf8)
        defer { try? FileManager.default.removeItem(atPath: path) }
        let groff = Process()
        groff.executableURL = URL(fileURLWithPath: "/usr/bin/groff")
        groff.arguments = ["-man", "-Tutf8", "-ww", "-z", path]
        let errors = Pipe()
        groff.standardError = errors
        try groff.run()
        let text = String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        groff.waitUntilExit()
        #expect(text.isEmpty, "groff warned: \(text.prefix(400))")
    }
}
