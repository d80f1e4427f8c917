//! `crossbrief serve`: build, serve on loopback, watch the briefing, rebuild on change and
//! reload open pages.
//!
//! A rebuild re-extracts only the articles whose files changed (extractions are cached by
//! content hash). A failed rebuild is shown in the terminal and as an overlay in the browser,
//! and the last good site stays served. Files are served only from the output folder: paths
//! are decoded and checked segment by segment, and the resolved file must lie inside the
//! folder after symbolic links are followed.

use std::io::Write;
use std::net::{IpAddr, SocketAddr};
use std::path::{Component, Path, PathBuf};
use std::sync::mpsc;
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use notify::RecursiveMode;
use notify_debouncer_full::new_debouncer;

use crate::diagnostics::{Diagnostic, Diagnostics};
use crate::site::{Cache, Options, output, run};

const EVENTS_PATH: &str = "/__crossbrief/events";

/// How to serve.
#[derive(Debug, Clone)]
pub struct ServeOptions {
    pub root: PathBuf,
    /// Where the served site is written; a folder in the system's temporary folder by default,
    /// so `serve` never touches the output of `build`.
    pub output: Option<PathBuf>,
    pub bind: IpAddr,
    /// The port to try first (1111 by default); the next free one is used if it is taken.
    /// 0 lets the system choose.
    pub port: u16,
}

/// Clients waiting for a reload or error message.
type Listeners = Arc<Mutex<Vec<mpsc::Sender<String>>>>;

/// Serves until the process is stopped. Returns an error only if nothing could be served.
pub fn serve(options: &ServeOptions, ready: &dyn Fn(&str)) -> Result<(), Diagnostics> {
    let (server, addr) = bind(options.bind, options.port)?;
    let url = format!("http://{addr}/");
    let output = options.output.clone().unwrap_or_else(|| {
        std::env::temp_dir().join(format!("crossbrief-serve-{}", std::process::id()))
    });
    output::check_output_folder(&options.root, &output).map_err(one)?;
    let build_options = Options {
        root: options.root.clone(),
        output: Some(output.clone()),
        base_url: Some(url.clone()),
    };
    let mut cache = Cache::default();
    let listeners: Listeners = Arc::new(Mutex::new(Vec::new()));
    let watcher = Watcher::start(&options.root)?;
    // The first build must succeed: there is no good site to fall back on yet.
    rebuild(&build_options, &output, &mut cache, &listeners, true)?;
    let out_dir = std::fs::canonicalize(&output).map_err(|e| {
        one(Diagnostic::error(
            "serve",
            format!("the output folder {} cannot be read: {e}", output.display()),
        ))
    })?;
    eprintln!(
        "Serving {} at {url} (press Ctrl+C to stop)",
        output.display()
    );
    ready(&url);

    // Watch and rebuild in the background.
    let watch_root = options.root.clone();
    let watch_listeners = listeners.clone();
    let watch_output = output.clone();
    std::thread::spawn(move || {
        watcher.rebuild_on_change(
            &watch_root,
            &watch_output,
            build_options,
            cache,
            &watch_listeners,
        )
    });

    for request in server.incoming_requests() {
        let out_dir = out_dir.clone();
        let listeners = listeners.clone();
        std::thread::spawn(move || handle(request, &out_dir, &listeners));
    }
    Ok(())
}

fn one(d: Diagnostic) -> Diagnostics {
    std::iter::once(d).collect()
}

/// Binds `port`, or the next free port up to 20 further.
fn bind(ip: IpAddr, port: u16) -> Result<(tiny_http::Server, SocketAddr), Diagnostics> {
    let candidates: Vec<u16> = if port == 0 {
        vec![0]
    } else {
        (port..port.saturating_add(20)).collect()
    };
    for p in candidates {
        if let Ok(server) = tiny_http::Server::http(SocketAddr::new(ip, p)) {
            let addr = server
                .server_addr()
                .to_ip()
                .unwrap_or_else(|| SocketAddr::new(ip, p));
            return Ok((server, addr));
        }
    }
    Err(one(Diagnostic::error(
        "serve",
        format!(
            "no free port from {port} to {} on {ip}",
            port.saturating_add(19)
        ),
    )
    .with_help(
        "pass --port with a free port, or --port 0 to let the system choose",
    )))
}

