//! The zip container of the package, written directly.
//!
//! A DOCX is a zip of a dozen small XML parts. The `zip` crate set up a new
//! deflate compressor for every part, which cost more than compressing the
//! part itself (callgrind, one render of the Ba Tô report: 8.7 M
//! instructions in `switch_to`, of the DOCX writer's 16 M). This writer
//! reuses one raw-deflate compressor per thread, reset between parts, and
//! writes the same bytes the `zip` crate wrote with the options vanban used:
//!
//! - local header + deflated data, no data descriptor, no extra fields;
//! - version needed 2.0, made by Unix 2.0, flags 0 (names are ASCII);
//! - DOS time 1980-01-01 00:00:00 (fixed: the output does not depend on the
//!   clock), Unix mode 0644;
//! - central directory, then the end record without comment.
//!
//! Sizes and offsets are 32-bit (no Zip64): a package past 4 GiB or 65,535
//! parts is refused, far beyond the input limits.

use std::cell::RefCell;

use libdeflater::Crc;

/// Deflate level of every part: libdeflate level 1. For the Ba Tô report's
/// parts (88 kB of XML) it writes 16.3 kB in 2.8 M instructions, where
/// zlib-rs level 6 wrote 14.4 kB in 9.3 M.
const LEVEL: i32 = 1;
/// "Version needed to extract": 2.0 (deflate).
const VERSION_NEEDED: u16 = 20;
/// "Version made by": Unix (3) in the high byte, 2.0 in the low one.
const VERSION_MADE_BY: u16 = (3 << 8) | 20;
/// Compression method 8: deflate.
const METHOD_DEFLATE: u16 = 8;
/// DOS time of 00:00:00.
const DOS_TIME: u16 = 0;
/// DOS date of 1980-01-01: (year − 1980) << 9 | month << 5 | day.
const DOS_DATE: u16 = (1 << 5) | 1;
/// External attributes: a regular file, mode 0644, in the high 16 bits.
const EXTERNAL_ATTRIBUTES: u32 = 0o100644 << 16;

/// The package does not fit a 32-bit zip (never for a real document).
#[derive(Debug, thiserror::Error)]
#[error("the DOCX package is too large for a zip file (over 4 GiB or 65,535 parts)")]
pub struct ZipLimit;

thread_local! {
    static COMPRESSOR: RefCell<Option<libdeflater::Compressor>> = const { RefCell::new(None) };
}

/// Raw deflate of `data` with this thread's compressor (libdeflate at
/// [`LEVEL`]). `None` only if the output bound does not fit (never for a
/// buffer in memory).
fn deflate(data: &[u8]) -> Option<Vec<u8>> {
    COMPRESSOR.with(|cell| {
        let mut slot = cell.borrow_mut();
        let c = slot.get_or_insert_with(|| {
            libdeflater::Compressor::new(
                libdeflater::CompressionLvl::new(LEVEL)
                    .unwrap_or_else(|_| libdeflater::CompressionLvl::fastest()),
            )
        });
        let mut out = vec![0; c.deflate_compress_bound(data.len())];
        let n = c.deflate_compress(data, &mut out).ok()?;
        out.truncate(n);
        Some(out)
    })
}

fn u16_le(out: &mut Vec<u8>, v: u16) {
    out.extend_from_slice(&v.to_le_bytes());
}

fn u32_le(out: &mut Vec<u8>, v: u32) {
    out.extend_from_slice(&v.to_le_bytes());
}

/// Zips `files` in order (name, bytes), each deflated.
pub fn pack(files: &[(String, Vec<u8>)]) -> Result<Vec<u8>, ZipLimit> {
    let big = |n: usize| u32::try_from(n).map_err(|_| ZipLimit);
    let count = u16::try_from(files.len()).map_err(|_| ZipLimit)?;
    let mut out = Vec::new();
    let mut central = Vec::new();
    for (name, bytes) in files {
        let data = deflate(bytes).ok_or(ZipLimit)?;
        let mut crc = Crc::new();
        crc.update(bytes);
        let (crc, csize, usize_, nlen) = (
            crc.sum(),
            big(data.len())?,
            big(bytes.len())?,
            u16::try_from(name.len()).map_err(|_| ZipLimit)?,
        );
        let offset = big(out.len())?;
        // Local file header.
        u32_le(&mut out, 0x0403_4b50);
        u16_le(&mut out, VERSION_NEEDED);
        u16_le(&mut out, 0);
        u16_le(&mut out, METHOD_DEFLATE);
        u16_le(&mut out, DOS_TIME);
        u16_le(&mut out, DOS_DATE);
        u32_le(&mut out, crc);
        u32_le(&mut out, csize);
        u32_le(&mut out, usize_);
        u16_le(&mut out, nlen);
        u16_le(&mut out, 0);
        out.extend_from_slice(name.as_bytes());
        out.extend_from_slice(&data);
        // Its central directory entry.
        u32_le(&mut central, 0x0201_4b50);
        u16_le(&mut central, VERSION_MADE_BY);
        u16_le(&mut central, VERSION_NEEDED);
        u16_le(&mut central, 0);
        u16_le(&mut central, METHOD_DEFLATE);
        u16_le(&mut central, DOS_TIME);
        u16_le(&mut central, DOS_DATE);
        u32_le(&mut central, crc);
        u32_le(&mut central, csize);
        u32_le(&mut central, usize_);
        u16_le(&mut central, nlen);
        u16_le(&mut central, 0); // extra field length
        u16_le(&mut central, 0); // comment length
        u16_le(&mut central, 0); // disk number
        u16_le(&mut central, 0); // internal attributes
        u32_le(&mut central, EXTERNAL_ATTRIBUTES);
        u32_le(&mut central, offset);
        central.extend_from_slice(name.as_bytes());
    }
    let cd_offset = big(out.len())?;
    let cd_size = big(central.len())?;
    out.extend_from_slice(&central);
    // End of central directory record.
    u32_le(&mut out, 0x0605_4b50);
    u16_le(&mut out, 0);
    u16_le(&mut out, 0);
    u16_le(&mut out, count);
    u16_le(&mut out, count);
    u32_le(&mut out, cd_size);
    u32_le(&mut out, cd_offset);
    u16_le(&mut out, 0);
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::io::Read;

    #[test]
    fn reads_back_with_the_zip_crate() {
        let files = vec![
            ("a.xml".to_string(), b"<a>hello hello hello</a>".repeat(50)),
            ("dir/b.rels".to_string(), Vec::new()),
        ];
        let bytes = pack(&files).unwrap();
        let mut z = ::zip::ZipArchive::new(std::io::Cursor::new(bytes)).unwrap();
        assert_eq!(z.len(), 2);
        for (name, data) in &files {
            let mut f = z.by_name(name).unwrap();
            assert_eq!(f.unix_mode(), Some(0o100644));
            let mut got = Vec::new();
            f.read_to_end(&mut got).unwrap();
            assert_eq!(&got, data);
        }
    }

    #[test]
    fn same_bytes_twice_and_across_resets() {
        let files = vec![("x".to_string(), b"abc".repeat(1000))];
        assert_eq!(pack(&files).unwrap(), pack(&files).unwrap());
    }
}
