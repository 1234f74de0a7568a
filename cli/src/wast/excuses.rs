//! The excuse list: directives known to fail, each with a reason, so that a run can stay green
//! while the reason is being fixed. The target is an empty list.
//!
//! One entry a line, `file.wast:INDEX reason`, where INDEX is the directive's 0-based position
//! in its script (failure reports print it as `#INDEX`). `#` starts a comment line.

use std::collections::{BTreeMap, HashMap};

/// Directives excused from failing, by script file name and directive index.
#[derive(Clone, Debug, Default)]
pub struct Excuses {
    by_file: HashMap<String, BTreeMap<usize, String>>,
}

impl Excuses {
    /// Parses the list; an error names the first line that is not `file.wast:INDEX reason`.
    pub fn parse(text: &str) -> Result<Excuses, String> {
        let mut excuses = Excuses::default();
        for (number, line) in text.lines().enumerate() {
            let line = line.trim();
            if line.is_empty() || line.starts_with('#') {
                continue;
            }
            let bad = || {
                format!(
                    "excuse list line {}: expected `file.wast:INDEX reason`, got `{line}`",
                    number + 1
                )
            };
            let (location, reason) = line.split_once(char::is_whitespace).ok_or_else(bad)?;
            let (file, index) = location.rsplit_once(':').ok_or_else(bad)?;
            let index = index.parse().map_err(|_| bad())?;
            excuses
                .by_file
                .entry(file.to_string())
                .or_default()
                .insert(index, reason.trim().to_string());
        }
        Ok(excuses)
    }

    /// The reason directive `index` of script `file` is excused, if it is.
    pub fn reason(&self, file: &str, index: usize) -> Option<&str> {
        self.by_file.get(file)?.get(&index).map(String::as_str)
    }

    /// The number of entries.
    pub fn len(&self) -> usize {
        self.by_file.values().map(BTreeMap::len).sum()
    }

    /// Whether the list is empty (the target).
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }
}

#[cfg(test)]
mod tests {
    use super::Excuses;

    #[test]
    fn parses_entries_and_comments() {
        let e = Excuses::parse("# why\n\ni32.wast:12 translator lacks i32.rotl\nf32.wast:3  x\n")
            .unwrap();
        assert_eq!(e.reason("i32.wast", 12), Some("translator lacks i32.rotl"));
        assert_eq!(e.reason("f32.wast", 3), Some("x"));
        assert_eq!(e.reason("i32.wast", 3), None);
        assert_eq!(e.len(), 2);
    }

    #[test]
    fn rejects_lines_without_index() {
        assert!(Excuses::parse("i32.wast reason").is_err());
        assert!(Excuses::parse("i32.wast:x reason").is_err());
    }
}
