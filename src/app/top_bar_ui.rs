//! The bar at the top: the app's name (home), the three places (what are they saying, demo,
//! rules) and the settings (language, text size, contrast). It is always one row: when a
//! window is too narrow for all of it, everything but the name folds into a menu.

use eframe::egui::{self, RichText, Ui};

use super::command::{Command, Go, ResetCommand, SettingsCommand};
use super::widgets::focus_ring;
use super::{Screen, View, theme};
use crate::text::Lang;

/// What the bar needs besides the view.
pub struct Bar<'a> {
    /// The screen shown.
    pub screen: &'a Screen,
    /// Whether Chinese can be shown at all.
    pub has_cjk_font: bool,
    /// White and yellow on black.
    pub high_contrast: bool,
    /// The folded menu is open.
    pub menu_open: bool,
}

/// One control of the bar.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Item {
    Listen,
    Demo,
    Rules,
    Lang(Lang),
    Smaller,
    Larger,
    Contrast,
    Fullscreen,
    Reset,
}

/// The bar's controls, in order; the separators fall before `Lang(Zh)` and `Smaller`.
const ITEMS: [Item; 7] = [
    Item::Listen,
    Item::Demo,
    Item::Rules,
    Item::Lang(Lang::Zh),
    Item::Lang(Lang::En),
    Item::Smaller,
    Item::Larger,
];

fn item_text(item: Item, view: &View<'_>, bar: &Bar<'_>) -> &'static str {
    let s = view.s;
    match item {
        Item::Listen => s.listen_open,
        Item::Demo => s.demo_open,
        Item::Rules => s.rules_open,
        Item::Lang(Lang::Zh) if bar.has_cjk_font => "中文",
        Item::Lang(Lang::Zh) => "Chinese",
        Item::Lang(Lang::En) => "English",
        Item::Smaller => "A−",
        Item::Larger => "A+",
        Item::Contrast => s.high_contrast,
        Item::Fullscreen => s.key_fullscreen,
        Item::Reset => s.key_reset,
    }
}

