//! A radar (spider) chart of the five 5K meters, rasterised to RGBA pixels. Pure code: the
//! game shows it as an image, tests check its pixels.

/// `values` are 0–1 along each axis, clockwise from the top. Returns `size`×`size` RGBA8 (sRGB).
pub fn radar_rgba(values: &[f32], size: u32, fill: [u8; 3], grid: [u8; 3]) -> Vec<u8> {
    let n = values.len().max(3);
    let s = size as f32;
    let (cx, cy, r) = (s / 2.0, s / 2.0, s * 0.42);
    let dir = |i: usize| {
        let a = -std::f32::consts::FRAC_PI_2 + i as f32 * std::f32::consts::TAU / n as f32;
        (a.cos(), a.sin())
    };
    let point = |i: usize, k: f32| {
        let (dx, dy) = dir(i);
        (cx + dx * r * k, cy + dy * r * k)
    };
    let data: Vec<(f32, f32)> = (0..n)
        .map(|i| point(i, values.get(i).copied().unwrap_or(0.0).clamp(0.0, 1.0)))
        .collect();
    let rings: Vec<Vec<(f32, f32)>> = [0.25, 0.5, 0.75, 1.0]
        .iter()
        .map(|&k| (0..n).map(|i| point(i, k)).collect())
        .collect();
    let mut out = vec![0u8; (size * size * 4) as usize];
    for y in 0..size {
        for x in 0..size {
            // 2×2 supersampling for smooth edges.
            let mut acc = [0f32; 4];
            for (ox, oy) in [(0.25, 0.25), (0.75, 0.25), (0.25, 0.75), (0.75, 0.75)] {
                let p = (x as f32 + ox, y as f32 + oy);
                let mut c = [0f32; 4];
                let on_grid = rings
                    .iter()
                    .any(|ring| (0..n).any(|i| seg_dist(p, ring[i], ring[(i + 1) % n]) < 0.8))
                    || (0..n).any(|i| seg_dist(p, (cx, cy), point(i, 1.0)) < 0.7);
                if on_grid {
                    c = [grid[0] as f32, grid[1] as f32, grid[2] as f32, 255.0];
                }
                if inside(p, &data) {
                    c = [
                        fill[0] as f32 * 0.7 + c[0] * 0.3,
                        fill[1] as f32 * 0.7 + c[1] * 0.3,
                        fill[2] as f32 * 0.7 + c[2] * 0.3,
                        170.0f32.max(c[3] * 0.6),
                    ];
                }
                if (0..n).any(|i| seg_dist(p, data[i], data[(i + 1) % n]) < 1.6) {
                    c = [fill[0] as f32, fill[1] as f32, fill[2] as f32, 255.0];
                }
                for k in 0..4 {
                    acc[k] += c[k] / 4.0;
                }
            }
            let i = ((y * size + x) * 4) as usize;
            for k in 0..4 {
                out[i + k] = acc[k].round().clamp(0.0, 255.0) as u8;
            }
        }
    }
    out
}

fn seg_dist(p: (f32, f32), a: (f32, f32), b: (f32, f32)) -> f32 {
    let (dx, dy) = (b.0 - a.0, b.1 - a.1);
    let len2 = dx * dx + dy * dy;
    let t = if len2 == 0.0 {
        0.0
    } else {
        (((p.0 - a.0) * dx + (p.1 - a.1) * dy) / len2).clamp(0.0, 1.0)
    };
    let (qx, qy) = (a.0 + dx * t, a.1 + dy * t);
    ((p.0 - qx).powi(2) + (p.1 - qy).powi(2)).sqrt()
}

fn inside(p: (f32, f32), poly: &[(f32, f32)]) -> bool {
    let mut w = false;
    for i in 0..poly.len() {
        let (a, b) = (poly[i], poly[(i + 1) % poly.len()]);
        if (a.1 > p.1) != (b.1 > p.1) && p.0 < (b.0 - a.0) * (p.1 - a.1) / (b.1 - a.1) + a.0 {
            w = !w;
        }
    }
    w
}

#[cfg(test)]
mod tests {
    use super::*;

    fn alpha(px: &[u8], size: u32, x: u32, y: u32) -> u8 {
        px[((y * size + x) * 4 + 3) as usize]
    }

    #[test]
    fn full_meters_fill_the_chart_and_empty_ones_do_not() {
        let size = 100;
        let full = radar_rgba(&[1.0; 5], size, [255, 200, 60], [90, 90, 90]);
        let empty = radar_rgba(&[0.0; 5], size, [255, 200, 60], [90, 90, 90]);
        // A point near the centre, off the grid lines and axes.
        let (x, y) = (52, 44);
        assert!(alpha(&full, size, x, y) > 100);
        assert_eq!(alpha(&empty, size, x, y), 0);
        assert_eq!(full.len(), (size * size * 4) as usize);
    }

    #[test]
    fn a_single_strong_meter_points_its_way() {
        let size = 100;
        let top_only = radar_rgba(&[1.0, 0.0, 0.0, 0.0, 0.0], size, [255, 0, 0], [0, 0, 0]);
        assert!(
            alpha(&top_only, size, 50, 15) > 0,
            "filled toward the top axis"
        );
        assert_eq!(
            alpha(&top_only, size, 50, 80),
            0,
            "nothing toward the bottom"
        );
    }
}
