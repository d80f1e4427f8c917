//! Tera templates: the built-in set embedded in the binary, overridden file by file by a
//! briefing's own `templates/` folder.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use tera::{ErrorKind, Kwargs, State, Tera, Value};
use walkdir::WalkDir;

use crate::config::BaseUrl;
use crate::diagnostics::{Diagnostic, Diagnostics, Position};

/// The built-in templates, embedded at compile time from `templates/`.
pub const BUILT_IN: &[(&str, &str)] = &[
    ("base.html", include_str!("../../templates/base.html")),
    ("index.html", include_str!("../../templates/index.html")),
    ("article.html", include_str!("../../templates/article.html")),
    (
        "articles.html",
        include_str!("../../templates/articles.html"),
    ),
    ("outlet.html", include_str!("../../templates/outlet.html")),
    ("outlets.html", include_str!("../../templates/outlets.html")),
    ("404.html", include_str!("../../templates/404.html")),
    ("people.html", include_str!("../../templates/people.html")),
    ("person.html", include_str!("../../templates/person.html")),
    ("quotes.html", include_str!("../../templates/quotes.html")),
    ("quote.html", include_str!("../../templates/quote.html")),
    (
        "partials_pagination.html",
        include_str!("../../templates/partials_pagination.html"),
    ),
    (
        "partials_notices.html",
        include_str!("../../templates/partials_notices.html"),
    ),
    (
        "partials_quote_item.html",
        include_str!("../../templates/partials_quote_item.html"),
    ),
    (
        "partials_figure_item.html",
        include_str!("../../templates/partials_figure_item.html"),
    ),
    ("figures.html", include_str!("../../templates/figures.html")),
    ("figure.html", include_str!("../../templates/figure.html")),
    ("places.html", include_str!("../../templates/places.html")),
    ("place.html", include_str!("../../templates/place.html")),
    ("search.html", include_str!("../../templates/search.html")),
    (
        "partials_data.html",
        include_str!("../../templates/partials_data.html"),
    ),
];

/// Where a template came from, for error messages.
#[derive(Debug, Clone)]
pub enum Origin {
    BuiltIn,
    File(PathBuf),
}

pub struct Templates {
    pub tera: Tera,
    pub origins: BTreeMap<String, Origin>,
}

impl Templates {
    /// Loads the built-in templates and the overrides in `root/templates`. All problems are
    /// reported, one per broken file.
    pub fn load(root: &Path, base: &BaseUrl) -> Result<Templates, Diagnostics> {
        let mut diagnostics = Diagnostics::new();
        let mut sources: BTreeMap<String, (String, Origin)> = BUILT_IN
            .iter()
            .map(|(name, text)| (name.to_string(), (text.to_string(), Origin::BuiltIn)))
            .collect();
        for (name, path) in user_template_files(root) {
            match std::fs::read_to_string(&path) {
                Ok(text) => {
                    sources.insert(name, (text, Origin::File(rel(root, &path))));
                }
                Err(e) => diagnostics.push(
                    Diagnostic::error("template", format!("could not read the template: {e}"))
                        .in_file(rel(root, &path))
                        .with_help("templates must be UTF-8 text files"),
                ),
            }
        }
        let origins: BTreeMap<String, Origin> = sources
            .iter()
            .map(|(n, (_, o))| (n.clone(), o.clone()))
            .collect();

        // Check each user template with the built-in ones first, so that every broken file
        // is reported, not only the first. Templates the user added (partials, macros) are
        // there too, so that a template can include them.
        let added: Vec<(&String, &String)> = sources
            .iter()
            .filter(|(n, _)| !BUILT_IN.iter().any(|(b, _)| b == n))
            .map(|(n, (t, _))| (n, t))
            .collect();
        let mut reported: Vec<String> = Vec::new();
        for (name, (text, origin)) in &sources {
            if let Origin::File(_) = origin {
                let mut scratch = new_tera(base);
                let built_ins = BUILT_IN
                    .iter()
                    .filter(|(n, _)| *n != name)
                    .map(|(n, t)| (n.to_string(), t.to_string()));
                let others = added
                    .iter()
                    .filter(|(n, _)| *n != name)
                    .map(|(n, t)| (n.to_string(), t.to_string()));
                let with_this = built_ins
                    .chain(others)
                    .chain(std::iter::once((name.clone(), text.clone())));
                if let Err(e) = scratch.add_raw_templates(with_this) {
                    let d = template_error(&e, &origins, &sources);
                    // A broken added file also breaks every check that includes it.
                    let key = format!("{d:?}");
                    if !reported.contains(&key) {
                        reported.push(key);
                        diagnostics.push(d);
                    }
                }
            }
        }
        if diagnostics.has_errors() {
            return Err(diagnostics);
        }
        let mut tera = new_tera(base);
        if let Err(e) = tera.add_raw_templates(sources.iter().map(|(n, (t, _))| (n, t))) {
            diagnostics.push(template_error(&e, &origins, &sources));
            return Err(diagnostics);
        }
        Ok(Templates { tera, origins })
    }

    /// Turns a rendering error into a diagnostic naming the template file and position.
    pub fn diagnostic(&self, error: &tera::Error, page: &str) -> Diagnostic {
        let d = error_to_diagnostic(error, &self.origins, None);
        let message = format!("{} (while rendering {page})", d.message);
        Diagnostic { message, ..d }
    }
}

