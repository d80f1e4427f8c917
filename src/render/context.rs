//! Page contexts: what each template receives. Documented in `docs/templates.md`; keep the two
//! in step. Every context also has `site` (see [`SiteView`]) and `page` (see [`PageView`]).

use std::collections::HashMap;

use serde::Serialize;
use tera::Context;

use crate::config::BaseUrl;
use crate::model::{Article, Briefing, Outlet};
use crate::render::body::{Annotation, body_html};

/// Every page the site has.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Page {
    Index,
    Articles,
    Article(usize),
    Outlets,
    Outlet(usize),
    NotFound,
}

impl Page {
    pub fn template(&self) -> &'static str {
        match self {
            Page::Index => "index.html",
            Page::Articles => "articles.html",
            Page::Article(_) => "article.html",
            Page::Outlets => "outlets.html",
            Page::Outlet(_) => "outlet.html",
            Page::NotFound => "404.html",
        }
    }
}

/// All pages of `briefing`, in a fixed order.
pub fn pages(briefing: &Briefing) -> Vec<Page> {
    let mut pages = vec![Page::Index, Page::Articles, Page::Outlets, Page::NotFound];
    pages.extend((0..briefing.articles.len()).map(Page::Article));
    pages.extend((0..briefing.outlets.len()).map(Page::Outlet));
    pages
}

/// What every page shares, computed once per build.
pub struct Site<'a> {
    pub view: SiteView<'a>,
    pub base: BaseUrl,
    outlet_by_id: HashMap<&'a str, &'a Outlet>,
    article_by_id: HashMap<&'a str, &'a Article>,
    annotations: HashMap<&'a str, Vec<Annotation>>,
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
}

#[derive(Debug, Serialize)]
pub struct NavItem {
    pub title: &'static str,
    pub path: &'static str,
}

impl<'a> Site<'a> {
    pub fn new(briefing: &'a Briefing, base: &BaseUrl) -> Site<'a> {
        let counts = Counts {
            articles: briefing.articles.len(),
            outlets: briefing.outlets.len(),
            people: briefing.people.len(),
            places: briefing.places.len(),
            quotes: briefing.quotes.len(),
            figures: briefing.figures.len(),
        };
        let nav = vec![
            NavItem {
                title: "Articles",
                path: "/articles/",
            },
            NavItem {
                title: "Outlets",
                path: "/outlets/",
            },
        ];
        Site {
            view: SiteView {
                title: &briefing.title,
                description: briefing.description.as_deref(),
                base_url: &briefing.base_url,
                language: &briefing.language,
                counts,
                nav,
            },
            base: base.clone(),
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
            annotations: HashMap::new(),
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

    fn summaries_by_date(
        &self,
        articles: impl Iterator<Item = &'a Article>,
    ) -> Vec<ArticleSummary<'a>> {
        let mut list: Vec<ArticleSummary> = articles.map(|a| self.summary(a)).collect();
        list.sort_by(|a, b| (b.date, a.title, a.id).cmp(&(a.date, b.title, b.id)));
        list
    }
}

/// `page`: about the page being rendered.
#[derive(Debug, Serialize)]
pub struct PageView {
    pub title: String,
    /// Site path, e.g. `/articles/x/` (pass it through the `url` filter to link to it).
    pub path: String,
    /// The page kind: `index`, `article`, `outlet`, ... (the template name without `.html`).
    pub kind: &'static str,
    /// Absolute URL when `base_url` has a host, otherwise the link.
    pub canonical: String,
    pub description: Option<String>,
}

/// An article in a list.
#[derive(Debug, Serialize)]
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

#[derive(Debug, Serialize)]
struct OutletView<'a> {
    id: &'a str,
    name: &'a str,
    page: &'a str,
    article_count: usize,
    articles: Vec<ArticleSummary<'a>>,
}

impl Page {
    pub fn path_in(&self, briefing: &Briefing) -> String {
        match *self {
            Page::Index => "/".to_string(),
            Page::Articles => "/articles/".to_string(),
            Page::Article(i) => briefing.articles[i].page.clone(),
            Page::Outlets => "/outlets/".to_string(),
            Page::Outlet(i) => briefing.outlets[i].page.clone(),
            Page::NotFound => "/404.html".to_string(),
        }
    }
}

/// The context for `page`.
pub fn build(page: &Page, briefing: &Briefing, site: &Site) -> Context {
    let mut ctx = Context::new();
    ctx.insert("site", &site.view);
    let path = page.path_in(briefing);
    let kind = page.template().trim_end_matches(".html");
    let (title, description) = match *page {
        Page::Index => {
            let articles = site.summaries_by_date(briefing.articles.iter());
            ctx.insert("articles", &articles);
            ctx.insert("outlets", &outlet_views(briefing, site));
            ctx.insert(
                "undated",
                &articles.iter().filter(|a| a.date.is_none()).count(),
            );
            (briefing.title.clone(), briefing.description.clone())
        }
        Page::Articles => {
            ctx.insert(
                "articles",
                &site.summaries_by_date(briefing.articles.iter()),
            );
            ("Articles".to_string(), None)
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
            (article.title.clone(), None)
        }
        Page::Outlets => {
            ctx.insert("outlets", &outlet_views(briefing, site));
            ("Outlets".to_string(), None)
        }
        Page::Outlet(i) => {
            let outlet = &briefing.outlets[i];
            let view = outlet_view(outlet, site);
            ctx.insert("outlet", &view);
            ctx.insert("articles", &view.articles);
            (outlet.name.clone(), None)
        }
        Page::NotFound => ("Page not found".to_string(), None),
    };
    ctx.insert(
        "page",
        &PageView {
            title,
            canonical: site.base.absolute(&path),
            path,
            kind,
            description,
        },
    );
    ctx
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
