//! Sign-in links for the staff console: a staff member asks the bot (`/console`) or the operator runs
//! `swipefix console link`, and gets a link that signs them in once, within `LINK_LIFETIME`. There is no
//! password to leak: the link is signed with a secret derived from the master key (`Keyring::secret`), so
//! any process of the deployment can check it; its nonce is spent in the store on first use
//! (`App::redeem_sign_in`), so it works once in all of them.
//! Must not touch: HTTP or cookies (the console's), who is staff (the caller checks the roster).

use base64::Engine;
use base64::engine::general_purpose::URL_SAFE_NO_PAD as B64;
use chrono::{DateTime, Utc};
use hmac::{Hmac, Mac};
use sha2::Sha256;

/// How long a sign-in link works: long enough to open it from the chat, short enough that a link seen
/// later over someone's shoulder is dead.
pub const LINK_LIFETIME: chrono::Duration = chrono::Duration::minutes(10);

/// The purpose the signing key is derived for (`Keyring::secret`, `MasterKey::secret`).
pub const PURPOSE: &str = "console sign-in v1";

/// The console's address as links are made from it: with its final `/` (a path without it would lose its
/// last part when the link is joined to it).
pub fn base(mut url: url::Url) -> url::Url {
    if !url.path().ends_with('/') {
        url.set_path(&format!("{}/", url.path()));
    }
    url
}

/// The sign-in link for `token` on the console at `base` (an address ending in `/`).
pub fn link(base: &url::Url, token: &str) -> Option<String> {
    let mut url = base.join("signin").ok()?;
    url.query_pairs_mut().append_pair("token", token);
    Some(url.to_string())
}

/// Who a link signs in.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct Grant {
    /// `tg:<user id>`.
    #[serde(rename = "s")]
    pub staff: String,
    /// The console's language for them (their Telegram language, negotiated).
    #[serde(rename = "l")]
    pub locale: String,
    #[serde(rename = "e")]
    expires: i64,
    #[serde(rename = "n")]
    nonce: String,
}

/// Why a link does not sign anyone in.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Refused {
    /// Not a link we made (or altered).
    Forged,
    Expired,
    /// Used once already.
    Spent,
}

impl Grant {
    /// What is spent when the link is used.
    pub fn nonce(&self) -> &str {
        &self.nonce
    }

    /// When the link stops working anyway.
    pub fn expires(&self) -> DateTime<Utc> {
        DateTime::from_timestamp(self.expires, 0).unwrap_or(DateTime::<Utc>::MIN_UTC)
    }
}

/// Makes and checks sign-in links.
pub struct SignIn {
    key: [u8; 32],
}

impl SignIn {
    pub fn new(key: [u8; 32]) -> SignIn {
        SignIn { key }
    }

    /// A token for `staff`, valid from `now` for `LINK_LIFETIME`: what the link carries.
    pub fn token(&self, staff: &str, locale: &str, now: DateTime<Utc>) -> String {
        let mut nonce = [0u8; 16];
        use chacha20poly1305::aead::{OsRng, rand_core::RngCore};
        OsRng.fill_bytes(&mut nonce);
        let grant = Grant {
            staff: staff.to_string(),
            locale: locale.to_string(),
            expires: (now + LINK_LIFETIME).timestamp(),
            nonce: hex::encode(nonce),
        };
        let payload = B64.encode(serde_json::to_vec(&grant).expect("a grant serializes"));
        let mac = B64.encode(self.mac(payload.as_bytes()));
        format!("{payload}.{mac}")
    }

    /// Whether `token` is ours, unaltered and not expired at `now` (whether it was used is the store's to
    /// say: `App::redeem_sign_in`).
    pub fn check(&self, token: &str, now: DateTime<Utc>) -> Result<Grant, Refused> {
        let grant = self.verify(token)?;
        if now.timestamp() >= grant.expires {
            return Err(Refused::Expired);
        }
        Ok(grant)
    }

    fn verify(&self, token: &str) -> Result<Grant, Refused> {
        let (payload, mac) = token.split_once('.').ok_or(Refused::Forged)?;
        let mac = B64.decode(mac).map_err(|_| Refused::Forged)?;
        let mut check = <Hmac<Sha256> as Mac>::new_from_slice(&self.key).expect("HMAC takes any key length");
        check.update(payload.as_bytes());
        // Constant-time comparison (hmac's `verify_slice`).
        check.verify_slice(&mac).map_err(|_| Refused::Forged)?;
        let json = B64.decode(payload).map_err(|_| Refused::Forged)?;
        serde_json::from_slice(&json).map_err(|_| Refused::Forged)
    }

    fn mac(&self, data: &[u8]) -> [u8; 32] {
        let mut mac = <Hmac<Sha256> as Mac>::new_from_slice(&self.key).expect("HMAC takes any key length");
        mac.update(data);
        mac.finalize().into_bytes().into()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn at(minute: i64) -> DateTime<Utc> {
        DateTime::from_timestamp(1_800_000_000 + minute * 60, 0).unwrap()
    }

    #[test]
    fn a_link_works_within_its_lifetime() {
        let s = SignIn::new([7; 32]);
        let t = s.token("tg:1", "zh-TW", at(0));
        let g = s.check(&t, at(9)).unwrap();
        assert_eq!((g.staff.as_str(), g.locale.as_str()), ("tg:1", "zh-TW"));
        assert_eq!(g.expires(), at(10));
        assert_ne!(g.nonce(), s.check(&s.token("tg:1", "zh-TW", at(0)), at(1)).unwrap().nonce(), "each its own");
        assert_eq!(s.check(&t, at(10)), Err(Refused::Expired));
    }

    #[test]
    fn an_altered_or_foreign_link_is_refused() {
        let s = SignIn::new([7; 32]);
        let t = s.token("tg:1", "en-US", at(0));
        let (payload, mac) = t.split_once('.').unwrap();
        let forged = B64.encode(String::from_utf8(B64.decode(payload).unwrap()).unwrap().replace("tg:1", "tg:2"));
        assert_eq!(s.check(&format!("{forged}.{mac}"), at(1)), Err(Refused::Forged));
        assert_eq!(SignIn::new([8; 32]).check(&t, at(1)), Err(Refused::Forged));
        for junk in ["", ".", "abc", "a.b", "%%%.%%%"] {
            assert_eq!(s.check(junk, at(1)), Err(Refused::Forged), "{junk}");
        }
    }
}