/// Builds and writes the site; tells open pages to reload, or shows the problems.
fn rebuild(
    options: &Options,
    output: &Path,
    cache: &mut Cache,
    listeners: &Listeners,
    first: bool,
) -> Result<(), Diagnostics> {
    let start = Instant::now();
    let result = output::Writer::open(output)
        .map_err(one)
        .and_then(|writer| match run(options, Some(cache), false, &writer) {
            Ok(made) => {
                writer.commit().map_err(one)?;
                Ok(made)
            }
            Err(problems) => {
                writer.abort();
                Err(problems)
            }
        });
    match result {
        Ok(g) => {
            eprint!("{}", g.warnings);
            eprintln!(
                "Built {} articles ({} re-extracted) in {} ms",
                g.briefing.articles.len(),
                cache.extracted,
                start.elapsed().as_millis()
            );
            broadcast(listeners, "reload".to_string());
            Ok(())
        }
        Err(problems) => {
            eprint!("{problems}");
            if first {
                return Err(problems);
            }
            eprintln!("The change did not build; still serving the last good site.");
            let text = problems.to_string();
            broadcast(listeners, serde_json::json!({ "error": text }).to_string());
            Ok(())
        }
    }
}

fn broadcast(listeners: &Listeners, message: String) {
    let mut list = listeners.lock().unwrap_or_else(|e| e.into_inner());
    list.retain(|tx| tx.send(message.clone()).is_ok());
}

/// What `serve` watches: the content, templates and static folders (recursively) and the
/// briefing folder itself (for the settings file, and for those folders appearing later).
struct Watcher {
    debouncer: notify_debouncer_full::Debouncer<
        notify::RecommendedWatcher,
        notify_debouncer_full::RecommendedCache,
    >,
    events: mpsc::Receiver<notify_debouncer_full::DebounceEventResult>,
    watched: Vec<PathBuf>,
}

const WATCHED_FOLDERS: [&str; 3] = ["content", "templates", "static"];

impl Watcher {
    /// Starts watching before the first build, so that no change made once the URL is printed
    /// can be missed.
    fn start(root: &Path) -> Result<Watcher, Diagnostics> {
        let (tx, rx) = mpsc::channel();
        let cannot = |e: notify::Error| {
            one(Diagnostic::error("serve", format!("cannot watch {} for changes: {e}", root.display()))
                .with_help("check that the folder exists and can be read; on Linux, raise fs.inotify.max_user_watches if it is exhausted"))
        };
        let mut debouncer = new_debouncer(Duration::from_millis(150), None, tx).map_err(cannot)?;
        debouncer
            .watch(root, RecursiveMode::NonRecursive)
            .map_err(cannot)?;
        let mut watcher = Watcher {
            debouncer,
            events: rx,
            watched: Vec::new(),
        };
        watcher.watch_new_folders(root).map_err(cannot)?;
        Ok(watcher)
    }

    fn watch_new_folders(&mut self, root: &Path) -> Result<(), notify::Error> {
        for dir in WATCHED_FOLDERS {
            let path = root.join(dir);
            if path.is_dir() && !self.watched.contains(&path) {
                self.debouncer.watch(&path, RecursiveMode::Recursive)?;
                self.watched.push(path);
            }
        }
        Ok(())
    }

    /// Rebuilds after each batch of changes to the briefing's files, until the process stops.
    fn rebuild_on_change(
        mut self,
        root: &Path,
        output: &Path,
        options: Options,
        mut cache: Cache,
        listeners: &Listeners,
    ) {
        let output = std::fs::canonicalize(output).unwrap_or_else(|_| output.to_path_buf());
        let root_real = std::fs::canonicalize(root).unwrap_or_else(|_| root.to_path_buf());
        while let Ok(events) = self.events.recv() {
            let Ok(events) = events else { continue };
            // Reading the files to rebuild raises access events of its own; only changes
            // count, or every build would set off the next.
            let relevant = events
                .iter()
                .filter(|e| is_change(&e.kind))
                .flat_map(|e| e.paths.iter())
                .any(|p| is_briefing_file(p, &root_real, &output));
            if relevant {
                if let Err(e) = self.watch_new_folders(root) {
                    eprintln!("cannot watch a new folder: {e}");
                }
                let _ = rebuild(&options, &output, &mut cache, listeners, false);
            }
        }
    }
}

