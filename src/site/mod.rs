//! Stage 6, `site`: orchestrate the stages, add static files and machine-readable outputs, and
//! write the result. `build`, `check` and `serve` are thin wrappers over [`generate`].

pub mod check;
pub mod feeds;
pub mod import;
pub mod links;
pub mod output;
pub mod search;
pub mod serve;
pub mod static_files;

use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use crate::config::{BaseUrl, Config};
use crate::diagnostics::{Diagnostic, Diagnostics};
use crate::knowledge::Knowledge;
use crate::model::Briefing;
use crate::render::{self, OutputFile, Templates};
use crate::{extract, link, load};

/// How to build.
#[derive(Debug, Clone, Default)]
pub struct Options {
    /// The briefing folder (holding `content/`, optional `templates/`, `static/`, `crossbrief.yaml`).
    pub root: PathBuf,
    /// Where to write the site; `root/public` by default.
    pub output: Option<PathBuf>,
    /// Overrides `base_url` from `crossbrief.yaml`.
    pub base_url: Option<String>,
}

impl Options {
    pub fn output_dir(&self) -> PathBuf {
        self.output
            .clone()
            .unwrap_or_else(|| self.root.join("public"))
    }
}

/// Time spent in each stage.
#[derive(Debug, Clone, Default)]
pub struct Timings {
    pub stages: Vec<(&'static str, Duration)>,
}

impl Timings {
    fn time<T>(&mut self, stage: &'static str, f: impl FnOnce() -> T) -> T {
        let start = Instant::now();
        let out = f();
        self.stages.push((stage, start.elapsed()));
        out
    }

    pub fn total(&self) -> Duration {
        self.stages.iter().map(|(_, d)| *d).sum()
    }
}

/// A site built in memory, not yet written.
pub struct Generated {
    pub briefing: Briefing,
    /// The loaded articles (for positions of problems in their files).
    pub documents: Vec<load::Document>,
    pub files: Vec<OutputFile>,
    /// Warnings of the run (errors make [`generate`] fail instead).
    pub warnings: Diagnostics,
    pub timings: Timings,
}

/// What a run made, besides its files (which went to the sink).
pub struct Made {
    pub briefing: Briefing,
    pub documents: Vec<load::Document>,
    pub warnings: Diagnostics,
    pub timings: Timings,
    /// How many HTML pages the site has.
    pub pages: usize,
}

/// Extractions kept between builds (by `serve`): an article whose file did not change is not
/// extracted again.
#[derive(Default)]
pub struct Cache {
    /// What the knowledge was when the extractions were made; a change empties the cache.
    knowledge_key: String,
    extractions: std::collections::HashMap<(String, u64), extract::Extraction>,
    /// How many articles the last build extracted (the rest came from the cache).
    pub extracted: usize,
}

/// Writes the bytes of a file as they are made.
pub type Contents<'a> = dyn Fn(&mut dyn std::io::Write) -> std::io::Result<()> + 'a;

/// Where a run's files go as they are made: the output folder when building or serving,
/// memory for tests and `check`.
pub trait Sink: Sync {
    fn file(&self, file: OutputFile) -> Result<(), Diagnostic>;

    /// A file too big to hold in memory twice (`briefing.json`), made by `write`. By default
    /// it is made in memory and passed to [`Sink::file`].
    fn stream(&self, path: &str, write: &Contents<'_>) -> Result<(), Diagnostic> {
        let mut bytes = Vec::new();
        write(&mut bytes).expect("writing to memory does not fail");
        self.file(OutputFile {
            path: path.to_string(),
            bytes,
        })
    }
}

impl<F: Fn(OutputFile) -> Result<(), Diagnostic> + Sync> Sink for F {
    fn file(&self, file: OutputFile) -> Result<(), Diagnostic> {
        self(file)
    }
}

impl Sink for output::Writer {
    fn file(&self, file: OutputFile) -> Result<(), Diagnostic> {
        self.stage(&file)
    }

    fn stream(&self, path: &str, write: &Contents<'_>) -> Result<(), Diagnostic> {
        self.stage_streamed(path, write)
    }
}

/// Passes each path on once, the first time, and remembers the paths for the sitemap.
struct OncePerPath<'a> {
    sink: &'a dyn Sink,
    made: std::sync::Mutex<std::collections::BTreeSet<String>>,
}

impl OncePerPath<'_> {
    fn first_time(&self, path: &str) -> bool {
        self.made
            .lock()
            .unwrap_or_else(|e| e.into_inner())
            .insert(path.to_string())
    }
}

impl Sink for OncePerPath<'_> {
    fn file(&self, file: OutputFile) -> Result<(), Diagnostic> {
        if self.first_time(&file.path) {
            self.sink.file(file)
        } else {
            Ok(())
        }
    }

    fn stream(&self, path: &str, write: &Contents<'_>) -> Result<(), Diagnostic> {
        if self.first_time(path) {
            self.sink.stream(path, write)
        } else {
            Ok(())
        }
    }
}

