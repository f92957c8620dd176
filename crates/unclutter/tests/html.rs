//! HTML mode: the projection, the markup's evidence (BPL004, BPL005), paths, hostile pages.

use std::time::Instant;

use unclutter::Cleaner;

const PAGE: &str = r##"<!doctype html><html><head><title>T</title><style>p{}</style></head>
<body class="home has-header">
<header><a href="/">Example Gazette</a><nav><ul><li><a href="/news">News</a></li><li><a href="/sport">Sport</a></li></ul></nav></header>
<main><article>
<h1>Council approves the new bridge</h1>
<p class="byline">By Jane Doe</p>
<div class="post-content">
<p>The council voted 7-2 on Tuesday to fund the new bridge across the river, ending a decade of debate.</p>
<p>Work will start in the spring and the bridge should open to traffic in 2027, the mayor said &amp; smiled.</p>
<div class="share-bar"><a href="#">Facebook</a> <a href="#">Twitter</a></div>
<p>Residents who share a car to cross the river said the menu of options had been too short for too long.</p>
</div>
</article></main>
<aside class="related"><h2>Related</h2><ul><li><a href="/a">Another story about bridges</a></li></ul></aside>
<footer><p>© 2024 Example Gazette</p><a href="/about">About us</a></footer>
<script>document.write("<p>no</p>")</script>
</body></html>"##;

#[test]
fn keeps_the_article_and_drops_the_page() {
    let cleaned = Cleaner::new().clean_html(PAGE);
    let text = cleaned.text();
    assert!(text.contains("Council approves the new bridge"), "{text}");
    assert!(text.contains("The council voted 7-2 on Tuesday"), "{text}");
    assert!(text.contains("the mayor said & smiled."), "entities decoded: {text}");
    // Body sentences with furniture words in them stay: the class, not the text, is furniture.
    assert!(text.contains("Residents who share a car"), "{text}");
    for gone in ["Example Gazette", "News", "Facebook", "Another story", "About us", "no"] {
        assert!(!text.lines().any(|l| l == gone || l.contains(gone) && gone.len() > 3), "{gone:?} kept in {text}");
    }
}

/// A page of React's streaming renderer: the article arrives as a hidden segment that an
/// inline script moves into its placeholder as the page loads.
#[test]
fn a_streamed_segment_is_the_page_s_content_and_a_hidden_div_is_not() {
    let page = r##"<!doctype html><html><body>
<header><nav><a href="/">Home</a> <a href="/blog">Blog</a></nav></header>
<main><template id="B:0"></template><p>Loading...</p></main>
<div hidden id="S:0"><article><h1>How we cut our build times in half</h1>
<p>Our builds took forty minutes last spring, and most of that time went to compiling the same crates again.</p>
<p>We moved the cache to a shared volume, and the median build now takes eighteen minutes on the same machines.</p>
</article></div>
<div hidden><p>This draft paragraph was never meant to be shown to any reader of the page.</p></div>
<script>$RC("B:0","S:0")</script>
</body></html>"##;
    let text = Cleaner::new().clean_html(page).text().to_string();
    assert!(text.contains("Our builds took forty minutes"), "{text}");
    assert!(text.contains("the median build now takes eighteen minutes"), "{text}");
    assert!(!text.contains("draft paragraph"), "{text}");
}

/// An accordion's collapsed answers are the article's text, a closed dialog is not.
#[test]
fn a_collapsed_panel_stays_and_a_closed_dialog_goes() {
    let page = r##"<!doctype html><html><body><main><article>
<h1>Going solar, step by step</h1>
<p>Most homes need about three months from the first quote to the day the panels start to produce power.</p>
<div class="accordion"><a role="button" aria-controls="a1">How long does a permit take?</a>
<div id="a1" role="region" style="display:none"><p>Permits take two to six weeks in most towns, and the installer usually files them for you.</p></div></div>
<div role="dialog" style="display:none"><p>Sign up now and we will send you our guide to every solar incentive in your state.</p></div>
</article></main></body></html>"##;
    let text = Cleaner::new().clean_html(page).text().to_string();
    assert!(text.contains("Permits take two to six weeks"), "{text}");
    assert!(!text.contains("Sign up now"), "{text}");
}

