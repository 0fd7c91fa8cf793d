//! The few custom pieces every screen shares: big buttons, the risk meter, the level icon.

use eframe::egui::{
    self, Align, Color32, Layout, Pos2, Rect, Response, RichText, Sense, Shape, Stroke, Ui, vec2,
};

use super::theme::{self, Palette};
use crate::level::Level;
use crate::rules::{RuleSet, Severity};
use crate::strings::{Strings, fill, strings};
use crate::text::Lang;

/// How a big button looks.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Kind {
    /// The one main action of a screen.
    Primary,
    /// Any other action.
    Normal,
    /// An urgent action that must stand apart (e.g. "I already paid").
    Urgent,
}

/// A large button whose accessible label is exactly its text.
pub fn big_button(ui: &mut Ui, palette: &Palette, text: &str, kind: Kind, width: f32) -> Response {
    big_button_sized(
        ui,
        palette,
        text,
        kind,
        vec2(width, theme::BIG_BUTTON),
        false,
    )
}

/// A large button of a given size; `selected` marks the current answer.
pub fn big_button_sized(
    ui: &mut Ui,
    palette: &Palette,
    text: &str,
    kind: Kind,
    size: egui::Vec2,
    selected: bool,
) -> Response {
    let (fill, color, stroke) = match kind {
        Kind::Primary => (
            palette.primary,
            palette.on_primary,
            Stroke::new(3.0, palette.border),
        ),
        Kind::Normal => (
            palette.button,
            palette.on_button,
            Stroke::new(2.0, palette.border),
        ),
        Kind::Urgent => (
            palette.urgent,
            palette.on_urgent,
            Stroke::new(3.0, palette.border),
        ),
    };
    let (fill, color, stroke) = if selected {
        (
            palette.selected,
            palette.text,
            Stroke::new(5.0, palette.text),
        )
    } else {
        (fill, color, stroke)
    };
    // One centred line at the full size when it fits; otherwise a slightly smaller size (never
    // below the body-text floor), and wrapping only as a last resort.
    let room = size.x - 2.0 * ui.spacing().button_padding.x;
    let measure = |points: f32| {
        ui.painter()
            .layout_no_wrap(text.to_owned(), egui::FontId::proportional(points), color)
            .size()
            .x
    };
    let full = theme::BODY + 2.0;
    let full_width = measure(full);
    let points = if full_width <= room {
        full
    } else {
        (full * room / full_width).max(theme::SMALL + 1.0)
    };
    let fits = measure(points) <= room;
    let font = egui::FontId::proportional(points);
    let mut size = size.max(vec2(theme::MIN_TARGET, theme::MIN_TARGET));
    if !fits {
        // Wrapped text makes the button taller rather than being cut off.
        let wrapped = ui
            .painter()
            .layout(text.to_owned(), font.clone(), color, room.max(1.0))
            .size()
            .y;
        size.y = size.y.max(wrapped + 2.0 * ui.spacing().button_padding.y);
    }
    let label = RichText::new(text).font(font).color(color).strong();
    // The button's content follows the layout's alignment: centre it in a box of its own.
    let layout = Layout::centered_and_justified(egui::Direction::TopDown);
    let response = ui
        .allocate_ui_with_layout(size, layout, |ui| {
            ui.add(
                egui::Button::new(label)
                    .fill(fill)
                    .stroke(stroke)
                    .wrap_mode(if fits {
                        egui::TextWrapMode::Extend
                    } else {
                        egui::TextWrapMode::Wrap
                    })
                    .min_size(size),
            )
        })
        .inner;
    focus_ring(ui, palette, &response);
    response
}

/// The width of the focus ring around the control that has the keyboard.
pub const FOCUS_WIDTH: f32 = 4.0;

/// A thick outline around `response` when it has keyboard focus, so Tab and Space never press
/// a control nobody could see was selected.
pub fn focus_ring(ui: &Ui, palette: &Palette, response: &Response) {
    if response.has_focus() {
        let painter = ui.painter();
        painter.rect_stroke(
            response.rect.expand(2.0),
            12,
            Stroke::new(2.0, palette.focus_inner),
            egui::StrokeKind::Outside,
        );
        painter.rect_stroke(
            response.rect.expand(4.0),
            14,
            Stroke::new(FOCUS_WIDTH, palette.focus),
            egui::StrokeKind::Outside,
        );
    }
}

