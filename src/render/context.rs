//! Page contexts: what each template receives. Documented in `docs/templates.md`; keep the two
//! in step. Every context also has `site` (see [`SiteView`]) and `page` (see [`PageView`]).
//! Contexts are views of the model built for templates; templates never see internal types.

use std::collections::HashMap;

use serde::Serialize;
use tera::Context;

use crate::config::BaseUrl;
use crate::knowledge::Knowledge;
use crate::model::{Article, Briefing, EntityKind, Notice, Outlet, Person, Quote, Span};
use crate::render::body::{Annotation, body_html, escape};
use crate::render::diff::{DiffSummary, word_diff_html};

/// The list pages, which are paginated.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ListKind {
    Articles,
    Outlets,
    People,
    Quotes,
}

impl ListKind {
    pub fn path(&self) -> &'static str {
        match self {
            ListKind::Articles => "/articles/",
            ListKind::Outlets => "/outlets/",
            ListKind::People => "/people/",
            ListKind::Quotes => "/quotes/",
        }
    }

    fn template(&self) -> &'static str {
        match self {
            ListKind::Articles => "articles.html",
            ListKind::Outlets => "outlets.html",
            ListKind::People => "people.html",
            ListKind::Quotes => "quotes.html",
        }
    }

    fn title(&self) -> &'static str {
        match self {
            ListKind::Articles => "Articles",
            ListKind::Outlets => "Outlets",
            ListKind::People => "Spokespeople",
            ListKind::Quotes => "Quotations",
        }
    }

    fn len(&self, b: &Briefing) -> usize {
        match self {
            ListKind::Articles => b.articles.len(),
            ListKind::Outlets => b.outlets.len(),
            ListKind::People => b.people.len(),
            ListKind::Quotes => b.quotes.len(),
        }
    }
}

/// Every page the site has.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Page {
    Index,
    /// A list page; the number counts from 1.
    List(ListKind, usize),
    Article(usize),
    Outlet(usize),
    Person(usize),
    Quote(usize),
    NotFound,
}

impl Page {
    pub fn template(&self) -> &'static str {
        match self {
            Page::Index => "index.html",
            Page::List(kind, _) => kind.template(),
            Page::Article(_) => "article.html",
            Page::Outlet(_) => "outlet.html",
            Page::Person(_) => "person.html",
            Page::Quote(_) => "quote.html",
            Page::NotFound => "404.html",
        }
    }

    pub fn path_in(&self, briefing: &Briefing) -> String {
        match *self {
            Page::Index => "/".to_string(),
            Page::List(kind, 1) => kind.path().to_string(),
            Page::List(kind, n) => format!("{}page/{n}/", kind.path()),
            Page::Article(i) => briefing.articles[i].page.clone(),
            Page::Outlet(i) => briefing.outlets[i].page.clone(),
            Page::Person(i) => briefing.people[i].page.clone(),
            Page::Quote(i) => briefing.quotes[i].page.clone(),
            Page::NotFound => "/404.html".to_string(),
        }
    }
}

pub const DEFAULT_PER_PAGE: usize = 100;

/// All pages of `briefing`, in a fixed order.
pub fn pages(briefing: &Briefing, per_page: usize) -> Vec<Page> {
    let mut pages = vec![Page::Index, Page::NotFound];
    for kind in [
        ListKind::Articles,
        ListKind::Outlets,
        ListKind::People,
        ListKind::Quotes,
    ] {
        let count = kind.len(briefing).div_ceil(per_page).max(1);
        pages.extend((1..=count).map(|n| Page::List(kind, n)));
    }
    pages.extend((0..briefing.articles.len()).map(Page::Article));
    pages.extend((0..briefing.outlets.len()).map(Page::Outlet));
    pages.extend((0..briefing.people.len()).map(Page::Person));
    pages.extend((0..briefing.quotes.len()).map(Page::Quote));
    pages
}

/// What every page shares, computed once per build.
pub struct Site<'a> {
    pub view: SiteView<'a>,
    pub base: BaseUrl,
    pub per_page: usize,
    knowledge: &'a Knowledge,
    outlet_by_id: HashMap<&'a str, &'a Outlet>,
    article_by_id: HashMap<&'a str, &'a Article>,
    person_by_id: HashMap<&'a str, &'a Person>,
    quote_by_id: HashMap<&'a str, &'a Quote>,
    annotations: HashMap<&'a str, Vec<Annotation>>,
    notices_by_page: HashMap<&'a str, Vec<&'a Notice>>,
    notices_by_article: HashMap<&'a str, Vec<&'a Notice>>,
}

