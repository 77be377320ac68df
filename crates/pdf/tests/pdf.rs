//! End-to-end checks of the written PDF: bytes parsed here, and poppler-utils
//! and qpdf when installed (CI installs them; otherwise a note is printed).

mod common;

use common::*;
use std::io::Read;
use unicode_normalization::UnicodeNormalization;
use vanban_layout::flow::Role;
use vanban_layout::fonts::{FontId, FontSet, Shaper};
use vanban_layout::pages::{Item, Pages};
use vanban_pdf::{
    Attachment, EOFFICE_NS, PdfError, PdfFonts, PdfOptions, PdfStandard, write_pdf, write_pdf_with,
};

fn opts(standard: PdfStandard) -> PdfOptions {
    PdfOptions {
        standard,
        timestamp: Some(timestamp()),
        attachment: None,
        sign_fields: false,
    }
}

fn write(name: &str, pages: &Pages, o: &PdfOptions) -> (Vec<u8>, String) {
    let pdf = write_pdf(pages, FontSet::bundled(), o).expect("write_pdf");
    let path = out_dir().join(name);
    std::fs::write(&path, &pdf).expect("save pdf");
    (pdf, path.display().to_string())
}

fn contains(hay: &[u8], needle: &str) -> bool {
    hay.windows(needle.len()).any(|w| w == needle.as_bytes())
}

/// The XMP packet (krilla writes it uncompressed).
fn xmp(pdf: &[u8]) -> String {
    let s = String::from_utf8_lossy(pdf);
    let a = s.find("<?xpacket begin").expect("xmp start");
    let b = s[a..].find("<?xpacket end").expect("xmp end") + a;
    s[a..b].to_owned()
}

/// The body of indirect object `num` (from `N 0 obj` to `endobj`).
fn object(pdf: &[u8], num: u32) -> &[u8] {
    let head = format!("\n{num} 0 obj\n");
    let start = pdf
        .windows(head.len())
        .position(|w| w == head.as_bytes())
        .expect("object present");
    let end = start
        + pdf[start..]
            .windows(6)
            .position(|w| w == b"endobj")
            .expect("endobj");
    &pdf[start + head.len()..end]
}

/// The number in `/Key N 0 R` inside `dict`.
fn reference(dict: &[u8], key: &str) -> u32 {
    let s = String::from_utf8_lossy(dict);
    let at = s.find(key).unwrap_or_else(|| panic!("{key} in {s}")) + key.len();
    s[at..]
        .split_whitespace()
        .next()
        .and_then(|n| n.parse().ok())
        .expect("object number")
}

/// Every Flate stream of the file, decompressed.
fn inflated_streams(pdf: &[u8]) -> Vec<Vec<u8>> {
    let mut out = Vec::new();
    let mut at = 0;
    while let Some(p) = pdf[at..].windows(7).position(|w| w == b"stream\n") {
        let start = at + p + 7;
        let mut data = Vec::new();
        let mut z = flate2::read::ZlibDecoder::new(&pdf[start..]);
        if z.read_to_end(&mut data).is_ok() {
            out.push(data);
        }
        at = start;
    }
    out
}

/// The drawn words of every text item, in drawing order.
fn drawn_words(pages: &Pages) -> Vec<String> {
    pages
        .pages
        .iter()
        .flat_map(|p| &p.items)
        .filter_map(|i| match i {
            Item::Text(t) => Some(t.text.split_whitespace().map(str::to_owned)),
            Item::Line(_) => None,
        })
        .flatten()
        .collect()
}

