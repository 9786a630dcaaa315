import Foundation
import Testing

/// The documentation a reader follows: README.md is a short front door (at most 300 lines,
/// opening with the two commands), and every relative link in it, CONTRIBUTING.md and docs/
/// leads to a file that exists and, with a `#anchor`, to a heading that file has.
@Suite struct DocumentationLinksTests {
    static let root = URL(fileURLWithPath: "\(#filePath)").deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    static var documents: [URL] {
        let docs = (try? FileManager.default.contentsOfDirectory(atPath: root.appendingPathComponent("docs").path)) ?? []
        return [root.appendingPathComponent("README.md"), root.appendingPathComponent("CONTRIBUTING.md")]
            + docs.filter { $0.hasSuffix(".md") }.sorted().map { root.appendingPathComponent("docs/" + $0) }
    }

    /// The lines outside fenced code blocks.
    static func prose(_ text: String) -> [String] {
        var inFence = false
        return text.components(separatedBy: "\n").filter { line in
            if line.hasPrefix("```") { inFence.toggle(); return false }
            return !inFence
        }
    }

    /// GitHub's anchors for a Markdown file's headings (lowercased; letters, digits, `-` and `_`
    /// kept; spaces become `-`; a repeated one gets `-1`, `-2`…).
    static func anchors(_ text: String) -> Set<String> {
        var seen: [String: Int] = [:]
        var out = Set<String>()
        for line in prose(text) where line.hasPrefix("#") {
            let title = line.drop { $0 == "#" }.trimmingCharacters(in: .whitespaces)
            var slug = ""
            for c in title.lowercased() {
                if c.isLetter || c.isNumber || c == "-" || c == "_" { slug.append(c) } else if c == " " { slug.append("-") }
            }
            let n = seen[slug, default: 0]
            seen[slug] = n + 1
            out.insert(n == 0 ? slug : "\(slug)-\(n)")
        }
        return out
    }

    @Test func everyRelativeLinkResolvesToAFileAndItsHeading() throws {
        #expect(Self.documents.count >= 8, "README, CONTRIBUTING and the docs")
        var checked = 0
        for document in Self.documents {
            let text = try String(contentsOf: document, encoding: .utf8)
            let name = document.path.replacingOccurrences(of: Self.root.path + "/", with: "")
            for line in Self.prose(text) {
                for match in line.matches(of: /\]\(([^)\s]+)\)/) {
                    let target = String(match.1)
                    if target.hasPrefix("http://") || target.hasPrefix("https://") {
                        #expect(URL(string: target)?.host != nil, "\(name): \(target)")
                        continue
                    }
                    let parts = target.split(separator: "#", maxSplits: 1, omittingEmptySubsequences: false).map(String.init)
                    let file = parts[0].isEmpty ? document : document.deletingLastPathComponent().appendingPathComponent(parts[0]).standardizedFileURL
                    checked += 1
                    guard FileManager.default.fileExists(atPath: file.path) else {
                        Issue.record("\(name): \(target) leads nowhere")
                        continue
                    }
                    if parts.count == 2 {
                        let headings = Self.anchors(try String(contentsOf: file, encoding: .utf8))
                        #expect(headings.contains(parts[1]), "\(name): \(target): no such heading in \(file.lastPathComponent)")
                    }
                }
            }
        }
        #expect(checked >= 20, "links were found: \(checked)")
    }

    @Test func theReadmeIsAShortFrontDoorOpeningWithTheTwoCommands() throws {
        let readme = try String(contentsOf: Self.root.appendingPathComponent("README.md"), encoding: .utf8)
        let lines = readme.components(separatedBy: "\n")
        #expect(lines.count <= 300, "\(lines.count) lines")
        let firstBlock = readme.components(separatedBy: "```sh\n").dropFirst().first?.components(separatedBy: "```").first
        #expect(firstBlock == "swift run jetemail-webhooks --demo\nswift test\n", "\(firstBlock ?? "no code block")")
        #expect(readme.contains("swift-packages") == false, "requirements, not a machine's name")
    }

    @Test func anchorsAreMadeAsGitHubMakesThem() {
        #expect(Self.anchors("# Scripts: `create --no-input`\n## The request budget\n## Keys\n## Keys") == ["scripts-create---no-input", "the-request-budget", "keys", "keys-1"])
    }
}
