//! The case map laid out in Rust: layout-rs (Graphviz's layered layout) places the compact DOT
//! graph, then either its own SVG writer draws it (`graph --format svg`) or `Map` records the
//! shapes so the game's author overlay can draw the same map with its own widgets.

use layout::backends::svg::SVGWriter;
use layout::core::format::{ClipHandle, RenderBackend};
use layout::core::geometry::Point;
use layout::core::style::StyleAttr;
use layout::gv::{DotParser, GraphBuilder};

use super::graph::{Format, render};
use crate::case::model::Case;
use crate::case::text::Lang;

/// Scenes beyond which the layout is refused: its crossing reduction grows faster than
/// linearly, and a map that large is unreadable anyway (`--format dot` remains).
pub const MAX_MAP_SCENES: usize = 400;

/// A scene, ending or event on the map (top-left corner and size, in layout pixels).
#[derive(Debug, Clone, PartialEq)]
pub struct MapBox {
    pub x: f32,
    pub y: f32,
    pub w: f32,
    pub h: f32,
    /// Drawn as an ellipse (meetings, endings) rather than a box.
    pub round: bool,
    /// The label, as the DOT graph gives it (title, then the kind on a second line).
    pub label: String,
}

/// A choice or an event's jump: a polyline through the flattened curve.
#[derive(Debug, Clone, PartialEq)]
pub struct MapArrow {
    pub points: Vec<(f32, f32)>,
    pub dashed: bool,
}

/// A free label (a choice id beside its edge).
#[derive(Debug, Clone, PartialEq)]
pub struct MapLabel {
    pub x: f32,
    pub y: f32,
    pub text: String,
}

#[derive(Debug, Clone, Default, PartialEq)]
pub struct Map {
    pub width: f32,
    pub height: f32,
    pub boxes: Vec<MapBox>,
    pub arrows: Vec<MapArrow>,
    pub labels: Vec<MapLabel>,
}

impl Map {
    /// The boxes whose label is this scene's (title and kind), for highlighting where the
    /// deal is.
    pub fn boxes_of<'a>(&'a self, label: &'a str) -> impl Iterator<Item = &'a MapBox> + 'a {
        self.boxes.iter().filter(move |b| b.label == label)
    }
}

/// The label a scene gets on the map (as `graph::render` writes it into the DOT).
pub fn scene_label(case: &Case, scene: usize, lang: Lang) -> String {
    let s = &case.scenes[scene];
    format!(
        "{}\n({})",
        s.title.get(lang),
        super::graph::kind_word(&s.kind, lang)
    )
}

/// Lay the case out and draw it with `backend`. The layout library is not ours: a panic
/// inside it becomes an error, never a crash (what the backend holds then is discarded).
fn lay_out(case: &Case, lang: Lang, backend: &mut dyn RenderBackend) -> Result<(), String> {
    if case.scenes.len() > MAX_MAP_SCENES {
        return Err(format!(
            "{} scenes: the map is drawn for at most {MAX_MAP_SCENES}; use `--format dot` and Graphviz",
            case.scenes.len()
        ));
    }
    let dot = render(case, Format::DotCompact, lang);
    std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
        let mut parser = DotParser::new(&dot);
        let graph = parser.process().map_err(|e| e.to_string())?;
        let mut builder = GraphBuilder::new();
        builder.visit_graph(&graph);
        let mut visual = builder.get();
        visual.do_it(false, false, false, backend);
        Ok::<(), String>(())
    }))
    .map_err(|_| "the map could not be laid out (layout-rs panicked)".to_string())?
    .map_err(|e| format!("the map could not be laid out: {e}"))
}

/// The case map as SVG (`graph --format svg`).
pub fn svg(case: &Case, lang: Lang) -> Result<String, String> {
    let mut writer = SVGWriter::new();
    lay_out(case, lang, &mut writer)?;
    Ok(writer.finalize())
}

/// The case map as shapes, for drawing in the game.
pub fn map(case: &Case, lang: Lang) -> Result<Map, String> {
    let mut m = Map::default();
    lay_out(case, lang, &mut m)?;
    // A label drawn inside a box is the box's own; the rest label edges.
    let texts = std::mem::take(&mut m.labels);
    for t in texts {
        match m
            .boxes
            .iter_mut()
            .find(|b| b.label.is_empty() && inside(b, t.x, t.y))
        {
            Some(b) => b.label = t.text,
            None if !t.text.trim().is_empty() => m.labels.push(t),
            None => {}
        }
    }
    // The layout can place shapes at negative coordinates: shift everything to start at 0.
    let (mut min_x, mut min_y) = (f32::MAX, f32::MAX);
    let (mut max_x, mut max_y) = (f32::MIN, f32::MIN);
    let mut grow = |x: f32, y: f32| {
        min_x = min_x.min(x);
        min_y = min_y.min(y);
        max_x = max_x.max(x);
        max_y = max_y.max(y);
    };
    for b in &m.boxes {
        grow(b.x, b.y);
        grow(b.x + b.w, b.y + b.h);
    }
    for a in &m.arrows {
        for &(x, y) in &a.points {
            grow(x, y);
        }
    }
    for l in &m.labels {
        grow(l.x, l.y);
    }
    if min_x == f32::MAX {
        return Ok(Map::default());
    }
    let pad = 20.0;
    let (dx, dy) = (pad - min_x, pad - min_y);
    for b in &mut m.boxes {
        b.x += dx;
        b.y += dy;
    }
    for a in &mut m.arrows {
        for p in &mut a.points {
            p.0 += dx;
            p.1 += dy;
        }
    }
    for l in &mut m.labels {
        l.x += dx;
        l.y += dy;
    }
    m.width = max_x - min_x + 2.0 * pad;
    m.height = max_y - min_y + 2.0 * pad;
    Ok(m)
}

