//! Per-rule cases: for every rule, clutter it must remove and article lines holding its trigger
//! words that must stay.
//!
//! A one-line case is checked in the middle of a small article: it sits between two ordinary
//! body paragraphs (see [`frame`]). Rules that need context (an author named elsewhere, a teaser
//! marker, a run of buttons, a partial stamp) get small documents instead, written with the
//! markers of `--annotate`: `[-text-]` is text the case's rule must remove, `[+text+]` is text
//! no rule may touch; unmarked text may go or stay.
//!
//! [`REGRESSIONS`] holds cases that were once wrong (found by writing these tables) and are
//! asserted like the rest, so they stay fixed.

use std::fmt::Write as _;
use std::ops::Range;

use unclutter::{Cleaned, Cleaner, RuleId};

/// One rule's cases.
struct Case {
    /// The rule's code.
    rule: &'static str,
    /// Lines the rule itself must remove whole, each between two body paragraphs.
    removes: &'static [&'static str],
    /// Article lines that hold the rule's trigger words; each between two body paragraphs, no
    /// rule may touch them.
    keeps: &'static [&'static str],
    /// Documents for cases that need context, marked with `[-removed by this rule-]` and
    /// `[+kept+]`.
    docs: &'static [&'static str],
}

/// The body paragraph before a one-line case.
const BEFORE: &str = "The council met on Tuesday to discuss the budget.";
/// The body paragraph after a one-line case.
const AFTER: &str = "Members voted 7-2 to approve the plan.";

