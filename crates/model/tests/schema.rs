//! The JSON Schema: well formed, draft 2020-12, and every fixture validates.

use std::path::PathBuf;

fn fixtures() -> Vec<PathBuf> {
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../fixtures");
    let mut files: Vec<PathBuf> = std::fs::read_dir(&dir)
        .map(|rd| {
            rd.filter_map(|e| e.ok().map(|e| e.path()))
                .filter(|p| p.extension().is_some_and(|x| x == "json"))
                .collect()
        })
        .unwrap_or_default();
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
    assert_eq!(s["title"], "vanban document");
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
