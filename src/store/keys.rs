//! Keys for personal data: the master key, one key per person, and the keyed hash that names a person in
//! indexes. Owns the master key file (`swipefix-master.key`), sealing and opening records with a person's
//! key, destroying that key (erasure), and where keys are kept (`Vault`): the key file (`swipefix-keys`) for
//! sled, a table for PostgreSQL (`store::postgres`), nowhere for the memory store.
//! Must not touch: sled, cases or any other record's shape — stores hand it bytes and get bytes back.
//!
//! Why a file of its own and not a sled tree: sled keeps old versions of a record in its log until it
//! reclaims the segment, so a key "deleted" from a tree would still be readable there, and with it every old
//! ciphertext of the person. The key file is rewritten whole (temp file, fsync, rename, fsync of the
//! directory) on every change, so a destroyed key is in no file of the data directory once `destroy` returns.
//! The file itself is sealed with a key derived from the master key, so copying the data directory without
//! the master key (when it comes from the environment) gives no one's key away.

use chacha20poly1305::aead::{Aead, AeadCore, KeyInit, OsRng, Payload, rand_core::RngCore};
use chacha20poly1305::{XChaCha20Poly1305, XNonce};
use hmac::{Hmac, Mac};
use sha2::Sha256;
use std::collections::BTreeMap;
use std::io::Write;
use std::path::{Path, PathBuf};
use std::sync::{Mutex, RwLock};

/// The master key's file in the data directory, created (mode 0600) on first start unless the key comes
/// from the environment.
pub const MASTER_FILE: &str = "swipefix-master.key";
/// The keys of cases and merchants, sealed with the master key.
pub const KEYS_FILE: &str = "swipefix-keys";
/// The environment variable that can hold the master key instead of the file (64 hex digits or base64).
pub const MASTER_ENV: &str = "SWIPEFIX_MASTER_KEY";

const KEYS_MAGIC: &[u8; 4] = b"SFK1";
const NONCE: usize = 24;
/// A key's id in record headers, and a person's in indexes: the first 16 bytes of HMAC-SHA256 under a key
/// derived from the master key.
pub const ID_LEN: usize = 16;

#[derive(Debug, thiserror::Error)]
pub enum KeyError {
    #[error("the master key in {source_name} is unusable: {reason}")]
    BadMaster { source_name: String, reason: String },
    #[error("the key file {path} cannot be used: {reason}")]
    BadKeys { path: PathBuf, reason: String },
    #[error("cannot write {path}: {reason}")]
    Write { path: PathBuf, reason: String },
    #[error("a sealed record does not open: {0}")]
    Sealed(String),
    #[error("the keys in {place} cannot be used: {reason}")]
    Vault { place: String, reason: String },
}

/// The 32-byte master key. Everything else is derived from it, so it is the one secret to keep (and to keep
/// apart from backups).
#[derive(Clone)]
pub struct MasterKey([u8; 32]);

/// Never printed: a log line or a panic message must not carry the key.
impl std::fmt::Debug for MasterKey {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("MasterKey(..)")
    }
}

/// What the index key is derived for (the keyed hashes of owners, and the deployment's other secrets).
const INDEX_PURPOSE: &str = "swipefix person index v1";

/// A secret for `purpose` from the index key: one HMAC, so each purpose has its own key.
fn derived_secret(index_key: &[u8; 32], purpose: &str) -> [u8; 32] {
    let mut mac = <Hmac<Sha256> as Mac>::new_from_slice(index_key).expect("HMAC takes any key length");
    mac.update(b"secret");
    mac.update(&[0]);
    mac.update(purpose.as_bytes());
    mac.finalize().into_bytes().into()
}

