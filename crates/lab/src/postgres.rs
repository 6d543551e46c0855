//! A throwaway PostgreSQL server for tests (issue 15): the machine's own server binaries (Debian's
//! `postgresql` package puts them under `/usr/lib/postgresql/<version>/bin`), a fresh cluster in a temporary
//! directory, listening on a free port of 127.0.0.1 only, stopped and removed when dropped.
//!
//! `initdb` refuses to run as root; under root (CI containers) the cluster is made and run as `nobody`.
//! Where no server binaries are found, `start` says so (`Missing`): a test may then skip loudly — unless
//! `SWIPEFIX_REQUIRE_POSTGRES` is set (as `.ci/run` does), when the caller must fail.
//!
//! Owns: finding the binaries, the cluster's life. Must not touch: schemas or data (the store's).

use std::os::unix::process::CommandExt;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

/// The variable that makes PostgreSQL tests mandatory (set by `.ci/run`).
pub const REQUIRE: &str = "SWIPEFIX_REQUIRE_POSTGRES";

/// The superuser of a throwaway cluster (trust authentication on loopback only).
pub const USER: &str = "swipefix";

/// The uid and gid a cluster runs as when the tests run as root.
const NOBODY: u32 = 65534;

#[derive(Debug, thiserror::Error)]
pub enum PgError {
    #[error(
        "no PostgreSQL server binaries (looked in /usr/lib/postgresql/*/bin and PATH); install Debian's `postgresql` package"
    )]
    Missing,
    #[error("PostgreSQL could not be set up: {0}")]
    Setup(String),
}

/// A running throwaway server; stopped and its directory removed on drop.
pub struct TempPostgres {
    server: Child,
    port: u16,
    dir: tempfile::TempDir,
}

impl TempPostgres {
    /// Makes a cluster and starts it; waits until it takes connections (up to 60 s).
    pub fn start() -> Result<TempPostgres, PgError> {
        let bin = binaries().ok_or(PgError::Missing)?;
        let dir = tempfile::Builder::new().prefix("swipefix-pg").tempdir().map_err(setup)?;
        let data = dir.path().join("data");
        as_owner(dir.path())?;
        let out = unprivileged(Command::new(bin.join("initdb")))
            .args(["--auth=trust", "--encoding=UTF8", "--locale=C", "-U", USER, "-D"])
            .arg(&data)
            .output()
            .map_err(setup)?;
        if !out.status.success() {
            return Err(PgError::Setup(format!("initdb: {}", String::from_utf8_lossy(&out.stderr).trim())));
        }
        let port = free_port()?;
        let server = unprivileged(Command::new(bin.join("postgres")))
            .arg("-D")
            .arg(&data)
            .args(["-p", &port.to_string(), "-c", "listen_addresses=127.0.0.1", "-c", "fsync=off"])
            // The socket directory: the cluster's own, not /var/run/postgresql (which needs root).
            .arg("-k")
            .arg(dir.path())
            .stdin(Stdio::null())
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .map_err(setup)?;
        let pg = TempPostgres { server, port, dir };
        pg.wait_ready(&bin)?;
        Ok(pg)
    }

    /// The server for a test, or `None` (after saying so on stderr) where the machine has no PostgreSQL and
    /// `SWIPEFIX_REQUIRE_POSTGRES` is unset. Panics when it is set, or when a server is there but fails.
    pub fn for_test(test: &str) -> Option<TempPostgres> {
        match TempPostgres::start() {
            Ok(pg) => Some(pg),
            Err(PgError::Missing) if !required() => {
                eprintln!("SKIPPED {test}: no PostgreSQL on this machine (set {REQUIRE}=1 to make this a failure)");
                None
            }
            Err(e) => panic!("{test}: {e}"),
        }
    }

    /// The URL a client connects with (database `postgres`, user `USER`).
    pub fn url(&self) -> String {
        self.url_of("postgres")
    }

    /// The URL of database `name` on this server.
    pub fn url_of(&self, name: &str) -> String {
        format!("postgres://{USER}@127.0.0.1:{}/{name}", self.port)
    }

    /// Runs `sql` in database `db` with psql; its output, unaligned.
    pub fn sql(&self, db: &str, sql: &str) -> Result<String, PgError> {
        let bin = binaries().ok_or(PgError::Missing)?;
        let out = Command::new(bin.join("psql"))
            .args(["-h", "127.0.0.1", "-p", &self.port.to_string(), "-U", USER, "-d", db, "-v", "ON_ERROR_STOP=1"])
            .args(["-Atc", sql])
            .output()
            .map_err(setup)?;
        if !out.status.success() {
            return Err(PgError::Setup(format!("psql: {}", String::from_utf8_lossy(&out.stderr).trim())));
        }
        Ok(String::from_utf8_lossy(&out.stdout).trim().to_string())
    }

