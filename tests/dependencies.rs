//! The app never uses the network: no crate able to open network connections is in its
//! dependency tree for Linux or Windows, and no source file uses the network API. The crates
//! refused are the `[bans] deny` list of deny.toml, read from there (`cargo deny` checks the
//! same list in CI), so there is one list to keep.

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};
use std::process::Command;

/// The platforms the app is built for, as in deny.toml's `[graph] targets`.
const TARGETS: [&str; 2] = ["x86_64-unknown-linux-gnu", "x86_64-pc-windows-gnu"];

/// What a source file may not name: the standard library's network API.
const NETWORK_API: [&str; 6] = [
    "std::net",
    "core::net",
    "TcpStream",
    "TcpListener",
    "UdpSocket",
    "ToSocketAddrs",
];

fn root() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

/// The crate names of deny.toml's `[bans] deny` list. An entry is a name (`"tokio"`), a name
/// with a version (`"tokio@1"`) or a table naming it (`{ crate = "tokio", reason = "…" }`).
fn denied_crates(toml: &str) -> Vec<String> {
    let mut section = "";
    let mut in_list = false;
    let mut names = Vec::new();
    for line in toml.lines() {
        let line = line.split('#').next().unwrap_or_default().trim();
        if in_list {
            if line.starts_with(']') {
                break;
            }
            names.extend(entry_names(line));
        } else if line.starts_with('[') {
            section = line;
        } else if section == "[bans]"
            && let Some(rest) = line.strip_prefix("deny")
            && let Some(rest) = rest.trim_start().strip_prefix('=')
            && let Some(rest) = rest.trim_start().strip_prefix('[')
        {
            match rest.split_once(']') {
                // The whole list on one line.
                Some((items, _)) => {
                    names.extend(entry_names(items));
                    break;
                }
                None => {
                    names.extend(entry_names(rest));
                    in_list = true;
                }
            }
        }
    }
    names
}

/// The crate names in one line of the deny list.
fn entry_names(line: &str) -> Vec<String> {
    let quoted: Vec<&str> = line.split('"').skip(1).step_by(2).collect();
    let names: Vec<&str> = if line.contains('{') {
        // In a table, the string after `crate =`.
        line.split("crate")
            .skip(1)
            .filter(|rest| rest.trim_start().starts_with('='))
            .filter_map(|rest| rest.split('"').nth(1))
            .collect()
    } else {
        quoted
    };
    names
        .into_iter()
        .map(|name| name.split('@').next().unwrap_or_default().to_owned())
        .filter(|name| !name.is_empty())
        .collect()
}

fn deny_list() -> Vec<String> {
    let path = root().join("deny.toml");
    let toml = match std::fs::read_to_string(&path) {
        Ok(text) => text,
        Err(err) => panic!("{}: {err}", path.display()),
    };
    let names = denied_crates(&toml);
    assert!(
        names.iter().any(|n| n == "tokio") && names.iter().any(|n| n == "hyper"),
        "deny.toml's [bans] deny list was not read (or lost tokio and hyper): {names:?}"
    );
    names
}

/// The names of every crate the app's build uses for `target`: normal and build dependencies,
/// not dev-dependencies (tests and benchmarks are not shipped).
fn crates_for(target: &str) -> BTreeSet<String> {
    let output = Command::new(env!("CARGO"))
        .current_dir(root())
        .args([
            "tree",
            "--locked",
            "--offline",
            "--target",
            target,
            "-e",
            "normal,build",
            "--prefix",
            "none",
            "--format",
            "{p}",
        ])
        .output();
    let output = match output {
        Ok(output) if output.status.success() => output,
        Ok(output) => panic!(
            "cargo tree --target {target} failed: {}",
            String::from_utf8_lossy(&output.stderr)
        ),
        Err(err) => panic!("cannot run cargo tree: {err}"),
    };
    // Each line is `name vVERSION`, perhaps followed by `(*)`, `(proc-macro)` or a path.
    String::from_utf8_lossy(&output.stdout)
        .lines()
        .filter_map(|line| line.split_whitespace().next())
        .map(str::to_owned)
        .collect()
}

