//! Page contexts: what each template receives. Documented in `docs/templates.md`; keep the two
//! in step. Every context also has `site` (see [`SiteView`]) and `page` (see [`PageView`]).
//! Contexts are views of the model built for templates; templates never see internal types.

use rustc_hash::{FxHashMap as HashMap, FxHashSet as HashSet};

use serde::Serialize;
use tera::Context;

use crate::config::BaseUrl;
use crate::knowledge::Knowledge;
use crate::model::{
    Article, Briefing, Claim, EntityKind, Figure, Notice, Outlet, Person, Place, Quote, Span,
};
use crate::render::body::{Annotation, body_html, escape};
use crate::render::charts::{ChartRow, LocatorMap, figure_chart, locator_map};
use crate::render::diff::{DiffSummary, word_diff_html};
use crate::render::structured;

/// The list pages, which are paginated.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ListKind {
    Articles,
    Outlets,
    People,
    Quotes,
    Places,
    Figures,
}

impl ListKind {
    pub fn path(&self) -> &'static str {
        match self {
            ListKind::Articles => "/articles/",
            ListKind::Outlets => "/outlets/",
            ListKind::People => "/people/",
            ListKind::Quotes => "/quotes/",
            ListKind::Places => "/places/",
            ListKind::Figures => "/figures/",
        }
    }

    fn template(&self) -> &'static str {
        match self {
            ListKind::Articles => "articles.html",
            ListKind::Outlets => "outlets.html",
            ListKind::People => "people.html",
            ListKind::Quotes => "quotes.html",
            ListKind::Places => "places.html",
            ListKind::Figures => "figures.html",
        }
    }

    fn title(&self) -> &'static str {
        match self {
            ListKind::Articles => "Articles",
            ListKind::Outlets => "Outlets",
            ListKind::People => "Spokespeople",
            ListKind::Quotes => "Quotations",
            ListKind::Places => "Places",
            ListKind::Figures => "Figures",
        }
    }

    fn len(&self, b: &Briefing) -> usize {
        match self {
            ListKind::Articles => b.articles.len(),
            ListKind::Outlets => b.outlets.len(),
            ListKind::People => b.people.len(),
            ListKind::Quotes => b.quotes.len(),
            ListKind::Places => b.places.len(),
            ListKind::Figures => b.figures.len(),
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
    Place(usize),
    Figure(usize),
    Search,
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
            Page::Place(_) => "place.html",
            Page::Figure(_) => "figure.html",
            Page::Search => "search.html",
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
            Page::Place(i) => briefing.places[i].page.clone(),
            Page::Figure(i) => briefing.figures[i].page.clone(),
            Page::Search => "/search/".to_string(),
            Page::NotFound => "/404.html".to_string(),
        }
    }
}

pub const DEFAULT_PER_PAGE: usize = 100;

/// Up to this many entity pages (articles, people, places, quotations, figures), the search
/// index covers every page. Beyond it, quotations and figures found in only one article are
/// left out of it (they stay on their article's page and in the lists): the browser has to
/// download the whole index, and at 10,000 articles one covering everything is 170 MB.
pub const SEARCH_EVERYTHING_UP_TO: usize = 5_000;

/// How many different articles these ids name.
pub fn distinct_articles<'a>(ids: impl Iterator<Item = &'a String>) -> usize {
    let mut ids: Vec<&String> = ids.collect();
    ids.sort_unstable();
    ids.dedup();
    ids.len()
}

/// Whether the search index covers every page, or only what more than one article carries.
pub fn search_covers_everything(b: &Briefing) -> bool {
    b.articles.len() + b.people.len() + b.places.len() + b.quotes.len() + b.figures.len()
        <= SEARCH_EVERYTHING_UP_TO
}

/// All pages of `briefing`, in a fixed order.
pub fn pages(briefing: &Briefing, per_page: usize) -> Vec<Page> {
    let mut pages = vec![Page::Index, Page::NotFound, Page::Search];
    for kind in [
        ListKind::Articles,
        ListKind::Outlets,
        ListKind::People,
        ListKind::Quotes,
        ListKind::Places,
        ListKind::Figures,
    ] {
        let count = kind.len(briefing).div_ceil(per_page).max(1);
        pages.extend((1..=count).map(|n| Page::List(kind, n)));
    }
    pages.extend((0..briefing.articles.len()).map(Page::Article));
    pages.extend((0..briefing.outlets.len()).map(Page::Outlet));
    pages.extend((0..briefing.people.len()).map(Page::Person));
    pages.extend((0..briefing.quotes.len()).map(Page::Quote));
    pages.extend((0..briefing.places.len()).map(Page::Place));
    pages.extend((0..briefing.figures.len()).map(Page::Figure));
    pages
}