/// A page hidden until its scripts run (an anti-flicker wrapper around the whole body) shows its
/// article; a page with text enough keeps what its styles hide hidden.
#[test]
fn a_page_hidden_until_its_scripts_run_shows_its_article() {
    let article = "<article><h1>What a model learns from data</h1>\
        <p>A model learns a rule from examples instead of being told the rule, and the examples decide what it can learn.</p>\
        <p>With too few examples the rule it finds fits those examples and little else, which is why data matters most.</p>\
        <p>Teams that collect more varied examples before they tune anything else usually get a better model for less work.</p></article>";
    let hidden = format!(
        "<!doctype html><html><body><div style=\"visibility:hidden;min-height:100vh\">{article}</div></body></html>"
    );
    let text = Cleaner::new().clean_html(&hidden).text().to_string();
    assert!(text.contains("A model learns a rule from examples"), "{text}");

    let mut long = String::new();
    for k in 0..12 {
        long.push_str(&format!(
            "<p>Paragraph {k} of the story says what happened on the river on Tuesday and why the council met.</p>"
        ));
    }
    let shown = format!(
        "<!doctype html><html><body><main><article>{long}</article></main>\
         <div style=\"display:none\"><p>Subscribe today and read every story on every device you own for a year.</p></div></body></html>"
    );
    let text = Cleaner::new().clean_html(&shown).text().to_string();
    assert!(text.contains("Paragraph 11 of the story"), "{text}");
    assert!(!text.contains("Subscribe today"), "{text}");
}

/// A teaser's "Comment" link (to another page's thread) opens no comment section.
#[test]
fn a_link_to_comments_is_no_comment_section() {
    let mut posts = String::new();
    for k in 0..4 {
        posts.push_str(&format!(
            "<article class=\"entry\"><h2>Firm {k} opens an office in Vienna</h2>\
             <p><a class=\"entry-comments\" href=\"/news/{k}#comments\">Comment</a></p>\
             <p>The consultancy opened its office number {k} this week, and it plans to hire forty people there by the end of next year.</p></article>"
        ));
    }
    let page = format!("<!doctype html><html><body><section class=\"blog-list\">{posts}</section></body></html>");
    let text = Cleaner::new().clean_html(&page).text().to_string();
    assert!(text.contains("office number 3 this week"), "{text}");
    assert!(text.contains("Firm 3 opens an office"), "{text}");
}

/// A ranking table's header cell that reads like a teaser heading ("More ...") opens no teaser
/// list, and its rows of short cells are the article's data.
#[test]
fn a_table_is_no_teaser_list() {
    let page = r##"<!doctype html><html><body><main><article>
<h1>Which business schools pay off</h1>
<p>We compared the ten schools our readers asked about most, by the salaries their graduates reported last year.</p>
<table><tr><th>Rank</th><th>More Top Schools</th><th>Median Starting Salary</th></tr>
<tr><td>1</td><td>Lakeside School of Management</td><td>$175,000</td></tr>
<tr><td>2</td><td>Hillcrest Business Institute</td><td>$165,000</td></tr></table>
<p>Salaries rose at every school on the list, though the gap between the first and the tenth grew as well.</p>
</article></main></body></html>"##;
    let text = Cleaner::new().clean_html(page).text().to_string();
    for cell in ["More Top Schools", "Lakeside School of Management", "Hillcrest Business Institute", "$165,000"] {
        assert!(text.contains(cell), "{cell:?} lost from {text}");
    }
}

