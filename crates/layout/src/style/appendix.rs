//! Appendices (Decree 30 App. I §III.1) and the contact footer (box 13, §III.4).

use super::body;
use super::header::{centred_rule, piece_runs};
use super::rules::*;
use super::text::{balanced_lines, face, lines_to_runs, sentence_case, text, upper, widest};
use super::{Ctx, bump_space_before};
use crate::flow::RegionKind;
use crate::flow::{Align, Block, Para, Role, RuleBlock, Run, Section};
use crate::pages::Region;
use vanban_model::format::{
    BlankKind, DAY_BLANK_SPACES, MONTH_BLANK_SPACES, NUMBER_BLANK_SPACES, Piece, YEAR_BLANK_SPACES,
    day_text, month_text, number_text, roman,
};
use vanban_model::{Appendix, Document, PartialDate};

/// The heading of appendix `index` of `count` (App. I §III.1.a–b): "Phụ lục
/// I", "Phụ lục II" … when there are two or more, "Phụ lục" alone for one.
pub fn appendix_heading(index: usize, count: usize) -> String {
    if count >= 2 {
        format!(
            "{APPENDIX_WORD} {}",
            roman(u32::try_from(index + 1).unwrap_or(u32::MAX))
        )
    } else {
        APPENDIX_WORD.to_string()
    }
}

/// Administrative-unit nouns after which a name follows (Decree 30 App. II §III.1).
const UNIT_NOUNS: [&str; 8] = [
    "xã",
    "phường",
    "thị trấn",
    "huyện",
    "quận",
    "thị xã",
    "thành phố",
    "tỉnh",
];

/// Organisation-kind nouns that open an issuer's name (App. II §II: the
/// kind is capitalised, then the first word of each name of a function or
/// field: "Phòng Kinh tế và Hạ tầng", "Sở Tài nguyên và Môi trường").
/// Longest first, so "văn phòng" wins over "phòng".
const ORGAN_NOUNS: [&str; 18] = [
    "kho bạc nhà nước",
    "văn phòng",
    "bệnh viện",
    "thanh tra",
    "trung tâm",
    "tổng cục",
    "chi cục",
    "công an",
    "ban quản lý",
    "phòng",
    "trường",
    "viện",
    "sở",
    "bộ",
    "ban",
    "cục",
    "vụ",
    "đài",
];

/// Whether a word is an abbreviation kept as written ("UBND", "HĐND"):
/// all capitals and not one Vietnamese syllable (onset, vowels, final).
fn is_abbreviation(word: &str) -> bool {
    const VOWELS: &str = "aăâeêioôơuưyáàảãạắằẳẵặấầẩẫậéèẻẽẹếềểễệíìỉĩịóòỏõọốồổỗộớờởỡợúùủũụứừửữựýỳỷỹỵ";
    const ONSETS: [&str; 28] = [
        "", "b", "c", "ch", "d", "đ", "g", "gh", "gi", "h", "k", "kh", "l", "m", "n", "ng", "ngh",
        "nh", "p", "ph", "q", "r", "s", "t", "th", "tr", "v", "x",
    ];
    const FINALS: [&str; 9] = ["", "c", "ch", "m", "n", "ng", "nh", "p", "t"];
    if word.chars().count() < 2 || word.chars().any(char::is_lowercase) {
        return false;
    }
    let w = word.to_lowercase();
    let is_vowel = |c: char| VOWELS.contains(c);
    let Some(start) = w.find(is_vowel) else {
        return true;
    };
    let after = &w[start..];
    let end = after.find(|c: char| !is_vowel(c)).unwrap_or(after.len());
    let (onset, fin) = (&w[..start], &after[end..]);
    !(ONSETS.contains(&onset) && FINALS.contains(&fin))
}

/// Capitalises the first letter of a lower-case word.
fn capitalise(w: &str) -> String {
    let mut c = w.chars();
    match c.next() {
        Some(f) => f.to_uppercase().chain(c).collect(),
        None => String::new(),
    }
}