#[test]
fn pdfa2b_structure() {
    let pages = sample_pages(FontSet::bundled());
    let (pdf, _) = write("a2b.pdf", &pages, &opts(PdfStandard::A2b));
    assert!(
        pdf.starts_with(b"%PDF-1.7\n%"),
        "PDF 1.7 header with binary marker"
    );
    let x = xmp(&pdf);
    assert!(x.contains("<pdfaid:part>2</pdfaid:part>"), "{x}");
    assert!(
        x.contains("<pdfaid:conformance>B</pdfaid:conformance>"),
        "{x}"
    );
    assert!(x.contains("<xmp:CreateDate>2024-03-15T00:00:00+00:00</xmp:CreateDate>"));
    assert!(x.contains("<rdf:li xml:lang=\"x-default\">BÁO CÁO Kết quả công tác"));
    assert!(x.contains("<rdf:li>vi-VN</rdf:li>"));
    assert!(x.contains("<xmp:CreatorTool>vanban "));

    // /ID in the trailer, its first element the XMP DocumentID.
    let tail = String::from_utf8_lossy(&pdf[pdf.len() - 300..]).into_owned();
    let id_at = tail.find("/ID[(").expect("/ID in trailer") + 5;
    let doc_id = &tail[id_at..id_at + tail[id_at..].find(')').expect("id end")];
    assert!(x.contains(&format!("<xmpMM:DocumentID>{doc_id}</xmpMM:DocumentID>")));

    // OutputIntent GTS_PDFA1 with an embedded sRGB (RGB, 3-component) ICC profile.
    let catalog = object(&pdf, reference(&pdf[pdf.len() - 300..], "/Root"));
    let intents = object(&pdf, reference(catalog, "/OutputIntents"));
    let intent_ref: u32 = String::from_utf8_lossy(intents)
        .trim_matches(|c| c == '[' || c == ']')
        .split_whitespace()
        .next()
        .and_then(|n| n.parse().ok())
        .expect("intent ref");
    let intent = object(&pdf, intent_ref);
    assert!(contains(intent, "/S/GTS_PDFA1"));
    assert!(contains(intent, "sRGB"));
    let profile = object(&pdf, reference(intent, "/DestOutputProfile"));
    assert!(contains(profile, "/N 3"));
    let data_start = profile
        .windows(7)
        .position(|w| w == b"stream\n")
        .expect("stream")
        + 7;
    let mut icc = Vec::new();
    let mut z = flate2::read::ZlibDecoder::new(&profile[data_start..]);
    let _ = z.read_to_end(&mut icc);
    assert!(icc.len() > 128, "ICC profile decompressed");
    assert_eq!(&icc[36..40], b"acsp", "ICC signature");
    assert_eq!(&icc[16..20], b"RGB ", "ICC colour space");
    assert!(contains(catalog, "/Metadata"));
    assert!(contains(catalog, "/Lang(vi-VN)"));

    // The e-office fields in our namespace, described for PDF/A.
    assert!(x.contains(&format!("xmlns:vbd=\"{EOFFICE_NS}\"")));
    assert!(x.contains("<vbd:OrganId>000.00.00.H00</vbd:OrganId>"));
    assert!(x.contains("<vbd:CodeNotation>BC-UBND</vbd:CodeNotation>"));
    assert!(x.contains("<vbd:SignerInfo.FullName>Nguyễn Văn A</vbd:SignerInfo.FullName>"));
    assert!(x.contains("<vbd:To>Sở Nội vụ &amp; Văn phòng &lt;UBND&gt;; Huyện Ba Tơ</vbd:To>"));
    assert!(x.contains(&format!(
        "<pdfaSchema:namespaceURI>{EOFFICE_NS}</pdfaSchema:namespaceURI>"
    )));
    assert!(x.contains("<pdfaProperty:name>To</pdfaProperty:name>"));
    assert_eq!(x.matches("<pdfaExtension:schemas>").count(), 1);
}

#[test]
fn same_bytes_twice() {
    let fonts = FontSet::bundled();
    let pages = sample_pages(fonts);
    for standard in [PdfStandard::A2b, PdfStandard::A2a, PdfStandard::None] {
        let o = opts(standard);
        let a = write_pdf(&pages, fonts, &o).expect("first");
        let b = write_pdf(&pages, fonts, &o).expect("second");
        let fresh = PdfFonts::new(fonts).expect("fonts");
        let c = write_pdf_with(&pages, &fresh, &o).expect("third");
        assert!(a == b && b == c, "{standard:?}: the writes differ");
    }
    // A different text gives a different document id.
    let mut other = pages.clone();
    other.pages.pop();
    let a = write_pdf(&pages, fonts, &opts(PdfStandard::A2b)).expect("a");
    let b = write_pdf(&other, fonts, &opts(PdfStandard::A2b)).expect("b");
    let id = |p: &[u8]| {
        let x = xmp(p);
        let s = x.find("<xmpMM:DocumentID>").expect("doc id");
        x[s..s + 60].to_owned()
    };
    assert_ne!(id(&a), id(&b));
}

