//! Reads the bundled model in the browser (the search index has its own
//! packed format: `search/packed.rs`).
//!
//! The compiler writes them as JSON with serde. Reading them back with
//! serde_json and derived `Deserialize` cost about 56 KB of the wasm, because
//! serde stamps out generic code per type; `tinyjson` was larger still (its
//! float parsing alone). The bundles hold only strings, whole numbers,
//! booleans, arrays and objects, so a parser for exactly that builds a value
//! tree and plain functions turn it into the model. A native test reads
//! everything the compiler writes both with serde_json and with this, and
//! requires the same result, so the two readers cannot drift.


use crate::error_code::{parse_code, ErrorCode};
use crate::bodies::{Bodies, PageBody};
use crate::model::{Block, ContentsItem, Inline, LinkTarget, Notice, Page, PageKind, Partner, Place, Reference, Section, Site};

/// Why a bundle could not be read: the path to the value and what was wrong.
pub type Error = String;

/// The site model from the JSON `build.rs` bundles.
pub fn site_from_json(json: &str) -> Result<Site, Error> {
    Site::read(&parse(json)?)
}

/// Page bodies, as the page files carry them and `site-bodies.json` holds them.
pub fn bodies_from_json(json: &str) -> Result<Bodies, Error> {
    Bodies::read(&parse(json)?)
}

fn parse(json: &str) -> Result<JsonValue, Error> {
    let mut parser = Parser { bytes: json.as_bytes(), at: 0 };
    let value = parser.value(0)?;
    parser.space();
    if parser.at != parser.bytes.len() {
        return Err("trailing characters".into());
    }
    Ok(value)
}

/// A JSON value. Numbers are whole: the model has no fractions.
#[derive(Debug)]
enum JsonValue {
    Null,
    Boolean(bool),
    Number(i64),
    String(String),
    Array(Vec<JsonValue>),
    Object(Vec<(String, JsonValue)>),
}

/// Deeper than any bundle the compiler writes (it refuses deep content).
const MAX_DEPTH: usize = 256;

struct Parser<'a> {
    bytes: &'a [u8],
    at: usize,
}

