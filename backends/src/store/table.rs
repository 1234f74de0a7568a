//! A table of references, held as raw slot values (`0` is null).

/// The largest table this store will create or grow to.
pub const MAX_TABLE_LEN: u64 = 10_000_000;

/// A table owned by a store.
#[derive(Debug)]
pub struct TableEntity {
    /// The references: `store index + 1`, or 0 for null.
    pub elems: Vec<u64>,
    max: u64,
}

impl TableEntity {
    /// A table of `min` entries set to `init`, growable to `max`.
    pub fn new(min: u64, max: Option<u64>, init: u64) -> Result<Self, String> {
        if min > MAX_TABLE_LEN {
            return Err(format!("table of {min} elements is over the limit"));
        }
        Ok(Self {
            elems: vec![init; min as usize],
            max: max.unwrap_or(u64::from(u32::MAX)),
        })
    }

    /// The number of entries.
    pub fn len(&self) -> u64 {
        self.elems.len() as u64
    }

    /// Whether the table has no entries.
    pub fn is_empty(&self) -> bool {
        self.elems.is_empty()
    }

    /// The maximum, if any was declared.
    pub fn max(&self) -> u64 {
        self.max
    }

    /// Grows by `delta` entries set to `init`; the old size, or `None`.
    pub fn grow(&mut self, delta: u64, init: u64) -> Option<u64> {
        let old = self.len();
        let new = old.checked_add(delta)?;
        if new > self.max || new > MAX_TABLE_LEN {
            return None;
        }
        self.elems.resize(new as usize, init);
        Some(old)
    }
}
