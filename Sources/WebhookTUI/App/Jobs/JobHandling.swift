import TerminalUI

/// Jobs carried out for the whole program: started and ordered by what a screen asks
/// (`Outcome.jobs`), followed through their runners' reports (`AppEvent.job`). What a report
/// tells the screens goes to every one; a line goes to the screen the person is on.
extension AppState {
    mutating func request(_ request: JobRequest, from id: ScreenID) {
        let owner = modals.first { $0.id == id }?.owner ?? id
        switch request {
        case .start(let state, let order):
            for job in jobs where job.state.isRunning {
                if let why = state.refusesToStart(beside: job.state) { setStatus(StatusMessage(.warning, why), of: owner); return }
            }
            // An ended job of the same kind gives its place to the new one.
            jobs.removeAll { !$0.state.isRunning && type(of: $0.state) == type(of: state) }
            let jobID = JobID(nextJobID)
            nextJobID += 1
            var started = state
            started.ordered(order)
            jobs.append(JobEntry(id: jobID, state: started))
            outbox.append(.job(jobID, order))
            tellJobsChanged()
        case .order(let jobID, let order):
            guard let index = jobs.firstIndex(where: { $0.id == jobID }) else { return }
            jobs[index].state.ordered(order)
            outbox.append(.job(jobID, order))
            tellJobsChanged()
        }
    }

    mutating func reported(_ report: JobReport, by jobID: JobID) {
        guard let index = jobs.firstIndex(where: { $0.id == jobID }) else { return }
        let news = jobs[index].state.apply(report)
        for message in news.messages {
            for id in screens.map(\.id) { withScreen(id) { screen, context in screen.receive(message, context) } }
        }
        if let status = news.status { setStatus(status, of: topScreen.id) }
        tellJobsChanged()
    }

    /// What quitting now would stop, in words, one line a job.
    var jobsQuitWarnings: [String] { jobs.compactMap(\.state.quitWarning) }

    /// Screens that show a job copy it again.
    private mutating func tellJobsChanged() {
        for id in screens.map(\.id) { withScreen(id) { screen, context in screen.receive(ScreenMessage(JobsChanged()), context) } }
    }
}
