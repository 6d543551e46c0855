//! Merchants who send their customers to the bot: registration with a referral code, the deep link and a QR
//! code of it to print at the till, cases a merchant opens for a customer (joined through their own link),
//! and the status of referred cases — never the customers' personal data; staff's review of a shop's name
//! (`name`: the rules a name must keep). Works on the store; the session's merchant and staff commands make
//! the changes durable and answer.

pub mod name;

use crate::engine::gate::{self, Clean};
use crate::engine::{Case, Flow, Status, new_case};
use crate::i18n::Localizer;
use crate::store::{CaseStore, Merchant, Review, StoreError};
use chrono::{DateTime, Utc};
use name::{BLOCKLIST_KEY, NameRules, same_name_key};
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

/// A shop's terminal ids as staff and the shop see them: comma-separated, or a dash for none.
pub fn terminal_list(m: &Merchant) -> String {
    if m.terminals.is_empty() {
        return "—".to_string();
    }
    m.terminals.iter().map(Clean::as_str).collect::<Vec<_>>().join(", ")
}

/// Registers `owner` as the merchant `shop` (a name `NameRules` accepted), or renames it keeping its code,
/// with its terminal ids. A new name waits for staff (`Review::Pending`); the flag says staff must be told.
/// The same name again keeps staff's decision, so a refused name cannot be sent for review over and over.
pub fn register(
    store: &dyn CaseStore,
    owner: &str,
    shop: &Clean,
    terminals: Vec<Clean>,
    locale: &str,
    now: DateTime<Utc>,
) -> Result<(Merchant, bool), StoreError> {
    let (mut m, to_review) = match store.merchant_of(owner)? {
        Some(mut m) => {
            let renamed = m.shop != *shop;
            if renamed {
                m.shop = shop.clone();
                m.review = Review::Pending;
            }
            if !terminals.is_empty() {
                m.terminals = terminals;
            }
            (m, renamed)
        }
        None => {
            let m = Merchant {
                code: random_code(MERCHANT_PREFIX, store.next_id()?),
                owner: owner.to_string(),
                shop: shop.clone(),
                terminals,
                created: now,
                review: Review::Pending,
                locale: None,
            };
            (m, true)
        }
    };
    m.locale = Some(locale.to_string());
    store.save_merchant(&m)?;
    Ok((m, to_review))
}

/// The name rules with the word lists of every locale: a name is refused in every language if any list
/// holds one of its words.
pub fn name_rules(i18n: &Localizer) -> NameRules {
    let lists: Vec<String> = i18n.locales().iter().map(|l| i18n.raw(l, BLOCKLIST_KEY, &[])).collect();
    NameRules::new(lists.iter().map(String::as_str))
}

/// The shop's name as customers may see it: only once staff approved it.
pub fn vetted_name(m: &Merchant) -> Option<&str> {
    m.is_approved().then_some(m.shop.as_str())
}

/// The shop of a referral or join: the merchant whose code a case carries.
pub fn referrer_of(store: &dyn CaseStore, c: &Case) -> Result<Option<Merchant>, StoreError> {
    match &c.referrer {
        Some(code) => store.merchant(code),
        None => Ok(None),
    }
}

/// Other registrations under the same name (whatever its case, width or punctuation), for staff to see.
pub fn same_name(store: &dyn CaseStore, m: &Merchant) -> Result<Vec<Merchant>, StoreError> {
    let key = same_name_key(&m.shop);
    Ok(store.merchants()?.into_iter().filter(|o| o.code != m.code && same_name_key(&o.shop) == key).collect())
}

/// Registrations waiting for staff, oldest first.
pub fn pending(store: &dyn CaseStore) -> Result<Vec<Merchant>, StoreError> {
    let mut out: Vec<Merchant> = store.merchants()?.into_iter().filter(|m| m.review == Review::Pending).collect();
    out.sort_by_key(|m| m.created);
    Ok(out)
}

/// Records staff's decision on the registration `code`; `None` when there is none.
pub fn decide(store: &dyn CaseStore, code: &str, review: Review) -> Result<Option<Merchant>, StoreError> {
    let Some(mut m) = store.merchant(code)? else { return Ok(None) };
    m.review = review;
    store.save_merchant(&m)?;
    Ok(Some(m))
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
    // The shop's name goes on the case when the customer joins, and only if staff approved it by then.
    c.referrer = Some(gate::admit(&m.code).text);
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
        .filter(|c| c.referrer.as_ref().map(Clean::as_str) == Some(m.code.as_str()))
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
