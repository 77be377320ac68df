//! Style overrides (within the decree's ranges) and archival metadata.

use crate::decree::SINGLE_LINE_EM;
use crate::doc::*;
use crate::lang::Msg;
use crate::raw::*;

use super::Validator;
use super::date::parse_date;
use super::text::*;

impl Validator {
    pub(super) fn style(&mut self, raw: &RawStyle) -> StyleOverrides {
        let mut out = StyleOverrides::default();
        let near = |a: f64, b: f64| (a - b).abs() < 1e-6;
        if let Some(size) = raw.body_size {
            if near(size, 13.0) || near(size, 14.0) {
                out.body_size = Some(size as f32);
            } else {
                self.value(
                    "style.body_size",
                    Msg::new(
                        format!(
                            "cỡ chữ {size} pt nằm ngoài quy định của Nghị định 30 (Phụ lục I mục II.6.e): nội dung văn bản cỡ 13 hoặc 14 pt"
                        ),
                        format!(
                            "{size} pt is outside Decree 30 (App. I §II.6.e): the body is 13 or 14 pt"
                        ),
                    ),
                );
            }
        }
        if let Some(m) = raw.margins_mm {
            let checks = [
                ("top", "trên", m.top, 20.0, 25.0),
                ("bottom", "dưới", m.bottom, 20.0, 25.0),
                ("left", "trái", m.left, 30.0, 35.0),
                ("right", "phải", m.right, 15.0, 20.0),
            ];
            let mut ok = true;
            for (name, name_vi, v, lo, hi) in checks {
                if !(lo..=hi).contains(&v) {
                    ok = false;
                    self.value(
                        format!("style.margins_mm.{name}"),
                        Msg::new(
                            format!("{v} mm nằm ngoài quy định của Nghị định 30 (Phụ lục I mục I.3): lề {name_vi} là {lo}–{hi} mm"),
                            format!("{v} mm is outside Decree 30 (App. I §I.3): the {name} margin is {lo}–{hi} mm"),
                        ),
                    );
                }
            }
            if ok {
                out.margins_mm = Some(MarginsMm {
                    top: m.top as f32,
                    bottom: m.bottom as f32,
                    left: m.left as f32,
                    right: m.right as f32,
                });
            }
        }
        if let Some(cm) = raw.indent_cm {
            if near(cm, 1.0) || near(cm, 1.27) {
                out.indent_cm = Some(cm as f32);
            } else {
                self.value(
                    "style.indent_cm",
                    Msg::new(
                        format!("{cm} cm nằm ngoài quy định của Nghị định 30 (Phụ lục I mục II.6.e): lùi đầu dòng 1 cm hoặc 1,27 cm"),
                        format!("{cm} cm is outside Decree 30 (App. I §II.6.e): the first-line indent is 1 or 1.27 cm"),
                    ),
                );
            }
        }
        if let Some(ls) = raw.line_spacing {
            match ls {
                RawLineSpacing::Multiple(x) => {
                    if (1.0..=1.5).contains(&x) {
                        out.line_spacing = Some(LineSpacing::Multiple(x as f32));
                    } else {
                        self.value(
                            "style.line_spacing",
                            Msg::new(
                                format!("{x} nằm ngoài quy định của Nghị định 30 (Phụ lục I mục II.6.e): khoảng cách dòng từ dòng đơn (1.0) đến 1,5 dòng"),
                                format!("{x} is outside Decree 30 (App. I §II.6.e): line spacing is from single (1.0) to 1.5 lines"),
                            ),
                        );
                    }
                }
                RawLineSpacing::Exact(RawExactSpacing { exact_pt }) => {
                    // Bounds for the given size; without one, bounds valid for both 13 and 14 pt.
                    let (lo, hi) = match out.body_size {
                        Some(s) => (
                            f64::from(s) * SINGLE_LINE_EM,
                            f64::from(s) * SINGLE_LINE_EM * 1.5,
                        ),
                        None => (14.0 * SINGLE_LINE_EM, 13.0 * SINGLE_LINE_EM * 1.5),
                    };
                    if exact_pt >= lo - 0.05 && exact_pt <= hi + 0.05 {
                        out.line_spacing = Some(LineSpacing::ExactPt(exact_pt as f32));
                    } else {
                        self.value(
                            "style.line_spacing.exact_pt",
                            Msg::new(
                                format!(
                                    "{exact_pt} pt nằm ngoài quy định của Nghị định 30 (Phụ lục I mục II.6.e): khoảng cách dòng cố định phải từ dòng đơn đến 1,5 dòng, {lo:.1}–{hi:.1} pt{}",
                                    if out.body_size.is_none() { " (cho chữ cỡ 13 và 14 pt; đặt style.body_size để có khoảng riêng cho cỡ đó)" } else { "" }
                                ),
                                format!(
                                    "{exact_pt} pt is outside Decree 30 (App. I §II.6.e): an exact line pitch must lie between single and 1.5 lines, {lo:.1}–{hi:.1} pt{}",
                                    if out.body_size.is_none() { " (for 13 and 14 pt text; set style.body_size for its own range)" } else { "" }
                                ),
                            ),
                        );
                    }
                }
            }
        }
        if let Some(sp) = raw.paragraph_spacing_pt {
            if (6.0..=24.0).contains(&sp) {
                out.paragraph_spacing_pt = Some(sp as f32);
            } else {
                self.value(
                    "style.paragraph_spacing_pt",
                    Msg::new(
                        format!("{sp} pt nằm ngoài khoảng cho phép: ít nhất 6 pt (Nghị định 30 Phụ lục I mục II.6.e) và nhiều nhất 24 pt"),
                        format!("{sp} pt is out of range: at least 6 pt (Decree 30 App. I §II.6.e) and at most 24 pt"),
                    ),
                );
            }
        }
        out
    }

