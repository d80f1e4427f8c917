//! Building the sample briefing end to end, and what a build does with bad input.

mod common;

use std::fs;

use common::*;
use crossbrief::config::BaseUrl;
use crossbrief::render::OutputFile;
use crossbrief::site::{self, Options, links};

fn options(root: &std::path::Path) -> Options {
    Options {
        root: root.to_path_buf(),
        ..Options::default()
    }
}

#[test]
fn the_sample_builds_with_a_page_for_every_article_and_outlet() {
    let dir = sample_briefing();
    let report = site::build(&options(dir.path())).expect("the sample builds");
    let public = dir.path().join("public");
    assert_eq!(report.articles, 5);
    for page in [
        "index.html",
        "articles/index.html",
        "outlets/index.html",
        "404.html",
        "briefing.json",
        "style.css",
    ] {
        assert!(public.join(page).is_file(), "{page} is missing");
    }
    let json: serde_json::Value =
        serde_json::from_slice(&fs::read(public.join("briefing.json")).unwrap()).unwrap();
    for article in json["articles"].as_array().unwrap() {
        let page = article["page"].as_str().unwrap();
        assert!(
            public
                .join(page.trim_start_matches('/'))
                .join("index.html")
                .is_file(),
            "{page}"
        );
    }
    for outlet in json["outlets"].as_array().unwrap() {
        let page = outlet["page"].as_str().unwrap();
        assert!(
            public
                .join(page.trim_start_matches('/'))
                .join("index.html")
                .is_file(),
            "{page}"
        );
    }
}

#[test]
fn briefing_json_follows_the_contract() {
    let dir = sample_briefing();
    site::build(&options(dir.path())).unwrap();
    let json: serde_json::Value =
        serde_json::from_slice(&fs::read(dir.path().join("public/briefing.json")).unwrap())
            .unwrap();
    assert_eq!(json["schema"], "crossbrief/1");
    assert_eq!(json["title"], "Kharkiv counteroffensive, September 2022");
    for key in [
        "articles", "outlets", "people", "places", "quotes", "figures",
    ] {
        assert!(json[key].is_array(), "{key} is not a list");
    }
    let fields = |key: &str, names: &[&str]| {
        for item in json[key].as_array().unwrap() {
            for name in names {
                assert!(item.get(name).is_some(), "{key}[] lacks {name}: {item}");
            }
        }
    };
    fields(
        "articles",
        &[
            "id", "path", "title", "outlet", "date", "url", "author", "page",
        ],
    );
    fields("outlets", &["id", "name", "articles", "page"]);
    fields(
        "people",
        &[
            "id",
            "name",
            "kind",
            "aliases",
            "roles",
            "page",
            "statements",
        ],
    );
    fields(
        "places",
        &[
            "id", "name", "aliases", "lat", "lon", "country", "page", "mentions",
        ],
    );
    fields("quotes", &["id", "speaker", "text", "page", "occurrences"]);
    fields(
        "figures",
        &[
            "id", "label", "quantity", "unit", "disputed", "page", "claims",
        ],
    );
    let upi = json["articles"]
        .as_array()
        .unwrap()
        .iter()
        .find(|a| a["outlet"] == "UPI")
        .expect("the UPI article names its outlet");
    assert_eq!(upi["date"], "2022-09-10");
    assert_eq!(upi["author"], "Simon Druker");
    assert!(upi["path"].as_str().unwrap().starts_with("content/"));
    // Outlets are never guessed: only the article whose text names its outlet has one.
    let with_outlet = json["articles"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|a| !a["outlet"].is_null())
        .count();
    assert_eq!(with_outlet, 1);
}