static CASES: &[Case] = &[
    Case {
        rule: "NAV001",
        removes: &["Skip to main content", "Skip to content", "Jump to navigation", "Skip navigation"],
        keeps: &[
            "Skip to the end of the report and the numbers look worse.",
            "Officials said they would skip to the main vote after lunch.",
            "Jump to conclusions and you miss the point, the judge warned.",
        ],
        docs: &[],
    },
    Case {
        rule: "NAV002",
        removes: &["Menu", "Search", "Sign in", "Log in / Register", "Back to top", "Toggle navigation", "Next article"],
        keeps: &[
            "Search crews found the hikers at dawn.",
            "Menu prices at the canteen rose 8% last year.",
            "Sign-in sheets showed the contractor was on site.",
            "Close to 40% of voters stayed home.",
            "Home prices fell for a third month.",
        ],
        docs: &[],
    },
    Case {
        rule: "NAV003",
        removes: &[
            "Home > News > Technology",
            "Home / Sport / Football",
            "News › World › Europe",
            "You are here: Home » Business",
        ],
        keeps: &[
            "Home/work balance was the theme of the talk.",
            "The price/earnings ratio topped 30 for the first time.",
            "Prices rose 5% year/year in March.",
        ],
        docs: &[],
    },
    Case {
        rule: "SOC001",
        removes: &[
            "Share",
            "Share this article",
            "Share Selection",
            "Share on Facebook",
            "Tweet this",
            "Share this with family and friends",
            "Email this article",
        ],
        keeps: &[
            "Share prices fell 3% after the report.",
            "The Alibaba Group tweeted after the meeting.",
            "Share the load, she said.",
            "Shares of the company rose 5% in early trading.",
            "Tweets from the account were deleted on Friday.",
        ],
        docs: &[],
    },
    Case {
        rule: "SOC002",
        removes: &[],
        keeps: &[
            // A lone network name is a subheading; only a run is a widget.
            "Email",
            "Twitter shares fell 5% on Monday.",
            "Email remains the most common route for scams, police said.",
        ],
        docs: &[
            "The council met on Tuesday to discuss the budget.\n\n[-Facebook-]\n[-Twitter-]\n[-LinkedIn-]\n[-Email-]\n\n\
             Members voted 7-2 to approve the plan.\n",
            "The council met on Tuesday to discuss the budget.\n\n[-WhatsApp-]\n\n[-Copy link-]\n\n\
             Members voted 7-2 to approve the plan.\n",
            // Subheadings that name networks, each followed by its section, are not a run.
            "Both companies announced cuts this week.\n\n[+Facebook+]\n\n\
             [+Facebook said on Monday it would cut 10% of its staff.+]\n\n[+Twitter+]\n\n\
             [+Twitter made no such announcement.+]\n",
        ],
    },
    Case {
        rule: "SOC003",
        removes: &[
            "Follow The Example Herald on Twitter and Instagram @ExampleHerald",
            "Follow us on Twitter",
            "Follow us on Twitter for the latest updates",
            "Like us on Facebook",
            "Follow @examplenews",
            "Join us on Telegram",
            "Follow us",
        ],
        keeps: &[
            "Follow the money on Facebook ads, the report urged.",
            "Fans followed us on the road all summer.",
            "Follow the money, the auditor told the committee.",
            "Like us, many families on the street lost power.",
        ],
        docs: &[],
    },
    Case {
        rule: "BYL001",
        removes: &[
            "By Jane Doe",
            "By JANE DOE and JOHN ROE",
            "Alfred Ng Senior Reporter / CNET News",
            "Jane Doe, Staff Writer",
            "By Zoë Müller-Lenz",
            "Senior U.S. Correspondent, IDG News Service |",
        ],
        keeps: &[
            "By the end of the year, the plant will close.",
            "By Monday, the river had risen two metres.",
            "By Jane Doe's own account, the deal was rushed.",
            "The editor, Jane Doe, resigned on Friday.",
            "Staff writers at the paper voted to strike.",
        ],
        docs: &[],
    },
    Case {
        rule: "BYL002",
        removes: &[],
        keeps: &[],
        docs: &[
            "[-jane-doe-]\n\nBy Jane Doe, Staff Writer\n\nThe council met on Tuesday to discuss the budget.\n",
            "Alfred Ng Senior Reporter / CNET News\n[-alfred-ng-]\n\nThe council met on Tuesday to discuss the budget.\n",
            "By Inês Achebe-Price\n[-ines-achebe-price-]\n\nThe council met on Tuesday to discuss the budget.\n",
            // Named by a bio rather than a byline.
            "The council met on Tuesday to discuss the budget.\n\n[-maria-ortiz-]\n\
             Maria Ortiz covers energy for Example Wire.\n",
            "By Jane Doe, Staff Writer\n\n[+Her archive lives at example.com/authors/jane-doe for now.+]\n\n\
             [+A long-term fix is years away, engineers said.+]\n\n\
             [+The well-known case was closed in 2019.+]\n",
        ],
    },
    Case {
        rule: "BYL003",
        removes: &[],
        keeps: &[
            "Maria Ortiz is a veteran reporter for the Tribune who broke the story in 2019.",
            "Jane Doe said the reporter was wrong.",
            "Jane Doe covers her costs with a second job, she said.",
        ],
        docs: &[
            "By Jane Doe, Staff Writer\n[-Jane Doe is a staff writer for Example News.-]\n\n\
             The council met on Tuesday to discuss the budget.\n",
            "The council met on Tuesday to discuss the budget.\n\nMembers voted 7-2 to approve the plan.\n\n\
             [-Martyn Lee covers general technology news for the Example Wire.-]\n",
            "The council met on Tuesday to discuss the budget.\n\nShare this article\n\n\
             [-Jane Doe is a senior reporter for Example News. She lives in Oslo.-]\n\nRelated Articles\n",
            "The council met on Tuesday to discuss the budget.\n\n[-Jane Doe writes about food and farming.-]\n",
            // Beside a byline, but about someone else.
            "By Jane Doe, Staff Writer\n\n[+John Roe was a correspondent in Moscow for a decade before the war.+]\n\n\
             [+The council met on Tuesday to discuss the budget.+]\n",
        ],
    },
    Case {
        rule: "BYL004",
        removes: &[],
        keeps: &["Jane Doe's report won a prize in 2019."],
        docs: &[
            "By Jane Doe, Staff Writer\n\nThe council met on Tuesday to discuss the budget.\n\n[-Jane Doe-]\n\
             Jane Doe is a staff writer for Example News.\n",
            "[-Alfred Ng-]\nAlfred Ng Senior Reporter / CNET News\n\nThe council met on Tuesday to discuss the budget.\n",
            "By Jane Doe, Staff Writer\n\nThe council met on Tuesday to discuss the budget.\n\n[-JANE DOE-]\n",
            // A name that is not the author's, as the heading of a profile.
            "By Jane Doe, Staff Writer\n\n[+Meet the three candidates for mayor.+]\n\n[+John Roe+]\n\n\
             [+John Roe, 54, runs a bakery on Main Street.+]\n",
            "By Jane Doe, Staff Writer\n\n[+Jane Doe said the vote was close.+]\n",
        ],
    },
    Case {
        rule: "MED001",
        removes: &["gettyimages-631334970.jpg", "IMG_2041.JPG", "hero-image(1).webp", "chart_q3.png"],
        keeps: &[
            "She saved the file as IMG_2041.JPG before deleting it.",
            "The logo.png file leaked before launch, the company said.",
            "Photo.jpg files are the most common upload, the study found.",
        ],
        docs: &[],
    },
    Case {
        rule: "MED002",
        removes: &[
            "Enlarge Image",
            "Enlarge this image",
            "Image 1 of 12",
            "3 of 12",
            "Hide caption",
            "View gallery",
            "Click to enlarge",
        ],
        keeps: &[
            "Image problems dogged the campaign all year.",
            "Photo finishes decided both races.",
            "Three of 12 jurors asked to see the photos again.",
            "Caption contests are popular online.",
        ],
        docs: &[
            // A gallery of numbered slides after the article goes, captions and all.
            "[+The council voted 7-2 on Tuesday to fund the new bridge across the river, ending a decade of debate.+]\n\n\
             [+Work will start in the spring and the bridge should open to traffic in 2027, the mayor said.+]\n\n\
             [+Engineers expect the first piles to be driven in April, weather permitting, and the deck to follow.+]\n\n\
             [+Residents had asked for a crossing since the old ferry stopped running in the winter of 2014.+]\n\n\
             [+“This is a good day for the town and for everyone who has waited so long,” she told reporters.+]\n\n\
             Business news in pictures\n\n\
             [-* 1/3 Ferry fares rise-]\n\n[-The ferry company raised fares on all routes by a tenth from the first of May.-]\n\n\
             [-* 2/3 Harbour wall delayed-]\n\n[-Repairs to the harbour wall will not start before the autumn, the port said.-]\n\n\
             [-* 3/3 Bus lanes open-]\n\n[-Two new bus lanes opened on the ring road on Monday after a year of works.-]\n",
            // A story told in slides is the article; recipe fractions are no slides.
            "[+* 1/3 Not a flagship+]\n\n[+The new phone is not what you would expect from the maker this year.+]\n\n\
             [+* 2/3 Pocket friendly+]\n\n[+Its size is a surprise, with a small screen that fits in one hand.+]\n\n\
             [+* 3/3 Powerful package+]\n\n[+It fits the maker's latest chip into the same small case.+]\n",
            "[+Whisk the eggs with:+]\n[+* 1/3 cup sugar+]\n[+* 2/3 cup milk+]\n[+* 1/4 cup melted butter+]\n",
        ],
    },
    Case {
        rule: "MED003",
        removes: &[
            "TIMOTHY A. CLARY/AFP/Getty Images",
            "Credit: Alibaba",
            "Photo: Jane Doe/Reuters",
            "(Photo by Jane Doe/Getty Images)",
            "Image: Shutterstock",
            "Photo courtesy of the family",
            "AP Photo/Jane Doe",
            "Jane Doe for The Washington Post via Getty Images",
            "新建的公交站已经投入使用。记者　王明　摄",
            "Große Kreise stabilisieren, kleine Kreise mobilisieren. © Pferderevue",
            "Der Junior war nur knapp hinter der Spitze. (Foto: Privat)",
            "Wer die Äste auf die Wege zieht, ist unklar (Symbolbild).",
            "One algorithm used as much energy as three plants produce in an hour.Photograph: Getty Images",
            "市役所前で開かれた式典＝3日、札幌市",
            "決勝点を挙げて喜ぶ選手たち（12日、市営球場）",
        ],
        keeps: &[
            "The photo credit dispute went to court.",
            "电影在上海开机拍摄",
            "Copyright © notices were added in 2019 by the firm's lawyers.",
            "The report named its source (a photo agency) in the last line.",
            "大会は12日に市営球場で開かれる（雨天順延）",
            "Getty Images licenses millions of photos each year.",
            "Credit card debt rose 4% in the quarter.",
            "A Reuters/Ipsos poll found 40% of voters approve.",
        ],
        docs: &[],
    },
    Case {
        rule: "MED004",
        removes: &["170109 ma trump newyork", "ss apple iphone evolution carousel 100412891 orig"],
        keeps: &["The 2016 election changed the party.", "Call 0800 555 0199 for help.", "In 2017 the plant closed for good."],
        docs: &[],
    },
    Case {
        rule: "TIM001",
        removes: &["2 min read", "5 minute read", "Reading time: 4 minutes", "10 min read"],
        keeps: &[
            "It takes 5 minutes to read the whole report.",
            "Reading time for pupils rose to 20 minutes a day.",
            "Experts say 10 minutes of reading a day helps children.",
        ],
        docs: &[],
    },
    Case {
        rule: "TIM002",
        removes: &[
            "Published 10 January 2017 7:48pm",
            "Publiziert: 03.04.2020, 12:35",
            "Updated: Jan. 9, 2017 3:04 p.m. ET",
            "Posted 3 hours ago",
            "January 9, 2017",
            "Published: 2017-01-09",
        ],
        keeps: &[
            "Published reports said the deal was near.",
            "Updated figures showed a 3% rise in March.",
            "The report was published on 10 January 2017.",
        ],
        docs: &[],
    },
    Case {
        rule: "TIM003",
        removes: &[],
        keeps: &[
            "The date 2017-01-09 appears on the invoice.",
            "Dates for the hearing were set for 2017-01-09 and 2017-02-01.",
            "Update 2017-01-09: the council voted again.",
        ],
        docs: &[
            "[-date 2017-01-09 -][+Alibaba could generate 1 million jobs+]\n\n\
             The council met on Tuesday to discuss the budget.\n",
            "[-date: 2017-01-09T10:41:00Z -][+Council approves the new bridge+]\n\n\
             The council met on Tuesday to discuss the budget.\n",
        ],
    },
    Case {
        rule: "PRM001",
        removes: &[
            "Want CNET to notify you of price drops and the latest stories?",
            "Would you like Example News to alert you to breaking stories?",
            "Enable notifications",
            "Download our app",
        ],
        keeps: &[
            "The law requires landlords to notify you of rent increases.",
            "Download speeds doubled after the upgrade.",
            "Notifications from the app were switched off by default.",
        ],
        docs: &[],
    },
    Case {
        rule: "PRM002",
        removes: &[
            "Sign up for our newsletter",
            "Sign up for our newsletter to get the week's top stories.",
            "Subscribe to our daily briefing",
            "Get the best of Example News in your inbox",
            "Stay up to date with Example. Subscribe to our newsletter.",
            "Like this article?",
            "Newsletter",
            "Subscribe now",
        ],
        keeps: &[
            "Few readers subscribe to the idea that news should be free.",
            "Sign-up rates for the program doubled in May.",
            "Subscribers to the service rose 12% last year.",
            "Newsletters were the paper's fastest-growing product.",
        ],
        docs: &[],
    },
    Case {
        rule: "PRM003",
        removes: &[
            "Shop Tech Products at Amazon",
            "ITWorld DealPost: The best in tech deals and discounts.",
            "See price at Example Store",
            "Buy now",
            "Check price",
        ],
        keeps: &[
            "Shop owners at the mall said sales fell.",
            "Buy now, pay later schemes face new rules in May.",
            "Amazon shares rose 2% after the report.",
        ],
        docs: &[],
    },
    Case {
        rule: "REL001",
        removes: &[
            "Related:",
            "Related Articles",
            "Read more: Why the bridge closed",
            "More good reads",
            "Popular Video",
            "Trending",
            "Most Read",
            "» Related:",
            "Filed under china , illnesses , plague",
            "Tags: python, docker, getting started",
            "Kategorie: Alle Blogposts, Artikel, Fair Fashion",
            "Themen: Formel 1, Saison 2022, Teamporträt",
            "Lesen Sie mehr",
            "Les plus populaires",
        ],
        keeps: &[
            "The delay is related to the case.",
            "Filed under seal, the complaint names three executives.",
            "Topics: the council discussed roads, schools and the bridge.",
            "Related news was scarce that week.",
            "Most read the report as a rebuke.",
            "Trending topics on the platform shifted overnight.",
        ],
        docs: &[],
    },
    Case {
        rule: "REL002",
        removes: &["You Might Like", "You may also like", "Recommended for you", "Around the web"],
        keeps: &[
            "You might like the new design, the architect said.",
            "We recommend caution, the agency said in a statement.",
            "Around the web, reaction was swift and mostly negative.",
        ],
        docs: &[
            "The council met on Tuesday to discuss the budget.\n\n[-You Might Like-]\n\
             [-Hottest products from the trade show-]\n\
             [-It's time again for the year's biggest show, and the first...-]\n\
             [-Why the bridge closed for a week-]\n\n\
             [+Members voted 7-2 to approve the plan on Friday.+]\n",
            "The council met on Tuesday to discuss the budget.\n\n[-More from Example News-]\n\
             [-Ten cheap flights for the summer-]\n[-Why airline fees keep rising-]\n",
            // A "More <Site>" or "Trending on <Site>" heading counts when a headline follows.
            "The council met on Tuesday to discuss the budget.\n\n[-* More Example Examiner-]\n\n\
             [-+ Ten cheap flights for the summer-]\n\n",
            "The council met on Tuesday to discuss the budget.\n\n[-Trending Now on Example.com-]\n\n\
             [-1. Why airline fees keep rising-]\n",
            "The council met on Tuesday to discuss the budget.\n\n[-Next Up In Science & Health-]\n\n\
             [-* A clever new answer to one of the trickiest problems-]\n",
            "The council met on Tuesday to discuss the budget.\n\n[-More On:-]\n\n[-US professor to be freed in prisoner swap-]\n",
            "Der Stadtrat hat am Dienstag über den Haushalt beraten.\n\n[-Mehr aus Thüringen-]\n\n[-Neue Buslinie für Erfurt-]\n",
            // A cookie banner's "Mehr Informationen" button is no teaser heading: the headline
            // under it stays.
            "Wir verwenden Cookies.\nMehr Informationen\n\n[+Auenstadt wirft den Favoriten raus+]\n\n\
             [+Der Zweitligist hat am Mittwochabend den Tabellenführer aus dem Pokal geworfen.+]\n",
            // The same shape as a subheading, with the article going on below it, stays.
            "The council met on Tuesday to discuss the budget.\n\n[+More Money for Schools+]\n\n\
             [+The plan adds four million to the schools budget over two years.+]\n",
        ],
    },
    Case {
        rule: "SRC001",
        removes: &[
            "Source: AAP",
            "Sources: CNBC, SFGATE, Reuters",
            "(Source: Example Wire)",
            "Sources: CNBC, SFGATE, Reuters / Photo Credit: Gage Skidmore/Flickr",
        ],
        keeps: &[
            "A source familiar with the matter said talks had stalled.",
            "Sources close to the club say he will stay.",
            "The source of the leak has not been found.",
        ],
        docs: &[],
    },
    Case {
        rule: "LEG001",
        removes: &[
            "We use cookies to improve your experience. By continuing you agree.",
            "This website uses cookies",
            "By continuing to browse the site you agree to our use of cookies.",
            "Accept all cookies",
            "Cookie settings",
        ],
        keeps: &[
            "The ruling on cookie banners takes effect in May.",
            "Cookies made up half of the bakery's sales.",
            "\"We value your privacy,\" the company said in a statement.",
            "Regulators said sites must let users reject all tracking.",
        ],
        docs: &[],
    },
    Case {
        rule: "LEG002",
        removes: &[
            "Example Media Group, a division of Example Holdings and its partners. All rights reserved.",
            "© 2017 Example Media. All rights reserved.",
            "Copyright 2019 Example Corp",
            "(c) 2020 Example",
            "Example Media Group. All rights reserved.",
        ],
        keeps: &[
            // A sentence that ends with the words of a notice.
            "The label said the band kept its name and all rights reserved.",
            // A sentence about copyright with a year in it, not a notice.
            "Copyright © notices were added in 2019 by the firm's lawyers.",
            "Copyright questions dominated the hearing.",
            "The copyright office rejected the claim in 2019.",
            "The label says all rights to the songs are reserved for the estate.",
        ],
        docs: &[],
    },
    Case {
        rule: "ADV001",
        removes: &["Advertisement", "ADVERTISEMENT", "Story continues below advertisement", "Sponsored content", "Ad"],
        keeps: &[
            "Advertisement spending rose 4% this year.",
            "Sponsored content now makes up a fifth of revenue.",
            "Ad sales fell for the third quarter.",
        ],
        docs: &[],
    },
    Case {
        rule: "BPL001",
        removes: &[],
        keeps: &[],
        docs: &[
            // An article an extractor took three times is no gallery: every copy stays.
            "[+Ten things about the new bridge you need to know today+]\n\n[+The council voted 7-2 on Tuesday to fund the new bridge across the river, ending a decade of debate.+]\n\n\
             [+Work will start in the spring and the bridge should open to traffic in 2027, the mayor said.+]\n\n\
             [+Ten things about the new bridge you need to know today+]\n\n[+The council voted 7-2 on Tuesday to fund the new bridge across the river, ending a decade of debate.+]\n\n\
             [+Work will start in the spring and the bridge should open to traffic in 2027, the mayor said.+]\n\n\
             [+Ten things about the new bridge you need to know today+]\n\n[+The council voted 7-2 on Tuesday to fund the new bridge across the river, ending a decade of debate.+]\n\n\
             [+Work will start in the spring and the bridge should open to traffic in 2027, the mayor said.+]\n\n\
             [+Residents had asked for a crossing since the old ferry stopped running in the winter of 2014.+]\n",
            // A title and its dek standing apart under the header both stay.
            "[-Example Kitchen-]\n[-Recipes-]\n[-Shop-]\n\n\
             [+Lemony barley and white bean soup+]\n[+A pot for cold evenings that tastes better the next day+]\n\n\
             [+This is the soup I make when the fridge is nearly empty and everyone is a little under the weather.+]\n\n\
             [+Pearl barley takes a while to cook, but it needs very little attention while it does so.+]\n\n\
             [+A word on the beans: tinned are perfectly good here, and they save an evening of soaking.+]\n",
            // A gallery's caption repeated above the article goes, whole or cut off; a line the
            // article itself repeats (a chorus) stays.
            "[+Council approves the new bridge+]\n\n\
             [-* Mayor Ann Reyes, left, and engineer Tom Ruiz unveil the design of the new bridge at the town hall on Tuesday. less-]\n\
             [-Mayor Ann Reyes, left, and engineer Tom Ruiz unveil the design of the new bridge at ... more-]\n\
             Image 1 of / 9\n\n\
             [-Mayor Ann Reyes, left, and engineer Tom Ruiz unveil the design of the new bridge at the town hall on Tuesday. less-]\n\n\
             [+The council voted 7-2 on Tuesday to fund the new bridge across the river, ending a decade of debate.+]\n\n\
             [+The choir sang the old ferry song at the vote, whose chorus runs:+]\n\n\
             [+Row me over, row me over the river, love+]\n[+The tide is high and the night is long+]\n\
             [+Row me over, row me over the river, love+]\n[+Row me over, row me over the river, love+]\n\n\
             [+Work will start in the spring and the bridge should open to traffic in 2027, the mayor said.+]\n\n\
             [+Engineers expect the first piles to be driven in April, weather permitting, and the deck to follow.+]\n\n\
             [+Residents had asked for a crossing since the old ferry stopped running in the winter of 2014.+]\n\n\
             [+The old ferry still runs on summer weekends, carrying walkers and cyclists across for free.+]\n\n\
             [+The bridge will carry two lanes of traffic, a footway and a cycle lane on its northern side.+]\n\n\
             [+“This is a good day for the town and for everyone who has waited so long,” she told reporters.+]\n",
            "[-Example Gazette-]\n[-News-]\n[-Politics-]\n[-Business-]\n[-Technology-]\n[-Sport-]\n[-Weather-]\n\n\
             [+Council approves the new bridge+]\n\n\
             [+The council voted 7-2 on Tuesday to fund the new bridge across the river, ending a decade of debate.+]\n\n\
             [+Work will start in the spring and the bridge should open to traffic in 2027, the mayor said.+]\n\n\
             [+“This is a good day for the town and for everyone who has waited so long,” she told reporters.+]\n",
            // An article with subheadings and a list of short items: no page around it, nothing goes.
            "[+The council voted 7-2 on Tuesday to fund the new bridge across the river, ending a decade of debate.+]\n\n\
             [+Costs+]\n[+* Design: 2 million+]\n[+* Steel: 9 million+]\n[+* Labour: 6 million+]\n\n\
             [+The town will borrow most of the money over twenty years at a fixed rate, the treasurer said.+]\n\n\
             [+What happens next+]\n\n\
             [+Work will start in the spring and the bridge should open to traffic in 2027, the mayor said.+]\n",
        ],
    },
    Case {
        rule: "BPL002",
        removes: &[],
        keeps: &[],
        docs: &[
            "[+Council approves the new bridge+]\n\n\
             [+The council voted 7-2 on Tuesday to fund the new bridge across the river, ending a decade of debate.+]\n\n\
             [+Work will start in the spring and the bridge should open to traffic in 2027, the mayor said.+]\n\n\
             [+“This is a good day for the town and for everyone who has waited so long,” she told reporters.+]\n\n[-About us-]\n[-Contact-]\n[-Careers-]\n[-Privacy policy-]\n[-Terms of use-]\n",
            // A short closing sentence and a subheading with its sentence stay with the article.
            "[+Council approves the new bridge+]\n\n\
             [+The council voted 7-2 on Tuesday to fund the new bridge across the river, ending a decade of debate.+]\n\n\
             [+Work will start in the spring and the bridge should open to traffic in 2027, the mayor said.+]\n\n\
             [+“This is a good day for the town and for everyone who has waited so long,” she told reporters.+]\n\n[+That was that.+]\n\n[+Reactions+]\n\n[+Nobody in the chamber objected.+]\n",
            // A list the article introduces with a colon stays; the menu after it goes.
            "[+Council approves the new bridge+]\n\n\
             [+The council voted 7-2 on Tuesday to fund the new bridge across the river, ending a decade of debate.+]\n\n\
             [+Work will start in the spring and the bridge should open to traffic in 2027, the mayor said.+]\n\n\
             [+The plan, which the mayor called the largest in a generation, includes:+]\n\n\
             [+* A footbridge beside the road deck for walkers and cyclists+]\n\
             [+* New bus stops at both ends of the crossing+]\n\
             [+* A toll that is waived for residents of the town+]\n\n\
             [-About us-]\n[-Contact-]\n[-Careers-]\n[-Privacy policy-]\n[-Terms of use-]\n",
            // So do rows of dates or figures it introduces.
            "[+Council approves the new bridge+]\n\n\
             [+The council voted 7-2 on Tuesday to fund the new bridge across the river, ending a decade of debate.+]\n\n\
             [+Work will start in the spring and the bridge should open to traffic in 2027, the mayor said.+]\n\n\
             [+Public meetings on the design dates:+]\n\
             [+June 9 -- Town Hall, Riverside+]\n[+June 16 -- Library, Northgate (upstairs room), Kelsbridge+]\n\
             [+July 2 -- Community Centre, Dunmore+]\n\n\
             [-About us-]\n[-Contact-]\n[-Careers-]\n[-Privacy policy-]\n[-Terms of use-]\n",
        ],
    },
    Case {
        rule: "BPL003",
        removes: &[],
        keeps: &[],
        docs: &[
            "[+Council approves the new bridge+]\n\n\
             [+The council voted 7-2 on Tuesday to fund the new bridge across the river, ending a decade of debate.+]\n\n\
             [+Work will start in the spring and the bridge should open to traffic in 2027, the mayor said.+]\n\n\
             [+“This is a good day for the town and for everyone who has waited so long,” she told reporters.+]\n\n[-3 Comments-]\n\n\
             [-I drive over that river every day and this is great news for all of us who commute.-]\n\n\
             [-Another waste of money, if you ask me, and the taxes will go up again next year.-]\n",
            "[+Council approves the new bridge+]\n\n\
             [+The council voted 7-2 on Tuesday to fund the new bridge across the river, ending a decade of debate.+]\n\n\
             [+Work will start in the spring and the bridge should open to traffic in 2027, the mayor said.+]\n\n\
             [+“This is a good day for the town and for everyone who has waited so long,” she told reporters.+]\n\n[-Jane on September 29, 2018 at 12:16 am said:-]\n\n\
             [-Finally, after ten years of meetings, the council has made a decision we can all live with.-]\n",
            // "There are 13 comments" and WordPress's "Name · date at time" and "Reply".
            "[+The council voted 7-2 on Tuesday to fund the new bridge across the river, ending a decade of debate.+]\n\n\
             [+Work will start in the spring and the bridge should open to traffic in 2027, the mayor said.+]\n\n\
             [+Engineers expect the first piles to be driven in April, weather permitting, and the deck to follow.+]\n\n\
             [+Residents had asked for a crossing since the old ferry stopped running in the winter of 2014.+]\n\n\
             [-There are 13 comments-]\n\n[-Sallie Goetsch · March 10, 2017 at 12:20 AM-]\n\n\
             [-I drive over that river every day and this is great news for all of us who commute to the city for work.-]\n\n\
             [-* Reply-]\n[-Rarst · March 10, 2017 at 1:26 AM-]\n\n\
             [-Another waste of money, if you ask me, and the taxes will go up again next year for everybody in town.-]\n\n\
             [-The last bridge took eleven years and the one before that was never finished, so I will believe it when I see it.-]\n\n\
             [-It would be nice if they built a cycle lane on it as well, since the old ferry took bikes for free every day.-]\n\n\
             [-My grandfather worked on the old ferry for thirty years and he would have loved to see this bridge built at last.-]\n\n* Reply\n",
            // Comments shown with their metadata may outweigh the article above them.
            "[+The council voted 7-2 on Tuesday to fund the new bridge across the river, ending a decade of debate.+]\n\n\
             [+Work will start in the spring and the bridge should open to traffic in 2027, the mayor said.+]\n\n\
             [+Engineers expect the first piles to be driven in April, weather permitting, and the deck to follow.+]\n\n\
             [+Residents had asked for a crossing since the old ferry stopped running in the winter of 2014.+]\n\n\
             [-Top Rated Comments-]\n\n[-Woyzeck-]\n[-2 days ago at 07:52 am-]\n\
             [-I drive over that river every day and this is great news for all of us who commute to the city for work.-]\n\
             [-Rating: 36 Votes-]\n[-Nick A-]\n[-2 days ago at 07:47 am-]\n\
             [-Another waste of money, if you ask me, and the taxes will go up again next year for everybody in town.-]\n\n\
             [-The last bridge took eleven years and the one before that was never finished, so I will believe it when I see it.-]\n\
             [-Rating: 25 Votes-]\n[-fmcshan-]\n[-2 days ago at 07:50 am-]\n\
             [-It would be nice if they built a cycle lane on it as well, since the old ferry took bikes for free every day.-]\n",
            // A comment count under the title is not the article's end, metadata below or not.
            "[+Council approves the new bridge+]\n[+12 Comments+]\n\n\
             [+The council voted 7-2 on Tuesday to fund the new bridge across the river, ending a decade of debate.+]\n\n\
             [+Work will start in the spring and the bridge should open to traffic in 2027, the mayor said.+]\n\n\
             [+Engineers expect the first piles to be driven in April, weather permitting, and the deck to follow.+]\n\n\
             Comments\n\nWoyzeck\n2 days ago\nI drive over that river every day and this is great news for all of us.\n\
             Reply\n",
            // A related block after the article: headlines and lone blurbs go with it.
            "[+Council approves the new bridge+]\n\n\
             [+The council voted 7-2 on Tuesday to fund the new bridge across the river, ending a decade of debate.+]\n\n\
             [+Work will start in the spring and the bridge should open to traffic in 2027, the mayor said.+]\n\n\
             [+“This is a good day for the town and for everyone who has waited so long,” she told reporters.+]\n\n\
             [+Engineers expect the first piles to be driven in April, weather permitting, and the deck to follow.+]\n\n\
             Related Stories\n\nFerry fares to rise in May\n\n\
             [-The ferry company said on Monday that fares on all routes would go up by a tenth from the first of May.-]\n\n\
             Harbour wall repairs delayed again\n\n\
             [-Repairs to the harbour wall will not start before autumn, the port authority told the council this week.-]\n",
            // A list article's numbered sections go on after an inline "Read more" box.
            "[+4. Check the towels+]\n\n\
             [+The council voted 7-2 on Tuesday to fund the new bridge across the river, ending a decade of debate.+]\n\n\
             [+Work will start in the spring and the bridge should open to traffic in 2027, the mayor said.+]\n\n\
             [+Engineers expect the first piles to be driven in April, weather permitting, and the deck to follow.+]\n\n\
             [+Residents had asked for a crossing since the old ferry stopped running in the winter of 2014.+]\n\n\
             Read more\n\n* Ferry fares to rise in May\n* Harbour wall repairs delayed again\n\n\
             [+5. Beware the hairdryer+]\n\n\
             [+It holds more germs than anything else in the room, and few guests think to wipe it before use.+]\n\n\
             [+6. Mini bars lose money+]\n\n\
             [+Hotels keep them because guests expect them, even though most of the stock is never sold.+]\n",
            // A related block whose teasers end in "Read now", then the page's legal text.
            "[+The council voted 7-2 on Tuesday to fund the new bridge across the river, ending a decade of debate.+]\n\n\
             [+Work will start in the spring and the bridge should open to traffic in 2027, the mayor said.+]\n\n\
             [+Engineers expect the first piles to be driven in April, weather permitting, and the deck to follow.+]\n\n\
             [+Residents had asked for a crossing since the old ferry stopped running in the winter of 2014.+]\n\n\
             Related coverage\n\n\
             [-Ferry fares to rise in May The ferry company said fares on all routes would go up by a tenth. Read now-]\n\
             [-Harbour wall repairs delayed The port said repairs would not start before the autumn this year. Read now-]\n\n\
             [-* Popular news-]\n[-* Editorial articles-]\n[-* All news topics-]\n[-* Knowledge centre-]\n\
             [-* About us-]\n[-* Our editorial team-]\n[-* Contact us-]\n[-* Shop-]\n[-* Careers-]\n[-* Help-]\n\n\
             [-Your privacy is important to us. Any information you give us on this site is handled under our policy.-]\n\n\
             [-This page was printed from the site of the paper, which publishes news throughout the day.-]\n",
            // An inline "Related" box inside the article: the paragraphs after it stay.
            "[+The council voted 7-2 on Tuesday to fund the new bridge across the river, ending a decade of debate.+]\n\n\
             [+Work will start in the spring and the bridge should open to traffic in 2027, the mayor said.+]\n\n\
             [+Engineers expect the first piles to be driven in April, weather permitting, and the deck to follow.+]\n\n\
             Related Stories\n\nFerry fares to rise in May\n\n\
             [+Residents had asked for a crossing since the old ferry stopped running in the winter of 2014.+]\n\n\
             [+The mayor said the town would hold an open day on the site once the foundations were in.+]\n",
            // A comment marker before the article's prose is not its end.
            "[+Comments+]\n\n\
             [+The council voted 7-2 on Tuesday to fund the new bridge across the river, ending a decade of debate.+]\n\n\
             [+Comments from residents were mostly positive, and the mayor thanked them for their patience.+]\n",
        ],
    },
    Case {
        rule: "LAY001",
        removes: &["X", "|", "•", "×", "»"],
        keeps: &[
            "X marks the spot, the old map said.",
            "X-rays showed a fracture in his wrist.",
            "A+ ratings went to four schools.",
        ],
        docs: &[],
    },
];

