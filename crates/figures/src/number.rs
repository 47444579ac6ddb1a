//! Reading a number where the text writes one: Arabic digits (either width,
//! with a decimal point and thousands separators) or Chinese numerals
//! (三千, 两, 一百二十), and a range of two (20-30, 20至30).

/// A number read from the text, on a slice of chars.
#[derive(Debug, Clone, PartialEq)]
pub struct Number {
    pub value: f64,
    /// The upper end of a range (20-30 → 30).
    pub value_max: Option<f64>,
    /// Where it starts and ends (exclusive), in chars.
    pub start: usize,
    pub end: usize,
    /// Written in Chinese numerals rather than digits.
    pub chinese: bool,
}

/// The value of an Arabic digit in either width.
pub fn digit(c: char) -> Option<u32> {
    match c {
        '0'..='9' => c.to_digit(10),
        '０'..='９' => Some(c as u32 - '０' as u32),
        _ => None,
    }
}

/// The value of a Chinese digit (not of 十 百 千 万 亿).
fn chinese_digit(c: char) -> Option<u32> {
    Some(match c {
        '零' | '〇' => 0,
        '一' => 1,
        '二' | '两' => 2,
        '三' => 3,
        '四' => 4,
        '五' => 5,
        '六' => 6,
        '七' => 7,
        '八' => 8,
        '九' => 9,
        _ => return None,
    })
}

fn chinese_multiplier(c: char) -> Option<u32> {
    match c {
        '十' => Some(10),
        '百' => Some(100),
        '千' => Some(1000),
        _ => None,
    }
}

/// Whether a char can begin a number.
pub fn starts_number(c: char) -> bool {
    digit(c).is_some() || chinese_digit(c).is_some() || chinese_multiplier(c).is_some()
}

/// Read an Arabic number at `at`: digits, one decimal point, thousands
/// separators (a comma followed by exactly three digits), and spaces
/// between digits as PDF text leaves them.
fn arabic(chars: &[char], at: usize) -> Option<(f64, usize)> {
    let mut text = String::new();
    let mut i = at;
    let mut point = false;
    while i < chars.len() {
        let c = chars[i];
        if let Some(d) = digit(c) {
            text.push(char::from_digit(d, 10).unwrap_or('0'));
            i += 1;
        } else if (c == '.' || c == '．')
            && !point
            && chars.get(i + 1).and_then(|&n| digit(n)).is_some()
            && !text.is_empty()
        {
            point = true;
            text.push('.');
            i += 1;
        } else if (c == ',' || c == '，')
            && !point
            && !text.is_empty()
            && (1..=3).all(|k| chars.get(i + k).and_then(|&n| digit(n)).is_some())
            && chars.get(i + 4).and_then(|&n| digit(n)).is_none()
        {
            i += 1;
        } else {
            break;
        }
    }
    if text.is_empty() {
        return None;
    }
    text.parse::<f64>().ok().map(|v| (v, i))
}

/// Read Chinese numerals at `at` (not 万 or 亿, which stay in the unit).
/// 十二 → 12, 一百二十 → 120, 三千 → 3000, 两 → 2, 百 → 100.
fn chinese(chars: &[char], at: usize) -> Option<(f64, usize)> {
    let mut total: u64 = 0;
    let mut pending: Option<u64> = None;
    let mut i = at;
    let mut any = false;
    while i < chars.len() {
        let c = chars[i];
        if let Some(d) = chinese_digit(c) {
            if pending.is_some() && d != 0 {
                // Two digits in a row (一二三) is not a numeral.
                break;
            }
            if d != 0 {
                pending = Some(u64::from(d));
            }
            any = true;
        } else if let Some(m) = chinese_multiplier(c) {
            total += pending.take().unwrap_or(1) * u64::from(m);
            any = true;
        } else {
            break;
        }
        i += 1;
    }
    if !any {
        return None;
    }
    total += pending.unwrap_or(0);
    #[allow(clippy::cast_precision_loss)]
    Some((total as f64, i))
}

/// Read one number, or a range of two, at `at`.
pub fn read(chars: &[char], at: usize) -> Option<Number> {
    let (value, end, is_chinese) = if let Some((v, e)) = arabic(chars, at) {
        (v, e, false)
    } else {
        let (v, e) = chinese(chars, at)?;
        (v, e, true)
    };
    let mut number = Number {
        value,
        value_max: None,
        start: at,
        end,
        chinese: is_chinese,
    };
    // A range: 20-30, 20～30, 20至30, 20到30.
    if let Some(&dash) = chars.get(end)
        && matches!(dash, '-' | '~' | '～' | '至' | '到' | '—' | '－')
        && let Some(upper) = chars
            .get(end + 1)
            .filter(|&&c| starts_number(c))
            .and(Some(end + 1))
    {
        let second = if is_chinese {
            chinese(chars, upper)
        } else {
            arabic(chars, upper)
        };
        if let Some((max, e)) = second
            && max > value
        {
            number.value_max = Some(max);
            number.end = e;
        }
    }
    Some(number)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn val(s: &str) -> Option<(f64, Option<f64>, usize)> {
        let chars: Vec<char> = s.chars().collect();
        read(&chars, 0).map(|n| (n.value, n.value_max, n.end))
    }

    #[test]
    fn numbers() {
        assert_eq!(val("11892万元"), Some((11892.0, None, 5)));
        assert_eq!(val("923.17亿"), Some((923.17, None, 6)));
        assert_eq!(val("12,500元"), Some((12500.0, None, 6)));
        assert_eq!(val("三千人"), Some((3000.0, None, 2)));
        assert_eq!(val("两个"), Some((2.0, None, 1)));
        assert_eq!(val("一百二十处"), Some((120.0, None, 4)));
        assert_eq!(val("十二条"), Some((12.0, None, 2)));
        assert_eq!(val("百余人"), Some((100.0, None, 1)));
        assert_eq!(val("20-30万元"), Some((20.0, Some(30.0), 5)));
        assert_eq!(val("２０个"), Some((20.0, None, 2)));
        assert_eq!(val("1,2,3"), Some((1.0, None, 1)));
    }
}
