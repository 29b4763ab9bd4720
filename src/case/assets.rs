//! Files a case names (portraits). Case files are untrusted: a named file must stay inside the
//! case's own folder — no absolute paths, no `..`, no symbolic links leading out.

use std::path::{Component, Path, PathBuf};

/// Largest image a case may name.
pub const MAX_IMAGE_BYTES: u64 = 2 * 1024 * 1024;

/// Resolve `rel` against the case's folder, or say why it is refused.
pub fn resolve(case_dir: Option<&Path>, rel: &str) -> Result<PathBuf, String> {
    resolve_said(case_dir, rel).map_err(|(en, _)| en)
}

/// [`resolve`], with the reason for a refusal in English and in Chinese.
pub fn resolve_said(case_dir: Option<&Path>, rel: &str) -> Result<PathBuf, (String, String)> {
    let p = Path::new(rel);
    if rel.trim().is_empty() {
        return Err(("the path is empty".into(), "路径是空的".into()));
    }
    if p.is_absolute() || rel.starts_with('/') || rel.starts_with('\\') || rel.contains(':') {
        return Err((
            format!("`{rel}` is an absolute path; name files relative to the case's folder"),
            format!("`{rel}` 是绝对路径；文件要按相对于案例文件夹的路径来写"),
        ));
    }
    if p.components().any(|c| matches!(c, Component::ParentDir)) {
        return Err((
            format!("`{rel}` leads out of the case's folder (`..`)"),
            format!("`{rel}` 跑到了案例文件夹外面（`..`）"),
        ));
    }
    let Some(dir) = case_dir else {
        return Err((
            "only a case file in a folder can name images".into(),
            "只有放在文件夹里的案例文件才能引用图片".into(),
        ));
    };
    let unreadable = |e: std::io::Error| {
        (
            format!("cannot read `{rel}`: {e}"),
            format!("读不到 `{rel}`：{e}"),
        )
    };
    let full = dir.join(p);
    let meta = std::fs::metadata(&full).map_err(unreadable)?;
    // A symbolic link inside the folder may still point outside it.
    let real = full.canonicalize().map_err(unreadable)?;
    let root = dir.canonicalize().map_err(|e| {
        (
            format!("cannot read the case's folder: {e}"),
            format!("读不到案例所在的文件夹：{e}"),
        )
    })?;
    if !real.starts_with(&root) {
        return Err((
            format!("`{rel}` is a link that leads out of the case's folder"),
            format!("`{rel}` 是一个链接，指到了案例文件夹外面"),
        ));
    }
    if !meta.is_file() {
        return Err((
            format!("`{rel}` is not a file"),
            format!("`{rel}` 不是一个文件"),
        ));
    }
    if meta.len() > MAX_IMAGE_BYTES {
        return Err((
            format!(
                "`{rel}` is {} bytes; the limit for an image is {MAX_IMAGE_BYTES}",
                meta.len()
            ),
            format!(
                "`{rel}` 有 {} 字节；一张图片最多 {MAX_IMAGE_BYTES} 字节",
                meta.len()
            ),
        ));
    }
    if !rel.to_ascii_lowercase().ends_with(".png") {
        return Err((
            format!("`{rel}` is not a .png image"),
            format!("`{rel}` 不是 .png 图片"),
        ));
    }
    Ok(real)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn paths_stay_inside_the_case_folder() {
        let dir = std::env::temp_dir().join(format!("dealcraft-assets-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&dir);
        std::fs::create_dir_all(dir.join("portraits")).unwrap();
        std::fs::write(dir.join("portraits/wang.png"), b"\x89PNG").unwrap();
        assert!(resolve(Some(&dir), "portraits/wang.png").is_ok());
        assert!(
            resolve(Some(&dir), "../etc/passwd")
                .unwrap_err()
                .contains("..")
        );
        assert!(
            resolve(Some(&dir), "portraits/../../x.png")
                .unwrap_err()
                .contains("..")
        );
        assert!(
            resolve(Some(&dir), "/etc/passwd")
                .unwrap_err()
                .contains("absolute")
        );
        assert!(
            resolve(Some(&dir), "C:\\x.png")
                .unwrap_err()
                .contains("absolute")
        );
        assert!(
            resolve(Some(&dir), "portraits/none.png")
                .unwrap_err()
                .contains("cannot read")
        );
        assert!(resolve(None, "portraits/wang.png").is_err());
        #[cfg(unix)]
        {
            let outside =
                std::env::temp_dir().join(format!("dealcraft-outside-{}.png", std::process::id()));
            std::fs::write(&outside, b"x").unwrap();
            std::os::unix::fs::symlink(&outside, dir.join("portraits/link.png")).unwrap();
            assert!(
                resolve(Some(&dir), "portraits/link.png")
                    .unwrap_err()
                    .contains("link")
            );
        }
    }
}
