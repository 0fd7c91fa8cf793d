//! The window icon, drawn in code: a blue shield with a white exclamation mark.

use eframe::egui::IconData;

/// Renders the icon at `size`×`size` pixels (RGBA).
pub fn icon(size: u32) -> IconData {
    let n = size as f32;
    let mut rgba = Vec::with_capacity((size * size * 4) as usize);
    for y in 0..size {
        for x in 0..size {
            // Coordinates in 0..1, centred horizontally.
            let u = (x as f32 + 0.5) / n - 0.5;
            let v = (y as f32 + 0.5) / n;
            // Shield: straight sides down to 55 %, then tapering to a point at 95 %.
            let half_width = if v < 0.55 {
                0.42
            } else {
                0.42 * (1.0 - (v - 0.55) / 0.40).max(0.0)
            };
            let inside = (0.05..0.95).contains(&v) && u.abs() <= half_width;
            let bar = u.abs() < 0.06 && (0.20..0.58).contains(&v);
            let dot = (u * u + (v - 0.70).powi(2)).sqrt() < 0.07;
            let pixel = match (inside, bar || dot) {
                (true, true) => [0xFF, 0xFF, 0xFF, 0xFF],
                (true, false) => [0x1D, 0x4E, 0xD8, 0xFF],
                (false, _) => [0, 0, 0, 0],
            };
            rgba.extend_from_slice(&pixel);
        }
    }
    IconData {
        rgba,
        width: size,
        height: size,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn icon_is_square_rgba_with_a_transparent_corner_and_a_white_mark() {
        let icon = icon(64);
        assert_eq!(icon.rgba.len(), 64 * 64 * 4);
        assert_eq!(icon.rgba[3], 0, "top-left corner is transparent");
        let at = |x: usize, y: usize| &icon.rgba[(y * 64 + x) * 4..(y * 64 + x) * 4 + 4];
        assert_eq!(at(32, 20), [0xFF, 0xFF, 0xFF, 0xFF], "the mark is white");
        assert_eq!(at(12, 20), [0x1D, 0x4E, 0xD8, 0xFF], "the shield is blue");
    }
}