/// What every page shares, computed once per build.
pub struct Site<'a> {
    pub view: SiteView<'a>,
    /// `view` as a template value, made once: every page gets it, and a template value is
    /// shared, not copied.
    view_value: tera::Value,
    /// Figures with a claim whose unit looks wrong, found once: a figure can hold thousands
    /// of claims and is summarised on many pages.
    figures_with_unit_errors: HashSet<&'a str>,
    pub base: BaseUrl,
    pub per_page: usize,
    /// Whether entity pages end with their record as highlighted JSON.
    pub data_views: bool,
    knowledge: &'a Knowledge,
    outlet_by_id: HashMap<&'a str, &'a Outlet>,
    article_by_id: HashMap<&'a str, &'a Article>,
    person_by_id: HashMap<&'a str, &'a Person>,
    quote_by_id: HashMap<&'a str, &'a Quote>,
    place_by_id: HashMap<&'a str, &'a Place>,
    figure_by_id: HashMap<&'a str, &'a Figure>,
    /// The locator map of the briefing's places, drawn once for the pages that show it.
    map: LocatorMap,
    annotations: HashMap<&'a str, Vec<Annotation>>,
    notices_by_page: HashMap<&'a str, Vec<&'a Notice>>,
    notices_by_article: HashMap<&'a str, Vec<&'a Notice>>,
    /// The list pages' orders, sorted once: a big briefing has hundreds of list pages.
    order: ListOrders,
    /// What each article carries, so an article page never scans the whole briefing.
    by_article: HashMap<&'a str, ArticleLinks>,
}

/// Positions in the briefing's lists, in the order the list pages show them.
#[derive(Default)]
struct ListOrders {
    articles: Vec<usize>,
    outlets: Vec<usize>,
    people: Vec<usize>,
    quotes: Vec<usize>,
    places: Vec<usize>,
}

/// Positions of the quotations, people, figures and places an article carries.
#[derive(Default)]
struct ArticleLinks {
    quotes: Vec<usize>,
    people: Vec<usize>,
    figures: Vec<usize>,
    places: Vec<usize>,
}

/// The most items one section of a page lists (mentions of a place, claims of a figure,
/// articles of an outlet...). Beyond it the page says how many more there are, and all of
/// them are in `briefing.json`: a page stays a few hundred KB however big the briefing.
pub const SECTION_LIMIT: usize = 200;
/// The front page shows the newest articles and the biggest outlets; the lists have the rest.
const INDEX_ARTICLES: usize = 50;
const INDEX_OUTLETS: usize = 20;
const INDEX_OUTLET_ARTICLES: usize = 10;
/// The articles named with a quotation in a list of quotations.
const QUOTE_SUMMARY_ARTICLES: usize = 12;

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
        let nav = [
            ("Articles", "/articles/"),
            ("Spokespeople", "/people/"),
            ("Quotations", "/quotes/"),
            ("Figures", "/figures/"),
            ("Places", "/places/"),
            ("Outlets", "/outlets/"),
            ("Search", "/search/"),
        ]
        .into_iter()
        .map(|(title, path)| NavItem { title, path })
        .collect();
        let mut site = Site {
            view: SiteView {
                title: &briefing.title,
                description: briefing.description.as_deref(),
                base_url: &briefing.base_url,
                language: &briefing.language,
                counts,
                nav,
            },
            view_value: tera::Value::from(()),
            figures_with_unit_errors: briefing
                .figures
                .iter()
                .filter(|f| f.claims.iter().any(|c| c.unit_error))
                .map(|f| f.id.as_str())
                .collect(),
            base: base.clone(),
            per_page: per_page.max(1),
            data_views: true,
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
            place_by_id: briefing.places.iter().map(|p| (p.id.as_str(), p)).collect(),
            figure_by_id: briefing
                .figures
                .iter()
                .map(|f| (f.id.as_str(), f))
                .collect(),
            map: LocatorMap::default(),
            annotations: HashMap::default(),
            notices_by_page: HashMap::default(),
            notices_by_article: HashMap::default(),
            order: ListOrders::default(),
            by_article: HashMap::default(),
        };
        site.order = list_orders(briefing, &site);
        site.by_article = article_links(briefing);
        for n in &briefing.notices {
            // A notice about no page in particular (a correction that matches nothing) is
            // shown on the front page, so that nothing the tool reports goes unseen.
            let page = match (&n.page, &n.article) {
                (Some(p), _) => Some(p.as_str()),
                (None, None) => Some("/"),
                (None, Some(_)) => None,
            };
            if let Some(p) = page {
                site.notices_by_page.entry(p).or_default().push(n);
            }
            if let Some(a) = &n.article {
                site.notices_by_article
                    .entry(a.as_str())
                    .or_default()
                    .push(n);
            }
        }
        site.view_value =
            tera::Value::try_from_serializable(&site.view).expect("the site view serialises");
        site.annotations = annotations(briefing, &site);
        let all: Vec<&Place> = briefing.places.iter().collect();
        site.map = locator_map(&all, &|p| base.link(p));
        site
    }

    fn link(&self, path: &str) -> String {
        self.base.link(path)
    }

    fn lookup(&self) -> structured::Lookup<'_, 'a> {
        structured::Lookup {
            articles: &self.article_by_id,
            people: &self.person_by_id,
        }
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
    list.sort_by(by_date);
}

