//! The `crossbrief` command: a thin layer over the library's operations.

use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Parser, Subcommand};

use crossbrief::diagnostics::Diagnostics;
use crossbrief::site;

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
    /// Create a new briefing folder with the default templates, static files and one example article
    Init {
        /// The folder to create
        dir: PathBuf,
    },
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    match cli.command {
        Command::Build {
            root,
            output,
            base_url,
            jobs,
            timings,
        } => {
            set_jobs(jobs);
            let options = site::Options {
                root,
                output,
                base_url,
            };
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
        Command::Init { dir } => match crossbrief::init::init(&dir) {
            Ok(created) => {
                eprintln!(
                    "Created a new briefing in {} ({} files). Next:\n  cd {}\n  crossbrief build",
                    dir.display(),
                    created,
                    dir.display()
                );
                ExitCode::SUCCESS
            }
            Err(problems) => fail(&problems, "nothing was created"),
        },
        Command::Import {
            inputs,
            into,
            force,
        } => match crossbrief::site::import::import(&inputs, &into, force) {
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
        if errors == 1 { "" } else { "s" },
        warning_suffix(problems)
    );
    ExitCode::FAILURE
}
