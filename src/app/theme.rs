//! Looks for older eyes: large type, big targets, high contrast, calm colours (MIIT 2021
//! guidance for older users: text ≥ 18 pt, targets ≥ 60×60, contrast ≥ 4.5:1).

use eframe::egui::{self, Color32, FontFamily, FontId, Stroke, TextStyle, Theme};

use crate::level::Level;

/// Body text size in points (the guidance's floor is 18).
pub const BODY: f32 = 24.0;
/// The question on the question screen.
pub const QUESTION: f32 = 38.0;
/// Screen titles.
pub const HEADING: f32 = 34.0;
/// The smallest text shown anywhere (key hints, sources).
pub const SMALL: f32 = 19.0;
/// Height of a primary button; every button is at least [`MIN_TARGET`].
pub const BIG_BUTTON: f32 = 84.0;
/// Height of a "they are asking me to…" card on the start screen.
pub const CARD: f32 = 70.0;
/// The smallest clickable target.
pub const MIN_TARGET: f32 = 60.0;
/// Content never grows wider than this, so lines stay readable on a projector.
pub const MAX_WIDTH: f32 = 1000.0;

// The guidance's floors, checked when the crate compiles.
const _: () = assert!(SMALL >= 18.0 && BODY >= 22.0 && QUESTION > BODY);
const _: () = assert!(MIN_TARGET >= 60.0 && CARD >= MIN_TARGET && BIG_BUTTON >= MIN_TARGET);

/// The colours of one theme. All text/background pairs are ≥ 4.5:1.
#[derive(Clone, Copy, Debug)]
pub struct Palette {
    pub background: Color32,
    pub panel: Color32,
    pub text: Color32,
    pub weak_text: Color32,
    pub primary: Color32,
    pub on_primary: Color32,
    pub button: Color32,
    pub on_button: Color32,
    pub border: Color32,
    pub selected: Color32,
    /// Level 0 to 3.
    pub levels: [Color32; 4],
    pub hang_up_background: Color32,
    pub on_hang_up: Color32,
    /// The "I already paid" button.
    pub urgent: Color32,
    pub on_urgent: Color32,
    pub demo_banner: Color32,
    pub on_demo_banner: Color32,
    pub highlight: Color32,
    pub critical_highlight: Color32,
    /// The keyboard-focus ring, drawn in two tones (a thick outer ring and a thin inner one)
    /// so that on every surface at least one of them stands out by 3:1.
    pub focus: Color32,
    /// The inner tone of the focus ring.
    pub focus_inner: Color32,
}

impl Palette {
    /// The calm light theme (default).
    pub const LIGHT: Palette = Palette {
        background: Color32::from_rgb(0xFA, 0xFA, 0xF7),
        panel: Color32::from_rgb(0xF0, 0xF0, 0xEA),
        text: Color32::from_rgb(0x14, 0x14, 0x14),
        weak_text: Color32::from_rgb(0x4A, 0x4A, 0x4A),
        primary: Color32::from_rgb(0x1D, 0x4E, 0xD8),
        on_primary: Color32::WHITE,
        button: Color32::from_rgb(0xE6, 0xEB, 0xF3),
        on_button: Color32::from_rgb(0x14, 0x14, 0x14),
        border: Color32::from_rgb(0x5A, 0x64, 0x78),
        selected: Color32::from_rgb(0xFF, 0xE0, 0x8A),
        levels: [
            Color32::from_rgb(0x1D, 0x4E, 0xD8),
            Color32::from_rgb(0x8A, 0x5A, 0x00),
            Color32::from_rgb(0xB3, 0x3F, 0x00),
            Color32::from_rgb(0xB9, 0x1C, 0x1C),
        ],
        hang_up_background: Color32::from_rgb(0xA3, 0x12, 0x12),
        on_hang_up: Color32::WHITE,
        urgent: Color32::from_rgb(0xB9, 0x1C, 0x1C),
        on_urgent: Color32::WHITE,
        demo_banner: Color32::from_rgb(0x5B, 0x21, 0xB6),
        on_demo_banner: Color32::WHITE,
        highlight: Color32::from_rgb(0xFF, 0xD8, 0x66),
        critical_highlight: Color32::from_rgb(0xFF, 0xB8, 0xB8),
        focus: Color32::from_rgb(0x00, 0x00, 0x00),
        focus_inner: Color32::WHITE,
    };

