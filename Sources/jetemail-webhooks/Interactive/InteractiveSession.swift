import Dispatch
import FoundationEssentials
import Glibc
import JetEmailClient
import TerminalBackend
import WebhookTUI
import TerminalUI

/// The shell around the pure core: feeds it keys, resizes, signals and effect results, runs
/// the effects it asks for, and draws what it renders. Everything here runs on the main actor;
/// network work runs in tasks whose results come back here.
@MainActor
final class InteractiveSession {
    private var state: AppState
    private let terminal: Terminal
    private let effects: EffectRunner
    private let clock = ContinuousClock()
    private let started: ContinuousClock.Instant
    private var sources: [any DispatchSourceProtocol] = []
    private var ticker: (any DispatchSourceTimer)?
    /// One tick at the time a screen asked to wake (`AppState.nextWake`), and that time.
    private var waker: (any DispatchSourceTimer)?
    private var wakeAt: Double?
    private var finished: CheckedContinuation<Void, Never>?
    private var ended = false
    private(set) var exitSignal: Int32?
    /// What the core asked to be said on stderr once the terminal is back (something lost).
    var exitNotice: String? { state.exitNotice }
    /// After SIGHUP the terminal is gone: nothing more is drawn.
    private var terminalGone = false
    /// Bumped by every read, so that only the latest pending-input flush runs.
    private var flushGeneration = 0

    init(state: AppState, terminal: Terminal, effects: EffectRunner) {
        self.state = state
        self.terminal = terminal
        self.effects = effects
        started = clock.now
    }

    /// The wall clock now, less the seconds `now` will count, and the local UTC offset.
    private static func wallClock() -> WallClock { SystemClock.wallClock() }

    private var now: Double {
        let elapsed = clock.now - started
        return Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
    }

    /// Takes the terminal and draws the first frame. Keys, signals and results arrive as events
    /// once the main queue runs.
    func begin() {
        // Signals become events; curses must not install its own handlers, so ignore them first.
        for signo in [SIGINT, SIGTERM, SIGHUP, SIGWINCH, SIGTSTP] { signal(signo, SIG_IGN) }
        terminal.start()
        state.columns = terminal.columns
        state.rows = terminal.rows
        state.clock = Self.wallClock()
        effects.deliver = { [weak self] event in self?.dispatch(event) }
        effects.copy = { [terminal] text in terminal.copyToClipboard(text) }
        redraw()
        // Event sources come after the first frame, so it does not wait for them. Nothing is
        // read before the main queue runs anyway; a resize in between is caught by the size check.
        listen()
        if terminal.sizeIsStale { handleSignal(SIGWINCH) }
        // Screens that load (the list) start on the next turn, after the first frame is out.
        if state.wantsStart {
            DispatchQueue.main.async { [weak self] in MainActor.assumeIsolated { self?.dispatch(.start) } }
        }
        effects.lookForStoppedRecovers()
        // Work that can wait a second (the form's lists of users and domains: the first HTTPS
        // connection, its TLS setup and trust store) does, so the first keys never queue behind it.
        DispatchQueue.main.asyncAfter(deadline: .now() + .seconds(1)) { [weak self] in
            MainActor.assumeIsolated {
                guard let self, !self.ended, self.state.wantsSettled else { return }
                self.dispatch(.settled)
            }
        }
    }

    /// Returns when the person quits or a signal ends the form, with the terminal given back.
    func end() async {
        // An event may already have ended it before this runs.
        if !ended { await withCheckedContinuation { finished = $0 } }
        sources.forEach { $0.cancel() }
        ticker?.cancel()
        waker?.cancel()
        terminal.stop()
    }

    private func listen() {
        let input = DispatchSource.makeReadSource(fileDescriptor: STDIN_FILENO, queue: .main)
        input.setEventHandler { [weak self] in MainActor.assumeIsolated { self?.readInput() } }
        input.resume()
        sources.append(input)
        for signo in [SIGWINCH, SIGTERM, SIGHUP, SIGINT] {
            let source = DispatchSource.makeSignalSource(signal: signo, queue: .main)
            source.setEventHandler { [weak self] in MainActor.assumeIsolated { self?.handleSignal(signo) } }
            source.resume()
            sources.append(source)
        }
    }

