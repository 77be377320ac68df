//! All-or-nothing output: every file of one document is written to a
//! temporary file beside its target first, and the temporary files are
//! renamed only when all of them were written (issue 12 item 14). On any
//! failure no target is created or replaced and no temporary file is left.
//!
//! [`write_all_atomic`] flushes each file to disk before its rename (one
//! document, `vanban render`). A batch stages many documents with
//! [`Staged::write`] (no flush), flushes them all with one [`sync_to_disk`],
//! renames them with [`Staged::commit`], and flushes the renames with one
//! more [`sync_to_disk`]: two flushes per chunk of documents instead of one
//! per file, and still a crash leaves each target complete or absent
//! (docs/batch.md).

use std::io::Write;
use std::path::{Path, PathBuf};

/// The temporary name of `path`'s pending contents: a hidden file in the
/// same folder (so the rename stays on one file system), with the process id.
fn temp_path(path: &Path) -> PathBuf {
    let name = path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_else(|| "out".to_string());
    folder_of(path).join(format!(".{name}.{}.tmp", std::process::id()))
}

/// The folder a file is in (`.` for a bare name).
fn folder_of(path: &Path) -> &Path {
    match path.parent() {
        Some(p) if !p.as_os_str().is_empty() => p,
        _ => Path::new("."),
    }
}

/// Writes `bytes` to a new file at `path` and flushes it to disk: the
/// default writer of [`write_all_atomic_with`].
pub fn write_file(path: &Path, bytes: &[u8]) -> std::io::Result<()> {
    let mut f = std::fs::File::create(path)?;
    f.write_all(bytes)?;
    f.sync_all()
}

/// Writes `bytes` to a new file at `path` without flushing it to disk (the
/// writer of a batch, which flushes once per chunk: [`sync_to_disk`]).
pub fn write_file_unsynced(path: &Path, bytes: &[u8]) -> std::io::Result<()> {
    let mut f = std::fs::File::create(path)?;
    f.write_all(bytes)
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
    write: impl FnMut(&Path, &[u8]) -> std::io::Result<()>,
) -> Result<(), (PathBuf, std::io::Error)> {
    Staged::write_with(files, write)?.commit().map(|_| ())
}

/// One document's files written to temporary files beside their targets,
/// not yet renamed: [`Staged::commit`] renames them, dropping it removes
/// them.
#[derive(Debug, Default)]
pub struct Staged {
    /// (temporary file, target), in the order given.
    temps: Vec<(PathBuf, PathBuf)>,
}

impl Staged {
    /// Writes every `(path, bytes)` to its temporary file without flushing
    /// it to disk, or none: on an error the temporary files written so far
    /// are removed and the error names the target.
    pub fn write(files: &[(PathBuf, &[u8])]) -> Result<Staged, (PathBuf, std::io::Error)> {
        Staged::write_with(files, write_file_unsynced)
    }

    /// [`Staged::write`] with `write` putting bytes into a file.
    pub fn write_with(
        files: &[(PathBuf, &[u8])],
        mut write: impl FnMut(&Path, &[u8]) -> std::io::Result<()>,
    ) -> Result<Staged, (PathBuf, std::io::Error)> {
        // A target that is a folder would fail only at the rename, after
        // other targets were replaced: refuse it before writing anything.
        if let Some((path, _)) = files.iter().find(|(p, _)| p.is_dir()) {
            return Err((
                path.clone(),
                std::io::Error::other("is a folder, not a file"),
            ));
        }
        let mut staged = Staged {
            temps: Vec::with_capacity(files.len()),
        };
        for (path, bytes) in files {
            if let Some(parent) = path.parent().filter(|p| !p.as_os_str().is_empty())
                && let Err(e) = std::fs::create_dir_all(parent)
            {
                return Err((parent.to_path_buf(), e));
            }
            let tmp = temp_path(path);
            let result = write(&tmp, bytes);
            staged.temps.push((tmp, path.clone()));
            if let Err(e) = result {
                return Err((path.clone(), e));
            }
        }
        Ok(staged)
    }

    /// The temporary files (to flush before [`Staged::commit`]).
    pub fn temp_files(&self) -> impl Iterator<Item = &Path> {
        self.temps.iter().map(|(t, _)| t.as_path())
    }