    /// White and yellow on black.
    pub const HIGH_CONTRAST: Palette = Palette {
        background: Color32::BLACK,
        panel: Color32::from_rgb(0x10, 0x10, 0x10),
        text: Color32::WHITE,
        weak_text: Color32::from_rgb(0xE0, 0xE0, 0xE0),
        primary: Color32::from_rgb(0xFF, 0xD4, 0x00),
        on_primary: Color32::BLACK,
        button: Color32::from_rgb(0x20, 0x20, 0x20),
        on_button: Color32::WHITE,
        border: Color32::WHITE,
        selected: Color32::from_rgb(0x00, 0x5F, 0xB8),
        levels: [
            Color32::from_rgb(0x8C, 0xC4, 0xFF),
            Color32::from_rgb(0xFF, 0xD4, 0x00),
            Color32::from_rgb(0xFF, 0xA0, 0x3C),
            Color32::from_rgb(0xFF, 0x6B, 0x6B),
        ],
        hang_up_background: Color32::BLACK,
        on_hang_up: Color32::from_rgb(0xFF, 0x6B, 0x6B),
        urgent: Color32::from_rgb(0xFF, 0x6B, 0x6B),
        on_urgent: Color32::BLACK,
        demo_banner: Color32::from_rgb(0xD8, 0xB4, 0xFE),
        on_demo_banner: Color32::BLACK,
        highlight: Color32::from_rgb(0x6B, 0x55, 0x00),
        critical_highlight: Color32::from_rgb(0x7A, 0x0E, 0x0E),
        focus: Color32::from_rgb(0x00, 0xE5, 0xFF),
        focus_inner: Color32::BLACK,
    };

    /// The palette for the chosen contrast.
    pub fn new(high_contrast: bool) -> Palette {
        if high_contrast {
            Palette::HIGH_CONTRAST
        } else {
            Palette::LIGHT
        }
    }

    /// The colour of verdict level `level`.
    pub fn level(&self, level: Level) -> Color32 {
        self.levels[usize::from(level.number())]
    }
}

/// Applies type sizes, spacing and colours to every theme of the context.
pub fn apply(ctx: &egui::Context, high_contrast: bool) {
    let palette = Palette::new(high_contrast);
    let theme = if high_contrast {
        Theme::Dark
    } else {
        Theme::Light
    };
    ctx.set_theme(theme);
    ctx.style_mut_of(theme, |style| {
        style.text_styles = [
            (
                TextStyle::Small,
                FontId::new(SMALL, FontFamily::Proportional),
            ),
            (TextStyle::Body, FontId::new(BODY, FontFamily::Proportional)),
            (
                TextStyle::Button,
                FontId::new(BODY, FontFamily::Proportional),
            ),
            (
                TextStyle::Heading,
                FontId::new(HEADING, FontFamily::Proportional),
            ),
            (
                TextStyle::Monospace,
                FontId::new(BODY - 2.0, FontFamily::Monospace),
            ),
        ]
        .into();
        style.spacing.item_spacing = egui::vec2(14.0, 14.0);
        style.spacing.button_padding = egui::vec2(18.0, 12.0);
        style.spacing.interact_size = egui::vec2(MIN_TARGET, MIN_TARGET);
        style.spacing.scroll.bar_width = 14.0;
        // Nothing moves on its own: no animations.
        style.animation_time = 0.0;

        let v = &mut style.visuals;
        v.dark_mode = high_contrast;
        v.override_text_color = Some(palette.text);
        v.panel_fill = palette.background;
        v.window_fill = palette.background;
        v.extreme_bg_color = palette.panel;
        v.faint_bg_color = palette.panel;
        v.hyperlink_color = palette.primary;
        v.selection.bg_fill = palette.selected;
        v.selection.stroke = Stroke::new(2.0, palette.text);
        let widgets = &mut v.widgets;
        for (w, width) in [
            (&mut widgets.inactive, 2.0),
            (&mut widgets.hovered, 3.0),
            (&mut widgets.active, 3.0),
            (&mut widgets.open, 2.0),
        ] {
            w.bg_fill = palette.button;
            w.weak_bg_fill = palette.button;
            w.bg_stroke = Stroke::new(width, palette.border);
            w.fg_stroke = Stroke::new(2.0, palette.on_button);
            w.corner_radius = egui::CornerRadius::same(10);
        }
        widgets.hovered.bg_stroke = Stroke::new(3.0, palette.primary);
        widgets.noninteractive.bg_stroke = Stroke::new(1.0, palette.border);
        widgets.noninteractive.fg_stroke = Stroke::new(1.0, palette.text);
        // A thick, obvious keyboard-focus ring on egui's own controls too (a focused control
        // is drawn with the `active` look).
        v.selection.stroke = Stroke::new(4.0, palette.focus);
        widgets.active.bg_stroke = Stroke::new(super::widgets::FOCUS_WIDTH, palette.focus);
    });
}