/// The issuer's name for running text ("… của Ủy ban nhân dân xã An Hiệp"),
/// in the case of App. II §II–III: the issuer's own `normal_name` when
/// given; a name with lower-case letters as given; an all-capitals name
/// put in normal case: "ỦY BAN NHÂN DÂN …" / "HỘI ĐỒNG NHÂN DÂN …" with
/// the body name capitalised once, the unit noun lower case and the place
/// name capitalised per word; an organisation ("PHÒNG KINH TẾ VÀ HẠ TẦNG")
/// with its kind noun, the first word of each field (after the kind and
/// after "và") and a place name after a unit noun capitalised, the rest
/// lower case, abbreviations ("UBND") kept.
pub fn issuer_in_text(name: &str) -> String {
    let one_line = name.split_whitespace().collect::<Vec<_>>().join(" ");
    let is_caps = one_line.chars().all(|c| !c.is_lowercase());
    if !is_caps {
        return one_line;
    }
    let lower = one_line.to_lowercase();
    let prefix = ["ủy ban nhân dân ", "hội đồng nhân dân "]
        .into_iter()
        .find(|p| lower.starts_with(p));
    let Some(prefix) = prefix else {
        return organisation_in_text(&one_line);
    };
    let rest = &lower[prefix.len()..];
    let Some(unit) = UNIT_NOUNS
        .iter()
        .find(|u| rest.starts_with(&format!("{u} ")))
    else {
        return organisation_in_text(&one_line);
    };
    let place: Vec<String> = rest[unit.len()..]
        .split_whitespace()
        .map(sentence_case)
        .collect();
    format!(
        "{} {unit} {}",
        sentence_case(prefix.trim_end()),
        place.join(" ")
    )
}

/// An all-capitals organisation name in normal case (see [`issuer_in_text`]).
fn organisation_in_text(one_line: &str) -> String {
    let words: Vec<&str> = one_line.split(' ').collect();
    let lower: Vec<String> = words.iter().map(|w| w.to_lowercase()).collect();
    let joined = lower.join(" ");
    let kind_len = ORGAN_NOUNS
        .iter()
        .find(|k| joined == **k || joined.starts_with(&format!("{k} ")))
        .map(|k| k.split(' ').count());
    let Some(kind_len) = kind_len else {
        // Not a kind we know: capitalise only the first word.
        return sentence_case(one_line);
    };
    let mut out = Vec::with_capacity(words.len());
    let mut cap_next = true;
    let mut in_place = false;
    let mut i = 0;
    while i < words.len() {
        let w = &lower[i];
        // A unit noun ("huyện", "thị xã") starts a place name.
        if let Some(u) = UNIT_NOUNS.iter().find(|u| {
            let n = u.split(' ').count();
            i >= kind_len && lower.get(i..i + n).is_some_and(|s| s.join(" ") == **u)
        }) {
            let n = u.split(' ').count();
            out.extend(lower[i..i + n].iter().cloned());
            i += n;
            in_place = true;
            continue;
        }
        let word = if is_abbreviation(words[i]) {
            words[i].to_string()
        } else if i == 0 || cap_next || in_place {
            capitalise(w)
        } else {
            w.clone()
        };
        out.push(word);
        cap_next = i + 1 == kind_len || w == "và";
        i += 1;
    }
    out.join(" ")
}

/// The reference line (App. I §III.1.c; App. III Mẫu 2.1): "(Kèm theo
/// <Type> số <number>/<symbol> ngày <dd> tháng <m> năm <yyyy> của <issuer>)",
/// with blanks for what the clerk fills in.
///
/// `unfilled` leaves the number and the date blank even when the document
/// gives them: an appendix issued as its own file shows them in its
/// signature information instead (App. I §III.1.c; App. III Mẫu 2.2).
pub fn reference_pieces(doc: &Document, unfilled: bool) -> Vec<Piece> {
    let type_name = doc
        .doc_type
        .printed_name()
        .map(sentence_case)
        .unwrap_or_else(|| "Văn bản".into());
    let mut v = vec![Piece::Text(format!("(Kèm theo {type_name} số "))];
    let (number, date) = if unfilled {
        (None, PartialDate::default())
    } else {
        (doc.number, doc.date)
    };
    match number {
        Some(n) => v.push(Piece::Text(number_text(n))),
        None => v.push(Piece::Blank(BlankKind::Number, NUMBER_BLANK_SPACES)),
    }
    v.push(Piece::Text(format!("/{} ngày ", doc.symbol)));
    match date.day {
        Some(d) => v.push(Piece::Text(day_text(d))),
        None => v.push(Piece::Blank(BlankKind::Day, DAY_BLANK_SPACES)),
    }
    v.push(Piece::Text(" tháng ".into()));
    match date.month {
        Some(m) => v.push(Piece::Text(month_text(m))),
        None => v.push(Piece::Blank(BlankKind::Month, MONTH_BLANK_SPACES)),
    }
    v.push(Piece::Text(" năm ".into()));
    match date.year {
        Some(y) => v.push(Piece::Text(y.to_string())),
        None => v.push(Piece::Blank(BlankKind::Year, YEAR_BLANK_SPACES)),
    }
    v.push(Piece::Text(format!(
        " của {})",
        doc.issuer
            .normal_name
            .clone()
            .unwrap_or_else(|| issuer_in_text(&doc.issuer.name))
    )));
    // Merge adjacent text pieces.
    let mut out: Vec<Piece> = Vec::with_capacity(v.len());
    for p in v {
        match (out.last_mut(), p) {
            (Some(Piece::Text(a)), Piece::Text(b)) => a.push_str(&b),
            (_, p) => out.push(p),
        }
    }
    out
}

