//! A minimal walk over a module binary's sections, for what the public API does not tell.

/// The id of the start section.
const START: u8 = 8;

/// Whether the (well-formed) module binary has a start section. Instantiating such a module
/// runs code, which may not terminate; the mutation test skips those.
pub fn has_start_section(module: &[u8]) -> bool {
    // Anything unexpected counts as "maybe": the caller then plays it safe.
    let Some(mut rest) = module.strip_prefix(b"\0asm") else {
        return true;
    };
    let Some(body) = rest.get(4..) else {
        return true;
    };
    rest = body;
    while let Some((&id, after_id)) = rest.split_first() {
        if id == START {
            return true;
        }
        let Some((size, after_size)) = read_u32(after_id) else {
            return true;
        };
        let Some(next) = after_size.get(size as usize..) else {
            return true;
        };
        rest = next;
    }
    false
}

/// Reads an unsigned LEB128 `u32`; returns it and the bytes after it.
fn read_u32(bytes: &[u8]) -> Option<(u32, &[u8])> {
    let mut value = 0u32;
    for (i, &b) in bytes.iter().enumerate().take(5) {
        value |= u32::from(b & 0x7f) << (7 * i);
        if b & 0x80 == 0 {
            return Some((value, &bytes[i + 1..]));
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::has_start_section;

    #[test]
    fn finds_start() {
        let header = b"\0asm\x01\0\0\0".to_vec();
        assert!(!has_start_section(&header));
        // A custom section with a 2-byte LEB size (0x81 0x00 = 1), then a start section.
        let mut with_start = header.clone();
        with_start.extend_from_slice(&[0, 0x81, 0x00, 0x00, START_ID, 1, 0]);
        assert!(has_start_section(&with_start));
        let mut custom_only = header.clone();
        custom_only.extend_from_slice(&[0, 0x81, 0x00, 0x00]);
        assert!(!has_start_section(&custom_only));
        assert!(has_start_section(b"(module)"));
    }

    const START_ID: u8 = super::START;
}