#[test]
fn a_tables_comment_column_does_not_end_the_article() {
    let para = "<p>The scheduler retries every task until it completes, and each retry waits longer than the last one did.</p>";
    let html = format!(
        "<body><article><h1>How the task scheduler works</h1>{p}{p}{p}\
         <table><tr><th>State</th><th>Comment</th></tr><tr><td>queued</td><td>Waiting for a worker to pick it up.</td></tr></table>\
         {p}<p>That is the whole design, and it has served us well for years of heavy use.</p></article>\
         <div id=comments><h2>Comments</h2><p>Great post, thanks for writing it up!</p></div></body>",
        p = para
    );
    let cleaned = Cleaner::new().clean_html(&html);
    let text = cleaned.text();
    assert!(text.contains("Waiting for a worker"), "{text}");
    assert!(text.contains("That is the whole design"), "{text}");
    assert!(!text.contains("Great post"), "{text}");
}

#[test]
fn related_post_widgets_are_furniture_by_their_class() {
    // The widget sits inside the article, so only its class (a stem, "relatedposts") can tell.
    let para = "<p>The harbour footbridge reopened on Monday after a winter of repairs to its deck and railings.</p>";
    let html = format!(
        "<body><article><h1>Footbridge reopens</h1>{p}{p}{p}\
         <div class=jp-relatedposts><p class=jp-relatedposts-post-excerpt>The ferry timetable changes next month, \
         with two extra sailings on weekdays and one fewer on Sundays.</p></div>\
         <div class=commentary-note><p>Commentary pieces reflect the author's view, not the paper's own.</p></div>\
         </article></body>",
        p = para
    );
    // The rule's proposal, as the rules alone decide it (the content scorer may keep an
    // excerpt that reads as the article's prose).
    let cleaned = Cleaner::builder().html_scorer(None).build().unwrap().clean_html(&html);
    let text = cleaned.text();
    let related = cleaned.removals().iter().find(|r| cleaned.input()[r.span()].contains("ferry"));
    assert!(related.is_some_and(|r| r.rule().code() == "BPL005"), "{:?}", cleaned.removals());
    // A word that merely starts like a token ("commentary") names no furniture.
    assert!(text.contains("Commentary pieces reflect"), "{text}");
}

#[test]
fn spans_index_the_projection_and_name_their_element() {
    let cleaned = Cleaner::new().clean_html(PAGE);
    assert!(cleaned.is_html());
    let source = cleaned.input();
    let mut rebuilt = String::new();
    for span in cleaned.kept_spans() {
        rebuilt.push_str(&source[span]);
    }
    assert_eq!(rebuilt, cleaned.text());
    let share =
        cleaned.removals().iter().find(|r| source[r.span()].starts_with("Facebook")).expect("share bar removed");
    assert_eq!(share.rule().code(), "BPL005");
    assert!(
        cleaned.path(share.span()).is_some_and(|p| p.ends_with("div.share-bar")),
        "{:?}",
        cleaned.path(share.span())
    );
    let nav = cleaned.removals().iter().find(|r| source[r.span()].starts_with("News")).expect("nav removed");
    assert_eq!(nav.rule().code(), "BPL004", "outside the content root");
    assert_eq!(cleaned.content_root(), Some("div.post-content"));
}

#[test]
fn ignoring_the_markup_rules_keeps_the_page() {
    let cleaner = Cleaner::builder().ignore(["BPL004", "BPL005"]).build().unwrap();
    let text = cleaner.clean_html(PAGE).text();
    assert!(text.contains("Another story about bridges"), "{text}");
}

#[test]
fn a_page_without_prose_loses_nothing_to_structure() {
    let html = "<body><nav><a href=/>Home</a></nav><p>Short note.</p></body>";
    let cleaned = Cleaner::new().clean_html(html);
    assert!(cleaned.text().contains("Short note."));
    assert!(cleaned.removals().iter().all(|r| r.rule().code() != "BPL004"));
}