/// The reference line's runs (14 pt italic). A line too long for the text
/// block breaks before "của <issuer>", so that the issuer stays whole on the
/// second line instead of a full first line and a stray word or two.
fn reference_runs(cx: &mut Ctx, pieces: &[Piece], width: f32) -> Vec<Run> {
    // Its blanks stay unfilled: no stamp regions.
    let runs = |p: &[Piece]| piece_runs(p, (false, true, APPENDIX_REF_SIZE), false);
    let flat: String = pieces
        .iter()
        .map(|p| match p {
            Piece::Text(t) => t.clone(),
            Piece::Blank(_, n) => " ".repeat(*n as usize),
        })
        .collect();
    let italic = face(false, true);
    if cx.sh.width(italic, APPENDIX_REF_SIZE, &flat) <= width {
        return runs(pieces);
    }
    let split = pieces.iter().enumerate().rev().find_map(|(i, p)| match p {
        Piece::Text(t) => t.rfind(" của ").map(|at| (i, at)),
        Piece::Blank(..) => None,
    });
    let Some((i, at)) = split else {
        return runs(pieces);
    };
    let Piece::Text(t) = &pieces[i] else {
        return runs(pieces);
    };
    let mut first = pieces[..i].to_vec();
    if at > 0 {
        first.push(Piece::Text(t[..at].to_owned()));
    }
    let mut out = runs(&first);
    out.push(Run::LineBreak);
    let mut second = vec![Piece::Text(t[at + 1..].to_owned())];
    second.extend_from_slice(&pieces[i + 1..]);
    out.extend(runs(&second));
    out
}

/// The organisation's signature box on the first page of an appendix issued
/// as its own file (App. I §II.8.b, §III.1.d): at the top right, in the top
/// margin, its right edge on the text block's and its bottom
/// [`ATTACHMENT_SIGNATURE_GAP_MM`] above the text block.
pub fn attachment_signature_region(page: &crate::flow::PageGeometry) -> Region {
    let w = mm(ATTACHMENT_SIGNATURE_WIDTH_MM);
    let h = mm(ATTACHMENT_SIGNATURE_HEIGHT_MM);
    Region {
        kind: RegionKind::AttachmentSignature,
        x: page.width - page.margin_right - w,
        y: (page.margin_top - mm(ATTACHMENT_SIGNATURE_GAP_MM) - h).max(0.0),
        w,
        h,
    }
}

/// One appendix as its own section, page numbers from its second page
/// (App. I §III.1.đ): the heading, the title (upper case 14 pt bold,
/// balanced), the reference line (14 pt italic centred) and a short rule
/// ([`TITLE_RULE_RATIO`] of the title), then the body. An appendix issued
/// as its own file ([`Appendix::separate_file`], Mẫu 2.2) leaves its
/// reference line unfilled and has the organisation's signature box on its
/// first page ([`attachment_signature_region`]).
pub(crate) fn appendix(cx: &mut Ctx, a: &Appendix, index: usize, count: usize) -> Section {
    let path = format!("appendices[{index}]");
    let tw = cx.text_width();
    let bold = face(true, false);
    let pitch = line_pitch(APPENDIX_SIZE);
    let mut blocks = Vec::new();
    let heading = appendix_heading(index, count);
    let mut rule_over = cx.sh.width(bold, APPENDIX_SIZE, &heading);
    let mut p = Para::new(
        vec![text(&heading, true, false, APPENDIX_SIZE)],
        Align::Center,
        pitch,
        path.clone(),
        Role::Title,
    );
    p.keep_with_next = true;
    blocks.push(Block::Para(p));
    if let Some(t) = a.title.as_deref().filter(|t| !t.trim().is_empty()) {
        let lines = balanced_lines(
            &mut cx.sh,
            bold,
            APPENDIX_SIZE,
            &upper(t.trim()),
            round_to_twips(TITLE_MAX_LINE_RATIO * tw),
        );
        rule_over = widest(&mut cx.sh, bold, APPENDIX_SIZE, &lines);
        let mut p = Para::new(
            lines_to_runs(&lines, true, false, APPENDIX_SIZE),
            Align::Center,
            pitch,
            format!("{path}.title"),
            Role::Title,
        );
        p.keep_with_next = true;
        blocks.push(Block::Para(p));
    }
    let mut r = Para::new(
        reference_runs(cx, &reference_pieces(cx.doc, a.separate_file), tw),
        Align::Center,
        line_pitch(APPENDIX_REF_SIZE),
        path.clone(),
        Role::Title,
    );
    r.keep_with_next = true;
    blocks.push(Block::Para(r));
    blocks.push(centred_rule(
        tw,
        round_to_twips(TITLE_RULE_RATIO * rule_over),
        RULE_BLOCK_HEIGHT,
    ));
    let start = blocks.len();
    body::blocks(cx, &a.body, &mut blocks);
    bump_space_before(&mut blocks, start, AFTER_TITLE_GAP);
    Section {
        blocks,
        page_numbers: true,
        first_page_footer: Vec::new(),
        first_page_regions: if a.separate_file {
            vec![attachment_signature_region(&cx.page)]
        } else {
            Vec::new()
        },
        page: a.landscape.then_some(cx.page),
    }
}

