//! Box 5a (type name and summary), box 9a (Kính gửi) and the preamble of a
//! decision (authority line, căn cứ, "QUYẾT ĐỊNH:").

use super::Ctx;
use super::header::centred_rule;
use super::rules::*;
use super::text::{balanced_lines, face, lines_to_runs, text, upper, widest};
use crate::flow::{Align, Block, Para, Role, Run};
use vanban_model::DocType;

/// Box 5a (Decree 30 App. I §II.5.b): the type name (upper case 14 pt bold,
/// centred), the summary (14 pt bold, centred, balanced lines no wider than
/// [`TITLE_MAX_LINE_RATIO`] of the text width) and a centred rule
/// [`TITLE_RULE_RATIO`] of the summary's longest line. A công văn prints no
/// type name; its summary is the header's "V/v" line (box 5b).
pub(crate) fn title_block(cx: &mut Ctx, out: &mut Vec<Block>) {
    let Some(name) = cx.doc.doc_type.printed_name() else {
        return;
    };
    let bold = face(true, false);
    let tw = cx.text_width();
    let pitch = line_pitch(TITLE_SIZE);
    let mut p = Para::new(
        vec![text(name, true, false, TITLE_SIZE)],
        Align::Center,
        pitch,
        "type".into(),
        Role::Title,
    );
    p.space_before = TITLE_SPACE_BEFORE;
    p.keep_with_next = true;
    out.push(Block::Para(p));
    let mut rule_over = cx.sh.width(bold, TITLE_SIZE, name);
    if let Some(title) = cx.doc.title.as_deref().filter(|t| !t.trim().is_empty()) {
        let lines = balanced_lines(
            &mut cx.sh,
            bold,
            TITLE_SIZE,
            title.trim(),
            round_to_twips(TITLE_MAX_LINE_RATIO * tw),
        );
        rule_over = widest(&mut cx.sh, bold, TITLE_SIZE, &lines);
        let mut p = Para::new(
            lines_to_runs(&lines, true, false, TITLE_SIZE),
            Align::Center,
            pitch,
            "title".into(),
            Role::Title,
        );
        p.keep_with_next = true;
        out.push(Block::Para(p));
    }
    out.push(centred_rule(
        tw,
        round_to_twips(TITLE_RULE_RATIO * rule_over),
        RULE_BLOCK_HEIGHT,
    ));
}

/// Box 9a (Decree 30 App. I §II.9.b–d): "Kính gửi:" at
/// [`KINH_GUI_INDENT_MM`] from the margin, body size regular. One recipient
/// runs on ("Kính gửi: X."), wrapped lines hanging after "Kính gửi: ";
/// several go one per line "- X;" with the dash under the colon's end, the
/// last ending ".".
pub(crate) fn kinh_gui(cx: &mut Ctx, out: &mut Vec<Block>) {
    let to: Vec<&str> = cx
        .doc
        .to
        .iter()
        .map(|s| s.trim())
        .filter(|s| !s.is_empty())
        .collect();
    if to.is_empty() {
        return;
    }
    let size = cx.size;
    let start = mm(KINH_GUI_INDENT_MM);
    let regular = face(false, false);
    let pitch = cx.pitch;
    if let [one] = to.as_slice() {
        let lead = format!("{KINH_GUI} ");
        let hang = round_to_twips(cx.sh.width(regular, size, &lead));
        let mut p = Para::new(
            vec![text(
                &format!("{lead}{}", end_with(one, '.')),
                false,
                false,
                size,
            )],
            Align::Left,
            pitch,
            "to[0]".into(),
            Role::Body,
        );
        p.indent_left = round_to_twips(start + hang);
        p.indent_first = -hang;
        p.space_before = cx.space;
        p.keep_with_next = true;
        out.push(Block::Para(p));
        return;
    }
    let mut p = Para::new(
        vec![text(KINH_GUI, false, false, size)],
        Align::Left,
        pitch,
        "to".into(),
        Role::Body,
    );
    p.indent_left = start;
    p.space_before = cx.space;
    p.keep_with_next = true;
    out.push(Block::Para(p));
    let dash_at = round_to_twips(start + cx.sh.width(regular, size, KINH_GUI));
    let hang = round_to_twips(cx.sh.width(regular, size, "- "));
    let last = to.len() - 1;
    for (i, r) in to.iter().enumerate() {
        let end = if i == last { '.' } else { ';' };
        let mut p = Para::new(
            vec![text(&format!("- {}", end_with(r, end)), false, false, size)],
            Align::Left,
            pitch,
            format!("to[{i}]"),
            Role::Body,
        );
        p.indent_left = round_to_twips(dash_at + hang);
        p.indent_first = -hang;
        p.keep_with_next = true;
        out.push(Block::Para(p));
    }
}