#[cfg(test)]
mod tests {
    use super::*;

    /// WCAG relative luminance of an sRGB colour.
    fn luminance(c: Color32) -> f64 {
        let channel = |v: u8| {
            let v = f64::from(v) / 255.0;
            if v <= 0.03928 {
                v / 12.92
            } else {
                ((v + 0.055) / 1.055).powf(2.4)
            }
        };
        0.2126 * channel(c.r()) + 0.7152 * channel(c.g()) + 0.0722 * channel(c.b())
    }

    fn contrast(a: Color32, b: Color32) -> f64 {
        let (la, lb) = (luminance(a), luminance(b));
        (la.max(lb) + 0.05) / (la.min(lb) + 0.05)
    }

    #[test]
    fn every_text_and_background_pair_has_contrast_of_at_least_4_5() {
        for (name, p) in [
            ("light", Palette::LIGHT),
            ("high contrast", Palette::HIGH_CONTRAST),
        ] {
            let mut pairs = vec![
                ("text/background", p.text, p.background),
                ("text/panel", p.text, p.panel),
                ("weak text/background", p.weak_text, p.background),
                ("weak text/panel", p.weak_text, p.panel),
                ("primary button", p.on_primary, p.primary),
                ("button", p.on_button, p.button),
                ("selected answer", p.text, p.selected),
                ("hang-up screen", p.on_hang_up, p.hang_up_background),
                ("demo banner", p.on_demo_banner, p.demo_banner),
                ("highlight", p.text, p.highlight),
                ("critical highlight", p.text, p.critical_highlight),
                ("urgent button", p.on_urgent, p.urgent),
            ];
            for level in Level::ALL {
                pairs.push(("level text/background", p.level(level), p.background));
                pairs.push(("level text/panel", p.level(level), p.panel));
            }
            for (pair, fg, bg) in pairs {
                let ratio = contrast(fg, bg);
                assert!(ratio >= 4.5, "{name}: {pair} is {ratio:.2}:1");
            }
            // The focus ring is a graphic around a control: on every surface a control sits on,
            // one of its two tones stands out by at least 3:1, and the tones from each other.
            assert!(
                contrast(p.focus, p.focus_inner) >= 3.0,
                "{name}: focus tones"
            );
            for (surface, bg) in [
                ("background", p.background),
                ("panel", p.panel),
                ("demo banner", p.demo_banner),
                ("hang-up screen", p.hang_up_background),
            ] {
                let ratio = contrast(p.focus, bg).max(contrast(p.focus_inner, bg));
                assert!(
                    ratio >= 3.0,
                    "{name}: focus ring on {surface} is {ratio:.2}:1"
                );
            }
        }
    }
}
