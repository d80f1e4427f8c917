//! `crossbrief.yaml`: the briefing's own settings, all optional.

use std::collections::BTreeMap;
use std::path::Path;

use serde::Deserialize;

use crate::diagnostics::{Diagnostic, Diagnostics, Position};

pub const CONFIG_FILE: &str = "crossbrief.yaml";

#[derive(Debug, Clone, Default, Deserialize, PartialEq)]
#[serde(default)]
pub struct Config {
    pub title: Option<String>,
    pub description: Option<String>,
    /// Where the site will be served from, e.g. `https://example.org/briefing/`.
    pub base_url: Option<String>,
    /// BCP 47 language tag of the articles (`en` by default).
    pub language: Option<String>,
    /// Extra knowledge for extraction, added to the built-in data files.
    pub knowledge: crate::knowledge::Extension,
    /// Name variants to join or keep apart.
    pub aliases: Vec<AliasRule>,
    /// Editor's corrections, applied when linking.
    pub corrections: crate::link::corrections::Corrections,
    /// Items per page on list pages before they are paginated.
    pub paginate: Option<usize>,
    /// Whether entity pages end with their record as highlighted JSON; by default only in
    /// briefings of up to [`DATA_VIEW_ARTICLES`] articles.
    pub data_views: Option<bool>,
    #[serde(flatten)]
    pub unknown: BTreeMap<String, serde_yaml::Value>,
}

/// `aliases:` entries: `{name: "Muammar Gaddafi", variants: ["Qaddafi"]}` joins variants to
/// a name; `{name: "...", not: ["..."]}` keeps names apart that crossbrief would join.
#[derive(Debug, Clone, Default, Deserialize, PartialEq)]
#[serde(default, deny_unknown_fields)]
pub struct AliasRule {
    pub name: String,
    pub variants: Vec<String>,
    pub not: Vec<String>,
    /// `person`, `organization` or `place`; any when left out.
    pub kind: Option<String>,
}

const KNOWN_KEYS: &[&str] = &[
    "title",
    "description",
    "base_url",
    "language",
    "knowledge",
    "aliases",
    "corrections",
    "paginate",
    "data_views",
];

/// Up to this many articles, entity pages show their record as highlighted JSON unless the
/// settings say otherwise. Beyond it the views were a quarter of a briefing's bytes (1.5 GB of
/// 6.0 GB for 36,807 articles) and about a tenth of its rendering, for a record every page's
/// reader can find in `briefing.json`.
pub const DATA_VIEW_ARTICLES: usize = 1_000;

impl Config {
    /// Whether pages of a briefing of `articles` articles carry data views.
    pub fn data_views(&self, articles: usize) -> bool {
        self.data_views.unwrap_or(articles <= DATA_VIEW_ARTICLES)
    }

    /// Reads `root/crossbrief.yaml` if there is one. Problems go into `diagnostics`; a broken
    /// file yields the default settings so the rest of the run can still report its problems.
    pub fn load(root: &Path, diagnostics: &mut Diagnostics) -> Config {
        let path = root.join(CONFIG_FILE);
        let text = match std::fs::read(&path) {
            Ok(bytes) => match String::from_utf8(bytes) {
                Ok(t) => t,
                Err(_) => {
                    diagnostics.push(
                        Diagnostic::error("config", "the settings file is not valid UTF-8")
                            .in_file(CONFIG_FILE)
                            .with_help("save crossbrief.yaml as UTF-8"),
                    );
                    return Config::default();
                }
            },
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Config::default(),
            Err(e) => {
                diagnostics.push(
                    Diagnostic::error("config", format!("could not read the settings file: {e}"))
                        .in_file(CONFIG_FILE),
                );
                return Config::default();
            }
        };
        Config::parse(&text, diagnostics)
    }

    pub fn parse(text: &str, diagnostics: &mut Diagnostics) -> Config {
        if text.trim().is_empty() {
            return Config::default();
        }
        match serde_yaml::from_str::<Config>(text) {
            Ok(config) => {
                for key in config.unknown.keys() {
                    let mut d = Diagnostic::warning(
                        "config",
                        format!("unknown setting `{key}` is ignored"),
                    )
                    .in_file(CONFIG_FILE)
                    .with_help(format!("known settings: {}", KNOWN_KEYS.join(", ")));
                    if let Some(i) = text.find(&format!("{key}:")) {
                        d = d.at(Position::of_offset(text, i));
                    }
                    diagnostics.push(d);
                }
                if let Some(base) = &config.base_url
                    && !(base.starts_with("http://")
                        || base.starts_with("https://")
                        || base.starts_with('/'))
                {
                    diagnostics.push(
                        Diagnostic::error(
                            "config",
                            format!("base_url {base:?} is neither a full URL nor a path"),
                        )
                        .in_file(CONFIG_FILE)
                        .with_help("write it as https://example.org/briefing/ or as /briefing/"),
                    );
                }
                crate::knowledge::check_extension(&config.knowledge, diagnostics);
                config
            }
            Err(e) => {
                let position = e
                    .location()
                    .map(|l| Position::of_offset(text, l.index()))
                    .unwrap_or(Position { line: 1, column: 1 });
                let message = e.to_string();
                let message = message
                    .split(" at line ")
                    .next()
                    .unwrap_or(&message)
                    .to_string();
                diagnostics.push(
                    Diagnostic::error("config", format!("invalid settings: {message}"))
                        .in_file(CONFIG_FILE)
                        .at(position)
                        .with_help("crossbrief.yaml is YAML; see the README's \"Settings\" section for the keys it takes"),
                );
                Config::default()
            }
        }
    }