/// `s` ending in `end`: a final ";", "." or "," is replaced, other text gets
/// `end` appended (Decree 30 App. I §II.6.a, §II.9.b: ";" per line, "." last).
pub fn end_with(s: &str, end: char) -> String {
    let t = s.trim_end();
    let t = t.strip_suffix([';', '.', ',']).unwrap_or(t).trim_end();
    format!("{t}{end}")
}

/// The word line that enacts a legal text: "QUYẾT ĐỊNH:" for a decision, and
/// "QUYẾT NGHỊ:" for a resolution as in App. III Mẫu 1.1; otherwise the type
/// name and a colon. Size not specified by App. I (docs/decree30.md §7): 14 pt bold
/// centred as in the App. III template.
pub fn enacting_line(t: DocType) -> String {
    match t {
        DocType::NghiQuyet => "QUYẾT NGHỊ:".into(),
        other => format!("{}:", other.printed_name().unwrap_or("QUYẾT ĐỊNH")),
    }
}

/// The decision preamble (App. III Mẫu 1.1–1.3; App. I §II.6.a): the
/// authority line (upper case 14 pt bold centred), the căn cứ lines (body
/// size italic, justified, first-line indent, ";" each and "." last), and the
/// enacting line. Printed when the document has an authority or bases.
pub(crate) fn preamble(cx: &mut Ctx, out: &mut Vec<Block>) {
    let doc = cx.doc;
    let authority = doc.authority.as_deref().filter(|a| !a.trim().is_empty());
    if authority.is_none() && doc.bases.is_empty() {
        return;
    }
    let size = cx.size;
    let pitch = cx.pitch;
    if let Some(a) = authority {
        let bold = face(true, false);
        let tw = cx.text_width();
        let lines = balanced_lines(&mut cx.sh, bold, size, &upper(a.trim()), tw);
        let mut p = Para::new(
            lines_to_runs(&lines, true, false, size),
            Align::Center,
            pitch,
            "authority".into(),
            Role::Body,
        );
        p.space_before = cx.space;
        p.keep_with_next = true;
        out.push(Block::Para(p));
    }
    let last = doc.bases.len().saturating_sub(1);
    for (i, b) in doc.bases.iter().enumerate() {
        let mut runs = cx.inlines(b, false, true, size);
        punctuate(&mut runs, if i == last { '.' } else { ';' }, size);
        let mut p = cx.body_para(runs, &format!("bases[{i}]"), Role::Body);
        p.keep_with_next = true;
        out.push(Block::Para(p));
    }
    let mut p = Para::new(
        vec![text(&enacting_line(doc.doc_type), true, false, size)],
        Align::Center,
        pitch,
        "bases".into(),
        Role::Body,
    );
    p.space_before = cx.space;
    p.keep_with_next = true;
    out.push(Block::Para(p));
}

/// Ends the last text run with `end` (replacing a final ";", "." or ","),
/// or appends an italic run if the paragraph ends otherwise.
fn punctuate(runs: &mut Vec<Run>, end: char, size: f32) {
    for r in runs.iter_mut().rev() {
        match r {
            Run::Text(t) if !t.text.trim().is_empty() => {
                t.text = end_with(&t.text, end);
                return;
            }
            Run::Text(_) | Run::LineBreak => continue,
            _ => break,
        }
    }
    runs.push(text(&end.to_string(), false, true, size));
}