/// `site`: the briefing as a whole.
#[derive(Debug, Serialize)]
pub struct SiteView<'a> {
    pub title: &'a str,
    pub description: Option<&'a str>,
    pub base_url: &'a str,
    pub language: &'a str,
    pub counts: Counts,
    /// The main navigation: `[{title, path}]`.
    pub nav: Vec<NavItem>,
}

#[derive(Debug, Serialize)]
pub struct Counts {
    pub articles: usize,
    pub outlets: usize,
    pub people: usize,
    pub places: usize,
    pub quotes: usize,
    pub figures: usize,
    pub disputed: usize,
    pub notices: usize,
}

#[derive(Debug, Serialize)]
pub struct NavItem {
    pub title: &'static str,
    pub path: &'static str,
}

impl<'a> Site<'a> {
    pub fn new(
        briefing: &'a Briefing,
        base: &BaseUrl,
        per_page: usize,
        knowledge: &'a Knowledge,
    ) -> Site<'a> {
        let counts = Counts {
            articles: briefing.articles.len(),
            outlets: briefing.outlets.len(),
            people: briefing.people.len(),
            places: briefing.places.len(),
            quotes: briefing.quotes.len(),
            figures: briefing.figures.len(),
            disputed: briefing.figures.iter().filter(|f| f.disputed).count(),
            notices: briefing.notices.len(),
        };
        let nav = vec![
            NavItem {
                title: "Articles",
                path: "/articles/",
            },
            NavItem {
                title: "Spokespeople",
                path: "/people/",
            },
            NavItem {
                title: "Quotations",
                path: "/quotes/",
            },
            NavItem {
                title: "Outlets",
                path: "/outlets/",
            },
        ];
        let mut site = Site {
            view: SiteView {
                title: &briefing.title,
                description: briefing.description.as_deref(),
                base_url: &briefing.base_url,
                language: &briefing.language,
                counts,
                nav,
            },
            base: base.clone(),
            per_page: per_page.max(1),
            knowledge,
            outlet_by_id: briefing
                .outlets
                .iter()
                .map(|o| (o.id.as_str(), o))
                .collect(),
            article_by_id: briefing
                .articles
                .iter()
                .map(|a| (a.id.as_str(), a))
                .collect(),
            person_by_id: briefing.people.iter().map(|p| (p.id.as_str(), p)).collect(),
            quote_by_id: briefing.quotes.iter().map(|q| (q.id.as_str(), q)).collect(),
            annotations: HashMap::new(),
            notices_by_page: HashMap::new(),
            notices_by_article: HashMap::new(),
        };
        for n in &briefing.notices {
            if let Some(p) = &n.page {
                site.notices_by_page.entry(p.as_str()).or_default().push(n);
            }
            if let Some(a) = &n.article {
                site.notices_by_article
                    .entry(a.as_str())
                    .or_default()
                    .push(n);
            }
        }
        site.annotations = annotations(briefing, &site);
        site
    }

    fn link(&self, path: &str) -> String {
        self.base.link(path)
    }

    fn summary(&self, article: &'a Article) -> ArticleSummary<'a> {
        ArticleSummary {
            id: &article.id,
            title: &article.title,
            title_derived: article.title_derived,
            outlet: article.outlet.as_deref(),
            outlet_page: article
                .outlet_id
                .as_deref()
                .and_then(|id| self.outlet_by_id.get(id))
                .map(|o| o.page.as_str()),
            date: article.date.as_deref(),
            page: &article.page,
            word_count: article.word_count,
        }
    }

    fn summary_of(&self, id: &str) -> Option<ArticleSummary<'a>> {
        self.article_by_id.get(id).map(|a| self.summary(a))
    }

    fn summaries_by_date(
        &self,
        articles: impl Iterator<Item = &'a Article>,
    ) -> Vec<ArticleSummary<'a>> {
        let mut list: Vec<ArticleSummary> = articles.map(|a| self.summary(a)).collect();
        sort_by_date(&mut list);
        list
    }

    fn person_ref(&self, id: Option<&str>) -> Option<PersonRef<'a>> {
        let p = self.person_by_id.get(id?)?;
        Some(PersonRef {
            id: &p.id,
            name: &p.name,
            page: &p.page,
            kind: p.kind,
        })
    }
}