/// Box 13 (App. I §III.4; App. I Mục V row 12): on the first page only, a
/// full-width rule, then 11 pt lines "Địa chỉ: …", "ĐT: …, Fax: …",
/// "E-Mail: …, Website: …" (only the parts given).
pub(crate) fn contact_footer(cx: &mut Ctx) -> Vec<Block> {
    let Some(c) = &cx.doc.contact else {
        return Vec::new();
    };
    let join = |parts: [(&str, &Option<String>); 2]| -> Option<String> {
        let v: Vec<String> = parts
            .iter()
            .filter_map(|(k, v)| {
                v.as_deref()
                    .map(str::trim)
                    .filter(|s| !s.is_empty())
                    .map(|s| format!("{k}: {s}"))
            })
            .collect();
        (!v.is_empty()).then(|| v.join(", "))
    };
    let lines: Vec<String> = [
        c.address
            .as_deref()
            .map(str::trim)
            .filter(|s| !s.is_empty())
            .map(|a| format!("Địa chỉ: {a}")),
        join([("ĐT", &c.phone), ("Fax", &c.fax)]),
        join([("E-Mail", &c.email), ("Website", &c.website)]),
    ]
    .into_iter()
    .flatten()
    .collect();
    if lines.is_empty() {
        return Vec::new();
    }
    let mut out = vec![Block::Rule(RuleBlock {
        height: 1.0,
        indent_left: 0.0,
        indent_right: 0.0,
        thickness: RULE_THICKNESS,
        keep_with_next: true,
    })];
    for (i, l) in lines.iter().enumerate() {
        let mut p: Para = Para::new(
            vec![text(l, false, false, CONTACT_SIZE)],
            Align::Left,
            line_pitch(CONTACT_SIZE),
            "contact".into(),
            Role::Form,
        );
        p.space_before = if i == 0 { 2.0 } else { 0.0 };
        p.widow_control = false;
        out.push(Block::Para(p));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::issuer_in_text;

    /// Issue 12 item 7: App. II capitalisation of issuers in running text.
    #[test]
    fn issuer_names_in_normal_case() {
        for (caps, normal) in [
            ("ỦY BAN NHÂN DÂN XÃ BA TÔ", "Ủy ban nhân dân xã Ba Tô"),
            ("PHÒNG KINH TẾ VÀ HẠ TẦNG", "Phòng Kinh tế và Hạ tầng"),
            (
                "SỞ TÀI NGUYÊN VÀ MÔI TRƯỜNG TỈNH QUẢNG NGÃI",
                "Sở Tài nguyên và Môi trường tỉnh Quảng Ngãi",
            ),
            ("PHÒNG NỘI VỤ HUYỆN BA TƠ", "Phòng Nội vụ huyện Ba Tơ"),
            ("VĂN PHÒNG HĐND VÀ UBND", "Văn phòng HĐND và UBND"),
            ("TRUNG TÂM Y TẾ", "Trung tâm Y tế"),
            ("Phòng Kinh tế", "Phòng Kinh tế"),
            ("HỢP TÁC XÃ AN PHÚ", "Hợp tác xã an phú"),
        ] {
            assert_eq!(issuer_in_text(caps), normal, "{caps}");
        }
    }
}