/// Newest first; undated last; then by title and id so the order is stable.
fn by_date(a: &ArticleSummary, b: &ArticleSummary) -> std::cmp::Ordering {
    (b.date.is_some(), b.date, a.title, a.id).cmp(&(a.date.is_some(), a.date, b.title, b.id))
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
    /// schema.org JSON-LD for the page, ready to put in a `<script type="application/ld+json">`.
    pub jsonld: String,
    /// Open Graph type: `article` for article pages, `website` otherwise.
    pub og_type: &'static str,
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
    /// How many articles carry it; `outlets` lists at most the earliest few of them.
    article_count: usize,
    outlets: Vec<ArticleSummary<'a>>,
    first_date: Option<&'a str>,
}

/// A figure group in a list.
#[derive(Debug, Serialize)]
struct FigureSummary<'a> {
    id: &'a str,
    label: &'a str,
    page: &'a str,
    disputed: bool,
    unit: &'a str,
    claim_count: usize,
    /// Lowest and highest values, formatted, with the unit.
    range_text: Option<String>,
    ratio: Option<f64>,
    has_unit_error: bool,
}

/// A claim on a figure page.
#[derive(Debug, Serialize)]
struct ClaimView<'a> {
    claim: &'a Claim,
    article: Option<ArticleSummary<'a>>,
    claimant: Option<PersonRef<'a>>,
    value_text: String,
    normalized_text: String,
    anchor: String,
}

/// A place in a list.
#[derive(Debug, Serialize)]
struct PlaceSummary<'a> {
    id: &'a str,
    name: &'a str,
    page: &'a str,
    kind: &'a str,
    country: Option<&'a str>,
    aliases: &'a [String],
    mention_count: usize,
    article_count: usize,
    in_gazetteer: bool,
}

/// A place named together with another, and how often.
#[derive(Debug, Serialize)]
struct RelatedPlace<'a> {
    place: PlaceSummary<'a>,
    count: usize,
}