    private func readInput() {
        let input = terminal.readKeys()
        // End of input (the terminal is gone): treat like a hang-up.
        if input.ended && input.keys.isEmpty { handleSignal(SIGHUP); return }
        take(input.keys)
        scheduleFlush(after: input.flushAfterMilliseconds)
        if input.ended { handleSignal(SIGHUP) }
    }

    /// Feeds decoded keys to the core; Ctrl-Z suspends here, in the shell.
    private func take(_ keys: [Key]) {
        guard !keys.isEmpty else { return }
        for key in keys {
            if GlobalBindings.isSuspend(key) {
                terminal.suspend()
                terminal.refreshSize()
                apply(.resize(columns: terminal.columns, rows: terminal.rows))
                continue
            }
            apply(.key(key))
        }
        redraw()
    }

    /// A lone ESC (or a partial sequence) becomes a key once nothing more arrives in time.
    private func scheduleFlush(after milliseconds: Int?) {
        flushGeneration += 1
        guard let milliseconds else { return }
        let generation = flushGeneration
        DispatchQueue.main.asyncAfter(deadline: .now() + .milliseconds(milliseconds)) { [weak self] in
            MainActor.assumeIsolated {
                guard let self, self.flushGeneration == generation, !self.ended else { return }
                self.take(self.terminal.flushInput())
            }
        }
    }

    private func handleSignal(_ signo: Int32) {
        if signo == SIGWINCH {
            terminal.refreshSize()
            dispatch(.resize(columns: terminal.columns, rows: terminal.rows))
            return
        }
        exitSignal = signo
        if signo == SIGHUP { terminalGone = true }
        dispatch(.terminate)
    }

    /// One event in: update, run effects, draw.
    func dispatch(_ event: AppEvent) {
        apply(event)
        redraw()
    }

    private func apply(_ event: AppEvent) {
        let (next, requested) = update(state, event, now: now)
        state = next
        requested.forEach(effects.run)
        if state.quitRequested { finish(); return }
        updateTicker()
        updateWaker()
    }

    private func redraw() {
        guard !terminalGone, !ended else { return }
        terminal.draw(render(state))
    }

    /// Ticks (10 a second) only while something on screen moves.
    private func updateTicker() {
        if state.wantsTicks, ticker == nil {
            let timer = DispatchSource.makeTimerSource(queue: .main)
            timer.schedule(deadline: .now() + .milliseconds(100), repeating: .milliseconds(100))
            timer.setEventHandler { [weak self] in MainActor.assumeIsolated { self?.dispatch(.tick) } }
            timer.resume()
            ticker = timer
        } else if !state.wantsTicks, let timer = ticker {
            timer.cancel()
            ticker = nil
        }
    }

    /// One tick when a screen has work of its own due (figures gone stale, a poll), and none in
    /// between; at least a fifth of a second apart, so that a burst of keys wakes it once.
    private func updateWaker() {
        let next = state.nextWake
        guard next != wakeAt else { return }
        waker?.cancel()
        waker = nil
        wakeAt = next
        guard let next else { return }
        let timer = DispatchSource.makeTimerSource(queue: .main)
        let seconds = min(max(0.2, next - now), 86_400)
        timer.schedule(deadline: .now() + .milliseconds(Int(seconds * 1000)))
        timer.setEventHandler { [weak self] in
            MainActor.assumeIsolated {
                guard let self, !self.ended else { return }
                self.waker = nil
                self.wakeAt = nil
                self.dispatch(.tick)
            }
        }
        timer.resume()
        waker = timer
    }

    /// After the terminal is given back: jobs still running stop after the step in flight (a
    /// few seconds at most); what to say on stderr about them.
    func stopJobs() async -> String? {
        var notices: [String] = []
        for runner in effects.jobRunners {
            if let notice = await runner.stopForExit(waitingUpTo: 5, connection: state.connectionWords) { notices.append(notice) }
        }
        return notices.isEmpty ? nil : notices.joined(separator: "\n")
    }

    private func finish() {
        effects.cancelAll()
        ended = true
        finished?.resume()
        finished = nil
    }
}
