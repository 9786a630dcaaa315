import Foundation
import Testing
import TestSupport
@testable import JetEmailClient

@Suite struct SecretFileTests {
    @Test func writesSecretWithMode0600() throws {
        let dir = TemporaryDirectory()
        let path = dir.path + "/hook.whsec"
        let old = umask(0)
        defer { umask(old) }
        try SecretFile.write("whsec_abc", to: path)
        #expect(try String(contentsOfFile: path, encoding: .utf8) == "whsec_abc\n")
        var info = stat()
        #expect(stat(path, &info) == 0)
        #expect(info.st_mode & 0o777 == 0o600)
    }

    @Test func neverOverwrites() throws {
        let dir = TemporaryDirectory()
        let path = dir.file("existing", "keep me")
        #expect(throws: SecretFile.Failure.exists(path)) { try SecretFile.write("whsec_x", to: path) }
        #expect(try String(contentsOfFile: path, encoding: .utf8) == "keep me")
    }

    @Test func neverFollowsSymlinks() throws {
        let dir = TemporaryDirectory()
        let target = dir.path + "/target"
        let link = dir.path + "/link"
        #expect(symlink(target, link) == 0)
        #expect(throws: SecretFile.Failure.exists(link)) { try SecretFile.write("whsec_x", to: link) }
        #expect(!FileManager.default.fileExists(atPath: target), "the dangling link's target must not be created")
    }

    @Test func missingDirectoryAndPermission() throws {
        let dir = TemporaryDirectory()
        #expect(throws: SecretFile.Failure.noDirectory(dir.path + "/nope/s")) { try SecretFile.write("x", to: dir.path + "/nope/s") }
        if getuid() != 0 {
            chmod(dir.path, 0o500)
            defer { chmod(dir.path, 0o700) }
            #expect(throws: SecretFile.Failure.permissionDenied(dir.path + "/s")) { try SecretFile.write("x", to: dir.path + "/s") }
        }
    }

    @Test func errnoValuesMapToMessages() throws {
        #expect(SecretFile.failure(EROFS, "p") == .permissionDenied("p"))
        #expect(SecretFile.failure(ENOSPC, "p") == .diskFull("p"))
        #expect(SecretFile.Failure.diskFull("p").description.contains("disk is full"))
    }

    @Test func abandonRemovesTheReservation() throws {
        let dir = TemporaryDirectory()
        let path = dir.path + "/r"
        let file = try SecretFile.reserve(path)
        #expect(FileManager.default.fileExists(atPath: path))
        file.abandon()
        #expect(!FileManager.default.fileExists(atPath: path))
    }
}