#[test]
fn all_internal_links_resolve_at_the_root_and_under_a_sub_path() {
    for base_url in [None, Some("https://example.org/briefings/kharkiv/")] {
        let dir = sample_briefing();
        let opts = Options {
            base_url: base_url.map(str::to_string),
            ..options(dir.path())
        };
        let generated = site::generate(&opts).unwrap();
        let base = BaseUrl::new(base_url);
        let broken = links::broken_links(&generated.files, &base);
        assert!(
            broken.is_empty(),
            "broken links with base {base_url:?}: {broken:?}"
        );
        if base_url.is_some() {
            let index = page(&generated.files, "index.html");
            assert!(
                index.contains("href=\"/briefings/kharkiv/articles/"),
                "links honour the base path"
            );
            assert!(
                index.contains("https://example.org/briefings/kharkiv/"),
                "canonical URL is absolute"
            );
        }
    }
}

/// Some article's page (not the articles list).
fn first_article_page(files: &[OutputFile]) -> &OutputFile {
    files
        .iter()
        .find(|f| f.path.starts_with("articles/") && f.path != "articles/index.html")
        .expect("the briefing has an article page")
}

fn page<'a>(files: &'a [OutputFile], path: &str) -> std::borrow::Cow<'a, str> {
    String::from_utf8_lossy(&files.iter().find(|f| f.path == path).unwrap().bytes)
}

#[test]
fn a_second_build_leaves_identical_bytes() {
    let dir = sample_briefing();
    site::build(&options(dir.path())).unwrap();
    let first = snapshot(&dir.path().join("public"));
    let report = site::build(&options(dir.path())).unwrap();
    let second = snapshot(&dir.path().join("public"));
    assert_eq!(first, second);
    assert_eq!(
        report.write.written, 0,
        "nothing changed, so nothing is rewritten"
    );
}

#[test]
fn the_number_of_threads_does_not_change_a_byte() {
    // The sample and three real stories: enough articles that work is split across threads.
    let dir = sample_briefing();
    for story in [
        "2014-08-gaza-ceasefire",
        "2016-06-brexit-referendum",
        "2017-10-las-vegas-shooting",
    ] {
        copy_dir(
            &repo().join("tests/fixtures/dev").join(story),
            &dir.path().join("content").join(story),
        );
    }
    let build = |jobs: &str, out: &str| {
        let status = crossbrief()
            .args(["build", "--jobs", jobs, "--root"])
            .arg(dir.path())
            .arg("--output")
            .arg(dir.path().join(out))
            .status()
            .unwrap();
        assert!(status.success());
        snapshot(&dir.path().join(out))
    };
    let one = build("1", "one");
    let four = build("4", "four");
    assert!(one.len() > 100, "only {} files", one.len());
    assert_eq!(one, four);
}

#[test]
fn the_search_index_names_every_page_of_a_small_briefing() {
    let dir = sample_briefing();
    let generated = site::generate(&options(dir.path())).unwrap();
    let index: serde_json::Value =
        serde_json::from_str(&page(&generated.files, "search_index.json")).unwrap();
    let docs = index["docs"].as_object().unwrap();
    let b = &generated.briefing;
    let pages =
        b.articles.len() + b.people.len() + b.places.len() + b.quotes.len() + b.figures.len();
    assert_eq!(docs.len(), pages);
    let quote = &b.quotes[0];
    assert_eq!(docs[&quote.page][1], "quotation");
    assert!(
        index["index"]["index"]["body"].is_object(),
        "an elasticlunr index"
    );
    assert!(
        index["index"]["documentStore"]["docs"]
            .as_object()
            .unwrap()
            .values()
            .all(|d| d.as_object().is_some_and(|d| d.is_empty())),
        "the indexed text is not stored a second time"
    );
}

#[test]
fn article_text_is_escaped() {
    let dir = briefing_with(&[(
        "content/x.md",
        b"---\ntitle: \"<img src=x onerror=alert(1)>\"\n---\n\nHe wrote <script>alert('x')</script> & left.\n",
    )]);
    let generated = site::generate(&options(dir.path())).unwrap();
    let html = page(&generated.files, "articles/x/index.html");
    assert!(!html.contains("<script>alert"), "{html}");
    assert!(!html.contains("<img src=x"), "{html}");
    assert!(html.contains("&lt;script&gt;"));
}

