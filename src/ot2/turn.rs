//! The turn to start a run on one robot, shared by every ot2ctl worker on this computer.
//!
//! robot-server 8.1.0 is not safe for two clients starting runs at once, and the harm is
//! silent:
//! - a `POST /runs` that arrives while another run was played but its engine has not begun
//!   (it is still `idle`) replaces that run; the played run's task then starts whichever run
//!   is current, possibly the new one before its protocol is loaded, and stores that run's
//!   result under the played run's id;
//! - two `POST /runs` at once both clear "the current run": the second clears the first's
//!   new run and stores that run's empty, `idle` record over the previous run's result, so a
//!   run that dispensed reads back forever as `idle`, not current, with no commands.
//!
//! A turn is therefore held from the run's creation until its engine has begun (or the run
//! ended). Within one worker it is a mutex; between workers on this computer (several
//! `worker start` on one robot, as a lab with a spare computer may run) it is an advisory
//! lock on a file named after the robot in the temporary directory, released by the
//! kernel if the worker dies. Clients elsewhere (the Opentrons App, a worker on another
//! computer) cannot take part; what they do to a run is recognised where it is followed.

use std::fs::{File, OpenOptions, TryLockError};
use std::path::PathBuf;
use std::sync::{Arc, Mutex};
use std::time::Duration;

use md5::{Digest, Md5};
use tokio::sync::OwnedMutexGuard;

/// How often a worker looks again at a turn another worker holds.
const LOOK_AGAIN: Duration = Duration::from_millis(100);

/// This worker's turn to start a run on one robot; the turn passes on when it is dropped.
pub struct StartTurn {
    _file: Option<File>,
    _local: OwnedMutexGuard<()>,
}

/// Waits for, then takes, the turn to start a run on the robot at `url`.
pub async fn take(url: &str) -> StartTurn {
    let local = local_turn(url).lock_owned().await;
    let file = match open_lock_file(url) {
        Some(file) => lock(file).await,
        // A temporary directory that cannot hold the file leaves the in-process turn.
        None => None,
    };
    StartTurn {
        _file: file,
        _local: local,
    }
}

/// The mutex of this process for one robot.
fn local_turn(url: &str) -> Arc<tokio::sync::Mutex<()>> {
    type Turns = Vec<(String, Arc<tokio::sync::Mutex<()>>)>;
    static TURNS: Mutex<Turns> = Mutex::new(Vec::new());
    let mut turns = TURNS.lock().unwrap_or_else(|p| p.into_inner());
    if let Some((_, turn)) = turns.iter().find(|(robot, _)| robot == url) {
        return Arc::clone(turn);
    }
    let turn = Arc::new(tokio::sync::Mutex::new(()));
    turns.push((url.to_string(), Arc::clone(&turn)));
    turn
}

/// The lock file every worker on this computer uses for the robot at `url`: named by a
/// digest, so the robot's address (and anything in it) is not in the name.
fn lock_path(url: &str) -> PathBuf {
    let digest = Md5::digest(url.trim_end_matches('/').as_bytes());
    std::env::temp_dir().join(format!("ot2ctl-robot-{digest:x}.lock"))
}

fn open_lock_file(url: &str) -> Option<File> {
    let path = lock_path(url);
    OpenOptions::new()
        .read(true)
        .write(true)
        .create(true)
        .truncate(false)
        .open(&path)
        // Created by another user of this computer: a lock needs only reading.
        .or_else(|_| File::open(&path))
        .ok()
}

/// Holds the file's lock, waiting for another worker's turn to end.
async fn lock(file: File) -> Option<File> {
    loop {
        match file.try_lock() {
            Ok(()) => return Some(file),
            Err(TryLockError::WouldBlock) => tokio::time::sleep(LOOK_AGAIN).await,
            // A file system without locks: the in-process turn only.
            Err(TryLockError::Error(_)) => return None,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_lock_file_is_the_robots_and_does_not_show_its_address() {
        let path = lock_path("http://lab:secret@10.0.0.5:31950/");
        assert_eq!(path, lock_path("http://lab:secret@10.0.0.5:31950"));
        assert_ne!(path, lock_path("http://10.0.0.6:31950"));
        let name = path.file_name().unwrap().to_string_lossy().to_string();
        assert!(
            !name.contains("secret") && !name.contains("10.0.0.5"),
            "{name}"
        );
    }

    #[tokio::test]
    async fn a_second_turn_on_the_same_robot_waits_for_the_first() {
        let url = format!("http://127.0.0.1:1/turn-test-{}", std::process::id());
        let first = take(&url).await;
        // Another process's lock is the same flock on another open file description.
        let other = open_lock_file(&url).unwrap();
        assert!(matches!(other.try_lock(), Err(TryLockError::WouldBlock)));
        let second = tokio::spawn({
            let url = url.clone();
            async move { take(&url).await }
        });
        tokio::time::sleep(Duration::from_millis(300)).await;
        assert!(!second.is_finished(), "the second turn did not wait");
        drop(first);
        let second = tokio::time::timeout(Duration::from_secs(10), second)
            .await
            .expect("the second turn came once the first ended")
            .unwrap();
        drop(second);
        assert!(other.try_lock().is_ok());
        let _ = std::fs::remove_file(lock_path(&url));
    }
}
