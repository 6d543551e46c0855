//! A jurisdiction's setting value: the facts that vary by country (hotlines, day counts, thresholds) as
//! typed data. Its own module so that conditions can read settings without knowing flows or jurisdictions.
//!
//! Owns: the `Setting` type. Must not touch: any other engine module (it sits below conditions).

use rust_decimal::Decimal;
use std::collections::BTreeMap;

#[derive(Debug, Clone, PartialEq)]
pub enum Setting {
    Text(String),
    Number(Decimal),
    Bool(bool),
    /// An amount of money in the jurisdiction's currency.
    Money(Decimal),
    /// A text per locale tag; the i18n layer picks the person's (falling back to en-US).
    Localized(BTreeMap<String, String>),
}