/// A mention of a place, with its sentence.
#[derive(Debug, Serialize)]
struct MentionView<'a> {
    article: Option<ArticleSummary<'a>>,
    text: &'a str,
    sentence: String,
    anchor: String,
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
    ctx.insert_value("site", site.view_value.clone());
    let path = page.path_in(briefing);
    let kind = page.template().trim_end_matches(".html");
    let mut pagination = None;
    let base = &site.base;
    let jsonld = match *page {
        Page::Article(i) => structured::article(&briefing.articles[i], base),
        Page::Person(i) => structured::person(&briefing.people[i], base),
        Page::Place(i) => structured::place(&briefing.places[i], base),
        Page::Quote(i) => structured::quote(&briefing.quotes[i], &site.lookup(), base),
        Page::Figure(i) => structured::figure(&briefing.figures[i], &site.lookup(), base),
        _ => structured::website(briefing, base),
    };
    // The entity's slice of the model, as data.
    let data = match *page {
        _ if !site.data_views => None,
        Page::Person(i) => Some(structured::data_view(&briefing.people[i])),
        Page::Place(i) => Some(structured::data_view(&briefing.places[i])),
        Page::Quote(i) => Some(structured::data_view(&briefing.quotes[i])),
        Page::Figure(i) => Some(structured::data_view(&briefing.figures[i])),
        _ => None,
    };
    if let Some(json_html) = data {
        ctx.insert("data_json_html", &json_html);
    }
    let (title, description) = match *page {
        Page::Index => {
            let articles: Vec<ArticleSummary> = site
                .order
                .articles
                .iter()
                .take(INDEX_ARTICLES)
                .map(|&i| site.summary(&briefing.articles[i]))
                .collect();
            ctx.insert("articles", &articles);
            ctx.insert("articles_total", &briefing.articles.len());
            let outlets: Vec<OutletView> = site
                .order
                .outlets
                .iter()
                .take(INDEX_OUTLETS)
                .map(|&i| outlet_view(&briefing.outlets[i], site, INDEX_OUTLET_ARTICLES))
                .collect();
            ctx.insert("outlets", &outlets);
            ctx.insert("outlets_total", &briefing.outlets.len());
            ctx.insert(
                "undated",
                &briefing
                    .articles
                    .iter()
                    .filter(|a| a.date.is_none())
                    .count(),
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
                b.article_count
                    .cmp(&a.article_count)
                    .then(b.occurrence_count.cmp(&a.occurrence_count))
                    .then(a.id.cmp(b.id))
            });
            quotes.truncate(10);
            ctx.insert("top_quotes", &quotes);
            ctx.insert("notice_count", &briefing.notices.len());
            let figures: Vec<FigureSummary> = briefing
                .figures
                .iter()
                .take(12)
                .map(|f| figure_summary(f, site))
                .collect();
            ctx.insert("top_figures", &figures);
            insert_map(&mut ctx, &site.map);
            let mut places: Vec<PlaceSummary> = briefing.places.iter().map(place_summary).collect();
            places.sort_by(|a, b| {
                b.mention_count
                    .cmp(&a.mention_count)
                    .then(a.name.cmp(b.name))
            });
            places.truncate(15);
            ctx.insert("top_places", &places);
            (briefing.title.clone(), briefing.description.clone())
        }
        Page::List(list, n) => {
            let range = (n - 1) * site.per_page..(n * site.per_page).min(list.len(briefing));
            pagination = Some(paginate(list, n, site.per_page, briefing));
            match list {
                ListKind::Articles => {
                    let page: Vec<ArticleSummary> = site.order.articles[range]
                        .iter()
                        .map(|&i| site.summary(&briefing.articles[i]))
                        .collect();
                    ctx.insert("articles", &page);
                    ctx.insert("excluded", &briefing.excluded);
                }
                ListKind::Outlets => {
                    let page: Vec<OutletView> = site.order.outlets[range]
                        .iter()
                        .map(|&i| outlet_view(&briefing.outlets[i], site, 0))
                        .collect();
                    ctx.insert("outlets", &page);
                }
                ListKind::People => {
                    let page: Vec<PersonSummary> = site.order.people[range]
                        .iter()
                        .map(|&i| person_summary(&briefing.people[i]))
                        .collect();
                    ctx.insert("people", &page);
                }
                ListKind::Quotes => {
                    let page: Vec<QuoteSummary> = site.order.quotes[range]
                        .iter()
                        .map(|&i| quote_summary(&briefing.quotes[i], site))
                        .collect();
                    ctx.insert("quotes", &page);
                }
                ListKind::Places => {
                    let page: Vec<PlaceSummary> = site.order.places[range]
                        .iter()
                        .map(|&i| place_summary(&briefing.places[i]))
                        .collect();
                    ctx.insert("places", &page);
                    // The map of every place, on the first page only.
                    if n == 1 {
                        insert_map(&mut ctx, &site.map);
                    }
                }
                ListKind::Figures => {
                    // Disputed first: the model's order.
                    let page: Vec<FigureSummary> = briefing.figures[range]
                        .iter()
                        .map(|f| figure_summary(f, site))
                        .collect();
                    ctx.insert("figures", &page);
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
            // The same shape as on the outlet's page, without its (possibly thousands of)
            // articles.
            ctx.insert(
                "outlet",
                &article
                    .outlet_id
                    .as_deref()
                    .and_then(|id| site.outlet_by_id.get(id))
                    .map(|o| outlet_view(o, site, 0)),
            );
            let empty = ArticleLinks::default();
            let carried = site.by_article.get(article.id.as_str()).unwrap_or(&empty);
            let quotes: Vec<QuoteSummary> = carried
                .quotes
                .iter()
                .map(|&q| quote_summary(&briefing.quotes[q], site))
                .collect();
            ctx.insert("quotes", &quotes);
            let mut people: Vec<PersonRef> = carried
                .people
                .iter()
                .filter_map(|&p| site.person_ref(Some(&briefing.people[p].id)))
                .collect();
            people.sort_by(|a, b| a.name.cmp(b.name));
            ctx.insert("people", &people);
            let figures: Vec<FigureSummary> = carried
                .figures
                .iter()
                .map(|&f| figure_summary(&briefing.figures[f], site))
                .collect();
            ctx.insert("figures", &figures);
            let mut places: Vec<PlaceSummary> = carried
                .places
                .iter()
                .map(|&p| place_summary(&briefing.places[p]))
                .collect();
            places.sort_by(|a, b| a.name.cmp(b.name));
            ctx.insert("places", &places);
            (article.title.clone(), None)
        }
        Page::Outlet(i) => {
            let outlet = &briefing.outlets[i];
            let view = outlet_view(outlet, site, SECTION_LIMIT);
            ctx.insert("outlet", &view);
            ctx.insert("articles", &view.articles);
            ctx.insert("articles_total", &view.article_count);
            (outlet.name.clone(), None)
        }
        Page::Person(i) => {
            let person = &briefing.people[i];
            ctx.insert("person", &trimmed_person(person));
            let quotes: Vec<QuoteSummary> = person
                .quotes
                .iter()
                .take(SECTION_LIMIT)
                .filter_map(|id| site.quote_by_id.get(id.as_str()))
                .map(|q| quote_summary(q, site))
                .collect();
            ctx.insert("quotes", &quotes);
            ctx.insert("quotes_total", &person.quotes.len());
            let shown = &person.statements[..person.statements.len().min(SECTION_LIMIT)];
            ctx.insert("statements", &spans_view(shown, site));
            ctx.insert("statements_total", &person.statements.len());
            let figures: Vec<FigureSummary> = person
                .figures
                .iter()
                .take(SECTION_LIMIT)
                .filter_map(|id| site.figure_by_id.get(id.as_str()))
                .map(|f| figure_summary(f, site))
                .collect();
            ctx.insert("figures", &figures);
            ctx.insert("figures_total", &person.figures.len());
            let mut articles: Vec<ArticleSummary> = person
                .articles
                .iter()
                .filter_map(|id| site.summary_of(id))
                .collect();
            sort_by_date(&mut articles);
            let (articles, articles_total) = capped(articles);
            ctx.insert("articles", &articles);
            ctx.insert("articles_total", &articles_total);
            ctx.insert("mention_count", &person.mentions.len());
            let description = format!(
                "{} in {}: {} quotation{}, {} statement{}.",
                person.name,
                briefing.title,
                person.quotes.len(),
                plural(person.quotes.len()),
                person.statements.len(),
                plural(person.statements.len())
            );
            (person.name.clone(), Some(description))
        }
        Page::Quote(i) => {
            let quote = &briefing.quotes[i];
            ctx.insert(
                "quote",
                &Quote {
                    id: quote.id.clone(),
                    speaker: quote.speaker.clone(),
                    text: quote.text.clone(),
                    page: quote.page.clone(),
                    occurrences: first(&quote.occurrences),
                    speaker_conflict: quote.speaker_conflict,
                    first_article: quote.first_article.clone(),
                    notes: quote.notes.clone(),
                },
            );
            ctx.insert("speaker", &site.person_ref(quote.speaker.as_deref()));
            ctx.insert("occurrences_total", &quote.occurrences.len());
            ctx.insert(
                "article_count",
                &distinct_articles(quote.occurrences.iter().map(|o| &o.article)),
            );
            let occurrences: Vec<OccurrenceView> = quote
                .occurrences
                .iter()
                .take(SECTION_LIMIT)
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
        Page::Place(i) => {
            let place = &briefing.places[i];
            ctx.insert("place", &trimmed_place(place));
            ctx.insert("mentions_total", &place.mentions.len());
            let mentions: Vec<MentionView> = place
                .mentions
                .iter()
                .take(SECTION_LIMIT)
                .map(|m| MentionView {
                    article: site.summary_of(&m.article),
                    text: &m.text,
                    sentence: sentence_around(site, &m.article, m.start, m.end),
                    anchor: format!(
                        "{}#p-{}",
                        site.link(&crate::link::paths::article(&m.article)),
                        m.start
                    ),
                })
                .collect();
            ctx.insert("mentions", &mentions);
            ctx.insert("quotes_total", &place.quotes.len());
            let quotes: Vec<QuoteSummary> = place
                .quotes
                .iter()
                .take(SECTION_LIMIT)
                .filter_map(|id| site.quote_by_id.get(id.as_str()))
                .map(|q| quote_summary(q, site))
                .collect();
            ctx.insert("quotes", &quotes);
            ctx.insert("figures_total", &place.figures.len());
            let figures: Vec<FigureSummary> = place
                .figures
                .iter()
                .take(SECTION_LIMIT)
                .filter_map(|id| site.figure_by_id.get(id.as_str()))
                .map(|f| figure_summary(f, site))
                .collect();
            ctx.insert("figures", &figures);
            let related: Vec<RelatedPlace> = place
                .related
                .iter()
                .filter_map(|(id, n)| {
                    site.place_by_id.get(id.as_str()).map(|p| RelatedPlace {
                        place: place_summary(p),
                        count: *n,
                    })
                })
                .collect();
            ctx.insert("related", &related);
            let mut outlets: Vec<&str> = place
                .articles
                .iter()
                .filter_map(|id| site.article_by_id.get(id.as_str()))
                .filter_map(|a| a.outlet.as_deref())
                .collect();
            outlets.sort();
            outlets.dedup();
            ctx.insert("outlets", &outlets);
            let mut articles: Vec<ArticleSummary> = place
                .articles
                .iter()
                .filter_map(|id| site.summary_of(id))
                .collect();
            sort_by_date(&mut articles);
            let (articles, articles_total) = capped(articles);
            ctx.insert("articles", &articles);
            ctx.insert("articles_total", &articles_total);
            let one = [place];
            ctx.insert("map_svg", &locator_map(&one, &|p| site.link(p)).svg);
            let description = format!(
                "{} in {}: {} mention{}.",
                place.name,
                briefing.title,
                place.mentions.len(),
                plural(place.mentions.len())
            );
            (place.name.clone(), Some(description))
        }
        Page::Figure(i) => {
            let figure = &briefing.figures[i];
            ctx.insert(
                "figure",
                &Figure {
                    id: figure.id.clone(),
                    label: figure.label.clone(),
                    quantity: figure.quantity.clone(),
                    unit: figure.unit.clone(),
                    disputed: figure.disputed,
                    page: figure.page.clone(),
                    claims: first(&figure.claims),
                    grouping: figure.grouping.clone(),
                    range: figure.range,
                    ratio: figure.ratio,
                    notes: figure.notes.clone(),
                },
            );
            ctx.insert("claims_total", &figure.claims.len());
            let claims: Vec<ClaimView> = figure
                .claims
                .iter()
                .take(SECTION_LIMIT)
                .map(|c| ClaimView {
                    claim: c,
                    article: site.summary_of(&c.article),
                    claimant: site.person_ref(c.claimant.as_deref()),
                    value_text: value_text(c.value, c.value_max, &c.unit),
                    normalized_text: value_text(
                        c.normalized.value,
                        c.normalized.value_max,
                        &c.normalized.unit,
                    ),
                    anchor: format!(
                        "{}#f{}",
                        site.link(&crate::link::paths::article(&c.article)),
                        c.start
                    ),
                })
                .collect();
            let rows: Vec<ChartRow> = claims
                .iter()
                .map(|cv| ChartRow {
                    claim: cv.claim,
                    label: format!(
                        "{} ({})",
                        cv.claimant.as_ref().map_or("the outlet itself", |p| p.name),
                        cv.article
                            .as_ref()
                            .map_or("?", |a| a.outlet.unwrap_or(a.title))
                    ),
                })
                .collect();
            ctx.insert("chart_svg", &figure_chart(figure, &rows));
            ctx.insert("claims", &claims);
            ctx.insert("summary", &figure_summary(figure, site));
            (
                figure.label.clone(),
                Some(format!(
                    "{}: {} claims{}",
                    figure.label,
                    figure.claims.len(),
                    if figure.disputed { ", disputed" } else { "" }
                )),
            )
        }
        Page::Search => {
            ctx.insert(
                "search_covers_everything",
                &search_covers_everything(briefing),
            );
            ("Search".to_string(), None)
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
            jsonld: structured::script_text(&jsonld),
            og_type: if matches!(page, Page::Article(_)) {
                "article"
            } else {
                "website"
            },
        },
    );
    ctx
}

fn insert_map(ctx: &mut Context, map: &LocatorMap) {
    ctx.insert("map_svg", &map.svg);
    ctx.insert("map_far", &map.far);
    ctx.insert("map_far_unnamed", &map.far_unnamed);
    ctx.insert("map_not_drawn", &map.not_drawn);
    ctx.insert("map_not_drawn_limit", &crate::render::charts::MAP_PLACES);
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
    let mut seen = HashSet::default();
    let mut outlets: Vec<ArticleSummary> = q
        .occurrences
        .iter()
        .filter(|o| seen.insert(o.article.as_str()))
        .filter_map(|o| site.summary_of(&o.article))
        .collect();
    sort_by_date(&mut outlets);
    let first_date = outlets.iter().filter_map(|a| a.date).min();
    let article_count = outlets.len();
    // A list shows the earliest few; the quotation's page has them all.
    outlets.sort_by(|a, b| (a.date.is_none(), a.date).cmp(&(b.date.is_none(), b.date)));
    outlets.truncate(QUOTE_SUMMARY_ARTICLES);
    sort_by_date(&mut outlets);
    QuoteSummary {
        id: &q.id,
        text: &q.text,
        page: &q.page,
        speaker: site.person_ref(q.speaker.as_deref()),
        speaker_conflict: q.speaker_conflict,
        occurrence_count: q.occurrences.len(),
        article_count,
        outlets,
        first_date,
    }
}

fn figure_summary<'a>(f: &'a Figure, site: &Site) -> FigureSummary<'a> {
    FigureSummary {
        id: &f.id,
        label: &f.label,
        page: &f.page,
        disputed: f.disputed,
        unit: &f.unit,
        claim_count: f.claims.len(),
        range_text: f.range.map(|(lo, hi)| {
            if (hi - lo).abs() < f64::EPSILON {
                value_text(lo, None, &f.unit)
            } else {
                format!(
                    "{} to {}",
                    crate::render::format_number(lo),
                    value_text(hi, None, &f.unit)
                )
            }
        }),
        ratio: f.ratio,
        has_unit_error: site.figures_with_unit_errors.contains(f.id.as_str()),
    }
}