/// Realistic cases the rules once got wrong, each with a comment on the defect; asserted.
static REGRESSIONS: &[Case] = &[
    Case {
        rule: "NAV001",
        // The WordPress skip link to the comments section is not in the lexicon.
        removes: &["Skip to comments"],
        keeps: &[],
        docs: &[],
    },
    Case {
        rule: "SOC003",
        removes: &[],
        keeps: &[
            // Instructions in a how-to article: "^ follow our" takes any line opening "Follow our".
            "Follow our step-by-step guide below to reset the router.",
            // A travel feature's invitation: "^ join us on" is not limited to networks.
            "Join us on a walk through Kyoto's oldest market.",
        ],
        docs: &[],
    },
    Case {
        rule: "PRM002",
        removes: &[],
        // The "... in your inbox" pattern takes any short line opening with "Have".
        keeps: &["Have you noticed more spam in your inbox lately?"],
        docs: &[],
    },
    Case {
        rule: "PRM003",
        removes: &[],
        // Consumer advice: "check prices at ..." is read as a "Check price at Store" button.
        keeps: &["Check prices at several stores before you buy."],
        docs: &[],
    },
    Case {
        rule: "MED003",
        removes: &[],
        // A poll name with a slash before an agency, in a sentence of six words or fewer.
        keeps: &["Reuters/Ipsos polling shows a dead heat."],
        docs: &[],
    },
    Case {
        rule: "BYL003",
        removes: &[],
        keeps: &[],
        // A body paragraph about an analyst (not a journalist) beside an inline "Related:" link.
        docs: &["Apple shares fell 3% on Tuesday after the launch event.\n\n\
                 [+Dan Ives is a senior analyst at Wedbush Securities who has followed Apple for two decades.+]\n\n\
                 Related: Apple shares slide after iPhone launch\n\n\
                 [+Ives said demand in China would decide the quarter.+]\n"],
    },
    Case {
        rule: "REL002",
        removes: &[],
        keeps: &[],
        docs: &[
            // A teaser box mid-article: the short sentence after it (it ends with a full stop,
            // which teaser headlines do not) is taken as a teaser.
            "The airline raised fares again this week.\n\n[-You May Also Like-]\n\
             [-Ten cheap flights for the summer-]\n[-Why airline fees keep rising-]\n\n\
             [+He declined to comment.+]\n\n[+The airline said fares would rise in May.+]\n",
            // A Q&A lead-in: "^ more from" makes it a teaser marker and eats the short question.
            "The mayor spoke to us on Friday about the budget and the bridge.\n\n\
             [+More from the interview:+]\n\n[+Why now?+]\n\n\
             [+Because the money ran out, and we could not wait any longer.+]\n",
        ],
    },
    Case {
        rule: "ADV001",
        // The ad label some US news sites print between paragraphs.
        removes: &["Advertisement - Scroll to Continue"],
        keeps: &[],
        docs: &[],
    },
];

