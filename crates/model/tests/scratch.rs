#[test]
fn show() {
    let base = r#"{"type":"bao_cao","issuer":{"name":"UBND XÃ","abbr":"UBND"},"number":1,"place":"Ba Tô","date":"2023-06-05","title":"T","body":["x"],"signature":{"title":"CHỦ TỊCH","name":"A"}}"#;
    let cases = [
        r#"{"type":"bao_cao", "body": [ {"heading":"a","body":[ "x", {"headng":"b"} ]} ]}"#.to_string(),
        "{\"type\": \"bao_cao\",\n  \"issuer\": [1,}".to_string(),
        base.replace("2023-06-05", "2023-02-30"),
        base.replace("\"number\":1", "\"number\":0"),
        base.replace("\"number\":1", "\"number\":1.5"),
        base.replace("bao_cao", "Bao-Cao"),
        base.replace("\"body\":[\"x\"]", "\"body\":[\"a *b\", {\"heading\":\"h\",\"list\":[]}, {\"table\":{\"rows\":[[\"a\",\"b\"],[\"c\"]]}}]"),
        base.replace("\"signature\":{\"title\":\"CHỦ TỊCH\",\"name\":\"A\"}", "\"signature\":[{\"name\":\"A\",\"for\":{\"mode\":\"kt.\",\"title\":\"X\"}},{\"title\":\"B\",\"name\":\"\"}]"),
        base.replace("\"body\":", "\"style\":{\"body_size\":12,\"margins_mm\":{\"top\":20,\"bottom\":20,\"left\":25,\"right\":15},\"line_spacing\":{\"exact_pt\":30}},\"body\":"),
        base.replace("\"title\":\"T\"", "\"title\":\"T\\tx\""),
        base.replace("\"date\":\"2023-06-05\"", "\"date\":\"5/6/2023\""),
        base.replace("\"number\":1", "\"number\":1,").replace("\"body\"", "\"body\" "),
        "{\"a\":1} x".to_string(),
        "".to_string(),
        base.replace("\"body\":[\"x\"]", "\"body\":[{\"page_break\":true,\"align\":\"center\"}, {\"paragraph\":\"p\",\"align\":\"centre\"}]"),
    ];
    for c in cases {
        match vanban_model::parse(&c) {
            Ok(_) => println!("OK\n"),
            Err(e) => println!("{e}\n"),
        }
    }
    let deep = format!("{{\"type\":\"bao_cao\",\"body\":{}{}}}", "[".repeat(300), "]".repeat(300));
    println!("{}", vanban_model::parse(&deep).err().map(|e| e.to_string()).unwrap_or_default());
    let mut s = String::from("[");
    for _ in 0..40 { s.push_str("{\"heading\":\"h\",\"body\":["); }
    s.push_str("\"x\"");
    for _ in 0..40 { s.push_str("]}"); }
    s.push(']');
    let deep2 = base.replace("[\"x\"]", &s);
    println!("{}", vanban_model::parse(&deep2).err().map(|e| e.to_string()).unwrap_or_default());
}