fn sort_by_date(list: &mut [ArticleSummary]) {
    // Newest first; undated last; then by title and id so the order is stable.
    list.sort_by(|a, b| {
        (b.date.is_some(), b.date, a.title, a.id).cmp(&(a.date.is_some(), a.date, b.title, b.id))
    });
}

/// `page`: about the page being rendered.
#[derive(Debug, Serialize)]
pub struct PageView {
    pub title: String,
    /// Site path, e.g. `/articles/x/` (pass it through the `url` filter to link to it).
    pub path: String,
    /// The page kind: `index`, `article`, `person`, ... (the template name without `.html`).
    pub kind: &'static str,
    /// Absolute URL when `base_url` has a host, otherwise the link.
    pub canonical: String,
    pub description: Option<String>,
    /// For list pages: `{number, count, previous, next}` (paths), else null.
    pub pagination: Option<Pagination>,
    /// Things the tool was unsure about on this page.
    pub notices: Vec<NoticeView>,
}

#[derive(Debug, Serialize)]
pub struct Pagination {
    pub number: usize,
    pub count: usize,
    pub previous: Option<String>,
    pub next: Option<String>,
}

#[derive(Debug, Serialize)]
pub struct NoticeView {
    pub kind: String,
    pub message: String,
}

/// An article in a list.
#[derive(Debug, Clone, Serialize)]
pub struct ArticleSummary<'a> {
    pub id: &'a str,
    pub title: &'a str,
    pub title_derived: bool,
    pub outlet: Option<&'a str>,
    pub outlet_page: Option<&'a str>,
    pub date: Option<&'a str>,
    pub page: &'a str,
    pub word_count: usize,
}

/// A link to a person or organisation.
#[derive(Debug, Clone, Serialize)]
pub struct PersonRef<'a> {
    pub id: &'a str,
    pub name: &'a str,
    pub page: &'a str,
    pub kind: EntityKind,
}

#[derive(Debug, Serialize)]
struct OutletView<'a> {
    id: &'a str,
    name: &'a str,
    page: &'a str,
    article_count: usize,
    articles: Vec<ArticleSummary<'a>>,
}

/// A person or organisation in a list.
#[derive(Debug, Serialize)]
struct PersonSummary<'a> {
    id: &'a str,
    name: &'a str,
    kind: EntityKind,
    page: &'a str,
    roles: &'a [String],
    aliases: &'a [String],
    quote_count: usize,
    statement_count: usize,
    figure_count: usize,
    article_count: usize,
}

/// A quotation in a list: its text, speaker, and the outlets that carry it.
#[derive(Debug, Serialize)]
struct QuoteSummary<'a> {
    id: &'a str,
    text: &'a str,
    page: &'a str,
    speaker: Option<PersonRef<'a>>,
    speaker_conflict: bool,
    occurrence_count: usize,
    outlets: Vec<ArticleSummary<'a>>,
    first_date: Option<&'a str>,
}

/// One outlet's wording of a quotation.
#[derive(Debug, Serialize)]
struct OccurrenceView<'a> {
    article: Option<ArticleSummary<'a>>,
    text: &'a str,
    /// The wording with differences from the canonical text marked (HTML).
    diff_html: String,
    diff: DiffSummary,
    speaker: Option<PersonRef<'a>>,
    attribution: Option<&'a str>,
    cue: Option<&'a str>,
    /// Link to the quotation inside the article.
    anchor: String,
}

#[derive(Debug, Serialize)]
struct StatementView<'a> {
    article: Option<ArticleSummary<'a>>,
    text: &'a str,
    anchor: String,
}