impl MasterKey {
    /// Reads a key written as 64 hex digits or as base64 of 32 bytes; `source_name` names where it came from
    /// (a file or the environment variable) in the error.
    pub fn parse(source_name: &str, text: &str) -> Result<MasterKey, KeyError> {
        use base64::Engine as _;
        let text = text.trim();
        let bad = |reason: &str| KeyError::BadMaster { source_name: source_name.into(), reason: reason.into() };
        if text.is_empty() {
            return Err(bad("it is empty"));
        }
        let bytes = if text.len() == 64 && text.bytes().all(|b| b.is_ascii_hexdigit()) {
            hex::decode(text).map_err(|e| bad(&e.to_string()))?
        } else {
            base64::engine::general_purpose::STANDARD
                .decode(text)
                .map_err(|_| bad("it is neither 64 hex digits nor base64"))?
        };
        let key: [u8; 32] =
            bytes.try_into().map_err(|b: Vec<u8>| bad(&format!("it is {} bytes long, not 32", b.len())))?;
        Ok(MasterKey(key))
    }

    /// A new random key.
    pub fn generate() -> MasterKey {
        let mut k = [0u8; 32];
        OsRng.fill_bytes(&mut k);
        MasterKey(k)
    }

    /// The key as the file and the environment variable hold it.
    pub fn to_hex(&self) -> String {
        hex::encode(self.0)
    }

    /// The key in `file`, or a new one written there (mode 0600) when there is none. A file that others may
    /// read is refused: the key would unlock everything.
    pub fn load_or_create(file: &Path) -> Result<MasterKey, KeyError> {
        let name = file.display().to_string();
        match std::fs::read_to_string(file) {
            Ok(text) => {
                check_private(file)?;
                MasterKey::parse(&name, &text)
            }
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => {
                let key = MasterKey::generate();
                key.save_new(file)?;
                Ok(key)
            }
            Err(e) => Err(KeyError::BadMaster { source_name: name, reason: format!("cannot read it: {e}") }),
        }
    }

    /// The deployment secret for `purpose`, as `Keyring::secret` gives it, without opening a store (`swipefix
    /// console link` while the bot holds the database).
    pub fn secret(&self, purpose: &str) -> [u8; 32] {
        derived_secret(&self.derive(INDEX_PURPOSE), purpose)
    }

    /// A short public name of the key (not the key), for backups and shared databases.
    pub fn fingerprint(&self) -> String {
        hex::encode(&self.derive("swipefix fingerprint v1")[..8])
    }

    /// Writes the key to a new file `file` (mode 0600), where a data directory keeps it.
    pub fn save_new(&self, file: &Path) -> Result<(), KeyError> {
        write_private(file, format!("{}\n", self.to_hex()).as_bytes())?;
        sync_dir(file).map_err(|e| KeyError::Write { path: file.into(), reason: e.to_string() })
    }

    /// A key for one purpose, derived from the master key (HMAC-SHA256 as a PRF over a fixed label).
    pub(crate) fn derive(&self, label: &str) -> [u8; 32] {
        let mut mac = <Hmac<Sha256> as Mac>::new_from_slice(&self.0).expect("HMAC takes any key length");
        mac.update(label.as_bytes());
        mac.finalize().into_bytes().into()
    }
}

#[cfg(unix)]
fn check_private(file: &Path) -> Result<(), KeyError> {
    use std::os::unix::fs::PermissionsExt;
    let mode = std::fs::metadata(file).map(|m| m.permissions().mode()).unwrap_or(0o600);
    if mode & 0o077 != 0 {
        return Err(KeyError::BadMaster {
            source_name: file.display().to_string(),
            reason: format!("other users may read it (mode {:o}); run `chmod 600 {}`", mode & 0o777, file.display()),
        });
    }
    Ok(())
}

#[cfg(not(unix))]
fn check_private(_: &Path) -> Result<(), KeyError> {
    Ok(())
}

/// Creates `file` readable by its owner only, with `bytes` on disk (its name is durable once the directory is
/// synced).
fn write_private(file: &Path, bytes: &[u8]) -> Result<(), KeyError> {
    let err = |e: std::io::Error| KeyError::Write { path: file.into(), reason: e.to_string() };
    let mut options = std::fs::OpenOptions::new();
    options.write(true).create_new(true);
    #[cfg(unix)]
    std::os::unix::fs::OpenOptionsExt::mode(&mut options, 0o600);
    let mut f = options.open(file).map_err(err)?;
    f.write_all(bytes).and_then(|()| f.sync_all()).map_err(err)
}

