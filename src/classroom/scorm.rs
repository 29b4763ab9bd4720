//! `dealcraft scorm CASE`: the web build as a SCORM 1.2 package for an LMS.
//!
//! The zip holds the web build (index.html, the JS glue, the wasm) and an `imsmanifest.xml`
//! whose one SCO launches `index.html` with the case, seed and pass mark in its parameters.
//! The page finds the LMS's `API` object (SCORM 1.2 run-time), and when the deal ends reports
//! `cmi.core.score.raw` (the total, 0–100), `cmi.core.lesson_status` (passed or failed against
//! the pass mark, which is also the manifest's mastery score) and the three headline scores as
//! objectives `burning_issue`, `insider`, `sequencing`.

use std::io::Write;
use std::path::Path;

use crate::report::class::esc;

/// Files of the web build a package must hold.
pub const WEB_FILES: [&str; 3] = ["index.html", "dealcraft.js", "dealcraft_bg.wasm"];

/// What goes into the package.
#[derive(Debug, Clone)]
pub struct Package {
    pub case: String,
    pub title: String,
    pub seed: u64,
    pub lang: String,
    pub pass_mark: u8,
}

/// The manifest (IMS content packaging 1.1.3 with the ADL SCORM 1.2 extensions).
pub fn manifest(p: &Package) -> String {
    let id = crate::results::slug(&p.case);
    let files: String = WEB_FILES
        .iter()
        .map(|f| format!("      <file href=\"{f}\"/>\n"))
        .collect();
    format!(
        r#"<?xml version="1.0" encoding="UTF-8"?>
<manifest identifier="dealcraft-{id}-{seed}" version="1.0"
  xmlns="http://www.imsproject.org/xsd/imscp_rootv1p1p2"
  xmlns:adlcp="http://www.adlnet.org/xsd/adlcp_rootv1p2"
  xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"
  xsi:schemaLocation="http://www.imsproject.org/xsd/imscp_rootv1p1p2 imscp_rootv1p1p2.xsd http://www.imsglobal.org/xsd/imsmd_rootv1p2p1 imsmd_rootv1p2p1.xsd http://www.adlnet.org/xsd/adlcp_rootv1p2 adlcp_rootv1p2.xsd">
  <metadata>
    <schema>ADL SCORM</schema>
    <schemaversion>1.2</schemaversion>
  </metadata>
  <organizations default="dealcraft">
    <organization identifier="dealcraft">
      <title>{title}</title>
      <item identifier="item-{id}" identifierref="sco-{id}" isvisible="true" parameters="?case={case}&amp;seed={seed}&amp;lang={lang}&amp;scorm=1&amp;pass={pass}">
        <title>{title}</title>
        <adlcp:masteryscore>{pass}</adlcp:masteryscore>
      </item>
    </organization>
  </organizations>
  <resources>
    <resource identifier="sco-{id}" type="webcontent" adlcp:scormtype="sco" href="index.html">
{files}    </resource>
  </resources>
</manifest>
"#,
        title = esc(&p.title),
        case = esc(&p.case),
        seed = p.seed,
        lang = p.lang,
        pass = p.pass_mark,
    )
}

/// Write the package: the manifest and the web build's files, written to a temp file and
/// renamed, so a killed run leaves no half zip.
pub fn write(p: &Package, web: &Path, out: &Path) -> Result<u64, String> {
    for f in WEB_FILES {
        if !web.join(f).is_file() {
            return Err(format!(
                "{} has no {f}: build the web version first (scripts/web-build.sh) or pass --web DIR",
                web.display()
            ));
        }
    }
    let mut buf = std::io::Cursor::new(Vec::new());
    {
        let mut zip = zip::ZipWriter::new(&mut buf);
        let opts = zip::write::SimpleFileOptions::default()
            .compression_method(zip::CompressionMethod::Deflated);
        let fail = |e: zip::result::ZipError| format!("cannot build the zip: {e}");
        zip.start_file("imsmanifest.xml", opts).map_err(fail)?;
        zip.write_all(manifest(p).as_bytes())
            .map_err(|e| e.to_string())?;
        for f in WEB_FILES {
            let bytes = std::fs::read(web.join(f))
                .map_err(|e| format!("cannot read {}: {e}", web.join(f).display()))?;
            zip.start_file(f, opts).map_err(fail)?;
            zip.write_all(&bytes).map_err(|e| e.to_string())?;
        }
        zip.finish().map_err(fail)?;
    }
    let bytes = buf.into_inner();
    crate::save::write_atomic(out, &bytes)
        .map_err(|e| format!("cannot write {}: {e}", out.display()))?;
    Ok(bytes.len() as u64)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_manifest_names_the_sco_and_its_mastery_score() {
        let m = manifest(&Package {
            case: "haicheng".into(),
            title: "Haicheng <Group>".into(),
            seed: 7,
            lang: "zh".into(),
            pass_mark: 60,
        });
        assert!(m.contains("<schemaversion>1.2</schemaversion>"));
        assert!(m.contains("adlcp:scormtype=\"sco\" href=\"index.html\""));
        assert!(m.contains("<adlcp:masteryscore>60</adlcp:masteryscore>"));
        assert!(m.contains("?case=haicheng&amp;seed=7&amp;lang=zh&amp;scorm=1&amp;pass=60"));
        assert!(m.contains("Haicheng &lt;Group&gt;"));
    }
}
