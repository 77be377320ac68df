//! Line breaking and line layout of the typesetter.

mod paginate_util;

use paginate_util::*;
use vanban_layout::flow::*;
use vanban_layout::pages::Item;

const LEFT: f32 = 20.0;
const RIGHT: f32 = 280.0;

#[test]
fn justified_lines_end_at_the_right_edge_except_the_last() {
    let f = flow(vec![section(vec![Block::Para(para(
        &words(60),
        Align::Justify,
    ))])]);
    let pages = run(&f);
    let ls: Vec<_> = pages.pages.iter().flat_map(lines).collect();
    assert!(ls.len() >= 4, "{ls:?}");
    for l in &ls[..ls.len() - 1] {
        assert!((l.x1 - LEFT).abs() < 0.01, "{l:?}");
        assert!(
            (l.x2 - RIGHT).abs() < 0.01,
            "line does not reach the right edge: {l:?}"
        );
    }
    let last = ls.last().unwrap();
    assert!(last.x2 < RIGHT - 1.0, "last line is stretched: {last:?}");
    // One PlacedText per line of regular text, spaces included in its text.
    let t = texts(&pages.pages[0]);
    assert_eq!(t.len(), lines(&pages.pages[0]).len());
    assert!(t[0].text.contains(' '));
    // Words come back in order, with single spaces.
    let joined: Vec<String> = ls.iter().map(|l| l.text.clone()).collect();
    assert_eq!(joined.join(" "), words(60));
}

#[test]
fn glyph_ranges_cover_the_text() {
    let f = flow(vec![section(vec![Block::Para(para(
        &words(40),
        Align::Justify,
    ))])]);
    let pages = run(&f);
    for t in texts(&pages.pages[0]) {
        let mut end = 0;
        for g in &t.glyphs {
            assert!(g.range.start <= g.range.end && g.range.end <= t.text.len());
            assert!(t.text.is_char_boundary(g.range.start) && t.text.is_char_boundary(g.range.end));
            assert!(g.range.start >= end || g.range.start == end.saturating_sub(g.range.len()));
            end = end.max(g.range.end);
        }
        assert_eq!(end, t.text.len(), "{:?}", t.text);
    }
}

#[test]
fn line_break_lines_are_not_stretched() {
    let runs = vec![text(&words(8)), Run::LineBreak, text(&words(30))];
    let f = flow(vec![section(vec![Block::Para(para_runs(
        runs,
        Align::Justify,
    ))])]);
    let ls = lines(&run(&f).pages[0]);
    assert_eq!(ls[0].text, words(8));
    assert!(ls[0].x2 < RIGHT - 10.0, "{:?}", ls[0]);
    assert!((ls[1].x2 - RIGHT).abs() < 0.01);
}

#[test]
fn first_line_indent_and_alignment() {
    let mut p = para(&words(40), Align::Left);
    p.indent_first = 30.0;
    p.indent_left = 10.0;
    let mut c = para("giữa", Align::Center);
    c.indent_right = 40.0;
    let r = para("phải", Align::Right);
    let f = flow(vec![section(vec![
        Block::Para(p),
        Block::Para(c),
        Block::Para(r),
    ])]);
    let ls = lines(&run(&f).pages[0]);
    assert!((ls[0].x1 - (LEFT + 40.0)).abs() < 0.01, "{:?}", ls[0]);
    assert!((ls[1].x1 - (LEFT + 10.0)).abs() < 0.01, "{:?}", ls[1]);
    for l in &ls[..ls.len() - 2] {
        assert!(l.x2 <= RIGHT + 0.01);
    }
    let centre = &ls[ls.len() - 2];
    let mid = (LEFT + RIGHT - 40.0) / 2.0;
    assert!(
        ((centre.x1 + centre.x2) / 2.0 - mid).abs() < 0.01,
        "{centre:?}"
    );
    let right = &ls[ls.len() - 1];
    assert!((right.x2 - RIGHT).abs() < 0.01, "{right:?}");
}

