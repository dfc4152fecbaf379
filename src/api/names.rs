//! The server's naming rules, checked before anything is sent so that a bad name never
//! leaves half a set-up behind.

/// Characters Prefect forbids in pool and queue names (`^[^/%&><]+$`).
const FORBIDDEN: &[char] = &['/', '%', '&', '>', '<'];

/// Why a work pool name is refused, if it is.
pub fn work_pool_name_problem(name: &str) -> Option<String> {
    if let Some(problem) = common_problem(name) {
        return Some(problem);
    }
    if name.to_ascii_lowercase().starts_with("prefect") {
        return Some("names starting with 'prefect' are reserved by Prefect".into());
    }
    None
}

/// Why a work queue name is refused, if it is.
pub fn work_queue_name_problem(name: &str) -> Option<String> {
    common_problem(name)
}

fn common_problem(name: &str) -> Option<String> {
    if name.trim().is_empty() {
        return Some("the name is empty".into());
    }
    if let Some(c) = name.chars().find(|c| FORBIDDEN.contains(c)) {
        return Some(format!(
            "the name contains '{c}'; / % & > < are not allowed"
        ));
    }
    None
}

/// Why a deployment or flow name is refused, if it is: empty once quotes and blanks are
/// taken off (Prefect's own test), or holding a character Prefect bans from names (the
/// server addresses a deployment as `FLOW/NAME`, so a `/` in either, or a name `..`, cannot
/// be found again; `%`, `&`, `<`, `>` make it answer 500).
pub fn deployment_name_problem(name: &str) -> Option<String> {
    if name
        .trim_matches(|c| c == '\'' || c == '"' || c == ' ')
        .is_empty()
    {
        return Some("the name is empty".into());
    }
    if name == "." || name == ".." {
        return Some(format!(
            "'{name}' reads as a path, not a name, where the server looks a deployment up"
        ));
    }
    common_problem(name)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn applies_the_servers_rules() {
        assert_eq!(work_pool_name_problem("ot2-device-pool"), None);
        assert!(work_pool_name_problem("Prefect-pool").is_some());
        assert!(work_pool_name_problem("  ").is_some());
        assert!(work_queue_name_problem("a/b").is_some());
        assert_eq!(work_queue_name_problem("my queue"), None);
        assert!(deployment_name_problem("\"\"").is_some());
        assert!(deployment_name_problem("a%b").is_some());
        assert!(deployment_name_problem("..").is_some());
        assert_eq!(deployment_name_problem("mix-color a..b"), None);
    }
}