    pub fn language(&self) -> &str {
        self.language.as_deref().unwrap_or("en")
    }
}

/// The site's base URL, split into what links need.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct BaseUrl {
    /// The configured value, normalised to end with `/` (`/` when none was given).
    pub full: String,
    /// The path part, starting and ending with `/`: what every site link is prefixed with.
    pub path: String,
    /// Whether `full` includes a scheme and host, so absolute URLs (feeds, sitemaps) can be made.
    pub absolute: bool,
}

impl BaseUrl {
    pub fn new(configured: Option<&str>) -> BaseUrl {
        let mut full = configured.unwrap_or("/").trim().to_string();
        if full.is_empty() {
            full.push('/');
        }
        if !full.ends_with('/') {
            full.push('/');
        }
        let absolute = full.starts_with("http://") || full.starts_with("https://");
        let path = if absolute {
            let after_scheme = full.split_once("://").map_or("", |(_, rest)| rest);
            match after_scheme.find('/') {
                Some(i) => after_scheme[i..].to_string(),
                None => "/".to_string(),
            }
        } else if full.starts_with('/') {
            full.clone()
        } else {
            format!("/{full}")
        };
        BaseUrl {
            full,
            path,
            absolute,
        }
    }

    /// A link for a site path such as `/articles/x/`.
    pub fn link(&self, site_path: &str) -> String {
        format!("{}{}", self.path, site_path.trim_start_matches('/'))
    }

    /// An absolute URL when the base has a host, otherwise the link.
    pub fn absolute(&self, site_path: &str) -> String {
        if self.absolute {
            format!("{}{}", self.full, site_path.trim_start_matches('/'))
        } else {
            self.link(site_path)
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn everything_is_optional() {
        let mut d = Diagnostics::new();
        assert_eq!(Config::parse("", &mut d), Config::default());
        assert!(d.is_empty());
    }

    #[test]
    fn data_views_are_shown_in_small_briefings_unless_set() {
        let mut d = Diagnostics::new();
        let default = Config::parse("", &mut d);
        assert!(default.data_views(DATA_VIEW_ARTICLES));
        assert!(!default.data_views(DATA_VIEW_ARTICLES + 1));
        let always = Config::parse("data_views: true", &mut d);
        assert!(always.data_views(100_000));
        let never = Config::parse("data_views: false", &mut d);
        assert!(!never.data_views(5));
        assert!(d.is_empty(), "{d}");
    }

    #[test]
    fn reads_the_site_settings() {
        let mut d = Diagnostics::new();
        let c = Config::parse(
            "title: Yarnell\nbase_url: https://example.org/b\nlanguage: en-GB\n",
            &mut d,
        );
        assert!(d.is_empty(), "{d}");
        assert_eq!(c.title.as_deref(), Some("Yarnell"));
        assert_eq!(c.language(), "en-GB");
    }

    #[test]
    fn unknown_settings_are_warnings_with_a_position() {
        let mut d = Diagnostics::new();
        Config::parse("title: x\ntitel: y\n", &mut d);
        let w = d.iter().next().unwrap();
        assert!(!w.is_error());
        assert_eq!(w.position, Some(Position { line: 2, column: 1 }));
    }

    #[test]
    fn broken_yaml_is_an_error_with_a_position() {
        let mut d = Diagnostics::new();
        Config::parse("title: x\naliases: [\n", &mut d);
        assert!(d.has_errors());
        assert!(d.iter().next().unwrap().position.is_some());
    }

    #[test]
    fn base_urls_give_links_under_their_path() {
        let b = BaseUrl::new(Some("https://example.org/briefing"));
        assert_eq!(b.path, "/briefing/");
        assert_eq!(b.link("/articles/a/"), "/briefing/articles/a/");
        assert_eq!(
            b.absolute("/articles/a/"),
            "https://example.org/briefing/articles/a/"
        );
        let root = BaseUrl::new(None);
        assert_eq!(root.link("/"), "/");
        assert!(!root.absolute);
        assert_eq!(BaseUrl::new(Some("https://example.org")).path, "/");
        assert_eq!(BaseUrl::new(Some("/sub")).link("x/"), "/sub/x/");
    }

    #[test]
    fn a_sex_code_in_the_knowledge_that_means_nothing_is_reported() {
        let mut d = Diagnostics::new();
        Config::parse(
            "knowledge:\n  given_names: {Oleksandra: female, Robin: x}\n  role_genders: {godfather: u}\n",
            &mut d,
        );
        let messages: Vec<&str> = d.iter().map(|d| d.message.as_str()).collect();
        assert_eq!(messages.len(), 2, "{messages:?}");
        assert!(
            messages[0].contains("given_names: \"Robin\""),
            "{messages:?}"
        );
        assert!(
            messages[1].contains("role_genders: \"godfather\""),
            "{messages:?}"
        );
    }
}