fn place_summary(p: &Place) -> PlaceSummary<'_> {
    PlaceSummary {
        id: &p.id,
        name: &p.name,
        page: &p.page,
        kind: &p.kind,
        country: p.country.as_deref(),
        aliases: &p.aliases,
        mention_count: p.mentions.len(),
        article_count: p.articles.len(),
        in_gazetteer: p.in_gazetteer,
    }
}

/// "3,400 km²", "1,000–2,000 people".
fn value_text(value: f64, max: Option<f64>, unit: &str) -> String {
    let unit_text = match unit {
        "km2" => " km²",
        "mi2" => " sq mi",
        "km" => " km",
        "mi" => " mi",
        "percent" => "%",
        "count" => "",
        "day" => " days",
        "month" => " months",
        "year" => " years",
        "week" => " weeks",
        "hour" => " hours",
        _ => "",
    };
    let unit_text = if unit_text.is_empty() && !matches!(unit, "count" | "percent") {
        format!(" {unit}")
    } else {
        unit_text.to_string()
    };
    match max {
        Some(m) => format!(
            "{}–{}{unit_text}",
            crate::render::format_number(value),
            crate::render::format_number(m)
        ),
        None => format!("{}{unit_text}", crate::render::format_number(value)),
    }
}

/// The sentence (or, failing that, the paragraph) around a span of an article.
fn sentence_around(site: &Site, article: &str, start: usize, end: usize) -> String {
    let Some(a) = site.article_by_id.get(article) else {
        return String::new();
    };
    let body = &a.body;
    let block = a.blocks.iter().find(|b| b.start <= start && end <= b.end);
    let (bs, be) = block.map_or((0, body.len()), |b| (b.start, b.end));
    let text = &body[bs..be];
    let rel = start - bs;
    let from = text[..rel].rfind(['.', '!', '?']).map_or(0, |i| i + 1);
    let to = text[end - bs..]
        .find(['.', '!', '?'])
        .map_or(text.len(), |i| end - bs + i + 1);
    text[from..to].trim().to_string()
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

/// An outlet with its newest `limit` articles.
fn outlet_view<'a>(outlet: &'a Outlet, site: &Site<'a>, limit: usize) -> OutletView<'a> {
    let articles = if limit == 0 {
        Vec::new()
    } else {
        let mut list = site.summaries_by_date(
            outlet
                .articles
                .iter()
                .filter_map(|id| site.article_by_id.get(id.as_str()).copied()),
        );
        list.truncate(limit);
        list
    };
    OutletView {
        id: &outlet.id,
        name: &outlet.name,
        page: &outlet.page,
        article_count: outlet.articles.len(),
        articles,
    }
}

fn list_orders(briefing: &Briefing, site: &Site) -> ListOrders {
    let mut articles: Vec<usize> = (0..briefing.articles.len()).collect();
    articles.sort_by(|&a, &b| {
        let (a, b) = (
            site.summary(&briefing.articles[a]),
            site.summary(&briefing.articles[b]),
        );
        by_date(&a, &b)
    });
    let mut outlets: Vec<usize> = (0..briefing.outlets.len()).collect();
    outlets.sort_by(|&a, &b| {
        let (a, b) = (&briefing.outlets[a], &briefing.outlets[b]);
        b.articles
            .len()
            .cmp(&a.articles.len())
            .then(a.name.cmp(&b.name))
    });
    let mut people: Vec<usize> = (0..briefing.people.len()).collect();
    people.sort_by(|&a, &b| {
        let (a, b) = (&briefing.people[a], &briefing.people[b]);
        (b.quotes.len() + b.statements.len())
            .cmp(&(a.quotes.len() + a.statements.len()))
            .then(a.name.cmp(&b.name))
    });
    let outlet_count = |q: &Quote| {
        let mut ids: Vec<&str> = q.occurrences.iter().map(|o| o.article.as_str()).collect();
        ids.sort_unstable();
        ids.dedup();
        ids.len()
    };
    let counts: Vec<usize> = briefing.quotes.iter().map(outlet_count).collect();
    let mut quotes: Vec<usize> = (0..briefing.quotes.len()).collect();
    quotes.sort_by(|&a, &b| {
        counts[b]
            .cmp(&counts[a])
            .then(briefing.quotes[a].id.cmp(&briefing.quotes[b].id))
    });
    let mut places: Vec<usize> = (0..briefing.places.len()).collect();
    places.sort_by(|&a, &b| {
        let (a, b) = (&briefing.places[a], &briefing.places[b]);
        b.mentions
            .len()
            .cmp(&a.mentions.len())
            .then(a.name.cmp(&b.name))
    });
    ListOrders {
        articles,
        outlets,
        people,
        quotes,
        places,
    }
}

fn article_links(briefing: &Briefing) -> HashMap<&str, ArticleLinks> {
    let mut out: HashMap<&str, ArticleLinks> = HashMap::default();
    fn add<'a>(
        out: &mut HashMap<&'a str, ArticleLinks>,
        article: &'a str,
        pick: fn(&mut ArticleLinks) -> &mut Vec<usize>,
        i: usize,
    ) {
        let list = pick(out.entry(article).or_default());
        // Items are added in order, so a repeat is always the last one.
        if list.last() != Some(&i) {
            list.push(i);
        }
    }
    for (i, q) in briefing.quotes.iter().enumerate() {
        for o in &q.occurrences {
            add(&mut out, &o.article, |l| &mut l.quotes, i);
        }
    }
    for (i, p) in briefing.people.iter().enumerate() {
        for a in &p.articles {
            add(&mut out, a, |l| &mut l.people, i);
        }
    }
    for (i, f) in briefing.figures.iter().enumerate() {
        for c in &f.claims {
            add(&mut out, &c.article, |l| &mut l.figures, i);
        }
    }
    for (i, p) in briefing.places.iter().enumerate() {
        for a in &p.articles {
            add(&mut out, a, |l| &mut l.places, i);
        }
    }
    out
}