/// Up to this many articles `briefing.json` is indented for reading. Beyond it the file is
/// written compact: indentation is a third of its bytes (1.4 GB instead of 0.9 GB for 36,800
/// articles), and nobody reads a file that size by eye (`jq .` indents it).
const INDENTED_MODEL_ARTICLES: usize = 1_000;

/// Runs every stage and renders every file in memory. Fails with all the problems found when
/// anything is an error; nothing is written either way.
pub fn generate(options: &Options) -> Result<Generated, Diagnostics> {
    generate_with(options, None)
}

/// [`generate`], reusing and refreshing `cache` when there is one.
pub fn generate_with(
    options: &Options,
    cache: Option<&mut Cache>,
) -> Result<Generated, Diagnostics> {
    let files = std::sync::Mutex::new(Vec::new());
    let made = run(options, cache, true, &|file| {
        files.lock().unwrap_or_else(|e| e.into_inner()).push(file);
        Ok(())
    })?;
    let mut files = files.into_inner().unwrap_or_else(|e| e.into_inner());
    files.sort_by(|a, b| a.path.cmp(&b.path));
    Ok(Generated {
        briefing: made.briefing,
        documents: made.documents,
        files,
        warnings: made.warnings,
        timings: made.timings,
    })
}

/// Runs every stage, handing each file to `sink` as soon as it is made (pages in parallel).
/// Fails with all the problems found when anything is an error; the caller then discards
/// what the sink took. A path made twice is passed on once, the first time. The articles as
/// read come back in [`Made::documents`] only with `keep_documents`.
pub fn run(
    options: &Options,
    cache: Option<&mut Cache>,
    keep_documents: bool,
    sink: &dyn Sink,
) -> Result<Made, Diagnostics> {
    let mut diagnostics = Diagnostics::new();
    let mut timings = Timings::default();
    let root = &options.root;

    let mut config = Config::load(root, &mut diagnostics);
    if let Some(base) = &options.base_url {
        config.base_url = Some(base.clone());
    }
    let base = BaseUrl::new(config.base_url.as_deref());
    let knowledge = Knowledge::new(&config.knowledge);
    // The gazetteer takes longest to get ready: index it while the articles load.
    let loaded = timings.time("load", || {
        std::thread::scope(|scope| {
            scope.spawn(|| {
                knowledge.gazetteer();
            });
            load::load(root)
        })
    });
    diagnostics.extend(loaded.diagnostics);
    let templates = match Templates::load(root, &base) {
        Ok(t) => Some(t),
        Err(problems) => {
            diagnostics.extend(problems);
            None
        }
    };
    let statics = static_files::collect(root, &mut diagnostics);
    if diagnostics.has_errors() {
        return Err(diagnostics.sorted());
    }
    let templates = templates.expect("templates loaded when there are no errors");
    let mut documents = loaded.documents;
    if !keep_documents {
        // Only `check` reports positions in the files as read.
        documents
            .iter_mut()
            .for_each(load::Document::release_file_text);
    }

    let extractions = timings.time("extract", || match cache {
        Some(cache) => {
            let knowledge_key = format!("{:?}", config.knowledge);
            if cache.knowledge_key != knowledge_key {
                cache.extractions.clear();
                cache.knowledge_key = knowledge_key;
            }
            extract_cached(&documents, &knowledge, cache)
        }
        None => extract::extract_all(&documents, &knowledge),
    });
    let briefing = timings.time("link", || {
        let _progress = crate::progress::stage("link", 1);
        link::link(&config, &documents, &extractions, &knowledge)
    });
    drop(extractions);
    // Pages are made from the briefing alone; the articles as read are only kept for callers
    // that report positions in them (`check`). A big briefing needs the memory to render.
    let documents = if keep_documents {
        documents
    } else {
        drop(documents);
        Vec::new()
    };
    let render_options = render::RenderOptions {
        base: &base,
        per_page: config.paginate.unwrap_or(render::context::DEFAULT_PER_PAGE),
        knowledge: &knowledge,
        data_views: config.data_views(briefing.articles.len()),
    };
    // The paths made so far: the sitemap lists them, and a path is passed on only once.
    let once = OncePerPath {
        sink,
        made: Default::default(),
    };
    let pass_on = |file: OutputFile| once.file(file);
    let render_problems = timings.time("render", || {
        // The files made from the whole briefing are made while the pages render: on their
        // own they would keep one core busy and the other idle. Each is passed on as soon as
        // it is made, so that only one of them is in memory at a time; briefing.json, the
        // biggest by far, is written as it is serialised.
        let (mut problems, whole_site_problems) = rayon::join(
            || render::render(&briefing, &templates, &render_options, &pass_on),
            || {
                let makers: [&dyn Fn() -> Result<(), Diagnostic>; 5] = [
                    &|| {
                        once.stream("briefing.json", &|out| {
                            if briefing.articles.len() <= INDENTED_MODEL_ARTICLES {
                                serde_json::to_writer_pretty(out, &briefing)
                            } else {
                                serde_json::to_writer(out, &briefing)
                            }
                            .map_err(std::io::Error::other)
                        })
                    },
                    &|| {
                        once.stream("search_index.json", &|out| {
                            search::write_search_index(&briefing, &base, out)
                        })
                    },
                    &|| {
                        pass_on(OutputFile {
                            path: "highlight.css".to_string(),
                            bytes: render::highlight::stylesheet().into_bytes(),
                        })
                    },
                    &|| pass_on(feeds::atom(&briefing, &base)),
                    &|| pass_on(feeds::robots(&base)),
                ];
                makers
                    .iter()
                    .filter_map(|make| make().err())
                    .collect::<Diagnostics>()
            },
        );
        problems.extend(whole_site_problems);
        for file in statics {
            if let Err(d) = pass_on(file) {
                problems.push(d);
            }
        }
        let sitemap = {
            let paths = once.made.lock().unwrap_or_else(|e| e.into_inner());
            feeds::sitemap(paths.iter().map(String::as_str), &base)
        };
        if let Err(d) = pass_on(sitemap) {
            problems.push(d);
        }
        problems
    });
    diagnostics.extend(render_problems);
    if diagnostics.has_errors() {
        return Err(diagnostics.sorted());
    }
    let pages = once
        .made
        .into_inner()
        .unwrap_or_else(|e| e.into_inner())
        .iter()
        .filter(|p| p.ends_with(".html"))
        .count();
    Ok(Made {
        briefing,
        documents,
        warnings: diagnostics.sorted(),
        timings,
        pages,
    })
}