fn item_label(item: Item, view: &View<'_>) -> Option<&'static str> {
    match item {
        Item::Smaller => Some(view.s.smaller_text),
        Item::Larger => Some(view.s.larger_text),
        _ => None,
    }
}

fn is_selected(item: Item, view: &View<'_>, bar: &Bar<'_>) -> bool {
    match item {
        Item::Listen => *bar.screen == Screen::Listen,
        Item::Demo => bar.screen.is_demo(),
        Item::Rules => *bar.screen == Screen::Rules,
        Item::Lang(lang) => view.lang == lang,
        Item::Contrast => bar.high_contrast,
        Item::Smaller | Item::Larger | Item::Fullscreen | Item::Reset => false,
    }
}

fn command(item: Item, bar: &Bar<'_>) -> Command {
    match item {
        Item::Listen if *bar.screen == Screen::Listen => Command::Go(Go::LeaveListen),
        Item::Listen => Command::Go(Go::Listen),
        Item::Demo => Command::Go(Go::Demo),
        Item::Rules => Command::Go(Go::Rules),
        Item::Lang(lang) => Command::Settings(SettingsCommand::Lang(lang)),
        Item::Smaller => Command::Settings(SettingsCommand::Zoom(-1)),
        Item::Larger => Command::Settings(SettingsCommand::Zoom(1)),
        Item::Contrast => Command::Settings(SettingsCommand::HighContrast(!bar.high_contrast)),
        Item::Fullscreen => Command::Settings(SettingsCommand::ToggleFullscreen),
        Item::Reset => Command::Reset(ResetCommand::Ask),
    }
}

/// One control: a selectable button with a real label for screen readers.
fn item_ui(ui: &mut Ui, item: Item, view: &View<'_>, bar: &Bar<'_>, commands: &mut Vec<Command>) {
    let text = item_text(item, view, bar);
    let enabled = item != Item::Lang(Lang::Zh) || bar.has_cjk_font;
    let response = ui.add_enabled(
        enabled,
        egui::Button::selectable(
            is_selected(item, view, bar),
            RichText::new(text).size(theme::SMALL + 1.0),
        ),
    );
    if let Some(label) = item_label(item, view) {
        // Screen readers (and tests) know "A+" by what it does.
        response.widget_info(|| egui::WidgetInfo::labeled(egui::Role::Button, true, label));
    }
    focus_ring(ui, &view.palette, &response);
    let response = match item_label(item, view) {
        Some(label) => response.on_hover_text(label),
        None => response,
    };
    if response.clicked() {
        commands.push(command(item, bar));
    }
}

/// The width the full bar needs, measured from its texts.
fn full_width(ui: &Ui, view: &View<'_>, bar: &Bar<'_>) -> f32 {
    let font = egui::FontId::proportional(theme::SMALL + 1.0);
    let padding = 2.0 * ui.spacing().button_padding.x + ui.spacing().item_spacing.x;
    let mut items: Vec<Item> = ITEMS.to_vec();
    items.push(Item::Contrast);
    let texts: f32 = items
        .iter()
        .map(|item| {
            ui.painter()
                .layout_no_wrap(
                    item_text(*item, view, bar).to_owned(),
                    font.clone(),
                    view.palette.text,
                )
                .size()
                .x
                + padding
        })
        .sum();
    let name = ui
        .painter()
        .layout_no_wrap(
            view.s.app_name.to_owned(),
            egui::FontId::proportional(theme::SMALL + 2.0),
            view.palette.text,
        )
        .size()
        .x;
    // Two separators and a little slack.
    texts + name + padding + 2.0 * 16.0 + 8.0
}

pub fn ui(ui: &mut Ui, view: &View<'_>, bar: &Bar<'_>, commands: &mut Vec<Command>) {
    let s = view.s;
    ui.spacing_mut().item_spacing.x = 8.0;
    ui.spacing_mut().button_padding.x = 12.0;
    let fold = full_width(ui, view, bar) > ui.available_width();
    ui.horizontal(|ui| {
        let name = ui.add(
            egui::Button::new(RichText::new(s.app_name).strong().size(theme::SMALL + 2.0))
                .frame(false),
        );
        focus_ring(ui, &view.palette, &name);
        if name.on_hover_text(s.home).clicked() {
            commands.push(Command::Go(Go::Home));
        }
        if fold {
            ui.with_layout(egui::Layout::right_to_left(egui::Align::Center), |ui| {
                let text = if bar.menu_open {
                    s.menu_close
                } else {
                    s.menu_open
                };
                let menu = ui.add(egui::Button::selectable(
                    bar.menu_open,
                    RichText::new(text).size(theme::SMALL + 1.0),
                ));
                focus_ring(ui, &view.palette, &menu);
                if menu.clicked() {
                    commands.push(Command::Settings(SettingsCommand::ToggleMenu));
                }
                // Text size stays at hand: the person who made it too large can undo it.
                item_ui(ui, Item::Larger, view, bar, commands);
                item_ui(ui, Item::Smaller, view, bar, commands);
            });
            return;
        }
        for (i, item) in ITEMS.iter().enumerate() {
            if matches!(item, Item::Lang(Lang::Zh) | Item::Smaller) && i > 0 {
                ui.separator();
            }
            item_ui(ui, *item, view, bar, commands);
        }
        item_ui(ui, Item::Contrast, view, bar, commands);
    });
}

/// The folded menu of a narrow window: everything the full bar holds but the text size (which
/// stays in the bar), and fullscreen and reset, which otherwise only have keys.
pub fn menu_ui(ui: &mut Ui, view: &View<'_>, bar: &Bar<'_>, commands: &mut Vec<Command>) {
    ui.spacing_mut().item_spacing = egui::vec2(8.0, 8.0);
    ui.spacing_mut().button_padding.x = 12.0;
    ui.horizontal_wrapped(|ui| {
        for item in ITEMS
            .iter()
            .chain(&[Item::Contrast, Item::Fullscreen, Item::Reset])
            .filter(|item| !matches!(item, Item::Smaller | Item::Larger))
        {
            item_ui(ui, *item, view, bar, commands);
        }
    });
}
