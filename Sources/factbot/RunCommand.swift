import ArgumentParser
import FactbotCore
import FactbotIRC
import FactbotLoader
import FactbotRefresh
import Foundation
import Logging

/// `factbot run`: the IRC bot, refreshing its sources in the background on a schedule.
struct RunCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "run",
        abstract: "Run the IRC bot and refresh the sources every [refresh] interval in the background.",
        discussion: IRCOptions.discussion
            + "\n\nThe first refresh runs at start-up; each later one after `interval` (±10%). A refresh never stalls answers: the new text replaces the old in one step when it is ready."
    )

    @OptionGroup var options: GlobalOptions
    @OptionGroup var irc: IRCOptions

    func run() throws {
        let (bot, logger) = try irc.prepare(options)
        let refreshThread = Thread {
            var schedule = RefreshSchedule(interval: bot.loaded.config.refresh.interval, firstRun: Monotonic.now)
            while true {
                if schedule.start(now: Monotonic.now) {
                    let loaded = bot.loaded
                    do {
                        let failed = try SourceRefresh.run(SourceRefresh.configuredTargets(loaded.knowledge), loaded: loaded, userAgent: Factbot.userAgent) {
                            logger.info("refresh: \($0)")
                        }
                        if failed > 0 { logger.warning("refresh: \(failed) source(s) failed; their last good copies stay in use") }
                    } catch {
                        logger.error("refresh: \(error)")
                    }
                    IRCOptions.reload(bot, logger: logger, why: "refresh")
                    schedule.finish(now: Monotonic.now, random: Double.random(in: 0..<1))
                }
                Thread.sleep(forTimeInterval: 1)
            }
        }
        refreshThread.start()
        try irc.run(bot: bot, logger: logger)
    }
}