/// The context for `page`.
pub fn build(page: &Page, briefing: &Briefing, site: &Site) -> Context {
    let mut ctx = Context::new();
    ctx.insert("site", &site.view);
    let path = page.path_in(briefing);
    let kind = page.template().trim_end_matches(".html");
    let mut pagination = None;
    let (title, description) = match *page {
        Page::Index => {
            let articles = site.summaries_by_date(briefing.articles.iter());
            ctx.insert("articles", &articles);
            ctx.insert("outlets", &outlet_views(briefing, site));
            ctx.insert(
                "undated",
                &articles.iter().filter(|a| a.date.is_none()).count(),
            );
            let mut people: Vec<PersonSummary> = briefing
                .people
                .iter()
                .map(|p| person_summary(p))
                .filter(|p| p.quote_count > 0)
                .collect();
            people.sort_by(|a, b| b.quote_count.cmp(&a.quote_count).then(a.name.cmp(b.name)));
            people.truncate(10);
            ctx.insert("top_people", &people);
            let mut quotes: Vec<QuoteSummary> = briefing
                .quotes
                .iter()
                .map(|q| quote_summary(q, site))
                .collect();
            quotes.sort_by(|a, b| {
                b.outlets
                    .len()
                    .cmp(&a.outlets.len())
                    .then(b.occurrence_count.cmp(&a.occurrence_count))
                    .then(a.id.cmp(b.id))
            });
            quotes.truncate(10);
            ctx.insert("top_quotes", &quotes);
            ctx.insert("notice_count", &briefing.notices.len());
            (briefing.title.clone(), briefing.description.clone())
        }
        Page::List(list, n) => {
            let range = (n - 1) * site.per_page..(n * site.per_page).min(list.len(briefing));
            pagination = Some(paginate(list, n, site.per_page, briefing));
            match list {
                ListKind::Articles => {
                    let all = site.summaries_by_date(briefing.articles.iter());
                    ctx.insert("articles", &all[range].to_vec());
                }
                ListKind::Outlets => {
                    let all = outlet_views(briefing, site);
                    ctx.insert("outlets", &all[range.clone()]);
                }
                ListKind::People => {
                    let mut all: Vec<PersonSummary> =
                        briefing.people.iter().map(|p| person_summary(p)).collect();
                    all.sort_by(|a, b| {
                        (b.quote_count + b.statement_count)
                            .cmp(&(a.quote_count + a.statement_count))
                            .then(a.name.cmp(b.name))
                    });
                    ctx.insert("people", &all[range.clone()]);
                }
                ListKind::Quotes => {
                    let mut all: Vec<QuoteSummary> = briefing
                        .quotes
                        .iter()
                        .map(|q| quote_summary(q, site))
                        .collect();
                    all.sort_by(|a, b| b.outlets.len().cmp(&a.outlets.len()).then(a.id.cmp(b.id)));
                    ctx.insert("quotes", &all[range.clone()]);
                }
            }
            let title = if n == 1 {
                list.title().to_string()
            } else {
                format!("{} (page {n})", list.title())
            };
            (title, None)
        }
        Page::Article(i) => {
            let article = &briefing.articles[i];
            let notes = site
                .annotations
                .get(article.id.as_str())
                .map_or(&[][..], Vec::as_slice);
            ctx.insert("article", article);
            ctx.insert("summary", &site.summary(article));
            ctx.insert("body_html", &body_html(article, notes));
            ctx.insert(
                "outlet",
                &article
                    .outlet_id
                    .as_deref()
                    .and_then(|id| site.outlet_by_id.get(id)),
            );
            let quotes: Vec<QuoteSummary> = briefing
                .quotes
                .iter()
                .filter(|q| q.occurrences.iter().any(|o| o.article == article.id))
                .map(|q| quote_summary(q, site))
                .collect();
            ctx.insert("quotes", &quotes);
            let mut people: Vec<PersonRef> = briefing
                .people
                .iter()
                .filter(|p| p.articles.contains(&article.id))
                .filter_map(|p| site.person_ref(Some(&p.id)))
                .collect();
            people.sort_by(|a, b| a.name.cmp(b.name));
            ctx.insert("people", &people);
            (article.title.clone(), None)
        }
        Page::Outlet(i) => {
            let outlet = &briefing.outlets[i];
            let view = outlet_view(outlet, site);
            ctx.insert("outlet", &view);
            ctx.insert("articles", &view.articles);
            (outlet.name.clone(), None)
        }
        Page::Person(i) => {
            let person = &briefing.people[i];
            ctx.insert("person", person);
            let quotes: Vec<QuoteSummary> = person
                .quotes
                .iter()
                .filter_map(|id| site.quote_by_id.get(id.as_str()))
                .map(|q| quote_summary(q, site))
                .collect();
            ctx.insert("quotes", &quotes);
            ctx.insert("statements", &spans_view(&person.statements, site));
            let mut articles: Vec<ArticleSummary> = person
                .articles
                .iter()
                .filter_map(|id| site.summary_of(id))
                .collect();
            sort_by_date(&mut articles);
            ctx.insert("articles", &articles);
            ctx.insert("mention_count", &person.mentions.len());
            let description = format!(
                "{} in {}: {} quotation{}, {} statement{}.",
                person.name,
                briefing.title,
                quotes.len(),
                plural(quotes.len()),
                person.statements.len(),
                plural(person.statements.len())
            );
            (person.name.clone(), Some(description))
        }
        Page::Quote(i) => {
            let quote = &briefing.quotes[i];
            ctx.insert("quote", quote);
            ctx.insert("speaker", &site.person_ref(quote.speaker.as_deref()));
            let occurrences: Vec<OccurrenceView> = quote
                .occurrences
                .iter()
                .map(|o| {
                    let (diff_html, diff) = word_diff_html(&quote.text, &o.text, site.knowledge);
                    OccurrenceView {
                        article: site.summary_of(&o.article),
                        text: &o.text,
                        diff_html,
                        diff,
                        speaker: site.person_ref(o.speaker.as_deref()),
                        attribution: o.attribution.as_deref(),
                        cue: o.cue.as_deref(),
                        anchor: format!(
                            "{}#q{}",
                            site.link(&crate::link::paths::article(&o.article)),
                            o.start
                        ),
                    }
                })
                .collect();
            let speakers: Vec<PersonRef> = {
                let mut ids: Vec<&str> = quote
                    .occurrences
                    .iter()
                    .filter_map(|o| o.speaker.as_deref())
                    .collect();
                ids.sort();
                ids.dedup();
                ids.into_iter()
                    .filter_map(|id| site.person_ref(Some(id)))
                    .collect()
            };
            ctx.insert("speakers", &speakers);
            ctx.insert("occurrences", &occurrences);
            ctx.insert(
                "first_article",
                &quote
                    .first_article
                    .as_deref()
                    .and_then(|id| site.summary_of(id)),
            );
            let title = format!("“{}”", excerpt(&quote.text, 10));
            (title, Some(excerpt(&quote.text, 40)))
        }
        Page::NotFound => ("Page not found".to_string(), None),
    };
    let notices: Vec<NoticeView> = site
        .notices_by_page
        .get(path.as_str())
        .into_iter()
        .flatten()
        .chain(
            match page {
                Page::Article(i) => site
                    .notices_by_article
                    .get(briefing.articles[*i].id.as_str()),
                _ => None,
            }
            .into_iter()
            .flatten()
            .filter(|n| n.page.as_deref() != Some(path.as_str())),
        )
        .map(|n| NoticeView {
            kind: n.kind.clone(),
            message: n.message.clone(),
        })
        .collect();
    ctx.insert(
        "page",
        &PageView {
            title,
            canonical: site.base.absolute(&path),
            path,
            kind,
            description,
            pagination,
            notices,
        },
    );
    ctx
}

