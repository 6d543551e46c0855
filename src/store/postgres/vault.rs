//! The keys of a PostgreSQL deployment, in `swipefix_keys`: shared by every process, each key sealed with a
//! key derived from the master key (a dump of the database without the master key gives no one's key away).
//! Owns: the key rows. Must not touch: records.
//!
//! Erasure deletes the row; the store then asks for a `VACUUM` of the table so the dead row's space is
//! reclaimed soon;
//! until PostgreSQL overwrites it (and in WAL archives, and base backups) the sealed key still exists as
//! ciphertext under the master key. Keep the master key out of database backups; see ARCHITECTURE.md.

use super::pg::{Pg, params};
use crate::store::keys::{ID_LEN, KeyError, KeyId, KeyMap, MasterKey, Vault};
use chacha20poly1305::aead::{Aead, AeadCore, KeyInit, OsRng, Payload};
use chacha20poly1305::{XChaCha20Poly1305, XNonce};

const NONCE: usize = 24;

pub struct PgVault {
    pg: Pg,
    /// Seals each key row; the row's id is authenticated with it, so a row cannot be moved to another id.
    row_key: [u8; 32],
}

impl PgVault {
    pub fn new(pg: Pg, master: &MasterKey) -> PgVault {
        PgVault { pg, row_key: master.derive("swipefix key rows v1") }
    }

    fn fail(&self, e: crate::store::StoreError) -> KeyError {
        KeyError::Vault { place: self.pg.url.to_string(), reason: e.to_string() }
    }

    fn seal(&self, id: &KeyId, key: &[u8; 32]) -> Result<Vec<u8>, KeyError> {
        let cipher = XChaCha20Poly1305::new(&self.row_key.into());
        let nonce = XChaCha20Poly1305::generate_nonce(&mut OsRng);
        let sealed = cipher
            .encrypt(&nonce, Payload { msg: key, aad: &id.0 })
            .map_err(|_| KeyError::Sealed("encryption failed".into()))?;
        Ok([nonce.as_slice(), &sealed].concat())
    }

    fn open(&self, id: &[u8], sealed: &[u8]) -> Result<(KeyId, [u8; 32]), KeyError> {
        let bad = |why: &str| KeyError::Vault { place: self.pg.url.to_string(), reason: why.into() };
        let id: [u8; ID_LEN] = id.try_into().map_err(|_| bad("a key row has an id of the wrong length"))?;
        if sealed.len() < NONCE {
            return Err(bad("a key row is too short"));
        }
        let cipher = XChaCha20Poly1305::new(&self.row_key.into());
        let key = cipher
            .decrypt(XNonce::from_slice(&sealed[..NONCE]), Payload { msg: &sealed[NONCE..], aad: &id })
            .map_err(|_| bad("a key row does not open with this master key (another key, or a damaged row)"))?;
        Ok((KeyId(id), key.try_into().map_err(|_| bad("a key row holds a key of the wrong length"))?))
    }

    fn rows(&self, rows: Vec<tokio_postgres::Row>) -> Result<KeyMap, KeyError> {
        rows.iter().map(|r| self.open(r.get(0), r.get(1))).collect()
    }
}

impl Vault for PgVault {
    fn all(&self) -> Result<KeyMap, KeyError> {
        let rows = self.pg.query("SELECT id, sealed FROM swipefix_keys", params![]).map_err(|e| self.fail(e))?;
        self.rows(rows)
    }

    fn add(&self, _known: &KeyMap, new: &KeyMap) -> Result<KeyMap, KeyError> {
        let ids: Vec<Vec<u8>> = new.keys().map(|id| id.0.to_vec()).collect();
        let sealed = new.iter().map(|(id, k)| self.seal(id, k)).collect::<Result<Vec<_>, _>>()?;
        // Another process may have made a key of the same id meanwhile: the first one stays, and is returned.
        self.pg
            .execute(
                "INSERT INTO swipefix_keys (id, sealed) SELECT * FROM UNNEST($1::BYTEA[], $2::BYTEA[]) \
                 ON CONFLICT (id) DO NOTHING",
                params![ids.clone(), sealed],
            )
            .map_err(|e| self.fail(e))?;
        let rows = self
            .pg
            .query("SELECT id, sealed FROM swipefix_keys WHERE id = ANY($1)", params![ids])
            .map_err(|e| self.fail(e))?;
        self.rows(rows)
    }

    fn remove(&self, _rest: &KeyMap, gone: &[KeyId]) -> Result<(), KeyError> {
        let ids: Vec<Vec<u8>> = gone.iter().map(|id| id.0.to_vec()).collect();
        // The store VACUUMs the table after the erasure, outside the keyring's lock (`PgStore::erase`).
        self.pg.execute("DELETE FROM swipefix_keys WHERE id = ANY($1)", params![ids]).map_err(|e| self.fail(e))?;
        Ok(())
    }

    fn find(&self, id: KeyId) -> Result<Option<[u8; 32]>, KeyError> {
        let rows = self
            .pg
            .query("SELECT id, sealed FROM swipefix_keys WHERE id = $1", params![id.0.to_vec()])
            .map_err(|e| self.fail(e))?;
        Ok(self.rows(rows)?.into_values().next())
    }
}
