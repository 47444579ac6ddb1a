//! The names a unit enum accepts in JSON, read from its derived `Deserialize`.
//!
//! serde_json reports a number, `null` or `true` where an enum is expected
//! as the syntax error "expected value", with no hint of what would do. The
//! loader uses these names to say instead `invalid type: integer `5`,
//! expected one of `work-summary`, …`. Asking the type itself keeps the
//! message right when a variant is added or renamed.

use serde::Deserialize;
use serde::de::{self, Deserializer, Visitor};
use std::fmt;

/// The variant names `T` accepts, or `None` when `T` is not an enum.
pub(crate) fn variant_names<'de, T: Deserialize<'de>>() -> Option<&'static [&'static str]> {
    match T::deserialize(Probe) {
        Err(Probed(names)) => names,
        Ok(_) => None,
    }
}

/// A deserializer that answers every request with an error, and records the
/// variant list when it is asked for an enum.
struct Probe;

#[derive(Debug)]
struct Probed(Option<&'static [&'static str]>);

impl fmt::Display for Probed {
    fn fmt(&self, formatter: &mut fmt::Formatter<'_>) -> fmt::Result {
        formatter.write_str("not an enum")
    }
}

impl std::error::Error for Probed {}

impl de::Error for Probed {
    fn custom<T: fmt::Display>(_message: T) -> Self {
        Probed(None)
    }
}

impl<'de> Deserializer<'de> for Probe {
    type Error = Probed;

    fn deserialize_any<V: Visitor<'de>>(self, _visitor: V) -> Result<V::Value, Probed> {
        Err(Probed(None))
    }

    fn deserialize_enum<V: Visitor<'de>>(
        self,
        _name: &'static str,
        variants: &'static [&'static str],
        _visitor: V,
    ) -> Result<V::Value, Probed> {
        Err(Probed(Some(variants)))
    }

    serde::forward_to_deserialize_any! {
        bool i8 i16 i32 i64 i128 u8 u16 u32 u64 u128 f32 f64 char str string
        bytes byte_buf option unit unit_struct newtype_struct seq tuple
        tuple_struct map struct identifier ignored_any
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Kind, Period};

    #[test]
    fn names_come_from_the_model() {
        assert_eq!(
            variant_names::<Kind>(),
            Some(&["work-summary", "government-work-report", "other"][..])
        );
        assert_eq!(
            variant_names::<Period>(),
            Some(&["annual", "half-year"][..])
        );
        assert_eq!(variant_names::<String>(), None);
    }
}