/// A file whose change can change the site: settings, content, templates or static files.
fn is_briefing_file(path: &Path, root: &Path, output: &Path) -> bool {
    let real = std::fs::canonicalize(path).unwrap_or_else(|_| path.to_path_buf());
    if real.starts_with(output) {
        return false;
    }
    let Ok(inside) = real.strip_prefix(root).or_else(|_| path.strip_prefix(root)) else {
        // A path the watcher reports in a form we cannot place: rebuilding is the safe side.
        return true;
    };
    match inside.components().next() {
        Some(Component::Normal(first)) => {
            first == crate::config::CONFIG_FILE || WATCHED_FOLDERS.iter().any(|d| first == *d)
        }
        _ => false,
    }
}

fn is_change(kind: &notify::EventKind) -> bool {
    use notify::event::{AccessKind, AccessMode, EventKind};
    match kind {
        EventKind::Create(_) | EventKind::Remove(_) | EventKind::Modify(_) => true,
        EventKind::Access(AccessKind::Close(AccessMode::Write)) => true,
        EventKind::Access(_) | EventKind::Any | EventKind::Other => false,
    }
}

fn handle(request: tiny_http::Request, out_dir: &Path, listeners: &Listeners) {
    let url = request.url().to_string();
    let path = url.split(['?', '#']).next().unwrap_or("/").to_string();
    if path == EVENTS_PATH {
        events(request, listeners);
        return;
    }
    let response = match resolve(out_dir, &path) {
        Some(file) => match std::fs::read(&file) {
            Ok(mut bytes) => {
                let kind = content_type(&file);
                if kind.starts_with("text/html") {
                    bytes = inject_reload(bytes);
                }
                let status = if file.file_name().is_some_and(|n| n == "404.html")
                    && !path.ends_with("404.html")
                {
                    404
                } else {
                    200
                };
                tiny_http::Response::from_data(bytes)
                    .with_status_code(status)
                    .with_header(header("Content-Type", kind))
                    .with_header(header("Cache-Control", "no-store"))
            }
            Err(_) => not_found(out_dir),
        },
        None => not_found(out_dir),
    };
    let _ = request.respond(response);
}

fn not_found(out_dir: &Path) -> tiny_http::Response<std::io::Cursor<Vec<u8>>> {
    let body = std::fs::read(out_dir.join("404.html"))
        .map(inject_reload)
        .unwrap_or_else(|_| b"Not found".to_vec());
    tiny_http::Response::from_data(body)
        .with_status_code(404)
        .with_header(header("Content-Type", "text/html; charset=utf-8"))
}

fn header(name: &str, value: &str) -> tiny_http::Header {
    tiny_http::Header::from_bytes(name.as_bytes(), value.as_bytes()).expect("ASCII header")
}

/// The file a URL path names inside `out_dir`, or none: no `..` or hidden segments (after
/// percent-decoding), and no way out through symbolic links.
pub fn resolve(out_dir: &Path, url_path: &str) -> Option<PathBuf> {
    let decoded = percent_decode(url_path)?;
    if decoded.contains('\0') || decoded.contains('\\') {
        return None;
    }
    let mut path = out_dir.to_path_buf();
    for segment in decoded.split('/').filter(|s| !s.is_empty()) {
        if segment == "." || segment == ".." || segment.starts_with('.') {
            return None;
        }
        let mut components = Path::new(segment).components();
        match (components.next(), components.next()) {
            (Some(Component::Normal(_)), None) => path.push(segment),
            _ => return None,
        }
    }
    if path.is_dir() {
        path.push("index.html");
    }
    let real = std::fs::canonicalize(&path).ok()?;
    (real.starts_with(out_dir) && real.is_file()).then_some(real)
}

fn percent_decode(s: &str) -> Option<String> {
    let bytes = s.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i] == b'%' {
            let hex = s.get(i + 1..i + 3)?;
            out.push(u8::from_str_radix(hex, 16).ok()?);
            i += 3;
        } else {
            out.push(bytes[i]);
            i += 1;
        }
    }
    String::from_utf8(out).ok()
}

fn content_type(path: &Path) -> &'static str {
    match path.extension().and_then(|e| e.to_str()).unwrap_or("") {
        "html" => "text/html; charset=utf-8",
        "css" => "text/css; charset=utf-8",
        "js" => "text/javascript; charset=utf-8",
        "json" => "application/json",
        "xml" => "application/xml",
        "svg" => "image/svg+xml",
        "txt" => "text/plain; charset=utf-8",
        "png" => "image/png",
        "jpg" | "jpeg" => "image/jpeg",
        "woff2" => "font/woff2",
        _ => "application/octet-stream",
    }
}

