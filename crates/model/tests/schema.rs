//! The JSON Schema: well formed, draft 2020-12, and every fixture validates.

use std::path::PathBuf;

/// The fixtures and the starter documents (`vanban new`).
fn fixtures() -> Vec<PathBuf> {
    let mut files = Vec::new();
    for folder in ["../../fixtures", "../../starters"] {
        let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join(folder);
        files.extend(
            std::fs::read_dir(&dir)
                .map(|rd| {
                    rd.filter_map(|e| e.ok().map(|e| e.path()))
                        .filter(|p| p.extension().is_some_and(|x| x == "json"))
                        .collect::<Vec<_>>()
                })
                .unwrap_or_default(),
        );
    }
    files.sort();
    files
}

fn schema() -> serde_json::Value {
    serde_json::from_str(&vanban_model::schema_json()).unwrap()
}

#[test]
fn schema_header() {
    let s = schema();
    assert_eq!(s["$schema"], "https://json-schema.org/draft/2020-12/schema");
    assert_eq!(s["title"], "Văn bản hành chính");
    assert!(s["$id"].as_str().unwrap().starts_with("https://"));
    let block = &s["$defs"]["Block"]["anyOf"];
    assert_eq!(block.as_array().unwrap().len(), 9, "string + 8 block kinds");
}

