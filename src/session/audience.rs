//! Who a command is for. Its own module because both the command table and the rendering of menus and help
//! need it, and neither should depend on the other.

/// Who may use a command.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Who {
    /// Anyone talking to the bot.
    Person,
    /// Shops (anyone may register; the rest needs a registered shop, which the command checks).
    Merchant,
    /// Support staff, in the staff chat (the channel checks who is staff).
    Staff,
}