#[test]
fn a_url_that_is_not_a_web_address_is_never_linked() {
    let dir = briefing_with(&[(
        "content/x.md",
        b"---\ntitle: x\nurl: \"javascript:alert(1)\"\n---\n\nBody text.\n",
    )]);
    let generated = site::generate(&options(dir.path())).unwrap();
    assert!(
        generated
            .files
            .iter()
            .all(|f| !String::from_utf8_lossy(&f.bytes).contains("javascript:alert")),
        "the address reaches no page, feed or data file"
    );
    let warning = generated
        .warnings
        .iter()
        .find(|w| w.message.contains("not a web address"))
        .expect("a warning says why the url was dropped");
    assert_eq!(warning.position.map(|p| p.line), Some(3));
}

#[test]
fn all_problems_of_a_run_are_reported_with_file_line_and_column() {
    let dir = briefing_with(&[
        ("content/good.md", b"---\ntitle: Good\n---\nFine.\n"),
        (
            "content/unclosed.md",
            b"---\ntitle: Never closed\n\nBody.\n",
        ),
        (
            "content/bad-yaml.md",
            b"---\ntitle: ok\noutlet: [unclosed\n---\nBody.\n",
        ),
        ("content/latin1.txt", b"Title: x\n\nCaf\xe9\n"),
        ("content/empty.md", b""),
        (
            "content/folder.md/inner.md",
            b"---\ntitle: Inner\n---\nText.\n",
        ),
    ]);
    let problems = site::build(&options(dir.path())).unwrap_err();
    let text = problems.to_string();
    assert!(
        text.contains("content/unclosed.md:1:1: the front matter opened on line 1 is never closed"),
        "{text}"
    );
    assert!(text.contains("content/bad-yaml.md:3:"), "{text}");
    assert!(
        text.contains("content/latin1.txt:3:4: the file is not valid UTF-8"),
        "{text}"
    );
    assert!(
        text.contains("content/empty.md: the file is empty"),
        "{text}"
    );
    assert!(text.contains("content/folder.md is a folder"), "{text}");
    assert_eq!(problems.error_count(), 5, "{text}");
    assert!(
        !dir.path().join("public").exists(),
        "a failed build writes nothing"
    );
}

#[test]
fn a_failed_build_leaves_the_previous_output_untouched() {
    let dir = sample_briefing();
    site::build(&options(dir.path())).unwrap();
    let before = snapshot(&dir.path().join("public"));
    fs::write(dir.path().join("content/broken.md"), "---\ntitle: [\n---\n").unwrap();
    assert!(site::build(&options(dir.path())).is_err());
    assert_eq!(snapshot(&dir.path().join("public")), before);
}

#[test]
fn a_template_error_names_the_file_and_position_and_keeps_the_output() {
    let dir = sample_briefing();
    site::build(&options(dir.path())).unwrap();
    let before = snapshot(&dir.path().join("public"));
    fs::create_dir_all(dir.path().join("templates")).unwrap();
    fs::write(dir.path().join("templates/outlet.html"), "{% extends \"base.html\" %}\n{% block content %}\n{{ outlet.name }\n{% endblock content %}\n").unwrap();
    fs::write(
        dir.path().join("templates/index.html"),
        "{% extends \"base.html\" %}\n{% block content %}{% if %}{% endblock content %}\n",
    )
    .unwrap();
    let problems = site::build(&options(dir.path())).unwrap_err();
    let text = problems.to_string();
    assert!(text.contains("templates/outlet.html:3:"), "{text}");
    assert!(text.contains("templates/index.html:2:"), "{text}");
    assert_eq!(snapshot(&dir.path().join("public")), before);
}