/// The first `SECTION_LIMIT` items of a list, for a page's copy of an entity: templates see
/// the model's shape, and a page costs the same for a place named once or ten thousand times.
fn first<T: Clone>(items: &[T]) -> Vec<T> {
    items[..items.len().min(SECTION_LIMIT)].to_vec()
}

fn trimmed_person(p: &Person) -> Person {
    Person {
        id: p.id.clone(),
        name: p.name.clone(),
        kind: p.kind,
        aliases: p.aliases.clone(),
        roles: p.roles.clone(),
        page: p.page.clone(),
        statements: first(&p.statements),
        mentions: first(&p.mentions),
        quotes: first(&p.quotes),
        figures: first(&p.figures),
        articles: first(&p.articles),
        notes: p.notes.clone(),
    }
}

fn trimmed_place(p: &Place) -> Place {
    Place {
        id: p.id.clone(),
        name: p.name.clone(),
        aliases: p.aliases.clone(),
        lat: p.lat,
        lon: p.lon,
        country: p.country.clone(),
        page: p.page.clone(),
        mentions: first(&p.mentions),
        kind: p.kind.clone(),
        population: p.population,
        in_gazetteer: p.in_gazetteer,
        articles: first(&p.articles),
        quotes: first(&p.quotes),
        figures: first(&p.figures),
        related: first(&p.related),
        notes: p.notes.clone(),
    }
}

