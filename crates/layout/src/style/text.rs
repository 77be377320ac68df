//! Text helpers: upper case, runs from inline markup, measuring and balanced
//! line wrapping, and the final glyph check.

use super::StyleError;
use crate::flow::{Block, Flow, FontStyle, Para, Run, TextRun};
use crate::fonts::{FontId, Shaper};

/// Upper-cases NFC Vietnamese text.
///
/// Every precomposed Vietnamese letter has a precomposed capital (Latin-1,
/// Latin Extended-A/B and Extended Additional), so `to_uppercase` keeps NFC
/// text in NFC; the unit test checks all 67 lower-case letters.
pub fn upper(s: &str) -> String {
    s.to_uppercase()
}

/// Sentence case of a type name: "BÁO CÁO" → "Báo cáo".
pub fn sentence_case(s: &str) -> String {
    let lower = s.to_lowercase();
    let mut chars = lower.chars();
    match chars.next() {
        Some(c) => c.to_uppercase().chain(chars).collect(),
        None => String::new(),
    }
}

/// Replaces control characters (other than the line breaks handled by the
/// caller) by spaces: a `TextRun` holds no control characters.
pub fn clean(s: &str) -> String {
    s.chars()
        .map(|c| if c.is_control() { ' ' } else { c })
        .collect()
}

/// A text run.
pub fn text(s: &str, bold: bool, italic: bool, size: f32) -> Run {
    Run::Text(TextRun {
        text: clean(s),
        style: FontStyle { bold, italic },
        size,
    })
}

/// The face of a style.
pub fn face(bold: bool, italic: bool) -> FontId {
    FontId::from_style(FontStyle { bold, italic })
}

/// Splits `s` on `\n` into runs separated by `Run::LineBreak`.
pub fn lines_to_runs(lines: &[String], bold: bool, italic: bool, size: f32) -> Vec<Run> {
    let mut runs = Vec::with_capacity(lines.len() * 2);
    for (i, l) in lines.iter().enumerate() {
        if i > 0 {
            runs.push(Run::LineBreak);
        }
        runs.push(text(l, bold, italic, size));
    }
    runs
}

/// Wraps `s` (forced breaks at `\n`) into lines no wider than `max`, each
/// forced segment broken into the fewest lines whose longest line is as
/// short as possible (balanced lines, for centred titles and names).
pub fn balanced_lines(sh: &mut Shaper, font: FontId, size: f32, s: &str, max: f32) -> Vec<String> {
    let mut out = Vec::new();
    for seg in s.split('\n') {
        let words: Vec<&str> = seg.split_whitespace().collect();
        if words.is_empty() {
            continue;
        }
        out.extend(balance_words(sh, font, size, &words, max));
    }
    out
}

fn balance_words(
    sh: &mut Shaper,
    font: FontId,
    size: f32,
    words: &[&str],
    max: f32,
) -> Vec<String> {
    let full = words.join(" ");
    if sh.width(font, size, &full) <= max {
        return vec![full];
    }
    // The fewest lines that fit (greedy is optimal for the count), then the
    // partition into that many lines with the least squared deviation from
    // equal lines, adjusted for good and bad break points.
    let k = greedy(sh, font, size, words, max).len();
    let n = words.len();
    if k < 2 || n > 200 {
        return greedy(sh, font, size, words, max);
    }
    let total = sh.width(font, size, &full);
    let target = total / k as f32;
    let mut width = vec![vec![f32::INFINITY; n + 1]; n + 1];
    for i in 0..n {
        for j in i + 1..=n {
            let w = sh.width(font, size, &words[i..j].join(" "));
            if w > max + 0.001 {
                break;
            }
            width[i][j] = w;
        }
    }
    // dp[l][j]: best cost of words[..j] in l lines; from[l][j]: start of the last line.
    let mut dp = vec![vec![f32::INFINITY; n + 1]; k + 1];
    let mut from = vec![vec![0usize; n + 1]; k + 1];
    dp[0][0] = 0.0;
    for l in 1..=k {
        for j in 1..=n {
            for i in (l - 1)..j {
                let w = width[i][j];
                if !w.is_finite() || !dp[l - 1][i].is_finite() {
                    continue;
                }
                let mut cost = dp[l - 1][i] + (w - target).powi(2);
                if j < n {
                    cost += break_penalty(words, j) * target * target;
                }
                if cost < dp[l][j] {
                    dp[l][j] = cost;
                    from[l][j] = i;
                }
            }
        }
    }
    if !dp[k][n].is_finite() {
        return greedy(sh, font, size, words, max);
    }
    let mut lines = Vec::with_capacity(k);
    let mut j = n;
    for l in (1..=k).rev() {
        let i = from[l][j];
        lines.push(words[i..j].join(" "));
        j = i;
    }
    lines.reverse();
    lines
}

