//! Finds an installed Chinese font, so Chinese renders on a fresh machine without shipping a
//! font file. Simplified-Chinese faces are preferred; inside a `.ttc` collection the SC face is
//! chosen by its family name (in Noto's collection face 0 is Japanese).
//!
//! Fonts are looked up by family name, never by file name, so the same list serves Linux,
//! Windows (Microsoft YaHei, DengXian, SimHei, SimSun in `C:\Windows\Fonts`) and macOS (PingFang
//! SC, Hiragino Sans GB, Heiti SC in `/System/Library/Fonts` and its asset folders): `fontdb`
//! knows each system's font folders.

use std::path::{Path, PathBuf};
use std::sync::{Arc, OnceLock};

use eframe::egui;

/// Families tried in order: Simplified-Chinese sans-serif faces first (the ones a user installed
/// on purpose, then each system's own), then older or serif faces. Each system has only its own,
/// so one list serves all three.
pub const PREFERRED_FAMILIES: &[&str] = &[
    "Noto Sans CJK SC",
    "Noto Sans SC",
    "Source Han Sans SC",
    "Source Han Sans CN",
    // Windows 7 and later, then Windows 10 and later.
    "Microsoft YaHei",
    "DengXian",
    // macOS 10.11 and later, then older macOS.
    "PingFang SC",
    "Hiragino Sans GB",
    // Linux.
    "WenQuanYi Micro Hei",
    "WenQuanYi Zen Hei",
    "Noto Serif CJK SC",
    "Source Han Serif SC",
    // Older faces: Windows' SimHei (黑体), macOS' Heiti SC, Windows' serif SimSun (宋体).
    "SimHei",
    "Heiti SC",
    "SimSun",
    "Droid Sans Fallback",
    "AR PL UMing CN",
];

/// The name egui knows the Chinese font by.
const FONT_KEY: &str = "cjk";

/// A Chinese font found on this machine.
#[derive(Debug)]
pub struct CjkFont {
    /// The family name, e.g. `Noto Sans CJK SC`.
    pub family: String,
    /// The font file.
    pub path: PathBuf,
    /// The face index inside the file (non-zero in collections).
    pub index: u32,
    /// The file's bytes, shared with egui.
    pub data: Arc<Vec<u8>>,
}

/// The system's Chinese font, looked up once per process.
pub fn system_cjk_font() -> Option<Arc<CjkFont>> {
    static FONT: OnceLock<Option<Arc<CjkFont>>> = OnceLock::new();
    FONT.get_or_init(|| find_cjk_font().map(Arc::new)).clone()
}

fn find_cjk_font() -> Option<CjkFont> {
    let mut db = fontdb::Database::new();
    db.load_system_fonts();
    find_in(&db)
}

/// The preferred Chinese font among the fonts in `dirs` (searched recursively), ignoring the
/// system's fonts: how the lookup behaves on a system with exactly these fonts.
pub fn cjk_font_in_dirs(dirs: &[&Path]) -> Option<CjkFont> {
    let mut db = fontdb::Database::new();
    for dir in dirs {
        db.load_fonts_dir(dir);
    }
    find_in(&db)
}

fn find_in(db: &fontdb::Database) -> Option<CjkFont> {
    for family in PREFERRED_FAMILIES {
        // Any of a face's names counts (English or localised, e.g. 微软雅黑), in any case.
        let mut faces: Vec<&fontdb::FaceInfo> = db
            .faces()
            .filter(|f| {
                f.families
                    .iter()
                    .any(|(name, _)| name.eq_ignore_ascii_case(family))
            })
            .filter(|f| f.style == fontdb::Style::Normal)
            .collect();
        // Regular weight reads best at large sizes; bold is too heavy for body text.
        faces.sort_by_key(|f| (f.weight.0 as i32 - 400).abs());
        for face in faces {
            // Fonts held in memory have no file to share with egui.
            let fontdb::Source::File(path) = &face.source else {
                continue;
            };
            if let Ok(bytes) = std::fs::read(path) {
                return Some(CjkFont {
                    family: (*family).to_owned(),
                    path: path.clone(),
                    index: face.index,
                    data: Arc::new(bytes),
                });
            }
        }
    }
    None
}

/// Installs egui's default fonts with the Chinese font (if any) as a fallback for every
/// family, so Latin text keeps egui's look and Chinese characters come from the system font.
pub fn install(ctx: &egui::Context, cjk: Option<&CjkFont>) {
    let mut fonts = egui::FontDefinitions::default();
    if let Some(cjk) = cjk {
        let blob: egui::epaint::text::Blob = cjk.data.clone();
        fonts.font_data.insert(
            FONT_KEY.to_owned(),
            Arc::new(egui::FontData::from_blob(blob, cjk.index)),
        );
        for family in [egui::FontFamily::Proportional, egui::FontFamily::Monospace] {
            fonts
                .families
                .entry(family)
                .or_default()
                .push(FONT_KEY.to_owned());
        }
    }
    ctx.set_fonts(fonts);
}
