//! The document, its issuer and its signers.

use crate::doc::*;
use crate::doctype::DocType;
use crate::format::derive_symbol;
use crate::lang::Msg;
use crate::parse::ErrorKind;
use crate::raw::*;

use super::Validator;
use super::date::parse_date;
use super::symbol::check_symbol;
use super::text::*;

impl Validator {
    // -- the document --------------------------------------------------------

    pub(super) fn document(&mut self, raw: &RawDocument) -> Option<Document> {
        let doc_type = match DocType::from_key(&raw.doc_type) {
            Some(t) => Some(t),
            None => {
                let keys: Vec<&str> = DocType::ALL.iter().map(|t| t.key()).collect();
                let (g_vi, g_en) = match crate::hint::did_you_mean(&raw.doc_type, &keys) {
                    Some(k) => (
                        format!(" (có phải ý bạn là \"{k}\"?)"),
                        format!(" (did you mean \"{k}\"?)"),
                    ),
                    None => (String::new(), String::new()),
                };
                let t = &raw.doc_type;
                let list = keys.join(", ");
                self.value(
                    "type",
                    Msg::new(
                        format!("không có loại văn bản \"{t}\"{g_vi}; các loại dùng được: {list}"),
                        format!("unknown document type \"{t}\"{g_en}; valid types: {list}"),
                    ),
                );
                None
            }
        };
        let ty = doc_type.unwrap_or(DocType::BaoCao);

        let issuer = self.issuer(&raw.issuer);
        let number = raw.number.and_then(|n| {
            self.integer(
                n,
                "number",
                1,
                i128::from(u32::MAX),
                Some(&Msg::new(
                    "; để trống số cho văn thư điền thì ghi null",
                    "; use null to leave the number blank for the clerk",
                )),
            )
        });
        let symbol = match &raw.symbol {
            Some(s) => {
                let s = nfc(s);
                match check_symbol(&s) {
                    Ok(()) => Some(s),
                    Err(m) => {
                        self.value("symbol", m);
                        None
                    }
                }
            }
            None => issuer
                .as_ref()
                .map(|i| derive_symbol(ty, &i.abbr, i.unit.as_deref())),
        };
        // App. III Mẫu 1.9: a biên bản has no place-and-date line, so a
        // place given would be lost; every other type prints it (box 4).
        let place = match (&raw.place, ty.has_place_date_line()) {
            (Some(_), false) => {
                self.value(
                    "place",
                    Msg::new(
                        "biên bản không có dòng địa danh và ngày tháng (Mẫu 1.9 Phụ lục III), nên địa danh sẽ không được in; ghi địa điểm trong nội dung (ví dụ mục \"Địa điểm\") và bỏ trường place",
                        "a biên bản has no place-and-date line (App. III Mẫu 1.9), so the place would not be printed; write it in the body (e.g. under \"Địa điểm\") and leave place out",
                    ),
                );
                None
            }
            (None, false) => Some(String::new()),
            (Some(p), _) => self.text(p, "place", LINE),
            (None, _) => {
                self.err(
                    ErrorKind::Structure,
                    "",
                    Msg::new("thiếu trường \"place\"", "missing field \"place\""),
                );
                None
            }
        };
        let date = match &raw.date {
            None => Some(PartialDate::default()),
            Some(s) => match parse_date(s, false) {
                Ok(d) => Some(d),
                Err(m) => {
                    self.value("date", m);
                    None
                }
            },
        };
        let title = self.opt_text(raw.title.as_ref(), "title", MULTILINE);
        let to = self.texts(raw.to.as_ref(), "to");
        let authority = self.opt_text(raw.authority.as_ref(), "authority", MULTILINE);
        let mut bases = Vec::new();
        for (i, b) in raw.bases.iter().flatten().enumerate() {
            if let Some(x) = self.inline(b, &format!("bases[{i}]"), true) {
                bases.push(x);
            }
        }
        if raw.body.is_empty() {
            self.value(
                "body",
                Msg::new(
                    "phần nội dung đang trống; hãy thêm ít nhất một đoạn",
                    "the body is empty; add at least one paragraph",
                ),
            );
        }
        let body = self.blocks(&raw.body, "body", 1);
        let signatures = self.signatures(&raw.signature, ty, doc_type.is_some());
        let recipients = self.texts(raw.recipients.as_ref(), "recipients");
        let archive = match &raw.archive {
            None => vec!["VT".to_string()],
            Some(v) if v.is_empty() => {
                self.value(
                    "archive",
                    Msg::new(
                        "đang để trống; ghi ít nhất \"VT\" (văn thư lưu một bản), hoặc bỏ hẳn trường này",
                        "is empty; list at least \"VT\" (the clerical office keeps a copy), or leave the field out",
                    ),
                );
                Vec::new()
            }
            Some(v) => self.texts(Some(v), "archive"),
        };
        let drafter = raw.drafter.as_ref().and_then(|d| {
            let initials = self.text(&d.initials, "drafter.initials", LINE);
            let copies = d
                .copies
                .and_then(|c| self.integer(c, "drafter.copies", 1, i128::from(u32::MAX), None));
            Some(Drafter {
                initials: initials?,
                copies,
            })
        });
        let urgency = raw.urgency.map(|u| match u {
            RawUrgency::Khan => Urgency::Khan,
            RawUrgency::ThuongKhan => Urgency::ThuongKhan,
            RawUrgency::HoaToc => Urgency::HoaToc,
        });
        let secrecy = raw.secrecy.map(|s| match s {
            RawSecrecy::Mat => Secrecy::Mat,
            RawSecrecy::ToiMat => Secrecy::ToiMat,
            RawSecrecy::TuyetMat => Secrecy::TuyetMat,
        });
        let circulation = self.opt_text(raw.circulation.as_ref(), "circulation", LINE);
        let contact = raw.contact.as_ref().map(|c| Contact {
            address: self.opt_text(c.address.as_ref(), "contact.address", LINE),
            phone: self.opt_text(c.phone.as_ref(), "contact.phone", LINE),
            fax: self.opt_text(c.fax.as_ref(), "contact.fax", LINE),
            email: self.opt_text(c.email.as_ref(), "contact.email", LINE),
            website: self.opt_text(c.website.as_ref(), "contact.website", LINE),
        });
        let mut appendices = Vec::new();
        for (i, a) in raw.appendices.iter().flatten().enumerate() {
            let path = format!("appendices[{i}]");
            let title = self.opt_text(a.title.as_ref(), &join(&path, "title"), MULTILINE);
            let body_path = join(&path, "body");
            if a.body.is_empty() {
                self.value(
                    &body_path,
                    Msg::new(
                        "nội dung phụ lục đang trống; hãy thêm ít nhất một khối",
                        "the appendix body is empty; add at least one block",
                    ),
                );
            }
            let body = self.blocks(&a.body, &body_path, 1);
            appendices.push(Appendix {
                title,
                body,
                separate_file: a.separate_file.unwrap_or(false),
                landscape: a.landscape.unwrap_or(false),
            });
        }
        let style = raw
            .style
            .as_ref()
            .map(|s| self.style(s))
            .unwrap_or_default();
        let meta = self.meta(raw.meta.as_ref());
        let numbering = raw.numbering.as_ref().and_then(|n| {
            if n.is_empty() {
                self.value(
                    "numbering",
                    Msg::new(
                        "đang để trống; liệt kê kiểu đánh số theo từng cấp, ví dụ [\"1.\", \"a)\", \"-\"], hoặc bỏ hẳn trường này",
                        "is empty; list the label kinds by depth, e.g. [\"1.\", \"a)\", \"-\"], or leave the field out",
                    ),
                );
                return None;
            }
            Some(
                n.iter()
                    .map(|k| match k {
                        RawLabelKind::Roman => LabelKind::Roman,
                        RawLabelKind::Arabic => LabelKind::Arabic,
                        RawLabelKind::Letter => LabelKind::Letter,
                        RawLabelKind::Dash => LabelKind::Dash,
                        RawLabelKind::Plus => LabelKind::Plus,
                        RawLabelKind::Article => LabelKind::Article,
                    })
                    .collect(),
            )
        });

        if !self.errors.is_empty() {
            return None;
        }
        Some(Document {
            doc_type: doc_type?,
            issuer: issuer?,
            number,
            symbol: symbol?,
            place: place?,
            date: date?,
            title,
            to,
            authority,
            bases,
            body,
            signatures: signatures?,
            recipients,
            archive,
            drafter,
            urgency,
            secrecy,
            circulation,
            contact,
            appendices,
            style,
            meta,
            numbering,
        })
    }

