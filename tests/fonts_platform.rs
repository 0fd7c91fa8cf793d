//! The Chinese font lookup on Windows and macOS, tried on Linux: font files carrying the
//! family names those systems ship (Microsoft YaHei, DengXian, SimHei, SimSun; PingFang SC,
//! Hiragino Sans GB, Heiti SC) are made in a temporary directory from the installed Noto Sans
//! CJK SC face, with only their `name` table rewritten, and the lookup is pointed at that
//! directory alone.

use std::path::{Path, PathBuf};

use scamcheck::app::fonts::{self, CjkFont};
use skrifa::MetadataProvider;

/// The installed Simplified-Chinese face that every test font is made from.
fn source_face() -> (PathBuf, u32) {
    match fonts::system_cjk_font() {
        Some(font) => (font.path.clone(), font.index),
        None => panic!("no Chinese font found: install fonts-noto-cjk (bash .ci/run does)"),
    }
}

fn u16_at(data: &[u8], at: usize) -> usize {
    usize::from(u16::from_be_bytes([data[at], data[at + 1]]))
}

fn u32_at(data: &[u8], at: usize) -> usize {
    u32::from_be_bytes([data[at], data[at + 1], data[at + 2], data[at + 3]]) as usize
}

/// A `name` table (format 0) naming the family `family` in English and, if given, in Chinese.
fn name_table(family: &str, chinese: Option<&str>) -> Vec<u8> {
    let postscript: String = family.chars().filter(|c| !c.is_whitespace()).collect();
    let full = family.to_owned();
    // (language, name id, text), sorted as the format requires.
    let mut records: Vec<(u16, u16, String)> = vec![
        (0x0409, 1, family.to_owned()),
        (0x0409, 2, "Regular".to_owned()),
        (0x0409, 4, full),
        (0x0409, 6, postscript),
    ];
    if let Some(zh) = chinese {
        records.push((0x0804, 1, zh.to_owned()));
        records.push((0x0804, 2, "Regular".to_owned()));
    }
    records.sort();
    let mut strings = Vec::new();
    let mut table = Vec::new();
    let count = records.len() as u16;
    table.extend_from_slice(&0u16.to_be_bytes());
    table.extend_from_slice(&count.to_be_bytes());
    table.extend_from_slice(&(6 + 12 * count).to_be_bytes());
    for (language, name_id, text) in &records {
        let utf16: Vec<u8> = text.encode_utf16().flat_map(u16::to_be_bytes).collect();
        // Windows platform, Unicode BMP encoding.
        for field in [3u16, 1, *language, *name_id, utf16.len() as u16] {
            table.extend_from_slice(&field.to_be_bytes());
        }
        table.extend_from_slice(&(strings.len() as u16).to_be_bytes());
        strings.extend_from_slice(&utf16);
    }
    table.extend_from_slice(&strings);
    table
}

fn checksum(table: &[u8]) -> u32 {
    table.chunks(4).fold(0u32, |sum, chunk| {
        let mut word = [0u8; 4];
        word[..chunk.len()].copy_from_slice(chunk);
        sum.wrapping_add(u32::from_be_bytes(word))
    })
}

/// A stand-alone font file made of face `index` of the font file `src` (a `.ttf`, `.otf` or
/// `.ttc`), with its `name` table replaced by one for `family`.
fn renamed_face(src: &Path, index: u32, family: &str, chinese: Option<&str>) -> Vec<u8> {
    let data = match std::fs::read(src) {
        Ok(data) => data,
        Err(err) => panic!("{}: {err}", src.display()),
    };
    let face = if data.starts_with(b"ttcf") {
        assert!(
            index < u32_at(&data, 8) as u32,
            "no face {index} in the collection"
        );
        u32_at(&data, 12 + 4 * index as usize)
    } else {
        0
    };
    let count = u16_at(&data, face + 4);
    let mut tables: Vec<([u8; 4], Vec<u8>)> = (0..count)
        .map(|i| {
            let record = face + 12 + 16 * i;
            let tag: [u8; 4] = [
                data[record],
                data[record + 1],
                data[record + 2],
                data[record + 3],
            ];
            let offset = u32_at(&data, record + 8);
            let length = u32_at(&data, record + 12);
            (tag, data[offset..offset + length].to_vec())
        })
        .collect();
    let name = tables.iter_mut().find(|(tag, _)| tag == b"name");
    match name {
        Some((_, table)) => *table = name_table(family, chinese),
        None => panic!("{}: face {index} has no name table", src.display()),
    }
    let mut out = Vec::new();
    out.extend_from_slice(&data[face..face + 12]);
    let mut offset = 12 + 16 * tables.len();
    let mut bodies = Vec::new();
    for (tag, table) in &tables {
        out.extend_from_slice(tag);
        out.extend_from_slice(&checksum(table).to_be_bytes());
        out.extend_from_slice(&(offset as u32).to_be_bytes());
        out.extend_from_slice(&(table.len() as u32).to_be_bytes());
        bodies.extend_from_slice(table);
        while bodies.len() % 4 != 0 {
            bodies.push(0);
        }
        offset = 12 + 16 * tables.len() + bodies.len();
    }
    out.extend_from_slice(&bodies);
    out
}

/// A temporary font folder holding one file per `(file name, family, Chinese family)`.
fn font_dir(files: &[(&str, &str, Option<&str>)]) -> tempfile::TempDir {
    let (src, index) = source_face();
    let dir = match tempfile::tempdir() {
        Ok(dir) => dir,
        Err(err) => panic!("{err}"),
    };
    for (file, family, chinese) in files {
        let path = dir.path().join(file);
        if let Err(err) = std::fs::write(&path, renamed_face(&src, index, family, *chinese)) {
            panic!("{}: {err}", path.display());
        }
    }
    dir
}

