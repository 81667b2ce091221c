//! Running a command with its output in a log file under target/setup/ rather than on
//! ours: what the background installs do, so their output does not mix with the build's.
//!
//! Part of setup: compiled.rs runs `cargo install` with [`run_logged`], which
//! `stop_background` (mod.rs) can end; browsers.rs runs apt with [`run_to_log`].

use std::fs::File;
use std::io::Write;
use std::path::Path;
use std::process::{Child, Command, ExitStatus, Stdio};
use std::sync::Mutex;
use std::time::Duration;

use anyhow::{bail, Context, Result};

use super::lock;
use crate::util::{self, describe};

/// The `cargo install` running in the background, so `stop_background` can end it.
pub static RUNNING: Mutex<Option<Child>> = Mutex::new(None);

/// Runs `cmd` with its output in `log`, which it starts afresh (its command line first),
/// where `stop_background` can end it; on failure, the error ends with the log's last
/// lines.
pub fn run_logged(cmd: &mut Command, log: &Path) -> Result<()> {
    let line = describe(cmd);
    let child = to_log(cmd, log, &line, Start::Afresh)?
        .spawn()
        .with_context(|| format!("could not start `{line}`"))?;
    *lock(&RUNNING) = Some(child);
    let status = loop {
        let mut running = lock(&RUNNING);
        let Some(child) = running.as_mut() else {
            bail!("`{line}` was stopped");
        };
        if let Some(status) = child.try_wait().context("waiting for cargo install")? {
            running.take();
            break status;
        }
        drop(running);
        std::thread::sleep(Duration::from_millis(250));
    };
    outcome(status, &line, log)
}

/// Runs `cmd` with its output added to `log` (its command line first); on failure, the
/// error ends with the log's last lines.
pub fn run_to_log(cmd: &mut Command, log: &Path) -> Result<()> {
    let line = describe(cmd);
    let status = to_log(cmd, log, &line, Start::Append)?
        .status()
        .with_context(|| format!("could not start `{line}`"))?;
    outcome(status, &line, log)
}

/// Whether a log starts afresh or goes on after what an earlier command wrote.
#[derive(PartialEq)]
enum Start {
    Afresh,
    Append,
}

/// `cmd` with no input and its output (stdout and stderr) added to `log`, after a line
/// with its command line.
fn to_log<'c>(
    cmd: &'c mut Command,
    log: &Path,
    line: &str,
    start: Start,
) -> Result<&'c mut Command> {
    if start == Start::Afresh {
        util::write(log, "")?;
    } else if let Some(dir) = log.parent() {
        std::fs::create_dir_all(dir).with_context(|| format!("creating {}", dir.display()))?;
    }
    let mut file = File::options()
        .create(true)
        .append(true)
        .open(log)
        .with_context(|| format!("opening {}", log.display()))?;
    file.write_all(format!("$ {line}\n").as_bytes())
        .with_context(|| format!("writing {}", log.display()))?;
    let file_err = file
        .try_clone()
        .with_context(|| format!("opening {}", log.display()))?;
    Ok(cmd.stdin(Stdio::null()).stdout(file).stderr(file_err))
}

/// Ok when the command succeeded; else an error that ends with the log's last 30 lines,
/// where the reason usually is.
fn outcome(status: ExitStatus, line: &str, log: &Path) -> Result<()> {
    if status.success() {
        return Ok(());
    }
    let text = util::read_text(log).unwrap_or_default();
    let lines: Vec<&str> = text.lines().collect();
    let last = lines[lines.len().saturating_sub(30)..].join("\n");
    bail!(
        "`{line}` failed ({status}); the end of {}:\n{last}",
        util::rel(log)
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_failed_background_command_reports_the_end_of_its_log() {
        let log = std::env::temp_dir().join(format!("xtask-setup-{}.log", std::process::id()));
        let mut cmd = util::cargo();
        cmd.arg("--no-such-option");
        let error = format!("{:#}", run_logged(&mut cmd, &log).unwrap_err());
        assert!(error.contains("--no-such-option"), "{error}");
        let text = std::fs::read_to_string(&log).unwrap();
        assert!(text.starts_with("$ cargo --no-such-option\n"), "{text}");
        assert!(
            text.lines().count() > 1,
            "cargo's own complaint is in the log"
        );
        let _ = std::fs::remove_file(&log);
    }

    #[test]
    fn a_failed_logged_command_reports_the_end_of_its_log() {
        let log = std::env::temp_dir().join(format!("xtask-apt-{}.log", std::process::id()));
        let _ = std::fs::remove_file(&log);
        let mut cmd = util::cargo();
        cmd.arg("--no-such-option");
        let error = format!("{:#}", run_to_log(&mut cmd, &log).unwrap_err());
        assert!(error.contains("--no-such-option"), "{error}");
        let mut ok = util::cargo();
        ok.arg("--version");
        run_to_log(&mut ok, &log).unwrap();
        let text = std::fs::read_to_string(&log).unwrap();
        assert!(text.starts_with("$ cargo --no-such-option\n"), "{text}");
        assert!(
            text.contains("$ cargo --version\ncargo "),
            "appended, not replaced: {text}"
        );
        let _ = std::fs::remove_file(&log);
    }
}