/// A document to clean, and the claims a case makes about its bytes.
struct Doc {
    text: String,
    /// Ranges the case's rule must remove.
    removed: Vec<Range<usize>>,
    /// Ranges no rule may touch.
    kept: Vec<Range<usize>>,
}

/// A one-line case between two body paragraphs; the paragraphs must stay too.
fn frame(line: &str) -> (Doc, Range<usize>) {
    let text = format!("{BEFORE}\n\n{line}\n\n{AFTER}\n");
    let at = BEFORE.len() + 2;
    let after = at + line.len() + 2;
    let kept = vec![0..BEFORE.len(), after..after + AFTER.len()];
    (Doc { text, removed: Vec::new(), kept }, at..at + line.len())
}

/// Strips the `[-...-]` and `[+...+]` markers of a context document and records their ranges.
fn parse_marked(marked: &str) -> Doc {
    let mut doc = Doc { text: String::new(), removed: Vec::new(), kept: Vec::new() };
    let mut rest = marked;
    while let Some(open) = rest.find('[') {
        let (close, list) = match rest[open..].get(..2) {
            Some("[-") => ("-]", &mut doc.removed),
            Some("[+") => ("+]", &mut doc.kept),
            _ => {
                doc.text.push_str(&rest[..=open]);
                rest = &rest[open + 1..];
                continue;
            }
        };
        doc.text.push_str(&rest[..open]);
        let body = &rest[open + 2..];
        let end = body.find(close).unwrap_or_else(|| panic!("unclosed marker in case document {marked:?}"));
        let start = doc.text.len();
        doc.text.push_str(&body[..end]);
        list.push(start..doc.text.len());
        rest = &body[end + 2..];
    }
    doc.text.push_str(rest);
    doc
}

