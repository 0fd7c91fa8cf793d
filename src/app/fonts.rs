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

/// Font files that usually hold one of [`PREFERRED_FAMILIES`], where each system's packages
/// put them. Looking at these few files first spares the scan of every installed font (tens of
/// milliseconds before the first frame); the scan remains the fallback.
fn usual_font_files() -> Vec<PathBuf> {
    let mut files: Vec<PathBuf> = [
        // Debian and Ubuntu (fonts-noto-cjk, fonts-wqy-microhei, fonts-wqy-zenhei).
        "/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc",
        "/usr/share/fonts/truetype/wqy/wqy-microhei.ttc",
        "/usr/share/fonts/truetype/wqy/wqy-zenhei.ttc",
        // Fedora, then Arch.
        "/usr/share/fonts/google-noto-cjk/NotoSansCJK-Regular.ttc",
        "/usr/share/fonts/noto-cjk/NotoSansCJK-Regular.ttc",
        // macOS before 10.15 (later versions keep PingFang among downloadable assets: scanned).
        "/System/Library/Fonts/PingFang.ttc",
        "/System/Library/Fonts/Hiragino Sans GB.ttc",
    ]
    .iter()
    .map(PathBuf::from)
    .collect();
    if let Some(windows) = std::env::var_os("WINDIR") {
        let fonts = PathBuf::from(windows).join("Fonts");
        files.extend(["msyh.ttc", "Deng.ttf", "simhei.ttf", "simsun.ttc"].map(|f| fonts.join(f)));
    }
    files
}

/// A Chinese font found on this machine.
pub struct CjkFont {
    /// The family name, e.g. `Noto Sans CJK SC`.
    pub family: String,
    /// The font file.
    pub path: PathBuf,
    /// The face index inside the file (non-zero in collections).
    pub index: u32,
    /// The file's bytes, mapped from disk and shared with egui: only the parts of the font
    /// that are used are read into memory.
    pub data: egui::epaint::text::Blob,
}

impl std::fmt::Debug for CjkFont {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("CjkFont")
            .field("family", &self.family)
            .field("path", &self.path)
            .field("index", &self.index)
            .field("bytes", &self.data.as_ref().as_ref().len())
            .finish()
    }
}

/// The system's Chinese font, looked up once per process.
pub fn system_cjk_font() -> Option<Arc<CjkFont>> {
    static FONT: OnceLock<Option<Arc<CjkFont>>> = OnceLock::new();
    FONT.get_or_init(|| find_cjk_font().map(Arc::new)).clone()
}

fn find_cjk_font() -> Option<CjkFont> {
    cjk_font_in_files(&usual_font_files()).or_else(|| {
        let mut db = fontdb::Database::new();
        db.load_system_fonts();
        take_preferred(db)
    })
}

/// The preferred Chinese font among the given font files (missing files are skipped), without
/// looking at any other font: the direct lookup tried before a scan of all fonts.
pub fn cjk_font_in_files(files: &[PathBuf]) -> Option<CjkFont> {
    let mut db = fontdb::Database::new();
    for file in files.iter().filter(|f| f.is_file()) {
        // A file that is not a font is skipped: the scan remains.
        let _ = db.load_font_file(file);
    }
    take_preferred(db)
}

/// The preferred Chinese font among the fonts in `dirs` (searched recursively), ignoring the
/// system's fonts: how the lookup behaves on a system with exactly these fonts.
pub fn cjk_font_in_dirs(dirs: &[&Path]) -> Option<CjkFont> {
    let mut db = fontdb::Database::new();
    for dir in dirs {
        db.load_fonts_dir(dir);
    }
    take_preferred(db)
}

/// The first of [`PREFERRED_FAMILIES`] in `db`, its file mapped into memory.
fn take_preferred(mut db: fontdb::Database) -> Option<CjkFont> {
    for family in PREFERRED_FAMILIES {
        // Any of a face's names counts (English or localised, e.g. 微软雅黑), in any case.
        let mut faces: Vec<(fontdb::ID, u16, PathBuf)> = db
            .faces()
            .filter(|f| {
                f.families
                    .iter()
                    .any(|(name, _)| name.eq_ignore_ascii_case(family))
            })
            .filter(|f| f.style == fontdb::Style::Normal)
            .filter_map(|f| match &f.source {
                // Fonts held in memory have no file to share with egui.
                fontdb::Source::File(path) => Some((f.id, f.weight.0, path.clone())),
                _ => None,
            })
            .collect();
        // Regular weight reads best at large sizes; bold is too heavy for body text.
        faces.sort_by_key(|(_, weight, _)| (i32::from(*weight) - 400).abs());
        for (id, _, path) in faces {
            if let Some((data, index)) = map_font_file(&mut db, id) {
                return Some(CjkFont {
                    family: (*family).to_owned(),
                    path,
                    index,
                    data,
                });
            }
        }
    }
    None
}

/// Maps the face's file into memory instead of reading it: a CJK collection is about 20 MB, of
/// which a session touches a few hundred kilobytes (the tables and the glyphs drawn).
#[allow(unsafe_code)]
fn map_font_file(
    db: &mut fontdb::Database,
    id: fontdb::ID,
) -> Option<(egui::epaint::text::Blob, u32)> {
    // SAFETY: a mapped file that another process truncates while it is mapped would fault on
    // access. The files mapped here are installed system or user fonts, which package managers
    // and font installers replace with a new file (a new inode; this mapping keeps the old
    // one) rather than rewrite in place. The same mapping is what desktop toolkits and
    // browsers do with font files.
    unsafe { db.make_shared_face_data(id) }
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
