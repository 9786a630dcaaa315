import Glibc
import JetEmailClient
import JetEmailHTTP
import PosixSupport
import TerminalBackend

/// The checks that need no network: the key and where it comes from, the config file, the
/// base URL and proxy; then the terminal and the journals' folder.
enum DoctorLocalChecks {
    static func all(connection: ConnectionOptions, environment: [String: String]) -> [DoctorCheck] {
        var checks: [DoctorCheck] = []
        let resolver = APIKeyResolver(keyFile: connection.apiKeyFile, profile: connection.profile, environment: environment)
        do {
            let resolved = try resolver.resolve()
            let shape = resolved.key.prefixWarning == nil ? "an api_ key" : "not an api_ key"
            if resolved.warnings.isEmpty {
                checks.append(.ok("key", "\(resolved.key.masked) (\(shape)) from \(resolved.source)"))
            } else {
                checks.append(.warning("key", "\(resolved.key.masked) from \(resolved.source)", resolved.warnings.joined(separator: " ")))
            }
        } catch {
            checks.append(.error("key", error.description, "Give --api-key-file FILE, set JETEMAIL_API_KEY, or add api_key to \(resolver.configPath)."))
        }
        checks.append(configFile(resolver.configPath))
        do {
            let base = try BaseURL.resolve(flag: connection.baseURL, environment: environment)
            let from = connection.baseURL != nil ? " (--base-url)" : environment["JETEMAIL_BASE_URL"].map { $0.isEmpty ? "" : " (JETEMAIL_BASE_URL)" } ?? ""
            checks.append(base.description == BaseURL.production ? .ok("base URL", base.description)
                          : .warning("base URL", base.description + from, "Not JetEmail's API (\(BaseURL.production)); fine for a sandbox or a test."))
            do {
                if let proxy = try ProxySettings.forTarget(base, environment: environment) {
                    checks.append(.ok("proxy", "\(proxy.kind == .socks ? "SOCKS" : "HTTP") proxy \(proxy.host):\(proxy.port) (from the environment)"))
                } else {
                    checks.append(.ok("proxy", "none (direct)"))
                }
            } catch {
                checks.append(.error("proxy", error.description, "Fix or unset HTTPS_PROXY / ALL_PROXY."))
            }
            checks.append(budgetLedger(FileBudgetLedger(path: FileBudgetLedger.path(for: base, environment: environment)),
                                       limit: connection.budgetRate(environment: environment)))
        } catch {
            checks.append(.error("base URL", error.description, "Fix --base-url or JETEMAIL_BASE_URL."))
        }
        return checks
    }

    /// The request ledger every process of the program shares for this API host: usable or not,
    /// how full the account's window is, who else uses it, and a 429's hold.
    static func budgetLedger(_ ledger: FileBudgetLedger, limit: Int) -> DoctorCheck {
        let now = BudgetClock.now()
        do {
            let (count, others, hold) = try ledger.update { window in
                window.prune(now: now, window: 60, isAlive: ProcessLiveness.isAlive)
                return (window.slots.count, window.others(than: getpid()), window.hold)
            }
            let users = BudgetWait.othersClause(others)
            let detail = "\(ledger.path): \(count) of \(limit) requests in the last minute\(users)"
            if let hold {
                return .warning("request budget", detail + "; a 429 holds every process for \(Int((hold.until - now).rounded(.up))) s more",
                                "Wait for it: JetEmail locks the account out for about five minutes after its limit.")
            }
            return .ok("request budget", detail + " (shared by every jetemail-webhooks process of this user on this machine)")
        } catch {
            if error.kind == .busy { return .ok("request budget", "\(ledger.path): in use by another process right now") }
            return .error("request budget", error.description,
                          "Move it away; until then each process keeps a budget of its own, which the others do not see.")
        }
    }