impl Parser<'_> {
    fn space(&mut self) {
        while self.bytes.get(self.at).is_some_and(|b| b.is_ascii_whitespace()) {
            self.at += 1;
        }
    }

    fn eat(&mut self, byte: u8) -> bool {
        self.space();
        let hit = self.bytes.get(self.at) == Some(&byte);
        self.at += usize::from(hit);
        hit
    }

    fn literal(&mut self, word: &str, value: JsonValue) -> Result<JsonValue, Error> {
        if self.bytes[self.at..].starts_with(word.as_bytes()) {
            self.at += word.len();
            Ok(value)
        } else {
            Err("unexpected character".into())
        }
    }

    fn value(&mut self, depth: usize) -> Result<JsonValue, Error> {
        if depth > MAX_DEPTH {
            return Err("nested too deeply".into());
        }
        self.space();
        match self.bytes.get(self.at) {
            Some(b'n') => self.literal("null", JsonValue::Null),
            Some(b't') => self.literal("true", JsonValue::Boolean(true)),
            Some(b'f') => self.literal("false", JsonValue::Boolean(false)),
            Some(b'"') => self.string().map(JsonValue::String),
            Some(b'[') => {
                self.at += 1;
                let mut items = Vec::new();
                if !self.eat(b']') {
                    loop {
                        items.push(self.value(depth + 1)?);
                        if self.eat(b']') {
                            break;
                        }
                        if !self.eat(b',') {
                            return Err("expected , or ]".into());
                        }
                    }
                }
                Ok(JsonValue::Array(items))
            }
            Some(b'{') => {
                self.at += 1;
                let mut entries = Vec::new();
                if !self.eat(b'}') {
                    loop {
                        self.space();
                        let key = self.string()?;
                        if !self.eat(b':') {
                            return Err("expected :".into());
                        }
                        entries.push((key, self.value(depth + 1)?));
                        if self.eat(b'}') {
                            break;
                        }
                        if !self.eat(b',') {
                            return Err("expected , or }".into());
                        }
                    }
                }
                Ok(JsonValue::Object(entries))
            }
            Some(b'-' | b'0'..=b'9') => {
                let start = self.at;
                self.at += 1;
                while self.bytes.get(self.at).is_some_and(u8::is_ascii_digit) {
                    self.at += 1;
                }
                std::str::from_utf8(&self.bytes[start..self.at])
                    .ok()
                    .and_then(|n| n.parse().ok())
                    .map(JsonValue::Number)
                    .ok_or_else(|| "bad number".into())
            }
            _ => Err("unexpected character".into()),
        }
    }

    fn hex4(&mut self) -> Result<u32, Error> {
        let digits = self.bytes.get(self.at..self.at + 4).ok_or("short \\u escape")?;
        self.at += 4;
        std::str::from_utf8(digits).ok().and_then(|d| u32::from_str_radix(d, 16).ok()).ok_or_else(|| "bad \\u escape".into())
    }

    fn string(&mut self) -> Result<String, Error> {
        if self.bytes.get(self.at) != Some(&b'"') {
            return Err("expected a string".into());
        }
        self.at += 1;
        let mut out = Vec::new();
        loop {
            match *self.bytes.get(self.at).ok_or("unclosed string")? {
                b'"' => {
                    self.at += 1;
                    return String::from_utf8(out).map_err(|_| "invalid UTF-8".into());
                }
                b'\\' => {
                    self.at += 1;
                    let escaped = *self.bytes.get(self.at).ok_or("unclosed string")?;
                    self.at += 1;
                    let c = match escaped {
                        b'"' => '"',
                        b'\\' => '\\',
                        b'/' => '/',
                        b'b' => '\u{8}',
                        b'f' => '\u{c}',
                        b'n' => '\n',
                        b'r' => '\r',
                        b't' => '\t',
                        b'u' => {
                            let mut code = self.hex4()?;
                            if (0xd800..0xdc00).contains(&code) && self.bytes[self.at..].starts_with(b"\\u") {
                                self.at += 2;
                                let low = self.hex4()?;
                                code = 0x10000 + ((code - 0xd800) << 10) + (low.wrapping_sub(0xdc00) & 0x3ff);
                            }
                            char::from_u32(code).unwrap_or('\u{fffd}')
                        }
                        _ => return Err("bad escape".into()),
                    };
                    let mut buf = [0u8; 4];
                    out.extend_from_slice(c.encode_utf8(&mut buf).as_bytes());
                }
                byte => {
                    out.push(byte);
                    self.at += 1;
                }
            }
        }
    }
}

trait Read: Sized {
    fn read(value: &JsonValue) -> Result<Self, Error>;
}

type Map = [(String, JsonValue)];

fn object(value: &JsonValue) -> Result<&Map, Error> {
    match value {
        JsonValue::Object(map) => Ok(map),
        _ => Err("expected an object".into()),
    }
}

// The helpers below are generic over each type the bundle holds; what does
// not depend on the type is kept out of them (`lookup`, `context`), so the
// wasm holds it once instead of once per type.

fn field<T: Read>(map: &Map, name: &str) -> Result<T, Error> {
    T::read(lookup(map, name)?).map_err(|e| context(name, e))
}

#[inline(never)]
fn lookup<'m>(map: &'m Map, name: &str) -> Result<&'m JsonValue, Error> {
    map.iter().find(|(k, _)| k == name).map(|(_, v)| v).ok_or_else(|| format!("missing `{name}`"))
}

/// `e`, said to be inside `place` (a field name or `[index]`).
#[inline(never)]
fn context(place: &str, e: Error) -> Error {
    format!("{place}: {e}")
}

/// An externally tagged enum value: `"Unit"` or `{"Variant": content}`.
fn variant(value: &JsonValue) -> Result<(&str, Option<&JsonValue>), Error> {
    match value {
        JsonValue::String(name) => Ok((name, None)),
        JsonValue::Object(map) if map.len() == 1 => Ok((&map[0].0, Some(&map[0].1))),
        _ => Err("expected an enum variant".into()),
    }
}

fn content<T: Read>(content: Option<&JsonValue>, name: &str) -> Result<T, Error> {
    T::read(content.ok_or_else(|| format!("`{name}` has no content"))?).map_err(|e| context(name, e))
}

impl Read for String {
    fn read(value: &JsonValue) -> Result<Self, Error> {
        match value {
            JsonValue::String(s) => Ok(s.clone()),
            _ => Err("expected a string".into()),
        }
    }
}