/// Replaces `file` with `bytes` so that a crash leaves the old or the new file, never a mix, and the old
/// file's content is gone from the directory once this returns.
fn replace_file(file: &Path, bytes: &[u8]) -> Result<(), KeyError> {
    let err = |e: std::io::Error| KeyError::Write { path: file.into(), reason: e.to_string() };
    let tmp = file.with_extension("tmp");
    let _ = std::fs::remove_file(&tmp);
    write_private(&tmp, bytes)?;
    std::fs::rename(&tmp, file).map_err(err)?;
    sync_dir(file).map_err(err)
}

/// A rename or a new file is durable only once its directory is.
fn sync_dir(file: &Path) -> std::io::Result<()> {
    match file.parent() {
        #[cfg(unix)]
        Some(dir) => std::fs::File::open(dir)?.sync_all(),
        _ => Ok(()),
    }
}

/// A keyed hash: names a key in a sealed record's header, or a person in an index — never the name itself
/// (a Telegram id, a case id), and not computable without the master key.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct KeyId(pub [u8; ID_LEN]);

/// The per-record keys, by id.
pub type KeyMap = BTreeMap<KeyId, [u8; 32]>;

/// Where the keys are kept for good. The keyring holds them all in memory and asks its vault to make a new
/// key durable before any record is sealed with it, and to forget destroyed ones.
pub trait Vault: Send + Sync {
    /// Every key kept, at open.
    fn all(&self) -> Result<KeyMap, KeyError>;
    /// Makes `new` durable beside `known` (every key kept so far). Returns the keys now kept under `new`'s
    /// ids: a vault shared by several processes keeps the one that was there first.
    fn add(&self, known: &KeyMap, new: &KeyMap) -> Result<KeyMap, KeyError>;
    /// Forgets `gone` for good; `rest` is every key that stays.
    fn remove(&self, rest: &KeyMap, gone: &[KeyId]) -> Result<(), KeyError>;
    /// A key this process does not know: one another process made since. A vault of one process has none.
    fn find(&self, _id: KeyId) -> Result<Option<[u8; 32]>, KeyError> {
        Ok(None)
    }
}

/// Keys in memory only (the memory store).
struct NoVault;

impl Vault for NoVault {
    fn all(&self) -> Result<KeyMap, KeyError> {
        Ok(KeyMap::new())
    }
    fn add(&self, _: &KeyMap, new: &KeyMap) -> Result<KeyMap, KeyError> {
        Ok(new.clone())
    }
    fn remove(&self, _: &KeyMap, _: &[KeyId]) -> Result<(), KeyError> {
        Ok(())
    }
}

/// The key file of a sled data directory, rewritten whole on every change (see the module's header).
struct FileVault {
    /// Seals the key file.
    file_key: [u8; 32],
    file: PathBuf,
}

/// Every person's key, in memory, and where they are kept.
pub struct Keyring {
    /// Keys the hash of owner ids.
    index_key: [u8; 32],
    /// Names the master key in a backup's header, so a backup is never opened with other keys.
    fingerprint: String,
    vault: Box<dyn Vault>,
    keys: RwLock<KeyMap>,
    /// Held while the vault writes, so that reads (every load) never wait for its fsync and two writes never
    /// race: the map changes only under this lock.
    writing: Mutex<()>,
    /// New keys waiting for the next rewrite: the cases opened while one rewrite runs all go into the next
    /// (group commit), so a thousand people starting at once cost a few rewrites, not a thousand.
    pending: Mutex<KeyMap>,
}