/// Upper-case administrative-unit nouns a name line likes to start with
/// ("ỦY BAN NHÂN DÂN / HUYỆN BA TƠ").
const UNIT_WORDS: [&str; 8] = [
    "XÃ",
    "PHƯỜNG",
    "THỊ TRẤN",
    "HUYỆN",
    "QUẬN",
    "THỊ XÃ",
    "THÀNH PHỐ",
    "TỈNH",
];

/// Words a line should not end with.
const WEAK_END: [&str; 12] = [
    "và", "của", "về", "cho", "với", "các", "những", "tại", "trong", "theo", "để", "số",
];

/// Two-syllable words of administrative text that a line break should not
/// split (Vietnamese writes syllables apart, so only a list can tell).
const COMPOUNDS: [&str; 60] = [
    "kế hoạch",
    "thành viên",
    "chuyển đổi",
    "thực hiện",
    "nhân dân",
    "ủy ban",
    "hội đồng",
    "hành chính",
    "kinh phí",
    "dự toán",
    "cộng đồng",
    "tập huấn",
    "kỹ năng",
    "hội nghị",
    "chỉ đạo",
    "giao thông",
    "nông thôn",
    "khắc phục",
    "hậu quả",
    "sửa chữa",
    "tuyến đường",
    "trực tuyến",
    "dịch vụ",
    "thủ tục",
    "giải quyết",
    "cung cấp",
    "đẩy mạnh",
    "thanh toán",
    "kết quả",
    "công tác",
    "dân vận",
    "chính quyền",
    "nhiệm vụ",
    "trọng tâm",
    "tình hình",
    "quy định",
    "quy chế",
    "hướng dẫn",
    "thông tin",
    "truyền thông",
    "văn hóa",
    "xã hội",
    "kinh tế",
    "phát triển",
    "tổ chức",
    "cơ quan",
    "đơn vị",
    "cán bộ",
    "công chức",
    "ban hành",
    "phê duyệt",
    "thành lập",
    "hỗ trợ",
    "đề nghị",
    "rà soát",
    "hộ nghèo",
    "cận nghèo",
    "kết luận",
    "cuộc họp",
    "địa bàn",
];

/// Cost factor of breaking before `words[j]` (relative to the target² ):
/// negative where a break reads well, positive where it does not.
fn break_penalty(words: &[&str], j: usize) -> f32 {
    let prev = words[j - 1];
    let next = words[j];
    let pair = words.get(j + 1).map(|w| format!("{next} {w}"));
    let unit =
        UNIT_WORDS.contains(&next) || pair.as_deref().is_some_and(|p| UNIT_WORDS.contains(&p));
    if unit && prev != "THỊ" {
        return -0.09;
    }
    if prev.ends_with([',', ';', ':']) {
        return -0.04;
    }
    let pair = format!("{} {}", prev.to_lowercase(), next.to_lowercase());
    if COMPOUNDS.contains(&pair.trim_end_matches([',', ';', '.', ':'])) {
        return 0.06;
    }
    if WEAK_END.contains(&prev.to_lowercase().as_str()) {
        return 0.04;
    }
    0.0
}

