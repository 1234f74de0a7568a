//! A linear memory: bytes, a size in pages, and growth within limits.

/// Bytes in a Wasm page.
pub const PAGE_SIZE: usize = 65536;
/// The most pages a 32-bit memory may have.
pub const MAX_PAGES: u64 = 65536;

/// A linear memory owned by a store.
#[derive(Debug)]
pub struct MemoryEntity {
    bytes: Vec<u8>,
    max_pages: u64,
}

impl MemoryEntity {
    /// A memory of `min` pages that may grow to `max` (or to the 32-bit limit), capped by the
    /// store's `limit_pages`. Fails when `min` exceeds the cap.
    pub fn new(min: u64, max: Option<u64>, limit_pages: u64) -> Result<Self, String> {
        let max_pages = max.unwrap_or(MAX_PAGES).min(MAX_PAGES);
        if min > max_pages || min > limit_pages {
            return Err(format!("memory of {min} pages is over the limit"));
        }
        let len = usize::try_from(min)
            .ok()
            .and_then(|p| p.checked_mul(PAGE_SIZE));
        let len = len.ok_or_else(|| "memory size overflows".to_string())?;
        // `vec![0; n]` asks the allocator for zeroed memory, which the OS maps lazily.
        let bytes = vec![0u8; len];
        Ok(Self {
            bytes,
            max_pages: max_pages.min(limit_pages.max(min)),
        })
    }

    /// The size in pages.
    pub fn pages(&self) -> u64 {
        (self.bytes.len() / PAGE_SIZE) as u64
    }

    /// Grows by `delta` pages; the old size, or `None` when that is not possible.
    pub fn grow(&mut self, delta: u64) -> Option<u64> {
        let old = self.pages();
        let new = old.checked_add(delta)?;
        if new > self.max_pages {
            return None;
        }
        let new_len = usize::try_from(new).ok()?.checked_mul(PAGE_SIZE)?;
        self.bytes
            .try_reserve_exact(new_len - self.bytes.len())
            .ok()?;
        self.bytes.resize(new_len, 0);
        Some(old)
    }

    /// The bytes.
    pub fn data(&self) -> &[u8] {
        &self.bytes
    }

    /// The bytes, writable.
    pub fn data_mut(&mut self) -> &mut [u8] {
        &mut self.bytes
    }

    /// The maximum size in pages this memory may grow to.
    pub fn max_pages(&self) -> u64 {
        self.max_pages
    }
}