impl Keyring {
    /// The keys of the data directory `dir`: with `master` (from the environment), or the master key file
    /// there (created on first start). A key file with no master key file beside it is an error: a new
    /// master key would make every record unreadable.
    pub fn open(dir: &Path, master: Option<MasterKey>) -> Result<Keyring, KeyError> {
        let file = dir.join(KEYS_FILE);
        let master_file = dir.join(MASTER_FILE);
        let master = match master {
            Some(m) => m,
            None if file.exists() && !master_file.exists() => {
                return Err(KeyError::BadMaster {
                    source_name: master_file.display().to_string(),
                    reason: format!(
                        "it is missing, but {} holds keys sealed with it: put it back, or set {MASTER_ENV}",
                        file.display()
                    ),
                });
            }
            None => MasterKey::load_or_create(&master_file)?,
        };
        let _ = std::fs::remove_file(file.with_extension("tmp"));
        let vault = FileVault { file_key: master.derive("swipefix key file v1"), file };
        Keyring::with_vault(&master, Box::new(vault))
    }

    /// Keys in memory only (the memory store): a new random master key, nothing on disk.
    pub fn in_memory() -> Keyring {
        Keyring::with_vault(&MasterKey::generate(), Box::new(NoVault)).expect("an empty vault reads")
    }

    /// The keys `vault` keeps, hashed and named under `master`.
    pub fn with_vault(master: &MasterKey, vault: Box<dyn Vault>) -> Result<Keyring, KeyError> {
        Ok(Keyring {
            index_key: master.derive(INDEX_PURPOSE),
            fingerprint: master.fingerprint(),
            keys: RwLock::new(vault.all()?),
            vault,
            writing: Mutex::new(()),
            pending: Mutex::new(BTreeMap::new()),
        })
    }

    /// A short public name of the master key (not the key), for backups.
    pub fn fingerprint(&self) -> &str {
        &self.fingerprint
    }

    /// The id of `owner` (`tg:…`) in indexes.
    pub fn person(&self, owner: &str) -> KeyId {
        self.hash(b"person", owner)
    }

    /// The id of the key named `name` (`case:<id>`, `merchant:<code>`).
    pub fn key_id(&self, name: &str) -> KeyId {
        self.hash(b"key", name)
    }

    /// A secret of this deployment for `purpose` (signing sign-in links and console cookies): derived from the
    /// master key, so every process sharing the database has the same one and nothing more is kept.
    pub fn secret(&self, purpose: &str) -> [u8; 32] {
        derived_secret(&self.index_key, purpose)
    }

    fn hash(&self, domain: &[u8], name: &str) -> KeyId {
        let mut mac = <Hmac<Sha256> as Mac>::new_from_slice(&self.index_key).expect("HMAC takes any key length");
        mac.update(domain);
        mac.update(&[0]);
        mac.update(name.as_bytes());
        let full: [u8; 32] = mac.finalize().into_bytes().into();
        KeyId(full[..ID_LEN].try_into().expect("16 bytes"))
    }

    /// Whether the key of `id` still exists (it does not once the person was erased).
    pub fn has(&self, id: KeyId) -> bool {
        self.read().contains_key(&id)
    }