fn inside(b: &MapBox, x: f32, y: f32) -> bool {
    x >= b.x && x <= b.x + b.w && y >= b.y && y <= b.y + b.h
}

fn p(pt: Point) -> (f32, f32) {
    (pt.x as f32, pt.y as f32)
}

/// Points along a cubic Bézier curve (end points included), for drawing it as segments.
fn cubic(a: (f32, f32), c1: (f32, f32), c2: (f32, f32), b: (f32, f32), out: &mut Vec<(f32, f32)>) {
    const STEPS: usize = 8;
    for i in 1..=STEPS {
        let t = i as f32 / STEPS as f32;
        let u = 1.0 - t;
        let w = [u * u * u, 3.0 * u * u * t, 3.0 * u * t * t, t * t * t];
        out.push((
            w[0] * a.0 + w[1] * c1.0 + w[2] * c2.0 + w[3] * b.0,
            w[0] * a.1 + w[1] * c1.1 + w[2] * c2.1 + w[3] * b.1,
        ));
    }
}

impl RenderBackend for Map {
    fn draw_rect(
        &mut self,
        xy: Point,
        size: Point,
        _look: &StyleAttr,
        _properties: Option<String>,
        _clip: Option<ClipHandle>,
    ) {
        let (x, y) = p(xy);
        let (w, h) = p(size);
        self.boxes.push(MapBox {
            x,
            y,
            w,
            h,
            round: false,
            label: String::new(),
        });
    }

    fn draw_line(
        &mut self,
        start: Point,
        stop: Point,
        _look: &StyleAttr,
        _properties: Option<String>,
    ) {
        self.arrows.push(MapArrow {
            points: vec![p(start), p(stop)],
            dashed: false,
        });
    }

    fn draw_circle(
        &mut self,
        xy: Point,
        size: Point,
        _look: &StyleAttr,
        _properties: Option<String>,
    ) {
        let (cx, cy) = p(xy);
        let (w, h) = p(size);
        // A double circle draws its outer ring as a second, larger circle: keep one shape.
        if self.boxes.last().is_some_and(|b| {
            b.round && (b.x + b.w / 2.0 - cx).abs() < 0.5 && (b.y + b.h / 2.0 - cy).abs() < 0.5
        }) {
            return;
        }
        self.boxes.push(MapBox {
            x: cx - w / 2.0,
            y: cy - h / 2.0,
            w,
            h,
            round: true,
            label: String::new(),
        });
    }

    fn draw_text(&mut self, xy: Point, text: &str, _look: &StyleAttr) {
        let (x, y) = p(xy);
        self.labels.push(MapLabel {
            x,
            y,
            text: text.to_string(),
        });
    }

    fn draw_arrow(
        &mut self,
        path: &[(Point, Point)],
        dashed: bool,
        _head: (bool, bool),
        _look: &StyleAttr,
        _properties: Option<String>,
        text: &str,
    ) {
        // The path is [(start, its exit control), (entry control, point), …], as SVG's
        // `M p C c1 c2 p S c2 p …`: each later segment mirrors the previous control.
        if path.len() < 2 {
            return;
        }
        let mut points = vec![p(path[0].0)];
        let mut from = p(path[0].0);
        let mut c1 = p(path[0].1);
        for seg in &path[1..] {
            let (c2, to) = (p(seg.0), p(seg.1));
            cubic(from, c1, c2, to, &mut points);
            c1 = (2.0 * to.0 - c2.0, 2.0 * to.1 - c2.1);
            from = to;
        }
        if !text.trim().is_empty() {
            let mid = points[points.len() / 2];
            self.labels.push(MapLabel {
                x: mid.0,
                y: mid.1,
                text: text.to_string(),
            });
        }
        self.arrows.push(MapArrow { points, dashed });
    }

    fn create_clip(&mut self, _xy: Point, _size: Point, _rounded_px: usize) -> ClipHandle {
        0
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn case(src: &str) -> Case {
        crate::case::load::parse("x.ron", src).unwrap()
    }

    #[test]
    fn every_scene_and_ending_is_a_labelled_box_on_the_map() {
        let c = case(include_str!("../../cases/haicheng.ron"));
        let m = map(&c, Lang::Zh).unwrap();
        for i in 0..c.scenes.len() {
            let label = scene_label(&c, i, Lang::Zh);
            assert!(m.boxes_of(&label).count() >= 1, "no box for {label:?}");
        }
        let jumps = c.events.iter().filter(|e| e.go.is_some()).count();
        assert!(m.boxes.len() >= c.scenes.len() + c.endings.len() + jumps);
        assert!(m.arrows.iter().filter(|a| a.dashed).count() >= jumps);
        // Everything lies inside the map's own size.
        for b in &m.boxes {
            assert!(b.x >= 0.0 && b.y >= 0.0, "{b:?}");
            assert!(b.x + b.w <= m.width + 0.5 && b.y + b.h <= m.height + 0.5);
        }
        assert!(!m.labels.is_empty());
    }

    #[test]
    fn the_svg_and_the_shapes_come_from_one_layout() {
        let c = case(include_str!("../../cases/first-lead.ron"));
        let svg = svg(&c, Lang::En).unwrap();
        let m = map(&c, Lang::En).unwrap();
        let drawn = svg.matches("<rect").count() + svg.matches("<ellipse").count();
        // The SVG has a background rectangle and double rings the map keeps as one shape.
        assert!(drawn >= m.boxes.len(), "{drawn} < {}", m.boxes.len());
        assert!(svg.matches("<path").count() >= m.arrows.len());
        assert!(m.arrows.iter().all(|a| a.points.len() >= 2));
    }
}
