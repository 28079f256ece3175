//! Turning bytes into document text: refuse binary data, name the offset of
//! invalid UTF-8, drop a byte-order mark, refuse empty documents.

use crate::error::Problem;

/// How many leading bytes are sampled for control characters.
const SAMPLE: usize = 8192;
/// Above this share of control bytes (in percent) a sample is binary.
const MAX_CONTROL_PERCENT: u32 = 10;

/// Check that `bytes` look like text: no NUL byte, few control bytes.
///
/// # Errors
/// [`Problem::NulByte`] or [`Problem::ControlBytes`].
pub(crate) fn check_not_binary(bytes: &[u8]) -> Result<(), Problem> {
    if let Some(at) = memchr::memchr(0, bytes) {
        return Err(Problem::NulByte { offset: at as u64 });
    }
    let sample = &bytes[..bytes.len().min(SAMPLE)];
    let control = sample.iter().filter(|&&b| is_control(b)).count();
    let percent = percent(control, sample.len());
    if percent > MAX_CONTROL_PERCENT {
        return Err(Problem::ControlBytes { percent, sampled: sample.len() });
    }
    Ok(())
}

fn percent(part: usize, whole: usize) -> u32 {
    if whole == 0 {
        return 0;
    }
    u32::try_from(part * 100 / whole).unwrap_or(100)
}

/// C0 controls other than the whitespace ones text uses, and DEL.
fn is_control(b: u8) -> bool {
    (b < 0x20 && !matches!(b, b'\t' | b'\n' | b'\r' | 0x0c)) || b == 0x7f
}

/// Decode a whole document: binary check, UTF-8 (else the legacy encoding
/// the bytes read as: a Latin-1 or Windows-1252 text file, as editors and
/// older systems still save them), BOM, emptiness. `base` is the offset of
/// `bytes` in its input, for error messages.
///
/// # Errors
/// Binary content, bytes that decode in no encoding (invalid UTF-8, with
/// its offset) or an empty document.
pub(crate) fn decode(bytes: Vec<u8>, base: u64) -> Result<String, Problem> {
    check_not_binary(&bytes).map_err(|p| shift(p, base))?;
    let mut text = match String::from_utf8(bytes) {
        Ok(text) => text,
        Err(e) => {
            let offset = base + e.utf8_error().valid_up_to() as u64;
            crate::charset::decode_legacy(e.as_bytes()).ok_or(Problem::InvalidUtf8 { offset })?
        }
    };
    if text.starts_with('\u{feff}') {
        text.drain(..'\u{feff}'.len_utf8());
    }
    if text.trim().is_empty() {
        return Err(Problem::Empty);
    }
    Ok(text)
}

fn shift(p: Problem, base: u64) -> Problem {
    match p {
        Problem::NulByte { offset } => Problem::NulByte { offset: offset + base },
        other => other,
    }
}

#[cfg(test)]
#[allow(clippy::unwrap_used)] // a failed unwrap is a failed test
mod tests {
    use super::*;

    #[test]
    fn decoding_cases() {
        let cases: &[(&[u8], Result<&str, &str>)] = &[
            (b"Hello", Ok("Hello")),
            (b"\xef\xbb\xbfWith BOM", Ok("With BOM")),
            (b"tab\tand\r\nnewline", Ok("tab\tand\r\nnewline")),
            (b"a\0b", Err("binary content: NUL byte at byte offset 1")),
            (b"\x01\x02\x03\x04abc", Err("binary content: 57% of the first 7 bytes are control bytes")),
            (b"ok \xff here", Ok("ok \u{ff} here")),
            (b"Caf\xe9 bombing in Kabul", Ok("Caf\u{e9} bombing in Kabul")),
            (b"  \n\t ", Err("empty document")),
            (b"", Err("empty document")),
        ];
        for (input, want) in cases {
            let got = decode(input.to_vec(), 0).map_err(|p| p.to_string());
            let want = want.map(str::to_owned).map_err(str::to_owned);
            assert_eq!(got, want, "{input:?}");
        }
    }

    #[test]
    fn offsets_are_relative_to_the_input() {
        let got = decode(b"ab\0c".to_vec(), 100).unwrap_err().to_string();
        assert_eq!(got, "binary content: NUL byte at byte offset 102");
    }
}