#[test]
fn a_briefing_template_overrides_only_its_own_page() {
    let dir = sample_briefing();
    fs::create_dir_all(dir.path().join("templates")).unwrap();
    fs::write(
        dir.path().join("templates/article.html"),
        "{% extends \"base.html\" %}{% block content %}<h1 class=\"custom\">{{ article.title }}</h1>{{ body_html | safe }}{% endblock content %}",
    )
    .unwrap();
    let generated = site::generate(&options(dir.path())).unwrap();
    let article = first_article_page(&generated.files);
    assert!(String::from_utf8_lossy(&article.bytes).contains("class=\"custom\""));
    assert!(!page(&generated.files, "index.html").contains("class=\"custom\""));
}

#[test]
fn a_briefing_can_add_partials_of_its_own() {
    let dir = sample_briefing();
    fs::create_dir_all(dir.path().join("templates")).unwrap();
    fs::write(
        dir.path().join("templates/byline.html"),
        "<p class=\"byline\">{{ article.author | default(value=\"staff\") }}</p>",
    )
    .unwrap();
    fs::write(
        dir.path().join("templates/article.html"),
        "{% extends \"base.html\" %}{% block content %}{% include \"byline.html\" %}{{ body_html | safe }}{% endblock content %}",
    )
    .unwrap();
    let generated = site::generate(&options(dir.path())).unwrap();
    let article = first_article_page(&generated.files);
    assert!(String::from_utf8_lossy(&article.bytes).contains("class=\"byline\""));
}

#[test]
fn nothing_is_written_outside_the_output_folder_and_foreign_folders_are_refused() {
    let dir = sample_briefing();
    let elsewhere = dir.path().join("elsewhere");
    fs::create_dir_all(&elsewhere).unwrap();
    fs::write(elsewhere.join("keep.txt"), "mine").unwrap();
    let opts = Options {
        output: Some(elsewhere.clone()),
        ..options(dir.path())
    };
    assert!(
        site::build(&opts).is_err(),
        "a non-empty folder crossbrief did not write is refused"
    );
    assert_eq!(
        fs::read_to_string(elsewhere.join("keep.txt")).unwrap(),
        "mine"
    );
    let opts = Options {
        output: Some(dir.path().to_path_buf()),
        ..options(dir.path())
    };
    assert!(
        site::build(&opts).is_err(),
        "the briefing folder itself is refused"
    );

    let before: Vec<_> = fs::read_dir(dir.path())
        .unwrap()
        .map(|e| e.unwrap().file_name())
        .collect();
    site::build(&options(dir.path())).unwrap();
    let mut after: Vec<_> = fs::read_dir(dir.path())
        .unwrap()
        .map(|e| e.unwrap().file_name())
        .collect();
    after.retain(|n| n != "public");
    let mut before = before;
    before.sort();
    after.sort();
    assert_eq!(
        before, after,
        "only public/ was added to the briefing folder"
    );
}

#[test]
fn the_command_line_builds_and_reports_errors_with_a_non_zero_exit() {
    let dir = sample_briefing();
    let out = crossbrief()
        .args(["build", "--root"])
        .arg(dir.path())
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(String::from_utf8_lossy(&out.stderr).contains("Built "));
    fs::write(dir.path().join("content/bad.md"), "---\ntitle: x\n").unwrap();
    let out = crossbrief()
        .args(["build", "--root"])
        .arg(dir.path())
        .output()
        .unwrap();
    assert!(!out.status.success());
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(stderr.contains("content/bad.md:1:1"), "{stderr}");
}

#[test]
fn init_creates_a_briefing_that_builds() {
    let dir = tempfile::tempdir().unwrap();
    let target = dir.path().join("new");
    let out = crossbrief().arg("init").arg(&target).output().unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(target.join("templates/base.html").is_file());
    assert!(target.join("static/style.css").is_file());
    site::build(&options(&target)).expect("a new briefing builds");
    let again = crossbrief().arg("init").arg(&target).output().unwrap();
    assert!(!again.status.success(), "init never overwrites");
}

