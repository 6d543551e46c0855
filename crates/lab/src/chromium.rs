//! Debian's headless Chromium for browser tests (issue 16): `chromedriver` (package `chromium-driver`) on a
//! free port of 127.0.0.1, and the capabilities that start `/usr/bin/chromium` (package `chromium`) headless
//! with a fresh profile and none of its own network traffic (it would fail against a closed network, many
//! connections at a time). The test drives it over WebDriver; the driver, and the browsers it started, are
//! stopped when this is dropped.
//!
//! Where the packages are missing, `for_test` says so and the test may skip — unless
//! `SWIPEFIX_REQUIRE_BROWSER` is set (as `.ci/run` does), when it fails.
//! Owns: finding the binaries, the driver's life. Must not touch: pages (the test's).

use std::os::unix::process::CommandExt;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

/// The variable that makes browser tests mandatory (set by `.ci/run`).
pub const REQUIRE: &str = "SWIPEFIX_REQUIRE_BROWSER";

const CHROMIUM: &str = "/usr/bin/chromium";
const DRIVER: &str = "/usr/bin/chromedriver";

/// A running chromedriver; killed on drop.
pub struct Driver {
    child: Child,
    port: u16,
    profile: tempfile::TempDir,
}

impl Driver {
    /// The driver for a test, or `None` (said on stderr) where the packages are missing and
    /// `SWIPEFIX_REQUIRE_BROWSER` is unset. Panics when it is set, or when the driver does not come up.
    pub fn for_test(test: &str) -> Option<Driver> {
        if !Path::new(CHROMIUM).exists() || !Path::new(DRIVER).exists() {
            assert!(
                std::env::var_os(REQUIRE).is_none(),
                "{test}: {CHROMIUM} or {DRIVER} is missing (install Debian's chromium and chromium-driver)"
            );
            eprintln!("SKIPPED {test}: no {CHROMIUM} / {DRIVER} (set {REQUIRE}=1 to make this a failure)");
            return None;
        }
        Some(Driver::start().unwrap_or_else(|e| panic!("{test}: chromedriver did not start: {e}")))
    }

    fn start() -> std::io::Result<Driver> {
        let port = crate::load::free_port()?;
        let child = Command::new(DRIVER)
            // A group of its own: the browsers it starts are in it, and go with it.
            .process_group(0)
            .arg(format!("--port={port}"))
            .arg("--allowed-ips=127.0.0.1")
            .stdin(Stdio::null())
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()?;
        let profile = tempfile::Builder::new().prefix("swipefix-chromium").tempdir()?;
        let driver = Driver { child, port, profile };
        driver.wait_ready(Duration::from_secs(30))?;
        Ok(driver)
    }

    /// Waits until the driver takes connections.
    fn wait_ready(&self, limit: Duration) -> std::io::Result<()> {
        let until = Instant::now() + limit;
        while Instant::now() < until {
            if std::net::TcpStream::connect(("127.0.0.1", self.port)).is_ok() {
                return Ok(());
            }
            std::thread::sleep(Duration::from_millis(50));
        }
        Err(std::io::Error::other(format!("chromedriver took no connection on port {} within {limit:?}", self.port)))
    }

    /// The WebDriver address.
    pub fn url(&self) -> String {
        format!("http://127.0.0.1:{}", self.port)
    }

    /// The capabilities of a headless Chromium with a fresh profile, `width` × `height` pixels.
    pub fn capabilities(&self, width: u32, height: u32) -> serde_json::Map<String, serde_json::Value> {
        let args = [
            "--headless=new",
            "--no-sandbox",
            "--disable-gpu",
            "--disable-dev-shm-usage",
            "--disable-quic",
            "--no-first-run",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
            "--disable-extensions",
            "--lang=en-US",
        ]
        .map(String::from)
        .into_iter()
        .chain([format!("--user-data-dir={}", self.profile_dir().display()), format!("--window-size={width},{height}")])
        .collect::<Vec<_>>();
        let options = serde_json::json!({ "binary": CHROMIUM, "args": args });
        let mut caps = serde_json::Map::new();
        caps.insert("browserName".into(), "chrome".into());
        caps.insert("goog:chromeOptions".into(), options);
        caps
    }

    fn profile_dir(&self) -> PathBuf {
        self.profile.path().to_path_buf()
    }
}

impl Drop for Driver {
    /// Kills the driver's whole process group (the browsers too, even after a failed test left them open).
    fn drop(&mut self) {
        let group = format!("-{}", self.child.id());
        let _ = Command::new("kill").args(["-KILL", "--", &group]).stderr(Stdio::null()).status();
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}