#[test]
fn no_break_inside_a_document_number() {
    // Fill lines so that the number falls across the right edge somewhere.
    for pad in 0..25 {
        let s = format!(
            "{} theo Nghị định số 30/2020/NĐ-CP ngày 05 tháng 3",
            words(pad)
        );
        let f = flow(vec![section(vec![Block::Para(para(&s, Align::Justify))])]);
        let pages = run(&f);
        let ls = lines(&pages.pages[0]);
        assert!(
            ls.iter()
                .any(|l| l.text.split(' ').any(|w| w == "30/2020/NĐ-CP")),
            "number broken with {pad} words: {ls:?}"
        );
    }
}

#[test]
fn an_overlong_token_is_broken_within_the_width() {
    let long = "https://congbao.chinhphu.vn/van-ban/nghi-dinh-30-2020-nd-cp-ve-cong-tac-van-thu-"
        .repeat(3);
    let s = format!("Xem {long} và tiếp");
    let f = flow(vec![section(vec![Block::Para(para(&s, Align::Justify))])]);
    let ls = lines(&run(&f).pages[0]);
    assert!(ls.len() >= 4, "{ls:?}");
    for l in &ls {
        // Only a hyphen may hang past the edge (LibreOffice keeps an
        // overflowing hyphen on the line).
        assert!(
            l.x2 <= RIGHT + 0.01 || (l.text.ends_with('-') && l.x2 <= RIGHT + 5.0),
            "overflow: {l:?}"
        );
    }
    let all: String = ls
        .iter()
        .map(|l| l.text.as_str())
        .collect::<Vec<_>>()
        .join("|");
    // The token is too long for any line: it starts after "Xem " and
    // breaks after its last hyphen that fits (LibreOffice with the plain
    // hyphens the DOCX has for such a word), not moved to a line of its own.
    assert!(
        all.starts_with("Xem https://") && all.split('|').next().is_some_and(|l| l.ends_with('-')),
        "the token starts on the first line and breaks after a hyphen: {all}"
    );
    assert_eq!(all.replace(['|', ' '], ""), s.replace(' ', ""));
}

#[test]
fn combining_marks_stay_with_their_base() {
    // Decomposed "ế" = e + U+0302 + U+0301, repeated with no spaces.
    let tok = "e\u{302}\u{301}".repeat(80);
    let f = flow(vec![section(vec![Block::Para(para(&tok, Align::Left))])]);
    let ls = lines(&run(&f).pages[0]);
    assert!(ls.len() >= 2);
    for l in &ls {
        assert!(
            l.text.starts_with('e') && l.text.ends_with('\u{301}'),
            "{l:?}"
        );
        assert!(l.x2 <= RIGHT + 0.01);
    }
}

#[test]
fn mixed_styles_inside_a_word_do_not_break() {
    let bold = Run::Text(TextRun {
        text: "Điều".to_string(),
        style: FontStyle {
            bold: true,
            italic: false,
        },
        size: SIZE,
    });
    let it = Run::Text(TextRun {
        text: "khoản ".to_string(),
        style: FontStyle {
            bold: false,
            italic: true,
        },
        size: SIZE,
    });
    let mut runs = Vec::new();
    for _ in 0..20 {
        runs.push(bold.clone());
        runs.push(it.clone());
    }
    let f = flow(vec![section(vec![Block::Para(para_runs(
        runs,
        Align::Justify,
    ))])]);
    let pages = run(&f);
    let t = texts(&pages.pages[0]);
    // Every line starts with the bold half.
    let mut ys: Vec<f32> = t.iter().map(|t| t.y).collect();
    ys.dedup_by(|a, b| (*a - *b).abs() < 0.01);
    for y in ys {
        let first = t
            .iter()
            .filter(|t| (t.y - y).abs() < 0.01)
            .min_by(|a, b| a.x.total_cmp(&b.x))
            .unwrap();
        assert_eq!(first.text, "Điều", "{t:?}");
    }
}