    /// The config file: private (0600) in a private folder (0700), when there is one.
    static func configFile(_ path: String) -> DoctorCheck {
        var info = stat()
        guard lstat(path, &info) == 0 else { return .ok("config file", "none at \(path)") }
        guard (info.st_mode & S_IFMT) == S_IFREG else { return .error("config file", "\(path) is not a regular file", "Replace it with a file (not a link).") }
        let mode = info.st_mode & 0o777
        let folder = String(path[..<(path.lastIndex(of: "/") ?? path.endIndex)])
        var dir = stat()
        let dirMode = stat(folder.isEmpty ? "/" : folder, &dir) == 0 ? dir.st_mode & 0o777 : 0
        if mode & 0o077 != 0 {
            return .error("config file", "\(path) is readable by others (mode \(String(mode, radix: 8)))", "chmod 600 \(path)")
        }
        if dirMode & 0o077 != 0 {
            return .warning("config file", "\(path) is 0600, in a folder others can read (mode \(String(dirMode, radix: 8)))", "chmod 700 \(folder)")
        }
        return .ok("config file", "\(path) (0600 in a 0700 folder)")
    }

    /// The terminal (TERM known to terminfo, colours, size, a UTF-8 locale) and the folder of
    /// recover journals (writable, private).
    static func terminalAndState(environment: [String: String]) -> [DoctorCheck] {
        var checks: [DoctorCheck] = []
        let info = TerminalCheck.terminfo(environment: environment)
        if !info.known {
            checks.append(.warning("terminal", info.detail, "The TUI needs a known TERM (for example xterm-256color); the verbs work anyway."))
        } else {
            var size = winsize()
            let tty = ioctl(STDOUT_FILENO, UInt(TIOCGWINSZ), &size) == 0 && size.ws_col > 0
            let dims = tty ? ", \(size.ws_col)x\(size.ws_row)" : ", not a terminal here"
            let colors = info.colors.map { ", \($0) colours" } ?? ", no colours"
            if tty && (size.ws_col < 60 || size.ws_row < 10) {
                checks.append(.warning("terminal", info.detail + colors + dims, "The screens need at least 60x10."))
            } else {
                checks.append(.ok("terminal", info.detail + colors + dims))
            }
        }
        let locale = ["LC_ALL", "LC_CTYPE", "LANG"].lazy.compactMap { environment[$0].flatMap { $0.isEmpty ? nil : $0 } }.first ?? ""
        let utf8 = locale.lowercased().filter { $0 != "-" }.contains("utf8")
        checks.append(utf8 ? .ok("locale", locale)
                      : .warning("locale", locale.isEmpty ? "no locale set (C)" : locale, "Set LANG=C.UTF-8 for lines and marks; without it the screens fall back to ASCII."))
        checks.append(stateFolder(RecoverJournal.folder(environment: environment)))
        return checks
    }

    /// The recover journals' folder: private to this user and writable (a file is made and removed).
    static func stateFolder(_ folder: String) -> DoctorCheck {
        var info = stat()
        guard stat(folder, &info) == 0 else {
            // Not made yet: the nearest folder that exists must let it be made.
            var parent = folder
            repeat { parent = String(parent[..<(parent.lastIndex(of: "/") ?? parent.startIndex)]) } while !parent.isEmpty && access(parent, F_OK) != 0
            let target = parent.isEmpty ? "/" : parent
            // The nearest thing that exists must be a folder: under a file (/dev/null) nothing can be made.
            var parentInfo = stat()
            if stat(target, &parentInfo) == 0, parentInfo.st_mode & S_IFMT != S_IFDIR {
                return .error("journals", "\(folder) cannot be made (\(target) is not a folder)", "Set XDG_STATE_HOME to a writable folder, or give recover --journal FILE.")
            }
            return access(target, W_OK) == 0 ? .ok("journals", "\(folder) (made 0700 on the first recover)")
                : .error("journals", "\(folder) cannot be made (\(target) is not writable)", "Set XDG_STATE_HOME to a writable folder, or give recover --journal FILE.")
        }
        guard (info.st_mode & S_IFMT) == S_IFDIR else { return .error("journals", "\(folder) is not a folder", "Move it away; recover makes the folder.") }
        let probe = folder + "/.doctor-\(getpid())"
        let fd = open(probe, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0o600)
        guard fd >= 0 else {
            return .error("journals", "\(folder) is not writable: \(String(cString: strerror(errno)))", "chmod u+w \(folder), or give recover --journal FILE.")
        }
        close(fd)
        unlink(probe)
        if info.st_mode & 0o077 != 0 {
            return .warning("journals", "\(folder) can be read by others (mode \(String(info.st_mode & 0o777, radix: 8)))", "chmod 700 \(folder)")
        }
        return .ok("journals", "\(folder) (private, writable)")
    }
}
