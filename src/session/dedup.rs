//! Updates handled at most once, answered at least once. A channel that numbers its updates (Telegram's
//! `update_id`) passes the number in; the case keeps the newest it applied, in the same write as the step.
//! A redelivery of an applied update changes nothing; if the process that applied it may have died before
//! replying, the person is shown where they are ("I was restarted…") instead of silence.

use std::collections::HashMap;
use std::sync::Mutex;

/// The last update this process answered, per person: a redelivery of it is not answered twice, while one
/// applied by an earlier process (which may have died before replying) is. Memory only, bounded.
#[derive(Default)]
pub struct Answered(Mutex<HashMap<String, u64>>);

impl Answered {
    const MAX: usize = 100_000;

    pub fn record(&self, user: &str, update: u64) {
        let mut m = self.0.lock().unwrap_or_else(|p| p.into_inner());
        if m.len() >= Self::MAX && !m.contains_key(user) {
            // Forgetting only risks one extra "where you are" message after a redelivery.
            m.clear();
        }
        m.insert(user.to_string(), update);
    }

    pub fn answered(&self, user: &str, update: u64) -> bool {
        self.0.lock().unwrap_or_else(|p| p.into_inner()).get(user) == Some(&update)
    }
}

/// What to do with an update the case says was applied already.
#[derive(Debug, PartialEq, Eq)]
pub enum Redelivery {
    /// Not a redelivery: handle it.
    New,
    /// Applied and answered: send nothing.
    Silent,
    /// Applied, maybe not answered: show the person where they are.
    Resend,
}

/// Judges update `update` of a person whose current case last applied `last_applied`. `answered_here`: this
/// process sent the reply; `noted` reads the store's note of the last update whose reply went out (only
/// asked when it decides).
pub fn judge<E>(
    update: u64,
    last_applied: Option<u64>,
    answered_here: bool,
    noted: impl FnOnce() -> Result<Option<u64>, E>,
) -> Result<Redelivery, E> {
    Ok(match last_applied {
        Some(seen) if update < seen => Redelivery::Silent,
        Some(seen) if update == seen && !answered_here && noted()? != Some(update) => Redelivery::Resend,
        Some(seen) if update == seen => Redelivery::Silent,
        _ => Redelivery::New,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_redelivery_is_answered_only_when_no_reply_is_known_to_have_gone_out() {
        let none = || Ok::<_, ()>(None);
        assert_eq!(judge(5, None, false, none), Ok(Redelivery::New));
        assert_eq!(judge(6, Some(5), false, none), Ok(Redelivery::New));
        assert_eq!(judge(4, Some(5), false, none), Ok(Redelivery::Silent));
        assert_eq!(judge(5, Some(5), false, none), Ok(Redelivery::Resend));
        assert_eq!(judge(5, Some(5), true, none), Ok(Redelivery::Silent));
        assert_eq!(judge(5, Some(5), false, || Ok::<_, ()>(Some(5))), Ok(Redelivery::Silent));
    }
}