#[test]
fn a_folder_with_only_content_builds_with_the_built_in_templates() {
    let dir = briefing_with(&[(
        "content/story.txt",
        b"Title: A story\nOutlet: Example News\nDate: Sept. 10, 2022\n\nIt happened.\n",
    )]);
    let generated = site::generate(&options(dir.path())).unwrap();
    assert!(
        generated
            .files
            .iter()
            .any(|f| f.path == "articles/story/index.html")
    );
    assert_eq!(
        generated.briefing.articles[0].date.as_deref(),
        Some("2022-09-10")
    );
}

#[test]
fn hidden_files_and_other_kinds_are_skipped() {
    let dir = briefing_with(&[
        ("content/a.md", b"---\ntitle: A\n---\nText.\n"),
        ("content/.draft.md", b"---\ntitle: Hidden\n---\nText.\n"),
        ("content/.git/x.md", b"---\ntitle: Hidden too\n---\nText.\n"),
        ("content/notes.docx", b"binary"),
        ("content/deep/er/b.txt", b"B title\n\nText.\n"),
    ]);
    let generated = site::generate(&options(dir.path())).unwrap();
    let titles: Vec<_> = generated
        .briefing
        .articles
        .iter()
        .map(|a| a.title.as_str())
        .collect();
    assert_eq!(titles, ["A", "B title"]);
}

#[test]
fn entity_pages_carry_their_data_view_unless_the_settings_turn_it_off() {
    let has_data_view = |dir: &std::path::Path| {
        let people = dir.join("public/people");
        let person = fs::read_dir(&people)
            .unwrap()
            .map(|e| e.unwrap().path().join("index.html"))
            .find(|p| p.is_file())
            .expect("a person page");
        fs::read_to_string(person)
            .unwrap()
            .contains("class=\"data-view\"")
    };
    let dir = sample_briefing();
    site::build(&options(dir.path())).expect("the sample builds");
    assert!(
        has_data_view(dir.path()),
        "a small briefing shows its records"
    );

    let yaml = fs::read_to_string(dir.path().join("crossbrief.yaml")).unwrap();
    fs::write(
        dir.path().join("crossbrief.yaml"),
        format!("{yaml}\ndata_views: false\n"),
    )
    .unwrap();
    site::build(&options(dir.path())).expect("the sample builds");
    assert!(
        !has_data_view(dir.path()),
        "data_views: false leaves them out"
    );
}

/// The schema.org data of a page, parsed.
fn json_ld(html: &str) -> serde_json::Value {
    let start = html
        .find("application/ld+json\">")
        .expect("the page has JSON-LD")
        + 21;
    let end = start + html[start..].find("</script>").unwrap();
    serde_json::from_str(&html[start..end]).unwrap()
}

#[test]
fn a_quotations_structured_data_names_its_speaker_by_reference_and_cites_each_article_once() {
    let dir = briefing_with(&[(
        "content/harbour.md",
        b"---\ntitle: Harbour to reopen\noutlet: Tarn Ledger\n---\n\n\
\"The harbour will reopen on Monday,\" said port director Mira Castellane.\n\n\
Asked again, she was firm. \"The harbour will reopen on Monday,\" Castellane said.\n",
    )]);
    let generated = site::generate(&options(dir.path())).unwrap();
    let quote = generated
        .briefing
        .quotes
        .iter()
        .find(|q| q.occurrences.len() == 2)
        .expect("the two occurrences are one quotation");
    let ld = json_ld(&page(
        &generated.files,
        &crossbrief::render::output_path(&quote.page),
    ));
    assert_eq!(ld["@type"], "Quotation");
    assert_eq!(ld["creator"]["name"], "Mira Castellane");
    assert_eq!(ld["creator"]["url"], "/people/mira-castellane/");
    // Roles and other names are on the speaker's own page, not copied into every quotation.
    assert!(ld["creator"].get("jobTitle").is_none(), "{ld}");
    assert_eq!(ld["citation"].as_array().unwrap().len(), 1, "{ld}");
}
