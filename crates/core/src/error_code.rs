//! Error references such as `CID7023`, as they appear in content.

/// Every error reference written in `text`, upper case, in order of
/// appearance: `CID` (any case) followed by 4 or 5 digits, not inside a longer
/// word or number.
pub fn codes_in(text: &str) -> Vec<String> {
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
                found.push(format!("CID{}", &text[i + 3..i + 3 + digits]));
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
pub fn parse_code(input: &str) -> Option<String> {
    let input = input.trim();
    if input.len() > MAX_CODE_INPUT {
        return None;
    }
    let compact: String = input
        .chars()
        .filter(|c| !matches!(c, ' ' | '-' | '\u{2010}' | '\u{2011}' | '\u{2013}' | '_'))
        .collect();
    let digits = match compact.get(..3) {
        Some(prefix) if prefix.eq_ignore_ascii_case("cid") => &compact[3..],
        _ => compact.as_str(),
    };
    ((4..=5).contains(&digits.len()) && digits.bytes().all(|b| b.is_ascii_digit()))
        .then(|| format!("CID{digits}"))
}

#[cfg(test)]
mod tests {
    use super::{codes_in, parse_code};

    #[test]
    fn parses_codes_as_people_write_them() {
        for input in ["CID7023", "cid7023", "cid 7023", "CID-7023", " 7023 ", "c i d 7 0 2 3", "Cid–7023"] {
            assert_eq!(parse_code(input).as_deref(), Some("CID7023"), "{input:?}");
        }
        assert_eq!(parse_code("cid12345").as_deref(), Some("CID12345"));
    }

    #[test]
    fn anything_else_is_not_a_code() {
        let long = "7".repeat(10_000);
        for input in ["", "CID", "CID123", "CID123456", "CIX7023", "7023a", "<script>alert(1)</script>", "７０２３", "CID7O23", &long] {
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
