//! Bytes → text. (in progress)

use thiserror::Error;

#[derive(Debug, Error)]
pub enum DecodeError {
    #[error("not a text file: {0}")]
    NotText(String),
}

pub fn decode(bytes: &[u8]) -> Result<String, DecodeError> {
    String::from_utf8(bytes.to_vec()).map_err(|e| DecodeError::NotText(e.to_string()))
}
