//! The staff chat: hand-off summaries (with the evidence copied after them), the person's messages while a
//! staff member has their case, shops' names to review, and staff commands — carried out by the session's
//! desk for staff members, refused (rate-limited, and logged) for anyone else. Who is staff is this
//! channel's setting. Everything for the staff chat is queued in `staff_outbox`, never sent from a handler.

use super::Context;
use super::flood::Verdict;
use super::staff_outbox::{Lane, StaffPost};
use crate::session::{Relay, StaffFile};
use teloxide::types::{ChatId, Message, UserId};

type HandlerError = super::HandlerError;

/// Whether `text` asks for a console sign-in link (`/console`), which staff may also ask in a private chat.
pub fn is_console_request(text: &str) -> bool {
    crate::session::commands::split(text).is_some_and(|(name, _)| name == "console")
}

/// The language of the staff member who sent `msg` (their Telegram app's), else the staff language.
fn member_locale(ctx: &Context, msg: &Message) -> String {
    match msg.from.as_ref().and_then(|u| u.language_code.as_deref()) {
        Some(tag) => ctx.app.catalog().i18n.negotiate(tag),
        None => staff_locale(ctx),
    }
}

/// `/console` from a staff member in their private chat with the bot: the link comes back there. From anyone
/// else it is not a staff matter; the caller treats it as a person's message.
pub async fn console_in_private(ctx: &Context, msg: &Message, from: UserId) -> Result<bool, HandlerError> {
    let Some(text) = msg.text().filter(|t| is_console_request(t)) else { return Ok(false) };
    if !ctx.is_staff(from.0) {
        return Ok(false);
    }
    if let Some(Ok(out)) = desk(ctx, from, &member_locale(ctx, msg), text).await {
        ctx.client.send(msg.chat.id, out.private.unwrap_or(out.staff_text), None).await?;
    }
    Ok(true)
}

/// Staff member `from`'s command `text`, carried out by the session's desk on a blocking thread (the store
/// is synchronous), answered in `locale`.
async fn desk(
    ctx: &Context,
    from: UserId,
    locale: &str,
    text: &str,
) -> Option<Result<crate::session::StaffOutcome, crate::session::AppError>> {
    let (app, staff, text, locale) = (ctx.app.clone(), super::user_key(from), text.to_string(), locale.to_string());
    tokio::task::spawn_blocking(move || app.staff(&staff, &locale, &text))
        .await
        .unwrap_or_else(|e| panic!("a staff command panicked: {e}"))
}

/// The staff language, negotiated.
fn staff_locale(ctx: &Context) -> String {
    ctx.app.catalog().i18n.negotiate(&ctx.settings.staff.language)
}

/// Queues the hand-off of `case_id` for the staff chat: its summary, then `files` (those staff have not had).
/// Never waits for the staff chat (see `staff_outbox`); without a staff chat the hand-off stays on the case.
pub fn notify(ctx: &Context, case_id: &str, files: Vec<StaffFile>) {
    ctx.staff.post(Lane::Bulk, StaffPost::Handoff { case_id: case_id.to_string(), files });
}

/// Queues a person's message for the staff chat (the session decided it goes to staff).
pub fn relay(ctx: &Context, r: &Relay) {
    let text = ctx.app.catalog().i18n.raw(
        &staff_locale(ctx),
        "staff-relay",
        &[("case_id", &r.case_id), ("staff", &r.staff), ("text", r.text.as_str())],
    );
    ctx.staff.post(Lane::Bulk, StaffPost::Text(text));
}

/// Someone not on the staff list used a staff command: refused, at most once per person per
/// `refusal_every_secs` (a raid of such commands must not fill the staff chat), and logged as often.
fn refuse(ctx: &Context, from: UserId, locale: &str) {
    if ctx.refusals.check(from.0, ctx.app.now()) != Verdict::Fine {
        return;
    }
    tracing::warn!(user = from.0, "a staff command from someone not on the staff list was refused");
    let refused = ctx.app.catalog().i18n.raw(locale, "staff-not-allowed", &[]);
    ctx.staff.post(Lane::Bulk, StaffPost::Text(refused));
}

/// Posts a shop's new name to the staff chat for review (`/approve`, `/reject`). The registration is kept
/// either way, pending, and `/shops` lists it: a lost post costs staff a look at the list, not the review.
pub async fn review(ctx: &Context, code: &str) {
    if ctx.settings.staff.chat_id.is_none() {
        tracing::warn!(code, "a shop registration waits for review; no staff chat configured to post it to");
        return;
    }
    let (app, code_owned, locale) = (ctx.app.clone(), code.to_string(), staff_locale(ctx));
    let Ok(Ok(Some(text))) = tokio::task::spawn_blocking(move || app.review_notice(&code_owned, &locale)).await else {
        return;
    };
    ctx.staff.post(Lane::Bulk, StaffPost::Text(text));
}

/// A message in the staff chat: a staff command (or `/help`) from a staff member is carried out; a staff
/// command from anyone else is refused and the attempt logged; other talk there is left alone.
pub async fn on_message(ctx: &Context, msg: &Message, from: UserId) -> Result<(), HandlerError> {
    let Some(text) = msg.text() else { return Ok(()) };
    // A sign-in link is in the member's own language: the console they open is theirs, not the chat's.
    let locale = if is_console_request(text) { member_locale(ctx, msg) } else { staff_locale(ctx) };
    if !ctx.is_staff(from.0) {
        if !crate::session::is_staff_command(text) {
            return Ok(());
        }
        refuse(ctx, from, &locale);
        return Ok(());
    }
    match desk(ctx, from, &locale, text).await {
        Some(Ok(out)) => {
            // A private text first: the staff chat hears it was sent only once it was.
            let unsent = match out.private {
                Some(text) => ctx.client.send(ChatId(from.0 as i64), text, None).await.is_err(),
                None => false,
            };
            let said =
                if unsent { ctx.app.catalog().i18n.raw(&locale, "staff-console-unsent", &[]) } else { out.staff_text };
            ctx.staff.post(Lane::Answer, StaffPost::Text(said));
            if let Some((person, text)) = out.to_person
                && let Some(chat) = super::chat_of(&person)
            {
                ctx.client.send(chat, text, None).await?;
            }
        }
        Some(Err(e)) => {
            tracing::error!(error = %e, "a staff command failed");
            let failed = ctx.app.catalog().i18n.raw(&locale, "ui-save-failed", &[]);
            ctx.staff.post(Lane::Answer, StaffPost::Text(failed));
        }
        None => {}
    }
    Ok(())
}
