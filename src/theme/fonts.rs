//! The bundled CJK font (Noto Sans SC subset, SIL OFL), embedded in the binary.
//!
//! Bevy's text stack does not fall back to another font, and its default font has no Chinese,
//! so the CJK font replaces the default font handle: every text, ours or Bevy's, uses it.

use bevy::prelude::*;

const REGULAR: &[u8] = include_bytes!("../../assets/fonts/NotoSansSC-Subset-Regular.otf");
const BOLD: &[u8] = include_bytes!("../../assets/fonts/NotoSansSC-Subset-Bold.otf");

#[derive(Resource, Clone)]
pub struct UiFonts {
    pub regular: Handle<Font>,
    pub bold: Handle<Font>,
}

pub(super) fn plugin(app: &mut App) {
    let mut fonts = app.world_mut().resource_mut::<Assets<Font>>();
    // Replace the default font so nothing can render Chinese as boxes.
    let _ = fonts.insert(AssetId::default(), Font::from_bytes(REGULAR.to_vec()));
    let regular = Handle::default();
    let bold = fonts.add(Font::from_bytes(BOLD.to_vec()));
    app.insert_resource(UiFonts { regular, bold });
}