macro_rules! read_number {
    ($($t:ty),*) => {$(
        impl Read for $t {
            fn read(value: &JsonValue) -> Result<Self, Error> {
                match value {
                    JsonValue::Number(n) => <$t>::try_from(*n).map_err(|_| "number out of range".into()),
                    _ => Err("expected a whole number".into()),
                }
            }
        }
    )*};
}
read_number!(u8, u16, u32, i64, usize);

impl<T: Read> Read for Option<T> {
    fn read(value: &JsonValue) -> Result<Self, Error> {
        match value {
            JsonValue::Null => Ok(None),
            other => T::read(other).map(Some),
        }
    }
}

impl<T: Read> Read for Vec<T> {
    fn read(value: &JsonValue) -> Result<Self, Error> {
        let items = array(value)?;
        // A plain loop: `collect` into a `Result` costs the wasm an iterator
        // adapter per type.
        let mut out = Vec::with_capacity(items.len());
        for (i, item) in items.iter().enumerate() {
            match T::read(item) {
                Ok(read) => out.push(read),
                Err(e) => return Err(context(&format!("[{i}]"), e)),
            }
        }
        Ok(out)
    }
}

#[inline(never)]
fn array(value: &JsonValue) -> Result<&[JsonValue], Error> {
    match value {
        JsonValue::Array(items) => Ok(items),
        _ => Err("expected an array".into()),
    }
}

impl<T: Read + Default + Copy, const N: usize> Read for [T; N] {
    fn read(value: &JsonValue) -> Result<Self, Error> {
        let items = Vec::<T>::read(value)?;
        let mut out = [T::default(); N];
        if items.len() != N {
            return Err(format!("expected {N} items"));
        }
        out.copy_from_slice(&items);
        Ok(out)
    }
}

impl<A: Read, B: Read> Read for (A, B) {
    fn read(value: &JsonValue) -> Result<Self, Error> {
        match value {
            JsonValue::Array(items) if items.len() == 2 => Ok((A::read(&items[0])?, B::read(&items[1])?)),
            _ => Err("expected a pair".into()),
        }
    }
}

/// Structs: every bundled field by name, as serde writes them; the fields
/// after `;` are the compiler's own, not bundled, and start empty.
macro_rules! read_struct {
    ($t:ident { $($f:ident),* $(,)? $(; $($skipped:ident),* )? }) => {
        impl Read for $t {
            fn read(value: &JsonValue) -> Result<Self, Error> {
                let map = object(value)?;
                Ok($t { $($f: field(map, stringify!($f))?,)* $($($skipped: Default::default(),)*)? })
            }
        }
    };
}

read_struct!(Site { pages, contact_url, references, partners, notices; help_centre_url });
read_struct!(Notice { code, retired, replaced_by, line });
read_struct!(Partner { id, name, origins, article, return_label });
read_struct!(Page { page_name, file, kind, title, short_title, subtitle, hub, partner, intro, sections, children, review_dates; site_path, position });
read_struct!(Section { id, level, heading, blocks; references });
read_struct!(Reference { code, place, also });
read_struct!(Place { page, section, details, heading; naming });
read_struct!(ContentsItem { current, inlines });
read_struct!(PageBody { page, intro, sections });
read_struct!(Bodies { site, pages });

impl Read for PageKind {
    fn read(value: &JsonValue) -> Result<Self, Error> {
        match variant(value)? {
            ("Hub", None) => Ok(PageKind::Hub),
            ("Article", None) => Ok(PageKind::Article),
            (other, _) => Err(format!("unknown page kind `{other}`")),
        }
    }
}

/// A code is read only if it is one, in its canonical form.
impl Read for ErrorCode {
    fn read(value: &JsonValue) -> Result<Self, Error> {
        let text = String::read(value)?;
        parse_code(&text).filter(|code| *code == text.as_str()).ok_or_else(|| format!("`{text}` is not an error reference"))
    }
}