#[test]
fn blank_region_has_the_blank_width() {
    let runs = vec![
        text("Số:"),
        Run::Blank(Blank {
            spaces: 8,
            style: FontStyle::default(),
            size: 13.0,
            region: Some(RegionKind::NumberBlank),
        }),
        text("/BC-UBND"),
    ];
    let f = flow(vec![section(vec![Block::Para(para_runs(
        runs,
        Align::Center,
    ))])]);
    let pages = run(&f);
    let page = &pages.pages[0];
    let r = page
        .regions
        .iter()
        .find(|r| r.kind == RegionKind::NumberBlank)
        .expect("region");
    let space = vanban_layout::fonts::Shaper::new(fonts()).width(
        vanban_layout::fonts::FontId::Regular,
        13.0,
        " ",
    );
    assert!((r.w - 8.0 * space).abs() < 0.01, "{r:?}");
    assert!(
        (r.y - 20.0).abs() < 0.01 && (r.h - LH).abs() < 0.01,
        "{r:?}"
    );
    // The blank sits between "Số:" and "/BC-UBND".
    let so = texts(page).into_iter().find(|t| t.text == "Số:").unwrap();
    assert!((so.x + so.width() - r.x).abs() < 0.01);
    let rest = texts(page)
        .into_iter()
        .find(|t| t.text.ends_with("/BC-UBND"))
        .unwrap();
    assert!((rest.x + rest.width() - (r.x + r.w + rest.width() - 0.0)).abs() < 60.0);
}

#[test]
fn baseline_sits_on_the_descender() {
    let f = flow(vec![section(vec![Block::Para(para(
        "Một dòng",
        Align::Left,
    ))])]);
    let pages = run(&f);
    let t = &texts(&pages.pages[0])[0];
    let d = fonts().descender(vanban_layout::fonts::FontId::Regular) * SIZE;
    assert!(
        (t.y - (20.0 + LH - d)).abs() < 0.001,
        "{} vs {}",
        t.y,
        20.0 + LH - d
    );
}

#[test]
fn footnote_mark_is_raised_and_joined_to_its_word() {
    let note = vec![para_runs(
        vec![
            Run::FootnoteMark(Mark {
                number: 1,
                size: 8.0,
                rise: 4.0,
            }),
            text(" Ghi chú."),
        ],
        Align::Justify,
    )];
    let runs = vec![
        text(&format!("{} cuối", words(7))),
        Run::FootnoteRef(FootnoteRef {
            mark: Mark {
                number: 1,
                size: 8.0,
                rise: 4.0,
            },
            note,
        }),
        text(" tiếp theo"),
    ];
    let f = flow(vec![section(vec![Block::Para(para_runs(
        runs,
        Align::Justify,
    ))])]);
    let pages = run(&f);
    let page = &pages.pages[0];
    let items = texts(page);
    let m = items
        .iter()
        .find(|t| t.text == "1" && t.size == 8.0 && t.y < 100.0)
        .expect("mark");
    let word = items.iter().find(|t| t.text.contains("cuối")).unwrap();
    assert!((m.y - (word.y - 4.0)).abs() < 0.001);
    let dx = word.x + word.width();
    assert!(
        (m.x - dx).abs() < 0.01,
        "mark right after the word: {} vs {dx}",
        m.x
    );
    let _ = Item::Text((*m).clone());
}

/// The lines of one left-aligned paragraph set `width` points wide.
fn lines_at(s: &str, width: f32) -> Vec<String> {
    let mut p = para(s, Align::Left);
    p.indent_right = (RIGHT - LEFT) - width;
    let f = flow(vec![section(vec![Block::Para(p)])]);
    lines(&run(&f).pages[0])
        .into_iter()
        .map(|l| l.text)
        .collect()
}

/// The natural width of `s` on one line.
fn width_of(s: &str) -> f32 {
    let f = flow(vec![section(vec![Block::Para(para(s, Align::Left))])]);
    let ls = lines(&run(&f).pages[0]);
    assert_eq!(ls.len(), 1, "{s} on one line");
    ls[0].x2 - ls[0].x1
}