#[test]
fn no_network_capable_crate_is_in_the_app_for_linux_or_windows() {
    let denied = deny_list();
    for target in TARGETS {
        let crates = crates_for(target);
        // The tree was read: the app and its window are in it.
        assert!(
            crates.contains("scamcheck") && crates.contains("eframe") && crates.contains("regex"),
            "{target}: {crates:?}"
        );
        let found: Vec<&String> = denied.iter().filter(|n| crates.contains(*n)).collect();
        assert!(
            found.is_empty(),
            "{target}: network-capable crates in the dependency tree: {found:?} \
             (`cargo tree --target {target} -e normal,build -i NAME` shows why)"
        );
    }
}

#[test]
fn the_tree_is_read_for_the_target_only() {
    // tokio is in Cargo.lock, for the web build of eframe only (wasm-bindgen-futures).
    let lock = std::fs::read_to_string(root().join("Cargo.lock")).unwrap_or_default();
    if lock.contains("name = \"tokio\"") {
        for target in TARGETS {
            assert!(!crates_for(target).contains("tokio"), "{target}");
        }
    }
    // A crate only Windows uses is in the Windows tree only.
    assert!(crates_for("x86_64-pc-windows-gnu").contains("windows-sys"));
    assert!(!crates_for("x86_64-unknown-linux-gnu").contains("windows-sys"));
}

#[test]
fn the_deny_list_is_parsed_in_every_form() {
    let toml = "[bans]\ndeny = [\n  \"mio\", # why\n  { crate = \"h2\", reason = \"x\" },\n  \
                \"tokio@1\",\n]\n[sources]\ndeny = [\"no\"]\n";
    assert_eq!(denied_crates(toml), ["mio", "h2", "tokio"]);
    assert_eq!(denied_crates("[bans]\ndeny = [\"a\", \"b\"]\n"), ["a", "b"]);
    assert!(denied_crates("[licenses]\ndeny = [\"GPL-3.0\"]\n").is_empty());
}

fn rust_files(dir: &Path, into: &mut Vec<PathBuf>) {
    let entries = match std::fs::read_dir(dir) {
        Ok(entries) => entries,
        Err(err) => panic!("{}: {err}", dir.display()),
    };
    for entry in entries.flatten() {
        let path = entry.path();
        if path.is_dir() {
            rust_files(&path, into);
        } else if path.extension().is_some_and(|ext| ext == "rs") {
            into.push(path);
        }
    }
}

/// `LINE: NAME` for each use of the network API in `source`.
fn network_uses(source: &str) -> Vec<String> {
    source
        .lines()
        .enumerate()
        .flat_map(|(i, line)| {
            NETWORK_API
                .iter()
                .filter(|api| line.contains(**api))
                .map(move |api| format!("{}: {api}", i + 1))
        })
        .collect()
}

#[test]
fn no_source_file_uses_the_network_api() {
    let mut files = Vec::new();
    rust_files(&root().join("src"), &mut files);
    assert!(files.len() > 10, "src/ not found: {files:?}");
    let mut uses = Vec::new();
    for file in &files {
        let source = match std::fs::read_to_string(file) {
            Ok(text) => text,
            Err(err) => panic!("{}: {err}", file.display()),
        };
        for found in network_uses(&source) {
            uses.push(format!("{}:{found}", file.display()));
        }
    }
    assert!(uses.is_empty(), "the app never uses the network: {uses:#?}");
}

#[test]
fn the_network_api_is_recognised() {
    let source =
        "use std::fs;\nuse std::net::{TcpStream, ToSocketAddrs};\nlet s = UdpSocket::bind(a);";
    assert_eq!(
        network_uses(source),
        [
            "2: std::net",
            "2: TcpStream",
            "2: ToSocketAddrs",
            "3: UdpSocket"
        ]
    );
    assert!(network_uses("use std::fs;\n// a network drive\n").is_empty());
}