/// Every document a case describes: its one-line removals, its one-line keeps, its context docs.
fn documents(case: &Case) -> Vec<Doc> {
    let mut out = Vec::new();
    for line in case.removes {
        let (mut doc, range) = frame(line);
        doc.removed.push(range);
        out.push(doc);
    }
    for line in case.keeps {
        let (mut doc, range) = frame(line);
        doc.kept.push(range);
        out.push(doc);
    }
    out.extend(case.docs.iter().map(|d| parse_marked(d)));
    out
}

/// The removals of a cleaning, one per line, for failure messages.
fn describe(cleaned: &Cleaned<'_>) -> String {
    let mut out = String::new();
    for r in cleaned.removals() {
        let _ =
            write!(out, "\n    {} {:?} {:?} ({})", r.rule().code(), r.span(), &cleaned.input()[r.span()], r.reason());
    }
    if out.is_empty() {
        out.push_str(" none");
    }
    out
}

/// Checks one document against a cleaner; returns a message per broken claim.
fn check(cleaner: &Cleaner, code: &str, doc: &Doc) -> Vec<String> {
    let cleaned = cleaner.clean(&doc.text);
    let mut failures = Vec::new();
    for range in &doc.removed {
        let covered = cleaned
            .removals()
            .iter()
            .any(|r| r.rule().code() == code && r.span().start <= range.start && range.end <= r.span().end);
        if !covered {
            failures.push(format!(
                "{code} must remove {:?}\n  in {:?}\n  removals:{}",
                &doc.text[range.clone()],
                doc.text,
                describe(&cleaned)
            ));
        }
    }
    for range in &doc.kept {
        for r in cleaned.removals() {
            if r.span().start < range.end && range.start < r.span().end {
                failures.push(format!(
                    "{code} case: {:?} must stay, but {} removed {:?} ({})\n  in {:?}",
                    &doc.text[range.clone()],
                    r.rule().code(),
                    &doc.text[r.span()],
                    r.reason(),
                    doc.text
                ));
            }
        }
    }
    failures
}