    fn read(&self) -> std::sync::RwLockReadGuard<'_, KeyMap> {
        self.keys.read().unwrap_or_else(|p| p.into_inner())
    }

    fn write(&self) -> std::sync::RwLockWriteGuard<'_, KeyMap> {
        self.keys.write().unwrap_or_else(|p| p.into_inner())
    }

    /// Seals `plain` with the key named `name` (made, and durable, first if there is none): the key's id, a
    /// random nonce, the ciphertext. `context` (what kind of record) is authenticated too, so a sealed merchant
    /// cannot be passed off as a case.
    pub fn seal(&self, name: &str, context: &[u8], plain: &[u8]) -> Result<Vec<u8>, KeyError> {
        let id = self.key_id(name);
        let key = self.key_of(id)?;
        let cipher = XChaCha20Poly1305::new(&key.into());
        let nonce = XChaCha20Poly1305::generate_nonce(&mut OsRng);
        let sealed = cipher
            .encrypt(&nonce, Payload { msg: plain, aad: context })
            .map_err(|_| KeyError::Sealed("encryption failed".into()))?;
        let mut out = Vec::with_capacity(ID_LEN + NONCE + sealed.len());
        out.extend_from_slice(&id.0);
        out.extend_from_slice(&nonce);
        out.extend_from_slice(&sealed);
        Ok(out)
    }

    /// The key a sealed record was sealed with.
    pub fn sealed_with(sealed: &[u8]) -> Option<KeyId> {
        sealed.get(..ID_LEN).map(|b| KeyId(b.try_into().expect("16 bytes")))
    }

    /// Opens a sealed record; `None` when its key was destroyed (the record was erased).
    pub fn open_sealed(&self, context: &[u8], sealed: &[u8]) -> Result<Option<Vec<u8>>, KeyError> {
        let id = Keyring::sealed_with(sealed).ok_or_else(|| KeyError::Sealed("too short".into()))?;
        let Some(key) = self.known(id)? else { return Ok(None) };
        let rest = &sealed[ID_LEN..];
        if rest.len() < NONCE {
            return Err(KeyError::Sealed("too short".into()));
        }
        let cipher = XChaCha20Poly1305::new(&key.into());
        cipher
            .decrypt(XNonce::from_slice(&rest[..NONCE]), Payload { msg: &rest[NONCE..], aad: context })
            .map(Some)
            .map_err(|_| KeyError::Sealed("it was changed, or sealed with another key".into()))
    }

    /// The key of `id` if it exists: in memory, or made by another process since (a shared vault).
    fn known(&self, id: KeyId) -> Result<Option<[u8; 32]>, KeyError> {
        if let Some(k) = self.read().get(&id) {
            return Ok(Some(*k));
        }
        let found = self.vault.find(id)?;
        if let Some(k) = found {
            self.write().insert(id, k);
        }
        Ok(found)
    }

    /// The key of `id`, made and made durable by the vault first if there is none: a record is never sealed
    /// with a key that a crash could lose.
    fn key_of(&self, id: KeyId) -> Result<[u8; 32], KeyError> {
        if let Some(k) = self.known(id)? {
            return Ok(k);
        }
        self.pending().entry(id).or_insert_with(|| {
            let mut key = [0u8; 32];
            OsRng.fill_bytes(&mut key);
            key
        });
        let _writing = self.writing.lock().unwrap_or_else(|p| p.into_inner());
        // A write that ran while this one waited may have taken this key along.
        if let Some(k) = self.read().get(&id) {
            return Ok(*k);
        }
        let batch = std::mem::take(&mut *self.pending());
        let known = self.read().clone();
        let kept = match self.vault.add(&known, &batch) {
            Ok(kept) => kept,
            Err(e) => {
                // Not written: the others in the batch try again in their turn.
                self.pending().extend(batch);
                return Err(e);
            }
        };
        let mut map = self.write();
        map.extend(kept);
        map.get(&id).copied().ok_or_else(|| KeyError::Sealed("the vault did not keep a new key".into()))
    }

    /// Takes over every key of `other` (same master key): a copy of a deployment to another store
    /// (`store::copy`) keeps its records openable.
    pub fn adopt(&self, other: &Keyring) -> Result<usize, KeyError> {
        if other.fingerprint != self.fingerprint {
            return Err(KeyError::Sealed(format!(
                "the keys come from master key {}, this store has {}",
                other.fingerprint, self.fingerprint
            )));
        }
        let _writing = self.writing.lock().unwrap_or_else(|p| p.into_inner());
        let known = self.read().clone();
        let new: KeyMap =
            other.read().iter().filter(|(id, _)| !known.contains_key(id)).map(|(i, k)| (*i, *k)).collect();
        let kept = self.vault.add(&known, &new)?;
        let n = kept.len();
        self.write().extend(kept);
        Ok(n)
    }

    fn pending(&self) -> std::sync::MutexGuard<'_, KeyMap> {
        self.pending.lock().unwrap_or_else(|p| p.into_inner())
    }

    /// Destroys the keys named `names` with one write of the vault (one rewrite of the key file): once this
    /// returns, the vault holds them no more, so every record ever sealed with them — in sled's log, in a
    /// backup — stays sealed for good. Returns how many there were.
    pub fn destroy(&self, names: &[String]) -> Result<usize, KeyError> {
        let _writing = self.writing.lock().unwrap_or_else(|p| p.into_inner());
        let mut next = self.read().clone();
        let ids: Vec<KeyId> = names.iter().map(|n| self.key_id(n)).collect();
        // A shared vault may hold keys this process never loaded: those are destroyed too (and a vault that
        // cannot say is an error, never a key left behind).
        let mut gone = Vec::new();
        for id in ids {
            if next.remove(&id).is_some() || self.vault.find(id)?.is_some() {
                gone.push(id);
            }
        }
        if !gone.is_empty() {
            self.vault.remove(&next, &gone)?;
            *self.write() = next;
        }
        Ok(gone.len())
    }
}

