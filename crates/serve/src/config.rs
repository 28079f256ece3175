//! How the server runs: where it listens, the write token, and the limits
//! that keep one client from exhausting it.

use std::net::{Ipv4Addr, SocketAddr};
use std::time::Duration;

/// The server's settings.
#[derive(Debug, Clone)]
pub struct ServeConfig {
    /// Where to listen; loopback by default, so nothing outside the machine
    /// can connect unless asked.
    pub addr: SocketAddr,
    /// With a token the ingest endpoint is open to whoever presents it;
    /// without one the server is read-only.
    pub token: Option<Token>,
    /// The largest request body, in bytes, outside ingest.
    pub max_body_bytes: usize,
    /// The largest ingest body (a document or a JSONL batch), in bytes.
    pub max_ingest_bytes: usize,
    /// A request that takes longer is answered 408 and dropped.
    pub timeout: Duration,
    /// Store connections that answer reads in parallel.
    pub readers: usize,
}

impl Default for ServeConfig {
    fn default() -> Self {
        Self {
            addr: SocketAddr::from((Ipv4Addr::LOCALHOST, 8080)),
            token: None,
            max_body_bytes: 64 << 10,
            max_ingest_bytes: 16 << 20,
            timeout: Duration::from_secs(30),
            readers: 4,
        }
    }
}

/// The secret that opens the ingest endpoint. Its `Debug` hides it.
#[derive(Clone, PartialEq, Eq)]
pub struct Token(String);

impl Token {
    /// A token; `None` when it is blank or shorter than 16 bytes (too easy
    /// to guess).
    #[must_use]
    pub fn new(secret: &str) -> Option<Self> {
        let secret = secret.trim();
        (secret.len() >= 16).then(|| Self(secret.to_owned()))
    }

    /// Compare with a presented token in time that does not depend on where
    /// they differ.
    #[must_use]
    pub fn matches(&self, presented: &str) -> bool {
        let (a, b) = (self.0.as_bytes(), presented.as_bytes());
        a.len() == b.len() && a.iter().zip(b).fold(0u8, |acc, (x, y)| acc | (x ^ y)) == 0
    }
}

impl std::fmt::Debug for Token {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("Token(..)")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tokens_are_checked_whole_and_hidden() {
        assert!(Token::new("short").is_none());
        assert!(Token::new("   ").is_none());
        let t = Token::new(" 0123456789abcdef ").map(|t| {
            (
                t.matches("0123456789abcdef"),
                t.matches("0123456789abcdeX"),
                t.matches("0123456789abcdef0"),
                format!("{t:?}"),
            )
        });
        assert_eq!(t, Some((true, false, false, "Token(..)".to_owned())));
    }

    #[test]
    fn the_default_address_is_loopback() {
        assert!(ServeConfig::default().addr.ip().is_loopback());
    }
}
