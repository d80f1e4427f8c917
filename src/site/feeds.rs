//! Feeds and discovery files: an Atom feed of the articles, `sitemap.xml` and `robots.txt`.
//! All dates come from the articles, never from the clock, so builds stay byte-identical.

use std::fmt::Write;

use crate::config::BaseUrl;
use crate::model::Briefing;
use crate::render::OutputFile;
use crate::render::body::escape;

/// How many articles the feed carries, newest first.
const FEED_ENTRIES: usize = 50;

pub fn atom(briefing: &Briefing, base: &BaseUrl) -> OutputFile {
    let mut articles: Vec<&crate::model::Article> = briefing.articles.iter().collect();
    articles.sort_by(|a, b| (&b.date, &a.id).cmp(&(&a.date, &b.id)));
    let newest = articles
        .iter()
        .filter_map(|a| a.date.as_deref())
        .max()
        .unwrap_or("1970-01-01");
    let mut xml = String::new();
    xml.push_str("<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<feed xmlns=\"http://www.w3.org/2005/Atom\">\n");
    let _ = writeln!(xml, "  <title>{}</title>", escape(&briefing.title));
    if let Some(d) = &briefing.description {
        let _ = writeln!(xml, "  <subtitle>{}</subtitle>", escape(d));
    }
    let _ = writeln!(
        xml,
        "  <link href=\"{}\" rel=\"self\"/>",
        escape(&base.absolute("/atom.xml"))
    );
    let _ = writeln!(xml, "  <link href=\"{}\"/>", escape(&base.absolute("/")));
    let _ = writeln!(xml, "  <id>{}</id>", escape(&base.absolute("/")));
    let _ = writeln!(xml, "  <updated>{newest}T00:00:00Z</updated>");
    let _ = writeln!(xml, "  <generator>crossbrief</generator>");
    for a in articles.iter().take(FEED_ENTRIES) {
        let url = base.absolute(&a.page);
        xml.push_str("  <entry>\n");
        let _ = writeln!(xml, "    <title>{}</title>", escape(&a.title));
        let _ = writeln!(xml, "    <link href=\"{}\"/>", escape(&url));
        let _ = writeln!(xml, "    <id>{}</id>", escape(&url));
        let _ = writeln!(
            xml,
            "    <updated>{}T00:00:00Z</updated>",
            a.date.as_deref().unwrap_or(newest)
        );
        if let Some(author) = a.author.as_deref().or(a.outlet.as_deref()) {
            let _ = writeln!(xml, "    <author><name>{}</name></author>", escape(author));
        }
        let summary: Vec<&str> = a.body.split_whitespace().take(60).collect();
        let _ = writeln!(
            xml,
            "    <summary>{} …</summary>",
            escape(&summary.join(" "))
        );
        xml.push_str("  </entry>\n");
    }
    xml.push_str("</feed>\n");
    OutputFile {
        path: "atom.xml".to_string(),
        bytes: xml.into_bytes(),
    }
}

/// Every HTML page, with its absolute URL when `base_url` has a host.
pub fn sitemap<'a>(files: impl Iterator<Item = &'a str>, base: &BaseUrl) -> OutputFile {
    let mut xml = String::from(
        "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\n",
    );
    let mut paths: Vec<&str> = files
        .filter(|p| p.ends_with(".html") && *p != "404.html")
        .collect();
    paths.sort_unstable();
    for p in paths {
        let site_path = format!("/{}", p.strip_suffix("index.html").unwrap_or(p));
        let _ = writeln!(
            xml,
            "  <url><loc>{}</loc></url>",
            escape(&base.absolute(&site_path))
        );
    }
    xml.push_str("</urlset>\n");
    OutputFile {
        path: "sitemap.xml".to_string(),
        bytes: xml.into_bytes(),
    }
}

pub fn robots(base: &BaseUrl) -> OutputFile {
    OutputFile {
        path: "robots.txt".to_string(),
        bytes: format!(
            "User-agent: *\nAllow: /\nSitemap: {}\n",
            base.absolute("/sitemap.xml")
        )
        .into_bytes(),
    }
}
