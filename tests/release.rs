//! The release binary that ships to robots is fully static: no dynamic loader, no shared
//! libraries (glibc static-pie here; musl on the robot's ARM target).

use std::path::PathBuf;
use std::process::Command;

fn static_binary() -> PathBuf {
    PathBuf::from(std::env::var("OT2CTL_TEST_STATIC_BINARY").expect(
        "OT2CTL_TEST_STATIC_BINARY is not set: scripts/test.sh builds it with scripts/build-static.sh",
    ))
}

/// The ELF program header types of a 64-bit little-endian executable.
fn program_header_types(elf: &[u8]) -> Vec<u32> {
    assert_eq!(&elf[..4], b"\x7fELF", "not an ELF file");
    assert_eq!(elf[4], 2, "not a 64-bit ELF file");
    let read_u16 = |at: usize| u16::from_le_bytes([elf[at], elf[at + 1]]) as usize;
    let read_u64 = |at: usize| u64::from_le_bytes(elf[at..at + 8].try_into().unwrap()) as usize;
    let table = read_u64(0x20);
    let entry_size = read_u16(0x36);
    let count = read_u16(0x38);
    (0..count)
        .map(|i| {
            let at = table + i * entry_size;
            u32::from_le_bytes(elf[at..at + 4].try_into().unwrap())
        })
        .collect()
}

#[test]
fn the_release_binary_is_static_and_runs() {
    let binary = static_binary();
    let elf = std::fs::read(&binary).unwrap();
    const PT_INTERP: u32 = 3;
    assert!(
        !program_header_types(&elf).contains(&PT_INTERP),
        "{} asks for a dynamic loader",
        binary.display()
    );

    let ldd = Command::new("ldd").arg(&binary).output().unwrap();
    let said = format!(
        "{}{}",
        String::from_utf8_lossy(&ldd.stdout),
        String::from_utf8_lossy(&ldd.stderr)
    );
    assert!(
        said.contains("statically linked") || said.contains("not a dynamic executable"),
        "ldd found shared libraries:\n{said}"
    );
    if let Ok(file) = Command::new("file").arg(&binary).output() {
        let said = String::from_utf8_lossy(&file.stdout);
        assert!(said.contains("static"), "file says: {said}");
    }

    let version = Command::new(&binary).arg("--version").output().unwrap();
    assert!(version.status.success());
    assert_eq!(
        String::from_utf8_lossy(&version.stdout).trim(),
        format!("ot2ctl {}", env!("CARGO_PKG_VERSION"))
    );

    // Its start-up constructor runs in a static binary too: started without a standard output
    // it says so; with `/dev/null` open for reading and writing it writes there and succeeds.
    let closed = Command::new("sh")
        .args(["-c", "\"$0\" completions bash >&-"])
        .arg(&binary)
        .output()
        .unwrap();
    assert_eq!(closed.status.code(), Some(1), "{closed:?}");
    let null = Command::new(&binary)
        .args(["completions", "bash"])
        .stdout(
            std::fs::OpenOptions::new()
                .read(true)
                .write(true)
                .open("/dev/null")
                .unwrap(),
        )
        .output()
        .unwrap();
    assert_eq!(null.status.code(), Some(0), "{null:?}");
}