impl Vault for FileVault {
    fn all(&self) -> Result<KeyMap, KeyError> {
        Ok(self.read_file()?.unwrap_or_default())
    }

    fn add(&self, known: &KeyMap, new: &KeyMap) -> Result<KeyMap, KeyError> {
        let mut all = known.clone();
        all.extend(new.iter().map(|(i, k)| (*i, *k)));
        self.write_file(&all)?;
        Ok(new.clone())
    }

    fn remove(&self, rest: &KeyMap, _gone: &[KeyId]) -> Result<(), KeyError> {
        self.write_file(rest)
    }
}

impl FileVault {
    /// Rewrites the key file: `SFK1`, a nonce, then the sealed list of (person id, key).
    fn write_file(&self, keys: &KeyMap) -> Result<(), KeyError> {
        let file = &self.file;
        let mut plain = Vec::with_capacity(keys.len() * (ID_LEN + 32));
        for (id, key) in keys {
            plain.extend_from_slice(&id.0);
            plain.extend_from_slice(key);
        }
        let cipher = XChaCha20Poly1305::new(&self.file_key.into());
        let nonce = XChaCha20Poly1305::generate_nonce(&mut OsRng);
        let sealed = cipher
            .encrypt(&nonce, Payload { msg: &plain, aad: KEYS_MAGIC })
            .map_err(|_| KeyError::Write { path: file.clone(), reason: "encryption failed".into() })?;
        let mut bytes = KEYS_MAGIC.to_vec();
        bytes.extend_from_slice(&nonce);
        bytes.extend_from_slice(&sealed);
        replace_file(file, &bytes)
    }