fn case_of(code: &str) -> &'static Case {
    CASES.iter().find(|c| c.rule == code).unwrap_or_else(|| panic!("no cases for {code} in CASES"))
}

fn fail_if_any(code: &str, what: &str, failures: Vec<String>) {
    assert!(failures.is_empty(), "{code}: {} {what} case(s) failed:\n{}", failures.len(), failures.join("\n"));
}

/// The rule removes every line and marked text of its `removes` and `docs`.
fn check_removes(code: &str) {
    let cleaner = Cleaner::new();
    let failures = documents(case_of(code))
        .iter()
        .map(|doc| Doc { text: doc.text.clone(), removed: doc.removed.clone(), kept: Vec::new() })
        .flat_map(|doc| check(&cleaner, code, &doc))
        .collect();
    fail_if_any(code, "removal", failures);
}

/// No rule touches the kept lines (and framing paragraphs) of the rule's cases.
fn check_keeps(code: &str) {
    let cleaner = Cleaner::new();
    let failures = documents(case_of(code))
        .iter()
        .map(|doc| Doc { text: doc.text.clone(), removed: Vec::new(), kept: doc.kept.clone() })
        .flat_map(|doc| check(&cleaner, code, &doc))
        .collect();
    fail_if_any(code, "keep", failures);
}

