/// The numeric replies the session acts on, named in lowerCamelCase with the RFC or
/// IRCv3 name in the comment.
public enum Numeric {
    /// RPL_WELCOME: registration is complete.
    public static let welcome = 1
    /// RPL_ISUPPORT: server features (CASEMAPPING, NICKLEN...).
    public static let isupport = 5
    /// RPL_NAMREPLY: the names in a channel, each after its PREFIX symbols.
    public static let namesReply = 353
    /// RPL_VISIBLEHOST: the host others now see for us.
    public static let visibleHost = 396
    /// ERR_NOSUCHNICK
    public static let noSuchNick = 401
    /// ERR_NOSUCHCHANNEL
    public static let noSuchChannel = 403
    /// ERR_TOOMANYCHANNELS
    public static let tooManyChannels = 405
    /// ERR_UNKNOWNCOMMAND: an old server that does not know CAP says so.
    public static let unknownCommand = 421
    /// ERR_ERRONEUSNICKNAME
    public static let erroneousNickname = 432
    /// ERR_NICKNAMEINUSE
    public static let nicknameInUse = 433
    /// ERR_NICKCOLLISION
    public static let nickCollision = 436
    /// ERR_UNAVAILRESOURCE: nick temporarily unavailable.
    public static let unavailableResource = 437
    /// ERR_NOTREGISTERED
    public static let notRegistered = 451
    /// ERR_PASSWDMISMATCH
    public static let passwordMismatch = 464
    /// ERR_YOUREBANNEDCREEP
    public static let bannedFromServer = 465
    /// ERR_LINKCHANNEL: `470 nick #from #to`, the server forwards the JOIN to `#to`.
    public static let linkChannel = 470
    /// ERR_CHANNELISFULL
    public static let channelIsFull = 471
    /// ERR_INVITEONLYCHAN
    public static let inviteOnlyChannel = 473
    /// ERR_BANNEDFROMCHAN
    public static let bannedFromChannel = 474
    /// ERR_BADCHANNELKEY
    public static let badChannelKey = 475
    /// ERR_NEEDREGGEDNICK: the channel admits registered (logged-in) nicks only.
    public static let needRegisteredNick = 477
    /// RPL_LOGGEDIN: SASL or services login; carries our full mask.
    public static let loggedIn = 900
    /// RPL_SASLSUCCESS
    public static let saslSuccess = 903
    /// ERR_SASLFAIL
    public static let saslFail = 904
    /// ERR_SASLTOOLONG
    public static let saslTooLong = 905
    /// ERR_SASLABORTED
    public static let saslAborted = 906
    /// ERR_SASLALREADY
    public static let saslAlready = 907
    /// RPL_SASLMECHS: the mechanisms the server offers.
    public static let saslMechanisms = 908
    /// ERR_NICKLOCKED: the account's nick is locked.
    public static let nickLocked = 902
}
