//! Which hosts a fetch may reach. A feed or a posted document can link an
//! entry to any URL; followed blindly, a link to `http://127.0.0.1:5432/`,
//! `http://169.254.169.254/` (a cloud's metadata service) or a LAN address
//! makes sitrep fetch, store and then serve a private page to anyone
//! (server-side request forgery). Unless private hosts are allowed, a URL
//! is fetched only when every address its host resolves to is a public
//! unicast address; each redirect's target is checked the same way.
//!
//! The check resolves the name before ureq connects, so a name that
//! resolves differently a moment later (DNS rebinding) is not covered; the
//! addresses refused are those of RFC 6890's special-purpose registry that
//! reach this machine or its networks.

use std::net::{IpAddr, Ipv4Addr, Ipv6Addr, ToSocketAddrs};

use crate::error::Problem;

/// Refuse `url` unless its host resolves to public addresses only.
///
/// # Errors
/// [`Problem::PrivateHost`] for a loopback, private, link-local, shared,
/// unspecified, multicast or reserved address; [`Problem::Network`] when the
/// host cannot be resolved.
pub fn check_public(url: &str) -> Result<(), Problem> {
    let (host, port) = host_and_port(url).ok_or_else(|| Problem::Network { message: format!("no host in {url:?}") })?;
    let addrs = (host.as_str(), port)
        .to_socket_addrs()
        .map_err(|e| Problem::Network { message: format!("resolving {host}: {e}") })?;
    match addrs.map(|a| a.ip()).find(|ip| !is_public(*ip)) {
        Some(ip) => Err(Problem::PrivateHost { host, address: ip.to_string() }),
        None => Ok(()),
    }
}

/// The host (without IPv6 brackets) and port of an `http(s)` URL.
fn host_and_port(url: &str) -> Option<(String, u16)> {
    let scheme = url.split_once("://")?.0;
    let default = if scheme.eq_ignore_ascii_case("https") { 443 } else { 80 };
    let authority = crate::http::authority(url)?;
    let (host, port) = match authority.strip_prefix('[') {
        Some(v6) => {
            let (h, after) = v6.split_once(']')?;
            (h, after.strip_prefix(':'))
        }
        None => match authority.rsplit_once(':') {
            Some((h, p)) => (h, Some(p)),
            None => (authority, None),
        },
    };
    let port = match port {
        Some(p) => p.parse().ok()?,
        None => default,
    };
    (!host.is_empty()).then(|| (host.to_owned(), port))
}

/// True for a globally routable unicast address.
#[must_use]
pub fn is_public(ip: IpAddr) -> bool {
    match ip {
        IpAddr::V4(v4) => public_v4(v4),
        IpAddr::V6(v6) => match v6.to_ipv4_mapped() {
            Some(v4) => public_v4(v4),
            None => public_v6(v6),
        },
    }
}

fn public_v4(ip: Ipv4Addr) -> bool {
    let [a, b, ..] = ip.octets();
    let shared = a == 100 && (64..128).contains(&b); // 100.64.0.0/10, carrier-grade NAT
    let reserved = a >= 240 || a == 0; // 240.0.0.0/4 and "this network"
    let benchmarking = a == 198 && (b == 18 || b == 19);
    !(ip.is_loopback()
        || ip.is_private()
        || ip.is_link_local()
        || ip.is_unspecified()
        || ip.is_multicast()
        || ip.is_broadcast()
        || ip.is_documentation()
        || shared
        || reserved
        || benchmarking)
}

fn public_v6(ip: Ipv6Addr) -> bool {
    let first = ip.segments()[0];
    let unique_local = first & 0xfe00 == 0xfc00; // fc00::/7
    let link_local = first & 0xffc0 == 0xfe80; // fe80::/10
    let documentation = first == 0x2001 && ip.segments()[1] == 0x0db8;
    !(ip.is_loopback() || ip.is_unspecified() || ip.is_multicast() || unique_local || link_local || documentation)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn private_and_special_addresses_are_refused() {
        for a in ["127.0.0.1", "10.1.2.3", "172.16.0.1", "192.168.1.1", "169.254.169.254", "100.64.0.1", "0.0.0.0"] {
            assert!(!is_public(a.parse().expect("address")), "{a}");
        }
        for a in ["::1", "fd00::1", "fe80::1", "::ffff:127.0.0.1", "::"] {
            assert!(!is_public(a.parse().expect("address")), "{a}");
        }
        for a in ["8.8.8.8", "151.101.1.69", "2a04:4e42::81"] {
            assert!(is_public(a.parse().expect("address")), "{a}");
        }
    }

    #[test]
    fn urls_to_this_machine_are_refused_without_a_lookup_abroad() {
        for url in ["http://127.0.0.1:8080/x", "http://[::1]/", "https://user@10.0.0.5/feed", "http://localhost/"] {
            assert!(matches!(check_public(url), Err(Problem::PrivateHost { .. })), "{url}");
        }
        assert_eq!(host_and_port("https://example.org/a"), Some(("example.org".into(), 443)));
        assert_eq!(host_and_port("http://[::1]:81/"), Some(("::1".into(), 81)));
    }
}