fn plural(n: usize) -> &'static str {
    if n == 1 { "" } else { "s" }
}

fn excerpt(text: &str, words: usize) -> String {
    let w: Vec<&str> = text.split_whitespace().collect();
    if w.len() <= words {
        w.join(" ")
    } else {
        format!("{} …", w[..words].join(" "))
    }
}

fn paginate(list: ListKind, n: usize, per_page: usize, briefing: &Briefing) -> Pagination {
    let count = list.len(briefing).div_ceil(per_page).max(1);
    let path = |k: usize| Page::List(list, k).path_in(briefing);
    Pagination {
        number: n,
        count,
        previous: (n > 1).then(|| path(n - 1)),
        next: (n < count).then(|| path(n + 1)),
    }
}

fn person_summary(p: &Person) -> PersonSummary<'_> {
    PersonSummary {
        id: &p.id,
        name: &p.name,
        kind: p.kind,
        page: &p.page,
        roles: &p.roles,
        aliases: &p.aliases,
        quote_count: p.quotes.len(),
        statement_count: p.statements.len(),
        figure_count: p.figures.len(),
        article_count: p.articles.len(),
    }
}

fn quote_summary<'a>(q: &'a Quote, site: &Site<'a>) -> QuoteSummary<'a> {
    let mut outlets: Vec<ArticleSummary> = Vec::new();
    for o in &q.occurrences {
        if let Some(s) = site.summary_of(&o.article)
            && !outlets.iter().any(|x| x.id == s.id)
        {
            outlets.push(s);
        }
    }
    sort_by_date(&mut outlets);
    let first_date = outlets.iter().filter_map(|a| a.date).min();
    QuoteSummary {
        id: &q.id,
        text: &q.text,
        page: &q.page,
        speaker: site.person_ref(q.speaker.as_deref()),
        speaker_conflict: q.speaker_conflict,
        occurrence_count: q.occurrences.len(),
        outlets,
        first_date,
    }
}