#[test]
fn fixtures_validate_against_schema() {
    let files = fixtures();
    if files.is_empty() {
        println!("note: no fixtures found; nothing to check");
        return;
    }
    let validator = jsonschema::validator_for(&schema()).unwrap();
    let mut failures = Vec::new();
    for f in &files {
        let text = std::fs::read_to_string(f).unwrap();
        let value: serde_json::Value = serde_json::from_str(&text).unwrap();
        for e in validator.iter_errors(&value) {
            failures.push(format!("{}: {} at {}", f.display(), e, e.instance_path()));
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

#[test]
fn schema_rejects_what_parse_rejects() {
    let validator = jsonschema::validator_for(&schema()).unwrap();
    let bad = [
        r#"{"type":"bao_cao","issuer":{"name":"A","abbr":"B"},"place":"P","body":[{"headng":"x"}],"signature":{"title":"T","name":"N"}}"#,
        r#"{"type":"bao_cao","issuer":{"name":"A","abbr":"B"},"place":"P","body":[{"heading":"x","list":["a"]}],"signature":{"title":"T","name":"N"}}"#,
        r#"{"type":"bao_cao","issuer":{"name":"A","abbr":"B"},"place":"P","body":["x"],"signature":[]}"#,
        r#"{"type":"nope","issuer":{"name":"A","abbr":"B"},"place":"P","body":["x"],"signature":{"title":"T","name":"N"}}"#,
        r#"{"type":"bao_cao","issuer":{"name":"A","abbr":"B"},"place":"P","date":"5/6/2023","body":["x"],"signature":{"title":"T","name":"N"}}"#,
        r#"{"type":"bao_cao","issuer":{"name":"A","abbr":"B"},"place":"P","body":["x"],"signature":{"title":"T","name":"N"},"style":{"body_size":12}}"#,
    ];
    for b in bad {
        let v: serde_json::Value = serde_json::from_str(b).unwrap();
        assert!(!validator.is_valid(&v), "schema accepted {b}");
        assert!(vanban_model::parse(b).is_err(), "parse accepted {b}");
    }
    let good = r#"{"$schema":"x","type":"bao_cao","issuer":{"name":"A","abbr":"B"},"place":"P","date":null,"number":null,"body":["x",{"page_break":true},{"list":["a",["b",{"paragraph":"c","align":"center"}]],"marker":"+"}],"signature":{"for":{"mode":"Q","title":"T"},"name":"N"},"style":{"line_spacing":{"exact_pt":18},"indent_cm":1.27}}"#;
    let v: serde_json::Value = serde_json::from_str(good).unwrap();
    let errs: Vec<String> = validator.iter_errors(&v).map(|e| e.to_string()).collect();
    assert!(errs.is_empty(), "{errs:?}");
    vanban_model::parse(good).unwrap();
}

/// Every definition and every property has a Vietnamese title and a
/// description that starts in Vietnamese (English follows); the fields of
/// the decree's diagram carry their box number.
#[test]
fn schema_speaks_vietnamese_with_box_numbers() {
    let s = schema();
    let mut missing = Vec::new();
    let mut check = |name: String, o: &serde_json::Value| {
        let title = o["title"].as_str().unwrap_or("");
        let desc = o["description"].as_str().unwrap_or("");
        let vietnamese = |t: &str| t.chars().any(|c| c.is_alphabetic() && !c.is_ascii());
        let head = desc.split("(English)").next().unwrap_or("");
        if title.is_empty() || !vietnamese(&format!("{title}{head}")) {
            missing.push(name);
        }
    };
    check("ROOT".into(), &s);
    for (p, v) in s["properties"].as_object().unwrap() {
        check(format!("ROOT.{p}"), v);
    }
    for (d, def) in s["$defs"].as_object().unwrap() {
        check(d.clone(), def);
        if let Some(props) = def["properties"].as_object() {
            for (p, v) in props {
                check(format!("{d}.{p}"), v);
            }
        }
    }
    assert!(
        missing.is_empty(),
        "no Vietnamese title/description: {missing:?}"
    );
    let p = &s["properties"];
    for (field, box_no) in [
        ("issuer", "ô số 2"),
        ("number", "ô số 3"),
        ("date", "ô số 4"),
        ("title", "ô số 5a"),
        ("body", "ô số 6"),
        ("signature", "ô số 7a"),
        ("to", "ô số 9a"),
        ("recipients", "ô số 9b"),
        ("urgency", "ô số 10b"),
        ("drafter", "ô số 12"),
        ("contact", "ô số 13"),
    ] {
        let title = p[field]["title"].as_str().unwrap_or("");
        assert!(title.contains(box_no), "{field}: {title:?} lacks {box_no}");
    }
    // Enumerated values too.
    for (def, values) in s["$defs"].as_object().unwrap() {
        for v in values["oneOf"].as_array().into_iter().flatten() {
            if v.get("const").is_some() {
                let d = v["description"].as_str().unwrap_or("");
                let head = d.split("(English)").next().unwrap_or("");
                assert!(
                    head.chars().any(|c| c.is_alphabetic() && !c.is_ascii())
                        || head.contains("\"-\"")
                        || head.contains("\"+\""),
                    "{def} {}: {d:?}",
                    v["const"]
                );
            }
        }
    }
    let qd = &s["$defs"]["DocType"]["oneOf"][1];
    assert!(
        qd["description"]
            .as_str()
            .unwrap()
            .starts_with("Quyết định (cá biệt) (ký hiệu QĐ).")
    );
    // The English original is kept after the Vietnamese.
    let d = p["place"]["description"].as_str().unwrap();
    assert!(
        d.starts_with("Địa danh") && d.contains("(English) Place name"),
        "{d}"
    );
}

/// The schema text is pinned: a change to the input types, the block kinds
/// table or the Vietnamese help shows up here as a reviewed diff. To accept
/// a deliberate change: `VANBAN_BLESS=1 cargo test -p vanban-model --test schema`.
#[test]
fn schema_text_is_pinned() {
    let path = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/data/document.schema.json");
    let now = vanban_model::schema_json();
    if std::env::var_os("VANBAN_BLESS").is_some() {
        std::fs::write(&path, &now).unwrap();
    }
    let pinned = std::fs::read_to_string(&path).unwrap();
    if now != pinned {
        let line = now
            .lines()
            .zip(pinned.lines())
            .position(|(a, b)| a != b)
            .map_or(now.lines().count().min(pinned.lines().count()), |i| i);
        panic!(
            "the schema differs from tests/data/document.schema.json from line {}:\n  now:    {:?}\n  pinned: {:?}",
            line + 1,
            now.lines().nth(line),
            pinned.lines().nth(line)
        );
    }
}