    /// Renames every temporary file over its target and returns the
    /// targets. On an error nothing more is renamed and the temporary files
    /// not yet renamed are removed; what was renamed already is complete.
    pub fn commit(mut self) -> Result<Vec<PathBuf>, (PathBuf, std::io::Error)> {
        let temps = std::mem::take(&mut self.temps);
        for (i, (tmp, path)) in temps.iter().enumerate() {
            if let Err(e) = std::fs::rename(tmp, path) {
                for (t, _) in &temps[i..] {
                    let _ = std::fs::remove_file(t);
                }
                return Err((path.clone(), e));
            }
        }
        Ok(temps.into_iter().map(|(_, p)| p).collect())
    }
}

impl Drop for Staged {
    /// Removes the temporary files of a document that is not committed.
    fn drop(&mut self) {
        for (t, _) in &self.temps {
            let _ = std::fs::remove_file(t);
        }
    }
}

/// Flushes the files at `paths`, and the folders holding them (their
/// entries: creations and renames), to disk. On Linux one `syncfs(2)` per
/// file system they are on; elsewhere one `fsync` per file and per folder.
pub fn sync_to_disk<'a>(paths: impl IntoIterator<Item = &'a Path>) -> std::io::Result<()> {
    let mut folders: Vec<&Path> = Vec::new();
    let mut files: Vec<&Path> = Vec::new();
    for p in paths {
        let dir = folder_of(p);
        if !folders.contains(&dir) {
            folders.push(dir);
        }
        files.push(p);
    }
    sync_impl(&files, &folders)
}

#[cfg(target_os = "linux")]
fn sync_impl(_files: &[&Path], folders: &[&Path]) -> std::io::Result<()> {
    use std::os::fd::AsRawFd;
    use std::os::unix::fs::MetadataExt;
    unsafe extern "C" {
        fn syncfs(fd: i32) -> i32;
    }
    // Every file sits in one of the folders, on the folder's file system
    // (a file cannot be renamed across file systems).
    let mut devices: Vec<u64> = Vec::new();
    for dir in folders {
        let f = std::fs::File::open(dir)?;
        let dev = f.metadata()?.dev();
        if devices.contains(&dev) {
            continue;
        }
        devices.push(dev);
        // SAFETY: syncfs only reads the descriptor, which `f` keeps open.
        if unsafe { syncfs(f.as_raw_fd()) } != 0 {
            return Err(std::io::Error::last_os_error());
        }
    }
    Ok(())
}

#[cfg(not(target_os = "linux"))]
fn sync_impl(files: &[&Path], folders: &[&Path]) -> std::io::Result<()> {
    for f in files {
        std::fs::File::open(f)?.sync_all()?;
    }
    for d in folders {
        // Folders cannot be opened for syncing on every system (Windows).
        if let Ok(f) = std::fs::File::open(d) {
            let _ = f.sync_all();
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn names(dir: &Path) -> Vec<String> {
        let mut v: Vec<String> = std::fs::read_dir(dir)
            .expect("read_dir")
            .map(|e| e.expect("entry").file_name().to_string_lossy().into_owned())
            .collect();
        v.sort();
        v
    }

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
        let left = names(dir.path());
        assert!(left.is_empty(), "left behind: {left:?}");
        // Without the error both are written.
        write_all_atomic(&files).expect("write");
        assert_eq!(std::fs::read(&a).expect("a"), b"pdf");
        assert_eq!(std::fs::read(&b).expect("b"), b"docx");
    }

    /// Staged files are invisible under their names until the commit; a
    /// staged document that is dropped leaves nothing.
    #[test]
    fn staged_files_appear_only_at_the_commit() {
        let dir = tempfile::tempdir().expect("tempdir");
        let a = dir.path().join("sub/y.pdf");
        let b = dir.path().join("sub/y.docx");
        let files: Vec<(PathBuf, &[u8])> = vec![(a.clone(), b"pdf"), (b.clone(), b"docx")];
        let staged = Staged::write(&files).expect("stage");
        assert!(!a.exists() && !b.exists());
        assert_eq!(staged.temp_files().count(), 2);
        sync_to_disk(staged.temp_files()).expect("sync");
        drop(staged);
        assert!(names(&dir.path().join("sub")).is_empty());

        let staged = Staged::write(&files).expect("stage");
        let written = staged.commit().expect("commit");
        assert_eq!(written, [a.clone(), b.clone()]);
        sync_to_disk(written.iter().map(PathBuf::as_path)).expect("sync");
        assert_eq!(names(&dir.path().join("sub")), ["y.docx", "y.pdf"]);
        assert_eq!(std::fs::read(&b).expect("b"), b"docx");
    }
}
