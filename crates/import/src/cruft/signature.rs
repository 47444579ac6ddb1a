//! The closing signature of a report (signing bodies over a date line),
//! taken off the end of the body; its date can stand for `published`.

use super::is_attachment_note;
use crate::fields::{is_date_line, parse_date};
use crate::place::is_org_name;

/// The closing signature of a report: what it takes out of the body.
#[derive(Debug, Default, PartialEq, Eq)]
pub(crate) struct Signature {
    /// The signing body, when one alone signs.
    pub(crate) org: Option<String>,
    /// The date under the signature, as YYYY-MM-DD.
    pub(crate) date: Option<String>,
}

/// Take the signature off the end of the body: the signing bodies
/// ("中共石桥镇委员会 石桥镇人民政府") over a date line ("2022年12月20日"),
/// perhaps followed by an attachment note (附件:…), which stays. Without a
/// date line nothing is taken: a body name alone may be text.
pub(crate) fn take_signature(lines: &mut Vec<String>) -> Signature {
    let mut last: Vec<usize> = (0..lines.len())
        .rev()
        .filter(|&i| !lines[i].is_empty())
        .take(12)
        .collect();
    last.reverse();
    // An attachment list (附件:1.… 2.… 相关附件:…) may follow the signature.
    if let Some(at) = last.iter().position(|&i| is_attachment_note(&lines[i])) {
        last.truncate(at);
    }
    let Some(&date_at) = last.last().filter(|&&i| is_date_line(&lines[i])) else {
        return Signature::default();
    };
    last.pop();
    let mut signers = Vec::new();
    while let Some(&i) = last
        .last()
        .filter(|&&i| lines[i].split_whitespace().all(is_org_name))
    {
        signers.push(i);
        last.pop();
    }
    let signature = Signature {
        org: match signers.as_slice() {
            [only] if !lines[*only].contains(' ') => Some(lines[*only].clone()),
            _ => None,
        },
        date: parse_date(&lines[date_at]),
    };
    for i in std::iter::once(date_at).chain(signers) {
        lines.remove(i);
    }
    signature
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn signature_and_date_are_taken_off_the_end() {
        let mut lines: Vec<String> = [
            "继续抓好项目建设。",
            "中共石桥镇委员会 石桥镇人民政府",
            "2022年12月20日",
            "附件:2022年重点项目清单",
        ]
        .map(String::from)
        .to_vec();
        let signature = take_signature(&mut lines);
        assert_eq!(signature.date.as_deref(), Some("2022-12-20"));
        assert_eq!(signature.org, None);
        assert_eq!(lines, vec!["继续抓好项目建设。", "附件:2022年重点项目清单"]);
        let mut lines: Vec<String> = ["正文。", "石桥镇党政办公室", "2022年12月20日"]
            .map(String::from)
            .to_vec();
        assert_eq!(
            take_signature(&mut lines).org.as_deref(),
            Some("石桥镇党政办公室")
        );
        let mut lines: Vec<String> = ["正文。", "石桥镇人民政府"].map(String::from).to_vec();
        assert_eq!(take_signature(&mut lines), Signature::default());
        assert_eq!(lines.len(), 2);
    }
}
