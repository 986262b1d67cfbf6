//! Error references such as `CID7023`, as they appear in content.

use serde::{Deserialize, Serialize};

/// A well-formed error reference in its canonical form (`CID7023`): `CID`
/// and 4 or 5 digits. Only [`parse_code`] and [`codes_in`] make one, so a
/// value of this type is always a real code, never whatever a URL held.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(transparent)]
pub struct ErrorCode(String);

impl ErrorCode {
    pub fn as_str(&self) -> &str {
        &self.0
    }

    /// The code as a section anchor (`cid7023`).
    pub fn anchor(&self) -> String {
        self.0.to_ascii_lowercase()
    }
}

impl std::ops::Deref for ErrorCode {
    type Target = str;
    fn deref(&self) -> &str {
        &self.0
    }
}

impl std::fmt::Display for ErrorCode {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.0)
    }
}

impl PartialEq<str> for ErrorCode {
    fn eq(&self, other: &str) -> bool {
        self.0 == other
    }
}

impl PartialEq<&str> for ErrorCode {
    fn eq(&self, other: &&str) -> bool {
        self.0 == *other
    }
}

/// Every error reference written in `text`, upper case, in order of
/// appearance: `CID` (any case) followed by 4 or 5 digits, not inside a longer
/// word or number.
pub fn codes_in(text: &str) -> Vec<ErrorCode> {
    let bytes = text.as_bytes();
    let mut found = Vec::new();
    let mut i = 0;
    while i + 3 <= bytes.len() {
        let starts_word = i == 0 || !bytes[i - 1].is_ascii_alphanumeric();
        if starts_word && bytes[i..i + 3].eq_ignore_ascii_case(b"cid") {
            let digits = bytes[i + 3..].iter().take_while(|b| b.is_ascii_digit()).count();
            let ends_word = bytes
                .get(i + 3 + digits)
                .is_none_or(|b| !b.is_ascii_alphanumeric());
            if (4..=5).contains(&digits) && ends_word {
                found.push(ErrorCode(format!("CID{}", &text[i + 3..i + 3 + digits])));
                i += 3 + digits;
                continue;
            }
        }
        i += 1;
    }
    found
}

/// Longest input worth reading as a code: anything longer is not one, and
/// stopping early bounds the work for hostile input.
const MAX_CODE_INPUT: usize = 32;

/// Reads an error reference the way people and partner systems write it:
/// any case, spaces or hyphens anywhere (`cid 7023`, `CID-7023`), with or
/// without the `CID` prefix (`7023`). Returns the canonical `CID7023`, or
/// `None` unless what remains is `CID` and 4 or 5 digits.
///
/// The input must already be NFKC-normalised (the app uses the browser's
/// `String.prototype.normalize`), so full-width digits arrive as ASCII.
pub fn parse_code(input: &str) -> Option<ErrorCode> {
    let input = input.trim();
    if input.len() > MAX_CODE_INPUT {
        return None;
    }
    // Separators may stand anywhere before the number, not inside it: a
    // stale `#cid3009-2` must not become the different code CID30092.
    let number_at = input.find(|c: char| c.is_ascii_digit()).unwrap_or(input.len());
    let (prefix, digits) = input.split_at(number_at);
    let prefix: String = prefix.chars().filter(|c| !is_separator(*c)).collect();
    let known_prefix = prefix.is_empty() || prefix.eq_ignore_ascii_case("cid");
    (known_prefix && (4..=5).contains(&digits.len()) && digits.bytes().all(|b| b.is_ascii_digit()))
        .then(|| ErrorCode(format!("CID{digits}")))
}

/// Spaces, and the hyphens and dashes people and systems type between words.
fn is_separator(c: char) -> bool {
    matches!(c, ' ' | '_' | '-' | '\u{2010}'..='\u{2015}' | '\u{2212}')
}

#[cfg(test)]
mod tests {
    use super::{codes_in, parse_code};

    #[test]
    fn parses_codes_as_people_write_them() {
        for input in ["CID7023", "cid7023", "cid 7023", "CID-7023", " 7023 ", "c i d 7023", "Cid–7023", "CID—7023", "CID\u{2212}7023"] {
            assert_eq!(parse_code(input).as_deref(), Some("CID7023"), "{input:?}");
        }
        assert_eq!(parse_code("cid12345").as_deref(), Some("CID12345"));
    }

    #[test]
    fn anything_else_is_not_a_code() {
        let long = "7".repeat(10_000);
        for input in ["", "CID", "CID123", "CID123456", "CIX7023", "7023a", "<script>alert(1)</script>", "７０２３", "CID7O23", "CID3009-2", "CID 70 23", &long] {
            assert_eq!(parse_code(input), None, "{input:?}");
        }
    }

    #[test]
    fn finds_codes_in_the_three_heading_forms() {
        assert_eq!(codes_in("CID2011: There may be a problem"), ["CID2011"]);
        assert_eq!(codes_in("Expired link – Reference CID3009"), ["CID3009"]);
        assert_eq!(codes_in("system - Reference CID7023"), ["CID7023"]);
        assert_eq!(codes_in("/contact?error=cid3010"), ["CID3010"]);
    }

    #[test]
    fn ignores_near_misses() {
        assert!(codes_in("CID123 CID123456 XCID1234 CID1234x ACID").is_empty());
        assert_eq!(codes_in("CID12345 and CID1234."), ["CID12345", "CID1234"]);
    }
}