fn extract_cached(
    documents: &[load::Document],
    knowledge: &Knowledge,
    cache: &mut Cache,
) -> Vec<extract::Extraction> {
    use rayon::prelude::*;
    let key = |d: &load::Document| (d.path.clone(), d.content_hash);
    let missing: Vec<&load::Document> = documents
        .iter()
        .filter(|d| !cache.extractions.contains_key(&key(d)))
        .collect();
    cache.extracted = missing.len();
    let fresh: Vec<((String, u64), extract::Extraction)> = missing
        .par_iter()
        .map(|d| {
            (
                key(d),
                extract::extract(&d.body.text, &d.body.blocks, knowledge),
            )
        })
        .collect();
    cache.extractions.extend(fresh);
    // Forget articles that are gone, so the cache does not grow without bound.
    let live: std::collections::HashSet<(String, u64)> = documents.iter().map(key).collect();
    cache.extractions.retain(|k, _| live.contains(k));
    documents
        .iter()
        .map(|d| cache.extractions[&key(d)].clone())
        .collect()
}

/// What a finished build did.
#[derive(Debug)]
pub struct BuildReport {
    pub output: PathBuf,
    pub write: output::WriteReport,
    pub warnings: Diagnostics,
    pub timings: Timings,
    pub articles: usize,
    pub pages: usize,
}

/// Builds the briefing into its output folder. On failure the previous output is untouched.
pub fn build(options: &Options) -> Result<BuildReport, Diagnostics> {
    let output_dir = options.output_dir();
    output::check_output_folder(&options.root, &output_dir).map_err(one)?;
    let writer = output::Writer::open(&output_dir).map_err(one)?;
    let mut made = match run(options, None, false, &writer) {
        Ok(made) => made,
        Err(problems) => {
            writer.abort();
            return Err(problems);
        }
    };
    let write = made
        .timings
        .time("write", || writer.commit())
        .map_err(one)?;
    Ok(BuildReport {
        output: output_dir,
        pages: made.pages,
        articles: made.briefing.articles.len(),
        write,
        warnings: made.warnings,
        timings: made.timings,
    })
}

impl BuildReport {
    /// The report as one line of JSON: stage times in milliseconds and counts, for scripts
    /// and benchmarks (the field names are stable).
    pub fn to_json(&self) -> String {
        let stages: serde_json::Map<String, serde_json::Value> = self
            .timings
            .stages
            .iter()
            .map(|(name, d)| {
                (
                    name.to_string(),
                    serde_json::json!(d.as_secs_f64() * 1000.0),
                )
            })
            .collect();
        serde_json::json!({
            "articles": self.articles,
            "pages": self.pages,
            "files": self.write.files,
            "written": self.write.written,
            "unchanged": self.write.unchanged,
            "removed": self.write.removed,
            "bytes": self.write.bytes,
            "warnings": self.warnings.warning_count(),
            "stages_ms": stages,
            "total_ms": self.timings.total().as_secs_f64() * 1000.0,
        })
        .to_string()
    }
}

fn one(d: Diagnostic) -> Diagnostics {
    std::iter::once(d).collect()
}

/// The briefing folder a path inside it belongs to (for messages).
pub fn display_root(root: &Path) -> String {
    if root.as_os_str().is_empty() || root == Path::new(".") {
        "the current folder".to_string()
    } else {
        root.display().to_string()
    }
}