/// The live-reload client, added to HTML as it is served (never written to the files).
const RELOAD_SCRIPT: &str = r#"<script>(function(){var es=new EventSource("/__crossbrief/events");es.onmessage=function(e){if(e.data==="reload"){location.reload();return;}var d;try{d=JSON.parse(e.data);}catch(x){return;}var o=document.getElementById("crossbrief-error");if(!o){o=document.createElement("pre");o.id="crossbrief-error";o.setAttribute("role","alert");o.style.cssText="position:fixed;left:0;right:0;bottom:0;max-height:60vh;overflow:auto;margin:0;padding:1rem;background:#3b0a0a;color:#ffe4e4;font:13px/1.4 ui-monospace,monospace;white-space:pre-wrap;z-index:2147483647";document.body.appendChild(o);}o.textContent="crossbrief: the last change did not build. Still showing the last good site.\n\n"+d.error;};})();</script>"#;

fn inject_reload(bytes: Vec<u8>) -> Vec<u8> {
    let text = String::from_utf8_lossy(&bytes);
    match text.rfind("</body>") {
        Some(i) => {
            let mut s = String::with_capacity(text.len() + RELOAD_SCRIPT.len());
            s.push_str(&text[..i]);
            s.push_str(RELOAD_SCRIPT);
            s.push_str(&text[i..]);
            s.into_bytes()
        }
        None => bytes,
    }
}

/// A Server-Sent Events stream: "reload" after each good build, the problems after a bad one.
fn events(request: tiny_http::Request, listeners: &Listeners) {
    let (tx, rx) = mpsc::channel::<String>();
    listeners.lock().unwrap_or_else(|e| e.into_inner()).push(tx);
    let mut writer = request.into_writer();
    let head = "HTTP/1.1 200 OK\r\nContent-Type: text/event-stream\r\nCache-Control: no-store\r\nConnection: keep-alive\r\n\r\n: connected\n\n";
    if writer
        .write_all(head.as_bytes())
        .and_then(|_| writer.flush())
        .is_err()
    {
        return;
    }
    loop {
        let message = match rx.recv_timeout(Duration::from_secs(15)) {
            Ok(m) => format!("data: {m}\n\n"),
            // A comment keeps the connection open and finds closed ones.
            Err(mpsc::RecvTimeoutError::Timeout) => ": ping\n\n".to_string(),
            Err(mpsc::RecvTimeoutError::Disconnected) => return,
        };
        if writer
            .write_all(message.as_bytes())
            .and_then(|_| writer.flush())
            .is_err()
        {
            return;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn paths_cannot_leave_the_output_folder() {
        let dir = tempfile::tempdir().unwrap();
        let out = dir.path().join("out");
        std::fs::create_dir_all(out.join("a")).unwrap();
        std::fs::write(out.join("a/index.html"), "A").unwrap();
        std::fs::write(dir.path().join("secret.txt"), "secret").unwrap();
        let out = std::fs::canonicalize(&out).unwrap();
        assert!(resolve(&out, "/a/").is_some());
        for bad in [
            "/../secret.txt",
            "/a/../../secret.txt",
            "/%2e%2e/secret.txt",
            "/%2E%2E%2Fsecret.txt",
            "/a/%2e%2e/%2e%2e/secret.txt",
            "/.crossbrief-manifest.json",
            "/a\\..\\..\\secret.txt",
            "/%00",
        ] {
            assert!(resolve(&out, bad).is_none(), "{bad}");
        }
        #[cfg(unix)]
        {
            std::os::unix::fs::symlink(dir.path().join("secret.txt"), out.join("link.txt"))
                .unwrap();
            assert!(
                resolve(&out, "/link.txt").is_none(),
                "a symbolic link out of the folder"
            );
        }
    }

    #[test]
    fn the_reload_client_goes_before_the_end_of_the_body() {
        let html = inject_reload(b"<html><body><p>x</p></body></html>".to_vec());
        let html = String::from_utf8(html).unwrap();
        assert!(html.contains("EventSource") && html.ends_with("</script></body></html>"));
    }
}
