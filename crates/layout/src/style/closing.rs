//! Boxes 7a–7c, 8, 9b and 12: the closing grid (Nơi nhận | signature).

use super::Ctx;
use super::header::header_columns;
use super::rules::*;
use super::text::{balanced_lines, face, lines_to_runs, text, upper};
use crate::flow::{
    Align, Block, Cell, Padding, Para, RegionKind, Role, Row, Spacer, Table, TableKind, VAlign,
};
use vanban_model::{Drafter, SignMode, Signature};

/// Decree 30 App. I §II.7.b: the signing-mode prefixes.
pub fn mode_prefix(m: SignMode) -> &'static str {
    match m {
        SignMode::Kt => "KT.",
        SignMode::Tl => "TL.",
        SignMode::Tuq => "TUQ.",
        SignMode::Q => "Q.",
    }
}

/// Decree 30 App. I §II.7.b: "TM." before the collective signed for.
pub const ON_BEHALF: &str = "TM.";

/// The signature block's lines above the signature room, upper case
/// (App. I §II.7.b, §II.7.đ): "TM. <collective>", "KT./TL./TUQ./Q. <head>",
/// the signer's own title.
pub fn authority_lines(s: &Signature) -> Vec<String> {
    let mut lines = Vec::new();
    if let Some(c) = s.on_behalf_of.as_deref().filter(|c| !c.trim().is_empty()) {
        lines.push(format!("{ON_BEHALF} {}", upper(c.trim())));
    }
    if let Some((mode, title)) = &s.for_ {
        lines.push(format!("{} {}", mode_prefix(*mode), upper(title.trim())));
    }
    if let Some(t) = s.title.as_deref().filter(|t| !t.trim().is_empty()) {
        lines.push(upper(t.trim()));
    }
    lines
}

/// The "Lưu" line (App. I §II.9.d; App. III Mẫu 1.1 notes 7–8; App. I
/// §III.3): "- Lưu: VT, <unit and archived copies>. <drafter initials>.(<copies issued>)."
/// e.g. "- Lưu: VT, VP. NTH.(10)." — without a drafter "- Lưu: VT, VP.".
pub fn luu_line(archive: &[String], drafter: Option<&Drafter>) -> String {
    let items: Vec<&str> = archive
        .iter()
        .map(|s| s.trim())
        .filter(|s| !s.is_empty())
        .collect();
    let mut s = format!(
        "- Lưu: {}",
        if items.is_empty() {
            "VT".to_string()
        } else {
            items.join(", ")
        }
    );
    let s_trim = s.trim_end_matches(['.', ';', ',']).to_string();
    s = s_trim;
    if let Some(d) = drafter.filter(|d| !d.initials.trim().is_empty()) {
        s.push_str(". ");
        s.push_str(d.initials.trim().trim_end_matches('.'));
        s.push('.');
        if let Some(n) = d.copies {
            s.push_str(&format!("({n})"));
        }
    }
    if !s.ends_with('.') {
        s.push('.');
    }
    s
}

/// The signer's cell: authority lines, the signature room (a spacer of
/// [`SIGN_SPACE_LINES`] lines carrying region `Signature(index)`; the seal
/// region is derived from it), the name; all 14 pt bold centred (§II.7.đ).
fn signer_blocks(cx: &mut Ctx, s: &Signature, index: u8, inner: f32, path: &str) -> Vec<Block> {
    let pitch = line_pitch(SIGN_SIZE);
    let bold = face(true, false);
    let mut blocks = Vec::new();
    for line in authority_lines(s) {
        let lines = balanced_lines(&mut cx.sh, bold, SIGN_SIZE, &line, inner);
        let mut p = Para::new(
            lines_to_runs(&lines, true, false, SIGN_SIZE),
            Align::Center,
            pitch,
            path.to_string(),
            Role::Form,
        );
        p.keep_with_next = true;
        blocks.push(Block::Para(p));
    }
    blocks.push(Block::Spacer(Spacer {
        lines: SIGN_SPACE_LINES,
        line_height: pitch,
        region: Some(RegionKind::Signature(index)),
    }));
    blocks.push(Block::Para(Para::new(
        vec![text(s.name.trim(), true, false, SIGN_SIZE)],
        Align::Center,
        pitch,
        format!("{path}.name"),
        Role::Form,
    )));
    blocks
}

