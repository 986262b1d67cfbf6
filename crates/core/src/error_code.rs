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

#[cfg(test)]
mod tests {
    use super::codes_in;

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