    /// Creates an empty database `name` and returns its URL (several stores on one server).
    pub fn database(&self, name: &str) -> Result<String, PgError> {
        let bin = binaries().ok_or(PgError::Missing)?;
        let out = Command::new(bin.join("createdb"))
            .args(["-h", "127.0.0.1", "-p", &self.port.to_string(), "-U", USER, name])
            .output()
            .map_err(setup)?;
        if !out.status.success() {
            return Err(PgError::Setup(format!("createdb {name}: {}", String::from_utf8_lossy(&out.stderr).trim())));
        }
        Ok(self.url_of(name))
    }

    pub fn port(&self) -> u16 {
        self.port
    }

    /// The cluster's files (data, WAL), e.g. to search them byte for byte.
    pub fn data_dir(&self) -> std::path::PathBuf {
        self.dir.path().join("data")
    }

    /// The server's (postmaster's) process id; its connections are its children.
    pub fn pid(&self) -> u32 {
        self.server.id()
    }

    /// Polls `pg_isready` until the server answers.
    fn wait_ready(&self, bin: &Path) -> Result<(), PgError> {
        let deadline = Instant::now() + Duration::from_secs(60);
        while Instant::now() < deadline {
            let ready = Command::new(bin.join("pg_isready"))
                .args(["-h", "127.0.0.1", "-p", &self.port.to_string(), "-U", USER])
                .stdout(Stdio::null())
                .status()
                .map_err(setup)?;
            if ready.success() {
                return Ok(());
            }
            // Polling a process that starts in well under a second; not a test's timing.
            std::thread::sleep(Duration::from_millis(50));
        }
        Err(PgError::Setup(format!("the server in {} did not come up within 60 s", self.dir.path().display())))
    }
}

impl Drop for TempPostgres {
    fn drop(&mut self) {
        // SIGKILL is enough for a throwaway cluster; its directory goes with `dir`.
        let _ = self.server.kill();
        let _ = self.server.wait();
    }
}

/// Whether the tests must have PostgreSQL (`SWIPEFIX_REQUIRE_POSTGRES` set and not `0`).
pub fn required() -> bool {
    std::env::var(REQUIRE).is_ok_and(|v| !v.is_empty() && v != "0")
}

/// The server binaries: the newest `/usr/lib/postgresql/<version>/bin`, else `initdb` on PATH.
fn binaries() -> Option<PathBuf> {
    let mut versions: Vec<(u32, PathBuf)> = std::fs::read_dir("/usr/lib/postgresql")
        .into_iter()
        .flatten()
        .flatten()
        .filter_map(|e| Some((e.file_name().to_str()?.parse().ok()?, e.path().join("bin"))))
        .filter(|(_, bin)| bin.join("initdb").is_file())
        .collect();
    versions.sort();
    if let Some((_, bin)) = versions.pop() {
        return Some(bin);
    }
    let path = std::env::var_os("PATH")?;
    std::env::split_paths(&path).find(|d| d.join("initdb").is_file() && d.join("postgres").is_file())
}

/// A command that runs as `nobody` when we are root (initdb refuses root).
fn unprivileged(mut cmd: Command) -> Command {
    if is_root() {
        cmd.uid(NOBODY).gid(NOBODY);
    }
    cmd
}

/// Hands the cluster's directory to `nobody` when we are root.
fn as_owner(dir: &Path) -> Result<(), PgError> {
    if is_root() {
        std::os::unix::fs::chown(dir, Some(NOBODY), Some(NOBODY)).map_err(setup)?;
    }
    Ok(())
}

/// Whether this process runs as root: `/proc/self` belongs to the process's effective user.
fn is_root() -> bool {
    use std::os::unix::fs::MetadataExt;
    std::fs::metadata("/proc/self").is_ok_and(|m| m.uid() == 0)
}

/// A port of 127.0.0.1 free a moment ago (the server takes it right after).
fn free_port() -> Result<u16, PgError> {
    crate::load::free_port().map_err(setup)
}

fn setup(e: impl std::fmt::Display) -> PgError {
    PgError::Setup(e.to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The harness itself: a cluster comes up on loopback, takes a query, and is gone once dropped.
    #[test]
    fn a_throwaway_server_starts_answers_and_is_removed() {
        let Some(pg) = TempPostgres::for_test("a_throwaway_server_starts_answers_and_is_removed") else { return };
        let bin = binaries().unwrap();
        let out = Command::new(bin.join("psql"))
            .args(["-h", "127.0.0.1", "-p", &pg.port().to_string(), "-U", USER, "-d", "postgres", "-Atc"])
            .arg("select 40 + 2")
            .output();
        // psql is in Debian's client package, not the server's: check with it only where it is.
        if let Ok(out) = out {
            assert_eq!(String::from_utf8_lossy(&out.stdout).trim(), "42", "{}", String::from_utf8_lossy(&out.stderr));
        }
        assert!(pg.url().starts_with("postgres://swipefix@127.0.0.1:"));
        let dir = pg.dir.path().to_path_buf();
        drop(pg);
        assert!(!dir.exists(), "the cluster's directory is removed");
    }
}
