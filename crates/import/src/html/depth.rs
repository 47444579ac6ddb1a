//! A cap on how deep a page's elements nest, applied before parsing.
//!
//! The HTML parsing algorithm looks through the stack of open elements at
//! each start tag, so a page of 100 000 nested `<div>`s costs the parser
//! time quadratic in the depth (minutes). Browsers cap the depth too. Tags
//! that would open deeper than [`MAX_DEPTH`] are dropped, with their end
//! tags; their text stays, so nothing of the report is lost.

use std::borrow::Cow;

/// The deepest nesting kept (Chromium's parser keeps 512).
const MAX_DEPTH: usize = 512;

/// Elements that never hold others, or that a later tag closes by itself:
/// they do not count towards the depth.
const FLAT: &[&str] = &[
    "br", "img", "meta", "link", "input", "hr", "area", "base", "col", "embed", "param", "source",
    "track", "wbr", "p", "li", "td", "th", "tr", "option", "dt", "dd", "!doctype",
];

/// Elements whose content is raw text, skipped whole.
const RAW: &[&str] = &["script", "style", "textarea", "title"];

/// The page with the tags nested deeper than [`MAX_DEPTH`] taken out
/// (borrowed as it is when none is).
pub(super) fn cap_depth(page: &str) -> Cow<'_, str> {
    let mut depth = 0usize;
    let mut out: Option<String> = None;
    let mut copied = 0usize;
    let mut at = 0usize;
    let bytes = page.as_bytes();
    while let Some(offset) = memchr_lt(&bytes[at..]) {
        let start = at + offset;
        let Some(tag) = Tag::at(page, start) else {
            at = start + 1;
            continue;
        };
        let mut end = tag.end;
        let mut drop = false;
        if !FLAT.contains(&tag.name.as_str()) && !tag.self_closing {
            if tag.closing {
                drop = depth > MAX_DEPTH;
                depth = depth.saturating_sub(1);
            } else {
                depth += 1;
                drop = depth > MAX_DEPTH;
            }
        }
        if !tag.closing && RAW.contains(&tag.name.as_str()) {
            let close = format!("</{}", tag.name);
            end = find_ascii_ci(page, end, &close).unwrap_or(page.len());
            depth = depth.saturating_sub(1);
        }
        if drop {
            let buffer = out.get_or_insert_with(|| String::with_capacity(page.len()));
            buffer.push_str(&page[copied..start]);
            copied = tag.end;
        }
        at = end.max(start + 1);
    }
    match out {
        None => Cow::Borrowed(page),
        Some(mut buffer) => {
            buffer.push_str(&page[copied..]);
            Cow::Owned(buffer)
        }
    }
}

fn memchr_lt(bytes: &[u8]) -> Option<usize> {
    bytes.iter().position(|&b| b == b'<')
}

fn find_ascii_ci(page: &str, from: usize, needle: &str) -> Option<usize> {
    let hay = page.as_bytes().get(from..)?;
    hay.windows(needle.len())
        .position(|w| w.eq_ignore_ascii_case(needle.as_bytes()))
        .map(|p| from + p)
}

/// A tag found at a `<`.
struct Tag {
    name: String,
    closing: bool,
    self_closing: bool,
    /// Just past the tag's `>`.
    end: usize,
}

impl Tag {
    fn at(page: &str, start: usize) -> Option<Tag> {
        let rest = page.get(start + 1..)?;
        if rest.starts_with("!--") {
            // A comment: no tag, skipped to its end.
            let end = rest.find("-->").map_or(page.len(), |e| start + 1 + e + 3);
            return Some(Tag {
                name: "!doctype".to_string(),
                closing: false,
                self_closing: true,
                end,
            });
        }
        let (closing, rest) = match rest.strip_prefix('/') {
            Some(rest) => (true, rest),
            None => (false, rest),
        };
        let name_len = rest
            .find(|c: char| !(c.is_ascii_alphanumeric() || c == '!' || c == '-'))
            .unwrap_or(rest.len());
        if name_len == 0 || !rest.starts_with(|c: char| c.is_ascii_alphabetic() || c == '!') {
            return None;
        }
        let name = rest[..name_len].to_ascii_lowercase();
        let gt = rest.find('>')?;
        let self_closing = rest[..gt].ends_with('/');
        let offset = start + 1 + usize::from(closing);
        Some(Tag {
            name,
            closing,
            self_closing,
            end: offset + gt + 1,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_shallow_page_is_kept_as_it_is() {
        let page = "<html><body><div><p>一<br>二</div><script>if (a<b) {}</script></body></html>";
        assert!(matches!(cap_depth(page), Cow::Borrowed(_)));
    }

    #[test]
    fn tags_past_the_cap_go_and_their_text_stays() {
        let n = MAX_DEPTH + 100;
        let page = format!("{}正文{}", "<div>".repeat(n), "</div>".repeat(n));
        let capped = cap_depth(&page);
        assert_eq!(capped.matches("<div>").count(), MAX_DEPTH);
        assert_eq!(capped.matches("</div>").count(), MAX_DEPTH);
        assert!(capped.contains("正文"));
    }
}