fn survive(name: &str, html: &str) -> String {
    let started = Instant::now();
    let cleaned = Cleaner::new().clean_html(html);
    let text = cleaned.text();
    eprintln!("hostile html {name}: {} bytes in {:.3}s", html.len(), started.elapsed().as_secs_f64());
    text
}

#[test]
fn hostile_pages_finish() {
    let deep = format!("{}deep text{}", "<div>".repeat(100_000), "</div>".repeat(100_000));
    assert_eq!(survive("100k nested elements", &deep), "deep text");
    let self_closing = format!("{}deep text", "<div/>".repeat(100_000));
    assert_eq!(survive("100k self-closing divs", &self_closing), "deep text");
    let kept_attrs: String = (0..1_000_000).map(|i| format!(" class=c{i}")).collect();
    survive("1M kept attributes", &format!("<div{kept_attrs}>text</div>"));
    let attrs: String = (0..1_000_000).map(|i| format!(" a{i}=x")).collect();
    survive("1M attributes", &format!("<div{attrs}>text</div>"));
    assert!(!survive("unclosed comment", "<p>before</p><!-- never closed <p>after</p>").contains("after"));
    let script = format!("<p>kept</p><script>{}</script>", "x".repeat(20 << 20));
    assert_eq!(survive("20 MB script", &script), "kept");
    survive("broken entities", "<p>&amp &#99999999; &#x110000; &bogus; &lt</p>");
    survive("unclosed tags", &"<div><p><span><b>text ".repeat(10_000));
    let attr = format!("<p title=\"{}\">t</p>", "y".repeat(50 << 20));
    assert_eq!(survive("50 MB attribute", &attr), "t");
}

/// Valid HTML5 that leaves out optional end tags (rows and cells, definitions, list items with
/// paragraphs), hundreds of times: the article's paragraphs around it stay, and hidden text
/// stays hidden.
#[test]
fn optional_end_tags_left_out_lose_no_text() {
    let para = |n: usize| {
        format!("<p>Paragraph {n} of the article: the council voted on Tuesday to fund the new bridge across the river.</p>")
    };
    for (open, item, close) in [
        ("<table>", "<tr><td>cell<td>cell", "</table>"),
        ("<dl>", "<dt>term<dd>definition", "</dl>"),
        ("<ul>", "<li><p>item", "</ul>"),
    ] {
        let page = format!(
            "<html><body><article>{}{}{open}{}{close}{}{}<div hidden>secret text</div></article></body></html>",
            para(1),
            para(2),
            item.repeat(700),
            para(3),
            para(4)
        );
        let cleaned = Cleaner::new().clean_html(&page);
        let text = cleaned.text();
        for n in 1..=4 {
            assert!(text.contains(&format!("Paragraph {n} of the article")), "{item}: paragraph {n} lost");
        }
        assert!(!cleaned.input().contains("secret text"), "{item}: hidden text shown");
    }
}

/// An element with a 128 KB tag name above thousands of `<br>` lines: each line's element path
/// shows a few dozen bytes of the name, not all of it (a copy per line ran out of memory).
#[test]
fn a_huge_tag_name_is_not_copied_into_every_line() {
    let name = format!("x{}", "y".repeat(128 * 1024));
    let page = format!("<body><{name}>{}</{name}></body>", "word<br>".repeat(3000));
    let cleaned = Cleaner::new().clean_html(&page);
    let longest = cleaned.removals().iter().filter_map(|r| cleaned.path(r.span())).map(str::len).max();
    let kept = cleaned.input().lines().count();
    assert!(kept >= 3000, "{kept} lines");
    let paths: Vec<usize> = (0..cleaned.input().len())
        .step_by(cleaned.input().len() / 50 + 1)
        .filter_map(|at| cleaned.path(unclutter::Span::new(at, at)))
        .map(str::len)
        .collect();
    assert!(!paths.is_empty());
    assert!(paths.iter().chain(longest.iter()).all(|&len| len <= 300), "{paths:?}");
}
