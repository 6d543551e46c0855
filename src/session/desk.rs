//! The support desk: what staff do with cases, whatever the channel (the Telegram staff chat today, a
//! browser console later). Each staff command of the table runs here and returns texts: one for staff,
//! maybe one for the person. Changes go through the one commit path.

use super::{App, AppError};
use crate::engine::{AuditEntry, Case};

/// What a staff command produced.
#[derive(Debug, Default, PartialEq)]
pub struct StaffOutcome {
    /// For staff.
    pub staff_text: String,
    /// For the person: their id (`tg:…`) and the text in their language.
    pub to_person: Option<(String, String)>,
    /// The staff member's message held card data: the channel deletes it where it can.
    pub redact: bool,
    /// For the staff member alone, in a private chat (a sign-in link), never in the staff chat.
    pub private: Option<String>,
}

impl StaffOutcome {
    pub fn staff(text: String) -> StaffOutcome {
        StaffOutcome { staff_text: text, ..StaffOutcome::default() }
    }
}

/// One staff member at the desk.
pub struct Desk<'a> {
    pub app: &'a App,
    /// Who is acting (`tg:<user id>`).
    pub staff: &'a str,
    /// The staff language.
    pub locale: String,
}

impl Desk<'_> {
    /// A text of `key` in the staff language.
    pub fn t(&self, key: &str, args: &[(&str, &str)]) -> String {
        self.app.catalog().i18n.raw(&self.locale, key, args)
    }

    /// "No case with that id".
    pub fn unknown(&self, id: &str) -> StaffOutcome {
        StaffOutcome::staff(self.t("staff-unknown-case", &[("case_id", id)]))
    }

    /// A text for the person of case `c`, in their language.
    pub fn to_person(&self, c: &Case, key: &str, args: &[(&str, &str)]) -> Option<(String, String)> {
        Some((c.owner.clone(), self.app.catalog().i18n.raw(&c.locale, key, args)))
    }

    /// Loads case `id`, changes it and saves it through the commit path with `action` (and its `detail`) in the
    /// case's audit log, in the same write; `None` when there is no such case.
    pub fn act(
        &self,
        id: &str,
        action: &str,
        detail: Option<&str>,
        change: impl Fn(&mut Case),
    ) -> Result<Option<Case>, AppError> {
        self.record(id, action, detail, true, change)
    }

    /// Case `id` as a staff member looks at it: the look is in its audit log (who saw a person's case, when).
    /// A look is not activity on the case: `updated`, which retention and the analytics' "abandoned" count
    /// from, stays as it was.
    pub fn view(&self, id: &str) -> Result<Option<Case>, AppError> {
        self.record(id, "view", None, false, |_| {})
    }

    fn record(
        &self,
        id: &str,
        action: &str,
        detail: Option<&str>,
        touch: bool,
        change: impl Fn(&mut Case),
    ) -> Result<Option<Case>, AppError> {
        let now = self.app.now();
        let entry =
            AuditEntry { at: now, by: self.staff.to_string(), action: action.into(), detail: detail.map(Into::into) };
        self.app.committer().update(id, |c| {
            change(c);
            c.audit.push(entry.clone());
            if touch {
                c.updated = now;
            }
        })
    }
}

/// A staff command's arguments as `(case id, the rest)` when they start with something shaped like a case id
/// (`SF-` six digits `-` at least four of 0-9A-Z, any case); else `(None, all of it)`.
pub fn leading_case_id(args: &str) -> (Option<&str>, &str) {
    let (first, rest) = args.split_once(char::is_whitespace).map_or((args, ""), |(a, b)| (a, b.trim_start()));
    let b = first.as_bytes();
    let shaped = b.len() >= 14
        && b[..3].eq_ignore_ascii_case(b"SF-")
        && b[3..9].iter().all(u8::is_ascii_digit)
        && b[9] == b'-'
        && b[10..].iter().all(u8::is_ascii_alphanumeric);
    if shaped { (Some(first), rest) } else { (None, args) }
}

/// Splits staff command arguments into the case id (upper case, as case ids are written) and the rest.
pub fn case_and_rest(args: &str) -> (String, String) {
    let (id, rest) = args.split_once(char::is_whitespace).map_or((args, ""), |(a, b)| (a, b.trim()));
    (id.to_ascii_uppercase(), rest.to_string())
}

#[cfg(test)]
mod tests {
    use super::leading_case_id;

    #[test]
    fn a_case_id_is_told_from_what_follows_it() {
        assert_eq!(leading_case_id("SF-261125-0001 9002"), (Some("SF-261125-0001"), "9002"));
        assert_eq!(leading_case_id("sf-261125-00a1"), (Some("sf-261125-00a1"), ""));
        assert_eq!(leading_case_id("4111 1111 1111 1111"), (None, "4111 1111 1111 1111"));
        assert_eq!(leading_case_id("SF-2611-0001 x"), (None, "SF-2611-0001 x"));
        assert_eq!(leading_case_id("SF-€€€€€€-0001 x").0, None);
        assert_eq!(leading_case_id(""), (None, ""));
    }
}
