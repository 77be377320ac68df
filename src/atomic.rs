//! All-or-nothing output: every file of one document is written to a
//! temporary file beside its target first, and the temporary files are
//! renamed only when all of them were written (issue 12 item 14). On any
//! failure no target is created or replaced and no temporary file is left.

use std::io::Write;
use std::path::{Path, PathBuf};

/// The temporary name of `path`'s pending contents: a hidden file in the
/// same folder (so the rename stays on one file system), with the process id.
fn temp_path(path: &Path) -> PathBuf {
    let dir = match path.parent() {
        Some(p) if !p.as_os_str().is_empty() => p,
        _ => Path::new("."),
    };
    let name = path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_else(|| "out".to_string());
    dir.join(format!(".{name}.{}.tmp", std::process::id()))
}

/// Writes `bytes` to a new file at `path` and flushes it to disk: the
/// default writer of [`write_all_atomic_with`].
pub fn write_file(path: &Path, bytes: &[u8]) -> std::io::Result<()> {
    let mut f = std::fs::File::create(path)?;
    f.write_all(bytes)?;
    f.sync_all()
}

/// Writes every `(path, bytes)` or none: see [`write_all_atomic_with`].
pub fn write_all_atomic(files: &[(PathBuf, &[u8])]) -> Result<(), (PathBuf, std::io::Error)> {
    write_all_atomic_with(files, write_file)
}

/// Writes every `(path, bytes)` or none, with `write` putting bytes into a
/// (temporary) file. Parent folders are created. Each file goes to a
/// temporary file beside its target; only when all were written are they
/// renamed over their targets. On an error every temporary file is removed
/// and the error names the target it was for.
pub fn write_all_atomic_with(
    files: &[(PathBuf, &[u8])],
    mut write: impl FnMut(&Path, &[u8]) -> std::io::Result<()>,
) -> Result<(), (PathBuf, std::io::Error)> {
    // A target that is a folder would fail only at the rename, after other
    // targets were replaced: refuse it before writing anything.
    if let Some((path, _)) = files.iter().find(|(p, _)| p.is_dir()) {
        return Err((
            path.clone(),
            std::io::Error::other("is a folder, not a file"),
        ));
    }
    let mut temps: Vec<(PathBuf, &Path)> = Vec::with_capacity(files.len());
    let cleanup = |temps: &[(PathBuf, &Path)]| {
        for (t, _) in temps {
            let _ = std::fs::remove_file(t);
        }
    };
    for (path, bytes) in files {
        if let Some(parent) = path.parent().filter(|p| !p.as_os_str().is_empty())
            && let Err(e) = std::fs::create_dir_all(parent)
        {
            cleanup(&temps);
            return Err((parent.to_path_buf(), e));
        }
        let tmp = temp_path(path);
        let result = write(&tmp, bytes);
        temps.push((tmp, path));
        if let Err(e) = result {
            cleanup(&temps);
            return Err((path.clone(), e));
        }
    }
    for (i, (tmp, path)) in temps.iter().enumerate() {
        if let Err(e) = std::fs::rename(tmp, path) {
            // Nothing more is renamed; what was renamed already is complete.
            cleanup(&temps[i..]);
            return Err((path.to_path_buf(), e));
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A writer failing on the second file leaves no file at all.
    #[test]
    fn an_injected_write_error_leaves_nothing() {
        let dir = tempfile::tempdir().expect("tempdir");
        let a = dir.path().join("x.pdf");
        let b = dir.path().join("x.docx");
        let files: Vec<(PathBuf, &[u8])> = vec![(a.clone(), b"pdf"), (b.clone(), b"docx")];
        let mut n = 0;
        let r = write_all_atomic_with(&files, |p, bytes| {
            n += 1;
            if n == 2 {
                // Part of the file is written, then the disk is full.
                std::fs::write(p, &bytes[..1])?;
                return Err(std::io::Error::other("No space left on device"));
            }
            write_file(p, bytes)
        });
        let (path, _) = r.expect_err("must fail");
        assert_eq!(path, b);
        let left: Vec<_> = std::fs::read_dir(dir.path())
            .expect("read_dir")
            .map(|e| e.expect("entry").file_name())
            .collect();
        assert!(left.is_empty(), "left behind: {left:?}");
        // Without the error both are written.
        write_all_atomic(&files).expect("write");
        assert_eq!(std::fs::read(&a).expect("a"), b"pdf");
        assert_eq!(std::fs::read(&b).expect("b"), b"docx");
    }
}
