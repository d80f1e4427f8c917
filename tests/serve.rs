//! `crossbrief serve` end to end over HTTP on loopback: it serves the built site, rebuilds when
//! a file changes, tells open pages to reload, keeps the last good site on a bad change, and
//! never serves a file outside its output folder.

mod common;

use std::io::{BufRead, BufReader, Read, Write};
use std::net::TcpStream;
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use common::*;

/// A running `crossbrief serve`, stopped when dropped.
struct Server {
    child: Child,
    addr: String,
}

impl Drop for Server {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

fn serve(root: &std::path::Path, output: &std::path::Path) -> Server {
    let mut child = Command::new(env!("CARGO_BIN_EXE_crossbrief"))
        .args(["serve", "--port", "0", "--root"])
        .arg(root)
        .arg("--output")
        .arg(output)
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .expect("crossbrief serve starts");
    let mut line = String::new();
    BufReader::new(child.stdout.take().unwrap())
        .read_line(&mut line)
        .unwrap();
    let addr = line
        .trim()
        .strip_prefix("http://")
        .unwrap_or_else(|| panic!("the first line is the URL, got {line:?}"))
        .trim_end_matches('/')
        .to_string();
    Server { child, addr }
}

/// GET `path` as raw bytes on the wire, so that no client tidies `..` away; (status, body).
fn get(addr: &str, path: &str) -> (u16, String) {
    let mut stream = TcpStream::connect(addr).unwrap();
    stream
        .set_read_timeout(Some(Duration::from_secs(10)))
        .unwrap();
    write!(
        stream,
        "GET {path} HTTP/1.1\r\nHost: {addr}\r\nConnection: close\r\n\r\n"
    )
    .unwrap();
    let mut response = String::new();
    stream.read_to_string(&mut response).unwrap();
    let status = response
        .split_whitespace()
        .nth(1)
        .and_then(|s| s.parse().ok())
        .unwrap_or(0);
    let body = response
        .split_once("\r\n\r\n")
        .map(|(_, b)| b.to_string())
        .unwrap_or_default();
    (status, body)
}

/// Subscribes to the reload events.
fn events(addr: &str) -> BufReader<TcpStream> {
    let mut stream = TcpStream::connect(addr).unwrap();
    stream
        .set_read_timeout(Some(Duration::from_secs(20)))
        .unwrap();
    write!(
        stream,
        "GET /__crossbrief/events HTTP/1.1\r\nHost: {addr}\r\n\r\n"
    )
    .unwrap();
    let mut reader = BufReader::new(stream);
    let mut line = String::new();
    while reader.read_line(&mut line).unwrap() > 0 && !line.contains(": connected") {
        line.clear();
    }
    reader
}

fn next_event(events: &mut BufReader<TcpStream>) -> String {
    let mut line = String::new();
    let start = Instant::now();
    loop {
        // The server's keep-alive comments would otherwise keep a missing event waiting forever.
        assert!(start.elapsed() < Duration::from_secs(30), "no event came");
        line.clear();
        assert!(
            events.read_line(&mut line).unwrap() > 0,
            "the event stream closed"
        );
        if let Some(data) = line.strip_prefix("data: ") {
            return data.trim().to_string();
        }
    }
}

fn wait_for(what: &str, mut ok: impl FnMut() -> bool) {
    let start = Instant::now();
    while !ok() {
        assert!(
            start.elapsed() < Duration::from_secs(20),
            "timed out waiting for {what}"
        );
        std::thread::sleep(Duration::from_millis(100));
    }
}

const ARTICLE: &str = "---\ntitle: Dam opens\noutlet: The Courier\ndate: 2024-05-02\n---\n\nThe dam opened on Monday.\n";

#[test]
fn serve_rebuilds_on_change_and_signals_a_reload() {
    let dir = briefing_with(&[("content/dam.md", ARTICLE.as_bytes())]);
    let out = tempfile::tempdir().unwrap();
    let server = serve(dir.path(), out.path());

    let (status, home) = get(&server.addr, "/");
    assert_eq!(status, 200);
    assert!(home.contains("Dam opens"));
    assert!(
        home.contains("/__crossbrief/events"),
        "pages carry the reload client"
    );
    let (status, _) = get(&server.addr, "/articles/dam/");
    assert_eq!(status, 200);

    let mut events = events(&server.addr);
    std::fs::write(
        dir.path().join("content/dam.md"),
        ARTICLE.replace("Dam opens", "Dam opens early"),
    )
    .unwrap();
    assert_eq!(next_event(&mut events), "reload");
    let (_, page) = get(&server.addr, "/articles/dam/");
    assert!(page.contains("Dam opens early"), "{page}");

    // A new article appears without a restart.
    std::fs::write(
        dir.path().join("content/levee.md"),
        ARTICLE.replace("Dam opens", "Levee holds"),
    )
    .unwrap();
    assert_eq!(next_event(&mut events), "reload");
    wait_for("the new article's page", || {
        get(&server.addr, "/articles/levee/").0 == 200
    });
}

#[test]
fn a_bad_change_is_reported_to_the_page_and_the_last_good_site_stays() {
    let dir = briefing_with(&[("content/dam.md", ARTICLE.as_bytes())]);
    let out = tempfile::tempdir().unwrap();
    let server = serve(dir.path(), out.path());
    let mut events = events(&server.addr);

    std::fs::write(
        dir.path().join("content/dam.md"),
        "---\ntitle: [\n---\nBody\n",
    )
    .unwrap();
    let event = next_event(&mut events);
    let error: serde_json::Value = serde_json::from_str(&event).expect("an error event is JSON");
    assert!(
        error["error"]
            .as_str()
            .unwrap()
            .contains("content/dam.md:2:"),
        "{event}"
    );
    let (status, page) = get(&server.addr, "/articles/dam/");
    assert_eq!(status, 200);
    assert!(page.contains("Dam opens"));
}

#[test]
fn nothing_outside_the_output_folder_is_served() {
    let dir = briefing_with(&[("content/dam.md", ARTICLE.as_bytes())]);
    let out = tempfile::tempdir().unwrap();
    let secret = tempfile::tempdir().unwrap();
    std::fs::write(secret.path().join("secret.txt"), "do not serve").unwrap();
    let server = serve(dir.path(), out.path());
    #[cfg(unix)]
    std::os::unix::fs::symlink(
        secret.path().join("secret.txt"),
        out.path().join("link.txt"),
    )
    .unwrap();

    for path in [
        "/../secret.txt",
        "/articles/../../secret.txt",
        "/%2e%2e/secret.txt",
        "/%2E%2E%2Fsecret.txt",
        "/..%2f..%2fetc/passwd",
        "/link.txt",
        "/.hidden",
    ] {
        let (status, body) = get(&server.addr, path);
        assert_eq!(status, 404, "{path}");
        assert!(!body.contains("do not serve"), "{path}");
    }
}
