//! Merchants who send their customers to the bot: registration with a referral code, the deep link and a QR
//! code of it to print at the till, cases a merchant opens for a customer (joined through their own link),
//! and the status of referred cases — never the customers' personal data. Works on the store; the session's
//! merchant commands make the changes durable and answer.

use crate::engine::{Answer, Case, Flow, Status, new_case};
use crate::store::{CaseStore, Merchant, StoreError};
use chrono::{DateTime, Utc};
use std::hash::BuildHasher;

/// Prefix of a merchant's referral code in a deep link.
pub const MERCHANT_PREFIX: &str = "m_";
/// Prefix of a link that attaches a customer to a case a merchant opened.
pub const JOIN_PREFIX: &str = "c_";
/// The owner of a merchant-opened case until its customer joins.
const PENDING: &str = "pending:";

/// A code no one can guess from the last one: 50 random bits (std's randomly keyed hasher) in Crockford base32.
pub fn random_code(prefix: &str, salt: u64) -> String {
    const DIGITS: &[u8] = b"0123456789abcdefghjkmnpqrstvwxyz";
    let mut n = std::collections::hash_map::RandomState::new().hash_one((salt, std::time::SystemTime::now()));
    let mut s = String::from(prefix);
    for _ in 0..10 {
        s.push(DIGITS[(n % 32) as usize] as char);
        n /= 32;
    }
    s
}

/// `https://t.me/<bot>?start=<code>` when the bot's username is known, else the command to type.
pub fn link(bot_username: Option<&str>, code: &str) -> String {
    match bot_username {
        Some(u) => format!("https://t.me/{u}?start={code}"),
        None => format!("/start {code}"),
    }
}

/// A PNG of a QR code of `text`, big enough to scan from a printed page.
pub fn qr_png(text: &str) -> Result<Vec<u8>, String> {
    let code = qrcode::QrCode::new(text.as_bytes()).map_err(|e| e.to_string())?;
    let img = code.render::<image::Luma<u8>>().min_dimensions(400, 400).build();
    let mut out = std::io::Cursor::new(Vec::new());
    img.write_to(&mut out, image::ImageFormat::Png).map_err(|e| e.to_string())?;
    Ok(out.into_inner())
}

/// Registers `owner` as the merchant `shop` (or renames it, keeping its code) with its terminal ids.
pub fn register(
    store: &dyn CaseStore,
    owner: &str,
    shop: &str,
    terminals: Vec<String>,
    now: DateTime<Utc>,
) -> Result<Merchant, StoreError> {
    let m = match store.merchant_of(owner)? {
        Some(mut m) => {
            m.shop = shop.to_string();
            if !terminals.is_empty() {
                m.terminals = terminals;
            }
            m
        }
        None => Merchant {
            code: random_code(MERCHANT_PREFIX, store.next_id()?),
            owner: owner.to_string(),
            shop: shop.to_string(),
            terminals,
            created: now,
        },
    };
    store.save_merchant(&m)?;
    Ok(m)
}

/// Opens a case for a customer of `m` ("I charged this customer twice"): it waits, unowned, until the
/// customer starts the bot with the returned join code.
pub fn open_case(
    store: &dyn CaseStore,
    flow: &Flow,
    m: &Merchant,
    locale: &str,
    now: DateTime<Utc>,
) -> Result<(Case, String), StoreError> {
    let join = random_code(JOIN_PREFIX, store.next_id()?);
    let id = crate::session::case_id(now, store.next_id()?);
    let mut c = new_case(flow, &id, &format!("{PENDING}{join}"), locale, now);
    c.referrer = Some(m.code.clone());
    c.answers.insert("merchant_name".into(), Answer::Text(m.shop.clone()));
    c.version = store.save(&c)?;
    Ok((c, join))
}

/// The case waiting for the customer with this join code.
pub fn pending_case(store: &dyn CaseStore, join: &str) -> Result<Option<Case>, StoreError> {
    Ok(store.cases_of(&format!("{PENDING}{join}"))?.pop())
}

/// Cases referred by a merchant: id, status and dates only.
pub fn referred(store: &dyn CaseStore, m: &Merchant) -> Result<Vec<(String, Status, DateTime<Utc>)>, StoreError> {
    Ok(store
        .list()?
        .into_iter()
        .filter(|c| c.referrer.as_deref() == Some(m.code.as_str()))
        .map(|c| (c.id, c.status, c.created))
        .collect())
}

/// The cases `m` opened that no customer has joined yet: still the merchant's records, erased with them.
pub fn waiting_cases(store: &dyn CaseStore, m: &Merchant) -> Result<Vec<String>, StoreError> {
    Ok(store
        .list()?
        .into_iter()
        .filter(|c| c.owner.starts_with(PENDING) && c.referrer.as_deref() == Some(m.code.as_str()))
        .map(|c| c.id)
        .collect())
}