fn spans_view<'a>(spans: &'a [Span], site: &Site<'a>) -> Vec<StatementView<'a>> {
    spans
        .iter()
        .map(|s| StatementView {
            article: site.summary_of(&s.article),
            text: &s.text,
            anchor: format!(
                "{}#s{}",
                site.link(&crate::link::paths::article(&s.article)),
                s.start
            ),
        })
        .collect()
}

fn outlet_view<'a>(outlet: &'a Outlet, site: &Site<'a>) -> OutletView<'a> {
    let articles = site.summaries_by_date(
        outlet
            .articles
            .iter()
            .filter_map(|id| site.article_by_id.get(id.as_str()).copied()),
    );
    OutletView {
        id: &outlet.id,
        name: &outlet.name,
        page: &outlet.page,
        article_count: articles.len(),
        articles,
    }
}

fn outlet_views<'a>(briefing: &'a Briefing, site: &Site<'a>) -> Vec<OutletView<'a>> {
    let mut views: Vec<OutletView> = briefing
        .outlets
        .iter()
        .map(|o| outlet_view(o, site))
        .collect();
    views.sort_by(|a, b| {
        b.article_count
            .cmp(&a.article_count)
            .then(a.name.cmp(b.name))
    });
    views
}

/// The marks on article bodies: quotations (linked to their page and speaker), statements,
/// and names of people with pages.
fn annotations<'a>(briefing: &'a Briefing, site: &Site<'a>) -> HashMap<&'a str, Vec<Annotation>> {
    let mut out: HashMap<&str, Vec<Annotation>> = HashMap::new();
    for q in &briefing.quotes {
        for o in &q.occurrences {
            let speaker = site.person_ref(o.speaker.as_deref());
            let (class, label) = match &speaker {
                Some(p) => ("quote", format!("Quotation credited to {}", p.name)),
                None => (
                    "quote unattributed",
                    "Quotation with no speaker found".to_string(),
                ),
            };
            let parts = if o.parts.is_empty() {
                vec![(o.start, o.end)]
            } else {
                o.parts.clone()
            };
            let last = parts.len() - 1;
            for (k, &(s, e)) in parts.iter().enumerate() {
                let id = if k == 0 {
                    format!(" id=\"q{}\"", o.start)
                } else {
                    String::new()
                };
                let after = (k == last).then(|| {
                    format!(
                        "<a class=\"qref\" href=\"{}\" title=\"{}\" aria-label=\"{}: quotation page\">↗</a>",
                        escape(&site.link(&q.page)),
                        escape(&label),
                        escape(&label)
                    )
                });
                out.entry(o.article.as_str()).or_default().push(Annotation {
                    start: s,
                    end: e,
                    open: format!("<span class=\"{class}\"{id} title=\"{}\">", escape(&label)),
                    close: "</span>".to_string(),
                    after,
                    rank: 0,
                });
            }
        }
    }
    for p in &briefing.people {
        for s in &p.statements {
            out.entry(s.article.as_str()).or_default().push(Annotation {
                start: s.start,
                end: s.end,
                open: format!(
                    "<span class=\"statement\" id=\"s{}\" title=\"Statement of {}\">",
                    s.start,
                    escape(&p.name)
                ),
                close: "</span>".to_string(),
                after: None,
                rank: 0,
            });
        }
        for m in &p.mentions {
            out.entry(m.article.as_str()).or_default().push(Annotation {
                start: m.start,
                end: m.end,
                open: format!(
                    "<a class=\"person\" href=\"{}\">",
                    escape(&site.link(&p.page))
                ),
                close: "</a>".to_string(),
                after: None,
                rank: 2,
            });
        }
    }
    // Links may not nest: drop a link that would sit inside another link.
    for list in out.values_mut() {
        list.sort_by_key(|a| (a.start, std::cmp::Reverse(a.end), a.rank));
        let mut kept: Vec<Annotation> = Vec::with_capacity(list.len());
        for a in list.drain(..) {
            let is_link = a.open.starts_with("<a ");
            let inside_link = kept
                .iter()
                .any(|k| k.open.starts_with("<a ") && k.start < a.end && a.start < k.end);
            if !(is_link && inside_link) {
                kept.push(a);
            }
        }
        *list = kept;
    }
    out
}