    pub(super) fn meta(&mut self, raw: Option<&RawMeta>) -> Meta {
        let Some(m) = raw else {
            return Meta {
                language: "vi".to_string(),
                ..Meta::default()
            };
        };
        let language = match &m.language {
            None => "vi".to_string(),
            Some(l) => {
                let ok = !l.is_empty()
                    && l.len() <= 35
                    && l.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'-');
                if !ok {
                    self.value(
                        "meta.language",
                        Msg::new(
                            format!("\"{l}\" không phải là mã ngôn ngữ như \"vi\" hoặc \"vi-VN\""),
                            format!("\"{l}\" is not a language tag such as \"vi\" or \"vi-VN\""),
                        ),
                    );
                }
                l.clone()
            }
        };
        let due_date = m.due_date.as_ref().and_then(|d| match parse_date(d, true) {
            Ok(_) => Some(d.clone()),
            Err(msg) => {
                self.value("meta.due_date", msg);
                None
            }
        });
        Meta {
            organ_id: self.opt_text(m.organ_id.as_ref(), "meta.organ_id", LINE),
            file_code: self.opt_text(m.file_code.as_ref(), "meta.file_code", LINE),
            language,
            priority: m.priority.and_then(|p| {
                self.integer(
                    p,
                    "meta.priority",
                    0,
                    9,
                    Some(&Msg::new(
                        " (Nghị định 30 Phụ lục VI: một chữ số)",
                        " (Decree 30 App. VI: one digit)",
                    )),
                )
            }),
            keywords: self.texts(m.keywords.as_ref(), "meta.keywords"),
            due_date,
            issued_amount: m
                .issued_amount
                .and_then(|n| self.integer(n, "meta.issued_amount", 1, i128::from(u32::MAX), None)),
            description: self.opt_text(
                m.description.as_ref(),
                "meta.description",
                OPTIONAL_MULTILINE,
            ),
        }
    }
}