#[test]
fn poppler_and_qpdf() {
    let pages = sample_pages(FontSet::bundled());
    let (_, path) = write("poppler.pdf", &pages, &opts(PdfStandard::A2b));

    if let Some(out) = tool("pdftotext", &["-raw", "-enc", "UTF-8", &path, "-"]) {
        assert!(out.status.success());
        let text = String::from_utf8(out.stdout).expect("UTF-8 text");
        assert_eq!(text, text.nfc().collect::<String>(), "pdftotext gives NFC");
        let got: Vec<&str> = text.split_whitespace().collect();
        assert_eq!(got, drawn_words(&pages), "words in order");
        assert!(text.contains(NATIONAL), "national name in exact upper case");
        assert!(text.contains(MOTTO));
    }
    if let Some(out) = tool("pdffonts", &[&path]) {
        let s = String::from_utf8_lossy(&out.stdout);
        let rows: Vec<&str> = s.lines().skip(2).collect();
        assert_eq!(rows.len(), 4, "four faces used:\n{s}");
        for row in rows {
            let t: Vec<&str> = row.split_whitespace().collect();
            assert_eq!(&t[t.len() - 5..t.len() - 2], ["yes", "yes", "yes"], "{row}");
            assert!(row.contains("LiberationSerif"), "{row}");
        }
    }
    if let Some(out) = tool("pdfinfo", &[&path]) {
        let s = String::from_utf8_lossy(&out.stdout);
        assert!(
            s.contains("Page size:       595.28 x 841.89 pts (A4)"),
            "{s}"
        );
        assert!(s.contains("Pages:           2"), "{s}");
        assert!(
            s.contains("Title:           BÁO CÁO Kết quả công tác tháng 3 năm 2024"),
            "{s}"
        );
        assert!(
            s.contains("Author:          Ủy ban nhân dân xã Ba Tô"),
            "{s}"
        );
        assert!(
            s.contains("Subject:         Kết quả công tác tháng 3 năm 2024"),
            "{s}"
        );
        assert!(
            s.contains("CreationDate:    Fri Mar 15 00:00:00 2024 UTC"),
            "{s}"
        );
    }
    if let Some(out) = tool("qpdf", &["--check", &path]) {
        let s = String::from_utf8_lossy(&out.stdout);
        assert!(out.status.success(), "qpdf --check:\n{s}");
        assert!(
            s.contains("No syntax or stream encoding errors found"),
            "{s}"
        );
    }
}

#[test]
fn nfd_input_shapes_like_nfc() {
    // Shaping is layout's job: an NFD string must give the NFC string's
    // glyphs, so the PDF (which draws NFC text) never sees loose marks.
    let fonts = FontSet::bundled();
    let mut sh = Shaper::new(fonts);
    for word in ["Cộng", "hòa", "nghĩa", "Việt", "Ủy", "Độc", "phúc", "Tơ"] {
        let nfd: String = word.nfd().collect();
        assert_ne!(nfd, word);
        let a: Vec<u16> = sh
            .shape(FontId::Regular, word)
            .glyphs
            .iter()
            .map(|g| g.id)
            .collect();
        let b: Vec<u16> = sh
            .shape(FontId::Regular, &nfd)
            .glyphs
            .iter()
            .map(|g| g.id)
            .collect();
        assert_eq!(a, b, "{word}");
    }
}

#[test]
fn pdfa3b_with_source_attached() {
    let pages = sample_pages(FontSet::bundled());
    let json = br#"{"type":"bao_cao","title":"K\u1ebft qu\u1ea3"}"#.to_vec();
    let mut o = opts(PdfStandard::A3b);
    o.attachment = Some(Attachment::json_source("bao-cao.json", json.clone()));
    let (pdf, path) = write("a3b.pdf", &pages, &o);
    let x = xmp(&pdf);
    assert!(x.contains("<pdfaid:part>3</pdfaid:part>"));
    assert!(x.contains("<pdfaid:conformance>B</pdfaid:conformance>"));
    assert!(contains(&pdf, "/AFRelationship/Source"));
    assert!(contains(&pdf, "/EmbeddedFiles"));
    assert!(contains(&pdf, "/Subtype/application#2Fjson"));
    let catalog = object(&pdf, reference(&pdf[pdf.len() - 300..], "/Root"));
    assert!(contains(catalog, "/AF["), "catalog /AF array");
    if let Some(out) = tool("pdfdetach", &["-list", &path]) {
        let s = String::from_utf8_lossy(&out.stdout);
        assert!(s.contains("1: bao-cao.json"), "{s}");
        let saved = out_dir().join("bao-cao.json");
        let _ = tool(
            "pdfdetach",
            &["-save", "1", "-o", &saved.display().to_string(), &path],
        );
        assert_eq!(std::fs::read(&saved).expect("detached"), json);
    }
    // PDF/A-2 forbids the attachment: a clear error, not a silent drop.
    let mut o2 = opts(PdfStandard::A2b);
    o2.attachment = o.attachment.clone();
    let e = write_pdf(&pages, FontSet::bundled(), &o2).expect_err("A-2b refuses attachments");
    assert!(matches!(e, PdfError::AttachmentNotAllowed { .. }), "{e}");
}