/// The recipients' cell (App. I §II.9.d): "Nơi nhận:" 12 pt bold italic
/// flush left, then "- X;" lines 11 pt and the "Lưu" line. The first line
/// has the signer's pitch and no space before, so it is level with the
/// signer's first line.
fn recipients_blocks(cx: &mut Ctx) -> Vec<Block> {
    let doc = cx.doc;
    let mut head = Para::new(
        vec![text(NOI_NHAN, true, true, NOI_NHAN_SIZE)],
        Align::Left,
        line_pitch(SIGN_SIZE),
        "recipients".into(),
        Role::Form,
    );
    head.keep_with_next = true;
    let mut blocks = vec![Block::Para(head)];
    let pitch = line_pitch(RECIPIENT_SIZE);
    let item = |t: &str, path: String| -> Block {
        let mut p: Para = Para::new(
            vec![text(t, false, false, RECIPIENT_SIZE)],
            Align::Left,
            pitch,
            path,
            Role::Form,
        );
        p.widow_control = false;
        Block::Para(p)
    };
    for (i, r) in doc.recipients.iter().enumerate() {
        let r = r.trim().trim_end_matches([';', '.']);
        let r = r.strip_prefix("- ").unwrap_or(r);
        if !r.is_empty() {
            blocks.push(item(&format!("- {r};"), format!("recipients[{i}]")));
        }
    }
    blocks.push(item(
        &luu_line(&doc.archive, doc.drafter.as_ref()),
        "archive".into(),
    ));
    blocks
}

fn cell(blocks: Vec<Block>) -> Cell {
    Cell {
        blocks,
        valign: VAlign::Top,
    }
}

fn grid(columns: Vec<f32>, indent: f32, rows: Vec<Row>) -> Table {
    Table {
        columns,
        indent,
        rows,
        borders: false,
        border_width: 0.0,
        padding: Padding {
            top: CLOSING_GAP,
            bottom: 0.0,
            left: CELL_PAD_X,
            right: CELL_PAD_X,
        },
        kind: TableKind::Closing,
        merges: Vec::new(),
        path: "signature".into(),
    }
}

/// The closing grid (App. I §II.7, §II.9.d; docs/decree30.md §2.2): one unsplittable
/// borderless row, "Nơi nhận" left ([`CLOSING_LEFT_RATIO`] of the text
/// width, text flush with the margin), the signature right, its column
/// reaching the header grid's right edge so the block sits under the
/// national name's side. A type whose [`vanban_model::doctype::SignerLayout`] is `Pair` (App. III
/// Mẫu 1.9: biên bản, hợp đồng, bản ghi nhớ, bản thỏa thuận) with two
/// signers puts the first left and the second right in halves (THƯ KÝ |
/// CHỦ TỌA), with Nơi nhận under the left signer.
pub(crate) fn closing_grid(cx: &mut Ctx) -> Table {
    let doc = cx.doc;
    let tw = cx.text_width();
    let indent = -CELL_PAD_X;
    let (h_indent, h_left, h_right) = header_columns(cx);
    let right_edge = h_indent + h_left + h_right;
    // Validation accepts a second signer only for `Pair` types
    // (`DocType::max_signers`); a model built otherwise still prints both
    // (`Document::printed_signers`).
    if let [first, second] = doc.printed_signers() {
        let half = round_to_twips((right_edge - indent) / 2.0);
        let right = round_to_twips(right_edge - indent - half);
        let left_sig = signer_blocks(cx, first, 0, half - 2.0 * CELL_PAD_X, "signature[0]");
        let right_sig = signer_blocks(cx, second, 1, right - 2.0 * CELL_PAD_X, "signature[1]");
        let recipients = recipients_blocks(cx);
        return grid(
            vec![half, right],
            indent,
            vec![
                Row {
                    cells: vec![cell(left_sig), cell(right_sig)],
                    header: false,
                    cant_split: true,
                },
                Row {
                    cells: vec![
                        cell(recipients),
                        cell(vec![Block::Para(Para::new(
                            Vec::new(),
                            Align::Left,
                            line_pitch(RECIPIENT_SIZE),
                            "recipients".into(),
                            Role::Form,
                        ))]),
                    ],
                    header: false,
                    cant_split: true,
                },
            ],
        );
    }
    let left = round_to_twips(CLOSING_LEFT_RATIO * tw + CELL_PAD_X);
    let right = round_to_twips(right_edge - indent - left);
    let sig = match doc.printed_signers().first() {
        Some(s) => signer_blocks(cx, s, 0, right - 2.0 * CELL_PAD_X, "signature"),
        None => Vec::new(),
    };
    let recipients = recipients_blocks(cx);
    grid(
        vec![left, right],
        indent,
        vec![Row {
            cells: vec![cell(recipients), cell(sig)],
            header: false,
            cant_split: true,
        }],
    )
}
