//! The staff chat: hand-off summaries (with the evidence copied after them), the person's messages while a
//! staff member has their case, shops' names to review, and staff commands — carried out by the session's desk for staff members,
//! refused (and logged) for anyone else. Who is staff is this channel's setting.

use super::Context;
use super::outbox::send_text;
use crate::session::Relay;
use teloxide::types::{ChatId, Message, UserId};

type HandlerError = super::HandlerError;

/// The staff language, negotiated.
fn staff_locale(ctx: &Context) -> String {
    ctx.app.catalog().i18n.negotiate(&ctx.settings.staff.language)
}

/// Posts the hand-off summary of `case_id` to the staff chat, with the evidence files copied after it. Does
/// nothing when no staff chat is configured (the hand-off stays recorded on the case).
pub async fn notify(ctx: &Context, case_id: &str) {
    let Some(chat) = ctx.settings.staff.chat_id.map(ChatId) else {
        tracing::warn!(case = case_id, "hand-off recorded; no staff chat configured to deliver it to");
        return;
    };
    let app = ctx.app.clone();
    let id = case_id.to_string();
    let Ok(Ok(Some(case))) = tokio::task::spawn_blocking(move || app.case(&id)).await else { return };
    let summary = crate::report::handoff_summary(ctx.app.catalog(), &case, &staff_locale(ctx));
    if let Err(e) = send_text(&ctx.client, chat, &summary).await {
        tracing::error!(error = %e, case = case_id, "could not post the hand-off to the staff chat");
        return;
    }
    for (i, e) in case.evidence.iter().enumerate() {
        let caption = format!("{} · {}/{}", case.id, i + 1, case.evidence.len());
        if let Err(err) = ctx.client.send_file(chat, &e.kind, &e.reference, caption).await {
            tracing::warn!(error = %err, case = case_id, "could not copy an evidence file to the staff chat");
        }
    }
}

/// Passes a person's message on to the staff chat (the session decided it goes to staff).
pub async fn relay(ctx: &Context, r: &Relay) -> Result<(), HandlerError> {
    let Some(chat) = ctx.settings.staff.chat_id.map(ChatId) else {
        tracing::warn!(case = %r.case_id, "a message for staff is kept on the case; no staff chat configured");
        return Ok(());
    };
    let text = ctx.app.catalog().i18n.raw(
        &staff_locale(ctx),
        "staff-relay",
        &[("case_id", &r.case_id), ("staff", &r.staff), ("text", &r.text)],
    );
    ctx.client.send(chat, text, None).await?;
    Ok(())
}

/// Posts a shop's new name to the staff chat for review (`/approve`, `/reject`). The registration is kept
/// either way, pending, and `/shops` lists it: a lost post costs staff a look at the list, not the review.
pub async fn review(ctx: &Context, code: &str) {
    let Some(chat) = ctx.settings.staff.chat_id.map(ChatId) else {
        tracing::warn!(code, "a shop registration waits for review; no staff chat configured to post it to");
        return;
    };
    let (app, code_owned, locale) = (ctx.app.clone(), code.to_string(), staff_locale(ctx));
    let Ok(Ok(Some(text))) = tokio::task::spawn_blocking(move || app.review_notice(&code_owned, &locale)).await else {
        return;
    };
    if let Err(e) = send_text(&ctx.client, chat, &text).await {
        tracing::error!(error = %e, code, "could not post a shop registration to the staff chat");
    }
}

/// A message in the staff chat: a staff command (or `/help`) from a staff member is carried out; a staff
/// command from anyone else is refused and the attempt logged; other talk there is left alone.
pub async fn on_message(ctx: &Context, msg: &Message, from: UserId) -> Result<(), HandlerError> {
    let Some(text) = msg.text() else { return Ok(()) };
    let locale = staff_locale(ctx);
    if !ctx.settings.staff.users.contains(&from.0) {
        if !crate::session::is_staff_command(text) {
            return Ok(());
        }
        tracing::warn!(user = from.0, "a staff command from someone not on the staff list was refused");
        let refused = ctx.app.catalog().i18n.raw(&locale, "staff-not-allowed", &[]);
        ctx.client.send(msg.chat.id, refused, None).await?;
        return Ok(());
    }
    let (app, staff, text, desk_locale) = (ctx.app.clone(), super::user_key(from), text.to_string(), locale.clone());
    let result = tokio::task::spawn_blocking(move || app.staff(&staff, &desk_locale, &text))
        .await
        .unwrap_or_else(|e| panic!("a staff command panicked: {e}"));
    match result {
        Some(Ok(out)) => {
            send_text(&ctx.client, msg.chat.id, &out.staff_text).await?;
            if let Some((person, text)) = out.to_person
                && let Some(chat) = super::chat_of(&person)
            {
                ctx.client.send(chat, text, None).await?;
            }
        }
        Some(Err(e)) => {
            tracing::error!(error = %e, "a staff command failed");
            let failed = ctx.app.catalog().i18n.raw(&locale, "ui-save-failed", &[]);
            ctx.client.send(msg.chat.id, failed, None).await?;
        }
        None => {}
    }
    Ok(())
}
