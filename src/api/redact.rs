//! Credentials inside URLs, masked wherever text leaves ot2ctl: `http://admin:SECRET@host/api`
//! (which Prefect users do write) and `?token=...`-style query parameters. The printer, run
//! logs and unit files all pass their text through [`redact`].

use std::borrow::Cow;

/// What a secret is shown as.
pub const MASK: &str = "********";

/// Query parameters whose values are credentials (compared case-insensitively, `-` as `_`).
const SECRET_PARAMETERS: &[&str] = &[
    "token",
    "access_token",
    "auth",
    "auth_token",
    "api_key",
    "apikey",
    "key",
    "password",
    "passwd",
    "pwd",
    "secret",
    "client_secret",
    "sig",
    "signature",
    "x_amz_signature",
    "x_amz_credential",
    "x_amz_security_token",
];

/// `text` with the credentials of every URL in it masked.
pub fn redact(text: &str) -> Cow<'_, str> {
    if !text.contains("://") {
        return Cow::Borrowed(text);
    }
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(at) = rest.find("://") {
        // The scheme: letters, digits, `+`, `-`, `.` before `://`.
        let scheme_start = rest[..at]
            .rfind(|c: char| !(c.is_ascii_alphanumeric() || matches!(c, '+' | '-' | '.')))
            .map_or(0, |i| i + 1);
        let after = at + 3;
        let end = rest[after..]
            .find(|c: char| c.is_whitespace() || matches!(c, '"' | '\'' | '<' | '>' | '`'))
            .map_or(rest.len(), |i| after + i);
        out.push_str(&rest[..scheme_start]);
        if scheme_start == at {
            // `://` without a scheme is not a URL.
            out.push_str(&rest[scheme_start..after]);
            rest = &rest[after..];
            continue;
        }
        out.push_str(&redact_url(&rest[scheme_start..end]));
        rest = &rest[end..];
    }
    out.push_str(rest);
    Cow::Owned(out)
}

/// One URL with its userinfo and secret query parameters masked: `http://admin:****@host`,
/// `https://****@host` (a user name alone is often a token), `?token=****`.
pub fn redact_url(url: &str) -> String {
    let Some(scheme_end) = url.find("://") else {
        return url.to_string();
    };
    let authority_start = scheme_end + 3;
    let authority_end = url[authority_start..]
        .find(['/', '?', '#'])
        .map_or(url.len(), |i| authority_start + i);
    let mut out = url[..authority_start].to_string();
    let authority = &url[authority_start..authority_end];
    match authority.rfind('@') {
        Some(at) => {
            let userinfo = &authority[..at];
            match userinfo.split_once(':') {
                Some((user, _)) if !user.is_empty() => {
                    out.push_str(user);
                    out.push(':');
                    out.push_str(MASK);
                }
                _ => out.push_str(MASK),
            }
            out.push_str(&authority[at..]);
        }
        None => out.push_str(authority),
    }
    let rest = &url[authority_end..];
    let (before_query, query_and_fragment) = match rest.find('?') {
        Some(q) => (&rest[..q], Some(&rest[q + 1..])),
        None => (rest, None),
    };
    out.push_str(before_query);
    if let Some(query_and_fragment) = query_and_fragment {
        let (query, fragment) = match query_and_fragment.find('#') {
            Some(h) => (&query_and_fragment[..h], Some(&query_and_fragment[h..])),
            None => (query_and_fragment, None),
        };
        out.push('?');
        let pairs: Vec<String> = query
            .split('&')
            .map(|pair| match pair.split_once('=') {
                Some((name, value)) if is_secret_parameter(name) && !value.is_empty() => {
                    format!("{name}={MASK}")
                }
                _ => pair.to_string(),
            })
            .collect();
        out.push_str(&pairs.join("&"));
        if let Some(fragment) = fragment {
            out.push_str(fragment);
        }
    }
    out
}

fn is_secret_parameter(name: &str) -> bool {
    let name = name.to_ascii_lowercase().replace('-', "_");
    SECRET_PARAMETERS.contains(&name.as_str())
}

/// The user and password written into a URL (`http://user:pass@host`), percent-decoded, and
/// the URL without them. `None` when the URL carries no credentials.
pub fn split_credentials(url: &str) -> Option<(String, String)> {
    let mut parsed = reqwest::Url::parse(url).ok()?;
    if parsed.username().is_empty() && parsed.password().is_none() {
        return None;
    }
    let user = percent_decode(parsed.username());
    let secret = match parsed.password() {
        Some(password) => format!("{user}:{}", percent_decode(password)),
        None => user,
    };
    parsed.set_username("").ok()?;
    parsed.set_password(None).ok()?;
    Some((secret, parsed.as_str().trim_end_matches('/').to_string()))
}

fn percent_decode(text: &str) -> String {
    let bytes = text.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut index = 0;
    while index < bytes.len() {
        if bytes[index] == b'%'
            && index + 2 < bytes.len()
            && let Some(byte) = std::str::from_utf8(&bytes[index + 1..index + 3])
                .ok()
                .and_then(|hex| u8::from_str_radix(hex, 16).ok())
        {
            out.push(byte);
            index += 3;
            continue;
        }
        out.push(bytes[index]);
        index += 1;
    }
    String::from_utf8_lossy(&out).to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn userinfo_and_token_parameters_are_masked_wherever_they_are() {
        assert_eq!(
            redact("cannot reach http://admin:s3cr3t@10.0.0.5:4200/api (refused)"),
            "cannot reach http://admin:********@10.0.0.5:4200/api (refused)"
        );
        assert_eq!(
            redact("git clone https://ghp_abc123@github.com/lab/protocols.git"),
            "git clone https://********@github.com/lab/protocols.git"
        );
        assert_eq!(
            redact("\"https://host/x?ref=main&access_token=abc&Sig=9#top\""),
            "\"https://host/x?ref=main&access_token=********&Sig=********#top\""
        );
        assert_eq!(redact("nothing here: a@b, ://x"), "nothing here: a@b, ://x");
        assert_eq!(
            redact("http://127.0.0.1:4200/api"),
            "http://127.0.0.1:4200/api"
        );
        assert_eq!(
            redact("two: http://u:p@a/ and ftp://v:q@b"),
            "two: http://u:********@a/ and ftp://v:********@b"
        );
    }

    #[test]
    fn credentials_come_out_of_the_url_decoded() {
        assert_eq!(
            split_credentials("http://admin:p%40ss@10.0.0.5:4200/api"),
            Some((
                "admin:p@ss".to_string(),
                "http://10.0.0.5:4200/api".to_string()
            ))
        );
        assert_eq!(split_credentials("http://10.0.0.5:4200/api"), None);
    }
}