/// Big buttons side by side across the whole width, each as tall as its text needs.
/// Returns which was clicked, by index.
pub fn button_row(ui: &mut Ui, palette: &Palette, buttons: &[(&str, Kind)]) -> Option<usize> {
    if buttons.is_empty() {
        return None;
    }
    let gap = ui.spacing().item_spacing.x;
    let count = buttons.len() as f32;
    let width = ((ui.available_width() - gap * (count - 1.0)) / count).floor();
    let mut clicked = None;
    ui.horizontal(|ui| {
        for (i, (text, kind)) in buttons.iter().enumerate() {
            if big_button(ui, palette, text, *kind, width).clicked() {
                clicked = Some(i);
            }
        }
    });
    clicked
}

/// Draws the icon for a verdict level: a shape per level so colour is never the only signal.
/// 0 circle · 1 triangle · 2 diamond · 3 octagon ("stop").
pub fn level_icon(ui: &mut Ui, palette: &Palette, level: Level, size: f32) -> Response {
    level_icon_in(ui, level, size, palette.level(level), palette.background)
}

/// [`level_icon`] in explicit colours: the shape's and the mark's inside it.
pub fn level_icon_in(
    ui: &mut Ui,
    level: Level,
    size: f32,
    color: Color32,
    mark: Color32,
) -> Response {
    let (response, painter) = ui.allocate_painter(vec2(size, size), Sense::hover());
    let rect = response.rect.shrink(2.0);
    let c = rect.center();
    let r = rect.width() / 2.0;
    match level {
        Level::NoFlags => {
            painter.circle_stroke(c, r - 2.0, Stroke::new(4.0, color));
            painter.circle_filled(c, r * 0.22, color);
        }
        Level::Careful => {
            let points = vec![
                Pos2::new(c.x, rect.top()),
                Pos2::new(rect.right(), rect.bottom()),
                Pos2::new(rect.left(), rect.bottom()),
            ];
            painter.add(Shape::convex_polygon(points, color, Stroke::NONE));
            exclamation(
                &painter,
                Rect::from_center_size(c + vec2(0.0, r * 0.2), vec2(r, r)),
                mark,
            );
        }
        Level::HighRisk => {
            let points = vec![
                Pos2::new(c.x, rect.top()),
                Pos2::new(rect.right(), c.y),
                Pos2::new(c.x, rect.bottom()),
                Pos2::new(rect.left(), c.y),
            ];
            painter.add(Shape::convex_polygon(points, color, Stroke::NONE));
            exclamation(&painter, Rect::from_center_size(c, vec2(r, r)), mark);
        }
        Level::HangUp => {
            let points = (0..8)
                .map(|i| {
                    let a = std::f32::consts::TAU * (i as f32 + 0.5) / 8.0;
                    c + vec2(a.cos(), a.sin()) * r
                })
                .collect();
            painter.add(Shape::convex_polygon(points, color, Stroke::NONE));
            let d = r * 0.42;
            let stroke = Stroke::new(r * 0.18, mark);
            painter.line_segment([c + vec2(-d, -d), c + vec2(d, d)], stroke);
            painter.line_segment([c + vec2(-d, d), c + vec2(d, -d)], stroke);
        }
    }
    response
}

fn exclamation(painter: &egui::Painter, rect: Rect, color: Color32) {
    let w = rect.width() * 0.16;
    let top = rect.center_top() + vec2(0.0, rect.height() * 0.1);
    let bottom = rect.center_bottom() - vec2(0.0, rect.height() * 0.35);
    painter.line_segment([top, bottom], Stroke::new(w, color));
    painter.circle_filled(
        rect.center_bottom() - vec2(0.0, rect.height() * 0.12),
        w * 0.6,
        color,
    );
}

/// The live risk meter: icon, the level in words, and four segments filled up to the level.
pub fn risk_meter(ui: &mut Ui, palette: &Palette, s: &Strings, level: Level, name: &str) {
    let color = palette.level(level);
    egui::Frame::new()
        .fill(palette.panel)
        .stroke(Stroke::new(3.0, color))
        .corner_radius(12)
        .inner_margin(12)
        .show(ui, |ui| {
            ui.set_width(ui.available_width());
            // In a narrow column the level squares go under the name instead of beside it.
            let narrow = ui.available_width() < METER_SIDE_BY_SIDE;
            ui.horizontal(|ui| {
                level_icon(ui, palette, level, 48.0);
                ui.vertical(|ui| {
                    ui.label(
                        RichText::new(format!(
                            "{} · {}",
                            s.risk,
                            fill(s.risk_of, &[("level", &level)])
                        ))
                        .size(theme::SMALL)
                        .color(palette.text),
                    );
                    ui.label(
                        RichText::new(name)
                            .size(theme::BODY + 4.0)
                            .strong()
                            .color(color),
                    );
                    if narrow {
                        segments(ui, palette, level);
                    }
                });
                if !narrow {
                    ui.with_layout(Layout::right_to_left(Align::Center), |ui| {
                        segments(ui, palette, level);
                    });
                }
            });
        });
}