/// The first `SECTION_LIMIT` items, and how many there were in all.
fn capped<T>(mut items: Vec<T>) -> (Vec<T>, usize) {
    let total = items.len();
    items.truncate(SECTION_LIMIT);
    (items, total)
}

/// The value of the `id` attribute in an opening tag made here.
fn id_attribute(open_tag: &str) -> Option<&str> {
    let from = open_tag.find(" id=\"")? + " id=\"".len();
    let len = open_tag[from..].find('"')?;
    Some(&open_tag[from..from + len])
}

/// The marks on article bodies: quotations (linked to their page and speaker), statements,
/// and names of people with pages.
fn annotations<'a>(briefing: &'a Briefing, site: &Site<'a>) -> HashMap<&'a str, Vec<Annotation>> {
    let mut out: HashMap<&str, Vec<Annotation>> = HashMap::default();
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
    for f in &briefing.figures {
        for c in &f.claims {
            out.entry(c.article.as_str()).or_default().push(Annotation {
                start: c.start,
                end: c.end,
                open: format!(
                    "<a class=\"figure{}\" id=\"f{}\" href=\"{}\" title=\"{}\">",
                    if f.disputed { " disputed-figure" } else { "" },
                    c.start,
                    escape(&site.link(&f.page)),
                    escape(&format!(
                        "{}{}",
                        f.label,
                        if f.disputed { " (disputed)" } else { "" }
                    ))
                ),
                close: "</a>".to_string(),
                after: None,
                rank: 1,
            });
        }
    }
    for p in &briefing.places {
        for m in &p.mentions {
            out.entry(m.article.as_str()).or_default().push(Annotation {
                start: m.start,
                end: m.end,
                open: format!(
                    "<a class=\"place\" id=\"p-{}\" href=\"{}\">",
                    m.start,
                    escape(&site.link(&p.page))
                ),
                close: "</a>".to_string(),
                after: None,
                rank: 2,
            });
        }
    }
    // Links may not nest: a link that would sit inside another link becomes a plain span,
    // keeping its id, since other pages link to it ("#p-108").
    for list in out.values_mut() {
        list.sort_by_key(|a| (a.start, std::cmp::Reverse(a.end), a.rank));
        let mut kept: Vec<Annotation> = Vec::with_capacity(list.len());
        for mut a in list.drain(..) {
            let is_link = a.open.starts_with("<a ");
            let inside_link = kept
                .iter()
                .any(|k| k.open.starts_with("<a ") && k.start < a.end && a.start < k.end);
            if is_link && inside_link {
                let Some(id) = id_attribute(&a.open) else {
                    continue;
                };
                a.open = format!("<span id=\"{id}\">");
                a.close = "</span>".to_string();
            }
            kept.push(a);
        }
        *list = kept;
    }
    out
}