/// With the rule ignored, none of its positive cases is removed by it.
fn check_ignored(code: &str) {
    let cleaner = Cleaner::builder().ignore([code]).build().unwrap();
    assert!(cleaner.rules().all(|r| r.code() != code), "{code} still runs when ignored");
    let mut failures = Vec::new();
    for doc in documents(case_of(code)).iter().filter(|d| !d.removed.is_empty()) {
        let cleaned = cleaner.clean(&doc.text);
        for r in cleaned.removals().iter().filter(|r| r.rule().code() == code) {
            failures.push(format!("{code} is ignored but removed {:?}\n  in {:?}", &doc.text[r.span()], doc.text));
        }
    }
    fail_if_any(code, "ignore", failures);
}

/// One module of tests per rule: `rules::soc001::removes_its_cases` and so on.
macro_rules! per_rule_tests {
    ($($module:ident => $code:literal),* $(,)?) => {
        /// The codes that have generated tests.
        const TESTED_CODES: &[&str] = &[$($code),*];
        $(
            mod $module {
                #[test]
                fn removes_its_cases() {
                    super::check_removes($code);
                }

                #[test]
                fn keeps_article_lines_with_its_trigger_words() {
                    super::check_keeps($code);
                }

                #[test]
                fn removes_nothing_when_ignored() {
                    super::check_ignored($code);
                }
            }
        )*
    };
}

