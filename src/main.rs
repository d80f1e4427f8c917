//! The `crossbrief` command: a thin layer over the library's operations.

use std::net::IpAddr;
use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Parser, Subcommand, ValueEnum};

use crossbrief::diagnostics::Diagnostics;
use crossbrief::site;

/// Building allocates and frees millions of small strings from two threads at once; glibc's
/// allocator spent about a fifth of a large build's CPU time on that, mimalloc far less.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

/// mimalloc's `purge_delay` option; the header's option numbers are kept stable across
/// releases (retired options stay as placeholders), and libmimalloc-sys names no constant.
const MI_OPTION_PURGE_DELAY: libmimalloc_sys::mi_option_t = 15;

/// By default mimalloc returns memory to the OS 10 ms after it is freed. A build frees and
/// allocates page contexts by the hundred thousand, and every page handed back returns zeroed
/// by the kernel: that zeroing was a tenth of a 10,000-article build's CPU time. Keeping freed
/// memory made that build about 5% faster (15.3 s against 16.3 s) for 7% more peak memory.
fn keep_freed_memory() {
    // SAFETY: sets a plain integer option; mimalloc reads it on each purge.
    unsafe { libmimalloc_sys::mi_option_set(MI_OPTION_PURGE_DELAY, -1) }
}

#[derive(Parser)]
#[command(
    name = "crossbrief",
    version,
    about = "Turn a folder of news articles about one story into a cross-referenced briefing site"
)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Clone, Copy, ValueEnum)]
enum Format {
    Human,
    Json,
}

#[derive(Subcommand)]
enum Command {
    /// Build the briefing into a static site (public/ by default)
    Build {
        /// The briefing folder (holding content/)
        #[arg(long, default_value = ".")]
        root: PathBuf,
        /// Where to write the site [default: ROOT/public]
        #[arg(long, short)]
        output: Option<PathBuf>,
        /// The URL the site will be served from, e.g. https://example.org/briefing/
        #[arg(long)]
        base_url: Option<String>,
        /// Threads to use [default: one per core]
        #[arg(long, short)]
        jobs: Option<usize>,
        /// Print the time of each stage and the counts as JSON on standard output
        #[arg(long)]
        timings: bool,
    },
    /// Build, serve on this machine, rebuild on every change and reload open pages
    Serve {
        /// The briefing folder (holding content/)
        #[arg(long, default_value = ".")]
        root: PathBuf,
        /// The port to try first; the next free one is used if it is taken (0: any)
        #[arg(long, default_value_t = 1111)]
        port: u16,
        /// The address to listen on
        #[arg(long, default_value = "127.0.0.1")]
        bind: IpAddr,
        /// Where to write the served site [default: a temporary folder]
        #[arg(long, short)]
        output: Option<PathBuf>,
        /// Threads to use [default: one per core]
        #[arg(long, short)]
        jobs: Option<usize>,
    },
    /// Check the briefing without writing it: errors, and what the tool was unsure about
    Check {
        /// The briefing folder (holding content/)
        #[arg(long, default_value = ".")]
        root: PathBuf,
        /// Output for people (default) or for programs
        #[arg(long, value_enum, default_value_t = Format::Human)]
        format: Format,
        /// The URL the site will be served from
        #[arg(long)]
        base_url: Option<String>,
    },
    /// Turn raw articles (.txt, .md, saved web pages .html) into content files with front matter
    Import {
        /// Files or folders to import
        #[arg(required = true)]
        inputs: Vec<PathBuf>,
        /// The content folder to write into
        #[arg(long, default_value = "content")]
        into: PathBuf,
        /// Overwrite content files that already exist
        #[arg(long)]
        force: bool,
    },
    /// Create a new briefing folder with the default templates, static files and one example article
    Init {
        /// The folder to create
        dir: PathBuf,
    },
}

