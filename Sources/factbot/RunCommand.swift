import ArgumentParser
import FactbotConfig
import FactbotCore
import FactbotIRC
import FactbotRefresh
import Foundation
import Logging

/// `factbot run`: the IRC bot, refreshing its sources in the background on a schedule.
struct RunCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "run",
        abstract: "Run the IRC bot and refresh the sources every [refresh] interval in the background.",
        discussion: IRCOptions.discussion + "\nThe first refresh runs at start-up; each later one after `interval` (±10%). A refresh never stalls answers: the new text replaces the old in one step when it is ready."
    )

    @OptionGroup var options: GlobalOptions
    @OptionGroup var irc: IRCOptions

    func run() throws {
        let (loaded, answerer, logger) = try irc.prepare(options)
        let options = self.options
        let refreshThread = Thread {
            var schedule = RefreshSchedule(interval: loaded.config.refresh.interval, firstRun: Monotonic.now)
            while true {
                if schedule.start(now: Monotonic.now) {
                    let failed = RefreshCommand.refresh(RefreshCommand.configuredTargets(loaded.knowledge), loaded: loaded) { logger.info("refresh: \($0)") }
                    if failed > 0 { logger.warning("refresh: \(failed) source(s) failed; their last good copies stay in use") }
                    if let fresh = try? options.load() {
                        answerer.replace(with: fresh.answerer)
                        logger.info("refresh: answering from the new copies (\(fresh.answerer.quotedSentences) quotable sentences)")
                    }
                    schedule.finish(now: Monotonic.now, random: Double.random(in: 0..<1))
                }
                Thread.sleep(forTimeInterval: 1)
            }
        }
        refreshThread.start()
        irc.run(config: loaded.config, answerer: answerer, logger: logger)
    }
}