fn new_tera(base: &BaseUrl) -> Tera {
    let mut tera = Tera::default();
    // Filters must exist before templates that use them are added.
    let link_base = base.clone();
    tera.register_filter("url", move |path: &str, _: Kwargs, _: &State| {
        link_base.link(path)
    });
    let abs_base = base.clone();
    tera.register_filter("abs_url", move |path: &str, _: Kwargs, _: &State| {
        abs_base.absolute(path)
    });
    tera.register_filter("human_date", |date: &str, _: Kwargs, _: &State| {
        crate::render::human_date(date)
    });
    tera.register_filter("thousands", |n: Value, _: Kwargs, _: &State| {
        crate::render::thousands(&n)
    });
    tera.register_filter("to_json", |v: Value, _: Kwargs, _: &State| to_json(&v));
    tera
}

/// JSON for a template: keys sorted (so that builds are byte-identical) and `<`, `>`, `&`
/// written as escapes, so that it can stand inside a `<script>` element.
fn to_json(value: &Value) -> String {
    serde_json::to_value(value)
        .and_then(|v| serde_json::to_string(&v))
        .unwrap_or_default()
        .replace('<', "\\u003c")
        .replace('>', "\\u003e")
        .replace('&', "\\u0026")
}

fn template_error(
    error: &tera::Error,
    origins: &BTreeMap<String, Origin>,
    sources: &BTreeMap<String, (String, Origin)>,
) -> Diagnostic {
    error_to_diagnostic(error, origins, Some(sources))
}

fn error_to_diagnostic(
    error: &tera::Error,
    origins: &BTreeMap<String, Origin>,
    _sources: Option<&BTreeMap<String, (String, Origin)>>,
) -> Diagnostic {
    let file_of = |name: &str| -> PathBuf {
        match origins.get(name) {
            Some(Origin::File(p)) => p.clone(),
            _ => PathBuf::from(format!("(built-in template) {name}")),
        }
    };
    let help = "fix the template; docs/templates.md lists the variables each template receives";
    match error.kind() {
        ErrorKind::SyntaxError(report) | ErrorKind::RenderingError(report) => {
            let span = report.span();
            let mut d = Diagnostic::error("template", report.message().to_string())
                .in_file(file_of(report.filename()))
                .with_help(help);
            if span.start_line > 0 {
                d = d.at(Position {
                    line: span.start_line,
                    column: span.start_col + 1,
                });
            }
            d
        }
        ErrorKind::MissingParent { current, parent } => Diagnostic::error(
            "template",
            format!("`{current}` extends `{parent}`, which does not exist"),
        )
        .in_file(file_of(current))
        .with_help(format!(
            "built-in templates are: {}",
            BUILT_IN
                .iter()
                .map(|(n, _)| *n)
                .collect::<Vec<_>>()
                .join(", ")
        )),
        _ => report_text_to_diagnostic(&error.to_string(), &file_of).with_help(help),
    }
}

/// Tera renders some errors only as report text ("error: X\n  --> name:line:col ..."): read
/// the message and the position back out of it.
fn report_text_to_diagnostic(text: &str, file_of: &dyn Fn(&str) -> PathBuf) -> Diagnostic {
    let first = text.lines().next().unwrap_or(text);
    let message = first.trim_start_matches("error: ").to_string();
    let located = text
        .lines()
        .find_map(|l| l.trim().strip_prefix("--> "))
        .and_then(|loc| {
            let mut parts = loc.rsplitn(3, ':');
            let col: usize = parts.next()?.trim().parse().ok()?;
            let line: usize = parts.next()?.trim().parse().ok()?;
            let name = parts.next()?.trim().to_string();
            Some((name, line, col))
        });
    match located {
        Some((name, line, column)) => Diagnostic::error("template", message)
            .in_file(file_of(&name))
            .at(Position { line, column }),
        None => Diagnostic::error("template", message),
    }
}

/// `templates/**/*.{html,xml,txt}` under the briefing folder, as (template name, path).
fn user_template_files(root: &Path) -> Vec<(String, PathBuf)> {
    let dir = root.join("templates");
    if !dir.is_dir() {
        return Vec::new();
    }
    WalkDir::new(&dir)
        .sort_by_file_name()
        .into_iter()
        .filter_map(Result::ok)
        .filter(|e| e.file_type().is_file())
        .filter(|e| !e.file_name().to_string_lossy().starts_with('.'))
        .filter(|e| {
            matches!(
                e.path().extension().and_then(|x| x.to_str()),
                Some("html" | "xml" | "txt")
            )
        })
        .map(|e| {
            let name = rel(&dir, e.path()).to_string_lossy().replace('\\', "/");
            (name, e.path().to_path_buf())
        })
        .collect()
}

fn rel(root: &Path, path: &Path) -> PathBuf {
    path.strip_prefix(root).unwrap_or(path).to_path_buf()
}

#[cfg(test)]
mod to_json_tests {
    use super::*;

    #[test]
    fn to_json_sorts_keys_and_is_safe_inside_a_script_element() {
        let map: std::collections::HashMap<String, String> = (0..50)
            .map(|i| (format!("k{i}"), "</script><b>&".to_string()))
            .collect();
        let json = to_json(&Value::from_serializable(&map));
        assert!(json.starts_with("{\"k0\":"), "{json}");
        assert!(json.find("\"k1\"") < json.find("\"k2\""));
        assert!(!json.contains('<') && !json.contains('&'), "{json}");
        let back: std::collections::HashMap<String, String> = serde_json::from_str(&json).unwrap();
        assert_eq!(back, map);
    }
}