    pub(super) fn issuer(&mut self, raw: &RawIssuer) -> Option<Issuer> {
        let parent = self.opt_text(raw.parent.as_ref(), "issuer.parent", MULTILINE);
        let name = self.text(&raw.name, "issuer.name", MULTILINE);
        let abbr = nfc(&raw.abbr);
        let abbr_ok = match check_symbol(&abbr) {
            Ok(()) => true,
            Err(m) => {
                self.value("issuer.abbr", m);
                false
            }
        };
        let unit = match &raw.unit {
            Some(u) => {
                let u = nfc(u);
                match check_symbol(&u) {
                    Ok(()) => Some(u),
                    Err(m) => {
                        self.value("issuer.unit", m);
                        return None;
                    }
                }
            }
            None => None,
        };
        if !abbr_ok {
            return None;
        }
        let normal_name = self.opt_text(raw.normal_name.as_ref(), "issuer.normal_name", LINE);
        Some(Issuer {
            parent,
            name: name?,
            abbr,
            unit,
            normal_name,
        })
    }

    pub(super) fn signatures(
        &mut self,
        raw: &RawSignatures,
        ty: DocType,
        type_known: bool,
    ) -> Option<Vec<Signature>> {
        let list: Vec<(&RawSignature, String)> = match raw {
            RawSignatures::One(s) => vec![(s, "signature".to_string())],
            RawSignatures::Many(v) => v
                .iter()
                .enumerate()
                .map(|(i, s)| (s, format!("signature[{i}]")))
                .collect(),
        };
        let max = ty.max_signers();
        if list.is_empty() {
            self.value(
                "signature",
                Msg::new(
                    "danh sách người ký đang trống; hãy ghi một người ký",
                    "the list of signers is empty; give one signer",
                ),
            );
            return None;
        }
        if list.len() > max && type_known {
            let n = list.len();
            let msg = if max == 1 {
                Msg::new(
                    format!(
                        "{} ({}) chỉ có một người ký, nhưng đang ghi {n}; chỉ biên bản, hợp đồng, bản ghi nhớ và bản thỏa thuận có hai người ký",
                        ty.name_vi(),
                        ty.key()
                    ),
                    format!(
                        "a {} has one signer, but {n} are given; only biên bản, hợp đồng, bản ghi nhớ and bản thỏa thuận have two",
                        ty.key()
                    ),
                )
            } else {
                Msg::new(
                    format!("tối đa hai người ký (bên trái và bên phải), nhưng đang ghi {n}"),
                    format!("at most two signers (left and right), but {n} are given"),
                )
            };
            self.value("signature", msg);
            return None;
        }
        let mut out = Vec::new();
        let mut ok = true;
        for (s, path) in list {
            match self.signature(s, &path) {
                Some(sig) => out.push(sig),
                None => ok = false,
            }
        }
        ok.then_some(out)
    }