impl Read for Block {
    fn read(value: &JsonValue) -> Result<Self, Error> {
        match variant(value)? {
            ("Paragraph", c) => Ok(Block::Paragraph(content(c, "Paragraph")?)),
            ("Subheading", c) => Ok(Block::Subheading(content(c, "Subheading")?)),
            ("List", c) => {
                let map = object(c.ok_or("`List` has no content")?)?;
                Ok(Block::List { ordered: field(map, "ordered")?, start: field(map, "start")?, items: field(map, "items")? })
            }
            ("Details", c) => {
                let map = object(c.ok_or("`Details` has no content")?)?;
                Ok(Block::Details { id: field(map, "id")?, summary: field(map, "summary")?, blocks: field(map, "blocks")? })
            }
            ("Rule", None) => Ok(Block::Rule),
            ("InsetText", c) => {
                let map = object(c.ok_or("`InsetText` has no content")?)?;
                Ok(Block::InsetText { hidden_label: field(map, "hidden_label")?, blocks: field(map, "blocks")? })
            }
            ("WarningCallout", c) => {
                let map = object(c.ok_or("`WarningCallout` has no content")?)?;
                Ok(Block::WarningCallout { label: field(map, "label")?, blocks: field(map, "blocks")? })
            }
            ("ContentsList", c) => {
                let map = object(c.ok_or("`ContentsList` has no content")?)?;
                Ok(Block::ContentsList { label: field(map, "label")?, heading: field(map, "heading")?, items: field(map, "items")? })
            }
            (other, _) => Err(format!("unknown block `{other}`")),
        }
    }
}

impl Read for Inline {
    fn read(value: &JsonValue) -> Result<Self, Error> {
        match variant(value)? {
            ("Text", c) => Ok(Inline::Text(content(c, "Text")?)),
            ("Strong", c) => Ok(Inline::Strong(content(c, "Strong")?)),
            ("Emphasis", c) => Ok(Inline::Emphasis(content(c, "Emphasis")?)),
            ("Link", c) => {
                let map = object(c.ok_or("`Link` has no content")?)?;
                Ok(Inline::Link { target: field(map, "target")?, title: field(map, "title")?, children: field(map, "children")? })
            }
            ("LineBreak", None) => Ok(Inline::LineBreak),
            ("VisuallyHidden", c) => Ok(Inline::VisuallyHidden(content(c, "VisuallyHidden")?)),
            (other, _) => Err(format!("unknown inline `{other}`")),
        }
    }
}

impl Read for LinkTarget {
    fn read(value: &JsonValue) -> Result<Self, Error> {
        let (name, c) = variant(value)?;
        let map = object(c.ok_or_else(|| format!("`{name}` has no content"))?)?;
        match name {
            "Page" => Ok(LinkTarget::Page { file: field(map, "file")?, fragment: field(map, "fragment")? }),
            "Contact" => Ok(LinkTarget::Contact { code: field(map, "code")? }),
            "External" => Ok(LinkTarget::External { href: field(map, "href")? }),
            other => Err(format!("unknown link target `{other}`")),
        }
    }
}

impl Read for bool {
    fn read(value: &JsonValue) -> Result<Self, Error> {
        match value {
            JsonValue::Boolean(b) => Ok(*b),
            _ => Err("expected true or false".into()),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn malformed_bundles_are_errors_not_panics() {
        for bad in ["", "{", "[]", "{\"pages\":3}", "{\"pages\":[{}]}", "\"Rule\"", "{\"pages\":[],\"help_centre_url\":1}", "{\"pages\":[],\"contact_url\":1}"] {
            assert!(site_from_json(bad).is_err(), "{bad:?}");
        }
        let deep = format!("{}{}", "[".repeat(10_000), "]".repeat(10_000));
        assert!(parse(&deep).is_err());
        for bad in ["\"\\u12\"", "\"\\x\"", "\"open", "nul", "1.5", "[1,]", "{\"a\" 1}", "{} x"] {
            assert!(parse(bad).is_err(), "{bad:?}");
        }
    }

    #[test]
    fn strings_decode_every_escape_json_allows() {
        let JsonValue::String(s) = parse(r#""a\"b\\c\/d\n\t\u00e9\u2013\ud83d\ude00 é""#).unwrap() else { panic!() };
        assert_eq!(s, "a\"b\\c/d\n\té–😀 é");
        let JsonValue::Array(items) = parse(" [ -12 , true , null , {\"k\" : \"v\"} ] ").unwrap() else { panic!() };
        assert!(matches!(items[..], [JsonValue::Number(-12), JsonValue::Boolean(true), JsonValue::Null, JsonValue::Object(_)]));
    }
}
