//! Bytes to text: UTF-8, UTF-16 with a byte-order mark, else Windows-1252 (a superset of
//! Latin-1 for printable text). NUL bytes outside UTF-16 mean a binary file.

use encoding_rs::{UTF_16BE, UTF_16LE, WINDOWS_1252};

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Decoded {
    Text {
        text: String,
        encoding: &'static str,
    },
    Binary(String),
}

/// How much of a file is sniffed for binary content.
const SNIFF: usize = 8192;

pub fn decode(bytes: &[u8]) -> Decoded {
    if let Some(rest) = bytes.strip_prefix(&[0xEF, 0xBB, 0xBF]) {
        return utf8_or_1252(rest);
    }
    if bytes.starts_with(&[0xFF, 0xFE]) {
        let (text, _, _) = UTF_16LE.decode(bytes);
        return Decoded::Text {
            text: text.into_owned(),
            encoding: "utf-16le",
        };
    }
    if bytes.starts_with(&[0xFE, 0xFF]) {
        let (text, _, _) = UTF_16BE.decode(bytes);
        return Decoded::Text {
            text: text.into_owned(),
            encoding: "utf-16be",
        };
    }
    let head = &bytes[..bytes.len().min(SNIFF)];
    if let Some(pos) = head.iter().position(|&b| b == 0) {
        return Decoded::Binary(format!("NUL byte at offset {pos}"));
    }
    if let Some(magic) = known_binary(head) {
        return Decoded::Binary(magic.to_string());
    }
    let controls = head
        .iter()
        .filter(|&&b| b < 0x20 && !matches!(b, b'\n' | b'\r' | b'\t' | 0x0c))
        .count();
    if head.len() >= 64 && controls * 10 > head.len() {
        return Decoded::Binary(format!(
            "{controls} control bytes in the first {} bytes",
            head.len()
        ));
    }
    utf8_or_1252(bytes)
}

fn utf8_or_1252(bytes: &[u8]) -> Decoded {
    match std::str::from_utf8(bytes) {
        Ok(s) => Decoded::Text {
            text: s.to_string(),
            encoding: "utf-8",
        },
        Err(_) => {
            let (text, _, _) = WINDOWS_1252.decode(bytes);
            Decoded::Text {
                text: text.into_owned(),
                encoding: "windows-1252",
            }
        }
    }
}

/// Formats recognised by their first bytes, so they are named in the error.
pub fn known_binary(head: &[u8]) -> Option<&'static str> {
    const MAGIC: [(&[u8], &str); 8] = [
        (b"%PDF", "PDF"),
        (b"PK\x03\x04", "zip archive"),
        (b"\x89PNG", "PNG image"),
        (b"\xFF\xD8\xFF", "JPEG image"),
        (b"II*\x00", "TIFF image"),
        (b"MM\x00*", "TIFF image"),
        (b"\x1F\x8B", "gzip archive"),
        (b"GIF8", "GIF image"),
    ];
    MAGIC
        .iter()
        .find(|(m, _)| head.starts_with(m))
        .map(|(_, n)| *n)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn text(d: Decoded) -> (String, &'static str) {
        match d {
            Decoded::Text { text, encoding } => (text, encoding),
            Decoded::Binary(why) => panic!("binary: {why}"),
        }
    }

    #[test]
    fn utf8_with_and_without_bom() {
        assert_eq!(
            text(decode("Will bé".as_bytes())),
            ("Will bé".into(), "utf-8")
        );
        assert_eq!(
            text(decode(b"\xEF\xBB\xBFSECRET")),
            ("SECRET".into(), "utf-8")
        );
    }

    #[test]
    fn utf16_with_bom() {
        let mut le = vec![0xFF, 0xFE];
        for u in "TO: DIRECTOR".encode_utf16() {
            le.extend_from_slice(&u.to_le_bytes());
        }
        assert_eq!(text(decode(&le)), ("TO: DIRECTOR".into(), "utf-16le"));
        let mut be = vec![0xFE, 0xFF];
        for u in "FROM".encode_utf16() {
            be.extend_from_slice(&u.to_be_bytes());
        }
        assert_eq!(text(decode(&be)), ("FROM".into(), "utf-16be"));
    }

    #[test]
    fn invalid_utf8_falls_back_to_windows_1252() {
        // "Café “quoted”" in Windows-1252.
        let (t, enc) = text(decode(b"Caf\xE9 \x93quoted\x94"));
        assert_eq!(t, "Café “quoted”");
        assert_eq!(enc, "windows-1252");
    }

    #[test]
    fn binary_is_refused_with_a_reason() {
        assert!(matches!(decode(b"abc\0def"), Decoded::Binary(w) if w.contains("NUL")));
        assert!(matches!(decode(b"%PDF-1.4\n..."), Decoded::Binary(w) if w == "PDF"));
        let junk: Vec<u8> = (0..200u8).map(|i| i % 31 + 1).collect();
        assert!(matches!(decode(&junk), Decoded::Binary(_)));
    }
}