    /// The keys in the file, or `None` when there is no file yet.
    fn read_file(&self) -> Result<Option<KeyMap>, KeyError> {
        let file = &self.file;
        let bad = |reason: &str| KeyError::BadKeys { path: file.into(), reason: reason.into() };
        let bytes = match std::fs::read(file) {
            Ok(b) => b,
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(None),
            Err(e) => return Err(bad(&format!("cannot read it: {e}"))),
        };
        if bytes.len() < KEYS_MAGIC.len() + NONCE || &bytes[..4] != KEYS_MAGIC {
            return Err(bad("it is not a swipefix key file"));
        }
        let cipher = XChaCha20Poly1305::new(&self.file_key.into());
        let plain = cipher
            .decrypt(XNonce::from_slice(&bytes[4..4 + NONCE]), Payload { msg: &bytes[4 + NONCE..], aad: KEYS_MAGIC })
            .map_err(|_| bad("it does not open with this master key (another key, or the file is damaged)"))?;
        if plain.len() % (ID_LEN + 32) != 0 {
            return Err(bad("it is damaged (a partial entry)"));
        }
        let keys = plain
            .chunks_exact(ID_LEN + 32)
            .map(|c| (KeyId(c[..ID_LEN].try_into().expect("16")), c[ID_LEN..].try_into().expect("32")))
            .collect();
        Ok(Some(keys))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keys_made_at_once_by_many_threads_are_all_on_disk_before_their_records_are_sealed() {
        let dir = tempfile::tempdir().unwrap();
        let master = MasterKey::generate();
        let ring = Keyring::open(dir.path(), Some(master.clone())).unwrap();
        let sealed: Vec<(String, Vec<u8>)> = std::thread::scope(|s| {
            let handles: Vec<_> = (0..32)
                .map(|i| {
                    let ring = &ring;
                    s.spawn(move || {
                        let name = format!("case:{i}");
                        let record = ring.seal(&name, b"case", name.as_bytes()).unwrap();
                        (name, record)
                    })
                })
                .collect();
            handles.into_iter().map(|h| h.join().unwrap()).collect()
        });
        // What a restart finds: every record opens with the keys in the file.
        let again = Keyring::open(dir.path(), Some(master)).unwrap();
        for (name, record) in sealed {
            assert_eq!(again.open_sealed(b"case", &record).unwrap().as_deref(), Some(name.as_bytes()), "{name}");
        }
    }

    #[test]
    fn a_destroyed_key_is_in_no_file_and_its_records_stay_sealed() {
        let tmp = tempfile::tempdir().unwrap();
        let dir = tmp.path().to_path_buf();
        let ring = Keyring::open(&dir, None).unwrap();
        let sealed = ring.seal("tg:1", b"case", b"Ann's shop").unwrap();
        let other = ring.seal("tg:2", b"case", b"Bob").unwrap();
        assert_eq!(ring.open_sealed(b"case", &sealed).unwrap().unwrap(), b"Ann's shop");
        assert!(ring.open_sealed(b"merchant", &sealed).is_err(), "the context is authenticated");
        let key_file_before = std::fs::read(dir.join(KEYS_FILE)).unwrap();
        assert_eq!(ring.destroy(&["tg:1".to_string(), "tg:9".to_string()]).unwrap(), 1);
        assert_eq!(ring.open_sealed(b"case", &sealed).unwrap(), None);
        // A fresh start reads the rewritten file: Bob's key is there, Ann's is not.
        let again = Keyring::open(&dir, None).unwrap();
        assert_eq!(again.open_sealed(b"case", &other).unwrap().unwrap(), b"Bob");
        assert_eq!(again.open_sealed(b"case", &sealed).unwrap(), None);
        assert_ne!(std::fs::read(dir.join(KEYS_FILE)).unwrap(), key_file_before);
    }

    #[test]
    fn master_keys_are_read_as_hex_or_base64_and_bad_ones_name_their_source() {
        let hex = "00".repeat(32);
        assert_eq!(MasterKey::parse("x", &hex).unwrap().0, [0; 32]);
        let b64 = "AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=";
        assert_eq!(MasterKey::parse("x", b64).unwrap().0, [0; 32]);
        let e = MasterKey::parse("environment SWIPEFIX_MASTER_KEY", "AAAA").unwrap_err().to_string();
        assert!(e.contains("SWIPEFIX_MASTER_KEY") && e.contains("not 32"), "{e}");
        let tmp = tempfile::tempdir().unwrap();
        let dir = tmp.path().to_path_buf();
        Keyring::open(&dir, None).unwrap().seal("tg:1", b"c", b"x").unwrap();
        std::fs::remove_file(dir.join(MASTER_FILE)).unwrap();
        let e = Keyring::open(&dir, None).err().unwrap().to_string();
        assert!(e.contains(MASTER_FILE) && e.contains("missing"), "{e}");
        let e = Keyring::open(&dir, Some(MasterKey::generate())).err().unwrap().to_string();
        assert!(e.contains(KEYS_FILE) && e.contains("does not open with this master key"), "{e}");
    }

    #[cfg(unix)]
    #[test]
    fn a_master_key_file_is_created_private_and_refused_when_others_may_read_it() {
        use std::os::unix::fs::PermissionsExt;
        let tmp = tempfile::tempdir().unwrap();
        let file = tmp.path().join(MASTER_FILE);
        let key = MasterKey::load_or_create(&file).unwrap();
        assert_eq!(std::fs::metadata(&file).unwrap().permissions().mode() & 0o777, 0o600);
        assert_eq!(MasterKey::load_or_create(&file).unwrap().0, key.0, "read back, not made again");
        std::fs::set_permissions(&file, std::fs::Permissions::from_mode(0o644)).unwrap();
        let e = MasterKey::load_or_create(&file).unwrap_err().to_string();
        assert!(e.contains(&file.display().to_string()) && e.contains("chmod 600"), "{e}");
    }
}