fn lookup(dir: &tempfile::TempDir) -> Option<CjkFont> {
    fonts::cjk_font_in_dirs(&[dir.path()])
}

/// The font is found, is the file in `dir` named `file`, and renders Chinese.
fn assert_found(found: Option<CjkFont>, dir: &tempfile::TempDir, family: &str, file: &str) {
    let Some(font) = found else {
        panic!("no Chinese font found in {}", dir.path().display());
    };
    assert_eq!(font.family, family);
    assert_eq!(font.path, dir.path().join(file));
    let face = match skrifa::FontRef::from_index((*font.data).as_ref(), font.index) {
        Ok(face) => face,
        Err(err) => panic!("{file}: {err}"),
    };
    let charmap = face.charmap();
    for c in "退款理赔挂断".chars() {
        assert!(charmap.map(c).is_some(), "{file} has no glyph for {c}");
    }
}

#[test]
fn windows_microsoft_yahei_is_preferred_over_the_older_faces() {
    let dir = font_dir(&[
        ("simsun.ttc", "SimSun", Some("宋体")),
        ("simhei.ttf", "SimHei", Some("黑体")),
        ("Deng.ttf", "DengXian", Some("等线")),
        ("msyh.ttc", "Microsoft YaHei", Some("微软雅黑")),
        ("arial.ttf", "Arial", None),
    ]);
    assert_found(lookup(&dir), &dir, "Microsoft YaHei", "msyh.ttc");
}

#[test]
fn windows_without_yahei_falls_back_in_order() {
    let dir = font_dir(&[
        ("simsun.ttc", "SimSun", None),
        ("simhei.ttf", "SimHei", None),
        ("Deng.ttf", "DengXian", None),
    ]);
    assert_found(lookup(&dir), &dir, "DengXian", "Deng.ttf");
    let dir = font_dir(&[
        ("simsun.ttc", "SimSun", None),
        ("simhei.ttf", "SimHei", None),
    ]);
    assert_found(lookup(&dir), &dir, "SimHei", "simhei.ttf");
    let dir = font_dir(&[("simsun.ttc", "SimSun", None)]);
    assert_found(lookup(&dir), &dir, "SimSun", "simsun.ttc");
}

#[test]
fn macos_pingfang_then_hiragino_then_heiti() {
    let dir = font_dir(&[
        ("STHeiti Light.ttc", "Heiti SC", Some("黑体-简")),
        ("Hiragino Sans GB.ttc", "Hiragino Sans GB", None),
        ("PingFang.ttc", "PingFang SC", Some("苹方-简")),
        ("Helvetica.ttc", "Helvetica", None),
    ]);
    assert_found(lookup(&dir), &dir, "PingFang SC", "PingFang.ttc");
    let dir = font_dir(&[
        ("STHeiti Light.ttc", "Heiti SC", None),
        ("Hiragino Sans GB.ttc", "Hiragino Sans GB", None),
    ]);
    assert_found(
        lookup(&dir),
        &dir,
        "Hiragino Sans GB",
        "Hiragino Sans GB.ttc",
    );
    let dir = font_dir(&[("STHeiti Light.ttc", "Heiti SC", None)]);
    assert_found(lookup(&dir), &dir, "Heiti SC", "STHeiti Light.ttc");
}

#[test]
fn family_names_match_in_any_case_and_fonts_in_subfolders_count() {
    let dir = font_dir(&[]);
    let sub = dir.path().join("Microsoft").join("Windows").join("Fonts");
    if let Err(err) = std::fs::create_dir_all(&sub) {
        panic!("{err}");
    }
    let (src, index) = source_face();
    if let Err(err) = std::fs::write(
        sub.join("msyh.ttc"),
        renamed_face(&src, index, "Microsoft Yahei", None),
    ) {
        panic!("{err}");
    }
    let found = lookup(&dir);
    let Some(font) = found else {
        panic!("a font in a subfolder was not found");
    };
    assert_eq!(font.family, "Microsoft YaHei");
    assert_eq!(font.path, sub.join("msyh.ttc"));
}

#[test]
fn no_chinese_family_means_no_font() {
    let dir = font_dir(&[
        ("arial.ttf", "Arial", None),
        ("Helvetica.ttc", "Helvetica", None),
    ]);
    assert!(lookup(&dir).is_none());
    let empty = font_dir(&[]);
    assert!(lookup(&empty).is_none());
}

#[test]
fn the_direct_lookup_reads_only_the_listed_files_and_skips_missing_ones() {
    let dir = font_dir(&[
        ("msyh.ttc", "Microsoft YaHei", Some("微软雅黑")),
        ("simsun.ttc", "SimSun", Some("宋体")),
        ("arial.ttf", "Arial", None),
    ]);
    let listed =
        |names: &[&str]| -> Vec<PathBuf> { names.iter().map(|n| dir.path().join(n)).collect() };
    // The preferred face is in the folder but not listed: only the listed files count.
    assert_found(
        fonts::cjk_font_in_files(&listed(&["missing.ttc", "arial.ttf", "simsun.ttc"])),
        &dir,
        "SimSun",
        "simsun.ttc",
    );
    assert_found(
        fonts::cjk_font_in_files(&listed(&["simsun.ttc", "msyh.ttc"])),
        &dir,
        "Microsoft YaHei",
        "msyh.ttc",
    );
    // No listed file holds a Chinese face: the caller falls back to the scan.
    assert!(fonts::cjk_font_in_files(&listed(&["arial.ttf", "missing.ttc"])).is_none());
}