#[test]
fn an_overflowing_hyphen_stays_at_the_end_of_the_line() {
    // Issue 12 item 9: in an over-long word, LibreOffice keeps the hyphen
    // that overflows on the line ("…va-mien-" / "nui-…"), where the
    // typesetter used to start the next line with it ("…va-mien" / "-nui").
    let head = "chinhsachhotrodongbao";
    let w = width_of(head) + 1.0;
    let got = lines_at(&format!("{head}-dantocthieuso"), w);
    assert_eq!(got, vec![format!("{head}-"), "dantocthieuso".to_string()]);
}

#[test]
fn an_overlong_url_breaks_after_a_slash_before_a_letter() {
    // LibreOffice breaks "https://baochinhphu.vn/" | "chinhsach…" when the
    // address starts a line and does not fit (its line-break rules allow a
    // break between "/" and a letter), not at the character that overflows.
    let url = "https://baochinhphu.vn/chinhsachhotrodongbaodantocthieusovamiennui";
    let w = width_of("https://baochinhphu.vn/chinhsachhotro");
    let got = lines_at(url, w);
    assert_eq!(got[0], "https://baochinhphu.vn/");
    assert_eq!(got.concat(), url);
}

#[test]
fn no_slash_break_after_a_digit_and_a_later_hyphen_wins() {
    // "145/2020/NĐ…" is a number to the line-break rules: it breaks at the
    // character that overflows.
    let sym = "145/2020/NĐCPUBNDKSTTHCVPUBNDTTHC";
    let w = width_of("145/2020/NĐCPUB");
    let got = lines_at(sym, w);
    assert_eq!(got[0], "145/2020/NĐCPUB");
    // An over-long word's hyphens are plain in the DOCX: LibreOffice breaks
    // after the last hyphen that fits, after the last slash ("…/chinh-" |
    // "sach…"), not at the character that overflows.
    let url = "https://baochinhphu.vn/chinh-sachhotrodongbaodantocthieuso";
    let w = width_of("https://baochinhphu.vn/chinh-sachhotro") + 0.5;
    let got = lines_at(url, w);
    assert_eq!(got[0], "https://baochinhphu.vn/chinh-");
    assert_eq!(got.concat(), url);
    // Only the paragraph's first word: after a space the address breaks
    // at the character that overflows.
    let url = "https://baochinhphu.vn/chinhsachhotrodongbaodantocthieuso";
    let w = width_of("https://baochinhphu.vn/chinhsachhotro") + 0.5;
    let got = lines_at(&format!("Xem {url}"), w);
    assert_eq!(got[0], "Xem");
    assert_eq!(got[1], "https://baochinhphu.vn/chinhsachhotro");
}

#[test]
fn an_overlong_url_after_a_space_breaks_after_its_hyphens() {
    // cong-van-url.json's footnote, measured: "Toàn văn bài viết: https://…-va-"
    // | "mien-…-gia-" | "1022…": the address too long for any line starts on
    // the line of the words before it and every line breaks after its last
    // hyphen that fits (not after a slash: a space comes before it).
    let url = "https://baochinhphu.vn/chinh-sach-ho-tro-dong-bao-mien-nui-giai-doan-hai-nghin-hai-muoi-mot-den-hai-nghin-ba-muoi";
    let w = width_of("Xem https://baochinhphu.vn/chinh-sach-ho-tro") + 0.5;
    let got = lines_at(&format!("Xem {url}"), w);
    assert_eq!(got[0], "Xem https://baochinhphu.vn/chinh-sach-ho-");
    assert!(
        got[1].starts_with("tro-") && got[1].ends_with('-'),
        "{got:?}"
    );
    assert_eq!(got.concat(), format!("Xem {url}"));
    // A word that fits on a line still moves whole.
    let sym = "12/KH-UBND-VP";
    let w = width_of("Xem 12/KH-") + 0.5;
    let got = lines_at(&format!("Xem {sym}"), w.max(width_of(sym) + 0.5));
    assert_eq!(got, vec!["Xem".to_string(), sym.to_string()]);
}
