//! Where a deployment's cases are: `sled:DIR` (or a plain directory) or `postgres://…`, as `--database`,
//! `SWIPEFIX_DATABASE_URL` and `db copy` name them; and which master key opens them.
//! Owns: parsing a location, opening its store. Must not touch: records.

use super::keys::{KEYS_FILE, MASTER_ENV, MASTER_FILE, MasterKey};
use super::{CaseStore, PgStore, SledStore, StoreError, StoreResult};
use std::path::{Path, PathBuf};
use std::sync::Arc;

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Location {
    /// A sled data directory (the database is its `db`, the keys beside it).
    Sled(PathBuf),
    /// A PostgreSQL URL.
    Postgres(String),
}

impl std::str::FromStr for Location {
    type Err = String;

    /// `postgres://…` or `postgresql://…`, or `sled:DIR`. The error never repeats the text: it may hold a
    /// password (a mistyped scheme, a libpq `key=value` string).
    fn from_str(s: &str) -> Result<Location, String> {
        let s = s.trim();
        if s.starts_with("postgres://") || s.starts_with("postgresql://") {
            return Ok(Location::Postgres(s.to_string()));
        }
        match s.strip_prefix("sled:") {
            Some("") => Err("no directory after `sled:`".into()),
            Some(dir) => Ok(Location::Sled(PathBuf::from(dir))),
            None => Err("not a database swipefix keeps cases in: write postgres://… or sled:DIR".into()),
        }
    }
}

impl std::fmt::Display for Location {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Location::Sled(dir) => write!(f, "sled:{}", dir.display()),
            Location::Postgres(url) => f.write_str(&super::postgres::redacted(url)),
        }
    }
}

/// The master key from `SWIPEFIX_MASTER_KEY`, if it is set.
pub fn master_from_env() -> Result<Option<MasterKey>, StoreError> {
    match std::env::var(MASTER_ENV) {
        Ok(v) if !v.trim().is_empty() => Ok(Some(MasterKey::parse(&format!("environment {MASTER_ENV}"), &v)?)),
        _ => Ok(None),
    }
}

impl Location {
    /// Opens the store. A sled directory uses `master` or its own master key file; PostgreSQL needs `master`,
    /// or takes the one in `keys_dir` (a data directory's master key file, made there on first start).
    pub fn open(&self, master: Option<MasterKey>, keys_dir: &Path) -> StoreResult<Arc<dyn CaseStore>> {
        Ok(match self {
            Location::Sled(dir) => Arc::new(SledStore::open_with(dir, master)?),
            Location::Postgres(url) => {
                let master = match master {
                    Some(m) => m,
                    None => {
                        std::fs::create_dir_all(keys_dir)
                            .map_err(|e| StoreError::Open { path: keys_dir.into(), reason: e.to_string() })?;
                        MasterKey::load_or_create(&keys_dir.join(MASTER_FILE))?
                    }
                };
                Arc::new(PgStore::open(url, &master)?)
            }
        })
    }

    /// Whether a sled location holds a database (`db`) or keys yet; a PostgreSQL one always counts.
    pub fn exists(&self) -> bool {
        match self {
            Location::Sled(dir) => dir.join("db").exists() || dir.join(KEYS_FILE).exists(),
            Location::Postgres(_) => true,
        }
    }
}