#[test]
fn pdfa2a_tagged() {
    let pages = sample_pages(FontSet::bundled());
    let (pdf, path) = write("a2a.pdf", &pages, &opts(PdfStandard::A2a));
    let x = xmp(&pdf);
    assert!(x.contains("<pdfaid:part>2</pdfaid:part>"));
    assert!(x.contains("<pdfaid:conformance>A</pdfaid:conformance>"));
    assert!(contains(&pdf, "/StructTreeRoot"));
    assert!(contains(&pdf, "/MarkInfo<</Marked true"));
    for tag in [
        "/S/Document",
        "/S/H1",
        "/S/P",
        "/S/L",
        "/S/LI",
        "/S/LBody",
        "/S/Note",
    ] {
        assert!(contains(&pdf, tag), "{tag}");
    }
    let content: Vec<u8> = inflated_streams(&pdf).concat();
    assert!(
        contains(&content, "/Artifact<</Type/Pagination>>BDC"),
        "page number is a pagination artifact"
    );
    assert!(
        contains(&content, "/Artifact<</Type/Layout>>BDC"),
        "rules are layout artifacts"
    );
    assert!(
        contains(&content, "/Span<</MCID 0>>BDC"),
        "text is marked content"
    );
    if let Some(out) = tool("pdfinfo", &["-struct", &path]) {
        let s = String::from_utf8_lossy(&out.stdout);
        let tags: Vec<&str> = s
            .lines()
            .map(str::trim)
            .filter(|l| !l.is_empty() && !l.starts_with('/'))
            .filter_map(|l| l.split_whitespace().next())
            .collect();
        // Reading order: header grid (Form → P), the title block and the
        // headings (H1), body, list, heading, body, note. Page number and
        // rules are artifacts, outside the tree.
        let expected = [
            "Document", "P", "P", "P", "P", "H1", "H1", "H1", "P", "L", "LI", "LBody", "LI",
            "LBody", "H1", "P", "Note",
        ];
        assert_eq!(tags, expected, "{s}");
    }
    if let Some(out) = tool("pdfinfo", &[&path]) {
        assert!(String::from_utf8_lossy(&out.stdout).contains("Tagged:          yes"));
    }
}

#[test]
fn plain_pdf_has_no_pdfa_claim() {
    let pages = sample_pages(FontSet::bundled());
    let (pdf, _) = write("plain.pdf", &pages, &opts(PdfStandard::None));
    let x = xmp(&pdf);
    assert!(!x.contains("pdfaid"));
    assert!(x.contains("<vbd:OrganId>000.00.00.H00</vbd:OrganId>"));
    // Without a date a plain PDF is still written (no clock is read).
    let o = PdfOptions {
        standard: PdfStandard::None,
        ..PdfOptions::default()
    };
    let pdf = write_pdf(&pages, FontSet::bundled(), &o).expect("no date");
    assert!(!contains(&pdf, "CreationDate"));
}

