//! Chinese must render: every character of the shipped Chinese texts (rules, demo cases, window
//! strings) has a glyph in the font
//! the app picks, and the face picked is a Simplified-Chinese one.

use scamcheck::app::fonts;
use scamcheck::cases::Cases;
use scamcheck::strings::strings;
use scamcheck::{Lang, RuleSet};
use skrifa::MetadataProvider;

/// Every `zh` string in a JSON tree (the rules serialise as `{"zh": …, "en": …}` texts).
fn chinese_texts(value: &serde_json::Value, out: &mut Vec<String>) {
    match value {
        serde_json::Value::Object(map) => {
            for (key, v) in map {
                match (key.as_str(), v) {
                    ("zh", serde_json::Value::String(s)) => out.push(s.clone()),
                    _ => chinese_texts(v, out),
                }
            }
        }
        serde_json::Value::Array(items) => items.iter().for_each(|v| chinese_texts(v, out)),
        _ => {}
    }
}

fn shipped_chinese() -> Vec<String> {
    let rules = match RuleSet::embedded() {
        Ok(r) => r,
        Err(err) => panic!("{err}"),
    };
    let mut texts = Vec::new();
    match serde_json::to_value(rules.file()) {
        Ok(v) => chinese_texts(&v, &mut texts),
        Err(err) => panic!("{err}"),
    }
    match Cases::embedded(&rules).map(|cases| serde_json::to_value(&cases)) {
        Ok(Ok(v)) => chinese_texts(&v, &mut texts),
        other => panic!("{other:?}"),
    }
    match serde_json::to_value(strings(Lang::Zh)) {
        Ok(serde_json::Value::Object(map)) => {
            texts.extend(map.values().filter_map(|v| v.as_str().map(str::to_owned)));
        }
        other => panic!("{other:?}"),
    }
    texts
}

#[test]
fn every_shipped_chinese_character_has_a_glyph_in_the_chosen_font() {
    let Some(font) = fonts::system_cjk_font() else {
        panic!("no Chinese font found: install fonts-noto-cjk (bash .ci/run does)");
    };
    let face = match skrifa::FontRef::from_index((*font.data).as_ref(), font.index) {
        Ok(face) => face,
        Err(err) => panic!(
            "{}: cannot read face {}: {err}",
            font.path.display(),
            font.index
        ),
    };
    let charmap = face.charmap();
    let texts = shipped_chinese();
    assert!(texts.len() > 100, "only {} texts found", texts.len());
    let mut missing: Vec<char> = texts
        .iter()
        .flat_map(|t| t.chars())
        .filter(|c| !c.is_ascii() && charmap.map(*c).is_none())
        .collect();
    missing.sort_unstable();
    missing.dedup();
    assert!(
        missing.is_empty(),
        "{} ({}) has no glyph for {missing:?}",
        font.family,
        font.path.display()
    );
}

#[test]
fn a_simplified_chinese_face_is_chosen() {
    let Some(font) = fonts::system_cjk_font() else {
        panic!("no Chinese font found: install fonts-noto-cjk (bash .ci/run does)");
    };
    let is_simplified = font.family.ends_with(" SC")
        || font.family.ends_with(" CN")
        || [
            "Microsoft YaHei",
            "WenQuanYi Micro Hei",
            "WenQuanYi Zen Hei",
            "SimHei",
        ]
        .contains(&font.family.as_str());
    assert!(
        is_simplified,
        "{} is not a Simplified-Chinese face",
        font.family
    );
    // In a collection the SC face is rarely the first one (Noto's face 0 is Japanese).
    let name = font
        .path
        .file_name()
        .map(|n| n.to_string_lossy().to_string());
    if name
        .as_deref()
        .is_some_and(|n| n.starts_with("NotoSansCJK"))
    {
        assert_eq!(font.family, "Noto Sans CJK SC");
        assert_ne!(font.index, 0, "face 0 of Noto Sans CJK is the Japanese one");
    }
}