per_rule_tests! {
    nav001 => "NAV001",
    nav002 => "NAV002",
    nav003 => "NAV003",
    soc001 => "SOC001",
    soc002 => "SOC002",
    soc003 => "SOC003",
    byl001 => "BYL001",
    byl002 => "BYL002",
    byl003 => "BYL003",
    byl004 => "BYL004",
    med001 => "MED001",
    med002 => "MED002",
    med003 => "MED003",
    med004 => "MED004",
    tim001 => "TIM001",
    tim002 => "TIM002",
    tim003 => "TIM003",
    prm001 => "PRM001",
    prm002 => "PRM002",
    prm003 => "PRM003",
    rel001 => "REL001",
    rel002 => "REL002",
    src001 => "SRC001",
    leg001 => "LEG001",
    leg002 => "LEG002",
    adv001 => "ADV001",
    bpl001 => "BPL001",
    bpl002 => "BPL002",
    bpl003 => "BPL003",
    lay001 => "LAY001",
}

/// LAY002 has its own tests below; every other rule needs cases.
const UNTABLED: &[&str] = &["LAY002", "BPL004", "BPL005"];

#[test]
fn case_tables_name_valid_unique_rules() {
    for (table, cases) in [("CASES", CASES), ("REGRESSIONS", REGRESSIONS)] {
        let mut seen = Vec::new();
        for case in cases {
            let rule = RuleId::from_code(case.rule);
            assert!(
                rule.is_some_and(|r| r.code() == case.rule),
                "{table}: {:?} is not a rule code as the registry spells it",
                case.rule
            );
            assert!(!UNTABLED.contains(&case.rule), "{table}: {} is tested on its own", case.rule);
            assert!(!seen.contains(&case.rule), "{table}: {} has two entries", case.rule);
            seen.push(case.rule);
        }
    }
}

#[test]
fn every_rule_has_removal_and_keep_cases() {
    for rule in RuleId::all().filter(|r| !UNTABLED.contains(&r.code())) {
        let code = rule.code();
        let case = case_of(code);
        let docs = documents(case);
        let removes: usize = docs.iter().map(|d| d.removed.len()).sum();
        let keeps = case.keeps.len() + case.docs.iter().map(|d| parse_marked(d).kept.len()).sum::<usize>();
        assert!(removes >= 1, "{code} has no case it must remove");
        assert!(keeps >= 3, "{code} has {keeps} keep case(s); it needs at least 3");
        assert!(TESTED_CODES.contains(&code), "{code} has no generated tests in per_rule_tests!");
    }
    assert_eq!(TESTED_CODES.len(), CASES.len(), "per_rule_tests! and CASES list different rules");
}

#[test]
fn case_documents_parse() {
    let doc = parse_marked("a [-bc-] d [+e+] [x]");
    assert_eq!(doc.text, "a bc d e [x]");
    assert_eq!(doc.removed, vec![2..4]);
    assert_eq!(doc.kept, vec![7..8]);
    let (framed, range) = frame("Share");
    assert_eq!(&framed.text[range], "Share");
    assert_eq!(&framed.text[framed.kept[0].clone()], BEFORE);
    assert_eq!(&framed.text[framed.kept[1].clone()], AFTER);
}

/// Once-wrong cases stay fixed.
#[test]
fn regressions_stay_fixed() {
    let cleaner = Cleaner::new();
    let mut failures = Vec::new();
    for case in REGRESSIONS {
        for doc in documents(case) {
            failures.extend(check(&cleaner, case.rule, &doc));
        }
    }
    assert!(failures.is_empty(), "{} regression(s):\n{}", failures.len(), failures.join("\n"));
}

#[test]
fn lay002_collapses_blank_runs_and_drops_leading_blank_lines() {
    let input = "\n\nThe council met on Tuesday to discuss the budget.\n\n\n\nMembers voted 7-2 to approve the plan.\n";
    let cleaned = Cleaner::new().clean(input);
    assert_eq!(
        cleaned.text(),
        "The council met on Tuesday to discuss the budget.\n\nMembers voted 7-2 to approve the plan.\n",
        "LAY002: removals:{}",
        describe(&cleaned)
    );
    assert!(
        cleaned.removals().iter().all(|r| r.rule().code() == "LAY002" && input[r.span()].trim().is_empty()),
        "LAY002 must make every removal here, and only of blank lines:{}",
        describe(&cleaned)
    );
}

#[test]
fn lay002_keeps_a_single_blank_line_between_paragraphs() {
    let input = "The council met on Tuesday to discuss the budget.\n\nMembers voted 7-2 to approve the plan.\n";
    let cleaned = Cleaner::new().clean(input);
    assert!(cleaned.is_unchanged(), "LAY002: a single blank line between paragraphs must stay:{}", describe(&cleaned));
}
