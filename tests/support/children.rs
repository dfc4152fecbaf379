//! Servers the tests start (robot-server, the MQTT broker): free loopback ports, children
//! that die with the test process however it dies, and an exit hook that stops them.

use std::net::TcpListener;
use std::path::{Path, PathBuf};
use std::process::{Child, Command};
use std::sync::{Mutex, OnceLock};

/// Every server this process started, for the exit hook.
static STARTED: Mutex<Vec<(u32, PathBuf)>> = Mutex::new(Vec::new());

pub fn free_port() -> u16 {
    TcpListener::bind("127.0.0.1:0")
        .and_then(|l| l.local_addr())
        .expect("a free loopback port")
        .port()
}

/// Spawns `command` so that the kernel kills it when this process dies, however it dies.
/// `PR_SET_PDEATHSIG` fires when the *thread* that forked the child ends, and the test harness
/// ends a test's thread with the test, so the fork happens on a thread that never ends.
pub fn spawn_tied_to_this_process(command: Command) -> Child {
    use std::os::unix::process::CommandExt;
    use std::sync::mpsc;

    type Job = (Command, mpsc::Sender<std::io::Result<Child>>);
    static SPAWNER: OnceLock<Mutex<mpsc::Sender<Job>>> = OnceLock::new();
    let spawner = SPAWNER.get_or_init(|| {
        let (jobs, incoming) = mpsc::channel::<Job>();
        std::thread::spawn(move || {
            for (mut command, answer) in incoming {
                // SAFETY: only async-signal-safe calls between fork and exec.
                unsafe {
                    command.pre_exec(|| {
                        libc::prctl(libc::PR_SET_PDEATHSIG, libc::SIGKILL);
                        libc::setsid();
                        Ok(())
                    });
                }
                let _ = answer.send(command.spawn());
            }
        });
        Mutex::new(jobs)
    });
    let (answer, result) = mpsc::channel();
    spawner
        .lock()
        .unwrap()
        .send((command, answer))
        .expect("spawner thread");
    result
        .recv()
        .expect("spawner thread")
        .expect("cannot start a server of the tests")
}

/// Whether the server held in `child` has exited (a server that failed to start).
pub fn has_exited(child: &Mutex<Option<Child>>) -> bool {
    child
        .lock()
        .unwrap()
        .as_mut()
        .is_some_and(|c| c.try_wait().ok().flatten().is_some())
}

/// Kills `pid`'s process group and removes `state` when this process exits.
pub fn stop_at_exit(pid: u32, state: &Path) {
    STARTED.lock().unwrap().push((pid, state.to_path_buf()));
    register_exit_hook();
}

/// At exit, every server this process started is killed and its state removed.
fn register_exit_hook() {
    static ONCE: OnceLock<()> = OnceLock::new();
    ONCE.get_or_init(|| {
        extern "C" fn stop_all() {
            let started = match STARTED.lock() {
                Ok(guard) => guard,
                Err(poisoned) => poisoned.into_inner(),
            };
            for (pid, state) in started.iter() {
                // SAFETY: kill(2) on a process group this process created with setsid.
                unsafe {
                    libc::kill(-(*pid as i32), libc::SIGKILL);
                }
                let _ = std::fs::remove_dir_all(state);
            }
        }
        // SAFETY: registering a plain extern "C" function.
        unsafe {
            libc::atexit(stop_all);
        }
    });
}