    pub(super) fn signature(&mut self, raw: &RawSignature, path: &str) -> Option<Signature> {
        let errors_before = self.errors.len();
        let mut on_behalf_of = self.opt_text(
            raw.on_behalf_of.as_ref(),
            &join(path, "on_behalf_of"),
            MULTILINE,
        );
        let mut for_ = None;
        let mut mode_q = false;
        if let Some(f) = &raw.for_ {
            let fpath = join(path, "for");
            let title = self.text(&f.title, &join(&fpath, "title"), MULTILINE);
            let mpath = join(&fpath, "mode");
            let mode = match f.mode.as_str() {
                "KT" => Some(SignMode::Kt),
                "TL" => Some(SignMode::Tl),
                "TUQ" => Some(SignMode::Tuq),
                "Q" => Some(SignMode::Q),
                "TM" => {
                    if raw.on_behalf_of.is_some() {
                        self.value(
                            &mpath,
                            Msg::new(
                                "\"TM\" đã được thể hiện bằng on_behalf_of; khi đã có on_behalf_of, for.mode phải là KT, TL, TUQ hoặc Q",
                                "\"TM\" is what on_behalf_of already says; with on_behalf_of given, for.mode must be KT, TL, TUQ or Q",
                            ),
                        );
                    } else {
                        // "TM." is written with on_behalf_of; accept it here too.
                        on_behalf_of = title.clone();
                    }
                    None
                }
                other => {
                    let trimmed = other.trim().trim_end_matches('.').to_uppercase();
                    let modes = ["KT", "TL", "TUQ", "Q", "TM"];
                    let (h_vi, h_en) = if modes.contains(&trimmed.as_str()) {
                        (
                            format!(" (hãy viết \"{trimmed}\")"),
                            format!(" (write \"{trimmed}\")"),
                        )
                    } else if let Some(g) = crate::hint::did_you_mean(other, &modes) {
                        (
                            format!(" (có phải ý bạn là \"{g}\"?)"),
                            format!(" (did you mean \"{g}\"?)"),
                        )
                    } else {
                        (String::new(), String::new())
                    };
                    self.value(
                        &mpath,
                        Msg::new(
                            format!(
                                "không có hình thức ký \"{other}\"{h_vi}; các hình thức dùng được: KT (ký thay người đứng đầu), TL (thừa lệnh), TUQ (thừa ủy quyền), Q (quyền); với TM (thay mặt) hãy dùng on_behalf_of"
                            ),
                            format!(
                                "unknown signing mode \"{other}\"{h_en}; valid modes: KT (deputy for the head), TL (by order), TUQ (by authorisation), Q (acting); for TM use on_behalf_of"
                            ),
                        ),
                    );
                    None
                }
            };
            mode_q = mode == Some(SignMode::Q);
            if let (Some(m), Some(t)) = (mode, title) {
                for_ = Some((m, t));
            }
        }
        let title = match &raw.title {
            Some(t) => self.text(t, &join(path, "title"), MULTILINE),
            None => {
                if !mode_q {
                    self.value(
                        join(path, "title"),
                        Msg::new(
                            "thiếu chức vụ của người ký (ví dụ \"CHỦ TỊCH\", \"PHÓ CHỦ TỊCH\"); chỉ được bỏ khi for.mode là \"Q\"",
                            "the signer's title is missing (e.g. \"CHỦ TỊCH\", \"PHÓ CHỦ TỊCH\"); it may be left out only when for.mode is \"Q\"",
                        ),
                    );
                }
                None
            }
        };
        let name = self.text(&raw.name, &join(path, "name"), LINE);
        let seal_mm = raw.seal_mm.map(|mm| mm as f32);
        if let Some(mm) = seal_mm
            && !(crate::format::SEAL_MM_MIN..=crate::format::SEAL_MM_MAX).contains(&mm)
        {
            self.value(
                join(path, "seal_mm"),
                Msg::new(
                    format!(
                        "seal_mm {mm} không phải đường kính con dấu: hãy ghi từ 30 đến 45 (mm; mặc định 36)"
                    ),
                    format!("seal_mm {mm} is not a seal's diameter: give 30 to 45 (mm; default 36)"),
                ),
            );
        }
        if self.errors.len() > errors_before {
            return None;
        }
        Some(Signature {
            on_behalf_of,
            for_,
            title,
            name: name?,
            seal_mm,
        })
    }
}