#[test]
fn readable_errors() {
    let fonts = FontSet::bundled();
    let pages = sample_pages(fonts);

    // PDF/A without a date.
    let o = PdfOptions::default();
    let e = write_pdf(&pages, fonts, &o).expect_err("no date");
    let msg = e.to_string();
    assert!(
        msg.contains("PDF/A-2b") && msg.contains("SOURCE_DATE_EPOCH"),
        "{msg}"
    );

    // A glyph the font lacks (.notdef), named by page and text.
    let mut bad = pages.clone();
    let mut sh = Shaper::new(fonts);
    let mut t = run(
        &mut sh,
        FontId::Regular,
        14.0,
        90.0,
        400.0,
        "ký tự ☃ lạ",
        Role::Body,
        20,
    );
    assert!(t.glyphs.iter().any(|g| g.id == 0));
    t.block = 20;
    bad.pages[1].items.push(Item::Text(t));
    let e = write_pdf(&bad, fonts, &opts(PdfStandard::A2b)).expect_err("notdef");
    let msg = e.to_string();
    assert!(msg.contains("page 2") && msg.contains("☃"), "{msg}");

    // A glyph range outside its text: an error, not a panic inside krilla.
    let mut bad = pages.clone();
    if let Item::Text(t) = &mut bad.pages[0].items[0] {
        t.glyphs[0].range = 0..1000;
    }
    let e = write_pdf(&bad, fonts, &opts(PdfStandard::A2b)).expect_err("range");
    assert!(matches!(e, PdfError::InvalidPages { page: 1, .. }), "{e}");

    // A range inside a multi-byte character.
    let mut bad = pages.clone();
    if let Item::Text(t) = &mut bad.pages[0].items[0] {
        t.glyphs[0].range = 0..2; // "Ủ" is 3 bytes
    }
    assert!(write_pdf(&bad, fonts, &opts(PdfStandard::A2b)).is_err());

    // Zero size and NaN positions.
    let mut bad = pages.clone();
    if let Item::Text(t) = &mut bad.pages[0].items[0] {
        t.size = 0.0;
    }
    assert!(write_pdf(&bad, fonts, &opts(PdfStandard::A2b)).is_err());
    let mut bad = pages;
    bad.width = f32::NAN;
    assert!(write_pdf(&bad, fonts, &opts(PdfStandard::A2b)).is_err());
}

#[test]
fn empty_document_and_no_eoffice() {
    let fonts = FontSet::bundled();
    let mut pages = sample_pages(fonts);
    pages.pages.clear();
    pages.info.eoffice = Default::default();
    let pdf = write_pdf(&pages, fonts, &opts(PdfStandard::A2b)).expect("empty");
    assert!(!xmp(&pdf).contains("vbd"));
}

#[test]
fn glyph_offsets_go_up() {
    // Layout counts y offsets upwards, as fonts do; krilla's page space is
    // y-down, so a glyph raised by 5 pt sits on y = baseline - 5.
    let fonts = FontSet::bundled();
    let mut sh = Shaper::new(fonts);
    let mut t = run(
        &mut sh,
        FontId::Regular,
        10.0,
        100.0,
        400.0,
        "ab",
        Role::Body,
        0,
    );
    t.glyphs[1].y_offset = 5.0;
    let mut pages = sample_pages(fonts);
    pages.pages.truncate(1);
    pages.pages[0].items = vec![Item::Text(t)];
    let pdf = write_pdf(&pages, fonts, &opts(PdfStandard::None)).expect("pdf");
    let content = String::from_utf8_lossy(&inflated_streams(&pdf).concat()).into_owned();
    assert!(content.contains("1 0 0 -1 100 400 Tm"), "{content}");
    assert!(content.contains(" 395 Tm"), "{content}");
}

#[test]
fn xref_offsets_exact_after_xmp_splice() {
    let pages = sample_pages(FontSet::bundled());
    let mut a3 = opts(PdfStandard::A3b);
    a3.attachment = Some(Attachment::json_source("x.json", b"{}".to_vec()));
    for o in [opts(PdfStandard::A2b), opts(PdfStandard::A2a), a3] {
        let pdf = write_pdf(&pages, FontSet::bundled(), &o).expect("pdf");
        let tail = std::str::from_utf8(&pdf[pdf.len() - 40..]).expect("ASCII tail");
        let sx: usize = tail[tail.rfind("startxref").expect("startxref") + 9..]
            .split_whitespace()
            .next()
            .and_then(|n| n.parse().ok())
            .expect("startxref value");
        let table = std::str::from_utf8(&pdf[sx..]).expect("ASCII xref and trailer");
        assert!(table.starts_with("xref\n0 "), "startxref points at xref");
        let mut checked = 0;
        for (num, line) in table
            .lines()
            .skip(2)
            .take_while(|l| l.len() == 18)
            .enumerate()
        {
            if line.ends_with('n') {
                let off: usize = line[..10].parse().expect("offset");
                let head = format!("{num} 0 obj");
                assert!(
                    pdf[off..].starts_with(head.as_bytes()),
                    "object {num} at {off}"
                );
                checked += 1;
            }
        }
        assert!(checked > 20);
        // /Length of the metadata stream matches its data.
        let x = xmp(&pdf);
        let len = format!(
            "<</Length {}/Type/Metadata",
            x.len() + "<?xpacket end=\"r\"?>".len()
        );
        assert!(contains(&pdf, &len), "{len}");
    }
}
