//! Opening an input as a buffered byte stream: gzip data (recognised by its
//! magic bytes, whatever the file is called) is decompressed through a cap,
//! so a gzip bomb becomes an error instead of filling memory.

use std::fs::File;
use std::io::{self, BufRead, BufReader, Read};
use std::path::Path;

use flate2::read::MultiGzDecoder;

use crate::error::Problem;

const GZIP_MAGIC: [u8; 2] = [0x1f, 0x8b];

/// A readable input, decompressed when it was gzip.
pub(crate) struct Opened {
    pub reader: Box<dyn BufRead + Send>,
    pub compressed: bool,
}

/// Open a file; see [`wrap`].
pub(crate) fn open_path(path: &Path, max_decompressed: usize) -> Result<Opened, Problem> {
    let file = File::open(path).map_err(Problem::from_io)?;
    wrap(Box::new(file), max_decompressed)
}

/// Buffer `reader` and put a decompressor in front of it when it starts with
/// the gzip magic bytes.
pub(crate) fn wrap(reader: Box<dyn Read + Send>, max_decompressed: usize) -> Result<Opened, Problem> {
    let mut buffered = BufReader::with_capacity(64 * 1024, reader);
    let head = buffered.fill_buf().map_err(Problem::from_io)?;
    if !head.starts_with(&GZIP_MAGIC) {
        return Ok(Opened { reader: Box::new(buffered), compressed: false });
    }
    let capped = Capped { inner: MultiGzDecoder::new(buffered), total: 0, limit: max_decompressed };
    Ok(Opened { reader: Box::new(BufReader::with_capacity(64 * 1024, capped)), compressed: true })
}

/// Read a whole document of at most `limit` bytes.
///
/// # Errors
/// [`Problem::TooLarge`] (with `size`, when known) past the limit, or the
/// read error.
pub(crate) fn read_all(opened: Opened, limit: usize, size: Option<u64>) -> Result<Vec<u8>, Problem> {
    if let Some(size) = size.filter(|&s| s > limit as u64) {
        return Err(Problem::TooLarge { size, limit });
    }
    let mut bytes = Vec::new();
    let cap = u64::try_from(limit).unwrap_or(u64::MAX).saturating_add(1);
    opened.reader.take(cap).read_to_end(&mut bytes).map_err(problem_of)?;
    if bytes.len() > limit {
        return Err(match size {
            _ if opened.compressed => Problem::DecompressedTooLarge { limit },
            Some(size) => Problem::TooLarge { size, limit },
            None => Problem::StreamTooLarge { limit },
        });
    }
    Ok(bytes)
}

/// Classify a read error, recognising the decompression cap.
pub(crate) fn problem_of(e: io::Error) -> Problem {
    match e.get_ref().and_then(|inner| inner.downcast_ref::<CapExceeded>()) {
        Some(cap) => Problem::DecompressedTooLarge { limit: cap.0 },
        None => Problem::from_io(e),
    }
}

/// The marker error a [`Capped`] reader returns.
#[derive(Debug, thiserror::Error)]
#[error("decompressed data is larger than {0} bytes")]
struct CapExceeded(usize);

/// A reader that fails once more than `limit` bytes came through it.
struct Capped<R> {
    inner: R,
    total: usize,
    limit: usize,
}

impl<R: Read> Read for Capped<R> {
    fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
        let n = self.inner.read(buf)?;
        self.total = self.total.saturating_add(n);
        if self.total > self.limit {
            return Err(io::Error::other(CapExceeded(self.limit)));
        }
        Ok(n)
    }
}

#[cfg(test)]
#[allow(clippy::unwrap_used)] // a failed unwrap is a failed test
mod tests {
    use super::*;
    use flate2::write::GzEncoder;
    use flate2::Compression;
    use std::io::Write;

    fn gzip(bytes: &[u8]) -> Vec<u8> {
        let mut enc = GzEncoder::new(Vec::new(), Compression::default());
        enc.write_all(bytes).unwrap();
        enc.finish().unwrap()
    }

    #[test]
    fn past_the_limit_is_named_by_what_was_read() {
        let plain = || wrap(Box::new(io::Cursor::new(vec![b'a'; 200])), 1_000).unwrap();
        let cases = [
            (read_all(plain(), 100, None), "input is larger than the limit of 100 bytes"),
            (read_all(plain(), 100, Some(150)), "150 bytes is larger than the limit of 100 bytes"),
            (
                read_all(wrap(Box::new(io::Cursor::new(gzip(&[b'a'; 200]))), 1_000).unwrap(), 100, None),
                "decompressed data is larger than the limit of 100 bytes",
            ),
        ];
        for (got, want) in cases {
            assert_eq!(got.unwrap_err().to_string(), want);
        }
    }

    #[test]
    fn gzip_is_recognised_by_its_magic() {
        let opened = wrap(Box::new(io::Cursor::new(gzip(b"hello"))), 100).unwrap();
        assert!(opened.compressed);
        assert_eq!(read_all(opened, 100, None).unwrap(), b"hello");
    }

    #[test]
    fn a_gzip_bomb_hits_the_cap() {
        let bomb = gzip(&vec![b'a'; 5_000_000]);
        assert!(bomb.len() < 50_000);
        let opened = wrap(Box::new(io::Cursor::new(bomb)), 1_000_000).unwrap();
        let err = read_all(opened, usize::MAX - 1, None).unwrap_err();
        assert_eq!(err.to_string(), "decompressed data is larger than the limit of 1000000 bytes");
    }

    #[test]
    fn truncated_gzip_is_bad_compression() {
        let mut data = gzip(b"some text that is long enough to be cut");
        data.truncate(data.len() / 2);
        let opened = wrap(Box::new(io::Cursor::new(data)), 1000).unwrap();
        let err = read_all(opened, 1000, None).unwrap_err();
        assert!(matches!(err, Problem::BadCompression(_)), "{err}");
    }
}