/// The width below which a risk meter's squares go under its name.
const METER_SIDE_BY_SIDE: f32 = 560.0;

/// A risk meter in one line, for a narrow column: icon, heading and the level's name in its
/// colour.
pub fn compact_meter(ui: &mut Ui, palette: &Palette, heading: &str, level: Level, name: &str) {
    ui.horizontal_wrapped(|ui| {
        level_icon(ui, palette, level, 28.0);
        ui.label(RichText::new(heading).strong().color(palette.text));
        ui.label(
            RichText::new(name)
                .size(theme::BODY + 2.0)
                .strong()
                .color(palette.level(level)),
        );
    });
}

/// A risk meter under a heading of its own ("What this text suggests", "Your answers so far").
pub fn labelled_meter(
    ui: &mut Ui,
    palette: &Palette,
    s: &Strings,
    heading: &str,
    level: Level,
    name: &str,
) {
    ui.label(RichText::new(heading).strong().color(palette.text));
    risk_meter(ui, palette, s, level, name);
}

fn segments(ui: &mut Ui, palette: &Palette, level: Level) {
    let (response, painter) = ui.allocate_painter(vec2(4.0 * 44.0, 28.0), Sense::hover());
    // Drawn from the left edge of what was allocated, in any layout.
    for (i, segment) in Level::ALL.into_iter().enumerate() {
        let x = response.rect.left() + i as f32 * 44.0;
        let r = Rect::from_min_size(Pos2::new(x, response.rect.top()), vec2(38.0, 28.0));
        if segment <= level {
            painter.rect_filled(r, 6, palette.level(segment));
        } else {
            painter.rect_stroke(
                r,
                6,
                Stroke::new(2.0, palette.border),
                egui::StrokeKind::Inside,
            );
        }
    }
}

/// A heading in the given colour.
pub fn heading(ui: &mut Ui, text: &str, color: Color32) -> Response {
    ui.label(
        RichText::new(text)
            .size(theme::HEADING)
            .strong()
            .color(color),
    )
}

/// A bulleted line of body text; wrapped lines start under the text, not under the bullet.
pub fn bullet(ui: &mut Ui, text: &str, color: Color32) {
    hanging(ui, "•", text, color, color, theme::BODY);
}

/// A numbered step in larger type; wrapped lines start under the text, not under the number.
pub fn numbered(ui: &mut Ui, n: usize, text: &str, number_color: Color32, color: Color32) {
    hanging(
        ui,
        &format!("{n}."),
        text,
        number_color,
        color,
        theme::BODY + 4.0,
    );
}

/// A marker in a column of its own, and the text beside it wrapping within its own column.
fn hanging(
    ui: &mut Ui,
    marker: &str,
    text: &str,
    marker_color: Color32,
    color: Color32,
    size: f32,
) {
    ui.horizontal_top(|ui| {
        ui.spacing_mut().interact_size.y = 0.0;
        let column = size * 1.4;
        ui.allocate_ui_with_layout(
            vec2(column, size),
            Layout::right_to_left(Align::TOP),
            |ui| {
                ui.label(
                    RichText::new(marker)
                        .size(size)
                        .strong()
                        .color(marker_color),
                );
            },
        );
        let width = ui.available_width();
        ui.vertical(|ui| {
            ui.set_width(width);
            ui.label(RichText::new(text).size(size).color(color));
        });
    });
}

/// A wrapping row of text pieces, only as tall as its text (the large minimum target size
/// is for buttons, not for lines of text).
pub fn text_row(ui: &mut Ui, add: impl FnOnce(&mut Ui)) {
    ui.scope(|ui| {
        ui.spacing_mut().interact_size.y = 0.0;
        ui.spacing_mut().item_spacing.y = 4.0;
        ui.horizontal_wrapped(add);
    });
}

/// The rules' hotlines as a bulleted list: "110 — Police: …".
pub fn hotlines(ui: &mut Ui, rules: &RuleSet, lang: Lang, color: Color32) {
    for hotline in rules.hotlines() {
        bullet(
            ui,
            &format!("{} — {}", hotline.number.get(lang), hotline.label.get(lang)),
            color,
        );
    }
}

/// `[critical]` in the severity's colour (never below the level-1 colour, so it stands out).
pub fn severity_tag(ui: &mut Ui, palette: &Palette, severity: Severity, lang: Lang) -> Response {
    ui.label(
        RichText::new(format!("[{}]", strings(lang).severity(severity)))
            .strong()
            .color(palette.level(severity.yes_floor().max(Level::Careful))),
    )
}