fn greedy(sh: &mut Shaper, font: FontId, size: f32, words: &[&str], max: f32) -> Vec<String> {
    let mut lines: Vec<String> = Vec::new();
    let mut cur = String::new();
    for w in words {
        if cur.is_empty() {
            cur.push_str(w);
            continue;
        }
        let cand = format!("{cur} {w}");
        if sh.width(font, size, &cand) <= max + 0.001 {
            cur = cand;
        } else {
            lines.push(std::mem::take(&mut cur));
            cur.push_str(w);
        }
    }
    if !cur.is_empty() {
        lines.push(cur);
    }
    lines
}

/// Width of the widest of `lines`.
pub fn widest(sh: &mut Shaper, font: FontId, size: f32, lines: &[String]) -> f32 {
    lines
        .iter()
        .map(|l| sh.width(font, size, l))
        .fold(0.0_f32, f32::max)
}

/// Checks every text run of the flow against its face; the first character
/// no face can draw is an error naming the paragraph's JSON path.
pub fn check_glyphs(flow: &Flow, sh: &Shaper) -> Result<(), StyleError> {
    for section in &flow.sections {
        check_blocks(&section.blocks, sh)?;
        check_blocks(&section.first_page_footer, sh)?;
    }
    for a in &flow.attachments {
        check_glyphs(a, sh)?;
    }
    Ok(())
}

fn check_blocks(blocks: &[Block], sh: &Shaper) -> Result<(), StyleError> {
    for b in blocks {
        match b {
            Block::Para(p) => check_para(p, sh, None)?,
            Block::Table(t) => {
                for row in &t.rows {
                    for cell in &row.cells {
                        check_blocks(&cell.blocks, sh)?;
                    }
                }
            }
            Block::Rule(_) | Block::Spacer(_) | Block::PageBreak => {}
        }
    }
    Ok(())
}

/// `outer` is the JSON path of the paragraph holding a footnote's
/// reference: a note's own path ("footnote 2") is not a JSON path, so an
/// error in a note names both ("body[2] (footnote 2)").
fn check_para(p: &Para, sh: &Shaper, outer: Option<&str>) -> Result<(), StyleError> {
    for r in &p.runs {
        match r {
            Run::Text(t) => {
                if let Some(ch) = sh.missing_char(FontId::from_style(t.style), &t.text) {
                    return Err(StyleError::MissingGlyph {
                        path: match outer {
                            Some(o) => format!("{o} ({})", p.path),
                            None => p.path.clone(),
                        },
                        ch,
                        code: u32::from(ch),
                    });
                }
            }
            Run::FootnoteRef(f) => {
                for n in &f.note {
                    check_para(n, sh, Some(outer.unwrap_or(&p.path)))?;
                }
            }
            Run::LineBreak | Run::FootnoteMark(_) | Run::Blank(_) => {}
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn upper_keeps_vietnamese_precomposed() {
        assert_eq!(
            upper("ỦY BAN NHÂN DÂN xã ba tô"),
            "ỦY BAN NHÂN DÂN XÃ BA TÔ"
        );
        let lower = "aàáảãạăằắẳẵặâầấẩẫậbcdđeèéẻẽẹêềếểễệghiìíỉĩịklmnoòóỏõọôồốổỗộơờớởỡợpqrstuùúủũụưừứửữựvxyỳýỷỹỵ";
        for c in lower.chars() {
            assert_eq!(c.to_uppercase().count(), 1, "{c}");
        }
        assert_eq!(upper(lower).chars().count(), lower.chars().count());
    }

    #[test]
    fn sentence_case_of_type_names() {
        assert_eq!(sentence_case("BÁO CÁO"), "Báo cáo");
        assert_eq!(sentence_case("QUYẾT ĐỊNH"), "Quyết định");
    }
}