fn main() -> ExitCode {
    keep_freed_memory();
    match Cli::parse().command {
        Command::Build {
            root,
            output,
            base_url,
            jobs,
            timings,
        } => {
            set_jobs(jobs);
            build(
                site::Options {
                    root,
                    output,
                    base_url,
                },
                timings,
            )
        }
        Command::Serve {
            root,
            port,
            bind,
            output,
            jobs,
        } => {
            set_jobs(jobs);
            let options = site::serve::ServeOptions {
                root,
                output,
                bind,
                port,
            };
            match site::serve::serve(&options, &|url| println!("{url}")) {
                Ok(()) => ExitCode::SUCCESS,
                Err(problems) => fail(&problems, "nothing is being served"),
            }
        }
        Command::Check {
            root,
            format,
            base_url,
        } => {
            let problems = site::check::check(&site::Options {
                root,
                output: None,
                base_url,
            });
            match format {
                Format::Json => println!(
                    "{}",
                    serde_json::to_string_pretty(&problems).unwrap_or_default()
                ),
                Format::Human => {
                    print!("{problems}");
                    println!(
                        "{} error{}, {} warning{}",
                        problems.error_count(),
                        plural(problems.error_count()),
                        problems.warning_count(),
                        plural(problems.warning_count())
                    );
                }
            }
            if problems.has_errors() {
                ExitCode::FAILURE
            } else {
                ExitCode::SUCCESS
            }
        }
        Command::Import {
            inputs,
            into,
            force,
        } => match site::import::import(&inputs, &into, force) {
            Ok(report) => {
                for path in &report.created {
                    println!("created {}", path.display());
                }
                for (path, why) in &report.skipped {
                    eprintln!("skipped {}: {why}", path.display());
                }
                eprintln!(
                    "{} imported, {} skipped",
                    report.created.len(),
                    report.skipped.len()
                );
                ExitCode::SUCCESS
            }
            Err(problems) => fail(&problems, "nothing was imported"),
        },
        Command::Init { dir } => match crossbrief::init::init(&dir) {
            Ok(created) => {
                eprintln!(
                    "Created a new briefing in {} ({} files). Next:\n  cd {}\n  crossbrief serve",
                    dir.display(),
                    created,
                    dir.display()
                );
                ExitCode::SUCCESS
            }
            Err(problems) => fail(&problems, "nothing was created"),
        },
    }
}

fn build(options: site::Options, timings: bool) -> ExitCode {
    Bars::install();
    match site::build(&options) {
        Ok(report) => {
            eprint!("{}", report.warnings);
            if timings {
                println!("{}", report.to_json());
            }
            let ms = report.timings.total().as_millis();
            eprintln!(
                "Built {} pages from {} articles into {} in {ms} ms ({} files written, {} unchanged, {} removed){}",
                report.pages,
                report.articles,
                report.output.display(),
                report.write.written,
                report.write.unchanged,
                report.write.removed,
                warning_suffix(&report.warnings),
            );
            ExitCode::SUCCESS
        }
        Err(problems) => fail(
            &problems,
            "the build failed; the previous output was left as it was",
        ),
    }
}

/// `--jobs N`: the size of the thread pool every parallel stage runs on.
fn set_jobs(jobs: Option<usize>) {
    if let Some(n) = jobs.filter(|&n| n > 0) {
        // Only fails if a pool was built already, which cannot happen this early.
        let _ = rayon::ThreadPoolBuilder::new()
            .num_threads(n)
            .build_global();
    }
}

fn plural(n: usize) -> &'static str {
    if n == 1 { "" } else { "s" }
}

fn warning_suffix(d: &Diagnostics) -> String {
    match d.warning_count() {
        0 => String::new(),
        1 => ", 1 warning".to_string(),
        n => format!(", {n} warnings"),
    }
}

fn fail(problems: &Diagnostics, consequence: &str) -> ExitCode {
    eprint!("{problems}");
    let errors = problems.error_count();
    eprintln!(
        "{} error{}{}: {consequence}",
        errors,
        plural(errors),
        warning_suffix(problems)
    );
    ExitCode::FAILURE
}

/// Progress bars on standard error, one per stage, shown only when it is a terminal and only
/// once a build has taken more than a second (a quick build stays quiet).
struct Bars {
    started: std::time::Instant,
    bar: std::sync::Mutex<Option<indicatif::ProgressBar>>,
}

impl Bars {
    fn install() {
        use std::io::IsTerminal;
        if std::io::stderr().is_terminal() {
            crossbrief::progress::install(std::sync::Arc::new(Bars {
                started: std::time::Instant::now(),
                bar: std::sync::Mutex::new(None),
            }));
        }
    }

    fn show_if_slow(&self, bar: &indicatif::ProgressBar) {
        if bar.is_hidden() && self.started.elapsed() > std::time::Duration::from_secs(1) {
            bar.set_draw_target(indicatif::ProgressDrawTarget::stderr());
        }
    }
}

impl crossbrief::progress::Reporter for Bars {
    fn start(&self, stage: &'static str, total: u64) {
        let bar = indicatif::ProgressBar::with_draw_target(
            Some(total),
            indicatif::ProgressDrawTarget::hidden(),
        );
        bar.set_style(
            indicatif::ProgressStyle::with_template(
                "{prefix:>8} [{bar:32}] {pos}/{len} {elapsed_precise}",
            )
            .unwrap_or_else(|_| indicatif::ProgressStyle::default_bar())
            .progress_chars("=> "),
        );
        bar.set_prefix(stage);
        self.show_if_slow(&bar);
        *self.bar.lock().unwrap_or_else(|e| e.into_inner()) = Some(bar);
    }

    fn advance(&self, n: u64) {
        if let Some(bar) = &*self.bar.lock().unwrap_or_else(|e| e.into_inner()) {
            bar.inc(n);
            self.show_if_slow(bar);
        }
    }

    fn finish(&self) {
        if let Some(bar) = self.bar.lock().unwrap_or_else(|e| e.into_inner()).take() {
            bar.finish_and_clear();
        }
    }
}
